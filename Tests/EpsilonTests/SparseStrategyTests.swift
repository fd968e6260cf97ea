import Epsilon
import Testing

// HessianStrategy.sparse and `.automatic`'s cached choice of it, and the
// generic Jacobian driver's modes (forward, reverse by rows, sparse):
// each against the others bit for bit where the algebra is the same, and
// against analytic derivatives.

// MARK: - Test functions

/// A banded quartic: Σᵢ Σ_{0<d≤b} (xᵢ·x_{i+d})², band half-width `b`: a
/// plain-data function whose pattern depends on its stored value.
private struct BandedQuartic: ADFunction {
  var b: Int
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in x.indices {
      for d in 1...b where i + d < x.count {
        let p = x[i] * x[i + d]
        sum += p * p
      }
    }
    return sum
  }

  /// The Hessian by hand: ∂²/∂xᵢ² = Σ 2x_{i±d}², ∂²/∂xᵢ∂xⱼ = 4xᵢxⱼ for
  /// 0 < |i − j| ≤ b.
  func hessian(_ x: [Double]) -> [[Double]] {
    let n = x.count
    var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<n where i != j && abs(i - j) <= b {
        h[i][i] += 2 * x[j] * x[j]
        h[i][j] = 4 * x[i] * x[j]
      }
    }
    return h
  }
}

/// Σ over the listed pairs of sin(xᵢ·xⱼ): `Hashable`, not plain data (an
/// array), so the cache tells two values apart by `==`.
private struct PairSines: ADFunction, Hashable {
  var pairs: [[Int]]
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for p in pairs { sum += T.sin(x[p[0]] * x[p[1]]) }
    return sum
  }
}

/// Neither plain data nor `Hashable`: never cached.
private final class Uncached: ADFunction {
  let scale: Double
  init(scale: Double) { self.scale = scale }
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in 0..<(x.count - 1) { sum += T(scale) * T.exp(x[i] * x[i + 1]) }
    return sum
  }
}

/// A dense Hessian: (Σ xᵢ)³.
private struct DenseCube: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var s: T = 0
    for v in x { s += v }
    return s * s * s
  }
}

/// Branches on an input: no global pattern.
private struct GlobalBranch: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in 0..<(x.count - 1) { sum += x[i] > 0 ? x[i] * x[i + 1] : x[i + 1] * x[i + 1] }
    return sum
  }
}

private func zeros(_ n: Int) -> [Double] { [Double](repeating: 0, count: n) }

private func randomPoint(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
  (0..<n).map { _ in Double.random(in: -1.5...1.5, using: &rng) }
}

/// Value, gradient and every Hessian entry, bit for bit.
private func identical(
  _ a: (value: Double, gradient: [Double], hessian: Hessian<Double>),
  _ b: (value: Double, gradient: [Double], hessian: Hessian<Double>)
) -> Bool {
  guard a.value.bitPattern == b.value.bitPattern, a.hessian.count == b.hessian.count,
    a.gradient.map(\.bitPattern) == b.gradient.map(\.bitPattern)
  else { return false }
  for i in 0..<a.hessian.count {
    for j in 0...i where a.hessian[i, j].bitPattern != b.hessian[i, j].bitPattern {
      return false
    }
  }
  return true
}

// MARK: - HessianStrategy.sparse

@Test func sparseStrategyEqualsForwardOverReverseBitForBit() throws {
  var rng = SplitMix64(seed: 0x5_7A7E)
  for n in [0, 1, 2, 5, 16, 17, 40] {
    for f in [BandedQuartic(b: 1), BandedQuartic(b: 2), BandedQuartic(b: 4)] {
      let x = randomPoint(n, &rng)
      let sparse = try valueGradientHessian(of: f, at: x, strategy: .sparse)
      let dense = try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)
      #expect(identical(sparse, dense), "n = \(n), b = \(f.b)")
      // And the analytic Hessian.
      let want = f.hessian(x)
      for i in 0..<n {
        for j in 0..<n {
          #expect(abs(sparse.hessian[i, j] - want[i][j]) <= 1e-12 * max(1, abs(want[i][j])))
        }
      }
    }
  }
}

