// The elementary functions as free functions named like the C library's,
// for Epsilon's own number types: closures handed to the drivers read like
// the math, `{ x in sin(x[0]) * exp(-x[1]) }`.
//
// Generic code over `T: ADReal` calls the static members instead,
// `T.sin(x)` (ADReal+ElementaryFunctions.swift): a free function generic
// over every `ADReal` would also match plain `Double` and `Float`, so every
// `sin`, `exp` or `log` call in any file that imports Epsilon and Foundation
// would weigh it against the C library's overloads, and long formulas would
// stop type-checking. These are constrained to `ChainRuleApplicable`, which
// plain numbers are not, and the `ADReal` spellings below are unavailable,
// so the type checker skips them unless a call fails, and then names the fix.
//
// Each is always inlined, as the static members are: the body is the chain
// rule on the argument's type, and sin and cos of one argument then share
// one `sincos` call.

// MARK: - On Epsilon's number types

/// The exponential eˣ of `x`, with its derivatives (``Rules/Exp``).
@inlinable @inline(__always)
public func exp<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Exp(), x) }

/// The power 2ˣ of `x`, with its derivatives (``Rules/Exp2``).
@inlinable @inline(__always)
public func exp2<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Exp2(), x) }

/// eˣ − 1, accurate near 0, of `x`, with its derivatives (``Rules/Expm1``).
@inlinable @inline(__always)
public func expm1<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Expm1(), x) }

/// The natural logarithm of `x`, with its derivatives (``Rules/Log``).
@inlinable @inline(__always)
public func log<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Log(), x) }

/// The base-2 logarithm of `x`, with its derivatives (``Rules/Log2``).
@inlinable @inline(__always)
public func log2<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Log2(), x) }

/// The base-10 logarithm of `x`, with its derivatives (``Rules/Log10``).
@inlinable @inline(__always)
public func log10<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Log10(), x) }

/// log(1 + x), accurate near 0, of `x`, with its derivatives (``Rules/Log1p``).
@inlinable @inline(__always)
public func log1p<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Log1p(), x) }

/// The square root of `x`, with its derivatives (``Rules/Sqrt``).
@inlinable @inline(__always)
public func sqrt<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Sqrt(), x) }

/// The cube root of `x`, with its derivatives (``Rules/Cbrt``).
@inlinable @inline(__always)
public func cbrt<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Cbrt(), x) }

/// The sine of `x`, with its derivatives (``Rules/Sin``).
@inlinable @inline(__always)
public func sin<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Sin(), x) }

/// The cosine of `x`, with its derivatives (``Rules/Cos``).
@inlinable @inline(__always)
public func cos<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Cos(), x) }

/// The tangent of `x`, with its derivatives (``Rules/Tan``).
@inlinable @inline(__always)
public func tan<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Tan(), x) }

/// The arcsine of `x`, with its derivatives (``Rules/Asin``).
@inlinable @inline(__always)
public func asin<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Asin(), x) }

/// The arccosine of `x`, with its derivatives (``Rules/Acos``).
@inlinable @inline(__always)
public func acos<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Acos(), x) }

/// The arctangent of `x`, with its derivatives (``Rules/Atan``).
@inlinable @inline(__always)
public func atan<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Atan(), x) }

/// The hyperbolic sine of `x`, with its derivatives (``Rules/Sinh``).
@inlinable @inline(__always)
public func sinh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Sinh(), x) }

/// The hyperbolic cosine of `x`, with its derivatives (``Rules/Cosh``).
@inlinable @inline(__always)
public func cosh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Cosh(), x) }

/// The hyperbolic tangent of `x`, with its derivatives (``Rules/Tanh``).
@inlinable @inline(__always)
public func tanh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Tanh(), x) }

/// The inverse hyperbolic sine of `x`, with its derivatives (``Rules/Asinh``).
@inlinable @inline(__always)
public func asinh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Asinh(), x) }

/// The inverse hyperbolic cosine of `x`, with its derivatives (``Rules/Acosh``).
@inlinable @inline(__always)
public func acosh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Acosh(), x) }

/// The inverse hyperbolic tangent of `x`, with its derivatives (``Rules/Atanh``).
@inlinable @inline(__always)
public func atanh<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Atanh(), x) }

/// The error function of `x`, with its derivatives (``Rules/Erf``).
@inlinable @inline(__always)
public func erf<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Erf(), x) }

/// The complementary error function, 1 − erf(x) of `x`, with its derivatives (``Rules/Erfc``).
@inlinable @inline(__always)
public func erfc<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Erfc(), x) }

/// The largest whole number not above `x`, with its derivatives (``Rules/Floor``).
@inlinable @inline(__always)
public func floor<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Floor(), x) }

/// The smallest whole number not below `x`, with its derivatives (``Rules/Ceil``).
@inlinable @inline(__always)
public func ceil<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Ceil(), x) }

/// The nearest whole number (halves away from zero) to `x`, with its derivatives (``Rules/Rounded``).
@inlinable @inline(__always)
public func rounded<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Rounded(), x) }

