// The elementary functions as static members of every `ADReal`, the
// spelling generic code uses: `T.sin(x) * T.exp(-x * x)`.
//
// Declared once here, in an extension rather than as protocol requirements:
// a requirement with a default doubles the candidates the type checker
// weighs at every call, and a free generic function (`sin<T: ADReal>`)
// competes with the C library's overloads in every file that imports both.
// A static member on a known type is one candidate, so long generic
// formulas type-check in milliseconds. Each applies its rule from the
// shared table (Rules/), exactly as the free functions do.
//
// Each is always inlined: its body is the chain rule on the caller's
// number type, a few instructions around the C library's call, which the
// optimiser otherwise kept as a call of its own in every formula. Inlined,
// sin and cos of one argument (tan as sin/cos, a rotation) also share one
// `sincos` call.

extension ADReal {
  /// The exponential eˣ of `x`, with its derivatives (``Rules/Exp``).
  @inlinable @inline(__always)
  public static func exp(_ x: Self) -> Self { _apply(Rules.Exp(), x) }

  /// The power 2ˣ of `x`, with its derivatives (``Rules/Exp2``).
  @inlinable @inline(__always)
  public static func exp2(_ x: Self) -> Self { _apply(Rules.Exp2(), x) }

  /// eˣ − 1, accurate near 0, of `x`, with its derivatives (``Rules/Expm1``).
  @inlinable @inline(__always)
  public static func expm1(_ x: Self) -> Self { _apply(Rules.Expm1(), x) }

  /// The natural logarithm of `x`, with its derivatives (``Rules/Log``).
  @inlinable @inline(__always)
  public static func log(_ x: Self) -> Self { _apply(Rules.Log(), x) }

  /// The base-2 logarithm of `x`, with its derivatives (``Rules/Log2``).
  @inlinable @inline(__always)
  public static func log2(_ x: Self) -> Self { _apply(Rules.Log2(), x) }

  /// The base-10 logarithm of `x`, with its derivatives (``Rules/Log10``).
  @inlinable @inline(__always)
  public static func log10(_ x: Self) -> Self { _apply(Rules.Log10(), x) }

  /// log(1 + x), accurate near 0, of `x`, with its derivatives (``Rules/Log1p``).
  @inlinable @inline(__always)
  public static func log1p(_ x: Self) -> Self { _apply(Rules.Log1p(), x) }

  /// The square root of `x`, with its derivatives (``Rules/Sqrt``).
  @inlinable @inline(__always)
  public static func sqrt(_ x: Self) -> Self { _apply(Rules.Sqrt(), x) }

  /// The cube root of `x`, with its derivatives (``Rules/Cbrt``).
  @inlinable @inline(__always)
  public static func cbrt(_ x: Self) -> Self { _apply(Rules.Cbrt(), x) }

  /// The sine of `x`, with its derivatives (``Rules/Sin``).
  @inlinable @inline(__always)
  public static func sin(_ x: Self) -> Self { _apply(Rules.Sin(), x) }

  /// The cosine of `x`, with its derivatives (``Rules/Cos``).
  @inlinable @inline(__always)
  public static func cos(_ x: Self) -> Self { _apply(Rules.Cos(), x) }

  /// The tangent of `x`, with its derivatives (``Rules/Tan``).
  @inlinable @inline(__always)
  public static func tan(_ x: Self) -> Self { _apply(Rules.Tan(), x) }

  /// The arcsine of `x`, with its derivatives (``Rules/Asin``).
  @inlinable @inline(__always)
  public static func asin(_ x: Self) -> Self { _apply(Rules.Asin(), x) }

  /// The arccosine of `x`, with its derivatives (``Rules/Acos``).
  @inlinable @inline(__always)
  public static func acos(_ x: Self) -> Self { _apply(Rules.Acos(), x) }

  /// The arctangent of `x`, with its derivatives (``Rules/Atan``).
  @inlinable @inline(__always)
  public static func atan(_ x: Self) -> Self { _apply(Rules.Atan(), x) }

  /// The hyperbolic sine of `x`, with its derivatives (``Rules/Sinh``).
  @inlinable @inline(__always)
  public static func sinh(_ x: Self) -> Self { _apply(Rules.Sinh(), x) }

  /// The hyperbolic cosine of `x`, with its derivatives (``Rules/Cosh``).
  @inlinable @inline(__always)
  public static func cosh(_ x: Self) -> Self { _apply(Rules.Cosh(), x) }

  /// The hyperbolic tangent of `x`, with its derivatives (``Rules/Tanh``).
  @inlinable @inline(__always)
  public static func tanh(_ x: Self) -> Self { _apply(Rules.Tanh(), x) }

  /// The inverse hyperbolic sine of `x`, with its derivatives (``Rules/Asinh``).
  @inlinable @inline(__always)
  public static func asinh(_ x: Self) -> Self { _apply(Rules.Asinh(), x) }

  /// The inverse hyperbolic cosine of `x`, with its derivatives (``Rules/Acosh``).
  @inlinable @inline(__always)
  public static func acosh(_ x: Self) -> Self { _apply(Rules.Acosh(), x) }

  /// The inverse hyperbolic tangent of `x`, with its derivatives (``Rules/Atanh``).
  @inlinable @inline(__always)
  public static func atanh(_ x: Self) -> Self { _apply(Rules.Atanh(), x) }

  /// The error function of `x`, with its derivatives (``Rules/Erf``).
  @inlinable @inline(__always)
  public static func erf(_ x: Self) -> Self { _apply(Rules.Erf(), x) }

  /// The complementary error function, 1 − erf(x) of `x`, with its derivatives (``Rules/Erfc``).
  @inlinable @inline(__always)
  public static func erfc(_ x: Self) -> Self { _apply(Rules.Erfc(), x) }

  /// The largest whole number not above `x`, with its derivatives (``Rules/Floor``).
  @inlinable @inline(__always)
  public static func floor(_ x: Self) -> Self { _apply(Rules.Floor(), x) }

  /// The smallest whole number not below `x`, with its derivatives (``Rules/Ceil``).
  @inlinable @inline(__always)
  public static func ceil(_ x: Self) -> Self { _apply(Rules.Ceil(), x) }

  /// The nearest whole number (halves away from zero) to `x`, with its derivatives (``Rules/Rounded``).
  @inlinable @inline(__always)
  public static func rounded(_ x: Self) -> Self { _apply(Rules.Rounded(), x) }

  /// The sign (−1 or +1; ±0 and NaN unchanged) of `x`, with its derivatives (``Rules/Sign``).
  @inlinable @inline(__always)
  public static func sign(_ x: Self) -> Self { _apply(Rules.Sign(), x) }

  /// `x` raised to the whole number `n`, exact at x = 0 (``Rules/PowInt``).
  @inlinable @inline(__always)
  public static func pow(_ x: Self, _ n: Int) -> Self { _apply(Rules.PowInt(n), x) }

  /// `x` raised to `y`, both active (``Rules/Pow``).
  @inlinable @inline(__always)
  public static func pow(_ x: Self, _ y: Self) -> Self { _apply(Rules.Pow(), x, y) }

  /// The angle of the point (x, y), in (−π, π] (``Rules/Atan2``).
  @inlinable @inline(__always)
  public static func atan2(_ y: Self, _ x: Self) -> Self { _apply(Rules.Atan2(), y, x) }

  /// √(x² + y²) without undue overflow or underflow (``Rules/Hypot``).
  @inlinable @inline(__always)
  public static func hypot(_ x: Self, _ y: Self) -> Self { _apply(Rules.Hypot(), x, y) }

}