@Test func sparseStrategyTellsFunctionValuesApart() throws {
  var rng = SplitMix64(seed: 0xCA_C4E)
  let x = randomPoint(12, &rng)
  // Same type and N, different patterns: the cache must not mix them up.
  for _ in 0..<2 {
    for b in [1, 3, 2] {
      let f = BandedQuartic(b: b)
      let got = try hessian(of: f, at: x, strategy: .sparse)
      let want = try hessian(of: f, at: x, strategy: .forwardOverReverse)
      #expect(got == want, "b = \(b)")
    }
    for pairs in [[[0, 5], [5, 11]], [[1, 2], [3, 4], [0, 11]]] {
      let f = PairSines(pairs: pairs)
      let got = try valueGradientHessian(of: f, at: x, strategy: .sparse)
      let want = try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)
      #expect(identical(got, want), "\(pairs)")
      #expect(got.hessian[0, 5] == (pairs.count == 2 ? want.hessian[0, 5] : 0))
    }
  }
}

@Test func sparseStrategyWithoutACacheOrAGlobalPattern() throws {
  var rng = SplitMix64(seed: 0x0BA_0E)
  let x = randomPoint(20, &rng)
  for f in [Uncached(scale: 1), Uncached(scale: 2)] {
    let got = try valueGradientHessian(of: f, at: x, strategy: .sparse)
    let want = try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)
    #expect(identical(got, want))
    #expect(HessianStrategy.automatic.resolved(for: f, at: zeros(20)) == .forwardOverReverse)
  }
  let got = try valueGradientHessian(of: GlobalBranch(), at: x, strategy: .sparse)
  let want = try valueGradientHessian(of: GlobalBranch(), at: x, strategy: .forwardOverReverse)
  #expect(identical(got, want))
  #expect(
    HessianStrategy.automatic.resolved(for: GlobalBranch(), at: zeros(20)) == .forwardOverReverse)
}

@Test func automaticPicksSparseWhereTheColoursAreFew() throws {
  // Tridiagonal: 3 colours, one sweep on 4 lanes, against 8 or 16.
  #expect(HessianStrategy.automatic.resolved(for: BandedQuartic(b: 1), at: zeros(16)) == .sparse)
  #expect(HessianStrategy.automatic.resolved(for: BandedQuartic(b: 1), at: zeros(8)) == .sparse)
  #expect(HessianStrategy.automatic.resolved(for: BandedQuartic(b: 1), at: zeros(1000)) == .sparse)
  // Small N: one second-order pass, no detection.
  #expect(
    HessianStrategy.automatic.resolved(for: BandedQuartic(b: 1), at: zeros(4)) == .secondOrderSIMD)
  // Half-width 4: 9 colours, 16 lanes, as many as the dense sweep at N = 16.
  #expect(
    HessianStrategy.automatic.resolved(for: BandedQuartic(b: 4), at: zeros(16))
      == .forwardOverReverse)
  #expect(
    HessianStrategy.automatic.resolved(for: DenseCube(), at: zeros(16)) == .forwardOverReverse)
  // Explicit strategies resolve to themselves.
  #expect(HessianStrategy.sparse.resolved(for: DenseCube(), at: zeros(16)) == .sparse)
  #expect(
    HessianStrategy.hyperDual.resolved(for: BandedQuartic(b: 1), at: zeros(16)) == .hyperDual)

  // `.automatic` then gives the sparse strategy's result, which is the
  // dense forward over reverse's, bit for bit.
  var rng = SplitMix64(seed: 0xA070)
  let x = randomPoint(16, &rng)
  let f = BandedQuartic(b: 1)
  #expect(
    identical(
      try valueGradientHessian(of: f, at: x),
      try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)))
}

/// Halves until below one: a loop whose exit tests an input-dependent
/// value. A global detection (no values: every comparison false) would
/// never leave it.
private struct HalvingLoop: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in 0..<(x.count - 1) {
      var t = x[i] * x[i + 1] + 3
      while !(t < 1) { t = t / 2 }
      sum += t * t
    }
    return sum
  }
}

