import Epsilon
import Testing

@testable import Tour

// Sparse Jacobians and Hessians: analytic checks on (chained, extended)
// Rosenbrock and the 2-D Bratu residual, bit-for-bit agreement with the dense derivatives
// on random sparse programs, plan reuse, and errors.

// MARK: - Test problems

extension BratuGradient {
  /// The Tour's Bratu residual (4uₚ − Σ neighbours − h²λe^uₚ), by hand:
  /// ∂Fₚ/∂uₚ = 4 − h²λe^uₚ; −1 for each grid neighbour.
  func jacobian(_ u: [Double], _ p: Int, _ q: Int) -> Double {
    let h = 1 / Double(k + 1)
    if p == q { return 4 - h * h * lambda * Double.exp(u[p]) }
    let (rp, cp, rq, cq) = (p / k, p % k, q / k, q % k)
    return abs(rp - rq) + abs(cp - cq) == 1 ? -1 : 0
  }
}

private func close(_ a: Double, _ b: Double) -> Bool {
  abs(a - b) <= 1e-13 * max(1, abs(b))
}

// MARK: - Analytic checks

@Test func rosenbrockSparseHessianMatchesTheAnalyticOne() throws {
  var rng = SplitMix64(seed: 0x5EA5)
  for n in [2, 3, 10, 101] {
    let x = (0..<n).map { _ in Double.random(in: -2...2, using: &rng) }
    let plan = try SparseHessianPlan(of: Rosenbrock(), at: x)
    #expect(plan.coloring.colorCount == (n <= 2 ? 2 : n == 3 ? 2 : 3), "n = \(n)")
    let h = try plan.hessian(at: x)
    #expect(h.values.count == 3 * n - 2)
    for (i, j, v) in h.triplets {
      #expect(close(v, Rosenbrock.hessian(x)[i][j]), "(\(i), \(j))")
    }
    let dense = h.dense
    let want = Rosenbrock.hessian(x)
    for i in 0..<n {
      for j in 0..<n { #expect(close(dense[i][j], want[i][j])) }
    }
  }
}

@Test func bratuSparseJacobianMatchesTheAnalyticOne() throws {
  var rng = SplitMix64(seed: 0xB2A7)
  for k in [1, 3, 12] {
    let f = BratuGradient(k: k, lambda: 6)
    let u = (0..<(k * k)).map { _ in Double.random(in: 0...1, using: &rng) }
    let plan = try SparseJacobianPlan(of: f, at: u)
    #expect(plan.coloring.colorCount <= 6)
    let j = try plan.jacobian(at: u)
    let dense = j.dense
    for p in 0..<(k * k) {
      for q in 0..<(k * k) { #expect(close(dense[p][q], f.jacobian(u, p, q)), "(\(p), \(q))") }
    }
  }
}

// MARK: - Random sparse programs, against the dense derivatives

/// A sum (or, as a vector function, the list) of random fuzz programs, each
/// over a few of `inputCount` inputs.
struct SparseFuzzFunction: ADFunction, ADVectorFunction {
  var inputCount: Int
  var pieces: [(program: FuzzProgram, inputs: [Int])]

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    inputCount = Int.random(in: 4...30, using: &rng)
    pieces = (0..<Int.random(in: 1...8, using: &rng)).map { k in
      let program = FuzzProgram(seed: seed &* 31 &+ UInt64(k))
      let inputs = (0..<program.inputCount).map { _ in
        Int.random(in: 0..<30, using: &rng) % Int.random(in: 4...30, using: &rng)
      }
      return (program, inputs)
    }
    let top = pieces.flatMap(\.inputs).max() ?? 0
    inputCount = max(inputCount, top + 1)
  }

  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    pieces.map { piece in evaluate(piece.program, piece.inputs.map { x[$0] }) }
  }

  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for y: T in callAsFunction(x) as [T] { sum += y }
    return sum
  }

  var description: String {
    pieces.map { "inputs \($0.inputs):\n\($0.program)" }.joined(separator: "\n")
  }
}

