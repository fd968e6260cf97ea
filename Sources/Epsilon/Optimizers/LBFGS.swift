/// Limited-memory BFGS: a quasi-Newton method that builds curvature from
/// the last few gradient differences, with a strong Wolfe line search.
/// It needs gradients only.
///
/// ```swift
/// var x = [-1.2, 1.0]
/// let result = try LBFGS<Double>().minimize(
///   { x in
///     let a = x[1] - x[0] * x[0], b = 1 - x[0]
///     return 100 * a * a + b * b
///   }, over: &x)
/// result.iterations   // a few tens
/// ```
///
/// The direction p = −H·∇f comes from Nocedal & Wright's two-loop
/// recursion (Algorithm 7.4) over the last m pairs
/// ```
/// sₖ = xₖ₊₁ − xₖ,   yₖ = ∇f(xₖ₊₁) − ∇f(xₖ),   H₀ = (sᵀy / yᵀy)·I
/// ```
/// and the step length satisfies the strong Wolfe conditions with
/// constants c₁ and c₂ (Algorithms 3.5 and 3.6). A pair with sᵀy ≤ 0 is
/// skipped, so H stays positive definite.
@frozen
public struct LBFGS<T: ADScalar>: Sendable {
  /// How many (s, y) pairs are kept: m ≥ 1.
  public let memory: Int
  /// The Armijo constant c₁ of the Wolfe conditions.
  public let sufficientDecrease: T
  /// The curvature constant c₂ of the Wolfe conditions, c₁ < c₂ < 1.
  public let curvature: T

  /// An L-BFGS optimizer; the defaults are m = 10, c₁ = 10⁻⁴, c₂ = 0.9.
  ///
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   if m < 1 or not 0 < c₁ < c₂ < 1.
  @inlinable
  public init(
    memory: Int = 10, sufficientDecrease: T = 1e-4, curvature: T = 0.9
  ) throws {
    guard memory >= 1 else {
      throw OptimizerError.invalidSetting(
        name: "memory", value: Double(memory), requirement: "≥ 1")
    }
    guard sufficientDecrease > 0, sufficientDecrease < 1 else {
      throw OptimizerError.invalidSetting(
        name: "sufficientDecrease", value: Double(sufficientDecrease),
        requirement: "in (0, 1)")
    }
    guard curvature > sufficientDecrease, curvature < 1 else {
      throw OptimizerError.invalidSetting(
        name: "curvature", value: Double(curvature),
        requirement: "in (sufficientDecrease, 1)")
    }
    self.memory = memory
    self.sufficientDecrease = sufficientDecrease
    self.curvature = curvature
  }

