import Epsilon
import Foundation
import Testing

// Every rule's second derivative, through HyperDual's ε₁ε₂ part and through
// SecondOrderDual's Hessian, against f″ written out independently here
// (standard calculus tables, not Rules/UnaryRules.swift).

/// Double: the rules and these references are algebraically equal formulas
/// evaluated in different orders; a few ulps of rounding, amplified at most
/// ~100× near the domain edges sampled, stays far below 1e-12.
private let doubleTolerance = 1e-12
/// Float: the number types compute in Float (u ≈ 6e-8) against a Double
/// reference; near the sampled domain edges (asin at 0.9, acosh at 1.2) the
/// conditioning is ~100, so 1e-4 relative leaves margin yet fails any wrong
/// formula.
private let floatTolerance = 1e-4

/// |actual − expected| ≤ tolerance · max(1, |expected|).
private func isClose(
  _ actual: Double, _ expected: Double, tolerance: Double
) -> Bool {
  if expected.isNaN { return actual.isNaN }
  return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

// MARK: - Unary functions and their independent references

enum SecondOrderUnaryCase: String, CaseIterable, CustomTestStringConvertible {
  case exp, exp2, expm1, log, log2, log10, log1p, sqrt, cbrt
  case pow0, pow1, pow3, powMinus2
  case sin, cos, tan, asin, acos, atan
  case sinh, cosh, tanh, asinh, acosh, atanh
  case erf, erfc, abs, sign, floor, ceil, rounded

  var testDescription: String { rawValue }

  /// The same function in the rule tests' list, whose `applyEpsilon`
  /// calls it through the static elementary functions.
  var function: UnaryFunction {
    switch self {
    case .pow0: return .powInt(0)
    case .pow1: return .powInt(1)
    case .pow3: return .powInt(3)
    case .powMinus2: return .powInt(-2)
    default:
      guard let f = UnaryFunction.all.first(where: { "\($0)" == rawValue }) else {
        fatalError("no rule-test function named \(rawValue)")
      }
      return f
    }
  }

  /// The function on any number type, through the static elementary functions.
  func apply<T: ADReal>(_ x: T) -> T { applyEpsilon(function, x) }

  /// Points inside the domain, away from kinks and jumps.
  var points: [Double] {
    switch self {
    case .log, .log2, .log10: return [0.3, 1.7, 4.2]
    case .log1p: return [-0.6, 0.4, 3.0]
    case .sqrt: return [0.25, 2.0, 9.5]
    case .asin, .acos, .atanh: return [-0.8, -0.2, 0.5, 0.9]
    case .acosh: return [1.2, 2.5, 7.0]
    case .tan: return [-1.2, 0.3, 1.0]
    case .powMinus2: return [-1.5, 0.6, 2.2]
    default: return [-1.3, -0.4, 0.7, 2.6]
    }
  }

  /// (f′(x), f″(x)), from the textbook formulas.
  func reference(_ x: Double) -> (d1: Double, d2: Double) {
    let ln2 = Foundation.log(2.0)
    let ln10 = Foundation.log(10.0)
    let twoOverRootPi = 2 / Double.pi.squareRoot()
    switch self {
    case .exp, .expm1:
      return (Foundation.exp(x), Foundation.exp(x))
    case .exp2:
      let p = Foundation.pow(2, x)
      return (p * ln2, p * ln2 * ln2)
    case .log: return (1 / x, -1 / (x * x))
    case .log2: return (1 / (x * ln2), -1 / (x * x * ln2))
    case .log10: return (1 / (x * ln10), -1 / (x * x * ln10))
    case .log1p: return (1 / (1 + x), -1 / ((1 + x) * (1 + x)))
    case .sqrt:
      return (0.5 * Foundation.pow(x, -0.5), -0.25 * Foundation.pow(x, -1.5))
    case .cbrt:
      let c = Foundation.cbrt(x)
      return (1 / (3 * c * c), -2 / (9 * x * c * c))
    case .pow0: return (0, 0)
    case .pow1: return (1, 0)
    case .pow3: return (3 * x * x, 6 * x)
    case .powMinus2:
      return (-2 / (x * x * x), 6 / (x * x * x * x))
    case .sin: return (Foundation.cos(x), -Foundation.sin(x))
    case .cos: return (-Foundation.sin(x), -Foundation.cos(x))
    case .tan:
      let c = Foundation.cos(x)
      return (1 / (c * c), 2 * Foundation.sin(x) / (c * c * c))
    case .asin:
      let s = 1 - x * x
      return (1 / s.squareRoot(), x / Foundation.pow(s, 1.5))
    case .acos:
      let s = 1 - x * x
      return (-1 / s.squareRoot(), -x / Foundation.pow(s, 1.5))
    case .atan:
      let s = 1 + x * x
      return (1 / s, -2 * x / (s * s))
    case .sinh: return (Foundation.cosh(x), Foundation.sinh(x))
    case .cosh: return (Foundation.sinh(x), Foundation.cosh(x))
    case .tanh:
      let c = Foundation.cosh(x)
      return (1 / (c * c), -2 * Foundation.sinh(x) / (c * c * c))
    case .asinh:
      let s = x * x + 1
      return (1 / s.squareRoot(), -x / Foundation.pow(s, 1.5))
    case .acosh:
      let s = x * x - 1
      return (1 / s.squareRoot(), -x / Foundation.pow(s, 1.5))
    case .atanh:
      let s = 1 - x * x
      return (1 / s, 2 * x / (s * s))
    case .erf:
      let g = twoOverRootPi * Foundation.exp(-x * x)
      return (g, -2 * x * g)
    case .erfc:
      let g = twoOverRootPi * Foundation.exp(-x * x)
      return (-g, 2 * x * g)
    case .abs: return (x > 0 ? 1 : -1, 0)
    case .sign, .floor, .ceil, .rounded: return (0, 0)
    }
  }
}

// MARK: - Binary functions

enum SecondOrderBinaryCase: String, CaseIterable, CustomTestStringConvertible {
  case pow, atan2, hypot

  var testDescription: String { rawValue }

  func apply<T: ADReal>(_ x: T, _ y: T) -> T {
    switch self {
    case .pow: return T.pow(x, y)
    case .atan2: return T.atan2(x, y)
    case .hypot: return T.hypot(x, y)
    }
  }

  var points: [(Double, Double)] {
    switch self {
    case .pow: return [(1.5, 2.3), (0.7, -1.2), (3.0, 0.5)]
    case .atan2, .hypot: return [(1.5, 2.3), (-0.7, 1.2), (0.4, -3.0)]
    }
  }

  /// (∂x, ∂y, ∂xx, ∂xy, ∂yy) at (x, y), from the textbook formulas; for
  /// atan2 the first argument is the ordinate, as in C.
  func reference(_ x: Double, _ y: Double)
    -> (dx: Double, dy: Double, xx: Double, xy: Double, yy: Double)
  {
    switch self {
    case .pow:
      let f = Foundation.pow(x, y)
      let l = Foundation.log(x)
      return (
        y * Foundation.pow(x, y - 1), f * l,
        y * (y - 1) * Foundation.pow(x, y - 2),
        Foundation.pow(x, y - 1) * (1 + y * l), f * l * l
      )
    case .atan2:
      // θ = atan2(x, y): x is the ordinate, y the abscissa.
      let r2 = x * x + y * y
      let r4 = r2 * r2
      return (
        y / r2, -x / r2, -2 * x * y / r4, (x * x - y * y) / r4,
        2 * x * y / r4
      )
    case .hypot:
      let h = (x * x + y * y).squareRoot()
      let h3 = h * h * h
      return (x / h, y / h, y * y / h3, -x * y / h3, x * x / h3)
    }
  }
}

// MARK: - Checks, written once for Double and Float

/// f′ and f″ of a unary function at x via HyperDual and SecondOrderDual.
private func unaryDerivatives<T>(
  _ function: SecondOrderUnaryCase, at x: T
) -> (hyper: (T, T), secondOrder: (T, T))
where
  T: ADScalar & HyperDualPartials,
  T.Epsilon1 == T, T.Epsilon2 == T, T.Epsilon12 == T
{
  let h = function.apply(
    HyperDual<T>(
      x, epsilon1: .unitPartials(0),
      epsilon2: .unitPartials(0)))
  let s = function.apply(SecondOrderDual<T>(x, gradient: .unitPartials(0)))
  return (
    (h.epsilon1.partial(0), h.epsilon12.partial(0)),
    (s.gradient.partial(0), s.hessian.partial(0))
  )
}

@Suite("HyperDual and SecondOrderDual: every rule's second derivative")
struct HyperDualRuleTests {
  @Test(arguments: SecondOrderUnaryCase.allCases)
  func unaryDouble(_ function: SecondOrderUnaryCase) {
    for x in function.points {
      let (d1, d2) = function.reference(x)
      let (hyper, second) = unaryDerivatives(function, at: x)
      #expect(isClose(hyper.0, d1, tolerance: doubleTolerance), "\(x)")
      #expect(isClose(hyper.1, d2, tolerance: doubleTolerance), "\(x)")
      #expect(isClose(second.0, d1, tolerance: doubleTolerance), "\(x)")
      #expect(isClose(second.1, d2, tolerance: doubleTolerance), "\(x)")
    }
  }

  @Test(arguments: SecondOrderUnaryCase.allCases)
  func unaryFloat(_ function: SecondOrderUnaryCase) {
    for point in function.points {
      let x = Float(point)
      let (d1, d2) = function.reference(Double(x))
      let (hyper, second) = unaryDerivatives(function, at: x)
      #expect(isClose(Double(hyper.0), d1, tolerance: floatTolerance), "\(x)")
      #expect(isClose(Double(hyper.1), d2, tolerance: floatTolerance), "\(x)")
      #expect(isClose(Double(second.0), d1, tolerance: floatTolerance), "\(x)")
      #expect(isClose(Double(second.1), d2, tolerance: floatTolerance), "\(x)")
    }
  }

  @Test(arguments: SecondOrderBinaryCase.allCases)
  func binaryDouble(_ function: SecondOrderBinaryCase) {
    for (x, y) in function.points {
      let r = function.reference(x, y)
      checkBinary(function, x, y, r, tolerance: doubleTolerance)
    }
  }

  @Test(arguments: SecondOrderBinaryCase.allCases)
  func binaryFloat(_ function: SecondOrderBinaryCase) {
    for (px, py) in function.points {
      let (x, y) = (Float(px), Float(py))
      let r = function.reference(Double(x), Double(y))
      checkBinary(function, x, y, r, tolerance: floatTolerance)
    }
  }

  /// ∂xx, ∂xy, ∂yy by scalar hyper-duals seeded three ways, by one
  /// HyperDual<SIMD2> block, and by one SecondOrderDual<SIMD2>.
  private func checkBinary<T>(
    _ function: SecondOrderBinaryCase, _ x: T, _ y: T,
    _ r: (dx: Double, dy: Double, xx: Double, xy: Double, yy: Double),
    tolerance: Double
  )
  where
    T: ADScalar & HyperDualPartials,
    T.Epsilon1 == T, T.Epsilon2 == T, T.Epsilon12 == T
  {
    func scalar(_ e1: (T, T), _ e2: (T, T)) -> HyperDual<T> {
      function.apply(
        HyperDual<T>(x, epsilon1: e1.0, epsilon2: e2.0),
        HyperDual<T>(y, epsilon1: e1.1, epsilon2: e2.1))
    }
    let xx = scalar((1, 0), (1, 0))
    let xy = scalar((1, 0), (0, 1))
    let yy = scalar((0, 1), (0, 1))
    let at = "(\(x), \(y))"
    func check(_ actual: T, _ expected: Double, _ what: String) {
      #expect(
        isClose(Double(actual), expected, tolerance: tolerance),
        "\(function) \(what) at \(at)")
    }
    check(xx.epsilon1, r.dx, "∂x")
    check(yy.epsilon2, r.dy, "∂y")
    check(xx.epsilon12, r.xx, "∂xx")
    check(xy.epsilon12, r.xy, "∂xy")
    check(yy.epsilon12, r.yy, "∂yy")

    let block = function.apply(
      HyperDual<SIMD2<T>>(x, epsilon1: [1, 0], epsilon2: [1, 0]),
      HyperDual<SIMD2<T>>(y, epsilon1: [0, 1], epsilon2: [0, 1]))
    let second = function.apply(
      SecondOrderDual<SIMD2<T>>(x, gradient: [1, 0]),
      SecondOrderDual<SIMD2<T>>(y, gradient: [0, 1]))
    let expected = [r.xx, r.xy, r.xy, r.yy]
    for lane in 0..<4 {
      check(block.epsilon12[lane], expected[lane], "HyperDual lane \(lane)")
      check(second.hessian[lane], expected[lane], "SecondOrder lane \(lane)")
    }
    check(second.gradient[0], r.dx, "SecondOrder ∂x")
    check(second.gradient[1], r.dy, "SecondOrder ∂y")
  }
}

