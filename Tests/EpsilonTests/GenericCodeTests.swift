// What generic code and driver closures can write besides + − × ÷: the
// static elementary functions, FloatingPoint's constants, conversions from
// any binary number, and the standard library's instance spellings
// (squareRoot(), rounded(_:), the remainders).
// Each value is checked against the same formula on plain numbers, and each
// derivative against its analytic form.

import Epsilon
import Testing

@Suite("Generic code: statics, constants, conversions")
struct GenericCodeTests {
  @Test("T.sin(x) and friends equal the free functions, value and derivative")
  func staticFunctionsMatchFreeOnes() {
    func f<T: ADReal>(_ x: T) -> T {
      3 * T.sin(x) * T.exp(-x) + T.pow(x, 3) + T.atan2(x, 2) - T.sqrt(1 + x * x)
    }
    let free = derivative(at: 0.7) { x in
      3 * sin(x) * exp(-x) + pow(x, 3) + atan2(x, 2) - sqrt(1 + x * x)
    }
    #expect(derivative(at: 0.7) { f($0) } == free)
    #expect(f(0.7) == valueWithDerivative(at: 0.7) { f($0) }.value)
  }

  @Test("T.pi is the scalar's own π, derivative zero")
  func pi() {
    func area<T: ADReal>(_ r: T) -> T { T.pi * r * r }
    #expect(area(2.0) == Double.pi * 4)
    #expect(derivative(at: 2.0) { area($0) } == 4 * Double.pi)
    #expect(Dual<Float>.pi.value == Float.pi)
    #expect(HyperDual<Double>.pi.value == Double.pi)
    #expect(Dual<SIMD4<Double>>.infinity.value == .infinity)
    #expect(Dual<Float>.greatestFiniteMagnitude.value == Float.greatestFiniteMagnitude)
    #expect(Dual<Double>.nan.isNaN)
  }

  @Test("T(x) from Float and from any integer type is a constant")
  func conversions() {
    func f<T: ADReal>(_ x: T, _ a: Float, _ n: Int32, _ u: UInt8) -> T {
      T(a) * x + T(n) * x * x + T(u)
    }
    // f′(x) = a + 2n·x
    let d = derivative(at: 1.5) { f($0, 0.25, 3, 7) }
    #expect(d == 9.25)
    #expect(f(1.5, 0.25, 3, 7) == 14.125)
  }

  @Test("x.squareRoot() is sqrt, with its derivative 1/(2√x)")
  func squareRoot() {
    func f<T: ADReal>(_ x: T) -> T { x.squareRoot() }
    #expect(derivative(at: 4.0) { f($0) } == 0.25)
    #expect(f(4.0) == 2)
  }

  @Test("x.rounded(rule) rounds the value as Double does, derivative zero in every mode")
  func rounded() throws {
    let rules: [FloatingPointRoundingRule] = [
      .toNearestOrAwayFromZero, .toNearestOrEven, .up, .down, .towardZero, .awayFromZero,
    ]
    func f<T: ADReal>(_ x: T, _ rule: FloatingPointRoundingRule) -> T {
      x.rounded(rule) * x
    }
    // Halves, the whole numbers and signed zeros where the rules differ.
    for p in [2.5, -2.5, 3.5, -0.5, 0.0, -0.0, 1.0, -1.0, 0.7, -1.3] {
      #expect(isSameValue(Dual<Double>(p, partials: 1).rounded().value, p.rounded()))
      for rule in rules {
        let r = p.rounded(rule)
        #expect(isSameValue(f(p, rule), r * p))
        // (x rounded)·x has derivative "x rounded": the rounding adds none.
        #expect(derivative(at: p) { f($0, rule) } == r, "\(rule) at \(p)")
        #expect(secondDerivative(at: p) { f($0, rule) } == 0, "\(rule) at \(p)")
        #expect(try reverseGradient(at: [p]) { f($0[0], rule) } == [r])
        #expect(try hessian(at: [p]) { x in f(x[0], rule) }[0, 0] == 0)
        #expect(isSameValue(Float(p).rounded(rule), Dual<Float>(Float(p)).rounded(rule).value))
      }
    }
  }

