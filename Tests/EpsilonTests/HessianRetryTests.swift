// The second-order and hyper-dual Hessian strategies evaluate with plain
// outer products and test the result once, evaluating again with the
// annihilating products only if an entry is NaN. These tests pin the
// claim that makes that sound: the Hessian is, bit for bit, the one the
// annihilating algebra gives, evaluated here by hand through the public
// number types, at ordinary points and at points where a product meets
// 0 · ∞ (the second evaluation).

import Epsilon
import Testing

/// Products, quotients, exp, log1p, pow and sqrt across all inputs: every
/// rule of the second-order algebra and both outer-product forms.
private struct Mixed: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in x.indices {
      let next = x[(i + 1) % x.count]
      sum += x[i] * next / (1 + next * next) + T.exp(-x[i]) * T.log1p(x[i] * x[i])
      sum += T.pow(x[i], 3) - 2.5 * T.sqrt(x[i] * x[i] + 1)
    }
    return sum
  }
}

/// The Hessian's lower triangle by one evaluation on `SecondOrderDual`
/// with `P`'s lanes, products checked one by one.
private func secondOrderReference<P: SIMD & DualPartials & HyperDualPartials, F: ADFunction>(
  _ f: F, at x: [Double], width: P.Type
) throws -> [Double]
where P.Scalar == Double, P.Epsilon1 == P, P.Epsilon2 == P {
  let y = f(try x.indices.map { try SecondOrderDual<P>(x[$0], seed: $0) })
  let w = P.scalarCount
  return x.indices.flatMap { i in (0...i).map { j in y.hessian.partial(i * w + j) } }
}

/// The same by one evaluation on `HyperDual`, ε₁ and ε₂ both seeded.
private func hyperDualReference<P: SIMD & DualPartials & HyperDualPartials, F: ADFunction>(
  _ f: F, at x: [Double], width: P.Type
) throws -> [Double]
where P.Scalar == Double, P.Epsilon1 == P, P.Epsilon2 == P {
  let y = f(try x.indices.map { try HyperDual<P>(x[$0], seed: $0, $0) })
  let w = P.scalarCount
  return x.indices.flatMap { i in (0...i).map { j in y.epsilon12.partial(i * w + j) } }
}

/// The lower triangle of `h`, row by row.
private func lowerTriangle(_ h: Hessian<Double>) -> [Double] {
  (0..<h.count).flatMap { i in (0...i).map { j in h[i, j] } }
}

/// Whether two arrays hold the same bits, NaN for NaN.
private func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

@Suite("Hessians tested once: equal to the annihilating algebra bit for bit")
struct HessianRetryTests {
  /// Points of two and of seven inputs (SIMD2 and SIMD8 lanes): random
  /// ones, and ones with x₀ = 0 (an infinite first derivative of √x₀).
  static let points: [[Double]] = {
    var rng = SplitMix64(seed: 0x5EED)
    var points: [[Double]] = [[0, 1], [0, -2.5], [0, 0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6]]
    for n in [2, 7] {
      for _ in 0..<20 {
        points.append((0..<n).map { _ in Double.random(in: -3...3, using: &rng) })
      }
    }
    return points
  }()

  @Test(
    "secondOrderSIMD and hyperDual equal their number types' own products",
    arguments: points)
  func strategiesEqualTheAlgebra(at x: [Double]) throws {
    for f in [AnyFunction(SqrtPlusSquares()), AnyFunction(Mixed())] {
      let narrow = x.count <= 2
      let references = [
        HessianStrategy.secondOrderSIMD:
          narrow
          ? try secondOrderReference(f, at: x, width: SIMD2<Double>.self)
          : try secondOrderReference(f, at: x, width: SIMD8<Double>.self),
        .hyperDual:
          narrow
          ? try hyperDualReference(f, at: x, width: SIMD2<Double>.self)
          : try hyperDualReference(f, at: x, width: SIMD8<Double>.self),
      ]
      for (strategy, reference) in references {
        let h = lowerTriangle(try hessian(of: f, at: x, strategy: strategy))
        #expect(
          sameBits(h, reference), "\(strategy), \(f.name) at \(x): \(h) against \(reference)")
      }
    }
  }

  @Test("Where a plain product meets 0 · ∞, the Hessian still has exact zeros off the diagonal")
  func separableAtTheEdge() throws {
    for strategy in [HessianStrategy.secondOrderSIMD, .hyperDual, .automatic] {
      for n in [2, 3, 7, 8, 12] {
        let x = [0.0] + (1..<n).map(Double.init)
        let h = try hessian(of: SqrtPlusSquares(), at: x, strategy: strategy)
        for i in 0..<n {
          for j in 0..<n where i != j {
            #expect(h[i, j] == 0, "\(strategy), N = \(n): H[\(i), \(j)] = \(h[i, j])")
          }
        }
        #expect(h[0, 0] == -.infinity)
      }
    }
  }
}

/// One of the functions above, by name, so a test can loop over them.
private struct AnyFunction: ADFunction {
  let name: String
  let body: any ADFunction

  init(_ f: some ADFunction) {
    name = "\(type(of: f))"
    body = f
  }

  func callAsFunction<T: ADReal>(_ x: [T]) -> T { body(x) }
}