// MARK: - Algebra

@Suite("HyperDual and SecondOrderDual: algebra")
struct HyperDualAlgebraTests {
  /// Products and quotients of exact binary fractions: exact in Double.
  @Test func cubeAtFive() {
    let x = HyperDual<Double>(5, epsilon1: 1, epsilon2: 1)
    let y = x * x * x
    #expect(y.value == 125)
    #expect(y.epsilon1 == 75)
    #expect(y.epsilon2 == 75)
    #expect(y.epsilon12 == 30)
    #expect(y.description == "125.0 + 75.0ε₁ + 75.0ε₂ + 30.0ε₁ε₂")
  }

  /// d²/dx² (1/x) = 2/x³ and d²/dx² (x²/x) = 0 through the quotient rule.
  @Test func quotient() throws {
    let x = HyperDual<Double>(2, epsilon1: 1, epsilon2: 1)
    let r = 1 / x
    #expect(r.value == 0.5)
    #expect(r.epsilon1 == -0.25)
    #expect(r.epsilon12 == 0.25)
    let q = (x * x) / x
    #expect(q.value == 2)
    #expect(q.epsilon1 == 1)
    #expect(q.epsilon12 == 0)
    let s =
      try SecondOrderDual<SIMD2<Double>>(2, seed: 0)
      / SecondOrderDual<SIMD2<Double>>(4, seed: 1)
    // x/y: ∂x = 1/y, ∂y = −x/y², ∂xx = 0, ∂xy = −1/y², ∂yy = 2x/y³.
    #expect(s.gradient == [0.25, -0.125])
    #expect(s.hessian == [0, -0.0625, -0.0625, 0.0625])
  }

