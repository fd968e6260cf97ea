// W2 — gradient of the extended Rosenbrock function, small N
// (Benchmarks/WORKLOADS.md):
//
//   f(x) = Σ_{i=0}^{N−2} 100·(x[i+1] − x[i]²)² + (1 − x[i])²,  N = 2, 8, 16,
//
// at x[i] = 0.5 + 0.1·i, in ns per gradient. One generic kernel runs as the
// primal and under `Dual<SIMDw<Double>>` in one pass (N ≤ w) or ⌈N/w⌉
// chunked passes; the hand-written gradient and `_Differentiation` are the
// baselines.

import Epsilon
import _Differentiation

// MARK: - The kernel, written once

/// The extended Rosenbrock function, generic.
func rosenbrock<T: ADReal>(_ x: [T]) -> T {
  var sum: T = 0
  if x.count < 2 { return sum }
  for i in 0..<(x.count - 1) {
    let a = x[i + 1] - x[i] * x[i]
    let b = 1 - x[i]
    sum += 100 * a * a + b * b
  }
  return sum
}

// MARK: - Hand-written baselines

/// The gradient by hand, into a caller's buffer of at least `x.count`
/// elements (no allocation):
/// ```
/// ∂f/∂x[i] = −400·x[i]·(x[i+1] − x[i]²) − 2(1 − x[i])    (i < N − 1)
///          + 200·(x[i] − x[i−1]²)                          (i > 0)
/// ```
func rosenbrockGradient(
  _ x: [Double], into g: UnsafeMutableBufferPointer<Double>
) {
  x.withUnsafeBufferPointer { x in
    let n = x.count
    if n == 0 { return }
    var carry = 0.0  // 200·(x[i] − x[i−1]²), the term from the left neighbour
    for i in 0..<(n - 1) {
      let a = x[i + 1] - x[i] * x[i]
      g[i] = carry - 400 * x[i] * a - 2 * (1 - x[i])
      carry = 200 * a
    }
    g[n - 1] = carry
  }
}

/// The gradient by hand, as a fresh array: like with like for Epsilon's
/// `gradient(at:of:)`, which returns a fresh array too.
///
/// Allocating any fresh `[Double]` costs ≈ 800 instructions here (callgrind):
/// malloc and free, and ≈ 350 for a lookup of the array's storage metadata
/// in the runtime's hash map, made on every call by the unspecialised
/// allocation entry points of the Linux stdlib; the reference row,
/// `handwritten`, writes into a caller's buffer and shows the gradient
/// without it.
func rosenbrockGradient(_ x: [Double]) -> [Double] {
  var g = [Double](repeating: 0, count: x.count)
  g.withUnsafeMutableBufferPointer { rosenbrockGradient(x, into: $0) }
  return g
}

/// The gradient term by term as the textbook writes it: checks the
/// baseline, which every other row is then checked against.
func rosenbrockGradientTextbook(_ x: [Double]) -> [Double] {
  var g = [Double](repeating: 0, count: x.count)
  if x.count < 2 { return g }
  for i in 0..<(x.count - 1) {
    g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i])
    g[i + 1] += 200 * (x[i + 1] - x[i] * x[i])
  }
  return g
}

// MARK: - Swift's _Differentiation

/// The same f on `[Double]` for `_Differentiation`.
@differentiable(reverse)
func rosenbrockSwift(_ x: [Double]) -> Double {
  var sum = 0.0
  let n = withoutDerivative(at: x.count)
  if n < 2 { return sum }
  for i in 0..<(n - 1) {
    let a = x[i + 1] - x[i] * x[i]
    let b = 1 - x[i]
    sum += 100 * a * a + b * b
  }
  return sum
}

// MARK: - Registration

extension Harness {
  /// Four inputs near W2's point x[i] = 0.5 + 0.1·i: the point itself and
  /// three perturbations, so no result is a loop constant.
  static func w2Pool(_ n: Int) -> [[Double]] {
    (0..<4).map { (k: Int) -> [Double] in
      (0..<n).map { (i: Int) -> Double in
        let sign: Double = i % 2 == 0 ? 1 : -1
        let base: Double = 0.5 + 0.1 * Double(i)
        return base + 0.001 * Double(k) * sign
      }
    }
  }

