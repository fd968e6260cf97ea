// Differential testing of every differentiation mode on random programs
// (FuzzProgram.swift): values against Double exactly, first and second
// derivatives of every mode against one another, against central
// differences of values, and Hessians against differences of gradients.
//
// EPSILON_FUZZ_COUNT=1000000 runs more programs, EPSILON_FUZZ_SEED=… starts
// elsewhere; a failure prints the program as Swift, the point and the seed.

import Epsilon
import Testing

/// Tolerances of the differential comparisons (see RELIABILITY.md).
enum FuzzTolerance {
  /// Mode against mode, relative to the condition scale (the sum over
  /// paths of |products of partials|, ``FuzzScales``), not to the result:
  /// every mode's rounding error is a few ulps of that scale per operation
  /// however the terms cancel, so 1e-12 leaves ~10⁴ ulps of room for a
  /// program of ~100 operations and still catches any wrong rule.
  static let modes = 1e-12
  /// Multiplies both error terms of a difference estimate (truncation,
  /// estimated by Richardson, and rounding): they are estimates, not
  /// bounds.
  static let differenceSafety = 16.0
  /// Programs per `swift test`: at least 10,000, split over shards that
  /// Swift Testing runs in parallel.
  static let defaultCount = 10_000
  /// Largest condition scales accepted: beyond them a point is too
  /// ill-conditioned for difference checks to mean anything.
  static let maximumScale = 1e10
  /// Largest relative change of f′ across a difference stencil at an
  /// accepted point (``fuzzStencilResolves(_:_:)``).
  static let stencilCurvature = 0.125
}

/// Counts and failures of one shard.
struct FuzzLedger {
  var programs = 0
  var points = 0
  var rejectedPoints = 0
  var skippedPrograms = 0
  var comparisons = 0
  var failures: [String] = []
}

@Suite("Differential fuzz: every mode on random programs")
struct DifferentialFuzzTests {
  static let shardCount = 4
  static let count = Int(
    fuzzEnvironmentInteger("EPSILON_FUZZ_COUNT")
      ?? UInt64(FuzzTolerance.defaultCount))
  static let baseSeed =
    fuzzEnvironmentInteger("EPSILON_FUZZ_SEED") ?? 0x0E95_110F_0225_2026

  @Test(
    "Random programs agree across modes and with differences",
    arguments: 0..<shardCount)
  func randomPrograms(shard: Int) throws {
    var ledger = FuzzLedger()
    let perShard = (Self.count + Self.shardCount - 1) / Self.shardCount
    var index = 0
    while ledger.programs < perShard {
      // Replay one program by its printed seed with `FuzzProgram(seed:)`.
      let seed = fuzzSeed(base: Self.baseSeed, shard: shard, index: index)
      index += 1
      let program = FuzzProgram(seed: seed)
      try fuzzCheck(program, &ledger)
      if ledger.failures.count >= 5 { break }
    }
    print(
      "fuzz shard \(shard): \(ledger.programs) programs, "
        + "\(ledger.points) points (\(ledger.rejectedPoints) rejected, "
        + "\(ledger.skippedPrograms) programs without a usable point), "
        + "\(ledger.comparisons) comparisons, "
        + "\(ledger.failures.count) failures")
    for failure in ledger.failures { Issue.record(Comment(rawValue: failure)) }
  }
}

extension DifferentialFuzzTests {
  /// Programs that once failed, replayed on every run. (0xeb3f2731f1ce1b7d:
  /// tan(sinh(x³)) moved across poles within the difference stencil; the
  /// harness's branch signature now tracks poles. 0x06c9803fa0fca078:
  /// cos(2^hypot(e^|x₁| − 1, x₀⁻²)) oscillates within the stencil; such
  /// points are now rejected by ``fuzzStencilResolves(_:_:)``.)
  @Test(
    "Programs that once failed",
    arguments: [0xEB3F_2731_F1CE_1B7D, 0x06C9_803F_A0FC_A078] as [UInt64])
  func regressions(seed: UInt64) throws {
    var ledger = FuzzLedger()
    try fuzzCheck(FuzzProgram(seed: seed), &ledger)
    for failure in ledger.failures { Issue.record(Comment(rawValue: failure)) }
  }
}

