// The gradient drivers on the catalog: every SIMD width agrees with the
// one-tangent dual and with the analytic gradient, at chunk boundaries, in
// Float and Double; central-difference cross-checks; checkGradient.

import Epsilon
import Testing

/// Every SIMD width the gradient driver offers.
let simdWidths = [2, 4, 8, 16, 32, 64]

/// Input counts around the chunk boundaries of width `w`.
func chunkBoundaryCounts(_ w: Int) -> [Int] { [0, 1, w - 1, w, w + 1, 3 * w + 1] }

/// ∇f(x) with `width` partials per pass.
func gradient<T: ADScalar>(
  of f: any GradientTestFunction, at x: [T], width: Int
) -> (value: T, gradient: [T]) {
  switch width {
  case 2: return valueWithGradient(at: x, chunk: SIMD2<T>.self) { f($0) }
  case 4: return valueWithGradient(at: x, chunk: SIMD4<T>.self) { f($0) }
  case 8: return valueWithGradient(at: x, chunk: SIMD8<T>.self) { f($0) }
  case 16: return valueWithGradient(at: x, chunk: SIMD16<T>.self) { f($0) }
  case 32: return valueWithGradient(at: x, chunk: SIMD32<T>.self) { f($0) }
  case 64: return valueWithGradient(at: x, chunk: SIMD64<T>.self) { f($0) }
  default: fatalError("no SIMD\(width)")  // test-only: widths are literals
  }
}

/// ∇f(x) one input at a time, with one-tangent duals.
func oneTangentGradient<T: ADScalar>(
  of f: any GradientTestFunction, at x: [T]
) -> [T] {
  x.indices.map { i in
    f(x.indices.map { j in Dual<T>(x[j], partials: i == j ? 1 : 0) }).partials
  }
}

/// The tolerance for a gradient: component errors are bounded by rounding
/// at the scale of the largest component (sums of terms of that size).
func gradientTolerance<T: ADScalar>(_ g: [T]) -> Tolerance<T> {
  let scale = g.map(\.magnitude).max() ?? 1
  return .ulps(64, floor: Swift.max(1, scale))
}

extension RuleTestScalar {
  static func checkGradientWidths(_ f: any GradientTestFunction, seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for w in simdWidths {
      var counts = chunkBoundaryCounts(w)
      if let n = f.arity { counts = [n] }
      if !f.sampleCounts.contains(0) { counts.removeAll { $0 == 0 } }
      for n in counts {
        let x = rng.points(n, in: f.domain).map { Self($0) }
        let context = "\(f.name), N = \(n), SIMD\(w), \(Self.self), seed \(seed)"
        let (value, g) = gradient(of: f, at: x, width: w)
        #expect(isSameValue(value, f(x)), "value: \(context)")
        // Each lane runs the same scalar operations as a one-tangent dual:
        // bitwise equal, so every width equals every other.
        #expect(g == oneTangentGradient(of: f, at: x), "vs one tangent: \(context)")
        let analytic = f.gradient(x)
        expectClose(g, analytic, gradientTolerance(analytic), "vs analytic: \(context)")
      }
    }
  }

  static func checkAgainstCentralDifferences(_ f: any GradientTestFunction, seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for n in f.sampleCounts where n > 0 {
      let x = rng.points(n, in: f.domain).map { Self($0) }
      let g = gradient(at: x) { f($0) }
      let differences = centralDifferenceGradient(of: { f($0) }, at: x)
      for i in x.indices where (g[i] - differences[i].estimate).magnitude > differences[i].tolerance
      {
        Issue.record(
          "\(f.name) ∂\(i) at N = \(n), \(Self.self), seed \(seed): AD \(g[i]), central difference \(differences[i].estimate) ± \(differences[i].tolerance)"
        )
      }
    }
  }
}

@Suite("Gradient")
struct GradientTests {
  static let functions = TestCatalog.gradient.map { $0 as any GradientTestFunction }

  @Test(
    "Every SIMD width agrees with one tangent and with ∇f, at chunk boundaries (Double)",
    arguments: functions)
  func widthsDouble(_ f: any GradientTestFunction) {
    Double.checkGradientWidths(f, seed: 0xD0_0B1E)
  }

  @Test(
    "Every SIMD width agrees with one tangent and with ∇f, at chunk boundaries (Float)",
    arguments: functions)
  func widthsFloat(_ f: any GradientTestFunction) {
    Float.checkGradientWidths(f, seed: 0xF1_0A7)
  }

  @Test("Central differences agree (Double and Float)", arguments: functions)
  func centralDifferences(_ f: any GradientTestFunction) {
    Double.checkAgainstCentralDifferences(f, seed: 7)
    Float.checkAgainstCentralDifferences(f, seed: 8)
  }

  @Test("Rosenbrock at (0.1, 0.2, 0.3): ForwardDiff's reference values")
  func rosenbrockReference() {
    // f = 11.82, ∇f = (−9.4, 15.6, 52.0) (ForwardDiff's test/GradientTest.jl).
    let (value, g) = valueWithGradient(at: [0.1, 0.2, 0.3]) { Rosenbrock()($0) }
    expectClose(value, 11.82, .ulps(16), "f")
    expectClose(g, [-9.4, 15.6, 52.0], .ulps(64, floor: 52), "∇f")
  }

  @Test("Default width: the same as SIMD8")
  func defaultWidth() {
    let x = (0..<19).map { Double($0) / 8 - 1 }
    #expect(
      gradient(at: x) { SinCosRing()($0) } == gradient(of: SinCosRing(), at: x, width: 8).gradient)
    let xf = x.map { Float($0) }
    #expect(
      gradient(at: xf) { SinCosRing()($0) } == gradient(of: SinCosRing(), at: xf, width: 8).gradient
    )
  }

  @Test("Empty input: empty gradient, the function's value")
  func emptyInput() {
    let (value, g) = valueWithGradient(at: [Double]()) { x in x.reduce(Dual(7), +) }
    #expect(g.isEmpty && value == 7)
    #expect(gradient(at: [Float](), chunk: SIMD64<Float>.self) { _ in 1 }.isEmpty)
  }

  @Test("checkGradient: small error for a correct gradient")
  func checkGradientPasses() {
    let check = checkGradient(at: [2.0, 3.0]) { TutorialG()($0) }
    #expect(check.gradient == [9, 42])
    #expect(check.passes(tolerance: 1e-8), "worst \(check.worstRelativeError)")
    #expect(check.worstRelativeError > 0, "central differences are never exact here")
    let rosenbrock = checkGradient(at: [0.5, -0.25, 1.5, 0.75]) { Rosenbrock()($0) }
    #expect(rosenbrock.passes(tolerance: 1e-8), "worst \(rosenbrock.worstRelativeError)")
    let float = checkGradient(at: [Float(0.5), 1.25]) { LogSumExp()($0) }
    #expect(float.passes(tolerance: 1e-2), "Float: worst \(float.worstRelativeError)")
  }

  @Test("checkGradient: a large error where the closure hides a derivative")
  func checkGradientFails() {
    // x0² computed on the value alone: AD sees a constant, differences see 2x0.
    let check = checkGradient(at: [2.0, 3.0]) { x in
      Dual(x[0].value * x[0].value, partials: .zero) + x[1]
    }
    #expect(check.gradient == [0, 1])
    #expect(!check.passes(tolerance: 1e-3))
    #expect(check.worstIndex == 0)
    expectClose(check.worstRelativeError, 1, .ulps(1e9), "(4 − 0)/max(4, 0, 1)")
  }
}