  /// Registers W2 at N = 2, 8, 16.
  mutating func addW2() {
    for n in [2, 8, 16] {
      let pool = Self.w2Pool(n)

      // Checks a gradient at every input of the pool.
      func check(_ candidate: @escaping ([Double]) -> [Double])
        -> () -> String?
      {
        {
          for x in pool {
            let got = candidate(x)
            let want = rosenbrockGradient(x)
            if !(relativeError(got, want) <= verificationTolerance) {
              return "at x = \(x): got \(got), expected \(want)"
            }
          }
          return nil
        }
      }

      add(
        "W2", "primal", n: n, role: .primal,
        verify: {
          for x in pool where rosenbrock(x) != rosenbrockSwift(x) {
            return "primal differs from the _Differentiation function"
          }
          return nil
        },
        body: { count in cycle4(pool, count) { blackHole(rosenbrock($0)) } })

      add(
        "W2", "handwritten-fresh-array", n: n, role: .extra,
        verify: {
          // The baseline itself, against the textbook form term by term.
          for x in pool {
            let got = rosenbrockGradient(x)
            let want = rosenbrockGradientTextbook(x)
            if !(relativeError(got, want) <= verificationTolerance) {
              return "at x = \(x): got \(got), expected \(want)"
            }
          }
          return nil
        },
        body: { count in
          cycle4(pool, count) { blackHole(rosenbrockGradient($0)) }
        })

      add(
        "W2", "handwritten", n: n, role: .handwritten,
        verify: check { x in
          var g = [Double](repeating: .nan, count: x.count)
          g.withUnsafeMutableBufferPointer { rosenbrockGradient(x, into: $0) }
          return g
        },
        body: { count in
          let g = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
          defer { g.deallocate() }
          cycle4(pool, count) { x in
            rosenbrockGradient(x, into: g)
            blackHole(g)
          }
        })

      // One pass when N ≤ w, ⌈N/w⌉ chunked passes otherwise; widths up to
      // the first that holds N in one pass.
      addW2Chunk(SIMD2<Double>.self, n: n, pool: pool, check: check)
      if n > 2 { addW2Chunk(SIMD4<Double>.self, n: n, pool: pool, check: check) }
      if n > 4 { addW2Chunk(SIMD8<Double>.self, n: n, pool: pool, check: check) }
      if n > 8 {
        addW2Chunk(SIMD16<Double>.self, n: n, pool: pool, check: check)
      }

      // The forward pass alone, allocation-free: what the driver's two
      // fresh arrays cost is the difference to dual-simdW.
      if n == 8 { addW2PassOnly(SIMD8<Double>.self, n: n, pool: pool) }
      if n == 16 { addW2PassOnly(SIMD16<Double>.self, n: n, pool: pool) }

      // The public allocation-free path (GradientWorkspace): like with like
      // against the hand-written gradient into a buffer.
      if n == 2 { addW2Workspace(SIMD2<Double>.self, n: n, pool: pool, check: check) }
      if n >= 8 { addW2Workspace(SIMD8<Double>.self, n: n, pool: pool, check: check) }
      if n == 16 { addW2Workspace(SIMD16<Double>.self, n: n, pool: pool, check: check) }

      add(
        "W2", "dual-default", n: n, role: .epsilon,
        verify: check { Epsilon.gradient(at: $0, of: rosenbrock) },
        body: { count in
          cycle4(pool, count) {
            blackHole(Epsilon.gradient(at: $0, of: rosenbrock))
          }
        })

      // The same gradient by the reverse tape, its storage reused between
      // calls, which sets GradientMode's threshold.
      let tape = GradientTape<Double>()
      add(
        "W2", "tape-reused", n: n, role: .epsilon,
        verify: check { x in (try? tape.gradient(at: x, of: rosenbrock)) ?? [] },
        body: { count in
          cycle4(pool, count) {
            blackHole((try? tape.gradient(at: $0, of: rosenbrock)) ?? [])
          }
        })

      add(
        "W2", "swift-differentiation", n: n, role: .swiftDifferentiation,
        verify: check {
          _Differentiation.gradient(at: $0, of: rosenbrockSwift).base
        },
        body: { count in
          cycle4(pool, count) {
            blackHole(_Differentiation.gradient(at: $0, of: rosenbrockSwift).base)
          }
        })
    }

    for (n, onePass, limit) in [(8, "dual-simd8", 1.5), (16, "dual-simd16", 2)] {
      addTarget(
        Target(
          workload: "W2", n: n, variant: onePass, baseline: "handwritten",
          atMost: limit))
      addTarget(
        Target(
          workload: "W2", n: n, variant: onePass,
          baseline: "swift-differentiation", timesFaster: 100))
      addTarget(
        Target(
          workload: "W2", n: n, variant: "handwritten-fresh-array",
          baseline: "handwritten"))
      addTarget(
        Target(
          workload: "W2", n: n, variant: "\(onePass)-workspace",
          baseline: "handwritten"))
    }
  }

