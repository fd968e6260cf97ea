// The kink table of KinksAndDomainEdges.md, row by row, in every mode:
// each row's value, gradient and Hessian are the convention written out
// from the rules' formulas (not copied from a run), and every mode the
// edge fuzzer runs (forward at every chunk width, reverse, every Hessian
// strategy, hyper-duals, second-order duals, nested duals, the tape over
// duals and a tape over a tape) must return exactly them.

import Testing

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One row of the table: one operation on the inputs, at a point.
struct KinkRow: Sendable, CustomTestStringConvertible {
  let name: String
  let operation: FuzzInstruction
  let x: [Double]
  let value: Double
  let gradient: [Double]
  let hessian: [[Double]]
  var testDescription: String { name }

  var program: FuzzProgram {
    FuzzProgram(
      inputCount: x.count,
      instructions: x.indices.map { .input($0) } + [operation], seed: 0)
  }

  static func unary(
    _ op: FuzzUnary, at x: Double, _ value: Double, _ d1: Double, _ d2: Double
  ) -> KinkRow {
    KinkRow(
      name: "\(op.rawValue) at \(x)", operation: .unary(op, 0), x: [x],
      value: value, gradient: [d1], hessian: [[d2]])
  }

  static func powInt(
    _ n: Int, at x: Double, _ value: Double, _ d1: Double, _ d2: Double
  ) -> KinkRow {
    KinkRow(
      name: "pow(x, \(n)) at \(x)", operation: .powInt(0, exponent: n), x: [x],
      value: value, gradient: [d1], hessian: [[d2]])
  }

  static func binary(
    _ op: FuzzBinary, at x: Double, _ y: Double, _ value: Double,
    _ g: (Double, Double), _ h: (xx: Double, xy: Double, yy: Double)
  ) -> KinkRow {
    KinkRow(
      name: "\(op.rawValue) at (\(x), \(y))", operation: .binary(op, 0, 1),
      x: [x, y], value: value, gradient: [g.0, g.1],
      hessian: [[h.xx, h.xy], [h.xy, h.yy]])
  }
}

private let inf = Double.infinity
private let nan = Double.nan

