import Epsilon

// The tutorials' gradient-descent and regression cells, by forward mode,
// and two things the tutorials could not show: Newton's method and a
// Levenberg–Marquardt curve fit.
//
// The tutorials compute in float32. Each cell runs twice: in `Double`,
// printed with the tutorial's precision as its tolerance, and in `Float`,
// as TensorFlow computed it, printed the way the tutorial printed it
// (`tf.print`: 9 significant digits; numpy: the shortest digits that
// round-trip), which must then match digit for digit.

/// The tutorials' y = a·x² + b·x + c with a = 1, b = −2, c = 1, written as
/// `a*tf.pow(x, 2.0) + b*x + c`.
func parabola<T: ADReal>(_ x: T) -> T {
  let (a, b, c): (T, T, T) = (1, -2, 1)
  return a * T.pow(x, 2.0) + b * x + c
}

/// The tutorials' f(x) = 3x² + 2x − 1, as `3. * x ** 2 + 2. * x - 1`.
func cubicTutorialF<T: ADReal>(_ x: T) -> T { 3 * T.pow(x, 2.0) + 2 * x - 1 }

/// Rosenbrock's function of two variables: minimum 0 at (1, 1).
struct Rosenbrock: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    let a = x[1] - x[0] * x[0]
    let b = 1 - x[0]
    return 100 * a * a + b * b
  }
}

/// A float32 value as `tf.print` shows it: 9 significant digits.
func tfPrinted(_ value: Float) -> Double {
  let x = Double(value)
  if x == 0 || !x.isFinite { return x }
  // 10^k is exact in Double for k ≤ 22, so the only rounding is the
  // product's, far below the half-unit that `rounded()` decides on.
  var exponent = 0
  var magnitude = Swift.abs(x)
  while magnitude >= 1 {
    magnitude /= 10
    exponent += 1
  }
  while magnitude < 0.1 {
    magnitude *= 10
    exponent -= 1
  }
  let digits = 9 - exponent
  var scale = 1.0
  for _ in 0..<Swift.abs(digits) { scale *= 10 }
  return digits >= 0 ? (x * scale).rounded() / scale : (x / scale).rounded() * scale
}

/// A float32 value as numpy shows it: the shortest digits that round-trip,
/// which is also Swift's `Float.description`.
func numpyPrinted(_ value: Float) -> Double {
  Double(value.description) ?? .nan
}

/// `x` rounded to four decimals, for a label.
func fourDigits(_ x: Double) -> Double { (x * 1e4).rounded() / 1e4 }

/// SplitMix64 (Steele, Lea & Flood 2014): the curve fit's seeded data.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in (0, 1).
  mutating func uniform() -> Double {
    (Double(next() >> 11) + 0.5) / Double(1 << 53)
  }
  /// Standard normal, by Box–Muller.
  mutating func normal() -> Double {
    (-2 * Double.log(uniform())).squareRoot() * Double.cos(2 * Double.pi * uniform())
  }
}

// MARK: - The cells, generic so that they run in Double and in Float

/// 100 steps of x ← x − 0.01·dy/dx from 0, by hand: x, and y of the last
/// forward pass (before the last update), as the tutorial prints them.
func descentByHand<T: ADScalar>(_: T.Type) -> (x: T, y: T) {
  var x: T = 0
  var y: T = 0
  let learningRate: T = 0.01
  for _ in 0..<100 {
    let (value, dydx) = valueWithDerivative(at: x) { parabola($0) }
    y = value
    x = x - dydx * learningRate
  }
  return (x, y)
}

/// 100 steps of `x.assign_sub(0.1 * dz_dx)` on 3x² + 2x − 1 from 0.
func descentOnF<T: ADScalar>(_: T.Type) -> T {
  var x: T = 0
  for _ in 0..<100 { x -= 0.1 * derivative(at: x) { cubicTutorialF($0) } }
  return x
}

/// `optimizer.apply_gradients([(dy_dx, x)])`, 100 times, with Keras' SGD;
/// x and y after.
func descentByApply<T: ADScalar>(
  _: T.Type, rate: T, steps: Int, of f: (Dual<SIMD8<T>>) -> Dual<SIMD8<T>>
) throws -> (x: T, y: T) {
  var sgd = try SGD<T>(learningRate: rate)
  var x: [T] = [0]
  for _ in 0..<steps {
    let dydx = gradient(at: x) { f($0[0]) }
    try sgd.apply(gradients: dydx, to: &x)
  }
  return (x[0], valueWithGradient(at: x) { f($0[0]) }.value)
}

