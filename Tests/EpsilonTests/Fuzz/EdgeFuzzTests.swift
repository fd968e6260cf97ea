// Differential testing at kinks and domain edges: random programs whose
// constants are exponents 0, 1, 2, −1, ±0 and small integers, evaluated at
// points whose coordinates are 0, −0, ±1, ±2, 3, ±½ (so arguments of sqrt,
// cbrt, log, abs and pow are exactly 0 or 1 often), and every mode must give
// what the convention of KinksAndDomainEdges.md gives: the same value as
// Double bit for bit, and the same first and second derivatives in every
// mode (NaN where one gives NaN, the same infinity, else equal to rounding).
//
// Central differences mean nothing at a kink, so the reference is the
// convention as the one-tangent Dual (first derivatives) and the
// hyper-dual strategy (second) compute it; every other mode must agree.
// The only differences allowed are the two the table names as places
// where modes cannot agree (``edgeSingularInputs(_:_:)``,
// ``EdgeRun/cancellationDiffers(_:_:)``), counted by reason.
//
// EPSILON_EDGE_FUZZ_COUNT=… runs more programs (default 2,000).

import Epsilon
import Testing

/// Counts of one edge shard.
struct EdgeLedger {
  var programs = 0
  var points = 0
  var comparisons = 0
  /// Points with a difference the table names, by reason.
  var skipped: [String: Int] = [:]
  var failures: [String] = []
}

/// The coordinates an edge point takes: kinks, domain edges and small
/// integers (−0 separately from 0: `abs`, `sign` and `atan2` tell them
/// apart).
let edgeCoordinates: [Double] = [0, -0.0, 1, -1, 2, -2, 0.5, -0.5, 3]

@Suite("Differential fuzz at kinks and domain edges")
struct EdgeFuzzTests {
  /// Programs per run, over two shards (EPSILON_FUZZ_SEED moves both
  /// fuzzers' seeds).
  static let count = Int(fuzzEnvironmentInteger("EPSILON_EDGE_FUZZ_COUNT") ?? 2_000)

  @Test(
    "Programs at kinks and domain edges: every mode gives the convention",
    arguments: 0..<2)
  func edgePrograms(shard: Int) throws {
    var ledger = EdgeLedger()
    for index in 0..<(Self.count + 1) / 2 {
      let base = DifferentialFuzzTests.baseSeed ^ 0xED6E
      let seed = fuzzSeed(base: base, shard: shard, index: index)
      try edgeCheck(FuzzProgram(seed: seed, edges: true), &ledger)
      if ledger.failures.count >= 5 { break }
    }
    let skipped = ledger.skipped.sorted { $0.key < $1.key }
      .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    print(
      "edge fuzz shard \(shard): \(ledger.programs) programs, "
        + "\(ledger.points) points, \(ledger.comparisons) comparisons, "
        + "points with a difference the table names: [\(skipped)], "
        + "\(ledger.failures.count) failures")
    for failure in ledger.failures { Issue.record(Comment(rawValue: failure)) }
  }
}

/// Runs every mode on `program` at a few edge points.
func edgeCheck(_ program: FuzzProgram, _ ledger: inout EdgeLedger) throws {
  var rng = SplitMix64(seed: program.seed ^ 0x5EED_ED6E)
  let n = program.inputCount
  ledger.programs += 1
  for _ in 0..<3 {
    let x = (0..<n).map { _ in edgeCoordinates.randomElement(using: &rng)! }
    var run = EdgeRun(program: program, x: x)
    try run.compareAll()
    if run.differingSeconds > 0 {
      ledger.skipped[
        "second derivatives differing through an infinite local derivative", default: 0] += 1
    }
    if run.cancellations > 0 {
      ledger.skipped["forward ≠ reverse by an exact cancellation at NaN/∞", default: 0] += 1
    }
    ledger.points += 1
    ledger.comparisons += run.comparisons
    ledger.failures += run.failures.prefix(3)
  }
}

/// One program at one edge point.
struct EdgeRun {
  let program: FuzzProgram
  let x: [Double]
  let trace: [Double]
  var comparisons = 0
  /// First derivatives where forward and reverse differ as the table says.
  var cancellations = 0
  /// Second derivatives through a singular operation that differ between
  /// modes (``edgeSingularInputs(_:_:)``): counted, not failed.
  var differingSeconds = 0
  var failures: [String] = []

