/// A function of one variable whose derivative is known only as a number:
/// a routine that returns its value and slope together (a solver, a table
/// lookup, a library call), with no formula that could be differentiated
/// again.
///
/// ```swift
/// /// x ↦ the root of t³ + t = x, by Newton's method, with its slope.
/// struct CubicRoot: FirstOrderUnaryRule {
///   func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
///     var t = x
///     for _ in 0..<50 { t -= (t * t * t + t - x) / (3 * t * t + 1) }
///     return (t, 1 / (3 * t * t + 1))      // implicit function theorem
///   }
/// }
/// func cubicRoot<T: FirstOrderReal>(_ x: T) -> T {
///   T._apply(firstOrder: CubicRoot(), x)
/// }
/// derivative(at: 2.0) { x in cubicRoot(x) }   // 0.25
/// ```
///
/// Such a function is generic over ``FirstOrderReal``, not ``ADReal``:
/// plain numbers, `Dual` with one or SIMD partials, and the reverse tape
/// over plain numbers conform, and second-order modes (`HyperDual`, nested
/// duals, tapes over duals or tapes, Hessians) do not, so using it where a second
/// derivative is needed is a compile-time error rather than a silent zero.
/// To differentiate twice, write a ``UnaryRule`` instead.
public protocol FirstOrderUnaryRule {
  /// f(x) and f′(x) at a plain `Double`, computed together.
  func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double)
  /// f(x) alone. The default takes it from ``valueAndDerivative(_:)``.
  func value(_ x: Double) -> Double
}

extension FirstOrderUnaryRule {
  /// f(x), from ``valueAndDerivative(_:)``.
  @inlinable
  public func value(_ x: Double) -> Double { valueAndDerivative(x).value }

  /// f(x) with first derivatives, on any first-order number type.
  @inlinable
  public func callAsFunction<T: FirstOrderReal>(_ x: T) -> T {
    T._apply(firstOrder: self, x)
  }
}

/// A number type whose derivatives are first order only, so that it can
/// apply a ``FirstOrderUnaryRule``: plain `Double`, `Float` and `Float16`,
/// `Dual` over them with one or SIMD partials, and a tape's variables over
/// them.
public protocol FirstOrderReal: ADReal {
  /// `rule(x)`, with first derivatives carried along.
  static func _apply<R: FirstOrderUnaryRule>(firstOrder rule: R, _ x: Self)
    -> Self
}

extension ADScalar {
  /// Evaluates a first-order rule on a plain number (in `Double`).
  @inlinable
  public static func _apply<R: FirstOrderUnaryRule>(
    firstOrder rule: R, _ x: Self
  ) -> Self {
    Self(rule.value(Double(x)))
  }
}

extension Double: FirstOrderReal {}
extension Float: FirstOrderReal {}
#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
  @available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *)
  extension Float16: FirstOrderReal {}
#endif

// Dual and the tape's variable apply a first-order rule the same way,
// through their `chain`.

extension FirstOrderReal where Self: ChainRuleApplicable, Value: ADScalar {
  /// f(x) with f′(x)·x′: f and f′ from the rule at `Double`, applied by
  /// ``ChainRuleApplicable/chain(_:_:_:)`` (f″ is never needed). Where the
  /// value is NaN, so are the derivatives.
  @inlinable
  public static func _apply<R: FirstOrderUnaryRule>(
    firstOrder rule: R, _ x: Self
  ) -> Self {
    let (y, dy) = rule.valueAndDerivative(Double(x.value))
    if _slowPath(y.isNaN) { return x.chain(Value(y), Value(y), Value(y)) }
    return x.chain(Value(y), Value(dy), 0)
  }
}

extension Dual: FirstOrderReal where Partials.Scalar: ADScalar {}

extension GradientTape.Variable: FirstOrderReal where T: ADScalar {}
