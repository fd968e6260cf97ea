// W1 — derivative of a scalar function (Benchmarks/WORKLOADS.md):
//
//   f(x) = sin(x)²/cos(x)² + 2x + sqrt(x³) + 1/(1 + exp(−x)) + log1p(x·x)
//
// at 1000 points evenly spaced in [0.1, 1.4], in ns per point. One generic
// kernel runs as the primal (on Double) and under Epsilon's duals; the
// hand-written derivatives and Swift's `_Differentiation` are the baselines.

import Epsilon
import _Differentiation

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// MARK: - The kernel, written once

/// W1's f, generic: the primal on `Double`, derivatives on Epsilon's types.
func w1<T: ADReal>(_ x: T) -> T {
  let s = T.sin(x)
  let c = T.cos(x)
  let sigmoid = 1 / (1 + T.exp(-x))
  return s * s / (c * c) + 2 * x + T.sqrt(x * x * x) + sigmoid + T.log1p(x * x)
}

// MARK: - Hand-written baselines

/// f and f′ by hand, sharing work as a careful programmer would:
/// ```
/// (s²/c²)′ = 2s/c³     (2x)′ = 2     (√(x³))′ = 3x²/(2√(x³))
/// σ′ = σ(1 − σ)         (log1p(x²))′ = 2x/(1 + x²)
/// ```
func w1ValueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
  let s = sin(x)
  let c = cos(x)
  let c2 = c * c
  let x2 = x * x
  let root = sqrt(x2 * x)
  let sigmoid = 1 / (1 + exp(-x))
  let value = s * s / c2 + 2 * x + root + sigmoid + log1p(x2)
  let derivative =
    2 * s / (c2 * c) + 2 + 1.5 * x2 / root + sigmoid * (1 - sigmoid)
    + 2 * x / (1 + x2)
  return (value, derivative)
}

/// f′ alone, by hand (√(x³))′ written as 1.5·√x.
func w1Derivative(_ x: Double) -> Double {
  let s = sin(x)
  let c = cos(x)
  let sigmoid = 1 / (1 + exp(-x))
  return 2 * s / (c * c * c) + 2 + 1.5 * sqrt(x) + sigmoid * (1 - sigmoid)
    + 2 * x / (1 + x * x)
}

/// f″ alone, by hand:
/// ```
/// (2s/c³)′ = 2/c² + 6s²/c⁴     (1.5√x)′ = 0.75/√x
/// (σ(1 − σ))′ = σ(1 − σ)(1 − 2σ)     (2x/(1 + x²))′ = 2(1 − x²)/(1 + x²)²
/// ```
func w1SecondDerivative(_ x: Double) -> Double {
  let s = sin(x)
  let c2 = cos(x) * cos(x)
  let sigmoid = 1 / (1 + exp(-x))
  let q = 1 + x * x
  return 2 / c2 + 6 * s * s / (c2 * c2) + 0.75 / sqrt(x)
    + sigmoid * (1 - sigmoid) * (1 - 2 * sigmoid) + 2 * (1 - x * x) / (q * q)
}

// MARK: - Swift's _Differentiation

/// The same f as a concrete `Double` function (`_Differentiation` cannot
/// differentiate through Epsilon's generic `ADReal` functions).
@differentiable(reverse)
func w1Swift(_ x: Double) -> Double {
  let s = sin(x)
  let c = cos(x)
  let sigmoid = 1 / (1 + exp(-x))
  return s * s / (c * c) + 2 * x + sqrt(x * x * x) + sigmoid + log1p(x * x)
}

// MARK: - Registration

extension Harness {
  /// W1's 1000 points, evenly spaced in [0.1, 1.4].
  static let w1Points: [Double] = (0..<1000).map { 0.1 + 1.3 * Double($0) / 999 }