  /// Whether every second derivative is compared, singular or not (the
  /// kink table's rows, where the table says what every mode returns).
  let strict: Bool
  /// Forward mode's gradient (one-tangent `Dual`), once compared.
  var gradient: [Double] = []
  /// The `.hyperDual` strategy's Hessian, once compared.
  var referenceHessian: [[Double]] = []

  init(program: FuzzProgram, x: [Double], strict: Bool = false) {
    self.program = program
    self.x = x
    self.strict = strict
    trace = evaluateAll(program, x)
    singular = strict ? [] : edgeSingularInputs(program, trace)
  }

  var n: Int { program.inputCount }
  var value: Double { trace[trace.count - 1] }

  /// The inputs whose second derivatives are not compared (see
  /// ``edgeSingularInputs(_:_:)``).
  let singular: Set<Int>
  /// Whether some operation is singular here.
  var isSingular: Bool { !singular.isEmpty }

  mutating func fail(_ what: String) {
    failures.append(
      fuzzFailureReport(what, program, x, replay: "seed: 0x…, edges: true"))
  }

  /// Same value bit for bit (any NaN matches any NaN).
  mutating func expectValue(_ v: Double, _ mode: @autoclosure () -> String) {
    comparisons += 1
    let same =
      v.isNaN ? value.isNaN : v.bitPattern == value.bitPattern
    if !same { fail("value by \(mode()) is \(v), Double gives \(value)") }
  }

  /// NaN for NaN, the same infinity, or finite and equal to rounding: a
  /// few ulps of the larger magnitude per operation (a zero is compared
  /// with the scale 1).
  mutating func expectSame(
    _ a: Double, _ b: Double, second: (Int, Int)? = nil, _ what: @autoclosure () -> String
  ) {
    let throughSingular = second.map { singular.contains($0.0) || singular.contains($0.1) } ?? false
    comparisons += 1
    let ok: Bool
    if a.isNaN || b.isNaN {
      ok = a.isNaN && b.isNaN
    } else if a.isInfinite || b.isInfinite {
      ok = a == b
    } else {
      let scale = Swift.max(1, a.magnitude, b.magnitude)
      ok = (a - b).magnitude <= 1e-13 * Double(program.operationCount + 1) * scale
    }
    if !ok && throughSingular && (a.isNaN != b.isNaN || !(a.isFinite && b.isFinite)) {
      // The table's second case: counted, not failed.
      differingSeconds += 1
    } else if !ok {
      fail("\(what()): \(a) vs \(b)")
    }
  }

  /// Whether forward and reverse mode may give these two first
  /// derivatives: at a point where an operation is singular, a derivative
  /// that one mode finds to be 0 by an exact cancellation (tangents
  /// 1 − 1 forward, adjoints 1 − 1 reverse) and then multiplies by a NaN
  /// or infinite partial is 0 there and NaN in the other mode, whose
  /// products met the NaN before the sum (the table's "Where modes
  /// differ"). Counted, not failed.
  mutating func cancellationDiffers(_ forward: Double, _ reverse: Double) -> Bool {
    guard isSingular, forward.isNaN != reverse.isNaN else { return false }
    cancellations += 1
    return true
  }

  /// A first derivative by `mode` must be forward mode's or, where those
  /// differ as ``cancellationDiffers(_:_:)`` allows, reverse mode's.
  mutating func expectFirst(
    _ a: Double, _ forward: Double, _ reverse: Double, _ k: Int, _ mode: String
  ) {
    if a.isNaN != forward.isNaN && a.isNaN == reverse.isNaN && forward.isNaN != reverse.isNaN {
      expectSame(a, reverse, "∂f/∂x\(k) by \(mode) vs reverseGradient")
    } else {
      expectSame(a, forward, "∂f/∂x\(k) by \(mode) vs Dual")
    }
  }

