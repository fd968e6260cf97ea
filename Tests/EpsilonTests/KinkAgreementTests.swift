// Every mode gives the same derivatives at kinks and domain edges: the
// regressions of issue 16 (pow's cross term at exponent 0, NaN in
// hyper-dual outer products, forward against reverse at a kink), each
// checked in every mode that computes the quantity, exactly where the
// convention (KinksAndDomainEdges.md) gives an exact number.

import Epsilon
import Testing

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// pow(x[1], x[0]): the exponent first, as in the reproduction.
private struct PowExponentFirst: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { T.pow(x[1], x[0]) }
}

/// pow(x[0], x[1]): the base first.
private struct PowBaseFirst: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { T.pow(x[0], x[1]) }
}

/// √(x₀² + x₁²): a kink at the origin with an infinite local derivative.
private struct OriginNorm: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    T.sqrt(x[0] * x[0] + x[1] * x[1])
  }
}

/// Whether `a` is `b`: NaN for NaN, the same infinity, or within a few
/// roundings of an O(1) quantity (the modes form the same terms in
/// different orders).
private func same(_ a: Double, _ b: Double) -> Bool {
  if b.isNaN { return a.isNaN }
  if !b.isFinite { return a == b }
  return abs(a - b) <= 1e-15 * Swift.max(1, abs(b))
}

/// The 2 × 2 Hessian of `f` at `x` by a tape over a tape: row i is the
/// gradient of the inner gradient's entry i, so both halves of the cross
/// term are computed, by differentiating different partials.
private func hessianByTapeOverTape<F: ADFunction>(_ f: F, at x0: [Double]) throws
  -> [[Double]]
{
  let outer = GradientTape<Double>(persistent: true)
  let x = outer.variables(x0)
  let inner = GradientTape<GradientTape<Double>.Variable>()
  let xi = inner.variables(x)
  let first = try inner.gradient(of: f(xi), withRespectTo: xi, unconnected: .zero)
  return try first.map { g in
    try outer.gradient(of: g ?? 0, withRespectTo: x, unconnected: .zero).map { $0 ?? 0 }
  }
}

/// The 2 × 2 Hessian by nested `derivative` calls, both orders of nesting:
/// ∂/∂x₀ of ∂f/∂x₁ and ∂/∂x₁ of ∂f/∂x₀ for the cross term.
private func hessianByNestedDerivatives<F: ADFunction>(_ f: F, at x: [Double]) -> [[Double]] {
  typealias D = Dual<Double>
  func d(_ i: Int, _ j: Int) -> Double {
    // Outer along input i, inner along input j.
    derivative(at: x[i]) { (xi: D) -> D in
      let inner: D = derivative(at: D(x[j])) { (xj: Dual<D>) -> Dual<D> in
        var args = x.map { Dual<D>(D($0)) }
        args[i] = Dual<D>(xi)
        if i == j { args[i] = xj } else { args[j] = xj }
        return f(args)
      }
      return inner
    }
  }
  // Diagonal: nest along the same input (inner at the outer's variable).
  func dd(_ i: Int) -> Double {
    derivative(at: x[i]) { (xi: D) -> D in
      derivative(at: xi) { (y: Dual<D>) -> Dual<D> in
        var args = x.map { Dual<D>(D($0)) }
        args[i] = y
        return f(args)
      }
    }
  }
  return [[dd(0), d(1, 0)], [d(0, 1), dd(1)]]
}

/// Every Hessian Epsilon computes for a two-input function, by name.
private func everyHessian<F: ADFunction>(_ f: F, at x: [Double]) throws
  -> [(String, [[Double]])]
{
  var all: [(String, [[Double]])] = try HessianStrategy.allCases.map {
    ("\($0)", [[Double]](try hessian(of: f, at: x, strategy: $0)))
  }
  all.append(("hessian(at:of:) closure", [[Double]](try hessian(at: x) { f($0) })))
  all.append(("tape over tape", try hessianByTapeOverTape(f, at: x)))
  all.append(("nested derivative", hessianByNestedDerivatives(f, at: x)))
  return all
}

