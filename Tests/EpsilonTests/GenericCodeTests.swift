// What generic code and driver closures can write besides + − × ÷: the
// static elementary functions, FloatingPoint's constants, conversions from
// any binary number, and squareRoot().
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

  @Test("a constant's zero partials annihilate, even against ∞ (sqrt at 0)")
  func constantTimesInfiniteSlope() {
    let k = Dual<Double>(0.0)
    let d = derivative(at: 0.0) { x in k * sqrt(x) + x }
    #expect(d == 1)
  }
}
