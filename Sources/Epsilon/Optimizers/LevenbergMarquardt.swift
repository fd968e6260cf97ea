/// Levenberg–Marquardt for nonlinear least squares: minimizes ½‖r(p)‖²
/// with the residual Jacobian by forward mode (the job Ceres uses its `Jet`
/// for).
///
/// ```swift
/// // Fit y = a·exp(b·x) to points (xᵢ, yᵢ): rᵢ = a·exp(b·xᵢ) − yᵢ.
/// func residuals<T: ADReal>(_ p: [T]) -> [T] {
///   xs.indices.map { i in p[0] * exp(p[1] * T(xs[i])) - T(ys[i]) }
/// }
/// var p = [1.0, 0.0]   // a, b
/// let result = try LevenbergMarquardt<Double>().minimize(
///   residuals: { residuals($0) }, over: &p)
/// ```
///
/// Each iteration solves the damped normal equations
/// ```
/// (JᵀJ + μI)·h = −Jᵀr
/// ```
/// and accepts x + h when the gain ratio ϱ = (F(x) − F(x + h)) / (½·hᵀ(μh
/// − Jᵀr)) is positive, F = ½‖r‖². The damping follows Nielsen (Madsen,
/// Nielsen & Tingleff, *Methods for Non-Linear Least Squares Problems*,
/// 2004, Algorithm 3.16): μ₀ = τ·max (JᵀJ)ᵢᵢ; on success
/// μ ← μ·max(⅓, 1 − (2ϱ − 1)³), ν ← 2; on failure μ ← μ·ν, ν ← 2ν.
@frozen
public struct LevenbergMarquardt<T: ADScalar>: Sendable {
  /// τ: the first damping relative to the largest diagonal entry of JᵀJ.
  public let initialDamping: T

  /// A Levenberg–Marquardt solver; τ = 10⁻³ suits a start believed to be
  /// good, τ = 1 a poor one.
  ///
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   if τ is not a finite positive number.
  @inlinable
  public init(initialDamping: T = 1e-3) throws {
    guard initialDamping.isFinite, initialDamping > 0 else {
      throw OptimizerError.invalidSetting(
        name: "initialDamping", value: Double(initialDamping),
        requirement: "a finite number > 0")
    }
    self.initialDamping = initialDamping
  }

