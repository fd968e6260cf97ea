import Epsilon
import Testing

// MARK: - Test problems

/// A convex quadratic with coupled coordinates,
/// Σ (i + 1)(xᵢ − tᵢ)² + ½·x₀·x₁ − ½·t₀·x₁ − ½·t₁·x₀ … written so that its
/// minimizer is exactly t = (0, 1, 2, …): the coupling term is
/// ½(x₀ − t₀)(x₁ − t₁), which keeps the Hessian positive definite.
private struct CoupledQuadratic: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in x.indices {
      let d = x[i] - T(i)
      sum += T(i + 1) * d * d
    }
    return sum + (x[0] - 0) * (x[1] - 1) / 2
  }
}

/// Standard normal deviates from the shared seeded generator (Box–Muller).
extension SplitMix64 {
  fileprivate mutating func uniformOpen() -> Double {
    (Double(next() >> 11) + 0.5) / Double(1 << 53)
  }
  fileprivate mutating func normal() -> Double {
    let u = uniformOpen()
    let v = uniformOpen()
    return (-2 * Double.log(u)).squareRoot() * Double.cos(2 * Double.pi * v)
  }
}

/// Points of y = a·exp(b·x) on [0, 2] plus normal noise of σ = 0.01.
private func exponentialData(a: Double, b: Double, seed: UInt64)
  -> (x: [Double], y: [Double])
{
  var random = SplitMix64(seed: seed)
  let x = (0..<40).map { Double($0) / 20 }
  let y = x.map { a * Double.exp(b * $0) + 0.01 * random.normal() }
  return (x, y)
}

/// r(p) = p₀·exp(p₁·xᵢ) − yᵢ.
private func exponentialResiduals<T: ADReal>(
  _ p: [T], _ x: [Double], _ y: [Double]
) -> [T] {
  x.indices.map { i in p[0] * T.exp(p[1] * T(x[i])) - T(y[i]) }
}

/// Rosenbrock as residuals: Σ (10(xᵢ₊₁ − xᵢ²))² + (1 − xᵢ)².
private func rosenbrockResiduals<T: ADReal>(_ x: [T]) -> [T] {
  var r: [T] = []
  for i in 0..<(x.count - 1) {
    r.append(10 * (x[i + 1] - x[i] * x[i]))
    r.append(1 - x[i])
  }
  return r
}

/// rᵢ = xᵢ − i: minimum at (0, 1, 2, …).
private func diagonalResiduals<T: ADReal>(_ x: [T]) -> [T] {
  x.indices.map { i in x[i] - T(i) }
}

/// The largest |xᵢ − tᵢ|.
private func distance(_ x: [Double], _ t: [Double]) -> Double {
  zip(x, t).map { Swift.abs($0 - $1) }.max() ?? 0
}

private let ones2: [Double] = [1, 1]
private let ones10 = [Double](repeating: 1, count: 10)

/// Rosenbrock starts, with the minimum they must reach: (1, …, 1). (For
/// N ≥ 4 there is a second local minimum near (−1, 1, …, 1); these starts
/// are outside its basin.)
private let rosenbrockStarts: [[Double]] = [
  [-1.2, 1], [2, 2], [0, 0], [-0.5, 1.5],
  Array(repeating: 0, count: 10), Array(repeating: 0.5, count: 10),
  Array(repeating: 1.5, count: 10), (0..<10).map { 0.1 * Double($0) },
]

/// A minimizer found by a second-order or quasi-Newton method: they stop
/// at ‖∇f‖ ≤ 10⁻⁸, and near (1, …, 1) Rosenbrock's Hessian has smallest
/// eigenvalue ≈ 0.4, so |x − 1| ≲ 10⁻⁸ / 0.4; 10⁻⁶ leaves room.
private let tightPoint = 1e-6

// MARK: - Tests

@Suite struct OptimizerTests {
  // MARK: Keras update formulas, by hand