/// The full dense Hessian by forward over reverse, both triangles as
/// computed (row i: the adjoint of xᵢ along each unit direction): the
/// reference the sparse Hessian's entries are read from.
private func fullForwardOverReverseHessian(_ f: SparseFuzzFunction, _ x: [Double]) throws
  -> [[Double]]
{
  let n = x.count
  var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  let tape = GradientTape<Dual<SIMD16<Double>>>()
  for start in stride(from: 0, to: n, by: 16) {
    let point = (0..<n).map { j in
      Dual<SIMD16<Double>>(
        x[j], partials: j >= start && j < start + 16 ? .unitPartials(j - start) : .zero)
    }
    let g = try tape.valueWithGradient(at: point) {
      v -> GradientTape<Dual<SIMD16<Double>>>.Variable in
      f(v)
    }.gradient
    for i in 0..<n {
      for j in start..<min(start + 16, n) { h[i][j] = g[i].partials[j - start] }
    }
  }
  return h
}

@Test func sparseDerivativesEqualDenseOnesBitForBit() throws {
  var rng = SplitMix64(seed: 0x5_BA55)
  var compared = 0
  var matchedPublicDense = 0
  var hessianEntries = 0
  for seed in UInt64(1)...400 {
    let f = SparseFuzzFunction(seed: seed)
    let x = (0..<f.inputCount).map { _ in Double.random(in: -1.5...1.5, using: &rng) }
    // Global where the programs do not branch (min/max do), else local.
    let detection: SparsityDetection =
      (try? hessianSparsity(of: f, at: x)) == nil ? .local : .global
    let full = try fullForwardOverReverseHessian(f, x)
    guard full.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { continue }
    compared += 1
    let plan = try SparseHessianPlan(of: f, at: x, detection: detection)
    let h = try plan.hessian(at: x)
    let publicDense = try hessian(of: f, at: x, strategy: .forwardOverReverse)
    // Every nonzero of the dense Hessian is in the pattern; every entry of
    // the sparse one is the dense entry, bit for bit, read from one of the
    // two triangles (the recovery picks the row).
    for i in 0..<x.count {
      for j in 0..<x.count where !plan.pattern.contains(row: i, column: j) {
        #expect(full[i][j] == 0, "seed \(seed): (\(i), \(j)) = \(full[i][j]) outside\n\(f)")
      }
    }
    for (i, j, v) in h.triplets {
      let a = full[max(i, j)][min(i, j)]
      let b = full[min(i, j)][max(i, j)]
      #expect(
        v.bitPattern == a.bitPattern || v.bitPattern == b.bitPattern,
        "seed \(seed): (\(i), \(j)) = \(v), dense \(a) / \(b)\n\(f)")
      #expect(v.bitPattern == h[j, i].bitPattern)
      hessianEntries += 1
      if v.bitPattern == publicDense[i, j].bitPattern { matchedPublicDense += 1 }
    }

    // The Jacobian of the list of pieces, against the dense forward one.
    let jdetection: SparsityDetection =
      (try? jacobianSparsity(of: f, at: x)) == nil ? .local : .global
    let jplan = try SparseJacobianPlan<SparseFuzzFunction, Double>(
      of: f, at: x, detection: jdetection)
    let sparse = try jplan.jacobian(at: x)
    let dense = try jacobian(at: x) { (v: [Dual<SIMD8<Double>>]) in f(v) as [Dual<SIMD8<Double>>] }
    for i in 0..<dense.count {
      for j in 0..<x.count {
        if jplan.pattern.contains(row: i, column: j) {
          #expect(
            sparse[i, j].bitPattern == dense[i][j].bitPattern
              || (sparse[i, j].isNaN && dense[i][j].isNaN),
            "seed \(seed): J(\(i), \(j)) = \(sparse[i, j]), dense \(dense[i][j])\n\(f)")
        } else {
          // Outside the pattern the dense entry is a zero (of either sign).
          #expect(dense[i][j] == 0, "seed \(seed): J(\(i), \(j)) = \(dense[i][j])\n\(f)")
        }
      }
    }
  }
  #expect(compared >= 150)
  // The recovery prefers the dense lower triangle's row: most entries are
  // the public dense Hessian's own bits.
  #expect(
    matchedPublicDense * 10 >= hessianEntries * 9,
    "\(matchedPublicDense) of \(hessianEntries) entries match the public dense Hessian")
}

