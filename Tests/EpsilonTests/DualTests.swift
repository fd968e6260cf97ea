// Dual numbers themselves: algebra, literals, conversions, printing,
// comparison by value only, Sendable.

import Epsilon
import Testing

@Suite("Dual")
struct DualTests {
  // Dyadic operands, so every result below is exact.
  let a = Dual<Double>(3, partials: 2)  // 3 + 2ε
  let b = Dual<Double>(-0.5, partials: 0.25)  // −0.5 + 0.25ε

  @Test("+ − × ÷ and negation follow ε² = 0")
  func algebra() {
    // (a + bε) ∘ (c + dε), worked by hand.
    #expect((a + b).value == 2.5 && (a + b).partials == 2.25)
    #expect((a - b).value == 3.5 && (a - b).partials == 1.75)
    // 3·(−0.5) = −1.5; 2·(−0.5) + 3·0.25 = −0.25
    #expect((a * b).value == -1.5 && (a * b).partials == -0.25)
    // 3/(−0.5) = −6; (2 − (−6)(0.25))/(−0.5) = (2 + 1.5)/(−0.5) = −7
    #expect((a / b).value == -6 && (a / b).partials == -7)
    #expect((-a).value == -3 && (-a).partials == -2)
  }

  @Test("Compound assignment matches the binary operators")
  func compoundAssignment() {
    var x = a
    x += b
    #expect(x.value == (a + b).value && x.partials == (a + b).partials)
    x = a
    x -= b
    #expect(x.value == (a - b).value && x.partials == (a - b).partials)
    x = a
    x *= b
    #expect(x.value == (a * b).value && x.partials == (a * b).partials)
    x = a
    x /= b
    #expect(x.value == (a / b).value && x.partials == (a / b).partials)
  }

  @Test("SIMD partials: the product rule lane by lane")
  func simdAlgebra() throws {
    let x = try Dual<SIMD4<Double>>(2, seed: 0)
    let y = try Dual<SIMD4<Double>>(5, seed: 1)
    let z = x * x * y - 3 * y / x  // ∂x = 2xy + 3y/x², ∂y = x² − 3/x
    #expect(z.value == 20 - 7.5)
    #expect(z.partials == SIMD4(20 + 3.75, 4 - 1.5, 0, 0))
  }

  @Test("Literals and conversions are constants")
  func literalsAndConversions() throws {
    let i: Dual<Double> = 3
    let f: Dual<Double> = 2.5
    // `Dual<SIMD8<Double>>(aDouble)` does not compile in concrete code:
    // init(_: Value) and ADReal's init(_: Double) are ambiguous when
    // Value == Double (reported); generic code reaches ADReal's.
    func convert<T: ADReal>(_ value: Double) -> T { T(value) }
    let fromDouble: Dual<SIMD8<Double>> = convert(1.25)
    let fromDoubleToFloat = Dual<Float>(Double(0.1))
    #expect(fromDoubleToFloat.value == Float(0.1) && fromDoubleToFloat.partials == 0)
    let fromInt = Dual<Float>(7 as Int)
    #expect(i.value == 3 && i.partials == 0)
    #expect(f.value == 2.5 && f.partials == 0)
    #expect(fromDouble.value == 1.25 && fromDouble.partials == .zero)
    #expect(fromInt.value == 7 && fromInt.partials == 0)
    #expect(Dual<Double>(exactly: 5)?.value == 5)
    #expect(Dual<Float>(exactly: 16_777_217) == nil)  // 2²⁴ + 1 is not a Float
    // Literals in formulas mix with variables of any width.
    let x = try Dual<SIMD2<Double>>(2, seed: 1)
    let y = 0.5 * x + 1
    #expect(y.value == 2 && y.partials == SIMD2(0, 0.5))
    // Seeding: lane index of a SIMD dual; a one-tangent dual has one lane.
    #expect(try Dual<SIMD16<Double>>(1, seed: 15).partials[15] == 1)
    #expect(try Dual<Double>(1, seed: 0).partials == 1)
  }