@Suite("Kinks: every mode agrees with the convention")
struct KinkAgreementTests {
  /// ∂²(bᵉ)/∂b∂e = bᵉ⁻¹(1 + e ln b), and 0 on the axis b = 0 (the
  /// convention); ∂²/∂b² = e(e − 1)bᵉ⁻², 0 at e = 0 or 1; ∂²/∂e² = bᵉ ln²b,
  /// 0 at b = 0.
  @Test(
    "pow's cross term at kinks (b = 0, e = 0, 1, 2) is the same in every mode, both argument orders",
    arguments: [
      (0.0, 2.0), (1.0, 2.0), (2.0, 2.0), (0.0, 1.0), (0.0, 0.0), (1.0, 0.0),
      (2.0, 0.0), (-1.0, 2.0), (0.5, 0.0), (0.0, 0.5),
    ])
  func powCrossTermAtKinks(_ e: Double, _ b: Double) throws {
    let cross = b == 0 ? 0 : cLibraryPow(b, e - 1) * (1 + e * log(b))
    let bb = e == 0 || e == 1 ? 0 : e * ((e - 1) * cLibraryPow(b, e - 2))
    let ee = b == 0 ? 0 : cLibraryPow(b, e) * log(b) * log(b)
    // Exponent first: H = [[ee, cross], [cross, bb]]; base first, the
    // transpose order.
    let orders: [(any ADFunction, [Double], [[Double]])] = [
      (PowExponentFirst(), [e, b], [[ee, cross], [cross, bb]]),
      (PowBaseFirst(), [b, e], [[bb, cross], [cross, ee]]),
    ]
    for (f, x, expected) in orders {
      for (mode, h) in try everyHessian(f, at: x) {
        for k in 0..<2 {
          for l in 0..<2 {
            #expect(
              same(h[k][l], expected[k][l]),
              "pow at (e, b) = (\(e), \(b)), \(f) by \(mode): H[\(k)][\(l)] of \(h)")
          }
        }
      }
    }
  }

  @Test(
    "The issue's pow case: ∂²f/∂x₀∂x₁ of pow(x₁, x₀) at (0, 2) is 0.5, and Newton's average too")
  func powCrossTermAtExponentZero() throws {
    for (mode, h) in try everyHessian(PowExponentFirst(), at: [0, 2]) {
      #expect(h[0][1] == 0.5 && h[1][0] == 0.5, "\(mode): \(h)")
    }
  }

  @Test(
    "Hyper-dual outer products are NaN-safe: sqrt(x0) + x1² at (0, 1) has a zero off-diagonal",
    arguments: [2, 9])
  func hyperDualOuterProductsAreNaNSafe(_ n: Int) throws {
    let x = [0.0] + [Double](repeating: 1, count: n - 1)
    let f = SqrtPlusSquares()
    let byClosure = try hessian(at: x) { f($0) }
    var hessians = [("hessian(at:of:) closure", byClosure)]
    for strategy in HessianStrategy.allCases {
      hessians.append(("\(strategy)", try hessian(of: f, at: x, strategy: strategy)))
    }
    for (mode, h) in hessians {
      #expect(h[0, 0] == -.infinity, "\(mode)")
      for i in 1..<n {
        #expect(h[i, 0] == 0 && h[0, i] == 0, "\(mode): row \(i) of column 0")
        #expect(h[i, i] == 2, "\(mode)")
        for j in 1..<i { #expect(h[i, j] == 0, "\(mode)") }
      }
    }
    // H·v along every input but the first: no NaN from 0 · −∞ in either
    // 8-wide block.
    let v = [0.0] + [Double](repeating: 1, count: n - 1)
    let expected = [0.0] + [Double](repeating: 2, count: n - 1)
    #expect(try hessianVectorProduct(at: x, along: v) { f($0) } == expected)
    #expect(try hessianVectorProduct(of: f, at: x, along: v) == expected)
    // SecondOrderDual and HyperDual directly, with one tangent.
    let s = secondDerivative(at: 1.0) { y in sqrt(HyperDual(0.0)) + y * y }
    #expect(s == 2)
  }

  @Test("Reverse at a kink: an infinite adjoint times a zero partial is 0, as forward gives")
  func reverseAgreesWithForwardAtKink() throws {
    let origin = [0.0, 0.0]
    let forward = try gradient(of: OriginNorm(), at: origin, mode: .forward)
    #expect(forward == [0, 0])
    #expect(try reverseGradient(at: origin) { OriginNorm()($0) } == forward)
    #expect(try gradient(of: OriginNorm(), at: origin, mode: .reverse) == forward)
    #expect(gradient(at: origin) { OriginNorm()($0) } == forward)
    // .automatic switches to the tape above 16 inputs: the same answer.
    let wide = [Double](repeating: 0, count: 20)
    struct WideNorm: ADFunction {
      func callAsFunction<T: ADReal>(_ x: [T]) -> T {
        T.sqrt(x.reduce(0) { $0 + $1 * $1 })
      }
    }
    let automatic = try gradient(of: WideNorm(), at: wide)
    #expect(try automatic == gradient(of: WideNorm(), at: wide, mode: .forward))
    #expect(automatic.allSatisfy { $0 == 0 })
    // Forward over reverse (dual adjoints) and reverse over reverse too.
    for strategy in HessianStrategy.allCases {
      let g = try valueGradientHessian(of: OriginNorm(), at: origin, strategy: strategy).gradient
      #expect(g == [0, 0], "\(strategy)")
    }
  }
}

