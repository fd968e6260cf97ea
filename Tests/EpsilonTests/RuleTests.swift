// Every rule of the shared table, checked through `Dual` against
// independently written calculus (ForwardDiff's DualTest, swift-numerics'
// elementary-function checks): values equal to the C library's, first
// derivatives to hand-written f′, second derivatives (nested duals) to
// hand-written f″, in Double and in Float.
//
// The references below are written from calculus, not from
// Sources/Epsilon/Rules: where the library computes f′ from the value
// (tanh′ = 1 − tanh²), the reference uses a different form (sech²).

import Epsilon
import Testing

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// MARK: - The functions under test

/// Every unary elementary function Epsilon offers.
enum UnaryFunction: Hashable, Sendable, CustomTestStringConvertible {
  case exp, exp2, expm1, log, log2, log10, log1p, sqrt, cbrt
  case sin, cos, tan, asin, acos, atan
  case sinh, cosh, tanh, asinh, acosh, atanh
  case erf, erfc, abs, floor, ceil, rounded, sign
  /// pow(x, n) for a whole number n.
  case powInt(Int)

  static let all: [UnaryFunction] = [
    .exp, .exp2, .expm1, .log, .log2, .log10, .log1p, .sqrt, .cbrt,
    .sin, .cos, .tan, .asin, .acos, .atan,
    .sinh, .cosh, .tanh, .asinh, .acosh, .atanh,
    .erf, .erfc, .abs, .floor, .ceil, .rounded, .sign,
    .powInt(0), .powInt(1), .powInt(2), .powInt(3), .powInt(-1), .powInt(-3),
  ]

  var testDescription: String {
    if case .powInt(let n) = self { return "pow(x, \(n))" }
    return "\(self)"
  }

  /// Points inside the domain, dyadic so that Float and Double see the same
  /// point, away from kinks (EdgeCaseTests covers those).
  var points: [Double] {
    switch self {
    case .exp, .exp2: return [-2.5, -0.5, 0.125, 1, 3.75]
    case .expm1: return [-1.5, -0.0078125, 0.25, 2]
    case .log, .log2, .log10: return [0.0625, 0.5, 1.5, 10, 1000]
    case .log1p: return [-0.75, -0.125, 0.5, 3]
    case .sqrt: return [0.0625, 0.5, 2, 100]
    case .cbrt: return [-8, -0.5, 0.125, 3, 27]
    case .sin, .cos, .tan: return [-2.5, -0.75, 0.5, 1.25, 3]
    case .asin, .acos: return [-0.875, -0.25, 0.5, 0.9375]
    case .atan: return [-4, -0.5, 0.25, 2]
    case .sinh, .cosh: return [-2, -0.25, 0.5, 3]
    // 1 − tanh² cancels for large |x|; EdgeCaseTests checks ±∞.
    case .tanh: return [-1.5, -0.25, 0.5, 1.25]
    case .asinh: return [-3, -0.5, 0.25, 10]
    case .acosh: return [1.125, 1.5, 3, 10]
    case .atanh: return [-0.875, -0.25, 0.5, 0.75]
    case .erf, .erfc: return [-2, -0.5, 0.25, 1.5]
    case .abs: return [-2.5, -0.125, 0.75, 3]
    case .floor, .ceil, .rounded, .sign: return [-2.5, -0.75, 0.25, 1.5, 3.75]
    case .powInt: return [-1.5, -0.5, 0.75, 2]
    }
  }
}

/// The function through the static elementary functions generic code calls.
func applyEpsilon<T: ADReal>(_ f: UnaryFunction, _ x: T) -> T {
  switch f {
  case .exp: return T.exp(x)
  case .exp2: return T.exp2(x)
  case .expm1: return T.expm1(x)
  case .log: return T.log(x)
  case .log2: return T.log2(x)
  case .log10: return T.log10(x)
  case .log1p: return T.log1p(x)
  case .sqrt: return T.sqrt(x)
  case .cbrt: return T.cbrt(x)
  case .sin: return T.sin(x)
  case .cos: return T.cos(x)
  case .tan: return T.tan(x)
  case .asin: return T.asin(x)
  case .acos: return T.acos(x)
  case .atan: return T.atan(x)
  case .sinh: return T.sinh(x)
  case .cosh: return T.cosh(x)
  case .tanh: return T.tanh(x)
  case .asinh: return T.asinh(x)
  case .acosh: return T.acosh(x)
  case .atanh: return T.atanh(x)
  case .erf: return T.erf(x)
  case .erfc: return T.erfc(x)
  case .abs: return abs(x)
  case .floor: return T.floor(x)
  case .ceil: return T.ceil(x)
  case .rounded: return T.rounded(x)
  case .sign: return T.sign(x)
  case .powInt(let n): return T.pow(x, n)
  }
}

