/// A real number that generic code is written against: plain `Double`,
/// `Float` and `Float16`, and every Epsilon number type that carries
/// derivatives along with its value.
///
/// Write a function once, generically, and it runs on plain numbers and on
/// every differentiating type:
///
/// ```swift
/// func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }
///
/// g(2.0, 3.0)                                   // 63.0
/// gradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) } // [9.0, 42.0]
/// ```
///
/// `ADReal` offers the field operations (`+ − × ÷`, negation and compound
/// assignment), integer and floating-point literals, conversion from
/// `Double` and `Int`, comparison **by value only** (so `if`, `while`,
/// `min`, `max` and loops take the same path whatever derivatives a number
/// carries), and the elementary functions as free functions named like the
/// C library's: `exp`, `log`, `sin`, `pow`, `atan2`, `hypot`, `erf`, …
/// `abs` is the standard library's, which `ADReal` supports through
/// `SignedNumeric`.
///
/// Number types supply their algebra and the two `_apply` entry points by
/// which the shared rule table (``UnaryRule``, ``BinaryRule``) reaches them;
/// Epsilon's own types get those from ``ChainRuleApplicable``.
public protocol ADReal: SignedNumeric, Comparable, ExpressibleByFloatLiteral,
  CustomStringConvertible
where Magnitude == Self {
  /// Converts a `Double`; derivative parts, if any, are zero.
  init(_ value: Double)
  /// Converts an `Int`; derivative parts, if any, are zero.
  init(_ value: Int)

  /// Division.
  static func / (lhs: Self, rhs: Self) -> Self
  /// Division in place.
  static func /= (lhs: inout Self, rhs: Self)

  /// π, to the precision of the underlying scalar.
  static var pi: Self { get }
  /// Positive infinity; its derivatives are zero.
  static var infinity: Self { get }
  /// A quiet NaN.
  static var nan: Self { get }
  /// The largest finite value of the underlying scalar type.
  static var greatestFiniteMagnitude: Self { get }
  /// The smallest positive normal value of the underlying scalar type.
  static var leastNormalMagnitude: Self { get }
  /// The smallest positive value of the underlying scalar type.
  static var leastNonzeroMagnitude: Self { get }
  /// The distance from 1 to the next larger value of the underlying scalar type.
  static var ulpOfOne: Self { get }

  /// Whether the value (not the derivatives) is NaN.
  var isNaN: Bool { get }
  /// Whether the value (not the derivatives) is finite.
  var isFinite: Bool { get }
  /// Whether the number is exactly zero, derivatives included: a reverse
  /// sweep skips such adjoints. Conservative: `false` unless a type knows
  /// better (plain numbers compare with 0).
  var _isExactlyZero: Bool { get }
  /// Whether ``_plainProduct(_:_:)`` is plain arithmetic: then a reverse
  /// sweep over adjoints of this type sweeps with it first and tests the
  /// adjoints it reads for NaN (``_hasNaNPart``), sweeping again with
  /// ``_annihilatingProduct(_:_:)`` only if it finds one. Known when the
  /// code is specialised: no question to the runtime.
  static var _hasPlainProduct: Bool { get }
  /// `a · b` by plain floating-point arithmetic in every part, in the
  /// order ``_annihilatingProduct(_:_:)`` takes them: the same bits
  /// wherever no factor is zero, infinite or NaN. Where one is, it may
  /// give NaN where the annihilating product gives a number, or a zero of
  /// the other sign, and nothing else; a NaN then reaches every adjoint
  /// below it, and a signed zero is lost in any sum that starts from +0.
  static func _plainProduct(_ a: Self, _ b: Self) -> Self
  /// Whether the value or any derivative part is NaN.
  var _hasNaNPart: Bool { get }
  /// `a · b` where a zero on either side gives zero even when the other is
  /// ±∞ or NaN, in the value as in the derivatives: the product of the
  /// partials arithmetic (`DualPartials.scaled(by:)`), which a reverse
  /// sweep uses for adjoint · partial and a nested dual for its tangents,
  /// so that every mode annihilates the same zeros.
  static func _annihilatingProduct(_ a: Self, _ b: Self) -> Self

  /// `rule(x)`: the value and, for differentiating types, its derivatives.
  ///
  /// This is how every elementary function reaches a number type; call the
  /// free functions (`exp(x)`) rather than this.
  static func _apply<R: UnaryRule>(_ rule: R, _ x: Self) -> Self
  /// `rule(x, y)`: the value and, for differentiating types, its
  /// derivatives.
  static func _apply<R: BinaryRule>(_ rule: R, _ x: Self, _ y: Self) -> Self
  /// `rule(x)` and `rule′(x)`: what the chain rule needs of a value, from
  /// one evaluation where the rule computes the two together.
  static func _valueAndDerivative<R: UnaryRule>(_ rule: R, _ x: Self)
    -> (value: Self, derivative: Self)
}

extension ADReal {
  /// Not known to be zero: a reverse sweep never skips it.
  @inlinable public var _isExactlyZero: Bool { false }

  /// No plain product unless the type says so: sweeps annihilate at once.
  @inlinable public static var _hasPlainProduct: Bool { false }
  /// `a * b`.
  @inlinable
  public static func _plainProduct(_ a: Self, _ b: Self) -> Self { a * b }
  /// Whether the value is NaN (a type with derivative parts says more).
  @inlinable public var _hasNaNPart: Bool { isNaN }

  /// `rule(x)`, then `rule′(x)` from it: types with derivatives of their
  /// own evaluate the rule's generic derivative.
  @inlinable
  public static func _valueAndDerivative<R: UnaryRule>(_ rule: R, _ x: Self)
    -> (value: Self, derivative: Self)
  {
    let y = _apply(rule, x)
    return (y, rule.derivative(at: x, value: y))
  }

  /// The plain product: a type that records operations (a tape's
  /// variable) must record this one too.
  @inlinable
  public static func _annihilatingProduct(_ a: Self, _ b: Self) -> Self {
    a * b
  }

  /// Subtraction in place.
  @_transparent
  public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
  /// Addition in place.
  @_transparent
  public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
  /// Division in place.
  @_transparent
  public static func /= (lhs: inout Self, rhs: Self) { lhs = lhs / rhs }
}
