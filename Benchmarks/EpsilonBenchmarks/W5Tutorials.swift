// W5 — the tutorials' workloads (Benchmarks/WORKLOADS.md), each
// timed whole, in ns per run:
// (a) 100 gradient-descent steps, η = 0.01, on f(x) = x² − 2x + 1 from 0;
// (b) the linear regression, SGD η = 10⁻³, 1000 epochs;
// (c) Newton vs L-BFGS vs Adam on Rosenbrock N = 16 from x[i] = 0.5 + 0.1·i
//     to ‖∇f‖ ≤ 10⁻⁸ (Adam capped; iterations printed after the table).

import Epsilon

// MARK: - (a) Gradient descent on a parabola

/// The tutorials' f(x) = x² − 2x + 1.
func w5Parabola<T: ADReal>(_ x: T) -> T { x * x - 2 * x + 1 }

/// 100 steps by hand: f′(x) = 2x − 2.
func w5DescentHandwritten(from x0: Double) -> Double {
  var x = x0
  for _ in 0..<100 { x -= 0.01 * (2 * x - 2) }
  return x
}

/// 100 steps of x ← x − η·f′(x) with `derivative(at:of:)`.
func w5DescentByDerivative(from x0: Double) -> Double {
  var x = x0
  for _ in 0..<100 { x -= 0.01 * derivative(at: x, of: w5Parabola) }
  return x
}

/// 100 steps of Keras' SGD, `apply(gradients:to:)`, gradients by forward
/// mode as the tour writes them.
func w5DescentByApply(from x0: Double) throws -> Double {
  var sgd = try SGD(learningRate: 0.01)
  var x = [x0]
  for _ in 0..<100 {
    let g = gradient(at: x) { w5Parabola($0[0]) }
    try sgd.apply(gradients: g, to: &x)
  }
  return x[0]
}

/// 100 steps of x ← x − η·∇f(x) by hand, with `gradient(at:of:)`: the
/// loop an optimizer's `minimize` replaces.
func w5DescentByGradient(from x0: Double) -> Double {
  var x = [x0]
  for _ in 0..<100 {
    let g = gradient(at: x) { w5Parabola($0[0]) }
    x[0] -= 0.01 * g[0]
  }
  return x[0]
}

/// 100 steps of Keras' SGD by `minimize(_:over:until:)`.
func w5DescentByMinimize(from x0: Double) throws -> Double {
  var sgd = try SGD(learningRate: 0.01)
  var x = [x0]
  _ = try sgd.minimize(
    { w5Parabola($0[0]) }, over: &x,
    until: StoppingRule(maxIterations: 100, gradientTolerance: 0))
  return x[0]
}

/// 100 steps of Keras' SGD with gradients from one reused tape.
func w5DescentByTape(from x0: Double) throws -> Double {
  var sgd = try SGD(learningRate: 0.01)
  let tape = GradientTape<Double>()
  var x = [x0]
  for _ in 0..<100 {
    let g = try tape.gradient(at: x) { w5Parabola($0[0]) }
    try sgd.apply(gradients: g, to: &x)
  }
  return x[0]
}

// MARK: - (b) Linear regression

/// Years and prices, min-max normalised.
let w5RegressionData: (x: [Double], y: [Double]) = {
  func normalised(_ v: [Double]) -> [Double] {
    let (low, high) = (v.min() ?? 0, v.max() ?? 1)
    return v.map { ($0 - low) / (high - low) }
  }
  return (
    normalised([2013, 2014, 2015, 2016, 2017]),
    normalised([12000, 14000, 15000, 16500, 17500])
  )
}()

/// Σ (w·x + b − y)², generic.
func w5Loss<T: ADReal>(_ v: [T], _ x: [Double], _ y: [Double]) -> T {
  var loss: T = 0
  for i in x.indices {
    let residual = v[0] * T(x[i]) + v[1] - T(y[i])
    loss += residual * residual
  }
  return loss
}

/// 1000 epochs by hand: ∂L/∂w = Σ 2r·x, ∂L/∂b = Σ 2r.
func w5RegressionHandwritten(_ x: [Double], _ y: [Double]) -> [Double] {
  var (w, b) = (0.0, 0.0)
  for _ in 0..<1000 {
    var (gw, gb) = (0.0, 0.0)
    for i in x.indices {
      let r = w * x[i] + b - y[i]
      gw += 2 * r * x[i]
      gb += 2 * r
    }
    w -= 1e-3 * gw
    b -= 1e-3 * gb
  }
  return [w, b]
}