  /// Three steps with gradients 2, −1, ½ from x = 1, η = 0.1, m = 0.9;
  /// the expected values are the formulas of the `SGD` doc worked by hand.
  @Test(arguments: [
    (0.0, false, [0.8, 0.9, 0.85]),
    (0.9, false, [0.8, 0.72, 0.598]),
    (0.9, true, [0.62, 0.648, 0.4882]),
  ])
  func sgdFollowsKeras(momentum: Double, nesterov: Bool, expected: [Double])
    throws
  {
    var sgd = try SGD(learningRate: 0.1, momentum: momentum, nesterov: nesterov)
    var x = [1.0]
    for (step, g) in [2.0, -1.0, 0.5].enumerated() {
      try sgd.apply(gradients: [g], to: &x)
      // A few roundings of numbers near 1.
      #expect(Swift.abs(x[0] - expected[step]) <= 1e-15, "step \(step + 1)")
    }
    #expect(sgd.iterations == 3)
  }

  /// Adam's first three steps with the same gradients, η = 0.1 and Keras'
  /// β₁, β₂, ε, against Kingma & Ba's Algorithm 1 with bias-corrected
  /// moments and ε̂ = ε·√(1 − β₂ᵗ) written out independently here, and
  /// against literals from that formula in Python.
  @Test func adamFollowsKeras() throws {
    var adam = try Adam(learningRate: 0.1)
    #expect(adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.epsilon == 1e-7)
    var x = [1.0]
    var reference = 1.0
    var (m, v) = (0.0, 0.0)
    let literals = [0.900000158113633, 0.8733664918283603, 0.8393236240313661]
    for (step, g) in [2.0, -1.0, 0.5].enumerated() {
      try adam.apply(gradients: [g], to: &x)
      let t = Double(step + 1)
      m = 0.9 * m + 0.1 * g
      v = 0.999 * v + 0.001 * g * g
      let mHat = m / (1 - Double.pow(0.9, t))
      let vHat = v / (1 - Double.pow(0.999, t))
      reference -= 0.1 * mHat / (vHat.squareRoot() + 1e-7 / (1 - Double.pow(0.999, t)).squareRoot())
      // Two algebraically equal orders of the same dozen operations.
      #expect(Swift.abs(x[0] - reference) <= 1e-14, "step \(step + 1)")
      #expect(Swift.abs(x[0] - literals[step]) <= 1e-14, "step \(step + 1)")
    }
  }

  @Test func minimizeStepsLikeApply() throws {
    var byApply = try SGD(learningRate: 0.1)
    var byMinimize = try SGD(learningRate: 0.1)
    var x = [0.0]
    var y = [0.0]
    for _ in 0..<5 {
      let g = gradient(at: x) { x in 3 * x[0] * x[0] + 2 * x[0] - 1 }
      try byApply.apply(gradients: g, to: &x)
      let before = y[0]
      let loss = try byMinimize.step(
        { x in 3 * x[0] * x[0] + 2 * x[0] - 1 }, over: &y)
      // minimize returns the loss of its own forward pass, before the step.
      #expect(loss == 3 * before * before + 2 * before - 1)
    }
    #expect(x == y)
  }

  // MARK: Convergence on a quadratic

