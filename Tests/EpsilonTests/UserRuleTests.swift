// A user's view of teaching Epsilon new functions: declare the calculus
// once, then differentiate through it with every mode.

import Epsilon
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - The user's declarations

/// softplus(x) = log(1 + eˣ); f′ = σ(x) = 1/(1 + e⁻ˣ); f″ = σ(1 − σ).
struct Softplus: UnaryRule {
  func value(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }
  func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (1 + T.exp(-x)) }
  func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
    dy * (1 - dy)
  }
}
func softplus<T: ADReal>(_ x: T) -> T { T._apply(Softplus(), x) }

/// Bessel J₀, from the C library: J₀′ = −J₁, and from Bessel's equation
/// x²y″ + xy′ + x²y = 0: J₀″ = −J₀ − J₀′/x = −J₀ + J₁/x.
struct BesselJ0: UnaryRule {
  func value(_ x: Double) -> Double { j0(x) }
  func derivative<T: ADReal>(at x: T, value y: T) -> T { -besselJ1(x) }
  func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
    -y - dy / x
  }
}
/// Bessel J₁: J₁′ = J₀ − J₁/x; J₁″ = −J₁′/x + J₁/x² − J₁·(1 − 1/x²).
struct BesselJ1: UnaryRule {
  func value(_ x: Double) -> Double { j1(x) }
  func derivative<T: ADReal>(at x: T, value y: T) -> T { besselJ0(x) - y / x }
  func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
    -dy / x - y * (1 - 1 / (x * x))
  }
}
func besselJ0<T: ADReal>(_ x: T) -> T { T._apply(BesselJ0(), x) }
func besselJ1<T: ADReal>(_ x: T) -> T { T._apply(BesselJ1(), x) }

/// logAddExp(x, y) = log(eˣ + eʸ), computed stably; with s = σ(x − y):
/// ∂x = s, ∂y = 1 − s, ∂xx = ∂yy = s(1 − s), ∂xy = −s(1 − s).
struct LogAddExp: BinaryRule {
  func value(_ x: Double, _ y: Double) -> Double {
    Swift.max(x, y) + log1p(exp(-Swift.abs(x - y)))
  }
  func partials<T: ADReal>(at x: T, _ y: T, value f: T) -> (first: T, second: T) {
    let s = 1 / (1 + T.exp(y - x))
    return (s, 1 - s)
  }
  func secondPartials<T: ADReal>(
    at x: T, _ y: T, value f: T, partials: (first: T, second: T)
  ) -> (firstFirst: T, firstSecond: T, secondSecond: T) {
    let v = partials.first * partials.second
    return (v, -v, v)
  }
}
func logAddExp<T: ADReal>(_ x: T, _ y: T) -> T { T._apply(LogAddExp(), x, y) }

/// The root t of t³ + t = x by Newton's method: value and slope together
/// (implicit function theorem: dt/dx = 1/(3t² + 1)). First order only.
struct CubicRoot: FirstOrderUnaryRule {
  func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
    var t = x
    for _ in 0..<60 { t -= (t * t * t + t - x) / (3 * t * t + 1) }
    return (t, 1 / (3 * t * t + 1))
  }
}
func cubicRoot<T: FirstOrderReal>(_ x: T) -> T {
  T._apply(firstOrder: CubicRoot(), x)
}

// MARK: - Tests

/// Central differences of smooth functions of moderate size agree with exact
/// derivatives to about 1e-9 relative at the step checkRule picks.
let ruleTolerance = 1e-7