  /// Registers `dual-simdW-workspace`: `GradientWorkspace` reused across
  /// calls, writing into a caller's array; no allocation per call.
  mutating func addW2Workspace<P: SIMD & DualPartials>(
    _ chunk: P.Type, n: Int, pool: [[Double]],
    check: (@escaping ([Double]) -> [Double]) -> () -> String?
  ) where P.Scalar == Double {
    add(
      "W2", "dual-simd\(P.scalarCount)-workspace", n: n, role: .epsilon,
      verify: check { x in
        var workspace = GradientWorkspace<P>()
        var g: [Double] = []
        _ = workspace.valueWithGradient(into: &g, at: x, of: rosenbrock)
        return g
      },
      body: { count in
        var workspace = GradientWorkspace<P>()
        var g = [Double](repeating: 0, count: n)
        cycle4(pool, count) { x in
          blackHole(workspace.valueWithGradient(into: &g, at: x, of: rosenbrock))
        }
        blackHole(g)
      })
  }

  /// Registers `dual-simdW-pass-only`: one evaluation of the kernel on
  /// inputs seeded once, gradient lanes copied into a caller's buffer; no
  /// driver and no allocation (N ≤ W). Comparable to
  /// `handwritten`.
  mutating func addW2PassOnly<P: SIMD & DualPartials>(
    _ chunk: P.Type, n: Int, pool: [[Double]]
  ) where P.Scalar == Double {
    let seeded: [[Dual<P>]] = pool.map { x in
      x.indices.map { Dual<P>(x[$0], partials: .unitPartials($0)) }
    }
    add(
      "W2", "dual-simd\(P.scalarCount)-pass-only", n: n, role: .extra,
      verify: {
        for (x, duals) in zip(pool, seeded) {
          let y = rosenbrock(duals)
          let got = (0..<n).map { y.partials[$0] }
          let want = rosenbrockGradient(x)
          if !(relativeError(got, want) <= verificationTolerance) {
            return "at x = \(x): got \(got), expected \(want)"
          }
        }
        return nil
      },
      body: { count in
        let g = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { g.deallocate() }
        cycle4(seeded, count) { duals in
          let y = rosenbrock(duals)
          for i in 0..<n { g[i] = y.partials[i] }
          blackHole(g)
        }
      })
  }

  /// Registers `dual-simdW`: `gradient(at:chunk:of:)` with `P`'s lanes.
  mutating func addW2Chunk<P: SIMD & DualPartials>(
    _ chunk: P.Type, n: Int, pool: [[Double]],
    check: (@escaping ([Double]) -> [Double]) -> () -> String?
  ) where P.Scalar == Double {
    add(
      "W2", "dual-simd\(P.scalarCount)", n: n, role: .epsilon,
      verify: check { Epsilon.gradient(at: $0, chunk: P.self, of: rosenbrock) },
      body: { count in
        cycle4(pool, count) {
          blackHole(Epsilon.gradient(at: $0, chunk: P.self, of: rosenbrock))
        }
      })
  }
}
