import Epsilon
import Testing

// Sparsity detection: the rule table's zero flags, and the patterns the
// tracer finds, against patterns derived by hand and against dense
// derivatives (every nonzero entry must be in the pattern).

// MARK: - Rule flags

/// Whether `rule`'s flags are true to its derivatives at a spread of points
/// (a flag that claims a zero the derivative does not have would make sparse
/// derivatives drop entries).
private func flagsHold<R: UnaryRule>(_ rule: R) -> Bool {
  for x in [-2.75, -1.5, -0.3, 0.4, 1.25, 2.6] {
    let y = rule.value(x)
    let dy = rule.derivative(at: x, value: y)
    let d2y = rule.secondDerivative(at: x, value: y, derivative: dy)
    if R.hasZeroDerivative && dy != 0 { return false }
    if R.hasZeroSecondDerivative && d2y != 0 { return false }
  }
  return true
}

private struct UserSquare: UnaryRule {
  func value(_ x: Double) -> Double { x * x }
  func derivative<T: ADReal>(at x: T, value y: T) -> T { 2 * x }
  func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 2 }
}

@Test func zeroFlagsOfBuiltInRulesHold() {
  #expect(flagsHold(Rules.Abs()))
  #expect(flagsHold(Rules.Sign()))
  #expect(flagsHold(Rules.Floor()))
  #expect(flagsHold(Rules.Ceil()))
  #expect(flagsHold(Rules.Rounded()))
  #expect(flagsHold(Rules.Rounded(.towardZero)))
  #expect(flagsHold(Rules.Exp()))
  #expect(Rules.Abs.hasZeroSecondDerivative && !Rules.Abs.hasZeroDerivative)
  #expect(Rules.Floor.hasZeroDerivative && Rules.Sign.hasZeroDerivative)
  #expect(!Rules.Exp.hasZeroDerivative && !Rules.Exp.hasZeroSecondDerivative)
  #expect(Rules.Pow.zeroPartials == (false, false))
  #expect(Rules.Hypot.zeroSecondPartials == (false, false, false))
}

@Test func userRulesDefaultToNonzeroDerivatives() {
  #expect(!UserSquare.hasZeroDerivative)
  #expect(!UserSquare.hasZeroSecondDerivative)
}

// MARK: - Test functions with known patterns

/// 2xᵢ − xᵢ₋₁ − xᵢ₊₁ + eˣⁱ: a tridiagonal Jacobian.
struct TridiagonalResidual: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    (0..<x.count).map { i in
      let left: T = i > 0 ? x[i - 1] : 0
      let right: T = i + 1 < x.count ? x[i + 1] : 0
      return 2 * x[i] - left - right + T.exp(x[i])
    }
  }
}

/// The entries of a pattern, as a set of (row, column).
private func entries(_ p: SparsityPattern) -> Set<[Int]> {
  var s: Set<[Int]> = []
  for j in 0..<p.columnCount {
    for i in p.rows(inColumn: j) { s.insert([i, j]) }
  }
  return s
}

private func band(_ n: Int, _ width: Int) -> Set<[Int]> {
  var s: Set<[Int]> = []
  for i in 0..<n {
    for j in max(0, i - width)...min(n - 1, i + width) { s.insert([i, j]) }
  }
  return s
}

@Test func rosenbrockHessianPatternIsTridiagonal() throws {
  let x = [0.5, -1.0, 2.0, 0.25, 3.0, -0.5]
  let global = try hessianSparsity(of: Rosenbrock(), at: x)
  let local = try hessianSparsity(of: Rosenbrock(), at: x, detection: .local)
  #expect(entries(global) == band(6, 1))
  #expect(local == global)
  #expect(global.nonzeroCount == 16)
}

@Test func tridiagonalJacobianPattern() throws {
  let p = try jacobianSparsity(of: TridiagonalResidual(), at: [Double](repeating: 1, count: 7))
  #expect(p.rowCount == 7 && p.columnCount == 7)
  #expect(entries(p) == band(7, 1))
}

private struct Pieces: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    // Linear in x0, x1; x2 only through a piecewise constant; x3·x4 a
    // product; |x5| piecewise linear; x6 / x7 a quotient.
    3 * x[0] - x[1] / 2 + T.floor(x[2]) * x[3] + x[3] * x[4] + abs(x[5])
      + x[6] / x[7]
  }
}