/// A plain floating-point type with the C library's functions, so one
/// generic check runs for Double and Float (swift-numerics' style).
protocol RuleTestScalar: ADScalar {
  /// The C library's value (no C `sign`: the mathematical sign, keeping ±0
  /// and NaN, as the rule documents).
  static func cLibrary(_ f: UnaryFunction, _ x: Self) -> Self
}

extension Double: RuleTestScalar {
  static func cLibrary(_ f: UnaryFunction, _ x: Double) -> Double {
    switch f {
    case .exp: return exp(x)
    case .exp2: return exp2(x)
    case .expm1: return expm1(x)
    case .log: return log(x)
    case .log2: return log2(x)
    case .log10: return log10(x)
    case .log1p: return log1p(x)
    case .sqrt: return sqrt(x)
    case .cbrt: return cbrt(x)
    case .sin: return sin(x)
    case .cos: return cos(x)
    case .tan: return tan(x)
    case .asin: return asin(x)
    case .acos: return acos(x)
    case .atan: return atan(x)
    case .sinh: return sinh(x)
    case .cosh: return cosh(x)
    case .tanh: return tanh(x)
    case .asinh: return asinh(x)
    case .acosh: return acosh(x)
    case .atanh: return atanh(x)
    case .erf: return erf(x)
    case .erfc: return erfc(x)
    case .abs: return x.magnitude
    case .floor: return floor(x)
    case .ceil: return ceil(x)
    // C's round: halves away from zero (inside an extension of a
    // floating-point type, `round` names the mutating method).
    case .rounded: return x.rounded(.toNearestOrAwayFromZero)
    case .sign: return x > 0 ? 1 : x < 0 ? -1 : x
    case .powInt(let n): return pow(x, Double(n))
    }
  }
}

extension Float: RuleTestScalar {
  static func cLibrary(_ f: UnaryFunction, _ x: Float) -> Float {
    // sqrt, floor and ceil on Float are ambiguous between Glibc's generic
    // `<T: FloatingPoint>` overloads and Epsilon's `<T: ADReal>` ones, so
    // they are spelled as the IEEE operations C's sqrtf, floorf and ceilf are.
    switch f {
    case .exp: return exp(x)
    case .exp2: return exp2(x)
    case .expm1: return expm1(x)
    case .log: return log(x)
    case .log2: return log2(x)
    case .log10: return log10(x)
    case .log1p: return log1p(x)
    case .sqrt: return x.squareRoot()
    case .cbrt: return cbrt(x)
    case .sin: return sin(x)
    case .cos: return cos(x)
    case .tan: return tan(x)
    case .asin: return asin(x)
    case .acos: return acos(x)
    case .atan: return atan(x)
    case .sinh: return sinh(x)
    case .cosh: return cosh(x)
    case .tanh: return tanh(x)
    case .asinh: return asinh(x)
    case .acosh: return acosh(x)
    case .atanh: return atanh(x)
    case .erf: return erf(x)
    case .erfc: return erfc(x)
    case .abs: return x.magnitude
    case .floor: return x.rounded(.down)
    case .ceil: return x.rounded(.up)
    // C's round: halves away from zero (inside an extension of a
    // floating-point type, `round` names the mutating method).
    case .rounded: return x.rounded(.toNearestOrAwayFromZero)
    case .sign: return x > 0 ? 1 : x < 0 ? -1 : x
    case .powInt(let n): return pow(x, Float(n))
    }
  }
}