/// `optimizer.minimize(f, [x])`, `steps` times, with Keras' SGD (η =
/// 0.01); x and f(x) after.
func descentByMinimize<T: ADScalar>(_: T.Type, steps: Int) throws
  -> (x: T, y: T)
{
  var sgd = try SGD<T>(learningRate: 0.01)
  var x: [T] = [0]
  for _ in 0..<steps { try sgd.step({ parabola($0[0]) }, over: &x) }
  return (x[0], parabola(x[0]))
}

/// The tutorial's regression: min-max normalised years and prices, loss
/// Σ (w·x + b − y)², Keras SGD η = 10⁻³, 1000 epochs from w = b = 0.
func regression<T: ADScalar>(_: T.Type) throws -> (w: T, b: T) {
  let years: [T] = [2013, 2014, 2015, 2016, 2017]
  let prices: [T] = [12000, 14000, 15000, 16500, 17500]
  func normalised(_ v: [T]) -> [T] {
    let low = v.min() ?? 0
    let high = v.max() ?? 1
    return v.map { ($0 - low) / (high - low) }
  }
  let (x, y) = (normalised(years), normalised(prices))
  var sgd = try SGD<T>(learningRate: 1e-3)
  var variables: [T] = [0, 0]  // w, b
  for _ in 0..<1000 {
    let grads = gradient(at: variables) { v in
      var loss: Dual<SIMD8<T>> = 0
      for i in x.indices {
        let residual = v[0] * Dual(x[i]) + v[1] - Dual(y[i])
        loss += residual * residual
      }
      return loss
    }
    try sgd.apply(gradients: grads, to: &variables)
  }
  return (variables[0], variables[1])
}

/// |a − b| / max(|a|, |b|): how far Epsilon's Double is from the float32
/// digits, to print in a label.
func relativeDifference(_ a: Double, _ b: Double) -> Double {
  Swift.abs(a - b) / Swift.max(Swift.abs(a), Swift.abs(b))
}

