// Kinks, domain edges, ±0, ±∞ and NaN: the one convention every mode
// shares, as each rule's doc comment states it (Sources/Epsilon/Rules),
// once per function. NaN safety: a zero partial lane stays zero whatever
// the local derivative, lane by lane.

import Epsilon
import Testing

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// f and its first partial at `x` seeded in lane 0 of `Dual<SIMD2<T>>`,
/// with lane 1 (a direction f does not depend on) returned too.
private func lanes<T: ADScalar>(
  _ x: T, _ f: (Dual<SIMD2<T>>) -> Dual<SIMD2<T>>
) -> (value: T, d: T, other: T) {
  let y = f(Dual(x, partials: SIMD2(1, 0)))
  return (y.value, y.partials[0], y.partials[1])
}

@Suite("Edge cases: kinks and domain edges")
struct KinkTests {
  @Test("abs at ±0: derivative 0 (the least-magnitude subgradient)")
  func absAtZero() {
    for x in [0.0, -0.0] {
      let y = lanes(x) { abs($0) }
      #expect(y.value == 0 && y.value.sign == .plus)
      #expect(y.d == 0 && y.other == 0)
      #expect(derivative(at: Float(x)) { abs($0) } == 0)
    }
    #expect(derivative(at: -0.5) { abs($0) } == -1)
    #expect(derivative(at: 1e-300) { abs($0) } == 1)
  }

  @Test("sqrt at 0: +∞ when seeded, 0 when constant")
  func sqrtAtZero() {
    let y = lanes(0.0) { sqrt($0) }
    #expect(y.value == 0 && y.d == .infinity && y.other == 0)
    #expect(sqrt(Dual<Double>(0)).partials == 0)
  }

  /// The example: NaN safety lane by lane at every width.
  @Test("gradient of sqrt(x0² + x1²)·0 + x0 at the origin is [1, 0]")
  func nanSafetyExample() throws {
    func f<T: ADReal>(_ x: [T]) -> T { T.sqrt(x[0] * x[0] + x[1] * x[1]) * 0 + x[0] }
    let origin = [0.0, 0.0]
    #expect(gradient(at: origin) { f($0) } == [1, 0])
    #expect(gradient(at: origin, chunk: SIMD2<Double>.self, of: f) == [1, 0])
    #expect(gradient(at: origin, chunk: SIMD4<Double>.self, of: f) == [1, 0])
    #expect(gradient(at: origin, chunk: SIMD8<Double>.self, of: f) == [1, 0])
    #expect(gradient(at: origin, chunk: SIMD16<Double>.self, of: f) == [1, 0])
    #expect(gradient(at: [Float(0), 0], chunk: SIMD4<Float>.self, of: f) == [1, 0])
    // One tangent, input by input.
    let one = try (0..<2).map { i in
      try directionalDerivative(at: origin, along: i == 0 ? [1, 0] : [0, 1]) { [f($0)] }[0]
    }
    #expect(one == [1, 0])
  }

  /// Nested duals multiply their tangents as IEEE arithmetic does
  /// (Dual+DualPartials.swift), so the same example differentiated twice
  /// meets ∞·0 in the inner value lane: the first derivative becomes NaN.
  /// The issue asks that a zero-partial lane never turn NaN; this test
  /// states that requirement for nested duals and fails until it holds.
  @Test("NaN safety survives nesting (second derivatives)")
  func nestedNaNSafety() {
    func f<T: ADReal>(_ x0: T, _ x1: T) -> T { T.sqrt(x0 * x0 + x1 * x1) * 0 + x0 }
    // x0 = 0 + ε₁ + ε₂, x1 = 0: f = x0, so f′ = 1 in both, f″ = 0.
    let x0 = Dual<Dual<Double>>(Dual(0, partials: 1), partials: Dual(1, partials: 0))
    let y = f(x0, Dual<Dual<Double>>(0))
    #expect(y.value.partials == 1, "∂/∂ε₁ of the nested NaN-safety example")
    #expect(y.partials.value == 1, "∂/∂ε₂ of the nested NaN-safety example")
    #expect(y.partials.partials == 0, "∂²/∂ε₁∂ε₂ of the nested example")
    // pow(x < 0, constant y): the masked ∂y is NaN inside the inner dual.
    let p = derivative(at: -2.0) { x in derivative(at: x) { t in pow(t, 3.0) } }
    #expect(p == -12, "second derivative of x^3.0 at −2 by nested duals")
  }