/// 1000 epochs of Keras' SGD, gradients by forward mode (the tour's code).
func w5RegressionForward(_ x: [Double], _ y: [Double]) throws -> [Double] {
  var sgd = try SGD(learningRate: 1e-3)
  var v = [0.0, 0.0]
  for _ in 0..<1000 {
    let g = gradient(at: v) { w5Loss($0, x, y) }
    try sgd.apply(gradients: g, to: &v)
  }
  return v
}

/// 1000 epochs by hand with `gradient(at:of:)`: the loop an optimizer's
/// `minimize` replaces.
func w5RegressionByGradient(_ x: [Double], _ y: [Double]) -> [Double] {
  var v = [0.0, 0.0]
  for _ in 0..<1000 {
    let g = gradient(at: v) { w5Loss($0, x, y) }
    v[0] -= 1e-3 * g[0]
    v[1] -= 1e-3 * g[1]
  }
  return v
}

/// 1000 epochs of Keras' SGD by `minimize(_:over:until:)`.
func w5RegressionByMinimize(_ x: [Double], _ y: [Double]) throws -> [Double] {
  var sgd = try SGD(learningRate: 1e-3)
  var v = [0.0, 0.0]
  _ = try sgd.minimize(
    { w5Loss($0, x, y) }, over: &v,
    until: StoppingRule(maxIterations: 1000, gradientTolerance: 0))
  return v
}

/// 1000 epochs of Keras' SGD, gradients from one reused tape.
func w5RegressionTape(_ x: [Double], _ y: [Double]) throws -> [Double] {
  var sgd = try SGD(learningRate: 1e-3)
  let tape = GradientTape<Double>()
  var v = [0.0, 0.0]
  for _ in 0..<1000 {
    let g = try tape.gradient(at: v) { w5Loss($0, x, y) }
    try sgd.apply(gradients: g, to: &v)
  }
  return v
}

// MARK: - (c) Optimizers on Rosenbrock N = 16

/// Adam's iteration cap: it approaches ‖∇f‖ = 10⁻⁸ slowly, if at all.
let w5AdamCap = 20_000

/// One minimization from `x0`; nil if it threw.
func w5Minimize(_ method: String, from x0: [Double]) -> OptimizationResult<Double>? {
  let f = RosenbrockFunction()
  var x = x0
  switch method {
  case "newton": return try? Newton<Double>().minimize(f, over: &x)
  case "lbfgs": return try? LBFGS<Double>().minimize(f, over: &x)
  default:
    guard var adam = try? Adam<Double>(learningRate: 0.01) else { return nil }
    return try? adam.minimize(
      f, over: &x, until: StoppingRule(maxIterations: w5AdamCap))
  }
}

// MARK: - Registration

extension Harness {
  /// Registers W5 (a), (b) and (c).
  mutating func addW5() {
    addW5Descent()
    addW5Regression()
    addW5Optimizers()
  }

  mutating func addW5Descent() {
    let workload = "W5a-descent"
    let want = 0.86738  // the tutorial's printed x after 100 steps
    // Starting points near 0 so no result is a loop constant; x0 = 0
    // first, the tutorial's, which the checks use.
    let starts: [Double] = [0, 1e-9, 2e-9, 3e-9]
    func check(_ run: @escaping (Double) throws -> Double) -> () -> String? {
      {
        guard let got = try? run(0) else { return "threw" }
        let reference = w5DescentHandwritten(from: 0)
        if !(relativeError(got, reference) <= verificationTolerance) {
          return "x = \(got), by hand \(reference)"
        }
        return nil
      }
    }
    add(
      workload, "handwritten", n: 100, role: .handwritten,
      verify: {
        let x = w5DescentHandwritten(from: 0)
        return abs(x - want) <= 5e-6 ? nil : "x = \(x), tutorial \(want)"
      },
      body: { count in
        cycle(starts, count) { blackHole(w5DescentHandwritten(from: $0)) }
      })
    add(
      workload, "derivative", n: 100, role: .epsilon,
      verify: check(w5DescentByDerivative),
      body: { count in
        cycle(starts, count) { blackHole(w5DescentByDerivative(from: $0)) }
      })
    add(
      workload, "gradient-loop", n: 100, role: .epsilon,
      verify: check(w5DescentByGradient),
      body: { count in
        cycle(starts, count) { blackHole(w5DescentByGradient(from: $0)) }
      })
    add(
      workload, "sgd-minimize", n: 100, role: .epsilon,
      verify: check(w5DescentByMinimize),
      body: { count in
        cycle(starts, count) {
          if let x = try? w5DescentByMinimize(from: $0) { blackHole(x) }
        }
      })
    add(
      workload, "sgd-apply", n: 100, role: .epsilon,
      verify: check(w5DescentByApply),
      body: { count in
        cycle(starts, count) {
          if let x = try? w5DescentByApply(from: $0) { blackHole(x) }
        }
      })
    add(
      workload, "tape-sgd-apply", n: 100, role: .epsilon,
      verify: check(w5DescentByTape),
      body: { count in
        cycle(starts, count) {
          if let x = try? w5DescentByTape(from: $0) { blackHole(x) }
        }
      })
  }