/// The sign (−1 or +1; ±0 and NaN unchanged) of `x`, with its derivatives (``Rules/Sign``).
@inlinable @inline(__always)
public func sign<T: ChainRuleApplicable>(_ x: T) -> T { T._apply(Rules.Sign(), x) }

/// `x` raised to the whole number `n`, exact at x = 0 (``Rules/PowInt``).
@inlinable @inline(__always)
public func pow<T: ChainRuleApplicable>(_ x: T, _ n: Int) -> T { T._apply(Rules.PowInt(n), x) }

/// `x` raised to `y`, both active (``Rules/Pow``).
@inlinable @inline(__always)
public func pow<T: ChainRuleApplicable>(_ x: T, _ y: T) -> T { T._apply(Rules.Pow(), x, y) }

/// The angle of the point (x, y), in (−π, π] (``Rules/Atan2``).
@inlinable @inline(__always)
public func atan2<T: ChainRuleApplicable>(_ y: T, _ x: T) -> T { T._apply(Rules.Atan2(), y, x) }

/// √(x² + y²) without undue overflow or underflow (``Rules/Hypot``).
@inlinable @inline(__always)
public func hypot<T: ChainRuleApplicable>(_ x: T, _ y: T) -> T { T._apply(Rules.Hypot(), x, y) }

// MARK: - In generic code: the static spelling

// One message for every function: generic code writes `T.sin(x)`; plain
// numbers use the C library (`import Foundation`).

/// Unavailable on a generic `ADReal`: write `T.exp(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.exp(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func exp<T: ADReal>(_ x: T) -> T { T.exp(x) }

/// Unavailable on a generic `ADReal`: write `T.exp2(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.exp2(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func exp2<T: ADReal>(_ x: T) -> T { T.exp2(x) }

/// Unavailable on a generic `ADReal`: write `T.expm1(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.expm1(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func expm1<T: ADReal>(_ x: T) -> T { T.expm1(x) }

/// Unavailable on a generic `ADReal`: write `T.log(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.log(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func log<T: ADReal>(_ x: T) -> T { T.log(x) }

/// Unavailable on a generic `ADReal`: write `T.log2(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.log2(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func log2<T: ADReal>(_ x: T) -> T { T.log2(x) }

/// Unavailable on a generic `ADReal`: write `T.log10(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.log10(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func log10<T: ADReal>(_ x: T) -> T { T.log10(x) }

/// Unavailable on a generic `ADReal`: write `T.log1p(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.log1p(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func log1p<T: ADReal>(_ x: T) -> T { T.log1p(x) }

/// Unavailable on a generic `ADReal`: write `T.sqrt(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.sqrt(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func sqrt<T: ADReal>(_ x: T) -> T { T.sqrt(x) }

/// Unavailable on a generic `ADReal`: write `T.cbrt(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.cbrt(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func cbrt<T: ADReal>(_ x: T) -> T { T.cbrt(x) }

/// Unavailable on a generic `ADReal`: write `T.sin(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.sin(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func sin<T: ADReal>(_ x: T) -> T { T.sin(x) }

/// Unavailable on a generic `ADReal`: write `T.cos(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.cos(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func cos<T: ADReal>(_ x: T) -> T { T.cos(x) }

/// Unavailable on a generic `ADReal`: write `T.tan(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.tan(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func tan<T: ADReal>(_ x: T) -> T { T.tan(x) }

/// Unavailable on a generic `ADReal`: write `T.asin(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.asin(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func asin<T: ADReal>(_ x: T) -> T { T.asin(x) }

/// Unavailable on a generic `ADReal`: write `T.acos(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.acos(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func acos<T: ADReal>(_ x: T) -> T { T.acos(x) }

/// Unavailable on a generic `ADReal`: write `T.atan(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.atan(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func atan<T: ADReal>(_ x: T) -> T { T.atan(x) }

/// Unavailable on a generic `ADReal`: write `T.sinh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.sinh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func sinh<T: ADReal>(_ x: T) -> T { T.sinh(x) }

/// Unavailable on a generic `ADReal`: write `T.cosh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.cosh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func cosh<T: ADReal>(_ x: T) -> T { T.cosh(x) }

/// Unavailable on a generic `ADReal`: write `T.tanh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.tanh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func tanh<T: ADReal>(_ x: T) -> T { T.tanh(x) }

/// Unavailable on a generic `ADReal`: write `T.asinh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.asinh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func asinh<T: ADReal>(_ x: T) -> T { T.asinh(x) }

/// Unavailable on a generic `ADReal`: write `T.acosh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.acosh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func acosh<T: ADReal>(_ x: T) -> T { T.acosh(x) }

/// Unavailable on a generic `ADReal`: write `T.atanh(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.atanh(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func atanh<T: ADReal>(_ x: T) -> T { T.atanh(x) }

/// Unavailable on a generic `ADReal`: write `T.erf(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.erf(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func erf<T: ADReal>(_ x: T) -> T { T.erf(x) }