  @Test(arguments: [[5.0, -3, 2, 7], [-10, 10, 0, 1], [0.0, 0, 0, 0]])
  func everyOptimizerSolvesAQuadratic(start: [Double]) throws {
    let target: [Double] = [0, 1, 2, 3]
    let rule = StoppingRule(maxIterations: 100_000, gradientTolerance: 1e-9)
    // ‖∇f‖ ≤ 10⁻⁹ with the Hessian's smallest eigenvalue ≈ 1.7 puts x within
    // 10⁻⁹ of the minimizer; 10⁻⁸ leaves room.
    let close = 1e-8

    var x = start
    var sgd = try SGD(learningRate: 0.05)
    let s = try sgd.minimize(CoupledQuadratic(), over: &x, until: rule)
    #expect(s.stopReason == .gradientTolerance && s.gradientNorm <= 1e-9)
    #expect(distance(x, target) <= close && s.parameters == x)

    x = start
    var momentum = try SGD(learningRate: 0.02, momentum: 0.9, nesterov: true)
    _ = try momentum.minimize(CoupledQuadratic(), over: &x, until: rule)
    #expect(distance(x, target) <= close)

    x = start
    var adam = try Adam(learningRate: 0.1)
    let a = try adam.minimize(CoupledQuadratic(), over: &x, until: rule)
    #expect(a.converged)
    #expect(distance(x, target) <= close)

    x = start
    let newton = try Newton<Double>().minimize(CoupledQuadratic(), over: &x)
    // One Newton step is exact on a quadratic; a second confirms ∇f ≈ 0.
    #expect(newton.iterations <= 2)
    #expect(distance(x, target) <= 1e-12)

    x = start
    let lbfgs = try LBFGS<Double>().minimize(CoupledQuadratic(), over: &x)
    #expect(lbfgs.iterations <= 20)
    #expect(distance(x, target) <= close)

    // The same quadratic as ½‖r‖² with rᵢ = √(2(i+1))·(xᵢ − tᵢ) plus a
    // coupling residual is not identical, so LM gets its own diagonal one.
    x = start
    let lm = try LevenbergMarquardt<Double>().minimize(
      residuals: { diagonalResiduals($0) }, over: &x, until: rule)
    #expect(lm.converged && lm.iterations <= 30)
    // Here ∇(½‖r‖²) = x − t, so ‖∇‖ ≤ 10⁻⁹ bounds the distance directly.
    #expect(distance(x, target) <= 1e-9)
  }

  /// f = x⁴ − x² + y²: at x = 0.1 the Hessian diag(12x² − 2, 2) has a
  /// negative eigenvalue, so the plain Newton step points uphill in x; the
  /// shifted solve must still descend, to a minimum at x = ±1/√2, y = 0.
  /// (Not from x = 0 exactly: the saddle at the origin has ∇f = 0 there.)
  @Test(arguments: [[0.1, 1.0], [-0.3, -2.0], [0.01, 0.5]])
  func newtonDescendsWhereTheHessianIsIndefinite(start: [Double]) throws {
    struct DoubleWell: ADFunction {
      func callAsFunction<T: ADReal>(_ v: [T]) -> T {
        let x2 = v[0] * v[0]
        return x2 * x2 - x2 + v[1] * v[1]
      }
    }
    var x = start
    let result = try Newton<Double>().minimize(DoubleWell(), over: &x)
    #expect(result.stopReason == .gradientTolerance)
    #expect(result.lossHistory == result.lossHistory.sorted(by: >))
    // ‖∇f‖ ≤ 10⁻⁸ and curvature ≥ 2 there: within 10⁻⁸ of the minimum.
    #expect(Swift.abs(Swift.abs(x[0]) - 0.5.squareRoot()) <= 1e-8, "\(x)")
    #expect(Swift.abs(x[1]) <= 1e-8)
  }

  // MARK: Convergence on Rosenbrock

  @Test(arguments: rosenbrockStarts)
  func newtonSolvesRosenbrockInAHandfulOfSteps(start: [Double]) throws {
    var x = start
    let result = try Newton<Double>().minimize(Rosenbrock(), over: &x)
    #expect(result.stopReason == .gradientTolerance)
    // 12 to 27 from these starts (N&W report 21 from (−1.2, 1)).
    #expect(result.iterations <= 30, "\(result.iterations) iterations")
    #expect(distance(x, start.map { _ in 1 }) <= tightPoint)
    #expect(result.loss <= 1e-16)
  }

  @Test(arguments: rosenbrockStarts)
  func lbfgsSolvesRosenbrockInTensOfSteps(start: [Double]) throws {
    var x = start
    let result = try LBFGS<Double>().minimize(Rosenbrock(), over: &x)
    #expect(result.stopReason == .gradientTolerance)
    #expect(result.iterations <= 100, "\(result.iterations) iterations")
    #expect(distance(x, start.map { _ in 1 }) <= tightPoint)
  }