/// f′(x) and f″(x) from calculus, in Double (more precise than Float, so
/// a Float check measures only the library's error).
func referenceDerivatives(_ f: UnaryFunction, _ x: Double)
  -> (d1: Double, d2: Double)
{
  let twoOverRootPi = 2 / Double.pi.squareRoot()
  switch f {
  case .exp, .expm1:
    return (exp(x), exp(x))
  case .exp2:
    // 2ˣ = e^(x ln 2)
    let l = log(2.0)
    return (exp(x * l) * l, exp(x * l) * l * l)
  case .log: return (1 / x, -1 / (x * x))
  case .log2: return (1 / (x * log(2.0)), -1 / (x * x * log(2.0)))
  case .log10: return (1 / (x * log(10.0)), -1 / (x * x * log(10.0)))
  case .log1p: return (1 / (1 + x), -1 / ((1 + x) * (1 + x)))
  case .sqrt:
    // x^(1/2): ½x^(−1/2), −¼x^(−3/2)
    return (0.5 * pow(x, -0.5), -0.25 * pow(x, -1.5))
  case .cbrt:
    // x^(1/3): ⅓x^(−2/3), −(2/9)x^(−5/3), with the sign of x
    let a = Swift.abs(x)
    return (pow(a, -2.0 / 3) / 3, -(x < 0 ? -1 : 1) * 2 * pow(a, -5.0 / 3) / 9)
  case .sin: return (cos(x), -sin(x))
  case .cos: return (-sin(x), -cos(x))
  case .tan:
    // sec²x, 2 sec²x tan x
    let c = cos(x)
    return (1 / (c * c), 2 * sin(x) / (c * c * c))
  case .asin:
    return (1 / (1 - x * x).squareRoot(), x * pow(1 - x * x, -1.5))
  case .acos:
    return (-1 / (1 - x * x).squareRoot(), -x * pow(1 - x * x, -1.5))
  case .atan: return (1 / (1 + x * x), -2 * x / ((1 + x * x) * (1 + x * x)))
  case .sinh: return (cosh(x), sinh(x))
  case .cosh: return (sinh(x), cosh(x))
  case .tanh:
    // sech²x, −2 sech²x tanh x
    let c = cosh(x)
    return (1 / (c * c), -2 * sinh(x) / (c * c * c))
  case .asinh: return (pow(x * x + 1, -0.5), -x * pow(x * x + 1, -1.5))
  case .acosh: return (pow(x * x - 1, -0.5), -x * pow(x * x - 1, -1.5))
  case .atanh:
    return (1 / (1 - x * x), 2 * x / ((1 - x * x) * (1 - x * x)))
  case .erf:
    return (twoOverRootPi * exp(-x * x), -2 * x * twoOverRootPi * exp(-x * x))
  case .erfc:
    return (-twoOverRootPi * exp(-x * x), 2 * x * twoOverRootPi * exp(-x * x))
  case .abs: return (x > 0 ? 1 : -1, 0)
  case .floor, .ceil, .rounded, .sign: return (0, 0)
  case .powInt(let n):
    let m = Double(n)
    return (m * pow(x, m - 1), m * (m - 1) * pow(x, m - 2))
  }
}

extension RuleTestScalar {
  /// Value, f′ through one-tangent and SIMD duals, and f″ through nested
  /// duals, at every point of `f`.
  static func checkUnaryRule(_ f: UnaryFunction) throws {
    for p in f.points {
      let x = Self(p)
      let (d1, d2) = referenceDerivatives(f, p)
      let context = "\(f.testDescription) at \(x) in \(Self.self)"

      let y = try applyEpsilon(f, Dual<Self>(x, seed: 0))
      #expect(
        isSameValue(y.value, cLibrary(f, x)),
        "\(context): value \(y.value) ≠ C \(cLibrary(f, x))")
      expectClose(y.partials, Self(d1), .elementary, "f′ of \(context)")

      // Every lane runs the same scalar operations: bitwise the same.
      let lanes = try applyEpsilon(f, Dual<SIMD4<Self>>(x, seed: 2))
      #expect(lanes.value == y.value)
      #expect(
        lanes.partials == SIMD4(0, 0, y.partials, 0),
        "SIMD4 lanes of \(context): \(lanes.partials)")

      // x + ε₁ + ε₂ + 0·ε₁ε₂: the ε₁ε₂ part of f is f″(x).
      let nested = applyEpsilon(
        f, Dual<Dual<Self>>(Dual(x, partials: 1), partials: Dual(1, partials: 0)))
      #expect(isSameValue(nested.value.value, y.value))
      #expect(nested.value.partials == y.partials, "ε₁ of \(context)")
      #expect(nested.partials.value == y.partials, "ε₂ of \(context)")
      expectClose(
        nested.partials.partials, Self(d2), .secondOrder, "f″ of \(context)")
    }
  }
}

@Suite("Rules: every unary function against calculus")
struct UnaryRuleTests {
  @Test("Double", arguments: UnaryFunction.all)
  func double(_ f: UnaryFunction) throws { try Double.checkUnaryRule(f) }

  @Test("Float", arguments: UnaryFunction.all)
  func float(_ f: UnaryFunction) throws { try Float.checkUnaryRule(f) }