  mutating func compareAll() throws {
    let program = self.program
    let x = self.x
    let n = self.n

    // First derivatives: the one-tangent Dual is the reference.
    let (values, g) = fuzzGradientByDual(program, x)
    for v in values { expectValue(v, "Dual<Double>") }
    let function = FuzzFunction(program: program)
    var gradients = fuzzGradientsByChunks(program, x)
    gradients += [
      ("gradient(mode: .forward)", try valueWithGradient(of: function, at: x, mode: .forward)),
      ("gradient(mode: .reverse)", try valueWithGradient(of: function, at: x, mode: .reverse)),
      ("gradient(mode: .automatic)", try valueWithGradient(of: function, at: x)),
    ]
    // Reverse mode's gradient: the same as forward's, except where the
    // table says they cannot agree (``cancellationDiffers``).
    var gReverse = g
    do {
      let r = try valueWithReverseGradient(at: x) { evaluate(program, $0) }
      gReverse = r.gradient
      gradients.append(("reverseGradient", r))
    } catch {
      fail("reverseGradient threw \(error)")
    }
    for k in 0..<n where !cancellationDiffers(g[k], gReverse[k]) {
      expectSame(gReverse[k], g[k], "∂f/∂x\(k) by reverseGradient vs Dual")
    }
    for (mode, r) in gradients {
      expectValue(r.value, mode)
      for k in 0..<n { expectFirst(r.gradient[k], g[k], gReverse[k], k, mode) }
    }

    // Second derivatives: every Hessian strategy, with its gradient; the
    // hyper-dual strategy is the reference.
    var hessians: [(String, Hessian<Double>)] = []
    for strategy in HessianStrategy.allCases {
      let r = try valueGradientHessian(of: function, at: x, strategy: strategy)
      expectValue(r.value, "Hessian strategy \(strategy)")
      for k in 0..<n {
        expectFirst(r.gradient[k], g[k], gReverse[k], k, "Hessian strategy \(strategy)")
      }
      hessians.append((".\(strategy)", r.hessian))
    }
    hessians.append(("hessian(at:of:) closure", try hessian(at: x) { evaluate(program, $0) }))
    let reference = hessians.first { $0.0 == ".hyperDual" }!.1
    gradient = g
    referenceHessian = (0..<n).map { k in (0..<n).map { reference[k, $0] } }
    if let rows = edgeHessianByTapeOverTape(program, x) {
      for k in 0..<n {
        for l in 0..<n {
          expectSame(
            rows[k][l], reference[k, l], second: (k, l),
            "∂²f/∂x\(k)∂x\(l) by tape over tape vs .hyperDual")
        }
      }
    } else {
      fail("the tape over a tape threw")
    }
    for (mode, h) in hessians {
      for k in 0..<n {
        for l in 0..<n {
          expectSame(
            h[k, l], reference[k, l], second: (k, l), "∂²f/∂x\(k)∂x\(l) by \(mode) vs .hyperDual")
        }
      }
    }
    // H·eₖ is column k, by both forms of hessianVectorProduct.
    for k in 0..<n {
      let e = (0..<n).map { $0 == k ? 1.0 : 0.0 }
      let products = [
        (
          "hessianVectorProduct closure",
          try hessianVectorProduct(at: x, along: e) {
            evaluate(program, $0)
          }
        ),
        ("hessianVectorProduct(of:)", try hessianVectorProduct(of: function, at: x, along: e)),
      ]
      for (mode, column) in products {
        for l in 0..<n {
          expectSame(
            column[l], reference[l, k], second: (l, k),
            "(H·e\(k))\(l) by \(mode) vs .hyperDual")
        }
      }
    }

    // One-input second-order numbers and nested duals, every input.
    for i in 0..<n {
      let h = evaluate(
        program,
        x.indices.map {
          HyperDual<Double>(
            x[$0], epsilon1: $0 == i ? 1 : 0, epsilon2: $0 == i ? 1 : 0, epsilon12: 0)
        })
      expectValue(h.value, "HyperDual<Double>")
      expectSame(h.epsilon1, g[i], "∂f/∂x\(i) by HyperDual ε₁ vs Dual")
      expectSame(h.epsilon12, reference[i, i], second: (i, i), "∂²f/∂x\(i)² by HyperDual<Double>")
      let q = evaluate(
        program,
        x.indices.map { SecondOrderDual<Double>(x[$0], gradient: $0 == i ? 1 : 0, hessian: 0) })
      expectValue(q.value, "SecondOrderDual<Double>")
      expectSame(q.gradient, g[i], "∂f/∂x\(i) by SecondOrderDual vs Dual")
      expectSame(
        q.hessian, reference[i, i], second: (i, i), "∂²f/∂x\(i)² by SecondOrderDual<Double>")
      let d = evaluate(
        program,
        x.indices.map {
          Dual<Dual<Double>>(
            Dual(x[$0], partials: $0 == i ? 1 : 0), partials: Dual($0 == i ? 1 : 0))
        })
      expectValue(d.value.value, "Dual<Dual<Double>>")
      expectSame(d.value.partials, g[i], "∂f/∂x\(i) by Dual<Dual<Double>> inner tangent")
      expectSame(d.partials.value, g[i], "∂f/∂x\(i) by Dual<Dual<Double>> outer tangent")
      expectSame(
        d.partials.partials, reference[i, i], second: (i, i), "∂²f/∂x\(i)² by Dual<Dual<Double>>")
    }

    // The tape over duals along each unit vector: a column of H.
    for l in 0..<n {
      do {
        let (v, column) = try valueWithReverseGradient(
          at: x.indices.map { Dual<Double>(x[$0], partials: $0 == l ? 1 : 0) }
        ) { evaluate(program, $0) }
        expectValue(v.value, "GradientTape<Dual<Double>>")
        for k in 0..<n {
          expectFirst(column[k].value, g[k], gReverse[k], k, "the tape over Dual")
          expectSame(
            column[k].partials, reference[k, l], second: (k, l),
            "∂²f/∂x\(k)∂x\(l) by the tape over Dual vs .hyperDual")
        }
      } catch {
        fail("reverseGradient over Dual threw \(error)")
      }
    }
  }
}