  @Test(arguments: rosenbrockStarts)
  func levenbergMarquardtSolvesRosenbrockAsLeastSquares(start: [Double])
    throws
  {
    // f = Σ (10(xᵢ₊₁ − xᵢ²))² + (1 − xᵢ)²: Rosenbrock as a sum of squares.
    var x = start
    let result = try LevenbergMarquardt<Double>().minimize(
      residuals: { rosenbrockResiduals($0) }, over: &x)
    #expect(result.converged)
    #expect(result.iterations <= 100, "\(result.iterations) iterations")
    #expect(distance(x, start.map { _ in 1 }) <= tightPoint)
  }

  /// First-order methods get there too, slowly: thousands of steps.
  @Test(arguments: [[-1.2, 1.0], [0.0, 0.0], [2.0, 2.0]])
  func firstOrderMethodsSolveRosenbrockSlowly(start: [Double]) throws {
    // ‖∇f‖ ≤ 10⁻⁶ puts x within about 10⁻⁶/0.4 of (1, 1); 10⁻⁵ leaves room.
    let rule = StoppingRule(maxIterations: 200_000, gradientTolerance: 1e-6)
    var x = start
    var sgd = try SGD(learningRate: 1e-3, momentum: 0.9)
    let s = try sgd.minimize(Rosenbrock(), over: &x, until: rule)
    #expect(s.stopReason == .gradientTolerance)
    #expect(s.iterations > 1000)
    #expect(distance(x, ones2) <= 1e-5)

    x = start
    var adam = try Adam(learningRate: 1e-2)
    let a = try adam.minimize(Rosenbrock(), over: &x, until: rule)
    #expect(a.stopReason == .gradientTolerance)
    #expect(distance(x, ones2) <= 1e-5)
  }

  // MARK: Least squares: y = a·exp(b·x)

  @Test(arguments: [
    (2.5, -1.3, UInt64(1)), (0.8, 0.7, UInt64(2)), (-1.5, 0.2, UInt64(3)),
  ])
  func levenbergMarquardtRecoversAnExponential(
    a: Double, b: Double, seed: UInt64
  ) throws {
    let data = exponentialData(a: a, b: b, seed: seed)
    var p = [1.0, 0.0]
    let result = try LevenbergMarquardt<Double>().minimize(
      residuals: { exponentialResiduals($0, data.x, data.y) }, over: &p)
    #expect(result.converged, "\(result.stopReason)")
    // Noise σ = 0.01 on 40 points gives standard errors of a few 10⁻³ in a
    // and b; 0.02 is several of them, and far below a wrong fit's error.
    #expect(Swift.abs(p[0] - a) <= 0.02 && Swift.abs(p[1] - b) <= 0.02, "\(p)")
    // ½‖r‖² ≈ ½·40·σ² = 0.002 at the true parameters.
    #expect(result.loss < 0.004)

    // The same problem as one loss, by L-BFGS: the same minimizer.
    var q = [1.0, 0.0]
    _ = try LBFGS<Double>().minimize(
      { p in
        exponentialResiduals(p, data.x, data.y).reduce(0) { $0 + $1 * $1 } / 2
      }, over: &q, until: StoppingRule(gradientTolerance: 1e-10))
    // Both stop within 10⁻⁸–10⁻¹⁰ of a well-conditioned minimum.
    #expect(distance(p, q) <= 1e-6, "\(p) vs \(q)")
  }

  // MARK: Stopping rules

  @Test func iterationsRuleTakesExactlyThatManySteps() throws {
    var sgd = try SGD(learningRate: 0.01)
    var x = [0.0]
    let result = try sgd.minimize(
      { x in x[0] * x[0] - 2 * x[0] + 1 }, over: &x, until: .iterations(7))
    #expect(result.iterations == 7 && result.stopReason == .iterationLimit)
    #expect(result.lossHistory.count == 8 && !result.converged)
  }