  /// sin²x + cos²x = 1 with zero first and second parts, in mixed
  /// magnitudes; 1e-13 as CJ's identity checks.
  @Test func pythagoras() {
    for v in [2.3, -2.7, 1e-3] {
      let x = HyperDual<SIMD2<Double>>(v, epsilon1: [1, 0.5], epsilon2: [0.25, 1])
      let one = sin(x) * sin(x) + cos(x) * cos(x)
      #expect(abs(one.value - 1) < 1e-13)
      for lane in 0..<2 { #expect(abs(one.epsilon1[lane]) < 1e-13) }
      for lane in 0..<4 { #expect(abs(one.epsilon12[lane]) < 1e-13) }
    }
  }

  /// The 16 × 16 block: f = (Σ xᵢ)² has Hessian 2 everywhere.
  @Test func sixteenInputs() throws {
    let xs = try (0..<16).map { try SecondOrderDual<SIMD16<Double>>(Double($0), seed: $0) }
    var s: SecondOrderDual<SIMD16<Double>> = 0
    for x in xs { s += x }
    let f = s * s
    #expect(f.value == 120 * 120)
    for lane in 0..<256 { #expect(f.hessian.partial(lane) == 2) }
    for i in 0..<16 { #expect(f.gradient[i] == 240) }
  }

  /// A constant's zero parts stay zero under sqrt at 0, where f′ = +∞ and
  /// f″ = −∞: x·√c with c = 0 constant has derivatives √c = 0, not NaN.
  @Test func nanSafety() throws {
    let x = HyperDual<SIMD2<Double>>(3, epsilon1: [1, 0], epsilon2: [0, 1])
    let c = HyperDual<SIMD2<Double>>(0)
    let y = x * sqrt(c)
    #expect(y.value == 0)
    #expect(y.epsilon1 == .zero && y.epsilon2 == .zero)
    #expect(y.epsilon12 == .zero)
    let s =
      try SecondOrderDual<SIMD2<Double>>(3, seed: 0)
      * sqrt(SecondOrderDual<SIMD2<Double>>(0))
    #expect(s.gradient == .zero && s.hessian == .zero)
  }

  /// Comparison is by value only.
  @Test func comparisonByValue() throws {
    let a = HyperDual<Double>(1, epsilon1: 1, epsilon2: 0)
    let b = HyperDual<Double>(1, epsilon1: 0, epsilon2: 1, epsilon12: 5)
    #expect(a == b)
    #expect(!(a < b))
    #expect(try SecondOrderDual<Double>(1, seed: 0) < SecondOrderDual<Double>(2))
  }
}