  @Test("The catalog points stay inside each domain")
  func pointsAreInsideTheDomain() {
    for f in UnaryFunction.all {
      for p in f.points {
        #expect(Double.cLibrary(f, p).isFinite, "\(f.testDescription)(\(p))")
        #expect(Float(p) == Float(exactly: p), "\(p) is exact in Float")
      }
    }
  }
}

// MARK: - Functions of two variables

/// pow(x, y), atan2(y, x), hypot(x, y) and the two remainders of x by y.
enum BinaryFunction: Sendable, CaseIterable, CustomTestStringConvertible {
  case pow, atan2, hypot, remainder, truncatingRemainder

  var testDescription: String { "\(self)" }

  var points: [(Double, Double)] {
    switch self {
    case .pow: return [(0.5, 2.5), (2, -1.5), (1.25, 0.75), (3, 2), (-2, 3)]
    case .atan2:
      return [(1, 2), (-0.5, 0.25), (2.5, -1.5), (-1, -3), (0.125, 4)]
    // Nested duals get ∂xx of hypot as 1/h − x²/h³, which cancels when
    // |x| ≫ |y| (condition (x² + y²)/y²): points keep |x| and |y| alike.
    case .hypot: return [(3, 4), (-0.5, 1.25), (2, -1.5), (-1, -1)]
    // 5.25 / −1.5 = −3.5 is a tie: the IEEE quotient is −4, the truncated −3.
    case .remainder, .truncatingRemainder:
      return [(7.5, 2), (5.25, -1.5), (-5.25, 1.5), (0.25, 3), (-7, 0.75)]
    }
  }

  /// ∂₁, ∂₂ and ∂₁₁, ∂₁₂, ∂₂₂ with respect to the first and second
  /// argument (for atan2, the first is y), from calculus.
  func reference(_ a: Double, _ b: Double) -> (
    d1: Double, d2: Double, d11: Double, d12: Double, d22: Double
  ) {
    switch self {
    case .pow:
      // xʸ = e^(y ln x) for x > 0; for x < 0 (integer y) ∂y is not real.
      let (x, y) = (a, b)
      let f = libcPow(x, y)
      let l = x > 0 ? log(x) : .nan
      return (
        y * libcPow(x, y - 1), f * l, y * (y - 1) * libcPow(x, y - 2),
        libcPow(x, y - 1) + y * libcPow(x, y - 1) * l, f * l * l
      )
    case .atan2:
      // d atan(y/x) = (x dy − y dx)/(x² + y²)
      let (y, x) = (a, b)
      let r2 = x * x + y * y
      return (
        x / r2, -y / r2, -2 * x * y / (r2 * r2), (y * y - x * x) / (r2 * r2),
        2 * x * y / (r2 * r2)
      )
    case .hypot:
      let (x, y) = (a, b)
      let h = (x * x + y * y).squareRoot()
      let h3 = h * h * h
      return (x / h, y / h, y * y / h3, -x * y / h3, x * x / h3)
    case .remainder:
      // x − q·y with q = x/y rounded to the nearest, ties to even.
      return (1, -(a / b).rounded(.toNearestOrEven), 0, 0, 0)
    case .truncatingRemainder:
      return (1, -(a / b).rounded(.towardZero), 0, 0, 0)
    }
  }
}

// Named so that the reference above cannot pick up Epsilon's generic pow.
private func libcPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

func applyEpsilon<T: ADReal>(_ f: BinaryFunction, _ a: T, _ b: T) -> T {
  switch f {
  case .pow: return T.pow(a, b)
  case .atan2: return T.atan2(a, b)
  case .hypot: return T.hypot(a, b)
  case .remainder: return a.remainder(dividingBy: b)
  case .truncatingRemainder: return a.truncatingRemainder(dividingBy: b)
  }
}

/// The C library's function of two plain numbers. Outside the extension
/// below, where `pow` would name the protocol's static member instead.
private func cLibraryDouble(_ f: BinaryFunction, _ a: Double, _ b: Double) -> Double {
  switch f {
  case .pow: return pow(a, b)
  case .atan2: return atan2(a, b)
  case .hypot: return hypot(a, b)
  case .remainder: return remainder(a, b)
  case .truncatingRemainder: return fmod(a, b)
  }
}

/// As `cLibraryDouble`, in `Float`.
private func cLibraryFloat(_ f: BinaryFunction, _ a: Float, _ b: Float) -> Float {
  switch f {
  case .pow: return pow(a, b)
  case .atan2: return atan2(a, b)
  case .hypot: return hypot(a, b)
  case .remainder: return remainder(a, b)
  case .truncatingRemainder: return fmod(a, b)
  }
}