@Test func linearAndPiecewiseConstantOperationsAddNoPairs() throws {
  let x = [Double](repeating: 1.5, count: 8)
  let p = try hessianSparsity(of: Pieces(), at: x)
  // x3·x4 → (3,4); x6/x7 → (6,7), (7,7).
  #expect(entries(p) == [[3, 4], [4, 3], [6, 7], [7, 6], [7, 7]])
}

private struct PiecesVector: ADVectorFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    [T.floor(x[0]) * x[1], T.sign(x[2]) + T.rounded(x[0]), x[0] - x[0], 2 * x[2]]
  }
}

@Test func piecewiseConstantFunctionsDropDependence() throws {
  let p = try jacobianSparsity(of: PiecesVector(), at: [0.5, 1.5, -2.0])
  // x0 − x0 is structurally dependent on x0 (a tracer sees no cancellation).
  #expect(entries(p) == [[0, 1], [2, 0], [3, 2]])
}

private struct BranchOnX0: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    x[0] > 0 ? x[0] * x[1] : x[2] * x[2]
  }
}

@Test func globalPatternRejectsBranchesAndNamesTheFix() throws {
  #expect(throws: EpsilonError.branchInGlobalPattern(">")) {
    try hessianSparsity(of: BranchOnX0(), at: [1.0, 2.0, 3.0])
  }
  let message = EpsilonError.branchInGlobalPattern("<").description
  #expect(message.contains("detection: .local"))
}

@Test func localPatternFollowsTheBranchTaken() throws {
  let positive = try hessianSparsity(of: BranchOnX0(), at: [1.0, 2.0, 3.0], detection: .local)
  let negative = try hessianSparsity(of: BranchOnX0(), at: [-1.0, 2.0, 3.0], detection: .local)
  #expect(entries(positive) == [[0, 1], [1, 0]])
  #expect(entries(negative) == [[2, 2]])
}

@Test func constantsCompareInAGlobalPattern() throws {
  struct ConstantBranch: ADFunction {
    func callAsFunction<T: ADReal>(_ x: [T]) -> T {
      let c: T = 2
      return c > 1 ? x[0] * x[1] : x[0]
    }
  }
  let p = try hessianSparsity(of: ConstantBranch(), at: [1.0, 1.0])
  #expect(entries(p) == [[0, 1], [1, 0]])
}

@Test func tracersOfAnotherDetectionAreRejected() throws {
  final class Keeper: @unchecked Sendable { var kept: SparsityTracer? }
  struct Mixer: ADFunction {
    let keeper: Keeper
    func callAsFunction<T: ADReal>(_ x: [T]) -> T {
      if let t = x[0] as? SparsityTracer {
        if let old = keeper.kept { return (old * t) as! T }
        keeper.kept = t
      }
      return x[0] * x[0]
    }
  }
  let keeper = Keeper()
  _ = try hessianSparsity(of: Mixer(keeper: keeper), at: [1.0])
  #expect(throws: EpsilonError.tracersMixed) {
    try hessianSparsity(of: Mixer(keeper: keeper), at: [1.0])
  }
}

@Test func emptyInputsGiveAnEmptyPattern() throws {
  struct Constant: ADFunction {
    func callAsFunction<T: ADReal>(_ x: [T]) -> T { 3 }
  }
  let p = try hessianSparsity(of: Constant(), at: [Double]())
  #expect(p.rowCount == 0 && p.nonzeroCount == 0)
}

@Test func patternContainsAndTransposes() throws {
  let p = try SparsityPattern(
    rowCount: 3, columnCount: 2, entries: [(2, 0), (0, 0), (1, 1), (2, 0)])
  #expect(p.nonzeroCount == 3)
  #expect(p.contains(row: 2, column: 0) && !p.contains(row: 1, column: 0))
  let t = p.transposed
  #expect(t.rowCount == 2 && t.columnCount == 3)
  #expect(entries(t) == [[0, 0], [0, 2], [1, 1]])
}

@Test func largeChainDetectionIsLinear() throws {
  // 10⁵ inputs: a merged-set representation would copy ~N²/2 elements
  // into the running sum's set; the arena appends one node per operation.
  let n = 100_000
  let x = [Double](repeating: 0.5, count: n)
  let p = try hessianSparsity(of: Rosenbrock(), at: x)
  #expect(p.nonzeroCount == 3 * n - 2)
}