/// A failure as the fuzzers print it: what failed, the seed and how to
/// replay it (`replay`, with "0x…" standing for the seed), the program as
/// Swift and the point, ready to paste into a regression test.
func fuzzFailureReport(
  _ what: String, _ program: FuzzProgram, _ x: [Double], replay: String
) -> String {
  let seed = "0x" + String(program.seed, radix: 16)
  let point = "[" + x.map { "\($0)" }.joined(separator: ", ") + "]"
  return """
    \(what)
    seed: \(seed) (FuzzProgram(\(replay.replacing("0x…", with: seed))))
    \(program)
    let x: [Double] = \(point)
    """
}

/// The value (once per input) and gradient of `program` at `x` by the
/// one-tangent `Dual`, seeded along one input at a time: the fuzzers'
/// reference for first derivatives.
func fuzzGradientByDual(_ program: FuzzProgram, _ x: [Double]) -> (
  values: [Double], gradient: [Double]
) {
  let ys = x.indices.map { i in
    evaluate(program, x.indices.map { Dual<Double>(x[$0], partials: $0 == i ? 1 : 0) })
  }
  return (ys.map(\.value), ys.map(\.partials))
}

/// The value and gradient of `program` at `x` by `gradient(at:chunk:)` at
/// every chunk width, each named.
func fuzzGradientsByChunks(_ program: FuzzProgram, _ x: [Double]) -> [(
  String, (value: Double, gradient: [Double])
)] {
  func chunked<P>(_ chunk: P.Type) -> (value: Double, gradient: [Double])
  where P: SIMD & DualPartials, P.Scalar == Double {
    valueWithGradient(at: x, chunk: chunk) { evaluate(program, $0) }
  }
  return [
    ("gradient(chunk: SIMD2)", chunked(SIMD2<Double>.self)),
    ("gradient(chunk: SIMD4)", chunked(SIMD4<Double>.self)),
    ("gradient(chunk: SIMD8)", chunked(SIMD8<Double>.self)),
    ("gradient(chunk: SIMD16)", chunked(SIMD16<Double>.self)),
  ]
}

/// The seed of program `index` of a shard: base + (shard·(10⁹ + 7) + index)·φ,
/// so that one program is replayed by its printed seed alone.
func fuzzSeed(base: UInt64, shard: Int, index: Int) -> UInt64 {
  base &+ UInt64(shard * 1_000_000_007 + index) &* 0x9E37_79B9_7F4A_7C15
}

/// Whether a central difference with the harness's step can resolve the
/// program's first derivatives at `x`: across the stencil, f′ along each
/// input may change by at most `stencilCurvature` of its scale,
/// h·S₂[k][k] ≤ c·max(S₁[k], 1). Beyond that the function oscillates within
/// the stencil (cos(2^(e^|x|)) at x ≈ 2.7 turns 3 radians across it) and
/// neither the difference nor its Richardson error estimate says anything
/// about the derivative. (0x06c9803fa0fca078 in a 10⁶-program run: the AD
/// gradient was right to 8 digits; the difference and its estimate were
/// not.)
func fuzzStencilResolves(_ x: [Double], _ scales: FuzzScales) -> Bool {
  x.indices.allSatisfy { k in
    CentralDifference<Double>.step(at: x[k]) * scales.hessianScale[k][k]
      <= FuzzTolerance.stencilCurvature * Swift.max(scales.gradientScale[k], 1)
  }
}

/// Runs every comparison on `program` at one admissible random point.
func fuzzCheck(_ program: FuzzProgram, _ ledger: inout FuzzLedger) throws {
  var rng = SplitMix64(seed: program.seed ^ 0xD1B5_4A32_D192_ED03)
  let n = program.inputCount
  for _ in 0..<12 {
    let x = (0..<n).map { _ in
      Double.random(in: -3...3, using: &rng)
    }
    let trace = evaluateAll(program, x)
    guard fuzzRejection(program, trace) == nil else {
      ledger.rejectedPoints += 1
      continue
    }
    let scales = fuzzScales(program, x)
    guard scales.isFinite,
      scales.gradientScale.allSatisfy({ $0 <= FuzzTolerance.maximumScale }),
      scales.hessianScale.allSatisfy({
        $0.allSatisfy { $0 <= FuzzTolerance.maximumScale }
      }),
      fuzzStencilResolves(x, scales)
    else {
      ledger.rejectedPoints += 1
      continue
    }
    var run = FuzzRun(program: program, x: x, trace: trace, scales: scales)
    guard run.differencesStayOnOnePiece() else {
      ledger.rejectedPoints += 1
      continue
    }
    let direction = (0..<n).map { _ in
      (Double.random(in: -1...1, using: &rng) * 8).rounded() / 8
    }
    try run.compareAll(direction: direction)
    ledger.programs += 1
    ledger.points += 1
    ledger.comparisons += run.comparisons
    ledger.failures += run.failures.prefix(3)
    return
  }
  ledger.skippedPrograms += 1
}