// MARK: - Plans, errors

@Test func planReuseGivesTheSameResultAsAFreshPlan() throws {
  let n = 50
  let x0 = [Double](repeating: 0.3, count: n)
  let plan = try SparseHessianPlan(of: Rosenbrock(), at: x0)
  var h = SparseMatrix<Double>(pattern: plan.pattern)
  var g = [Double](repeating: 0, count: n)
  var rng = SplitMix64(seed: 7)
  for _ in 0..<5 {
    let x = (0..<n).map { _ in Double.random(in: -2...2, using: &rng) }
    let value = try plan.valueGradientHessian(at: x, gradient: &g, hessian: &h)
    #expect(h == (try sparseHessian(of: Rosenbrock(), at: x)))
    #expect(value == Rosenbrock()(x))
    let reference = try reverseGradient(at: x) { Rosenbrock()($0) }
    for i in 0..<n { #expect(close(g[i], reference[i])) }
  }
}

@Test func plansRejectPointsOfAnotherLength() throws {
  let plan = try SparseHessianPlan(of: Rosenbrock(), at: [1.0, 2.0, 3.0])
  #expect(throws: EpsilonError.countMismatch(argument: "x", expected: 3, actual: 2)) {
    try plan.hessian(at: [1.0, 2.0])
  }
  let jplan = try SparseJacobianPlan(
    of: BratuGradient(k: 2, lambda: 6), at: [Double](repeating: 0, count: 4))
  #expect(throws: EpsilonError.countMismatch(argument: "x", expected: 4, actual: 5)) {
    try jplan.jacobian(at: [Double](repeating: 0, count: 5))
  }
}

private struct Branching: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] { [max(x[0], x[1])] }
}

@Test func sparseDriversThrowOnAGlobalBranch() throws {
  #expect(throws: EpsilonError.branchInGlobalPattern(">=")) {
    try sparseJacobian(of: Branching(), at: [1.0, 2.0])
  }
  let local = try sparseJacobian(of: Branching(), at: [1.0, 2.0], detection: .local)
  #expect(local.triplets.map(\.column) == [1])
  #expect(local[0, 1] == 1)
}

@Test func sparseMatrixConversions() throws {
  let p = try SparsityPattern(rowCount: 2, columnCount: 3, entries: [(0, 0), (1, 2), (0, 2)])
  let m = try SparseMatrix(pattern: p, values: [1.0, 2.0, 3.0])
  #expect(m.dense == [[1, 0, 2], [0, 0, 3]])
  #expect(m.triplets.map { [$0.row, $0.column] } == [[0, 0], [0, 2], [1, 2]])
  #expect(m[1, 1] == 0 && m[1, 2] == 3)
  var r = [0.0, 0.0]
  try m.multiply([1, 10, 100], into: &r)
  #expect(r == [201, 300])
  #expect(throws: EpsilonError.self) { try SparseMatrix(pattern: p, values: [1.0]) }
}

@Test func floatPlansAgreeWithTheDenseFloatHessian() throws {
  let x: [Float] = [0.5, -1, 0.25, 1.5, 2]
  let h = try sparseHessian(of: Rosenbrock(), at: x)
  let dense = try hessian(of: Rosenbrock(), at: x, strategy: .forwardOverReverse)
  for (i, j, v) in h.triplets { #expect(v == dense[i, j], "(\(i), \(j))") }
  #expect(h.values.count == 13)
}

@Test func jacobianPlanGivesTheOutputsToo() throws {
  let f = BratuGradient(k: 3, lambda: 6)
  let u = (0..<9).map { 0.1 * Double($0) }
  let plan = try SparseJacobianPlan(of: f, at: u)
  var values = [Double](repeating: 0, count: 9)
  var j = SparseMatrix<Double>(pattern: plan.pattern)
  try plan.valueAndJacobian(at: u, values: &values, jacobian: &j)
  #expect(values == f(u))
  #expect(j == (try plan.jacobian(at: u)))
  var short = [Double](repeating: 0, count: 2)
  #expect(throws: EpsilonError.countMismatch(argument: "values", expected: 9, actual: 2)) {
    try plan.valueAndJacobian(at: u, values: &short, jacobian: &j)
  }
}