extension Tour {
  static let optimizers: [Section] = [
    Section(
      id: "descent", title: "Gradient descent by hand",
      source: "tutorial 001: 100 steps on x² − 2x + 1, rate 0.01; "
        + "tutorial 002: 3x² + 2x − 1, rate 0.1",
      code: """
        var (x, y) = (0.0, 0.0)
        for _ in 0..<100 {
          let (value, dydx) = valueWithDerivative(at: x) { x in
            a * pow(x, 2.0) + b * x + c      // a = 1, b = -2, c = 1
          }
          y = value                          // the last forward pass
          x = x - dydx * 0.01
        }
        """
    ) {
      let double = descentByHand(Double.self)
      let float = descentByHand(Float.self)
      return [
        // Float32 rounds each of 100 updates by up to ½ ulp (ulp/x ≈
        // 7·10⁻⁸ here); they add up to about one ulp: 2·10⁻⁷ allows three.
        Check("x (Double) ≈", double.x, tutorial: 0.867380381, tolerance: 2e-7),
        // y = (1 − x)² ≈ 0.018 is computed as x² − 2x + 1 ≈ 0.75 − 1.73 + 1:
        // float32 rounds the terms by up to ulp(1.73) ≈ 1.2·10⁻⁷ absolute,
        // 7·10⁻⁶ of y.
        Check(
          "y of the last pass (Double) ≈", double.y, tutorial: 0.0183131695,
          tolerance: 1e-5),
        Check(
          "x (Float, as tf.print shows it) =", tfPrinted(float.x),
          tutorial: 0.867380381),
        Check(
          "y (Float, as tf.print shows it) =", tfPrinted(float.y),
          tutorial: 0.0183131695),
        // −1/3 is the fixed point; the tutorial prints 7 digits, good to
        // 1.5·10⁻⁷ relative.
        Check(
          "3x² + 2x − 1: x (Double) ≈", descentOnF(Double.self),
          tutorial: -0.3333333, tolerance: 2e-7),
        Check(
          "3x² + 2x − 1: x (Float, as numpy shows it) =",
          numpyPrinted(descentOnF(Float.self)), tutorial: -0.3333333),
      ]
    },
    Section(
      id: "apply", title: "Gradient descent with an optimizer: apply",
      source: "tutorial 001: SGD(0.01).apply_gradients, 100 steps; "
        + "tutorial 002: SGD(lr = 0.1).apply_gradients on 3x² + 2x − 1",
      code: """
        var sgd = try SGD(learningRate: 0.01)
        var x = [0.0]
        for _ in 0..<100 {
          let dydx = gradient(at: x) { x in a * pow(x[0], 2.0) + b * x[0] + c }
          try sgd.apply(gradients: dydx, to: &x)   // apply_gradients([(dy_dx, x)])
        }
        """
    ) {
      let double = try descentByApply(
        Double.self, rate: 0.01, steps: 100, of: parabola)
      let float = try descentByApply(
        Float.self, rate: 0.01, steps: 100, of: parabola)
      let fDouble = try descentByApply(
        Double.self, rate: 0.1, steps: 100, of: cubicTutorialF)
      let fFloat = try descentByApply(
        Float.self, rate: 0.1, steps: 100, of: cubicTutorialF)
      return [
        // As in `descent`: 100 float32 roundings.
        Check("x (Double) ≈", double.x, tutorial: 0.867380381, tolerance: 2e-7),
        // The tutorial's autograph cell prints f(x) with 6 digits, 0.0175879
        // (good to 6·10⁻⁶), and float32 cancellation in x² − 2x + 1 adds up
        // to 7·10⁻⁶.
        Check("f(x) (Double) ≈", double.y, tutorial: 0.0175879, tolerance: 1e-5),
        Check(
          "x (Float, as tf.print shows it) =", tfPrinted(float.x),
          tutorial: 0.867380381),
        // Seven printed digits, as in `descent`.
        Check(
          "3x² + 2x − 1, rate 0.1: x (Double) ≈", fDouble.x,
          tutorial: -0.3333333, tolerance: 2e-7),
        Check(
          "3x² + 2x − 1, rate 0.1: x (Float, as numpy shows it) =",
          numpyPrinted(fFloat.x), tutorial: -0.3333333),
      ]
    },
    Section(
      id: "minimize", title: "Gradient descent with an optimizer: minimize",
      source: "tutorial 001: SGD(0.01).minimize(f, [x]), 100 and 1000 steps",
      code: """
        var sgd = try SGD(learningRate: 0.01)
        var x = [0.0]
        for _ in 0..<100 {
          try sgd.minimize({ x in a * pow(x[0], 2.0) + b * x[0] + c }, over: &x)
        }
        """
    ) {
      let double = try descentByMinimize(Double.self, steps: 100)
      let float = try descentByMinimize(Float.self, steps: 100)
      let longDouble = try descentByMinimize(Double.self, steps: 1000)
      let longFloat = try descentByMinimize(Float.self, steps: 1000)
      return [
        // As in `descent`: 100 float32 roundings in x, cancellation in y.
        Check("x (Double) ≈", double.x, tutorial: 0.867380381, tolerance: 2e-7),
        Check("y (Double) ≈", double.y, tutorial: 0.0175879598, tolerance: 1e-5),
        Check(
          "x (Float, as tf.print shows it) =", tfPrinted(float.x),
          tutorial: 0.867380381),
        Check(
          "y (Float, as tf.print shows it) =", tfPrinted(float.y),
          tutorial: 0.0175879598),
        // 1000 steps: float32 stops moving once 0.02·(1 − x) is below half
        // an ulp of x (3·10⁻⁸), at 1 − x ≈ 1.4·10⁻⁶. Double keeps going to
        // 1 − 0.98¹⁰⁰⁰, so only Float can reproduce the tutorial's digits.
        Check(
          "1000 steps: x (Float, as tf.print shows it; Double reaches "
            + "\(longDouble.x)) =",
          tfPrinted(longFloat.x), tutorial: 0.999998569),
        Check(
          "1000 steps: f(x) (Float; Double gives \(longDouble.y)) =",
          tfPrinted(longFloat.y), tutorial: 0),
      ]
    },
    Section(
      id: "regression", title: "Linear regression by gradient descent",
      source: "tutorial 003: years 2013…2017 and prices, min-max normalised, "
        + "loss Σ(w·x + b − y)², SGD(1e-3), 1000 epochs",
      code: """
        var sgd = try SGD(learningRate: 1e-3)
        var variables = [0.0, 0.0]              // w, b
        for _ in 0..<1000 {
          let grads = gradient(at: variables) { v in
            var loss: Dual<SIMD8<Double>> = 0
            for i in x.indices {
              let residual = v[0] * Dual(x[i]) + v[1] - Dual(y[i])
              loss += residual * residual
            }
            return loss
          }
          try sgd.apply(gradients: grads, to: &variables)
        }
        """
    ) {
      let double = try regression(Double.self)
      let float = try regression(Float.self)
      return [
        // 1000 epochs, each rounding w and b by up to ½ ulp of float32
        // (3·10⁻⁸ relative for w, 7·10⁻⁸ for b near 0.2) and the gradients
        // summed over five points: they drift by 4·10⁻⁷ (w) and 8·10⁻⁷ (b).
        Check(
          "(w, b) (Double) ≈", [double.w, double.b],
          tutorial: [0.7083977, 0.20608652], tolerance: 1e-6),
        Check(
          "(w, b) (Float, as numpy shows it) =",
          [numpyPrinted(float.w), numpyPrinted(float.b)],
          tutorial: [0.7083977, 0.20608652]),
      ]
    },
    Section(
      id: "newton", title: "Newton's method against gradient descent",
      source: "beyond the tutorials: Rosenbrock from (−1.2, 1), each method "
        + "run until ‖∇f‖ ≤ 10⁻⁶",
      reference: "exact minimum (1, 1)",
      code: """
        struct Rosenbrock: ADFunction {
          func callAsFunction<T: ADReal>(_ x: [T]) -> T {
            let a = x[1] - x[0] * x[0], b = 1 - x[0]
            return 100 * a * a + b * b
          }
        }
        let rule = StoppingRule(maxIterations: 100_000, gradientTolerance: 1e-6)
        var x = [-1.2, 1.0]
        try Newton<Double>().minimize(Rosenbrock(), over: &x, until: rule)
        try LBFGS<Double>().minimize(Rosenbrock(), over: &x, until: rule)
        var sgd = try SGD(learningRate: 1e-3)
        try sgd.minimize(Rosenbrock(), over: &x, until: rule)
        """
    ) {
      let rule = StoppingRule(maxIterations: 100_000, gradientTolerance: 1e-6)
      let start = [-1.2, 1.0]
      var x = start
      let newton = try Newton<Double>().minimize(Rosenbrock(), over: &x, until: rule)
      x = start
      let lbfgs = try LBFGS<Double>().minimize(Rosenbrock(), over: &x, until: rule)
      x = start
      var sgd = try SGD(learningRate: 1e-3)
      let descent = try sgd.minimize(Rosenbrock(), over: &x, until: rule)
      // ‖∇f‖ ≤ 10⁻⁶ and the Hessian's smallest eigenvalue at (1, 1), 0.4,
      // put each point within 2.5·10⁻⁶ of the minimum; 10⁻⁵ allows for the
      // curvature changing nearby. The reference is the analytic minimum.
      let near = 1e-5
      return [
        Check(
          "Newton, \(newton.iterations) iterations: x (vs the exact minimum) =",
          newton.parameters, tutorial: [1, 1], tolerance: near),
        Check(
          "L-BFGS, \(lbfgs.iterations) iterations: x (vs the exact minimum) =",
          lbfgs.parameters, tutorial: [1, 1], tolerance: near),
        Check(
          "SGD (η = 10⁻³), \(descent.iterations) iterations: x (vs the exact "
            + "minimum) =",
          descent.parameters, tutorial: [1, 1], tolerance: near),
      ]
    },
    Section(
      id: "curve-fit", title: "Curve fitting by Levenberg–Marquardt",
      source: "beyond the tutorials: y = a·exp(b·x) fitted to 40 noisy "
        + "points made from a = 2, b = −0.5 (σ = 0.02, seed 2024)",
      reference: "the (a, b) that made the data",
      code: """
        var random = SplitMix64(state: 2024)
        let xs = (0..<40).map { Double($0) / 10 }
        let ys = xs.map { 2 * exp(-0.5 * $0) + 0.02 * random.normal() }
        func residuals<T: ADReal>(_ p: [T]) -> [T] {   // a·exp(b·x) − y
          xs.indices.map { i in p[0] * exp(p[1] * T(xs[i])) - T(ys[i]) }
        }
        var p = [1.0, 0.0]                               // a, b
        try LevenbergMarquardt<Double>().minimize(
          residuals: { residuals($0) }, over: &p)
        """
    ) {
      var random = SplitMix64(state: 2024)
      let xs = (0..<40).map { Double($0) / 10 }
      let ys = xs.map { 2 * Double.exp(-0.5 * $0) + 0.02 * random.normal() }
      func residuals<T: ADReal>(_ p: [T]) -> [T] {
        xs.indices.map { i in p[0] * T.exp(p[1] * T(xs[i])) - T(ys[i]) }
      }
      var p = [1.0, 0.0]
      let fit = try LevenbergMarquardt<Double>().minimize(
        residuals: { residuals($0) }, over: &p)
      // The fit's standard errors, σ·√diag((JᵀJ)⁻¹) with the σ that made
      // the data: the fitted (a, b) must lie within four of them of the
      // (a, b) that made the data.
      let j = try jacobian(at: p) { residuals($0) }
      var (saa, sab, sbb) = (0.0, 0.0, 0.0)
      for row in j {
        saa += row[0] * row[0]
        sab += row[0] * row[1]
        sbb += row[1] * row[1]
      }
      let det = saa * sbb - sab * sab
      let errorA = 0.02 * (sbb / det).squareRoot()
      let errorB = 0.02 * (saa / det).squareRoot()
      let tolerance = 4 * Swift.max(errorA / 2, errorB / 0.5)
      return [
        Check(
          "(a, b) after \(fit.iterations) iterations, standard errors "
            + "(\(fourDigits(errorA)), \(fourDigits(errorB))) (vs the (a, b) "
            + "that made the data) =",
          p, tutorial: [2, -0.5], tolerance: tolerance)
      ]
    },
  ]
}