  mutating func addW5Regression() {
    let workload = "W5b-regression"
    let (x, y) = w5RegressionData
    // Four data sets: the tutorial's and three with one y nudged, so no
    // result is a loop constant.
    let pool = (0..<4).map { k -> [Double] in
      var v = y
      v[0] += 1e-12 * Double(k)
      return v
    }
    func check(_ run: @escaping ([Double], [Double]) throws -> [Double])
      -> () -> String?
    {
      {
        guard let got = try? run(x, y) else { return "threw" }
        let reference = w5RegressionHandwritten(x, y)
        if !(relativeError(got, reference) <= 1e-10) {
          return "(w, b) = \(got), by hand \(reference)"
        }
        return nil
      }
    }
    add(
      workload, "handwritten", n: 1000, role: .handwritten,
      verify: {
        let v = w5RegressionHandwritten(x, y)
        return abs(v[0] - 0.7084) <= 5e-5 && abs(v[1] - 0.2061) <= 5e-5
          ? nil : "(w, b) = \(v), tutorial (0.7084, 0.2061)"
      },
      body: { count in
        cycle4(pool, count) { blackHole(w5RegressionHandwritten(x, $0)) }
      })
    add(
      workload, "gradient-loop", n: 1000, role: .epsilon,
      verify: check(w5RegressionByGradient),
      body: { count in
        cycle4(pool, count) { blackHole(w5RegressionByGradient(x, $0)) }
      })
    add(
      workload, "sgd-minimize", n: 1000, role: .epsilon,
      verify: check(w5RegressionByMinimize),
      body: { count in
        cycle4(pool, count) {
          if let v = try? w5RegressionByMinimize(x, $0) { blackHole(v) }
        }
      })
    add(
      workload, "forward-sgd-apply", n: 1000, role: .epsilon,
      verify: check(w5RegressionForward),
      body: { count in
        cycle4(pool, count) {
          if let v = try? w5RegressionForward(x, $0) { blackHole(v) }
        }
      })
    add(
      workload, "tape-sgd-apply", n: 1000, role: .epsilon,
      verify: check(w5RegressionTape),
      body: { count in
        cycle4(pool, count) {
          if let v = try? w5RegressionTape(x, $0) { blackHole(v) }
        }
      })
  }

  mutating func addW5Optimizers() {
    let workload = "W5c-rosenbrock16"
    let n = 16
    let start = (0..<n).map { 0.5 + 0.1 * Double($0) }
    let standard = (0..<n).map { $0 % 2 == 0 ? -1.2 : 1.0 }
    let methods = ["newton", "lbfgs", "adam"]
    for method in methods {
      add(
        workload, method, n: n, role: method == "newton" ? .handwritten : .epsilon,
        granularity: 1, maxRounds: method == "adam" ? 9 : nil,
        verify: {
          guard let r = w5Minimize(method, from: start) else { return "threw" }
          if method == "adam" { return r.loss.isFinite ? nil : "loss \(r.loss)" }
          guard r.gradientNorm <= 1e-8,
            relativeError(r.parameters, [Double](repeating: 1, count: n)) <= 1e-6
          else {
            return "stopped at ‖∇f‖ = \(r.gradientNorm), \(r.stopReason)"
          }
          return nil
        },
        body: { count in
          for _ in 0..<count {
            if let r = w5Minimize(method, from: start) { blackHole(r.parameters) }
          }
        })
    }
    addNote(workload, n: n) { _ in
      var lines = ["(×hand = × Newton) iterations, final ‖∇f‖, why stopped:"]
      for (label, x0) in [("x[i] = 0.5 + 0.1·i", start), ("(−1.2, 1, …)", standard)] {
        for method in methods {
          guard let r = w5Minimize(method, from: x0) else {
            lines.append("  \(method) from \(label): threw")
            continue
          }
          let atOne = relativeError(r.parameters, [Double](repeating: 1, count: n)) <= 1e-6
          lines.append(
            "  \(pad(method, 6, left: true)) from \(label): \(r.iterations) iterations,"
              + " ‖∇f‖ = \(r.gradientNorm), f = \(r.loss), \(r.stopReason)"
              + (atOne ? "" : " (not at (1, …, 1))")
              + (method == "adam" ? " (η = 0.01, cap \(w5AdamCap))" : ""))
        }
      }
      return lines
    }
  }
}
