// A catalog of generic test functions with hand-written derivatives, shared
// by every suite that checks a mode (Dual here; HyperDual, nested and tape
// suites later): ForwardDiff's DiffTests, in Swift generics.
//
// Each function is written once against `ADReal`, so the same definition
// runs on Double, Float, Dual of any width and any later number type. The
// analytic derivatives are written by hand from calculus, with plain
// arithmetic and the elementary functions' values only, and are generic
// too, so a Hessian suite can differentiate an analytic gradient again.
//
// To add a function: write a struct conforming to one of the protocols
// below and append it to the matching list in `TestCatalog`.

import Epsilon

// MARK: - Protocols

/// f: ℝ → ℝ with f′ and f″.
protocol ScalarTestFunction: Sendable, CustomStringConvertible {
  /// A short name for test output.
  var name: String { get }
  /// Points inside the domain, exact in Float and Double.
  var points: [Double] { get }
  func callAsFunction<T: ADReal>(_ x: T) -> T
  func derivative<T: ADReal>(_ x: T) -> T
  func secondDerivative<T: ADReal>(_ x: T) -> T
}

/// f: ℝⁿ → ℝ with its gradient.
protocol GradientTestFunction: ADFunction, Sendable, CustomStringConvertible {
  var name: String { get }
  /// The one input count the function takes, or nil for any n ≥ 0.
  var arity: Int? { get }
  /// Where to draw random inputs from.
  var domain: ClosedRange<Double> { get }
  func gradient<T: ADReal>(_ x: [T]) -> [T]
}

/// f: ℝⁿ → ℝᵐ with its Jacobian (one row per output).
protocol JacobianTestFunction: Sendable, CustomStringConvertible {
  var name: String { get }
  /// The one input count the function takes, or nil for any n ≥ 1.
  var arity: Int? { get }
  var domain: ClosedRange<Double> { get }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T]
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]]
}

extension ScalarTestFunction {
  var description: String { name }
}
extension GradientTestFunction {
  var description: String { name }
  /// Input counts to try: the arity, or a spread including 0 and 1.
  var sampleCounts: [Int] { arity.map { [$0] } ?? [0, 1, 2, 3, 7, 10] }
}
extension JacobianTestFunction {
  var description: String { name }
  var sampleCounts: [Int] { arity.map { [$0] } ?? [1, 2, 3, 9, 17] }
}

/// Every catalog function, by kind.
enum TestCatalog {
  static let scalar: [any ScalarTestFunction] = [
    Quadratic(), Smooth(), GaussianTanh(), Branchy(), Rational(),
  ]
  static let gradient: [any GradientTestFunction] = [
    Rosenbrock(), TutorialG(), TwiceSquaredNorm(), SinCosRing(),
    LogSumExp(), Norm(),
  ]
  static let jacobian: [any JacobianTestFunction] = [
    ProductAndSine(), Polar(), CubicRing(), CumulativeProduct(), Moments(),
  ]
}

// MARK: - Scalar → scalar

/// 3x² + 2x − 1, the tutorials' first function.
struct Quadratic: ScalarTestFunction {
  var name: String { "3x² + 2x − 1" }
  var points: [Double] { [-2, -0.5, 0, 1, 3.25] }
  func callAsFunction<T: ADReal>(_ x: T) -> T { 3 * x * x + 2 * x - 1 }
  func derivative<T: ADReal>(_ x: T) -> T { 6 * x + 2 }
  func secondDerivative<T: ADReal>(_ x: T) -> T { 6 }
}