/// One program at one point: the comparisons and what failed.
struct FuzzRun {
  let program: FuzzProgram
  let x: [Double]
  let trace: [Double]
  let scales: FuzzScales
  var comparisons = 0
  var failures: [String] = []
  /// The stencil values of f along each coordinate, filled by
  /// ``differencesStayOnOnePiece()``.
  var valueDifferences: [CentralDifference<Double>] = []

  init(
    program: FuzzProgram, x: [Double], trace: [Double],
    scales: FuzzScales
  ) {
    self.program = program
    self.x = x
    self.trace = trace
    self.scales = scales
  }

  var value: Double { trace[trace.count - 1] }
  var n: Int { program.inputCount }

  /// Central differences of f along every coordinate, checking that no
  /// stencil point (x ± h, x ± 2h) crosses a kink or leaves the domain.
  mutating func differencesStayOnOnePiece() -> Bool {
    let signature = fuzzBranchSignature(program, trace)
    let f = value
    // Rounding error of f is about u·E: the scale CentralDifference uses
    // is max(|f(x ± h)|, 1) times `scale`.
    let scale = Swift.max(1, scales.valueError / Swift.max(f.magnitude, 1))
    var point = x
    var crossed = false
    valueDifferences = (0..<n).map { k in
      defer { point[k] = x[k] }
      return CentralDifference(
        of: { t in
          point[k] = t
          let r = evaluateAll(program, point)
          if fuzzBranchSignature(program, r) != signature
            || !r.allSatisfy(\.isFinite)
          {
            crossed = true
          }
          return r[r.count - 1]
        }, at: x[k], scale: scale, safety: FuzzTolerance.differenceSafety)
    }
    // The gradient differences step to the same points.
    return !crossed
  }

  // MARK: Recording

  mutating func fail(_ what: String) {
    failures.append(fuzzFailureReport(what, program, x, replay: "seed: 0x…"))
  }

  mutating func expectValue(_ v: Double, _ mode: @autoclosure () -> String) {
    comparisons += 1
    if !(v == value) || v.sign != value.sign && v != 0 {
      fail("value by \(mode()) is \(v), Double gives \(value)")
    }
  }

  mutating func expectClose(
    _ a: Double, _ b: Double, within tolerance: Double,
    _ what: @autoclosure () -> String
  ) {
    comparisons += 1
    if !((a - b).magnitude <= tolerance) {
      fail(
        "\(what()): \(a) vs \(b), difference \((a - b).magnitude) > "
          + "tolerance \(tolerance)")
    }
  }

  mutating func expectGradient(
    _ g: [Double], _ reference: [Double],
    _ mode: @autoclosure () -> String
  ) {
    for k in 0..<n {
      expectClose(
        g[k], reference[k],
        within: FuzzTolerance.modes * scales.gradientScale[k],
        "∂f/∂x\(k) by \(mode()) vs Dual")
    }
  }

  mutating func expectSecond(
    _ a: Double, _ b: Double, _ k: Int, _ l: Int,
    _ what: @autoclosure () -> String
  ) {
    expectClose(
      a, b, within: FuzzTolerance.modes * scales.hessianScale[k][l],
      "∂²f/∂x\(k)∂x\(l) \(what())")
  }

  // MARK: Comparisons