  @Test("Prints as value + partials·ε")
  func printing() throws {
    #expect(Dual<Double>(3, partials: 2).description == "3.0 + 2.0ε")
    #expect(Dual<Float>(-1.5, partials: 0.25).description == "-1.5 + 0.25ε")
    #expect(
      Dual<SIMD2<Double>>(3, partials: [1, 0]).description
        == "3.0 + [1.0, 0.0]ε")
    #expect(
      try Dual<SIMD4<Float>>(0.5, seed: 2).description
        == "0.5 + [0.0, 0.0, 1.0, 0.0]ε")
    let nested = Dual<Dual<Double>>(Dual(3, partials: 1), partials: Dual(1, partials: 0))
    #expect(nested.description == "3.0 + 1.0ε + (1.0 + 0.0ε)ε")
    #expect("\(a)" == "3.0 + 2.0ε")
  }

  @Test("Comparison is by value only")
  func comparisonByValue() {
    let x = Dual<SIMD2<Double>>(1, partials: [5, -1])
    let y = Dual<SIMD2<Double>>(1, partials: [-7, 2])
    #expect(x == y)
    #expect(!(x < y) && !(x > y) && x <= y && x >= y)
    #expect(Dual<Double>(1, partials: 100) < Dual<Double>(2, partials: -100))
    #expect(Dual<Double>(.nan, partials: 0) != Dual<Double>(.nan, partials: 0))
  }

  @Test("max and min on ties: the standard library's choice, whatever the partials")
  func maxMinTies() throws {
    let x = try Dual<SIMD2<Double>>(1, seed: 0)
    let y = try Dual<SIMD2<Double>>(1, seed: 1)
    // Swift.max(x, y) returns y when x == y; Swift.min(x, y) returns x.
    #expect(max(x, y).partials == SIMD2(0, 1))
    #expect(min(x, y).partials == SIMD2(1, 0))
    #expect(max(y, x).partials == SIMD2(1, 0))
    #expect(min(y, x).partials == SIMD2(0, 1))
  }

  /// `if x > y` with equal values and different partials takes the same
  /// branch for every tangent type and width (ForwardDiff issue #806).
  @Test("A branch takes the same path for every tangent type and width")
  func branchIndependentOfTangents() {
    func pick<T: ADReal>(_ x: T, _ y: T) -> T { x > y ? 2 * x : 3 * y }
    func maxOfThree<T: ADReal>(_ v: [T]) -> T { max(max(v[0], v[1]), v[2]) }
    let point = [1.5, 1.5, 1.5]
    // 3·x₁ whatever the width: ∂ = (0, 3).
    let expected = [0.0, 3]
    #expect(gradient(at: [1.5, 1.5], chunk: SIMD2<Double>.self) { pick($0[0], $0[1]) } == expected)
    #expect(gradient(at: [1.5, 1.5], chunk: SIMD4<Double>.self) { pick($0[0], $0[1]) } == expected)
    #expect(
      gradient(at: [1.5, 1.5], chunk: SIMD64<Double>.self) { pick($0[0], $0[1]) } == expected)
    // One tangent, argument by argument.
    let alongX = pick(Dual<Double>(1.5, partials: 1), Dual<Double>(1.5)).partials
    let alongY = pick(Dual<Double>(1.5), Dual<Double>(1.5, partials: 1)).partials
    #expect([alongX, alongY] == expected)
    // max of three equal values picks the last one at every width.
    let widths: [[Double]] = [
      gradient(at: point, chunk: SIMD2<Double>.self, of: maxOfThree),
      gradient(at: point, chunk: SIMD4<Double>.self, of: maxOfThree),
      gradient(at: point, chunk: SIMD8<Double>.self, of: maxOfThree),
      gradient(at: point, chunk: SIMD16<Double>.self, of: maxOfThree),
    ]
    for g in widths { #expect(g == [0, 0, 1]) }
  }

  @Test("Dual is Sendable: values cross task boundaries")
  func sendable() async throws {
    func requireSendable<T: Sendable>(_: T.Type) {}
    requireSendable(Dual<Double>.self)
    requireSendable(Dual<SIMD64<Float>>.self)
    requireSendable(Dual<Dual<Double>>.self)
    let x = try Dual<SIMD8<Double>>(2, seed: 3)
    let y = await Task.detached { x * x }.value
    #expect(y.value == 4 && y.partials[3] == 4)
  }

  @Test("abs is the standard library's, through magnitude")
  func absoluteValue() {
    let x = Dual<Double>(-2, partials: 3)
    #expect(abs(x).value == 2 && abs(x).partials == -3)
    #expect(x.magnitude.value == 2 && x.magnitude.partials == -3)
  }

  // Float16 exists everywhere but on Intel macOS (the library's own guard).
  #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
    @Test("Float16 duals: values through Float, derivatives in Float16")
    func float16() {
      if #available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *) {
        let g = gradient(at: [Float16(2), 3]) { x in (x[0] + 5) * x[1] * x[1] }
        #expect(g == [9, 42])
        // e¹ rounded to Float16 is 2.719 (0x4170); its derivative is itself.
        let y = exp(Dual<Float16>(1, partials: 1))
        #expect(y.value == Float16(bitPattern: 0x4170) && y.partials == y.value)
        #expect(Dual<Float16>(3, partials: 2).description == "3.0 + 2.0ε")
      }
    }
  #endif
}
