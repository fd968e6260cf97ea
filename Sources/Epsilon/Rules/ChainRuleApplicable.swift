/// A number that carries derivatives of its `value`, and so can apply any
/// rule by the chain rule.
///
/// A conforming type supplies its own algebra (`+ − × ÷`) and two `chain`
/// methods; every elementary function then comes from the shared rule table
/// through the one generic path below. No rule is ever written per type.
///
/// - `Dual`: `f(a + b·ε) = f(a) + f′(a)·b·ε` (f″ never evaluated);
/// - `HyperDual`: `(f0, f1·ε₁, f1·ε₂, f1·ε₁₂ + f2·ε₁·ε₂)`;
/// - a tape variable: records `f1` against its input.
public protocol ChainRuleApplicable: ADReal {
  /// The type of the value the derivatives are carried along.
  associatedtype Value: ADReal
  /// The value, without derivatives.
  var value: Value { get }

  /// A constant: `value` with every derivative part zero. Literals and
  /// conversions from plain numbers (ChainRuleApplicable+Conversions.swift)
  /// build on it.
  init(_ value: Value)

  /// `f(self)`, given f(a), f′(a) and f″(a) at `a = value`.
  ///
  /// First-order types never evaluate `f2`; in optimised builds its closure
  /// is inlined away.
  func chain(_ f0: Value, _ f1: Value, _ f2: @autoclosure () -> Value)
    -> Self

  /// `f(x, y)`, given its value, its partials `fx`, `fy`, and (evaluated by
  /// second-order types only) its second partials.
  static func chain(
    _ x: Self, _ y: Self, value f0: Value, partials fx: Value, _ fy: Value,
    second: @autoclosure () -> (firstFirst: Value, firstSecond: Value, secondSecond: Value)
  ) -> Self
}

extension ChainRuleApplicable {
  /// The former name of ``Value``.
  @available(*, deprecated, renamed: "Value")
  public typealias Primal = Value

  /// Applies a unary rule by the chain rule: the one path every elementary
  /// function of every Epsilon type takes.
  ///
  /// Where the value is NaN (outside the domain, or a NaN input) the
  /// derivatives are NaN too, so nothing looks valid that is not.
  @inlinable @inline(__always)
  public static func _apply<R: UnaryRule>(_ rule: R, _ x: Self) -> Self {
    let a = x.value
    // f and f′ together: one `sincos` for sin and cos on plain values.
    let (y, dy) = Value._valueAndDerivative(rule, a)
    if _slowPath(y.isNaN) { return x.chain(y, y, y) }
    return x.chain(
      y, dy, rule.secondDerivative(at: a, value: y, derivative: dy))
  }

  /// Applies a binary rule by the chain rule.
  @inlinable
  public static func _apply<R: BinaryRule>(_ rule: R, _ x: Self, _ y: Self)
    -> Self
  {
    let a = x.value
    let b = y.value
    let f = Value._apply(rule, a, b)
    if _slowPath(f.isNaN) {
      return chain(x, y, value: f, partials: f, f, second: (f, f, f))
    }
    let p = rule.partials(at: a, b, value: f)
    return chain(
      x, y, value: f, partials: p.first, p.second,
      second: rule.secondPartials(at: a, b, value: f, partials: p))
  }

  /// Whether the value is NaN.
  @inlinable public var isNaN: Bool { value.isNaN }
  /// Whether the value is finite.
  @inlinable public var isFinite: Bool { value.isFinite }

  /// `|x|`, with derivative `sign(x)` (0 at ±0).
  @inlinable public var magnitude: Self { Self._apply(Rules.Abs(), self) }

  /// Comparison by value only, so branches do not depend on derivatives.
  @inlinable
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
  /// Comparison by value only.
  @inlinable
  public static func <= (lhs: Self, rhs: Self) -> Bool {
    lhs.value <= rhs.value
  }
  /// Comparison by value only.
  @inlinable
  public static func > (lhs: Self, rhs: Self) -> Bool { lhs.value > rhs.value }
  /// Comparison by value only.
  @inlinable
  public static func >= (lhs: Self, rhs: Self) -> Bool {
    lhs.value >= rhs.value
  }
  /// Equality by value only: `x == y` says nothing about derivatives.
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.value == rhs.value
  }
}