  @Test("x.remainder(dividingBy: y) and truncatingRemainder: exact values, ∂x = 1, ∂y = −q")
  func remainders() throws {
    func f<T: ADReal>(_ x: T, _ y: T) -> T { x.remainder(dividingBy: y) }
    func g<T: ADReal>(_ x: T, _ y: T) -> T { x.truncatingRemainder(dividingBy: y) }
    // 5.25 / −1.5 = −3.5, a tie: q is −4 (even) for the remainder, −3 truncated.
    for (x, y, q, t) in [
      (7.5, 2.0, 4.0, 3.0), (5.25, -1.5, -4.0, -3.0), (-7.0, 0.75, -9.0, -9.0),
      (0.25, 3.0, 0.0, 0.0), (1e17, 3.0, 33_333_333_333_333_332, 33_333_333_333_333_332),
    ] {
      #expect(f(x, y) == x.remainder(dividingBy: y))
      #expect(g(x, y) == x.truncatingRemainder(dividingBy: y))
      #expect(gradient(at: [x, y]) { v in f(v[0], v[1]) } == [1, -q])
      #expect(gradient(at: [x, y]) { v in g(v[0], v[1]) } == [1, -t])
      #expect(try reverseGradient(at: [x, y]) { v in g(v[0], v[1]) } == [1, -t])
      let h = try hessian(at: [x, y]) { v in f(v[0], v[1]) * v[0] }
      // ∂²(r·x): ∂xx = 2, ∂xy = −q, ∂yy = 0.
      #expect(h[0, 0] == 2 && h[0, 1] == -q && h[1, 1] == 0)
    }
    // A NaN value (y = 0) has NaN partials, as every rule's.
    let z = gradient(at: [1.0, 0.0]) { v in f(v[0], v[1]) }
    #expect(z[0].isNaN && z[1].isNaN)
    // The free C spelling is not Epsilon's: `fmod` on a dual does not compile
    // and names this method (Tests/CompileFailures).
  }

  @Test("the fixes the compile errors name compile and are exact")
  func namedFixesWork() throws {
    let k = 2.5
    let x = [1.0, 2.0, 3.0]
    // "declare the accumulator with the closure's number type: var s = 0 * v[0]"
    let g = gradient(at: x) { v in
      var s = 0 * v[0]
      for e in v { s += e * e }
      return s
    }
    #expect(g == [2, 4, 6])
    let r = try reverseGradient(at: x) { v in
      var s = 0 * v[0]
      for e in v { s -= e * e }
      return s
    }
    #expect(r == [-2, -4, -6])
    // "lift the plain number into a dual: Dual(k) * x" and, on a tape, ".init(k) * x"
    #expect(derivative(at: 2.0) { t in Dual(k) * t * t - t / Dual(k) } == 2 * k * 2 - 1 / k)
    let h = try hessian(at: x) { v in .init(k) * v[0] * v[1] - v[2] / .init(k) }
    #expect(h[0, 1] == k && h[0, 0] == 0 && h[2, 2] == 0)
    // "write x.truncatingRemainder(dividingBy: y)" for fmod, "x.rounded(.towardZero)" for trunc
    #expect(derivative(at: 7.5) { t in t.truncatingRemainder(dividingBy: 2) } == 1)
    #expect(derivative(at: 7.5) { t in t.rounded(.towardZero) * t } == 7)
  }

  @Test("a constant's zero partials annihilate, even against ∞ (sqrt at 0)")
  func constantTimesInfiniteSlope() {
    let k = Dual<Double>(0.0)
    let d = derivative(at: 0.0) { x in k * sqrt(x) + x }
    #expect(d == 1)
  }
}