@Test func automaticDetectsByFollowingThePlainEvaluation() throws {
  var rng = SplitMix64(seed: 0x100B)
  let x = randomPoint(12, &rng)
  // Terminates, finds the branch, and keeps the dense strategy.
  #expect(HessianStrategy.automatic.resolved(for: HalvingLoop(), at: x) == .forwardOverReverse)
  let auto = try valueGradientHessian(of: HalvingLoop(), at: x)
  let dense = try valueGradientHessian(of: HalvingLoop(), at: x, strategy: .forwardOverReverse)
  #expect(identical(auto, dense))
  let sparse = try valueGradientHessian(of: HalvingLoop(), at: x, strategy: .sparse)
  #expect(identical(sparse, dense))
  // Branches on constants only are no branch on the inputs.
  #expect(HessianStrategy.automatic.resolved(for: BandedQuartic(b: 2), at: x) == .sparse)
}

@Test func sparseStrategyInFloat() throws {
  let x: [Float] = [0.5, -1, 0.25, 1.5, 2, -0.75]
  let f = BandedQuartic(b: 1)
  let got = try hessian(of: f, at: x, strategy: .sparse)
  let want = try hessian(of: f, at: x, strategy: .forwardOverReverse)
  #expect(got == want)
}

@Test func sparseStrategyAlternatingScalarTypes() throws {
  // One function value at one N, in Double then Float and back: the cache
  // keeps one idle evaluator, and a call at the other type must not take it.
  let f = BandedQuartic(b: 1)
  let xd: [Double] = [0.5, -1, 0.25, 1.5, 2, -0.75]
  let xf = xd.map { Float($0) }
  let wantD = try hessian(of: f, at: xd, strategy: .forwardOverReverse)
  let wantF = try hessian(of: f, at: xf, strategy: .forwardOverReverse)
  for _ in 0..<3 {
    #expect(try hessian(of: f, at: xd, strategy: .sparse) == wantD)
    #expect(try hessian(of: f, at: xf, strategy: .sparse) == wantF)
    #expect(try hessian(of: f, at: xd, strategy: .automatic) == wantD)
    #expect(try hessian(of: f, at: xf, strategy: .automatic) == wantF)
  }
}

@Test func sparseStrategyFromManyTasksAtOnce() async throws {
  var rng = SplitMix64(seed: 0x7A5C)
  let points = (0..<16).map { _ in randomPoint(24, &rng) }
  let want = try points.map {
    try hessian(of: BandedQuartic(b: 2), at: $0, strategy: .forwardOverReverse)
  }
  let got = try await concurrently(points.count) { k in
    var last = try hessian(of: BandedQuartic(b: 2), at: points[k], strategy: .sparse)
    for _ in 0..<20 {
      last = try hessian(of: BandedQuartic(b: 2), at: points[k], strategy: .sparse)
    }
    return last
  }
  for k in points.indices { #expect(got[k] == want[k], "point \(k)") }
}

// MARK: - The Jacobian driver's modes

/// Three outputs of many inputs: a reduction, a weighted sum of
/// exponentials, and a product of neighbours.
private struct ThreeOutputs: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    var s: T = 0
    var e: T = 0
    for (i, v) in x.enumerated() {
      s += v * v
      e += T(Double(i + 1)) * T.exp(v)
    }
    return [s, e, x[0] * x[x.count - 1]]
  }

  func jacobian(_ x: [Double]) -> [[Double]] {
    let n = x.count
    var j = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    for i in 0..<n {
      j[0][i] = 2 * x[i]
      j[1][i] = Double(i + 1) * Double.exp(x[i])
    }
    j[2][0] += x[n - 1]
    j[2][n - 1] += x[0]
    return j
  }
}

/// A tridiagonal residual: many outputs, sparse.
private struct ChainResidual: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    x.indices.map { i in
      let left = i > 0 ? x[i - 1] : 0
      let right = i + 1 < x.count ? x[i + 1] : 0
      return 2 * x[i] - left - right + T.sin(x[i])
    }
  }

  func jacobian(_ x: [Double]) -> [[Double]] {
    let n = x.count
    var j = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      j[i][i] = 2 + Double.cos(x[i])
      if i > 0 { j[i][i - 1] = -1 }
      if i + 1 < n { j[i][i + 1] = -1 }
    }
    return j
  }
}