/// The Hessian by a tape over a tape, both triangles (row k is the
/// gradient of the inner gradient's entry k, so the two halves of a cross
/// term come from differentiating different partials), or nil if a tape
/// threw (a failure the other comparisons report).
func edgeHessianByTapeOverTape(_ program: FuzzProgram, _ x0: [Double]) -> [[Double]]? {
  let outer = GradientTape<Double>(persistent: true)
  let x = outer.variables(x0)
  let inner = GradientTape<GradientTape<Double>.Variable>()
  let xi = inner.variables(x)
  guard
    let first = try? inner.gradient(
      of: evaluate(program, xi), withRespectTo: xi, unconnected: .zero)
  else { return nil }
  var rows: [[Double]] = []
  for g in first {
    guard
      let row = try? outer.gradient(
        of: g ?? 0, withRespectTo: x, unconnected: .zero)
    else { return nil }
    rows.append(row.map { $0 ?? 0 })
  }
  return rows
}

/// The inputs on which some singular operation depends: an operation
/// whose value or local derivative (first or second) is infinite or NaN at
/// this point (`sqrt`, `cbrt` and the logarithms at 0, `log` below 0, `pow`
/// at a negative base, `x/0`…). A second derivative with respect to such
/// an input may differ between modes (the table's "Where modes differ"):
/// each algebra meets the ∞ · 0 in a different product (a hyper-dual in
/// ε₁ ⊗ ε₂, a nested dual in the derivative of a partial, a tape in an
/// adjoint), and each returns what its own product gives: NaN in one mode
/// and a number in another, or an infinity in one and a finite number in
/// another. Such a difference is counted, not failed; two different
/// finite numbers, and every other comparison, fail.
func edgeSingularInputs(_ program: FuzzProgram, _ r: [Double]) -> Set<Int> {
  typealias S = SecondOrderDual<SIMD2<Double>>
  var depends: [Set<Int>] = []
  var singular = Set<Int>()
  for instruction in program.instructions {
    let y: S
    switch instruction {
    case .input(let k):
      depends.append([k])
      continue
    case .constant:
      depends.append([])
      continue
    case .unary(let op, let a):
      depends.append(depends[a])
      y = apply(op, S(r[a], gradient: [1, 0]))
    case .powInt(let a, let m):
      depends.append(depends[a])
      y = pow(S(r[a], gradient: [1, 0]), m)
    case .binary(let op, let a, let b):
      depends.append(depends[a].union(depends[b]))
      y = apply(op, S(r[a], gradient: [1, 0]), S(r[b], gradient: [0, 1]))
    }
    let parts = [y.value, y.gradient[0], y.gradient[1]] + (0..<4).map { y.hessian[$0] }
    if !parts.allSatisfy(\.isFinite) { singular.formUnion(depends[depends.count - 1]) }
  }
  return singular
}