  /// Registers W1: every row checks all 1000 points before it is timed.
  mutating func addW1() {
    let points = Self.w1Points
    let n = points.count

    // Checks `candidate` against `reference` at every point.
    func check(
      _ candidate: @escaping (Double) -> [Double],
      _ reference: @escaping (Double) -> [Double]
    ) -> () -> String? {
      {
        for x in points {
          let got = candidate(x)
          let want = reference(x)
          for (a, b) in zip(got, want)
          where !(relativeError(a, b) <= verificationTolerance) {
            return "at x = \(x): got \(got), expected \(want)"
          }
        }
        return nil
      }
    }
    let hand = { (x: Double) -> [Double] in
      let r = w1ValueAndDerivative(x)
      return [r.value, r.derivative]
    }

    add(
      "W1", "primal", n: n, role: .primal,
      verify: check({ [w1($0)] }, { [w1ValueAndDerivative($0).value] }),
      body: { count in cycle(points, count) { blackHole(w1($0)) } })

    add(
      "W1", "handwritten", n: n, role: .handwritten,
      verify: check(hand, { x in [w1Swift(x), w1Derivative(x)] }),
      body: { count in
        cycle(points, count) { x in
          let r = w1ValueAndDerivative(x)
          blackHole(r.value, r.derivative)
        }
      })

    add(
      "W1", "handwritten-derivative-only", n: n, role: .extra,
      verify: check({ [w1Derivative($0)] }, { [hand($0)[1]] }),
      body: { count in cycle(points, count) { blackHole(w1Derivative($0)) } })

    add(
      "W1", "dual", n: n, role: .epsilon,
      verify: check(
        { x in
          let r = Epsilon.valueWithDerivative(at: x, of: w1)
          return [r.value, r.derivative]
        }, hand),
      body: { count in
        cycle(points, count) { x in
          let r = Epsilon.valueWithDerivative(at: x, of: w1)
          blackHole(r.value, r.derivative)
        }
      })

    add(
      "W1", "dual-derivative-only", n: n, role: .epsilon,
      verify: check(
        { [Epsilon.derivative(at: $0, of: w1)] }, { [w1Derivative($0)] }),
      body: { count in
        cycle(points, count) { blackHole(Epsilon.derivative(at: $0, of: w1)) }
      })

    add(
      "W1", "swift-differentiation", n: n, role: .swiftDifferentiation,
      verify: check(
        { [_Differentiation.gradient(at: $0, of: w1Swift)] },
        { [w1Derivative($0)] }),
      body: { count in
        cycle(points, count) {
          blackHole(_Differentiation.gradient(at: $0, of: w1Swift))
        }
      })

    add(
      "W1", "swift-differentiation-value", n: n, role: .extra,
      verify: check(
        { x in
          let r = _Differentiation.valueWithGradient(at: x, of: w1Swift)
          return [r.value, r.gradient]
        }, hand),
      body: { count in
        cycle(points, count) { x in
          let r = _Differentiation.valueWithGradient(at: x, of: w1Swift)
          blackHole(r.value, r.gradient)
        }
      })

    // Second derivative: nested duals against a hand-written f″. The inner
    // dual seeds x′ = 1; differentiating f′ again gives f″.
    add(
      "W1", "handwritten-second", n: n, role: .extra,
      verify: check(
        { [w1SecondDerivative($0)] }, { [w1NestedSecondDerivative($0)] }),
      body: { count in
        cycle(points, count) { blackHole(w1SecondDerivative($0)) }
      })

    add(
      "W1", "nested-dual-second", n: n, role: .extra,
      verify: check(
        { [w1NestedSecondDerivative($0)] }, { [w1SecondDerivative($0)] }),
      body: { count in
        cycle(points, count) { blackHole(w1NestedSecondDerivative($0)) }
      })

    addTarget(
      Target(
        workload: "W1", n: n, variant: "dual", baseline: "handwritten",
        atMost: 1.3))
    // Information, not a target: f′ alone by hand skips log1p and √(x³).
    addTarget(
      Target(
        workload: "W1", n: n, variant: "dual-derivative-only",
        baseline: "handwritten-derivative-only"))
    addTarget(
      Target(
        workload: "W1", n: n, variant: "nested-dual-second",
        baseline: "handwritten-second"))
  }
}

/// f″ by `Dual<Dual<Double>>`: the derivative, taken with duals, of the
/// derivative taken with duals.
func w1NestedSecondDerivative(_ x: Double) -> Double {
  Epsilon.derivative(at: Dual<Double>(x, partials: 1), of: w1).partials
}