private func close(_ a: [[Double]], _ b: [[Double]]) -> Bool {
  a.count == b.count
    && zip(a, b).allSatisfy { r, s in
      r.count == s.count && zip(r, s).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }
}

@Test func everyJacobianModeMatchesTheAnalyticJacobian() throws {
  var rng = SplitMix64(seed: 0x1AC0)
  for n in [1, 3, 16, 17, 64] {
    let x = randomPoint(n, &rng)
    for mode in JacobianMode.allCases {
      let few = try jacobian(of: ThreeOutputs(), at: x, mode: mode)
      #expect(close(few, ThreeOutputs().jacobian(x)), "ThreeOutputs n = \(n) \(mode)")
      let chain = try jacobian(of: ChainResidual(), at: x, mode: mode)
      #expect(close(chain, ChainResidual().jacobian(x)), "Chain n = \(n) \(mode)")
    }
  }
}

@Test func jacobianModesAgreeBitForBitWhereTheAlgebraIsTheSame() throws {
  var rng = SplitMix64(seed: 0xB17B)
  for n in [2, 9, 33] {
    let x = randomPoint(n, &rng)
    // Forward, sparse (compressed forward) and the closure form: the same
    // tangents summed the same way.
    for f in [ThreeOutputs(), ChainResidual()] as [any ADVectorFunction] {
      func modes<F: ADVectorFunction>(_ f: F) throws {
        let forward = try jacobian(of: f, at: x, mode: .forward)
        let closure = try jacobian(at: x) { (v: [Dual<SIMD8<Double>>]) in f(v) }
        let sparse = try jacobian(of: f, at: x, mode: .sparse)
        #expect(forward.map { $0.map(\.bitPattern) } == closure.map { $0.map(\.bitPattern) })
        #expect(forward.map { $0.map(\.bitPattern) } == sparse.map { $0.map(\.bitPattern) })
        // Reverse rows: each the vector-Jacobian product with a unit
        // cotangent.
        let reverse = try jacobian(of: f, at: x, mode: .reverse)
        let m = reverse.count
        for i in 0..<m {
          let unit = (0..<m).map { $0 == i ? 1.0 : 0 }
          let vjp = try vectorJacobianProduct(at: x, along: unit) { f($0) }
          #expect(reverse[i].map(\.bitPattern) == vjp.map(\.bitPattern), "row \(i)")
        }
      }
      try modes(f)
    }
  }
}

@Test func automaticJacobianModeChoosesByShape() throws {
  // One forward pass always wins; two beat one output's recording and
  // sweep, not two outputs'.
  #expect(!JacobianMode.prefersReverse(inputCount: 8, outputCount: 1))
  #expect(JacobianMode.prefersReverse(inputCount: 9, outputCount: 1))
  #expect(JacobianMode.prefersReverse(inputCount: 16, outputCount: 1))
  #expect(!JacobianMode.prefersReverse(inputCount: 16, outputCount: 2))
  #expect(JacobianMode.prefersReverse(inputCount: 1000, outputCount: 3))
  #expect(!JacobianMode.prefersReverse(inputCount: 1000, outputCount: 300))
  var rng = SplitMix64(seed: 0xA17)
  let x = randomPoint(200, &rng)
  // 200 inputs, 3 outputs: reverse, bit for bit.
  let reverse = try jacobian(of: ThreeOutputs(), at: x, mode: .reverse)
  for _ in 0..<2 {  // the second call reads the output count from the cache
    let auto = try jacobian(of: ThreeOutputs(), at: x)
    #expect(auto.map { $0.map(\.bitPattern) } == reverse.map { $0.map(\.bitPattern) })
  }
  // 200 outputs: forward.
  let square = try jacobian(of: ChainResidual(), at: x)
  let forward = try jacobian(of: ChainResidual(), at: x, mode: .forward)
  #expect(square.map { $0.map(\.bitPattern) } == forward.map { $0.map(\.bitPattern) })
}