/// The type-checking formula:
/// sin x·eˣ/(1 + x²) + log1p x − atan2(x, 2) + x^2.5 + hypot(x, 3).
struct Smooth: ScalarTestFunction {
  var name: String { "sin·exp/(1+x²) + log1p − atan2 + pow + hypot" }
  var points: [Double] { [0.25, 0.7, 1.5, 2.75] }
  func callAsFunction<T: ADReal>(_ x: T) -> T {
    let a = T.sin(x) * T.exp(x) / (1 + x * x)
    return a + T.log1p(x) - T.atan2(x, 2) + T.pow(x, 2.5) + T.hypot(x, 3)
  }
  func derivative<T: ADReal>(_ x: T) -> T {
    // (u/v)′ = (u′v − uv′)/v², u = sin x·eˣ, v = 1 + x²
    let u = T.sin(x) * T.exp(x)
    let du = (T.cos(x) + T.sin(x)) * T.exp(x)
    let v = 1 + x * x
    let quotient = (du * v - u * 2 * x) / (v * v)
    return quotient + 1 / (1 + x) - 2 / (x * x + 4) + 2.5 * x * T.sqrt(x)
      + x / T.sqrt(x * x + 9)
  }
  func secondDerivative<T: ADReal>(_ x: T) -> T {
    // (u/v)″ = u″/v − 2u′v′/v² − uv″/v² + 2uv′²/v³, u″ = 2cos x·eˣ, v″ = 2
    let u = T.sin(x) * T.exp(x)
    let du = (T.cos(x) + T.sin(x)) * T.exp(x)
    let ddu = 2 * T.cos(x) * T.exp(x)
    let v = 1 + x * x
    let dv = 2 * x
    let quotient =
      ddu / v - 2 * du * dv / (v * v) - u * 2 / (v * v)
      + 2 * u * dv * dv / (v * v * v)
    // Split so the generic body type-checks quickly (Swift's solver limit on
    // literal-heavy generic expressions, see README "Writing generic code").
    let w = x * x + 9
    let z = x * x + 4
    let rational = -1 / ((1 + x) * (1 + x)) + 4 * x / (z * z)
    return quotient + rational + 3.75 * T.sqrt(x) + 9 / (w * T.sqrt(w))
  }
}

/// x·e^(−x²) + tanh x.
struct GaussianTanh: ScalarTestFunction {
  var name: String { "x·exp(−x²) + tanh" }
  var points: [Double] { [-1.5, -0.25, 0, 0.5, 2] }
  func callAsFunction<T: ADReal>(_ x: T) -> T { x * T.exp(-x * x) + T.tanh(x) }
  func derivative<T: ADReal>(_ x: T) -> T {
    let t = T.tanh(x)
    return (1 - 2 * x * x) * T.exp(-x * x) + 1 - t * t
  }
  func secondDerivative<T: ADReal>(_ x: T) -> T {
    let t = T.tanh(x)
    return (4 * x * x * x - 6 * x) * T.exp(-x * x) - 2 * t * (1 - t * t)
  }
}

/// x³ below 1, 2x − 1 from 1 on: a branch on the value.
struct Branchy: ScalarTestFunction {
  var name: String { "branch: x < 1 ? x³ : 2x − 1" }
  var points: [Double] { [-1.25, 0.5, 1.5, 2.5] }
  func callAsFunction<T: ADReal>(_ x: T) -> T {
    if x < 1 { return x * x * x }
    return 2 * x - 1
  }
  func derivative<T: ADReal>(_ x: T) -> T { x < 1 ? 3 * x * x : 2 }
  func secondDerivative<T: ADReal>(_ x: T) -> T { x < 1 ? 6 * x : 0 }
}

/// (x − 1)/(x² + 1) + 1/x: quotients, away from 0.
struct Rational: ScalarTestFunction {
  var name: String { "(x − 1)/(x² + 1) + 1/x" }
  var points: [Double] { [-3, -0.5, 0.5, 1, 4] }
  func callAsFunction<T: ADReal>(_ x: T) -> T { (x - 1) / (x * x + 1) + 1 / x }
  func derivative<T: ADReal>(_ x: T) -> T {
    // ((x² + 1) − (x − 1)·2x)/(x² + 1)² = (1 + 2x − x²)/(x² + 1)²
    let v = x * x + 1
    return (1 + 2 * x - x * x) / (v * v) - 1 / (x * x)
  }
  func secondDerivative<T: ADReal>(_ x: T) -> T {
    // d/dx (1 + 2x − x²)·v⁻² = (2 − 2x)/v² − (1 + 2x − x²)·4x/v³
    let v = x * x + 1
    return (2 - 2 * x) / (v * v) - (1 + 2 * x - x * x) * 4 * x / (v * v * v)
      + 2 / (x * x * x)
  }
}

