// The tutorials' numerical baseline: central differences, defined exactly
// as the tutorials define them, and a checker that compares an exact
// gradient against them.

/// The central difference (f(x + ε) − f(x − ε)) / 2ε: the tutorials'
/// `approximate_derivative`.
///
/// ```swift
/// approximateDerivative(of: { 3 * ($0 * $0) + 2 * $0 - 1 }, at: 1.0)
/// // 7.999999999999119, as the tutorial prints
/// ```
///
/// Its error is O(ε²·f‴) from truncation plus O(u·|f|/ε) from rounding;
/// ``derivative(at:of:)`` has neither. (Concrete `Double` and `Float`
/// versions rather than one generic: a literal-heavy closure type-checks
/// fast only when its argument type is known.)
@inlinable
public func approximateDerivative(
  of f: (Double) -> Double, at x: Double, epsilon: Double = 1e-3
) -> Double {
  _centralDifference(of: f, at: x, epsilon: epsilon)
}

/// The central difference (f(x + ε) − f(x − ε)) / 2ε in `Float`.
@inlinable
public func approximateDerivative(
  of f: (Float) -> Float, at x: Float, epsilon: Float = 1e-3
) -> Float {
  _centralDifference(of: f, at: x, epsilon: epsilon)
}

/// Central differences in each coordinate: the tutorials'
/// `approximate_gradient`.
///
/// ```swift
/// approximateGradient(of: { x in (x[0] + 5) * (x[1] * x[1]) }, at: [2.0, 3.0])
/// // [8.999999999993236, 41.999999999994486]
/// ```
///
/// - Complexity: 2N evaluations of `f`.
@inlinable
public func approximateGradient(
  of f: ([Double]) -> Double, at x: [Double], epsilon: Double = 1e-3
) -> [Double] {
  _centralDifferences(of: f, at: x, epsilon: epsilon)
}

/// Central differences in each coordinate, in `Float`.
@inlinable
public func approximateGradient(
  of f: ([Float]) -> Float, at x: [Float], epsilon: Float = 1e-3
) -> [Float] {
  _centralDifferences(of: f, at: x, epsilon: epsilon)
}

@inlinable
func _centralDifference<T: BinaryFloatingPoint>(
  of f: (T) -> T, at x: T, epsilon: T
) -> T {
  (f(x + epsilon) - f(x - epsilon)) / (2 * epsilon)
}

@inlinable
func _centralDifferences<T: BinaryFloatingPoint>(
  of f: ([T]) -> T, at x: [T], epsilon: T
) -> [T] {
  var point = x
  return x.indices.map { i in
    point[i] = x[i] + epsilon
    let up = f(point)
    point[i] = x[i] - epsilon
    let down = f(point)
    point[i] = x[i]
    return (up - down) / (2 * epsilon)
  }
}

/// An exact gradient compared with central differences.
public struct GradientCheck<T: ADScalar>: Sendable {
  /// The gradient by forward mode.
  public var gradient: [T]
  /// The gradient by central differences.
  public var approximation: [T]
  /// The largest |exact − approximate| / max(|exact|, |approximate|, 1).
  public var worstRelativeError: T
  /// The input at which ``worstRelativeError`` occurs, if any.
  public var worstIndex: Int?

  /// A comparison's result.
  @inlinable
  public init(
    gradient: [T], approximation: [T], worstRelativeError: T, worstIndex: Int?
  ) {
    self.gradient = gradient
    self.approximation = approximation
    self.worstRelativeError = worstRelativeError
    self.worstIndex = worstIndex
  }

  /// Whether every component agrees within `tolerance`.
  @inlinable
  public func passes(tolerance: T) -> Bool { worstRelativeError <= tolerance }
}

/// Compares the exact gradient of `f` with central differences and reports
/// the worst relative error.
///
/// ```swift
/// let check = checkGradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) }
/// check.worstRelativeError   // about 1e-10
/// ```
///
/// The differences evaluate the same closure on constant dual numbers,
/// with a step of ∛u·max(1, |xᵢ|), near optimal for central differences.
///
/// - Complexity: ⌈N/8⌉ + 2N evaluations of `f`.
@inlinable
public func checkGradient<T: ADScalar>(
  at x: [T], of f: ([Dual<SIMD8<T>>]) -> Dual<SIMD8<T>>
) -> GradientCheck<T> {
  let exact = gradient(at: x, of: f)
  var point = x.map { Dual<SIMD8<T>>($0) }
  let cubeRootOfUlp = T(_libm_cbrt(Double(T.ulpOfOne)))
  var approximation: [T] = []
  var worst: T = 0
  var worstIndex: Int?
  for i in x.indices {
    let h = cubeRootOfUlp * Swift.max(1, x[i].magnitude)
    point[i] = Dual(x[i] + h)
    let up = f(point).value
    point[i] = Dual(x[i] - h)
    let down = f(point).value
    point[i] = Dual(x[i])
    let approximate = (up - down) / (2 * h)
    approximation.append(approximate)
    let scale = Swift.max(exact[i].magnitude, approximate.magnitude, 1)
    let error = (exact[i] - approximate).magnitude / scale
    if error > worst || (error.isNaN && !worst.isNaN) {
      worst = error
      worstIndex = i
    }
  }
  return GradientCheck(
    gradient: exact, approximation: approximation,
    worstRelativeError: worst, worstIndex: worstIndex)
}