extension RuleTestScalar {
  static func cLibrary(_ f: BinaryFunction, _ a: Self, _ b: Self) -> Self {
    switch (a, b) {
    case (let x as Double, let y as Double): return cLibraryDouble(f, x, y) as! Self
    case (let x as Float, let y as Float): return cLibraryFloat(f, x, y) as! Self
    default: return .nan
    }
  }

  static func checkBinaryRule(_ f: BinaryFunction) throws {
    for (p, q) in f.points {
      let (a, b) = (Self(p), Self(q))
      let r = f.reference(p, q)
      let context = "\(f)(\(a), \(b)) in \(Self.self)"

      let y = try applyEpsilon(
        f, Dual<SIMD2<Self>>(a, seed: 0), Dual<SIMD2<Self>>(b, seed: 1))
      #expect(isSameValue(y.value, cLibrary(f, a, b)), "value of \(context)")
      expectClose(y.partials[0], Self(r.d1), .elementary, "∂₁ of \(context)")
      if r.d2.isNaN {
        #expect(y.partials[1].isNaN, "∂₂ of \(context) is NaN by convention")
      } else {
        expectClose(y.partials[1], Self(r.d2), .elementary, "∂₂ of \(context)")
      }

      // One-tangent duals, argument by argument, give the same lanes.
      let dx = try applyEpsilon(f, Dual<Self>(a, seed: 0), Dual<Self>(b))
      let dy = try applyEpsilon(f, Dual<Self>(a), Dual<Self>(b, seed: 0))
      #expect(dx.partials == y.partials[0])
      #expect(isSameValue(dy.partials, y.partials[1]))

      // pow(x < 0, y): ∂y is NaN; nested duals do not mask it (see
      // EdgeCaseTests.nestedNaNSafety), so second order is checked for x > 0.
      if f == .pow && p < 0 { continue }
      // Nested duals along directions u (inner) and v (outer): uᵀHv.
      func second(_ u: (Self, Self), _ v: (Self, Self)) -> Self {
        let x1 = Dual<Dual<Self>>(Dual(a, partials: u.0), partials: Dual(v.0))
        let x2 = Dual<Dual<Self>>(Dual(b, partials: u.1), partials: Dual(v.1))
        return applyEpsilon(f, x1, x2).partials.partials
      }
      expectClose(second((1, 0), (1, 0)), Self(r.d11), .secondOrder, "∂₁₁ of \(context)")
      if !r.d12.isNaN {
        expectClose(second((1, 0), (0, 1)), Self(r.d12), .secondOrder, "∂₁₂ of \(context)")
        expectClose(second((0, 1), (1, 0)), Self(r.d12), .secondOrder, "∂₂₁ of \(context)")
        expectClose(second((0, 1), (0, 1)), Self(r.d22), .secondOrder, "∂₂₂ of \(context)")
      }
    }
  }
}

@Suite("Rules: pow, atan2 and hypot against calculus")
struct BinaryRuleTests {
  @Test("Double", arguments: BinaryFunction.allCases)
  func double(_ f: BinaryFunction) throws { try Double.checkBinaryRule(f) }

  @Test("Float", arguments: BinaryFunction.allCases)
  func float(_ f: BinaryFunction) throws { try Float.checkBinaryRule(f) }

  /// Mixed magnitudes: the partials of atan2 scale like 1/r, which stays
  /// representable long after r² under- or overflows (Float: r = 1e-30,
  /// r² = 1e-60; Double: r = 1e-170). The rule divides by r² = x² + y²,
  /// so at these scales it returns 0 instead of ±4e29 (Float) — a defect
  /// this test reports.
  @Test("atan2 partials where r² under- or overflows")
  func atan2Scaled() throws {
    try Double.checkAtan2Scaled([1e-10, 1e10, 1e-170, 1e170])
    try Float.checkAtan2Scaled([1e-10, 1e10, 1e-30, 1e30])
  }
}

extension RuleTestScalar {
  static func checkAtan2Scaled(_ scales: [Double]) throws {
    for scale in scales {
      for (p, q) in [(1.0, 2.0), (-3.0, 0.5)] {
        let (y, x) = (Self(p * scale), Self(q * scale))
        let r = BinaryFunction.atan2.reference(p, q)
        // ∂ scales as 1/scale: the unit-scale partials divided by it.
        typealias D = Dual<SIMD2<Self>>
        let d = try D.atan2(D(y, seed: 0), D(x, seed: 1))
        let context = "atan2(\(y), \(x)) in \(Self.self)"
        expectClose(
          d.value, Self(cLibraryDouble(.atan2, p, q)), .elementary, "value of \(context)")
        expectClose(d.partials[0], Self(r.d1 / scale), .elementary, "∂y of \(context)")
        expectClose(d.partials[1], Self(r.d2 / scale), .elementary, "∂x of \(context)")
      }
    }
  }
}