// MARK: - Vector → scalar

/// Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)². ForwardDiff's reference at
/// (0.1, 0.2, 0.3): f = 11.82, ∇f = (−9.4, 15.6, 52.0).
struct Rosenbrock: GradientTestFunction {
  var name: String { "Rosenbrock" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -2...2 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in 0..<Swift.max(x.count - 1, 0) {
      let a = x[i + 1] - x[i] * x[i]
      let b = 1 - x[i]
      sum += 100 * a * a + b * b
    }
    return sum
  }
  func gradient<T: ADReal>(_ x: [T]) -> [T] {
    var g = [T](repeating: 0, count: x.count)
    for i in 0..<Swift.max(x.count - 1, 0) {
      let a = x[i + 1] - x[i] * x[i]
      g[i] += -400 * x[i] * a - 2 * (1 - x[i])
      g[i + 1] += 200 * a
    }
    return g
  }
}

/// The tutorial's g(x₁, x₂) = (x₁ + 5)·x₂·x₂; ∇g = (x₂², 2(x₁ + 5)x₂).
struct TutorialG: GradientTestFunction {
  var name: String { "g = (x1 + 5)·x2·x2" }
  var arity: Int? { 2 }
  var domain: ClosedRange<Double> { -4...4 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { (x[0] + 5) * x[1] * x[1] }
  func gradient<T: ADReal>(_ x: [T]) -> [T] {
    [x[1] * x[1], 2 * (x[0] + 5) * x[1]]
  }
}

/// The tutorial's y = 2·xᵀx; ∇y = 4x.
struct TwiceSquaredNorm: GradientTestFunction {
  var name: String { "2·xᵀx" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -3...3 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for xi in x { sum += xi * xi }
    return 2 * sum
  }
  func gradient<T: ADReal>(_ x: [T]) -> [T] { x.map { 4 * $0 } }
}

/// Σ sin(xᵢ)·cos(xᵢ₊₁), indices mod n: every input meets two others.
struct SinCosRing: GradientTestFunction {
  var name: String { "Σ sin xᵢ·cos xᵢ₊₁ (ring)" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -3...3 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in x.indices { sum += T.sin(x[i]) * T.cos(x[(i + 1) % x.count]) }
    return sum
  }
  func gradient<T: ADReal>(_ x: [T]) -> [T] {
    let n = x.count
    // xₖ appears as sin xₖ·cos xₖ₊₁ and as sin xₖ₋₁·cos xₖ.
    return x.indices.map { k in
      T.cos(x[k]) * T.cos(x[(k + 1) % n]) - T.sin(x[(k + n - 1) % n]) * T.sin(x[k])
    }
  }
}

/// log Σ exp(xᵢ), written naively; ∇ = softmax.
struct LogSumExp: GradientTestFunction {
  var name: String { "log Σ exp" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -3...3 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for xi in x { sum += T.exp(xi) }
    return T.log(sum)
  }
  func gradient<T: ADReal>(_ x: [T]) -> [T] {
    var sum: T = 0
    for xi in x { sum += T.exp(xi) }
    return x.map { T.exp($0) / sum }
  }
}

/// ‖x‖ = √(Σ xᵢ²) through sqrt; ∇ = x/‖x‖ (inputs drawn away from 0).
struct Norm: GradientTestFunction {
  var name: String { "‖x‖" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { 0.5...2 }
  var sampleCounts: [Int] { [1, 2, 5, 9] }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for xi in x { sum += xi * xi }
    return T.sqrt(sum)
  }
  func gradient<T: ADReal>(_ x: [T]) -> [T] {
    var sum: T = 0
    for xi in x { sum += xi * xi }
    let norm = T.sqrt(sum)
    return x.map { $0 / norm }
  }
}

// MARK: - Vector → vector

/// The example [x₀x₁, sin x₀]; J = [[x₁, x₀], [cos x₀, 0]].
struct ProductAndSine: JacobianTestFunction {
  var name: String { "[x0·x1, sin x0]" }
  var arity: Int? { 2 }
  var domain: ClosedRange<Double> { -2...2 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] { [x[0] * x[1], T.sin(x[0])] }
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]] {
    [[x[1], x[0]], [T.cos(x[0]), 0]]
  }
}