  /// Minimizes ½‖r(p)‖² from `parameters` until `rule` says stop.
  ///
  /// The result's loss is ½‖r‖² (Ceres' cost) and its gradient is Jᵀr.
  /// Every iteration counts, accepted or not (as in Ceres).
  ///
  /// - Parameters:
  ///   - residuals: r(p), on dual numbers with eight SIMD partials; the
  ///     number of residuals must not depend on p.
  ///   - parameters: The start; updated in place, only ever to points
  ///     where the residuals and Jacobian are finite.
  ///   - rule: When to stop; the default stops at ‖Jᵀr‖ ≤ 10⁻⁸.
  /// - Returns: Iterations, final cost and gradient norm, why it stopped;
  ///   ``StopReason/noProgress`` if the damping grows without a step
  ///   being accepted.
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``,
  ///   ``OptimizerError/emptyParameters``,
  ///   ``OptimizerError/emptyResiduals``,
  ///   ``OptimizerError/residualCountChanged(expected:actual:)``,
  ///   ``OptimizerError/nonFiniteInitialLoss(loss:)``, or
  ///   ``OptimizerError/nonFiniteDerivative(step:)`` if the Jacobian is not
  ///   finite at an iterate.
  /// - Complexity: Per iteration, ⌈N/8⌉ evaluations of `residuals` for
  ///   the Jacobian, one for the trial point, and O(M·N² + N³).
  @inlinable
  public func minimize(
    residuals: ([Dual<SIMD8<T>>]) -> [Dual<SIMD8<T>>],
    over parameters: inout [T], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<T> {
    try rule._validate()
    let n = parameters.count
    guard n > 0 else { throw OptimizerError.emptyParameters }
    func evaluate(_ p: [T]) -> [T] {
      residuals(p.map { Dual($0) }).map(\.value)
    }
    var r = evaluate(parameters)
    let m = r.count
    guard m > 0 else { throw OptimizerError.emptyResiduals }
    var cost = _dot(r, r) / 2
    guard cost.isFinite else {
      throw OptimizerError.nonFiniteInitialLoss(loss: Double(cost))
    }
    // JᵀJ and Jᵀr at the current point.
    func normalEquations(_ p: [T], step: Int) throws -> ([T], [T]) {
      let jac: [[T]]
      do {
        jac = try jacobian(at: p, of: residuals)
      } catch EpsilonError.outputCountChanged(_, let later, _) {
        throw OptimizerError.residualCountChanged(expected: m, actual: later)
      }
      guard jac.count == m else {
        throw OptimizerError.residualCountChanged(
          expected: m, actual: jac.count)
      }
      var a = [T](repeating: 0, count: n * n)
      var g = [T](repeating: 0, count: n)
      for row in 0..<m {
        let jr = jac[row]
        for i in 0..<n {
          g[i] += jr[i] * r[row]
          for j in 0...i { a[i * n + j] += jr[i] * jr[j] }
        }
      }
      for i in 0..<n {
        for j in 0..<i { a[j * n + i] = a[i * n + j] }
      }
      guard _allFinite(a), _allFinite(g) else {
        throw OptimizerError.nonFiniteDerivative(step: step)
      }
      return (a, g)
    }
    var (a, g) = try normalEquations(parameters, step: 0)
    var maxDiagonal: T = 0
    for i in 0..<n { maxDiagonal = Swift.max(maxDiagonal, a[i * n + i]) }
    var mu = initialDamping * Swift.max(maxDiagonal, T.leastNormalMagnitude)
    var nu: T = 2
    var history = [cost]
    var steps = 0
    var accepted = 0
    var reason = StopReason.iterationLimit
    while true {
      let gradientNorm = _norm(g)
      if gradientNorm == 0 || rule._gradientConverged(gradientNorm) {
        reason = .gradientTolerance
        break
      }
      if steps == rule.maxIterations { break }
      steps += 1
      guard mu.isFinite,
        let (h, _) = _solveShifted(a, n, g.map { -$0 }, minimumShift: mu)
      else {
        reason = .noProgress
        break
      }
      let trial = _moved(parameters, by: 1, along: h)
      let trialResiduals = evaluate(trial)
      guard trialResiduals.count == m else {
        throw OptimizerError.residualCountChanged(
          expected: m, actual: trialResiduals.count)
      }
      let trialCost = _dot(trialResiduals, trialResiduals) / 2
      // ½·hᵀ(μh − g): the decrease the damped linear model predicts.
      var predicted: T = 0
      for i in 0..<n { predicted += h[i] * (mu * h[i] - g[i]) }
      predicted /= 2
      let gain = (cost - trialCost) / predicted
      if trialCost.isFinite && gain > 0 {
        let previous = parameters
        let previousCost = cost
        parameters = trial
        r = trialResiduals
        cost = trialCost
        accepted += 1
        (a, g) = try normalEquations(parameters, step: accepted)
        let t = 2 * gain - 1
        mu *= Swift.max(1 / 3, 1 - t * t * t)
        nu = 2
        history.append(cost)
        if let stop = rule._stepReason(
          from: previous, to: parameters, lossBefore: previousCost,
          lossAfter: cost)
        {
          reason = stop
          break
        }
      } else {
        history.append(cost)
        mu *= nu
        nu *= 2
        // A step that has shrunk below rounding cannot lower the cost.
        if _norm(h) <= T.ulpOfOne * (_norm(parameters) + T.ulpOfOne) {
          reason = .noProgress
          break
        }
      }
    }
    return OptimizationResult(
      parameters: parameters, iterations: steps, loss: cost,
      gradientNorm: _norm(g), stopReason: reason, lossHistory: history)
  }
}
