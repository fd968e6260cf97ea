// A plain constant beside a tape's variable, named where it happens, as
// for duals (Dual+PlainConstants.swift): in the closures of
// `reverseGradient` and a tape's `gradient` (variables over `Double`), of
// the closure `hessian` and `Newton` (over `Dual<SIMD8<Double>>`) and of
// `hessianVectorProduct` (over `Dual<Double>`), `k * x` is an error that
// says `.init(k) * x`.

/// The values of the tapes whose closures capture plain `Double`
/// constants: `Double` itself and the `Double`-valued duals (the closure
/// Hessian's eight-lane ones, the Hessian-vector product's one-lane ones).
public protocol _DoubleTapeValue {}
extension Double: _DoubleTapeValue {}
extension Dual: _DoubleTapeValue where Value == Double {}

extension GradientTape.Variable where T: _DoubleTapeValue {
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: .init(k) * x")
  public static func * (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: x * .init(k)")
  public static func * (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: .init(k) / x")
  public static func / (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: x / .init(k)")
  public static func / (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: .init(k) + x")
  public static func + (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: x + .init(k)")
  public static func + (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: .init(k) - x")
  public static func - (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `.init(k)`.
  @available(*, unavailable, message: "lift the plain constant onto the tape: x - .init(k)")
  public static func - (lhs: Self, rhs: Double) -> Self { fatalError() }
}