  /// Minimizes `loss` from `parameters` until `rule` says stop.
  ///
  /// - Parameters:
  ///   - loss: The loss, on dual numbers with eight SIMD partials.
  ///   - parameters: The start; updated in place (line searches only ever
  ///     accept points where the loss and gradient are finite).
  ///   - rule: When to stop; the default stops at ‖∇f‖ ≤ 10⁻⁸.
  /// - Returns: Iterations, final loss and gradient norm, why it stopped;
  ///   ``StopReason/noProgress`` if the line search finds no lower point.
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``,
  ///   ``OptimizerError/emptyParameters``,
  ///   ``OptimizerError/nonFiniteInitialLoss(loss:)``, or
  ///   ``OptimizerError/nonFiniteDerivative(step:)`` at a start with a
  ///   non-finite gradient.
  /// - Complexity: Per iteration, ⌈N/8⌉ evaluations of `loss` per
  ///   line-search trial (usually one) and O(m·N) arithmetic.
  @inlinable
  public func minimize(
    _ loss: ([Dual<SIMD8<T>>]) -> Dual<SIMD8<T>>,
    over parameters: inout [T], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<T> {
    try rule._validate()
    guard !parameters.isEmpty else { throw OptimizerError.emptyParameters }
    let (startValue, startGradient) = valueWithGradient(
      at: parameters, of: loss)
    guard startValue.isFinite else {
      throw OptimizerError.nonFiniteInitialLoss(loss: Double(startValue))
    }
    guard _allFinite(startGradient) else {
      throw OptimizerError.nonFiniteDerivative(step: 0)
    }
    var current = _LinePoint(
      alpha: 0, value: startValue, slope: 0, point: parameters,
      gradient: startGradient)
    var s: [[T]] = []
    var y: [[T]] = []
    var rho: [T] = []
    var history = [startValue]
    var steps = 0
    var reason = StopReason.iterationLimit
    while true {
      let gradientNorm = _norm(current.gradient)
      if gradientNorm == 0 || rule._gradientConverged(gradientNorm) {
        reason = .gradientTolerance
        break
      }
      if steps == rule.maxIterations { break }
      var direction = _twoLoopDirection(current.gradient, s, y, rho)
      var slope = _dot(current.gradient, direction)
      if !(slope < 0) {
        // Rounding spoiled the curvature pairs: restart from steepest
        // descent.
        (s, y, rho) = ([], [], [])
        direction = current.gradient.map { -$0 }
        slope = -gradientNorm * gradientNorm
      }
      current.alpha = 0
      current.slope = slope
      // Without curvature pairs the direction is −∇f: a first step of
      // length ≤ 1 keeps the first trial in a sensible range.
      let initialStep = s.isEmpty ? Swift.min(1, 1 / gradientNorm) : 1
      guard
        let next = _strongWolfeLineSearch(
          from: current, direction: direction, initialStep: initialStep,
          sufficientDecrease: sufficientDecrease, curvature: curvature,
          evaluate: { valueWithGradient(at: $0, of: loss) })
      else {
        reason = .noProgress
        break
      }
      var step = next.point
      var change = next.gradient
      for i in step.indices {
        step[i] -= current.point[i]
        change[i] -= current.gradient[i]
      }
      let sy = _dot(step, change)
      if sy > T.ulpOfOne * _dot(change, change) {
        if s.count == memory {
          s.removeFirst()
          y.removeFirst()
          rho.removeFirst()
        }
        s.append(step)
        y.append(change)
        rho.append(1 / sy)
      }
      steps += 1
      history.append(next.value)
      parameters = next.point
      let stop = rule._stepReason(
        from: current.point, to: next.point, lossBefore: current.value,
        lossAfter: next.value)
      current = next
      if let stop {
        reason = stop
        break
      }
    }
    return OptimizationResult(
      parameters: parameters, iterations: steps, loss: current.value,
      gradientNorm: _norm(current.gradient), stopReason: reason,
      lossHistory: history)
  }

  /// Minimizes a loss written once as an ``ADFunction``.
  ///
  /// - Throws: As the closure form.
  @inlinable
  public func minimize<F: ADFunction>(
    _ loss: F, over parameters: inout [T], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<T> {
    try minimize({ loss($0) }, over: &parameters, until: rule)
  }
}

/// −H·g by the two-loop recursion (Nocedal & Wright, Algorithm 7.4), with
/// H₀ = (sᵀy / yᵀy)·I from the newest pair, or I without pairs.
@inlinable
func _twoLoopDirection<T: ADScalar>(
  _ g: [T], _ s: [[T]], _ y: [[T]], _ rho: [T]
) -> [T] {
  var q = g
  var alphas = [T](repeating: 0, count: s.count)
  for i in s.indices.reversed() {
    alphas[i] = rho[i] * _dot(s[i], q)
    for j in q.indices { q[j] -= alphas[i] * y[i][j] }
  }
  if let last = s.indices.last {
    let gamma = 1 / (rho[last] * _dot(y[last], y[last]))
    for j in q.indices { q[j] *= gamma }
  }
  for i in s.indices {
    let beta = rho[i] * _dot(y[i], q)
    for j in q.indices { q[j] += (alphas[i] - beta) * s[i][j] }
  }
  return q.map { -$0 }
}
