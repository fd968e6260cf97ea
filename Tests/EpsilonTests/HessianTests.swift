import Epsilon
import Testing

// Every Hessian strategy against every other, against hand-written
// Hessians, and against central differences of the exact gradient.

/// Strategies sum the same terms in different orders; on these inputs
/// (|x| ≤ 2, entries up to ~1e4) that moves the result by a few ulps of the
/// largest term, so 1e-12 relative to max(1, |entry|) is ample.
private let agreement = 1e-12
/// Central differences of the exact gradient with h = ∛u·max(1, |xⱼ|) have
/// truncation error O(h²·f⁗) ≈ 1e-10 relative on these functions; 1e-6 as
/// Ceres' jet tests use.
private let centralDifferenceTolerance = 1e-6

private func isClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(b))
}

private func isClose(
  _ a: Hessian<Double>, _ b: [[Double]], _ tolerance: Double
) -> Bool {
  guard a.count == b.count else { return false }
  for i in 0..<a.count where b[i].count != a.count { return false }
  for i in 0..<a.count {
    for j in 0..<a.count where !isClose(a[i, j], b[i][j], tolerance) {
      return false
    }
  }
  return true
}

// MARK: - Test functions, each with its hand-written derivatives

/// The catalog's Rosenbrock (Support/TestFunctions.swift), with its
/// hand-written Hessian.
extension Rosenbrock {
  /// Tridiagonal: ∂ᵢᵢ = 1200xᵢ² − 400xᵢ₊₁ + 2 (+200 from the previous
  /// term), ∂ᵢ,ᵢ₊₁ = −400xᵢ.
  static func hessian(_ x: [Double]) -> [[Double]] {
    let n = x.count
    var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<max(n - 1, 0) {
      h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
      h[i + 1][i + 1] += 200
      h[i][i + 1] = -400 * x[i]
      h[i + 1][i] = -400 * x[i]
    }
    return h
  }
}

/// A dense function: s³/6 + Σ cos xᵢ with s = Σ cᵢxᵢ, so H = s·c cᵀ −
/// diag(cos xᵢ) couples every pair of inputs, across every block boundary.
private struct DenseCubic: ADFunction {
  static func c(_ i: Int) -> Double { 0.3 * Double(i % 5 - 2) + 0.1 }

  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var s: T = 0
    var cosines: T = 0
    for i in x.indices {
      s += T(Self.c(i)) * x[i]
      cosines += T.cos(x[i])
    }
    return s * s * s / 6 + cosines
  }

  static func gradient(_ x: [Double]) -> [Double] {
    let s = x.indices.reduce(0) { $0 + c($1) * x[$1] }
    return x.indices.map { s * s / 2 * c($0) - Double.sin(x[$0]) }
  }

  static func hessian(_ x: [Double]) -> [[Double]] {
    let s = x.indices.reduce(0) { $0 + c($1) * x[$1] }
    return x.indices.map { i in
      x.indices.map { j in s * c(i) * c(j) - (i == j ? Double.cos(x[i]) : 0) }
    }
  }
}

/// The tutorials' g(x₁, x₂) = (x₁ + 5)·x₂².
private func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }

private struct Tutorial: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { g(x[0], x[1]) }
}

private let concreteStrategies: [HessianStrategy] = [
  .hyperDual, .secondOrderSIMD, .nestedDual,
]
private let sizes = [1, 2, 7, 8, 9, 16, 17, 33]

private func randomPoint(count n: Int, seed: UInt64) -> [Double] {
  var random = SplitMix64(seed: seed)
  return random.points(n, in: -2...2)
}

// MARK: - Tests