/// Unavailable on a generic `ADReal`: write `T.erfc(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.erfc(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func erfc<T: ADReal>(_ x: T) -> T { T.erfc(x) }

/// Unavailable on a generic `ADReal`: write `T.floor(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.floor(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func floor<T: ADReal>(_ x: T) -> T { T.floor(x) }

/// Unavailable on a generic `ADReal`: write `T.ceil(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.ceil(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func ceil<T: ADReal>(_ x: T) -> T { T.ceil(x) }

/// Unavailable on a generic `ADReal`: write `T.rounded(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.rounded(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func rounded<T: ADReal>(_ x: T) -> T { T.rounded(x) }

/// Unavailable on a generic `ADReal`: write `T.sign(x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.sign(x) (it type-checks fast); on Double or Float, import Foundation"
)
public func sign<T: ADReal>(_ x: T) -> T { T.sign(x) }

/// Unavailable on a generic `ADReal`: write `T.pow(x, n)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.pow(x, n) (it type-checks fast); on Double or Float, import Foundation"
)
public func pow<T: ADReal>(_ x: T, _ n: Int) -> T { T.pow(x, n) }

/// Unavailable on a generic `ADReal`: write `T.pow(x, y)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.pow(x, y) (it type-checks fast); on Double or Float, import Foundation"
)
public func pow<T: ADReal>(_ x: T, _ y: T) -> T { T.pow(x, y) }

/// Unavailable on a generic `ADReal`: write `T.atan2(y, x)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.atan2(y, x) (it type-checks fast); on Double or Float, import Foundation"
)
public func atan2<T: ADReal>(_ y: T, _ x: T) -> T { T.atan2(y, x) }

/// Unavailable on a generic `ADReal`: write `T.hypot(x, y)`.
@available(
  *, unavailable,
  message:
    "in generic code write T.hypot(x, y) (it type-checks fast); on Double or Float, import Foundation"
)
public func hypot<T: ADReal>(_ x: T, _ y: T) -> T { T.hypot(x, y) }

// MARK: - C library functions with another spelling, or no rule

// On plain numbers these are the C library's; on Epsilon's numbers and in
// generic code they would drop the derivatives or do not exist, so the call
// fails with a message that names the spelling that works.

/// Unavailable on Epsilon's numbers: write `x.truncatingRemainder(dividingBy: y)`.
@available(
  *, unavailable,
  message: "write x.truncatingRemainder(dividingBy: y): it is fmod, with its derivatives"
)
public func fmod<T: ADReal>(_ x: T, _ y: T) -> T { x.truncatingRemainder(dividingBy: y) }

/// Unavailable on Epsilon's numbers: write `x.remainder(dividingBy: y)`.
@available(
  *, unavailable,
  message: "write x.remainder(dividingBy: y): it is the C remainder, with its derivatives"
)
public func remainder<T: ADReal>(_ x: T, _ y: T) -> T { x.remainder(dividingBy: y) }

/// Unavailable on Epsilon's numbers: write `x.rounded(.towardZero)`.
@available(*, unavailable, message: "write x.rounded(.towardZero): it is trunc")
public func trunc<T: ADReal>(_ x: T) -> T { x.rounded(.towardZero) }

/// Unavailable on Epsilon's numbers: write `x.rounded()`.
@available(*, unavailable, message: "write x.rounded(): it is round, halves away from zero")
public func round<T: ADReal>(_ x: T) -> T { x.rounded() }

/// Unavailable on Epsilon's numbers: write `x * y + z`.
@available(
  *, unavailable,
  message: "write x * y + z: the product and the sum carry the derivatives (not fused)"
)
public func fma<T: ADReal>(_ x: T, _ y: T, _ z: T) -> T { x * y + z }

/// Unavailable on Epsilon's numbers: write `max(x, y)`.
@available(*, unavailable, message: "write max(x, y)")
public func fmax<T: ADReal>(_ x: T, _ y: T) -> T { max(x, y) }

/// Unavailable on Epsilon's numbers: write `min(x, y)`.
@available(*, unavailable, message: "write min(x, y)")
public func fmin<T: ADReal>(_ x: T, _ y: T) -> T { min(x, y) }

/// Unavailable: Epsilon has no rule for Γ(x); teach it one.
@available(
  *, unavailable,
  message:
    "Epsilon has no rule for tgamma: write one as a UnaryRule (article 'Teaching Epsilon a New Function') and call it as a function; on Double or Float, import Foundation"
)
public func tgamma<T: ADReal>(_ x: T) -> T { fatalError() }

/// Unavailable: Epsilon has no rule for ln|Γ(x)|; teach it one.
@available(
  *, unavailable,
  message:
    "Epsilon has no rule for lgamma: write one as a UnaryRule (article 'Teaching Epsilon a New Function') and call it as a function; on Double or Float, import Foundation"
)
public func lgamma<T: ADReal>(_ x: T) -> T { fatalError() }