// MARK: - Identities

/// Identities on values and partials with inputs of mixed magnitude (Ceres'
/// jet_test): three inputs, each its own SIMD lane.
extension RuleTestScalar {
  static func checkIdentities() throws {
    let inputs: [Self] = [2.3, -2.7, 1e-3]
    typealias D = Dual<SIMD4<Self>>
    let x = try inputs.indices.map { try D(inputs[$0], seed: $0) }
    let mixed = x[0] * x[1] + x[2]
    for v in x + [mixed] {
      let context = "at \(v) in \(Self.self)"
      // sin² + cos² = 1: value 1, every partial 0 (up to rounding of
      // 2 sin cos·v′ twice, at the scale of v′).
      typealias D = Dual<SIMD4<Self>>
      let one = D.sin(v) * D.sin(v) + D.cos(v) * D.cos(v)
      expectClose(one.value, 1, .identity, "sin² + cos² \(context)")
      let scale = (0..<4).map { v.partials[$0].magnitude }.max()!
      for lane in 0..<4 {
        expectClose(
          one.partials[lane], 0, .ulps(512, floor: Swift.max(scale, 1)),
          "∂(sin² + cos²) lane \(lane) \(context)")
      }
      // log(exp v) = v, value and partials.
      let back = D.log(D.exp(v))
      expectClose(back.value, v.value, .identity, "log(exp) \(context)")
      for lane in 0..<4 {
        expectClose(
          back.partials[lane], v.partials[lane], .identity,
          "∂log(exp) lane \(lane) \(context)")
      }
    }
    // (x·y)/x = y. Rounding of x·y is amplified by |y/x| in the partial
    // along x (it is (y − (xy)/x)/x), hence that absolute floor.
    for (i, j) in [(0, 1), (1, 2), (2, 0), (2, 1)] {
      let (a, b) = (x[i], x[j])
      let q = (a * b) / a
      let context = "(x\(i)·x\(j))/x\(i) in \(Self.self)"
      expectClose(q.value, b.value, .identity, context)
      let amplification = Swift.max(1, (b.value / a.value).magnitude)
      for lane in 0..<4 {
        expectClose(
          q.partials[lane], b.partials[lane],
          .ulps(512, floor: amplification), "lane \(lane) of \(context)")
      }
    }
  }
}

@Suite("Rules: identities on values and partials")
struct IdentityTests {
  @Test func double() throws { try Double.checkIdentities() }
  @Test func float() throws { try Float.checkIdentities() }
}

// MARK: - The table's own second derivatives

extension UnaryFunction {
  /// The rule behind the function, for checking the table's f″ directly
  /// (first-order duals never call it; second-order types will).
  var rule: any UnaryRule {
    switch self {
    case .exp: return Rules.Exp()
    case .exp2: return Rules.Exp2()
    case .expm1: return Rules.Expm1()
    case .log: return Rules.Log()
    case .log2: return Rules.Log2()
    case .log10: return Rules.Log10()
    case .log1p: return Rules.Log1p()
    case .sqrt: return Rules.Sqrt()
    case .cbrt: return Rules.Cbrt()
    case .sin: return Rules.Sin()
    case .cos: return Rules.Cos()
    case .tan: return Rules.Tan()
    case .asin: return Rules.Asin()
    case .acos: return Rules.Acos()
    case .atan: return Rules.Atan()
    case .sinh: return Rules.Sinh()
    case .cosh: return Rules.Cosh()
    case .tanh: return Rules.Tanh()
    case .asinh: return Rules.Asinh()
    case .acosh: return Rules.Acosh()
    case .atanh: return Rules.Atanh()
    case .erf: return Rules.Erf()
    case .erfc: return Rules.Erfc()
    case .abs: return Rules.Abs()
    case .floor: return Rules.Floor()
    case .ceil: return Rules.Ceil()
    case .rounded: return Rules.Rounded()
    case .sign: return Rules.Sign()
    case .powInt(let n): return Rules.PowInt(n)
    }
  }
}