@Suite struct UserRuleTests {
  @Test func declaredRulesPassTheirOwnCheck() {
    #expect(checkRule(Softplus(), over: -8...8).passes(tolerance: ruleTolerance))
    #expect(checkRule(BesselJ0(), over: 0.1...20).passes(tolerance: ruleTolerance))
    #expect(checkRule(BesselJ1(), over: 0.1...20).passes(tolerance: ruleTolerance))
    #expect(
      checkRule(LogAddExp(), over: -3...3, -2...4).passes(tolerance: ruleTolerance))
    #expect(checkRule(CubicRoot(), over: -5...5).passes(tolerance: ruleTolerance))
  }

  /// The checker must be able to fail: a rule with a wrong f″ is caught.
  @Test func checkRuleCatchesAWrongDerivative() {
    struct WrongSecond: UnaryRule {
      func value(_ x: Double) -> Double { sin(x) }
      func derivative<T: ADReal>(at x: T, value y: T) -> T { T.cos(x) }
      func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
        y  // should be −sin x
      }
    }
    let check = checkRule(WrongSecond(), over: 0.5...2)
    #expect(check.firstDerivativeError < ruleTolerance)
    #expect((check.secondDerivativeError ?? 0) > 0.5)
    #expect(!check.passes())
  }

  @Test(arguments: [0.3, 1.7, 4.2, 9.5])
  func besselThroughEveryForwardMode(_ x: Double) throws {
    let f1 = -j1(x)
    let f2 = -j0(x) + j1(x) / x
    let dual = derivative(at: x) { besselJ0($0) }
    #expect(abs(dual - f1) <= 1e-14 * max(1, abs(f1)))
    let simd = gradient(at: [x, 2 * x]) { v in besselJ0(v[0]) + besselJ0(v[1]) }
    #expect(abs(simd[0] - f1) <= 1e-14 * max(1, abs(f1)))
    let nested = derivative(at: x) { x in derivative(at: x) { besselJ0($0) } }
    #expect(abs(nested - f2) <= 1e-13 * max(1, abs(f2)))
    let numerical = approximateDerivative(of: { j0($0) }, at: x, epsilon: 1e-5)
    #expect(abs(dual - numerical) <= 1e-8)
  }

  @Test(arguments: [-4.0, -0.5, 0.0, 2.5])
  func softplusThroughEveryForwardMode(_ x: Double) {
    let sigma = 1 / (1 + exp(-x))
    #expect(abs(derivative(at: x) { softplus($0) } - sigma) <= 1e-15)
    let second = derivative(at: x) { x in derivative(at: x) { softplus($0) } }
    #expect(abs(second - sigma * (1 - sigma)) <= 1e-15)
    let float = derivative(at: Float(x)) { softplus($0) }
    #expect(abs(Double(float) - sigma) <= 1e-6)
  }

  @Test func binaryRuleGradientAndMixedSecondDerivative() {
    let (x, y) = (0.4, -1.1)
    let s = 1 / (1 + exp(y - x))
    let g = gradient(at: [x, y]) { v in logAddExp(v[0], v[1]) }
    #expect(abs(g[0] - s) <= 1e-15 && abs(g[1] - (1 - s)) <= 1e-15)
    // ∂²/∂x∂y by nesting: d/dy of ∂f/∂x.
    let mixed = derivative(at: y) { yy in
      derivative(at: Dual(x)) { xx in logAddExp(xx, Dual(yy)) }
    }
    #expect(abs(mixed - (-s * (1 - s))) <= 1e-15)
  }

  @Test(arguments: [-3.0, 0.0, 2.0, 10.0])
  func firstOrderRuleInFirstOrderModes(_ x: Double) throws {
    let (t, slope) = CubicRoot().valueAndDerivative(x)
    #expect(abs(t * t * t + t - x) <= 1e-12 * max(1, abs(x)))
    #expect(derivative(at: x) { cubicRoot($0) } == slope)
    let g = gradient(at: [x, 1]) { v in cubicRoot(v[0]) * v[1] }
    #expect(g == [slope, t])
    #expect(cubicRoot(x) == t)
    let tape = try reverseGradient(at: [x, 1]) { v in cubicRoot(v[0]) * v[1] }
    #expect(tape == [slope, t])
  }

  /// A rule is a function: `Rule()(x)` on any number type.
  @Test func rulesAreCallable() {
    #expect(Softplus()(0.0) == log(2.0))
    #expect(derivative(at: 0.0) { Softplus()($0) } == 0.5)
    #expect(derivative(at: 2.0) { CubicRoot()($0) } == 0.25)  // t = 1: 1/(3t² + 1)
    #expect(gradient(at: [0.0, 0.0]) { v in LogAddExp()(v[0], v[1]) } == [0.5, 0.5])
  }

  /// One rule, every mode: first and second derivatives of a function built
  /// from the user's rules agree across Dual, SIMD Dual, nested Dual,
  /// HyperDual, SecondOrderDual, the tape and the tape over duals, and with
  /// central differences.
  @Test(arguments: [0.7, 2.3, 5.1])
  func everyModeAgrees(_ x0: Double) throws {
    func f<T: ADReal>(_ x: T) -> T { softplus(x) * besselJ0(x) + logAddExp(x, 2 * x) }
    let dual = derivative(at: x0) { f($0) }
    let simd = gradient(at: [x0]) { f($0[0]) }[0]
    let tape = try reverseGradient(at: [x0]) { f($0[0]) }[0]
    let (_, hyperFirst, hyperSecond) = valueWithSecondDerivative(at: x0) { f($0) }
    let nested = derivative(at: x0) { x in derivative(at: x) { f($0) } }
    let secondOrder = try #require(
      HessianStrategy.allCases.map { strategy in
        try hessian(of: UserFunction(), at: [x0], strategy: strategy)[0, 0]
      } as [Double]?)
    typealias D = Dual<SIMD2<Double>>
    let overDuals = try reverseGradient(at: [D(x0, seed: 0)]) { f($0[0]) }[0]
    let numerical = approximateDerivative(of: { f($0) }, at: x0, epsilon: 1e-5)
    // Exact modes agree to rounding; central differences to their error.
    let exact = 1e-13 * max(1, abs(dual))
    for d in [simd, tape, hyperFirst, overDuals.value] {
      #expect(abs(d - dual) <= exact)
    }
    #expect(abs(dual - numerical) <= 1e-8 * max(1, abs(dual)))
    let second = 1e-12 * max(1, abs(nested))
    for d2 in [hyperSecond, overDuals.partials[0]] + secondOrder {
      #expect(abs(d2 - nested) <= second)
    }
  }
}

/// The function of everyModeAgrees as an ADFunction, for the Hessian
/// strategies.
private struct UserFunction: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    softplus(x[0]) * besselJ0(x[0]) + logAddExp(x[0], 2 * x[0])
  }
}