/// The table. Derivatives from each rule's formulas at the point, with the
/// conventions of KinksAndDomainEdges.md.
let kinkTable: [KinkRow] = [
  .unary(.abs, at: 0, 0, 0, 0),
  .unary(.abs, at: -0.0, 0, 0, 0),
  // sqrt′ = 1/(2√x), sqrt″ = −f′/(2|x|).
  .unary(.sqrt, at: 0, 0, inf, -inf),
  .unary(.sqrt, at: -0.0, -0.0, -inf, inf),
  .unary(.sqrt, at: -1, nan, nan, nan),
  // cbrt′ = 1/(3∛x²), cbrt″ = −2f′/(3x).
  .unary(.cbrt, at: 0, 0, inf, -inf),
  .unary(.cbrt, at: -0.0, -0.0, inf, inf),
  // log′ = 1/x, log″ = −1/x².
  .unary(.log, at: 0, -inf, inf, -inf),
  .unary(.log, at: -0.0, -inf, -inf, -inf),
  .unary(.log, at: -1, nan, nan, nan),
  .unary(.log2, at: 0, -inf, inf, -inf),
  .unary(.log10, at: 0, -inf, inf, -inf),
  .unary(.log1p, at: -1, -inf, inf, -inf),
  // asin′ = 1/√(1−x²), asin″ = x/(1−x²)^{3/2}; acos the negatives.
  .unary(.asin, at: 1, Double.pi / 2, inf, inf),
  .unary(.asin, at: -1, -Double.pi / 2, inf, -inf),
  .unary(.asin, at: 2, nan, nan, nan),
  .unary(.acos, at: 1, 0, -inf, -inf),
  .unary(.acos, at: -1, Double.pi, -inf, inf),
  // atanh′ = 1/(1−x²), atanh″ = 2x/(1−x²)².
  .unary(.atanh, at: 1, inf, inf, inf),
  .unary(.atanh, at: -1, -inf, inf, -inf),
  // acosh′ = 1/√(x²−1), acosh″ = −x/(x²−1)^{3/2}.
  .unary(.acosh, at: 1, 0, inf, -inf),
  .unary(.acosh, at: 0.5, nan, nan, nan),
  .unary(.floor, at: 1, 1, 0, 0),
  .unary(.ceil, at: 1, 1, 0, 0),
  .unary(.rounded, at: 0.5, 1, 0, 0),
  .unary(.sign, at: 0, 0, 0, 0),
  .unary(.sign, at: -0.0, -0.0, 0, 0),
  .unary(.exp, at: inf, inf, inf, inf),
  .unary(.exp, at: -inf, 0, 0, 0),
  // xⁿ: n·xⁿ⁻¹ and n(n−1)·xⁿ⁻², exact at 0.
  .powInt(0, at: 0, 1, 0, 0),
  .powInt(1, at: 0, 0, 1, 0),
  .powInt(2, at: 0, 0, 0, 2),
  .powInt(-1, at: 0, inf, -inf, inf),
  .powInt(-1, at: -0.0, -inf, -inf, -inf),
  // pow(x, y): ∂x = y·xʸ⁻¹ (0 at y = 0), ∂y = xʸ ln x (0 at x = 0),
  // ∂xx = y(y−1)·xʸ⁻², ∂xy = xʸ⁻¹(1 + y ln x) (0 at x = 0), ∂yy = xʸ ln²x.
  .binary(.pow, at: 0, 0, 1, (0, 0), (0, 0, 0)),
  .binary(.pow, at: 0, 1, 0, (1, 0), (0, 0, 0)),
  .binary(.pow, at: 0, 2, 0, (0, 0), (2, 0, 0)),
  .binary(.pow, at: 0, -1, inf, (-inf, 0), (inf, 0, 0)),
  .binary(.pow, at: 0, 0.5, 0, (inf, 0), (-inf, 0, 0)),
  .binary(.pow, at: 2, 0, 1, (0, log(2)), (0, 0.5, log(2) * log(2))),
  .binary(.pow, at: 1, 0, 1, (0, 0), (0, 1, 0)),
  .binary(.pow, at: 1, 2, 1, (2, 0), (2, 1, 0)),
  .binary(.pow, at: -2, 2, 4, (-4, nan), (2, nan, nan)),
  .binary(.atan2, at: 0, 0, 0, (0, 0), (0, 0, 0)),
  .binary(.hypot, at: 0, 0, 0, (0, 0), (0, 0, 0)),
  .binary(.max, at: 1, 1, 1, (0, 1), (0, 0, 0)),
  .binary(.min, at: 1, 1, 1, (1, 0), (0, 0, 0)),
  // x/y: 1/y, −(x/y)/y; ∂xy = −1/y², ∂yy = 2x/y³.
  .binary(.divide, at: 1, 0, inf, (inf, -inf), (0, -inf, inf)),
  // Remainders x − q·y: (1, −q) with the q the value was formed with,
  // jumps included (3/2 is a tie: the IEEE q is 2, even; truncated, 1);
  // NaN partials with a NaN value.
  .binary(.remainder, at: 3, 2, -1, (1, -2), (0, 0, 0)),
  .binary(.truncatingRemainder, at: 3, 2, 1, (1, -1), (0, 0, 0)),
  .binary(.truncatingRemainder, at: 4, 2, 0, (1, -2), (0, 0, 0)),
  .binary(.truncatingRemainder, at: -4, 2, -0.0, (1, 2), (0, 0, 0)),
  .binary(.remainder, at: 0, 3, 0, (1, -0.0), (0, 0, 0)),
  .binary(.remainder, at: 1, 0, nan, (nan, nan), (nan, nan, nan)),
  .binary(.truncatingRemainder, at: inf, 2, nan, (nan, nan), (nan, nan, nan)),
]

/// NaN for NaN, else equal (±0 equal).
private func matches(_ a: Double, _ b: Double) -> Bool {
  a.isNaN ? b.isNaN : a == b
}

@Suite("The kink table, row by row, in every mode")
struct KinkTableTests {
  @Test("Every mode returns the table's value, gradient and Hessian", arguments: kinkTable)
  func row(_ row: KinkRow) throws {
    var run = EdgeRun(program: row.program, x: row.x, strict: true)
    try run.compareAll()
    for failure in run.failures { Issue.record(Comment(rawValue: failure)) }
    #expect(
      run.value.isNaN ? row.value.isNaN : run.value.bitPattern == row.value.bitPattern,
      "value \(run.value)")
    for k in row.x.indices {
      #expect(matches(run.gradient[k], row.gradient[k]), "∂x\(k): \(run.gradient[k])")
      for l in row.x.indices {
        let h = run.referenceHessian[k][l]
        #expect(matches(h, row.hessian[k][l]), "∂²/∂x\(k)∂x\(l): \(h)")
      }
    }
  }
}