  @Test func stepAndLossTolerancesStopEarly() throws {
    var x = [0.0]
    var sgd = try SGD(learningRate: 0.01)
    let byStep = try sgd.minimize(
      { x in x[0] * x[0] - 2 * x[0] + 1 }, over: &x,
      until: StoppingRule(gradientTolerance: 0, stepTolerance: 1e-3))
    #expect(byStep.stopReason == .stepTolerance)
    x = [0.0]
    let byLoss = try sgd.minimize(
      { x in x[0] * x[0] - 2 * x[0] + 1 }, over: &x,
      until: StoppingRule(gradientTolerance: 0, lossTolerance: 1e-2))
    #expect(byLoss.stopReason == .lossTolerance)
  }

  // MARK: Errors

  @Test func badSettingsAreRejected() {
    func rejects(_ name: String, _ make: () throws -> Void) {
      #expect {
        try make()
      } throws: { error in
        guard case OptimizerError.invalidSetting(let n, _, _) = error else {
          return false
        }
        return n == name
      }
    }
    rejects("learningRate") { _ = try SGD(learningRate: -0.1) }
    rejects("learningRate") { _ = try SGD(learningRate: .nan) }
    rejects("learningRate") { _ = try SGD<Float>(learningRate: .infinity) }
    rejects("momentum") { _ = try SGD(momentum: 1) }
    rejects("momentum") { _ = try SGD(momentum: -0.1) }
    rejects("learningRate") { _ = try Adam(learningRate: -1) }
    rejects("beta1") { _ = try Adam(beta1: 1) }
    rejects("beta2") { _ = try Adam(beta2: -0.5) }
    rejects("beta2") { _ = try Adam(beta2: .nan) }
    rejects("epsilon") { _ = try Adam(epsilon: 0) }
    rejects("sufficientDecrease") { _ = try Newton<Double>(sufficientDecrease: 0) }
    rejects("backtrackingFactor") { _ = try Newton<Double>(backtrackingFactor: 1) }
    rejects("memory") { _ = try LBFGS<Double>(memory: 0) }
    rejects("curvature") { _ = try LBFGS<Double>(curvature: 1e-5) }
    rejects("initialDamping") { _ = try LevenbergMarquardt<Double>(initialDamping: 0) }
    var x = [1.0]
    rejects("maxIterations") {
      _ = try newtonMinimize(CoupledQuadratic(), from: [1, 2], until: .iterations(-1))
    }
    rejects("gradientTolerance") {
      var sgd = try SGD()
      _ = try sgd.minimize(
        { x in x[0] * x[0] }, over: &x,
        until: StoppingRule(gradientTolerance: -1))
    }
    rejects("stepTolerance") {
      _ = try LBFGS<Double>().minimize(
        { x in x[0] * x[0] }, over: &x,
        until: StoppingRule(stepTolerance: .nan))
    }
  }

  /// Issue 16: `[1e20]` then `[1]` in `Float`. g² = 10⁴⁰ overflows
  /// `Float`; kept as g², the second moment became ∞ and the next step
  /// ∞ − ∞ = NaN. The reference is Kingma & Ba's update in `Double`, where
  /// nothing overflows, rounded to `Float` at the end.
  @Test("Adam: one huge Float gradient does not poison later steps")
  func adamSurvivesHugeGradient() throws {
    var adam = try Adam<Float>(learningRate: 0.01)
    var x: [Float] = [1]
    var reference = 1.0
    var (m, v) = (0.0, 0.0)
    for (step, g) in [1e20, 1, -3, 1e20, 0.5].enumerated() {
      try adam.apply(gradients: [Float(g)], to: &x)
      let t = Double(step + 1)
      let gd = Double(Float(g))
      m += (gd - m) * (1 - Double(Float(0.9)))
      v += (gd * gd - v) * (1 - Double(Float(0.999)))
      let alpha =
        0.01 * (1 - Double.pow(Double(Float(0.999)), t)).squareRoot()
        / (1 - Double.pow(Double(Float(0.9)), t))
      reference -= m * alpha / (v.squareRoot() + Double(Float(1e-7)))
      #expect(x[0].isFinite, "step \(step + 1)")
      // Float's rounding of a dozen operations on O(1) ratios.
      #expect(
        Swift.abs(Double(x[0]) - reference) <= 1e-5 * Swift.max(1, Swift.abs(reference)),
        "step \(step + 1): \(x[0]) vs \(reference)")
    }
    // The first step is Adam's usual first step, of size η, not 0.
    var fresh = try Adam<Float>(learningRate: 0.01)
    var y: [Float] = [1]
    try fresh.apply(gradients: [1e20], to: &y)
    #expect(Swift.abs(y[0] - 0.99) <= 1e-6)
  }

  @Test func emptyParametersAreRejected() throws {
    var empty: [Double] = []
    var sgd = try SGD()
    var adam = try Adam()
    #expect(throws: OptimizerError.emptyParameters) {
      try sgd.apply(gradients: [], to: &empty)
    }
    #expect(throws: OptimizerError.emptyParameters) {
      try adam.step({ _ in 0 }, over: &empty)
    }
    #expect(throws: OptimizerError.emptyParameters) {
      try sgd.minimize({ _ in 0 }, over: &empty, until: .iterations(1))
    }
    #expect(throws: OptimizerError.emptyParameters) {
      try Newton<Double>().minimize(CoupledQuadratic(), over: &empty)
    }
    #expect(throws: OptimizerError.emptyParameters) {
      try LBFGS<Double>().minimize({ _ in 0 }, over: &empty)
    }
    #expect(throws: OptimizerError.emptyParameters) {
      try LevenbergMarquardt<Double>().minimize(
        residuals: { _ in [1] }, over: &empty)
    }
    var x = [1.0]
    #expect(throws: OptimizerError.emptyResiduals) {
      try LevenbergMarquardt<Double>().minimize(
        residuals: { _ in [] }, over: &x)
    }
  }

  @Test func mismatchedGradientsAreRejected() throws {
    var sgd = try SGD()
    var x = [1.0, 2.0]
    #expect(throws: OptimizerError.countMismatch(gradients: 1, parameters: 2)) {
      try sgd.apply(gradients: [1], to: &x)
    }
    #expect(x == [1, 2] && sgd.iterations == 0)
    #expect(throws: OptimizerError.nonFiniteDerivative(step: 0)) {
      try sgd.apply(gradients: [1, .nan], to: &x)
    }
    #expect(x == [1, 2])
  }

  @Test func aNonFiniteStartIsRejected() throws {
    // log(−1) is NaN.
    func isNonFiniteStart(_ error: any Error) -> Bool {
      if case OptimizerError.nonFiniteInitialLoss = error { return true }
      return false
    }
    var x = [-1.0]
    var sgd = try SGD()
    #expect(
      performing: { try sgd.step({ x in log(x[0]) }, over: &x) },
      throws: isNonFiniteStart)
    #expect(
      performing: {
        try sgd.minimize({ x in log(x[0]) }, over: &x, until: .iterations(3))
      }, throws: isNonFiniteStart)
    #expect(
      performing: {
        try LBFGS<Double>().minimize({ x in log(x[0]) }, over: &x)
      }, throws: isNonFiniteStart)
    #expect(
      performing: {
        try LevenbergMarquardt<Double>().minimize(
          residuals: { x in [log(x[0])] }, over: &x)
      }, throws: isNonFiniteStart)
    struct Log: ADFunction {
      func callAsFunction<T: ADReal>(_ x: [T]) -> T { T.log(x[0]) }
    }
    #expect(
      performing: { try newtonMinimize(Log(), from: [-1.0]) },
      throws: isNonFiniteStart)
    #expect(x == [-1])
  }

  /// Gradient descent on x⁴ with η = 1 from 10 diverges: x₁ = −3990,
  /// x₂ ≈ 2.5·10¹¹, x₃ ≈ −6.3·10³⁴, and x₄ ≈ 10¹⁰⁵ has x₄⁴ = ∞.
  @Test func aNonFiniteLossMidRunStopsAtTheLastFinitePoint() throws {
    var x = [10.0]
    var sgd = try SGD(learningRate: 1)
    var expected = 10.0
    for _ in 0..<3 { expected -= 4 * expected * expected * expected }
    #expect(expected.isFinite && Double.pow(expected, 4).isFinite)
    #expect(
      performing: {
        try sgd.minimize(
          { x in x[0] * x[0] * x[0] * x[0] }, over: &x, until: .iterations(10))
      },
      throws: { error in
        guard case OptimizerError.nonFiniteLoss(let step, let loss) = error
        else { return false }
        return step == 4 && loss == .infinity
      })
    // The same three steps, up to the rounding of 4x³ against x·x·x·x's
    // forward-mode derivative.
    #expect(Swift.abs(x[0] / expected - 1) <= 1e-14)
  }

  @Test func aNonFiniteDerivativeIsReported() throws {
    // √x at 0: the loss is 0 but its derivative is infinite.
    var x = [0.0]
    var sgd = try SGD()
    #expect(throws: OptimizerError.nonFiniteDerivative(step: 0)) {
      try sgd.minimize({ x in sqrt(x[0]) }, over: &x, until: .iterations(3))
    }
    #expect(throws: OptimizerError.nonFiniteDerivative(step: 0)) {
      try LBFGS<Double>().minimize({ x in sqrt(x[0]) }, over: &x)
    }
    struct Sqrt: ADFunction {
      func callAsFunction<T: ADReal>(_ x: [T]) -> T { T.sqrt(x[0]) }
    }
    #expect(throws: OptimizerError.nonFiniteDerivative(step: 0)) {
      try Newton<Double>().minimize(Sqrt(), over: &x)
    }
    #expect(throws: OptimizerError.nonFiniteDerivative(step: 0)) {
      try LevenbergMarquardt<Double>().minimize(
        residuals: { x in [sqrt(x[0])] }, over: &x)
    }
    #expect(x == [0])
  }

  @Test func aChangingResidualCountIsRejected() throws {
    var p = [1.0]
    // One residual at p > ½, two below: LM's first step lands below.
    #expect(throws: OptimizerError.residualCountChanged(expected: 1, actual: 2)) {
      try LevenbergMarquardt<Double>().minimize(
        residuals: { p in p[0].value > 0.5 ? [p[0]] : [p[0], p[0]] },
        over: &p)
    }
  }

  @Test func errorMessagesSayWhatToDo() {
    let errors: [OptimizerError] = [
      .invalidSetting(name: "learningRate", value: -1, requirement: "≥ 0"),
      .emptyParameters, .emptyResiduals,
      .countMismatch(gradients: 1, parameters: 2),
      .nonFiniteInitialLoss(loss: .nan), .nonFiniteLoss(step: 3, loss: .infinity),
      .nonFiniteDerivative(step: 2),
      .residualCountChanged(expected: 1, actual: 2),
    ]
    for error in errors {
      #expect(error.description.contains(":"), "\(error)")
    }
    #expect(
      OptimizerError.nonFiniteLoss(step: 3, loss: .infinity)
        .description.contains("step 2"))
  }

  // MARK: Float

  @Test func optimizersRunOnFloat() throws {
    var x: [Float] = [-1.2, 1]
    let result = try Newton<Float>().minimize(
      Rosenbrock(), over: &x, until: StoppingRule(gradientTolerance: 1e-4))
    #expect(result.converged)
    // Float's ε ≈ 1.2·10⁻⁷ near a minimum whose Hessian has condition ≈
    // 2500 leaves x good to about 10⁻³.
    #expect(Swift.abs(x[0] - 1) <= 1e-3 && Swift.abs(x[1] - 1) <= 1e-3)
  }
}