extension BinaryFunction {
  var rule: any BinaryRule {
    switch self {
    case .pow: return Rules.Pow()
    case .atan2: return Rules.Atan2()
    case .hypot: return Rules.Hypot()
    case .remainder: return Rules.Remainder()
    case .truncatingRemainder: return Rules.Remainder(truncating: true)
    }
  }
}

@Suite("Rules: the table's f′ and f″ called directly")
struct RuleTableTests {
  @Test("UnaryRule.secondDerivative", arguments: UnaryFunction.all)
  func unary(_ f: UnaryFunction) {
    for p in f.points {
      let y = f.rule.value(p)
      let d1 = f.rule.derivative(at: p, value: y)
      let d2 = f.rule.secondDerivative(at: p, value: y, derivative: d1)
      let reference = referenceDerivatives(f, p)
      expectClose(d1, reference.d1, .elementary, "f′ of \(f.testDescription) at \(p)")
      expectClose(d2, reference.d2, .elementary, "f″ of \(f.testDescription) at \(p)")
      // The Float value is the C library's Float function, not a rounded
      // Double (that would differ in the last place now and then).
      #expect(isSameValue(f.rule.value(Float(p)), Float.cLibrary(f, Float(p))))
    }
  }

  @Test("BinaryRule.secondPartials", arguments: BinaryFunction.allCases)
  func binary(_ f: BinaryFunction) {
    for (a, b) in f.points {
      let value = f.rule.value(a, b)
      let first = f.rule.partials(at: a, b, value: value)
      let second = f.rule.secondPartials(at: a, b, value: value, partials: first)
      let r = f.reference(a, b)
      let context = "\(f)(\(a), \(b))"
      expectClose(first.first, r.d1, .elementary, "∂₁ of \(context)")
      expectClose(first.second, r.d2, .elementary, "∂₂ of \(context)")
      expectClose(second.firstFirst, r.d11, .elementary, "∂₁₁ of \(context)")
      // pow's ∂xy = x^(y−1)(1 + y ln x) cancels where y ln x ≈ −1 (at
      // (2, −1.5) it is −0.04): both sides lose κ = (1 + |y ln x|)/|1 + y ln x|.
      let kappa = f == .pow ? (1 + Swift.abs(b * log(a))) / Swift.abs(1 + b * log(a)) : 1
      expectClose(second.firstSecond, r.d12, .ulps(16 * kappa), "∂₁₂ of \(context)")
      expectClose(second.secondSecond, r.d22, .elementary, "∂₂₂ of \(context)")
    }
  }
}

// MARK: - Accuracy where a derivative is computed from the value

/// Near a domain edge or in a tail, a derivative written in terms of the
/// value or of 1 − x² cancels: tanh′ = 1 − tanh²x is exactly 0 once tanh
/// rounds to 1 (|x| > 19.1 in Double, 9.01 in Float) though sech²x is
/// still ~1e-17 (1e-8); expm1′ = expm1(x) + 1 is 0 below x ≈ −37.4 (−17.3)
/// though eˣ is not; 1 − x·x loses the low bits of (1 − x)(1 + x) near
/// |x| = 1 (asin, acos, atanh; x·x − 1 for acosh). The references use the
/// cancellation-free forms. The bound, 1024 ulp, is loose on purpose: the
/// current rules miss by ~10⁶ ulp (the 1 − x² forms) or 100% (the tails).
@Suite("Rules: accuracy in tails and near domain edges")
struct RuleAccuracyTests {
  static let nearOne: Double = 1 - 0x1p-30
  static let doubleCases: [(UnaryFunction, Double)] = [
    (.asin, nearOne), (.asin, -nearOne), (.acos, nearOne), (.atanh, nearOne),
    (.acosh, 1 + 0x1p-30), (.tanh, 10), (.tanh, -20), (.expm1, -40),
  ]
  static let floatCases: [(UnaryFunction, Double)] = [
    (.asin, 1 - 0x1p-12), (.atanh, -1 + 0x1p-12), (.acosh, 1 + 0x1p-12),
    (.tanh, 10), (.expm1, -20),
  ]

  @Test("Double", arguments: doubleCases)
  func double(_ f: UnaryFunction, _ x: Double) {
    let d = applyEpsilon(f, Dual<Double>(x, partials: 1)).partials
    expectClose(d, Self.accurateDerivative(f, x), .ulps(1024), "\(f.testDescription)′(\(x))")
  }

  @Test("Float", arguments: floatCases)
  func float(_ f: UnaryFunction, _ x: Double) {
    let d = applyEpsilon(f, Dual<Float>(Float(x), partials: 1)).partials
    expectClose(
      d, Float(Self.accurateDerivative(f, x)), .ulps(1024), "\(f.testDescription)′(\(x))")
  }