/// hypot(atan2(x, x), asin(3)): the tangent of atan2(x, x) cancels to 0
/// before it meets asin(3)'s NaN.
private struct CancelledForward: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    T.hypot(T.atan2(x[0], x[0]), T.asin(T(3.0)))
  }
}

/// l − l with l = log(x): l's adjoints (1 and −1) cancel to 0 before
/// they meet log's NaN partial at x < 0.
private struct CancelledReverse: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    let l = T.log(x[0])
    return l - l
  }
}

extension KinkAgreementTests {
  /// KinksAndDomainEdges.md, "Where modes differ": where a sum cancels to
  /// exactly 0 in one direction only and then meets a NaN partial, the
  /// mode whose sum cancelled gives 0 and the other NaN; never two
  /// different numbers. Pinned in every mode of each family.
  @Test(
    "Where modes differ: an exact cancellation next to a NaN gives 0 in one direction, NaN in the other"
  )
  func cancellationNextToNaNIsPinned() throws {
    let x = [0.5]
    // Forward cancels (1·1 − 1·1 = 0 before × NaN): 0; reverse: NaN.
    let f = CancelledForward()
    #expect(try gradient(of: f, at: x, mode: .forward) == [0])
    #expect(derivative(at: 0.5) { y in f([y]) } == 0)
    #expect(try reverseGradient(at: x) { f($0) }[0].isNaN)
    #expect(try gradient(of: f, at: x, mode: .reverse)[0].isNaN)
    for strategy in [HessianStrategy.hyperDual, .secondOrderSIMD, .nestedDual] {
      let r = try valueGradientHessian(of: f, at: x, strategy: strategy)
      #expect(r.gradient == [0] && r.hessian[0, 0] == 0, "\(strategy)")
    }
    let reverseFirst = try valueGradientHessian(of: f, at: x, strategy: .forwardOverReverse)
    #expect(reverseFirst.gradient[0].isNaN && reverseFirst.hessian[0, 0].isNaN)

    // Reverse cancels (adjoints 1 − 1 = 0 before × NaN): 0; forward: NaN.
    let g = CancelledReverse()
    #expect(try reverseGradient(at: [-1.0]) { g($0) } == [0])
    #expect(try gradient(of: g, at: [-1.0], mode: .reverse) == [0])
    #expect(try gradient(of: g, at: [-1.0], mode: .forward)[0].isNaN)
    #expect(derivative(at: -1.0) { y in g([y]) }.isNaN)
    let forwardFirst = try valueGradientHessian(of: g, at: [-1.0], strategy: .hyperDual)
    #expect(forwardFirst.gradient[0].isNaN && forwardFirst.hessian[0, 0].isNaN)
    let byTape = try valueGradientHessian(of: g, at: [-1.0], strategy: .forwardOverReverse)
    #expect(byTape.gradient == [0] && byTape.hessian[0, 0] == 0)
  }
}

/// The C library's pow, named apart from Epsilon's generic one.
private func cLibraryPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