  mutating func compareAll(direction v: [Double]) throws {
    let program = self.program
    let x = self.x
    let n = self.n

    // First derivatives: Dual with one tangent, one input at a time, is
    // the reference the other modes meet.
    let (values, g) = fuzzGradientByDual(program, x)
    for v in values { expectValue(v, "Dual<Double>") }
    for (name, result) in fuzzGradientsByChunks(program, x) {
      expectValue(result.value, name)
      expectGradient(result.gradient, g, name)
    }

    // Second-order types seeded along one input: ∂f/∂xᵢ and ∂²f/∂xᵢ².
    var diagonals: [(String, Double)] = []
    // One input per program (cycling with the seed: every input over a
    // run) keeps the run short; the other modes cover every input.
    let i = Int(program.seed % UInt64(n))
    do {
      let s: Double = 1
      let h = evaluate(
        program,
        x.indices.map {
          HyperDual<Double>(
            x[$0], epsilon1: $0 == i ? s : 0,
            epsilon2: $0 == i ? s : 0, epsilon12: 0)
        })
      expectValue(h.value, "HyperDual<Double>")
      comparisons += 1
      if !(h.epsilon1 == h.epsilon2) {
        fail("HyperDual ε₁ \(h.epsilon1) ≠ ε₂ \(h.epsilon2) for x\(i)")
      }
      expectClose(
        h.epsilon1, g[i],
        within: FuzzTolerance.modes * scales.gradientScale[i],
        "∂f/∂x\(i) by HyperDual ε₁ vs Dual")
      diagonals.append(("HyperDual ε₁₂", h.epsilon12))
      let q = evaluate(
        program,
        x.indices.map {
          SecondOrderDual<Double>(x[$0], gradient: $0 == i ? 1 : 0, hessian: 0)
        })
      expectValue(q.value, "SecondOrderDual<Double>")
      expectClose(
        q.gradient, g[i],
        within: FuzzTolerance.modes * scales.gradientScale[i],
        "∂f/∂x\(i) by SecondOrderDual vs Dual")
      diagonals.append(("SecondOrderDual", q.hessian))
      let d = evaluate(
        program,
        x.indices.map {
          Dual<Dual<Double>>(
            Dual(x[$0], partials: $0 == i ? 1 : 0),
            partials: Dual($0 == i ? 1 : 0))
        })
      expectValue(d.value.value, "Dual<Dual<Double>>")
      expectClose(
        d.value.partials, d.partials.value,
        within: FuzzTolerance.modes * scales.gradientScale[i],
        "∂f/∂x\(i) by the inner vs the outer tangent of Dual<Dual<Double>>")
      expectClose(
        d.value.partials, g[i],
        within: FuzzTolerance.modes * scales.gradientScale[i],
        "∂f/∂x\(i) by Dual<Dual<Double>> vs Dual")
      diagonals.append(("Dual<Dual<Double>>", d.partials.partials))
    }

    // The tape, and the tape over duals (forward over reverse): its
    // adjoints' tangents are H·v.
    do {
      let (value, tapeGradient) = try valueWithReverseGradient(at: x) {
        evaluate(program, $0)
      }
      expectValue(value, "GradientTape<Double>")
      expectGradient(tapeGradient, g, "reverseGradient")
    } catch {
      fail("reverseGradient threw \(error)")
    }
    var hv = [Double](repeating: 0, count: n)
    do {
      let (value, dualGradient) = try valueWithReverseGradient(
        at: x.indices.map { Dual<Double>(x[$0], partials: v[$0]) }
      ) { evaluate(program, $0) }
      expectValue(value.value, "GradientTape<Dual<Double>>")
      expectGradient(dualGradient.map(\.value), g, "tape over Dual")
      hv = dualGradient.map(\.partials)
    } catch {
      fail("reverseGradient over Dual threw \(error)")
    }

    // Hessians: every strategy, against every other.
    let function = FuzzFunction(program: program)
    var hessians: [(HessianStrategy, Hessian<Double>)] = []
    for strategy in HessianStrategy.allCases {
      // `.automatic` runs exactly the code of the strategy it resolves to:
      // one program in sixteen checks it, the rest save the evaluation.
      let resolved = strategy.resolved(forInputCount: n)
      if resolved != strategy, program.seed % 16 != 0,
        HessianStrategy.allCases.contains(resolved)
      {
        continue
      }
      let r = try valueGradientHessian(of: function, at: x, strategy: strategy)
      expectValue(r.value, "Hessian strategy \(strategy)")
      expectGradient(r.gradient, g, "Hessian strategy \(strategy)")
      hessians.append((strategy, r.hessian))
    }
    for (a, (sa, ha)) in hessians.enumerated() {
      for (sb, hb) in hessians[(a + 1)...] {
        for k in 0..<n {
          for l in 0...k {
            expectSecond(ha[k, l], hb[k, l], k, l, "by .\(sa) vs .\(sb)")
          }
        }
      }
    }
    let reference = hessians[0].1

    // Sparse modes, on the pattern at x (a local detection: programs may
    // branch). Every entry the pattern leaves out is zero in the dense
    // Hessian; every entry it holds is the dense forward-over-reverse
    // entry, bit for bit, read from one of its two triangles. The sparse
    // Jacobian of [f] is the gradient.
    do {
      let sparse = try SparseHessianPlan(of: function, at: x, detection: .local)
        .hessian(at: x)
      let byRows = try forwardOverReverseRows(program, x)
      for k in 0..<n {
        for l in 0..<n where !sparse.pattern.contains(row: k, column: l) {
          comparisons += 1
          if reference[k, l] != 0 {
            fail("∂²f/∂x\(k)∂x\(l) = \(reference[k, l]) outside the sparse pattern")
          }
        }
      }
      for (k, l, entry) in sparse.triplets {
        comparisons += 1
        let bits = entry.bitPattern
        if bits != byRows[k][l].bitPattern && bits != byRows[l][k].bitPattern
          && !(entry.isNaN && (byRows[k][l].isNaN || byRows[l][k].isNaN))
        {
          fail(
            "sparse ∂²f/∂x\(k)∂x\(l) = \(entry), forward over reverse "
              + "\(byRows[k][l]) / \(byRows[l][k])")
        }
      }
      let jacobian = try SparseJacobianPlan(
        of: FuzzVectorFunction(program: program), at: x, detection: .local
      ).jacobian(at: x)
      expectGradient((0..<n).map { jacobian[0, $0] }, g, "sparse Jacobian of [f]")
    } catch {
      fail("sparse modes threw \(error)")
    }

    for (name, diagonal) in diagonals {
      expectSecond(
        diagonal, reference[i, i], i, i,
        "by \(name) vs .\(hessians[0].0)")
    }
    for k in 0..<n {
      var exact = 0.0
      var scale = 0.0
      for l in 0..<n {
        exact += reference[k, l] * v[l]
        scale += scales.hessianScale[k][l] * v[l].magnitude
      }
      expectClose(
        hv[k], exact, within: FuzzTolerance.modes * scale,
        "(H·v)[\(k)] by the tape over Dual vs .\(hessians[0].0)")
    }

    // Against differences: gradient against central differences of f.
    for k in 0..<n {
      let d = valueDifferences[k]
      expectClose(
        g[k], d.estimate, within: d.tolerance,
        "∂f/∂x\(k) vs central difference")
    }

    // Hessian against central differences of the (tape) gradient.
    let tape = GradientTape<Double>()
    var point = x
    func gradientAt(_ p: [Double]) -> [Double] {
      (try? tape.gradient(at: p) { evaluate(program, $0) })
        ?? [Double](repeating: .nan, count: n)
    }
    let opCount = Double(program.operationCount + 1)
    // One column per program (cycling with the seed), all of its rows.
    do {
      let l = Int((program.seed >> 8) % UInt64(n))
      let h = CentralDifference<Double>.step(at: x[l])
      func difference(_ step: Double) -> [Double] {
        point[l] = x[l] + step
        let up = point[l]
        let gUp = gradientAt(point)
        point[l] = x[l] - step
        let down = point[l]
        let gDown = gradientAt(point)
        point[l] = x[l]
        return (0..<n).map { (gUp[$0] - gDown[$0]) / (up - down) }
      }
      let fine = difference(h)
      let coarse = difference(2 * h)
      for k in 0..<n {
        // Truncation by Richardson, rounding as a few ulps of the
        // gradient's condition scale per operation, over the step.
        let truncation = (coarse[k] - fine[k]).magnitude / 3
        let rounding =
          4 * opCount * Double.ulpOfOne
          * Swift.max(scales.gradientScale[k], 1) / h
        let tolerance =
          FuzzTolerance.differenceSafety
          * (truncation + rounding + h * h
            * Swift.max(scales.hessianScale[k][l], 1))
        expectClose(
          reference[k, l], fine[k], within: tolerance,
          "∂²f/∂x\(k)∂x\(l) vs central difference of the gradient")
      }
    }
  }
}

/// The dense Hessian by forward over reverse, as computed: row k is the
/// adjoint of xₖ along each unit direction (both triangles, not mirrored).
func forwardOverReverseRows(_ program: FuzzProgram, _ x: [Double]) throws -> [[Double]] {
  let n = x.count
  let point = (0..<n).map { Dual<SIMD8<Double>>(x[$0], partials: .unitPartials($0)) }
  let g = try valueWithReverseGradient(at: point) { evaluate(program, $0) }.gradient
  return (0..<n).map { k in (0..<n).map { l in g[k].partials[l] } }
}

/// A program as a vector function of one output, for the sparse Jacobian.
struct FuzzVectorFunction: ADVectorFunction {
  var program: FuzzProgram
  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] { [evaluate(program, x)] }
}