@Suite("Hessian: strategies, references, block boundaries")
struct HessianTests {
  /// ForwardDiff's reference values at x = (0.1, 0.2, 0.3).
  @Test(arguments: HessianStrategy.allCases)
  func rosenbrockReference(_ strategy: HessianStrategy) throws {
    let (f, gradient, h) = try valueGradientHessian(
      of: Rosenbrock(), at: [0.1, 0.2, 0.3], strategy: strategy)
    #expect(isClose(f, 11.82, agreement))
    for (a, b) in zip(gradient, [-9.4, 15.6, 52.0]) {
      #expect(isClose(a, b, agreement))
    }
    #expect(
      isClose(
        h, [[-66, -40, 0], [-40, 130, -80], [0, -80, 200]], agreement))
  }

  @Test(arguments: sizes)
  func strategiesAgreeWithHandWritten(_ n: Int) throws {
    let x = randomPoint(count: n, seed: 0x5EED_0000 + UInt64(n))
    let functions: [(String, any ADFunction, [[Double]], [Double])] = [
      (
        "Rosenbrock", Rosenbrock(), Rosenbrock.hessian(x),
        Rosenbrock().gradient(x)
      ),
      (
        "DenseCubic", DenseCubic(), DenseCubic.hessian(x),
        DenseCubic.gradient(x)
      ),
    ]
    for (name, f, expected, expectedGradient) in functions {
      let all = try HessianStrategy.allCases.map {
        try valueGradientHessian(of: f, at: x, strategy: $0)
      }
      for (strategy, result) in zip(HessianStrategy.allCases, all) {
        #expect(
          isClose(result.hessian, expected, agreement),
          "\(name) N = \(n) \(strategy)")
        #expect(result.gradient.count == n)
        for (a, b) in zip(result.gradient, expectedGradient) {
          #expect(isClose(a, b, agreement), "\(name) N = \(n) \(strategy)")
        }
        #expect(
          isClose(result.value, all[0].value, agreement),
          "\(name) N = \(n) \(strategy)")
      }
      // Each strategy against each other, entry by entry.
      for a in all {
        for b in all { #expect(isClose(a.hessian, b.hessian.rows, agreement)) }
      }
    }
  }

  @Test(arguments: sizes)
  func closureFormAgrees(_ n: Int) throws {
    let x = randomPoint(count: n, seed: 0xC105_0000 + UInt64(n))
    let h = try hessian(at: x) { x in DenseCubic()(x) }
    #expect(isClose(h, DenseCubic.hessian(x), agreement), "N = \(n)")
    let (value, gradient, h2) = try valueGradientHessian(at: x) { x in
      Rosenbrock()(x)
    }
    #expect(isClose(value, Rosenbrock()(x), agreement))
    for (a, b) in zip(gradient, Rosenbrock().gradient(x)) {
      #expect(isClose(a, b, agreement))
    }
    #expect(isClose(h2, Rosenbrock.hessian(x), agreement), "N = \(n)")
  }

  /// Column j ≈ (∇f(x + h·eⱼ) − ∇f(x − h·eⱼ)) / 2h, with exact gradients.
  @Test(arguments: [2, 9, 17])
  func centralDifferencesOfGradient(_ n: Int) throws {
    let x = randomPoint(count: n, seed: 0xCD00 + UInt64(n))
    for strategy in HessianStrategy.allCases {
      let h = try hessian(of: DenseCubic(), at: x, strategy: strategy)
      for j in 0..<n {
        let step = 6e-6 * max(1, abs(x[j]))
        var up = x
        up[j] += step
        var down = x
        down[j] -= step
        let gUp = gradient(at: up) { DenseCubic()($0) }
        let gDown = gradient(at: down) { DenseCubic()($0) }
        for i in 0..<n {
          let difference = (gUp[i] - gDown[i]) / (up[j] - down[j])
          #expect(
            isClose(h[i, j], difference, centralDifferenceTolerance),
            "N = \(n) \(strategy) (\(i), \(j))")
        }
      }
    }
  }

  /// The tutorials' Hessian; the unconnected entry is 0 here.
  @Test func tutorial() throws {
    let expected: [[Double]] = [[0, 6], [6, 14]]
    let closure = try hessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }
    #expect([[Double]](closure) == expected)
    for strategy in HessianStrategy.allCases {
      let h = try hessian(of: Tutorial(), at: [2.0, 3.0], strategy: strategy)
      #expect(h.rows == expected, "\(strategy)")
    }
    let h = try hessian(of: Tutorial(), at: [2.0, 3.0])
    #expect(h.description == "[[0.0, 6.0], [6.0, 14.0]]")
    #expect(h.row(1) == [6, 14])
    #expect(h.column(0) == [0, 6])
    #expect(h[0, 1] == 6 && h[1, 0] == 6)
    #expect(h == (try Hessian(lowerTriangleOf: [[0], [6, 14]])))
    #expect(try h.multiplied(by: [1, 2]) == [12, 34])
  }

  /// x³: f′(5) = 75, f″(5) = 30; f′(1) = 3, f″(1) = 6 — exact.
  @Test func cube() {
    let five = valueWithSecondDerivative(at: 5.0) { x in x * x * x }
    #expect(five.value == 125 && five.derivative == 75)
    #expect(five.secondDerivative == 30)
    #expect(secondDerivative(at: 5.0) { x in x * x * x } == 30)
    let one = valueWithSecondDerivative(at: Float(1)) { x in x * x * x }
    #expect(one.derivative == 3 && one.secondDerivative == 6)
    #expect(secondDerivative(at: 1.0) { x in pow(x, 3) } == 6)
  }

  @Test func symmetry() throws {
    let x = randomPoint(count: 17, seed: 0x5133)
    for strategy in HessianStrategy.allCases {
      let rows = try hessian(of: DenseCubic(), at: x, strategy: strategy).rows
      for i in 0..<17 {
        for j in 0..<17 { #expect(rows[i][j] == rows[j][i]) }
      }
    }
    var h = try Hessian<Double>(count: 3)
    h[2, 0] = 4
    #expect(h[0, 2] == 4)
  }

  @Test func emptyInput() throws {
    for strategy in HessianStrategy.allCases {
      let (value, gradient, h) = try valueGradientHessian(
        of: Rosenbrock(), at: [Double](), strategy: strategy)
      #expect(value == 0 && gradient.isEmpty && h.count == 0)
      #expect(h.rows.isEmpty && h.description == "[]")
    }
    #expect(try hessian(at: [Double]()) { _ in 1 }.count == 0)
    let product = try hessianVectorProduct(at: [Double](), along: []) { _ in
      1
    }
    #expect(product.isEmpty)
  }

  @Test(arguments: sizes)
  func hessianVectorProductMatches(_ n: Int) throws {
    let x = randomPoint(count: n, seed: 0x4E55 + UInt64(n))
    let v = randomPoint(count: n, seed: 0x7EC + UInt64(n))
    let expected = try hessian(of: DenseCubic(), at: x).multiplied(by: v)
    let closure = try hessianVectorProduct(at: x, along: v) { DenseCubic()($0) }
    let function = try hessianVectorProduct(of: DenseCubic(), at: x, along: v)
    for i in 0..<n {
      #expect(isClose(closure[i], expected[i], agreement), "N = \(n) \(i)")
      #expect(isClose(function[i], expected[i], agreement), "N = \(n) \(i)")
    }
  }

  @Test func hessianVectorProductLengthMismatch() {
    #expect(
      throws: EpsilonError.countMismatch(
        argument: "along", expected: 2, actual: 3)
    ) {
      try hessianVectorProduct(at: [1.0, 2.0], along: [1, 0, 0]) { x in
        g(x[0], x[1])
      }
    }
    #expect(throws: EpsilonError.self) {
      try hessianVectorProduct(of: Tutorial(), at: [1.0, 2.0], along: [1])
    }
  }

  @Test func automaticChoice() {
    let limit = HessianStrategy.automaticSecondOrderSIMDLimit
    let automatic = HessianStrategy.automatic
    #expect(automatic.resolved(forInputCount: limit) == .secondOrderSIMD)
    #expect(automatic.resolved(forInputCount: limit + 1) == .forwardOverReverse)
    for strategy in concreteStrategies {
      #expect(strategy.resolved(forInputCount: 100) == strategy)
    }
  }

  /// Float runs the same paths.
  @Test func float() throws {
    let h = try hessian(of: Rosenbrock(), at: [Float(0.1), 0.2, 0.3])
    let expected: [[Float]] = [[-66, -40, 0], [-40, 130, -80], [0, -80, 200]]
    for i in 0..<3 {
      for j in 0..<3 {
        // Float rounding of 0.1 etc.: ~1e-6 relative of entries ≤ 200.
        #expect(abs(h[i, j] - expected[i][j]) <= 1e-3)
      }
    }
  }
}