  @Test("log at 0 is −∞ with derivative +∞; below 0 value and derivative are NaN")
  func logDomainEdge() {
    let zero = lanes(0.0) { log($0) }
    #expect(zero.value == -.infinity && zero.d == .infinity && zero.other == 0)
    for x in [-1.0, -1e-300, -.infinity] {
      let y = lanes(x) { log($0) }
      #expect(y.value.isNaN && y.d.isNaN, "log(\(x))")
      #expect(y.other == 0, "an unseeded lane stays 0 even where log is NaN")
    }
    let constant = log(Dual<Double>(-1))
    #expect(constant.value.isNaN && constant.partials == 0)
  }

  @Test("pow(0, y): y > 0, y = 0 and y < 0, both arguments active")
  func powAtZero() throws {
    func both(_ y: Double) throws -> (value: Double, dx: Double, dy: Double) {
      let r = try pow(Dual<SIMD2<Double>>(0, seed: 0), Dual<SIMD2<Double>>(y, seed: 1))
      return (r.value, r.partials[0], r.partials[1])
    }
    // y > 0: 0ʸ = 0; ∂x = y·0^(y−1): 0 for y > 1, 1 at y = 1, +∞ below;
    // ∂y = 0 by the rule's convention (the limit from x > 0).
    #expect(try both(2) == (0, 0, 0))
    #expect(try both(1) == (0, 1, 0))
    #expect(try both(0.5) == (0, .infinity, 0))
    // y = 0: 0⁰ = 1 (C), ∂x = 0 (constant in x), ∂y = 0.
    #expect(try both(0) == (1, 0, 0))
    // y < 0: 0ʸ = +∞, ∂x = y·0^(y−1) = −∞, ∂y = 0.
    #expect(try both(-1) == (.infinity, -.infinity, 0))
  }

  @Test("pow(x < 0, y): a constant exponent masks the NaN ∂y")
  func powNegativeBase() throws {
    // (−2)³ = −8, ∂x = 3·(−2)² = 12; ∂y = x³·ln x is not real.
    let constant = try pow(Dual<SIMD2<Double>>(-2, seed: 0), Dual<SIMD2<Double>>(3))
    #expect(constant.value == -8 && constant.partials == SIMD2(12, 0))
    #expect(derivative(at: -2.0) { x in pow(x, 3.0) } == 12)
    #expect(derivative(at: Float(-2)) { x in pow(x, 3) } == 12)
    let active = try pow(Dual<SIMD2<Double>>(-2, seed: 0), Dual<SIMD2<Double>>(3, seed: 1))
    #expect(active.partials[0] == 12 && active.partials[1].isNaN)
    // A non-integer exponent: the value is NaN, so is the derivative.
    let nan = try pow(Dual<SIMD2<Double>>(-2, seed: 0), Dual<SIMD2<Double>>(2.5))
    #expect(nan.value.isNaN && nan.partials[0].isNaN && nan.partials[1] == 0)
  }

  @Test("max and min on ties pick the standard library's argument")
  func maxMinTies() {
    // Swift.max returns its second argument on a tie, Swift.min its first.
    #expect(gradient(at: [2.0, 2.0]) { max($0[0], $0[1]) } == [0, 1])
    #expect(gradient(at: [2.0, 2.0]) { min($0[0], $0[1]) } == [1, 0])
    #expect(gradient(at: [2.0, 3.0]) { max($0[0], $0[1]) } == [0, 1])
    #expect(gradient(at: [2.0, 3.0]) { min($0[0], $0[1]) } == [1, 0])
  }

