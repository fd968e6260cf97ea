// W3 — Hessian of the extended Rosenbrock function, N = 2, 8, 16
// (Benchmarks/WORKLOADS.md), at x[i] = 0.5 + 0.1·i, in ns per
// Hessian. Every `HessianStrategy` (iterated through `allCases`, so a
// strategy added later gets a row without editing this file), forward over
// reverse by hand (the tape on `Dual<SIMDn<Double>>`), against a
// hand-written Hessian that exploits the tridiagonal structure. The
// `sparse` row (3 colours, one 4-lane sweep) is what `.automatic` picks
// from N = 5 on.

import Epsilon

// MARK: - The function, written once

/// W2's extended Rosenbrock function as an `ADFunction`, for the drivers
/// that choose the number type.
struct RosenbrockFunction: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { rosenbrock(x) }
}

// MARK: - Hand-written baselines

/// The Hessian by hand into a caller's packed lower triangle (row i holds
/// columns 0...i at i(i+1)/2; the layout of Epsilon's `Hessian`), which it
/// zero-fills first: a dense result, only the tridiagonal computed.
/// ```
/// ∂²f/∂x[i]² = 1200·x[i]² − 400·x[i+1] + 2   (i < N − 1)
///            + 200                           (i > 0)
/// ∂²f/∂x[i]∂x[i+1] = −400·x[i]
/// ```
func rosenbrockHessian(
  _ x: [Double], intoPacked h: UnsafeMutableBufferPointer<Double>
) {
  x.withUnsafeBufferPointer { x in
    let n = x.count
    h.update(repeating: 0)
    if n == 0 { return }
    var carry = 0.0  // 200 from the term with the left neighbour
    for i in 0..<(n - 1) {
      let row = i * (i + 1) / 2
      h[row + i] = carry + 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
      // (i + 1, i) sits in row i + 1.
      h[row + i + 1 + i] = -400 * x[i]
      carry = 200
    }
    h[(n - 1) * n / 2 + n - 1] = carry
  }
}

/// The Hessian by hand as a fresh `Hessian<Double>`: like with like for
/// `hessian(of:at:strategy:)`, which returns a fresh one too (one packed
/// array of N(N+1)/2 doubles).
func rosenbrockHessian(_ x: [Double]) -> Hessian<Double> {
  // A size from a real array: cannot overflow or fail to allocate here.
  var h = try! Hessian<Double>(count: x.count)
  let n = x.count
  if n == 0 { return h }
  var carry = 0.0
  for i in 0..<(n - 1) {
    h[i, i] = carry + 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
    h[i + 1, i] = -400 * x[i]
    carry = 200
  }
  h[n - 1, n - 1] = carry
  return h
}

/// The Hessian term by term as the textbook writes it, dense: checks the
/// baseline, which every other row is then checked against.
func rosenbrockHessianTextbook(_ x: [Double]) -> [[Double]] {
  let n = x.count
  var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  if n < 2 { return h }
  for i in 0..<(n - 1) {
    // 100·(x[i+1] − x[i]²)² + (1 − x[i])²
    h[i][i] += 100 * (8 * x[i] * x[i] - 4 * (x[i + 1] - x[i] * x[i])) + 2
    h[i][i + 1] += -400 * x[i]
    h[i + 1][i] += -400 * x[i]
    h[i + 1][i + 1] += 200
  }
  return h
}

/// Forward over reverse by hand: the tape's gradient on duals whose N
/// tangent lanes seed the inputs; lane j of gradient i is H[i][j]. Writes
/// the packed lower triangle into a fresh `Hessian`. Nil if the tape
/// throws (it cannot here).
func rosenbrockHessianForwardOverReverse<P: SIMD & DualPartials>(
  _ x: [Double], width: P.Type
) -> Hessian<Double>? where P.Scalar == Double {
  let n = x.count
  let seeded = [Dual<P>](unsafeUninitializedCapacity: n) { buffer, count in
    for i in 0..<n {
      buffer.initializeElement(
        at: i, to: Dual<P>(x[i], partials: .unitPartials(i)))
    }
    count = n
  }
  guard let g = try? reverseGradient(at: seeded, of: { rosenbrock($0) })
  else { return nil }
  var h = try! Hessian<Double>(count: n)
  for i in 0..<n {
    for j in 0...i { h[i, j] = g[i].partials[j] }
  }
  return h
}