/// Polar to Cartesian: (r cos θ, r sin θ).
struct Polar: JacobianTestFunction {
  var name: String { "polar → cartesian" }
  var arity: Int? { 2 }
  var domain: ClosedRange<Double> { -3...3 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    [x[0] * T.cos(x[1]), x[0] * T.sin(x[1])]
  }
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]] {
    [[T.cos(x[1]), -x[0] * T.sin(x[1])], [T.sin(x[1]), x[0] * T.cos(x[1])]]
  }
}

/// yᵢ = xᵢ²·xᵢ₊₁ + sin xᵢ, indices mod n (n = 1: x³ + sin x).
struct CubicRing: JacobianTestFunction {
  var name: String { "xᵢ²·xᵢ₊₁ + sin xᵢ (ring)" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -2...2 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    x.indices.map { i in x[i] * x[i] * x[(i + 1) % x.count] + T.sin(x[i]) }
  }
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]] {
    let n = x.count
    return x.indices.map { i in
      var row = [T](repeating: 0, count: n)
      row[i] += 2 * x[i] * x[(i + 1) % n] + T.cos(x[i])
      row[(i + 1) % n] += x[i] * x[i]
      return row
    }
  }
}

/// yᵢ = x₀·x₁·…·xᵢ; ∂yᵢ/∂xₖ = Π_{j ≤ i, j ≠ k} xⱼ for k ≤ i.
struct CumulativeProduct: JacobianTestFunction {
  var name: String { "cumulative product" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { 0.5...1.5 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    var product: T = 1
    return x.map { xi in
      product *= xi
      return product
    }
  }
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]] {
    x.indices.map { i in
      x.indices.map { k -> T in
        guard k <= i else { return 0 }
        var p: T = 1
        for j in 0...i where j != k { p *= x[j] }
        return p
      }
    }
  }
}

/// Three outputs whatever n: [Σ xᵢ, Σ xᵢ² (via pow), log(1 + Σ xᵢ²)].
struct Moments: JacobianTestFunction {
  var name: String { "[Σx, Σx², log(1 + Σx²)]" }
  var arity: Int? { nil }
  var domain: ClosedRange<Double> { -2...2 }
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    var s: T = 0
    var q: T = 0
    for xi in x {
      s += xi
      q += T.pow(xi, 2)
    }
    return [s, q, T.log1p(q)]
  }
  func jacobian<T: ADReal>(_ x: [T]) -> [[T]] {
    var q: T = 0
    for xi in x { q += xi * xi }
    return [x.map { _ in 1 }, x.map { 2 * $0 }, x.map { 2 * $0 / (1 + q) }]
  }
}

// MARK: - Functions at domain edges

/// √x₀ + x₁² + … + xₙ₋₁²: separable, so every off-diagonal entry of its
/// Hessian is 0; at x₀ = 0 the first derivative of √x₀ is +∞, and a plain
/// outer product meets 0 · ∞ there.
struct SqrtPlusSquares: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum = T.sqrt(x[0])
    for v in x.dropFirst() { sum += v * v }
    return sum
  }
}
