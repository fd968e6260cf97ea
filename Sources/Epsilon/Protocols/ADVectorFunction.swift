/// A vector function of several variables, written once, generically, so
/// that a driver can evaluate it on whichever number type it needs: sparsity
/// tracers to find its Jacobian's pattern, then duals to fill it.
///
/// ```swift
/// struct Residual: ADVectorFunction {
///   func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
///     (0..<x.count).map { i in
///       let left = i > 0 ? x[i - 1] : 0
///       let right = i + 1 < x.count ? x[i + 1] : 0
///       return 2 * x[i] - left - right + T.exp(x[i])
///     }
///   }
/// }
/// let plan = try SparseJacobianPlan(of: Residual(), at: x)
/// ```
///
/// The number of outputs must not depend on the input's values.
public protocol ADVectorFunction {
  /// f(x) on any number type.
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T]
}
