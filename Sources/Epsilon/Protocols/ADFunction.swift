/// A real function of several variables, written once, generically, so that
/// a driver can evaluate it on whichever number type its strategy needs.
///
/// A closure has one fixed argument type; a driver that chooses between
/// strategies (forward chunks or a reverse tape for a gradient, hyper-duals
/// or forward-over-reverse for a Hessian) needs the function itself:
///
/// ```swift
/// struct Rosenbrock: ADFunction {
///   func callAsFunction<T: ADReal>(_ x: [T]) -> T {
///     var sum: T = 0
///     for i in 0..<(x.count - 1) {
///       let a = x[i + 1] - x[i] * x[i]
///       let b = 1 - x[i]
///       sum += 100 * a * a + b * b
///     }
///     return sum
///   }
/// }
/// gradient(of: Rosenbrock(), at: [0.5, 0.6, 0.7])
/// ```
public protocol ADFunction {
  /// f(x) on any number type.
  func callAsFunction<T: ADReal>(_ x: [T]) -> T
}