@Test func reverseJacobianEdgeCases() throws {
  // An output that is an input, one that is a constant, no inputs.
  let j = try reverseJacobian(at: [2.0, 3.0]) { x in [x[1], x[0] * 0 + 5, x[0] * x[1]] }
  #expect(j == [[0, 1], [0, 0], [3, 2]])
  let empty = try reverseJacobian(at: [Double]()) { _ in [GradientTape<Double>.Variable(1)] }
  #expect(empty == [[]])
  // A variable of another tape is an error, not a wrong row.
  let other = GradientTape<Double>()
  let foreign = other.variable(1)
  #expect(throws: TapeError.self) {
    try reverseJacobian(at: [1.0]) { x in [x[0], foreign] }
  }
}

/// Outputs that depend on no input: a pattern without entries.
private struct ConstantOutputs: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] { [T(1), T(2), T(3)] }
}

@Test func aJacobianPatternWithoutEntries() throws {
  let x = [Double](repeating: 0.5, count: 40)
  let plan = try SparseJacobianPlan(of: ConstantOutputs(), at: x)
  #expect(plan.pattern.nonzeroCount == 0)
  var values = [Double](repeating: 0, count: 3)
  var j = SparseMatrix<Double>(pattern: plan.pattern)
  for _ in 0..<3 { try plan.valueAndJacobian(at: x, values: &values, jacobian: &j) }
  #expect(values == [1, 2, 3])
  #expect(j.dense == [[Double]](repeating: [Double](repeating: 0, count: 40), count: 3))
  for mode in JacobianMode.allCases {
    #expect(try jacobian(of: ConstantOutputs(), at: x, mode: mode) == j.dense, "\(mode)")
  }
}

/// An arrowhead: x₀ meets every input. A column colouring needs all N
/// colours, a star colouring 2.
private struct Arrowhead: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in 1..<x.count { sum += T.exp(x[0] * x[i]) + x[i] * x[i] * x[i] }
    return sum
  }
}

@Test func sparseStrategyTakesTheStarColouringWhereItIsFarCheaper() throws {
  var rng = SplitMix64(seed: 0xA550)
  let n = 40
  let x = (0..<n).map { _ in Double.random(in: -0.5...0.5, using: &rng) }
  // Column colouring: 40 colours, as costly as the dense sweeps, so
  // `.automatic` stays dense; `.sparse` reads the 2 star colours.
  #expect(HessianStrategy.automatic.resolved(for: Arrowhead(), at: x) == .forwardOverReverse)
  let sparse = try valueGradientHessian(of: Arrowhead(), at: x, strategy: .sparse)
  let dense = try valueGradientHessian(of: Arrowhead(), at: x, strategy: .forwardOverReverse)
  #expect(sparse.value.bitPattern == dense.value.bitPattern)
  #expect(sparse.gradient.map(\.bitPattern) == dense.gradient.map(\.bitPattern))
  // Each entry equal up to rounding (some read from the other triangle's
  // row), and the analytic Hessian.
  for i in 0..<n {
    for j in 0..<n {
      let want: Double
      if i == 0 && j == 0 {
        want = (1..<n).reduce(0) { $0 + x[$1] * x[$1] * Double.exp(x[0] * x[$1]) }
      } else if i == 0 || j == 0 {
        let k = max(i, j)
        want = Double.exp(x[0] * x[k]) * (1 + x[0] * x[k])
      } else if i == j {
        want = x[0] * x[0] * Double.exp(x[0] * x[i]) + 6 * x[i]
      } else {
        want = 0
      }
      #expect(abs(sparse.hessian[i, j] - dense.hessian[i, j]) <= 1e-14 * max(1, abs(want)))
      #expect(abs(sparse.hessian[i, j] - want) <= 1e-12 * max(1, abs(want)), "(\(i), \(j))")
    }
  }
}

@Test func theSparseCacheForgetsBeyondItsLimit() throws {
  // More function values than the cache keeps: every result still right.
  var rng = SplitMix64(seed: 0xF0F0)
  let x = randomPoint(7, &rng)
  for b in 1...(HessianStrategy.sparseCacheEntryLimit + 40) {
    let f = BandedQuartic(b: b)
    let got = try valueGradientHessian(of: f, at: x, strategy: .sparse)
    let want = try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)
    #expect(identical(got, want), "b = \(b)")
  }
}
