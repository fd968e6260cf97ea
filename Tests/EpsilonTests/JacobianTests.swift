// The Jacobian drivers on the catalog, their errors, and
// directionalDerivative (Jacobian-vector products).

import Epsilon
import Testing

/// J(x) with `width` inputs per pass.
func jacobian<T: ADScalar>(
  of f: any JacobianTestFunction, at x: [T], width: Int
) throws -> [[T]] {
  switch width {
  case 2: return try jacobian(at: x, chunk: SIMD2<T>.self) { f($0) }
  case 4: return try jacobian(at: x, chunk: SIMD4<T>.self) { f($0) }
  case 8: return try jacobian(at: x, chunk: SIMD8<T>.self) { f($0) }
  case 16: return try jacobian(at: x, chunk: SIMD16<T>.self) { f($0) }
  case 32: return try jacobian(at: x, chunk: SIMD32<T>.self) { f($0) }
  case 64: return try jacobian(at: x, chunk: SIMD64<T>.self) { f($0) }
  default: fatalError("no SIMD\(width)")  // test-only: widths are literals
  }
}

/// J(x) column by column with one-tangent duals (J·eᵢ).
func oneTangentJacobian<T: ADScalar>(
  of f: any JacobianTestFunction, at x: [T]
) throws -> [[T]] {
  let columns = try x.indices.map { i in
    try directionalDerivative(at: x, along: x.indices.map { $0 == i ? 1 : 0 }) { f($0) }
  }
  let outputs = f(x).count
  return (0..<outputs).map { row in columns.map { $0[row] } }
}

extension RuleTestScalar {
  static func checkJacobianWidths(_ f: any JacobianTestFunction, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    for w in simdWidths {
      let counts = f.arity.map { [$0] } ?? chunkBoundaryCounts(w)
      for n in counts {
        let x = rng.points(n, in: f.domain).map { Self($0) }
        let context = "\(f.name), N = \(n), SIMD\(w), \(Self.self), seed \(seed)"
        let j = try jacobian(of: f, at: x, width: w)
        #expect(j.count == f(x).count, "rows: \(context)")
        // Same scalar operations per lane as one tangent: bitwise equal.
        if n > 0 {
          let oneTangent = try oneTangentJacobian(of: f, at: x)
          #expect(j == oneTangent, "vs one tangent: \(context)")
        } else {
          let noColumns = j.allSatisfy { $0.isEmpty }
          #expect(noColumns, "no columns: \(context)")
        }
        let analytic = f.jacobian(x)
        for row in j.indices {
          expectClose(
            j[row], analytic[row], gradientTolerance(analytic[row]),
            "row \(row) vs analytic: \(context)")
        }
      }
    }
  }
}

@Suite("Jacobian")
struct JacobianTests {
  static let functions = TestCatalog.jacobian.map { $0 as any JacobianTestFunction }

  @Test(
    "Every SIMD width agrees with one tangent and with J, at chunk boundaries",
    arguments: functions)
  func widths(_ f: any JacobianTestFunction) throws {
    try Double.checkJacobianWidths(f, seed: 0x7AC0B1)
    try Float.checkJacobianWidths(f, seed: 0x7AC0B2)
  }

  @Test("The issue's example")
  func example() throws {
    let j = try jacobian(at: [1.0, 2.0]) { x in [x[0] * x[1], sin(x[0])] }
    #expect(j == [[2, 1], [Double.cos(1.0), 0]])
  }

  @Test("Central differences agree", arguments: functions)
  func centralDifferences(_ f: any JacobianTestFunction) throws {
    var rng = SplitMix64(seed: 11)
    for n in f.sampleCounts {
      let x = rng.points(n, in: f.domain)
      let j = try jacobian(at: x) { f($0) }
      for row in j.indices {
        for (i, d) in centralDifferenceGradient(of: { f($0)[row] }, at: x).enumerated() {
          #expect(
            (j[row][i] - d.estimate).magnitude <= d.tolerance, "\(f.name) J[\(row)][\(i)], N = \(n)"
          )
        }
      }
    }
  }

  @Test("Outputs that change in number between passes throw, naming the lengths")
  func outputCountChanged() {
    // 20 inputs at width 8: three passes.
    let x = (0..<20).map { Double($0) }
    var calls = 0
    #expect(throws: EpsilonError.outputCountChanged(first: 2, later: 1, pass: 2)) {
      try jacobian(at: x) { x in
        calls += 1
        return calls == 1 ? [x[0], x[1]] : [x[0]]
      }
    }
    #expect(calls == 2, "stops at the first pass that disagrees")
    // Depending on the derivatives themselves: x[19] is seeded in pass 3.
    do {
      _ = try jacobian(at: x) { x in x[19].partials[3] == 0 ? [x[0], x[1]] : [x[0], x[1], x[2]] }
      Issue.record("no error for a changing output count")
    } catch let error as EpsilonError {
      #expect(error == .outputCountChanged(first: 2, later: 3, pass: 3))
      let message = error.description
      #expect(message.contains("2 outputs") && message.contains("3 on pass 3"), "\(message)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
    // At width 16, 20 inputs take two passes: the same check fires at pass 2.
    #expect(throws: EpsilonError.outputCountChanged(first: 2, later: 3, pass: 2)) {
      try jacobian(at: x, chunk: SIMD16<Double>.self) { x in
        x[19].partials[3] == 0 ? [x[0], x[1]] : [x[0], x[1], x[2]]
      }
    }
  }

  @Test("Empty input: one empty row per output")
  func emptyInput() throws {
    let j = try jacobian(at: [Double]()) { _ in [Dual(1), Dual(2)] }
    #expect(j == [[], []])
    let none = try jacobian(at: [Float]()) { _ in [] }
    #expect(none.isEmpty)
  }

  @Test("directionalDerivative is J·v", arguments: functions)
  func directional(_ f: any JacobianTestFunction) throws {
    var rng = SplitMix64(seed: 5)
    for n in f.sampleCounts {
      let x = rng.points(n, in: f.domain)
      let v = rng.points(n, in: -1...1)
      let jv = try directionalDerivative(at: x, along: v) { f($0) }
      let analytic: [[Double]] = f.jacobian(x)
      let expected = analytic.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
      expectClose(jv, expected, gradientTolerance(expected), "\(f.name), N = \(n), seed 5")
    }
  }

  @Test("directionalDerivative with mismatched lengths throws")
  func directionalMismatch() {
    #expect(throws: EpsilonError.countMismatch(argument: "along", expected: 2, actual: 3)) {
      try directionalDerivative(at: [1.0, 2.0], along: [1, 0, 0]) { $0 }
    }
    #expect(throws: EpsilonError.countMismatch(argument: "along", expected: 1, actual: 0)) {
      try directionalDerivative(at: [Float(1)], along: []) { $0 }
    }
    let message = EpsilonError.countMismatch(argument: "along", expected: 2, actual: 3).description
    #expect(message.contains("along") && message.contains("3") && message.contains("2"))
  }
}