  @Test("atan2 and hypot at the origin: derivatives 0")
  func originOfTwoVariables() throws {
    for (y, x) in [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0)] {
      let a = try atan2(Dual<SIMD2<Double>>(y, seed: 0), Dual<SIMD2<Double>>(x, seed: 1))
      #expect(a.value == atan2(y, x) && a.partials == .zero, "atan2(\(y), \(x))")
      let h = try hypot(Dual<SIMD2<Double>>(y, seed: 0), Dual<SIMD2<Double>>(x, seed: 1))
      #expect(h.value == 0 && h.partials == .zero, "hypot(\(y), \(x))")
    }
  }

  @Test("asin and acos at ±1: ±∞ derivative when seeded, 0 when constant")
  func inverseTrigAtEnds() {
    for x in [1.0, -1.0] {
      let s = lanes(x) { asin($0) }
      #expect(s.value == asin(x) && s.d == .infinity && s.other == 0)
      let c = lanes(x) { acos($0) }
      #expect(c.value == acos(x) && c.d == -.infinity && c.other == 0)
      #expect(asin(Dual<Double>(x, partials: 0)).partials == 0)
      #expect(acos(Dual<Double>(x, partials: 0)).partials == 0)
      // Just outside: NaN value, NaN derivative.
      let outside = lanes(x * 1.0000001) { asin($0) }
      #expect(outside.value.isNaN && outside.d.isNaN && outside.other == 0)
    }
  }

  @Test("Other domain edges: atanh(±1), acosh(1), log1p(−1), cbrt(0)")
  func otherDomainEdges() {
    #expect(lanes(1.0) { atanh($0) } == (.infinity, .infinity, 0))
    #expect(lanes(-1.0) { atanh($0) } == (-.infinity, .infinity, 0))
    #expect(lanes(1.0) { acosh($0) } == (0, .infinity, 0))
    #expect(lanes(-1.0) { log1p($0) } == (-.infinity, .infinity, 0))
    #expect(lanes(0.0) { cbrt($0) } == (0, .infinity, 0))
    #expect(lanes(0.0) { pow($0, -3) } == (.infinity, -.infinity, 0))
    #expect(lanes(0.0) { pow($0, 0) } == (1, 0, 0))
    #expect(lanes(0.0) { pow($0, 1) } == (0, 1, 0))
  }

  @Test("floor, ceil, rounded and sign: derivative 0, at jumps too")
  func piecewiseConstant() throws {
    for x in [-2.5, -1.0, -0.5, -0.0, 0.0, 0.5, 2.0, 3.75] {
      #expect(lanes(x) { floor($0) } == (x.rounded(.down), 0, 0))
      #expect(lanes(x) { ceil($0) } == (x.rounded(.up), 0, 0))
      #expect(lanes(x) { rounded($0) } == (x.rounded(), 0, 0))
      #expect(lanes(x) { sign($0) } == (x > 0 ? 1 : x < 0 ? -1 : x, 0, 0))
    }
    #expect(try sign(Dual<Double>(-0.0, seed: 0)).value.sign == .minus)
  }
}

@Suite("Edge cases: NaN and ±∞ inputs")
struct SpecialInputTests {
  static let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0]

  @Test(
    "Unary: the value is the C library's; NaN value → NaN derivative; other lanes stay 0",
    arguments: UnaryFunction.all)
  func unary(_ f: UnaryFunction) throws {
    for p in Self.specials {
      for (value, d, other) in [
        try {
          let y = try applyEpsilon(f, Dual<SIMD2<Double>>(p, seed: 0))
          return (y.value, y.partials[0], y.partials[1])
        }()
      ] {
        let context = "\(f.testDescription)(\(p))"
        #expect(isSameValue(value, Double.cLibrary(f, p)), "value of \(context): \(value)")
        if value.isNaN { #expect(d.isNaN, "derivative of \(context)") }
        #expect(other == 0, "unseeded lane of \(context): \(other)")
      }
      let y = try applyEpsilon(f, Dual<Float>(Float(p), seed: 0))
      #expect(isSameValue(y.value, Float.cLibrary(f, Float(p))))
      if y.value.isNaN { #expect(y.partials.isNaN) }
      // A constant never acquires a derivative, NaN or not.
      #expect(
        applyEpsilon(f, Dual<Double>(p, partials: 0)).partials == 0,
        "constant \(f.testDescription)(\(p))")
    }
  }

  @Test("Binary: values as C; NaN value → NaN partials", arguments: BinaryFunction.allCases)
  func binary(_ f: BinaryFunction) throws {
    let pairs = Self.specials.flatMap { a in [(a, 1.5), (1.5, a), (a, a)] }
    for (a, b) in pairs {
      let y = try applyEpsilon(f, Dual<SIMD4<Double>>(a, seed: 0), Dual<SIMD4<Double>>(b, seed: 1))
      let context = "\(f)(\(a), \(b))"
      #expect(isSameValue(y.value, Double.cLibrary(f, a, b)), "value of \(context): \(y.value)")
      if y.value.isNaN {
        #expect(y.partials[0].isNaN && y.partials[1].isNaN, "partials of \(context)")
      }
      #expect(y.partials[2] == 0 && y.partials[3] == 0, "unseeded lanes of \(context)")
    }
  }

  @Test("Arithmetic propagates NaN and ∞ in the value as IEEE does")
  func arithmetic() throws {
    let n = Dual<Double>(.nan, partials: 1)
    let i = Dual<Double>(.infinity, partials: 1)
    #expect((n + 1).value.isNaN && (n + 1).partials == 1)
    #expect((i - i).value.isNaN)
    #expect((i * 2).value == .infinity && (i * 2).partials == 2)
    #expect((1 / i).value == 0)
    #expect((Dual<Double>(1, partials: 1) / Dual<Double>(0)).value == .infinity)
    // A constant times ∞ keeps zero partials (NaN safety in ×).
    let c = try Dual<SIMD2<Double>>(0, seed: 0) * Dual<SIMD2<Double>>(.infinity, partials: .zero)
    #expect(c.value.isNaN)
    #expect(c.partials[1] == 0)
  }
}