  static func accurateDerivative(_ f: UnaryFunction, _ x: Double) -> Double {
    // (1 − x) and (1 + x) are exact here (Sterbenz), so is x − 1.
    switch f {
    case .asin: return 1 / ((1 - x) * (1 + x)).squareRoot()
    case .acos: return -1 / ((1 - x) * (1 + x)).squareRoot()
    case .atanh: return 1 / ((1 - x) * (1 + x))
    case .acosh: return 1 / ((x - 1) * (x + 1)).squareRoot()
    case .tanh: return 1 / (cosh(x) * cosh(x))
    case .expm1: return exp(x)
    default: return .nan
    }
  }
}

/// sin and cos take their value and derivative from one `sincos` on plain
/// numbers; these check that it gives the C library's `sin` and `cos` bit
/// for bit, including large arguments (argument reduction), signed zeros,
/// subnormals and non-finite inputs, and that both derivative paths (the
/// first-order one and the generic one nested types take) agree.
@Suite("Rules: sin and cos from one evaluation")
struct SinCosTests {
  /// Points from a fixed sequence over many magnitudes, plus special values.
  static func points() -> [Double] {
    var rng = SplitMix64(seed: 0x5EED_51C0)
    var xs: [Double] = [
      0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, 1e-300, .pi, -.pi / 2,
      1e22, -1e300, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
    ]
    for _ in 0..<4000 {
      let exponent = Double(rng.next() % 80) - 40
      let sign: Double = rng.next() % 2 == 0 ? 1 : -1
      xs.append(sign * Double(rng.next() >> 11) * 0x1p-53 * pow(2, exponent))
    }
    return xs
  }

  /// The same bits, or both NaN.
  static func same<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
    a == b && a.sign == b.sign || (a.isNaN && b.isNaN)
  }
  /// A derivative of zero is +0 whatever the sign of the factor (NaN safety
  /// scales by a zero factor to +0), so zeros of either sign agree.
  static func sameDerivative<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
    a == b && (a != 0 || a.sign == .plus) || (a.isNaN && b.isNaN)
  }

  /// Epsilon's sin and cos on `Dual<T>` against the C library's at every
  /// point: values bit for bit, derivatives bit for bit up to zero's sign.
  static func checkAgainstCLibrary<T: ADScalar>(
    _ points: [T], sin cSin: (T) -> T, cos cCos: (T) -> T
  ) {
    for x in points {
      let s = Dual<T>.sin(Dual<T>(x, partials: 1))
      let c = Dual<T>.cos(Dual<T>(x, partials: 1))
      #expect(same(s.value, cSin(x)) && sameDerivative(s.partials, cCos(x)), "sin at \(x)")
      #expect(same(c.value, cCos(x)) && sameDerivative(c.partials, -cSin(x)), "cos at \(x)")
    }
  }

  @Test("Double: value and f′ are the C library's sin and cos, bit for bit")
  func double() {
    Self.checkAgainstCLibrary(Self.points(), sin: { sin($0) }, cos: { cos($0) })
  }

  @Test("Float: value and f′ are the C library's sinf and cosf, bit for bit")
  func float() {
    Self.checkAgainstCLibrary(Self.points().map(Float.init), sin: { sin($0) }, cos: { cos($0) })
  }

  @Test("The rules' valueAndDerivative equals value and derivative(at:value:)")
  func ruleAgreesWithItsParts() {
    for x in Self.points() {
      for rule in [Rules.Sin() as any UnaryRule, Rules.Cos(), Rules.Exp(), Rules.Tanh()] {
        let (y, dy) = rule.valueAndDerivative(x)
        let y0 = rule.value(x)
        #expect(Self.same(y, y0), "\(rule) at \(x)")
        #expect(Self.same(dy, rule.derivative(at: x, value: y0)), "\(rule)′ at \(x)")
      }
    }
  }

  @Test("Nested duals (the generic derivative path) give the same f and f′")
  func nested() {
    for x in Self.points().prefix(500) where x.isFinite {
      let inner = Dual<Dual<Double>>(Dual(x, partials: 1), partials: 0)
      let s = Epsilon.sin(inner).value
      let c = Epsilon.cos(inner).value
      #expect(Self.same(s.value, sin(x)) && Self.sameDerivative(s.partials, cos(x)), "sin at \(x)")
      #expect(Self.same(c.value, cos(x)) && Self.sameDerivative(c.partials, -sin(x)), "cos at \(x)")
    }
  }
}
