// The elementary functions generic code calls, named like the C library's.
//
// Each is one line: it applies the function's rule from the shared table
// (Rules/), so every number type differentiates it the same way. For plain
// `Double` and `Float` arguments outside generic code, the C library's own
// non-generic overloads are chosen, as before importing Epsilon.

// MARK: - Exponential and logarithm

/// The exponential eˣ of `x`, with its derivatives (``Rules/Exp``).
@inlinable
public func exp<T: ADReal>(_ x: T) -> T { T._apply(Rules.Exp(), x) }

/// The power 2ˣ of `x`, with its derivatives (``Rules/Exp2``).
@inlinable
public func exp2<T: ADReal>(_ x: T) -> T { T._apply(Rules.Exp2(), x) }

/// eˣ − 1, accurate near 0, of `x`, with its derivatives (``Rules/Expm1``).
@inlinable
public func expm1<T: ADReal>(_ x: T) -> T { T._apply(Rules.Expm1(), x) }

/// The natural logarithm of `x`, with its derivatives (``Rules/Log``).
@inlinable
public func log<T: ADReal>(_ x: T) -> T { T._apply(Rules.Log(), x) }

/// The base-2 logarithm of `x`, with its derivatives (``Rules/Log2``).
@inlinable
public func log2<T: ADReal>(_ x: T) -> T { T._apply(Rules.Log2(), x) }

/// The base-10 logarithm of `x`, with its derivatives (``Rules/Log10``).
@inlinable
public func log10<T: ADReal>(_ x: T) -> T { T._apply(Rules.Log10(), x) }

/// log(1 + x), accurate near 0, of `x`, with its derivatives (``Rules/Log1p``).
@inlinable
public func log1p<T: ADReal>(_ x: T) -> T { T._apply(Rules.Log1p(), x) }

// MARK: - Powers and roots

// Disfavoured: the C library overlay also has a generic `sqrt` for any
// FloatingPoint; for a plain Float both would match and neither wins.
/// The square root of `x`, with its derivatives (``Rules/Sqrt``).
@inlinable @_disfavoredOverload
public func sqrt<T: ADReal>(_ x: T) -> T { T._apply(Rules.Sqrt(), x) }

/// The cube root of `x`, with its derivatives (``Rules/Cbrt``).
@inlinable
public func cbrt<T: ADReal>(_ x: T) -> T { T._apply(Rules.Cbrt(), x) }

// MARK: - Trigonometric

// sin and cos are always inlined, so that where a function takes both of one
// argument the two `sincos` calls their rules make are one call.

/// The sine of `x`, with its derivatives (``Rules/Sin``).
@inlinable @inline(__always)
public func sin<T: ADReal>(_ x: T) -> T { T._apply(Rules.Sin(), x) }

/// The cosine of `x`, with its derivatives (``Rules/Cos``).
@inlinable @inline(__always)
public func cos<T: ADReal>(_ x: T) -> T { T._apply(Rules.Cos(), x) }

/// The tangent of `x`, with its derivatives (``Rules/Tan``).
@inlinable
public func tan<T: ADReal>(_ x: T) -> T { T._apply(Rules.Tan(), x) }

/// The arcsine of `x`, with its derivatives (``Rules/Asin``).
@inlinable
public func asin<T: ADReal>(_ x: T) -> T { T._apply(Rules.Asin(), x) }

/// The arccosine of `x`, with its derivatives (``Rules/Acos``).
@inlinable
public func acos<T: ADReal>(_ x: T) -> T { T._apply(Rules.Acos(), x) }

/// The arctangent of `x`, with its derivatives (``Rules/Atan``).
@inlinable
public func atan<T: ADReal>(_ x: T) -> T { T._apply(Rules.Atan(), x) }

// MARK: - Hyperbolic

/// The hyperbolic sine of `x`, with its derivatives (``Rules/Sinh``).
@inlinable
public func sinh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Sinh(), x) }

/// The hyperbolic cosine of `x`, with its derivatives (``Rules/Cosh``).
@inlinable
public func cosh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Cosh(), x) }

/// The hyperbolic tangent of `x`, with its derivatives (``Rules/Tanh``).
@inlinable
public func tanh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Tanh(), x) }

/// The inverse hyperbolic sine of `x`, with its derivatives (``Rules/Asinh``).
@inlinable
public func asinh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Asinh(), x) }

/// The inverse hyperbolic cosine of `x`, with its derivatives (``Rules/Acosh``).
@inlinable
public func acosh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Acosh(), x) }

/// The inverse hyperbolic tangent of `x`, with its derivatives (``Rules/Atanh``).
@inlinable
public func atanh<T: ADReal>(_ x: T) -> T { T._apply(Rules.Atanh(), x) }

// MARK: - Error function

/// The error function of `x`, with its derivatives (``Rules/Erf``).
@inlinable
public func erf<T: ADReal>(_ x: T) -> T { T._apply(Rules.Erf(), x) }

/// The complementary error function, 1 − erf(x) of `x`, with its derivatives (``Rules/Erfc``).
@inlinable
public func erfc<T: ADReal>(_ x: T) -> T { T._apply(Rules.Erfc(), x) }

// MARK: - Piecewise (derivative 0 where defined)

// Disfavoured: the C library overlay also has a generic `floor` for any
// FloatingPoint; for a plain Float both would match and neither wins.
/// The largest whole number not above `x`, with its derivatives (``Rules/Floor``).
@inlinable @_disfavoredOverload
public func floor<T: ADReal>(_ x: T) -> T { T._apply(Rules.Floor(), x) }

// Disfavoured: the C library overlay also has a generic `ceil` for any
// FloatingPoint; for a plain Float both would match and neither wins.
/// The smallest whole number not below `x`, with its derivatives (``Rules/Ceil``).
@inlinable @_disfavoredOverload
public func ceil<T: ADReal>(_ x: T) -> T { T._apply(Rules.Ceil(), x) }

/// The nearest whole number (halves away from zero) to `x`, with its derivatives (``Rules/Rounded``).
@inlinable
public func rounded<T: ADReal>(_ x: T) -> T { T._apply(Rules.Rounded(), x) }

/// The sign (−1 or +1; ±0 and NaN unchanged) of `x`, with its derivatives (``Rules/Sign``).
@inlinable
public func sign<T: ADReal>(_ x: T) -> T { T._apply(Rules.Sign(), x) }

/// `x` raised to the whole number `n`, exact at x = 0 (``Rules/PowInt``).
@inlinable
public func pow<T: ADReal>(_ x: T, _ n: Int) -> T { T._apply(Rules.PowInt(n), x) }

/// `x` raised to `y`, both active (``Rules/Pow``).
@inlinable
public func pow<T: ADReal>(_ x: T, _ y: T) -> T { T._apply(Rules.Pow(), x, y) }

// MARK: - Functions of two variables

/// The angle of the point (x, y), in (−π, π] (``Rules/Atan2``).
@inlinable
public func atan2<T: ADReal>(_ y: T, _ x: T) -> T { T._apply(Rules.Atan2(), y, x) }

/// √(x² + y²) without undue overflow or underflow (``Rules/Hypot``).
@inlinable
public func hypot<T: ADReal>(_ x: T, _ y: T) -> T { T._apply(Rules.Hypot(), x, y) }