/// Consumes a Hessian: an opaque call reads an entry whose index comes
/// from a global the optimiser cannot know, so every entry must have been
/// written.
@inline(never)
func blackHole(_ h: Hessian<Double>) {
  let n = h.count
  if n > 0 {
    let v = UInt(bitPattern: _blackHoleInt)
    let (i, j) = (Int(v % UInt(n)), Int(v / UInt(n) % UInt(n)))
    _blackHoleDouble = h[i, j]
  }
  _blackHoleInt = n
}

// MARK: - Registration

extension Harness {
  /// Registers W3 at N = 2, 8, 16.
  mutating func addW3() {
    for n in [2, 8, 16] {
      let pool = Self.w2Pool(n)
      let f = RosenbrockFunction()

      /// Largest relative difference of two Hessians, normwise (relative
      /// to the larger of the reference's largest entry and 1).
      func difference(_ got: Hessian<Double>, _ want: Hessian<Double>)
        -> Double
      {
        if got.count != want.count { return .infinity }
        var scale = 1.0
        for i in 0..<n { for j in 0...i { scale = max(scale, abs(want[i, j])) } }
        var worst = 0.0
        for i in 0..<n {
          for j in 0...i {
            let e = abs(got[i, j] - want[i, j]) / scale
            if !(e <= worst) { worst = e }
          }
        }
        return worst
      }

      // Checks a Hessian at every input of the pool, relative 1e-10: the
      // tape and the second-order passes sum the terms in another order.
      func check(_ candidate: @escaping ([Double]) -> Hessian<Double>?)
        -> () -> String?
      {
        {
          for x in pool {
            guard let got = candidate(x) else { return "threw at x = \(x)" }
            let want = rosenbrockHessian(x)
            if !(difference(got, want) <= 1e-10) {
              return "at x = \(x): got \(got.rows), expected \(want.rows)"
            }
          }
          return nil
        }
      }

      add(
        "W3", "primal", n: n, role: .primal,
        verify: { nil },
        body: { count in cycle4(pool, count) { blackHole(rosenbrock($0)) } })

      add(
        "W3", "handwritten-fresh-hessian", n: n, role: .extra,
        verify: {
          for x in pool {
            let got = rosenbrockHessian(x).rows
            let want = rosenbrockHessianTextbook(x)
            if !(relativeError(got.flatMap { $0 }, want.flatMap { $0 })
              <= verificationTolerance)
            {
              return "at x = \(x): got \(got), expected \(want)"
            }
          }
          return nil
        },
        body: { count in
          cycle4(pool, count) { blackHole(rosenbrockHessian($0)) }
        })

      let packed = n * (n + 1) / 2
      add(
        "W3", "handwritten", n: n, role: .handwritten,
        verify: check { x in
          var h = try! Hessian<Double>(count: n)
          let buffer = UnsafeMutableBufferPointer<Double>.allocate(
            capacity: packed)
          defer { buffer.deallocate() }
          buffer.initialize(repeating: .nan)
          rosenbrockHessian(x, intoPacked: buffer)
          for i in 0..<n {
            for j in 0...i { h[i, j] = buffer[i * (i + 1) / 2 + j] }
          }
          return h
        },
        body: { count in
          let h = UnsafeMutableBufferPointer<Double>.allocate(capacity: packed)
          h.initialize(repeating: 0)
          defer { h.deallocate() }
          cycle4(pool, count) { x in
            rosenbrockHessian(x, intoPacked: h)
            blackHole(h)
          }
        })

      // One row per strategy, `.automatic` last; named by the case.
      let strategies =
        HessianStrategy.allCases.filter { $0 != .automatic } + [.automatic]
      for strategy in strategies {
        add(
          "W3", "\(strategy)", n: n, role: .epsilon,
          verify: check { try? hessian(of: f, at: $0, strategy: strategy) },
          body: { count in
            cycle4(pool, count) { x in
              blackHole(try! hessian(of: f, at: x, strategy: strategy))
            }
          })
      }

      // The closure form, one parameter type at every N.
      add(
        "W3", "closure", n: n, role: .epsilon,
        verify: check { x in try? hessian(at: x) { rosenbrock($0) } },
        body: { count in
          cycle4(pool, count) { x in
            blackHole(try! hessian(at: x) { rosenbrock($0) })
          }
        })

      // H·v along a fixed direction: the ADFunction form (one hyper-dual
      // evaluation up to eight inputs, a tape beyond) and the closure form
      // (a tape at every N). Not a Hessian: compare with each other only.
      let v = (0..<n).map { 0.3 - 0.05 * Double($0 % 5) }
      func checkProduct(_ candidate: @escaping ([Double]) -> [Double]?)
        -> () -> String?
      {
        {
          for x in pool {
            guard let got = candidate(x) else { return "threw at x = \(x)" }
            let want = try! rosenbrockHessian(x).multiplied(by: v)
            let scale = want.map(abs).max().map { Swift.max($0, 1) } ?? 1
            for (a, b) in zip(got, want) where !(abs(a - b) / scale <= 1e-12) {
              return "H·v at x = \(x): got \(got), expected \(want)"
            }
          }
          return nil
        }
      }
      let products: [(String, ([Double]) throws -> [Double])] = [
        ("hvp", { x in try hessianVectorProduct(of: f, at: x, along: v) }),
        ("hvp-closure", { x in try hessianVectorProduct(at: x, along: v) { rosenbrock($0) } }),
      ]
      for (name, product) in products {
        add(
          "W3", name, n: n, role: .extra,
          verify: checkProduct { try? product($0) },
          body: { count in cycle4(pool, count) { x in blackHole(try! product(x)) } })
      }

      // Forward over reverse by hand, one sweep of N-lane duals.
      switch n {
      case ...2: addW3ForwardOverReverse(SIMD2<Double>.self, n: n, pool: pool, check: check)
      case ...8: addW3ForwardOverReverse(SIMD8<Double>.self, n: n, pool: pool, check: check)
      default: addW3ForwardOverReverse(SIMD16<Double>.self, n: n, pool: pool, check: check)
      }

      let names = strategies.map { "\($0)" } + ["forward-over-reverse"]
      addNote("W3", n: n) { results in
        let chosen = results.filter {
          names.contains($0.benchmark.variant)
            && $0.benchmark.variant != "automatic"
        }
        guard let best = chosen.min(by: { $0.median < $1.median }),
          let bestMin = chosen.min(by: { $0.minimum < $1.minimum })
        else { return [] }
        let resolved = HessianStrategy.automatic.resolved(for: f, at: pool[0])
        return [
          "fastest strategy at N = \(n): \(best.benchmark.variant) (median),"
            + " \(bestMin.benchmark.variant) (minimum);"
            + " .automatic resolves to \(resolved)"
        ]
      }
    }

    for (n, limit) in [(8, 15.0), (16, 25.0)] {
      addTarget(
        Target(
          workload: "W3", n: n, variant: "automatic",
          baseline: "handwritten", atMost: limit))
    }
    addTarget(
      Target(workload: "W3", n: 16, variant: "sparse", baseline: "handwritten", atMost: 10))
    for n in [2, 8, 16] {
      addTarget(
        Target(workload: "W3", n: n, variant: "closure", baseline: "automatic", atMost: 1.5))
    }
  }

  /// Registers `forward-over-reverse`: `reverseGradient` on
  /// `Dual<P>` inputs, P wide enough for every input (one sweep).
  mutating func addW3ForwardOverReverse<P: SIMD & DualPartials>(
    _ width: P.Type, n: Int, pool: [[Double]],
    check: (@escaping ([Double]) -> Hessian<Double>?) -> () -> String?
  ) where P.Scalar == Double {
    add(
      "W3", "forward-over-reverse", n: n, role: .epsilon,
      verify: check { rosenbrockHessianForwardOverReverse($0, width: P.self) },
      body: { count in
        cycle4(pool, count) { x in
          if let h = rosenbrockHessianForwardOverReverse(x, width: P.self) {
            blackHole(h)
          }
        }
      })
  }
}
