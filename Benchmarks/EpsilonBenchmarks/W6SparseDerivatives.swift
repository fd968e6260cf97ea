// W6 — sparse derivatives (Benchmarks/WORKLOADS.md), N = 10², 10³, 10⁴, 10⁵,
// in ns per call:
// - W6h: the sparse Hessian of extended Rosenbrock (tridiagonal, 3 star
//   colours) by a reused `SparseHessianPlan`, against one reverse gradient
//   on a reused tape (the natural unit), a hand-written tridiagonal Hessian
//   into a preallocated buffer, and the dense forward-over-reverse Hessian
//   (N ≤ 10³); plus detection and colouring (building the plan).
// - W6j: the sparse Jacobian of the 2-D Bratu residual on a k × k grid
//   (k = 10, 32, 100, 316: a 5-point stencil, 6 colours) by a reused
//   `SparseJacobianPlan`, against the residual itself, a hand-written
//   Jacobian into a preallocated buffer, and building the plan.

import Epsilon

// MARK: - Functions and hand-written derivatives

/// The 2-D Bratu residual (MINPACK-2) on a k × k grid, zero on the
/// boundary: (4uₚ − Σ neighbours)/h² − λe^uₚ, λ = 6.
struct BratuResidual: ADVectorFunction {
  var k: Int
  var lambda = 6.0

  func callAsFunction<T: ADReal>(_ u: [T]) -> [T] {
    let h = 1 / Double(k + 1)
    let scale = T(1 / (h * h))
    let l = T(lambda)
    var r: [T] = []
    r.reserveCapacity(k * k)
    for row in 0..<k {
      for col in 0..<k {
        let p = row * k + col
        var s = 4 * u[p]
        if row > 0 { s -= u[p - k] }
        if row + 1 < k { s -= u[p + k] }
        if col > 0 { s -= u[p - 1] }
        if col + 1 < k { s -= u[p + 1] }
        r.append(s * scale - l * T.exp(u[p]))
      }
    }
    return r
  }
}

/// The Bratu Jacobian by hand, in the compressed-column order of its
/// pattern (column q: rows q − k, q − 1, q, q + 1, q + k where they exist).
func bratuJacobian(
  _ u: [Double], k: Int, lambda: Double, into v: UnsafeMutableBufferPointer<Double>
) {
  let h = 1 / Double(k + 1)
  let scale = 1 / (h * h)
  var e = 0
  for row in 0..<k {
    for col in 0..<k {
      let q = row * k + col
      if row > 0 {
        v[e] = -scale
        e += 1
      }
      if col > 0 {
        v[e] = -scale
        e += 1
      }
      v[e] = 4 * scale - lambda * Double.exp(u[q])
      e += 1
      if col + 1 < k {
        v[e] = -scale
        e += 1
      }
      if row + 1 < k {
        v[e] = -scale
        e += 1
      }
    }
  }
}

/// The Rosenbrock Hessian by hand, in the compressed-column order of its
/// tridiagonal pattern (column j: rows j − 1, j, j + 1).
func rosenbrockSparseHessian(_ x: [Double], into v: UnsafeMutableBufferPointer<Double>) {
  let n = x.count
  var e = 0
  for j in 0..<n {
    if j > 0 {
      v[e] = -400 * x[j - 1]
      e += 1
    }
    var d = j > 0 ? 200.0 : 0
    if j + 1 < n { d += 1200 * x[j] * x[j] - 400 * x[j + 1] + 2 }
    v[e] = d
    e += 1
    if j + 1 < n {
      v[e] = -400 * x[j]
      e += 1
    }
  }
}

/// W6's plans and buffers at one N, built on first use, so a run filtered
/// to other rows builds none.
final class W6State {
  let n: Int
  let k: Int
  init(_ n: Int, k: Int) {
    self.n = n
    self.k = k
  }
  lazy var points: [[Double]] = Array(Harness.w2Pool(n).prefix(2))
  lazy var grids: [[Double]] = (0..<2).map { (s: Int) -> [Double] in
    (0..<(k * k)).map { (p: Int) -> Double in
      let shift: Double = 0.05 * Double(s)
      let wave: Double = 0.2 * Double(p % 7) / 7
      return 0.1 + shift + wave
    }
  }
  lazy var hessianPlan = try! SparseHessianPlan(of: RosenbrockFunction(), at: points[0])
  // The matrices are stored, not lazy: an inout access to a lazy
  // property goes through its getter and setter, so a plan would fill a
  // copy, and every call would copy every value first. They take the
  // plans' patterns on the first call (the checks, before any timing).
  var hessian = SparseMatrix<Double>(pattern: W6State.emptyPattern)
  lazy var hessianBuffer = UnsafeMutableBufferPointer<Double>.allocate(
    capacity: hessianPlan.pattern.nonzeroCount)
  lazy var jacobianPlan = try! SparseJacobianPlan(of: BratuResidual(k: k), at: grids[0])
  var jacobian = SparseMatrix<Double>(pattern: W6State.emptyPattern)
  lazy var jacobianBuffer = UnsafeMutableBufferPointer<Double>.allocate(
    capacity: jacobianPlan.pattern.nonzeroCount)
  let tape = GradientTape<Double>()
  static let emptyPattern = try! SparsityPattern(rowCount: 0, columnCount: 0, entries: [])
}

// MARK: - Registration

extension Harness {
  /// W6's sizes: N = 10²…10⁵ (grids of side 10, 32, 100, 316), only 10²
  /// with `--quick`.
  var w6Sizes: [(n: Int, k: Int)] {
    options.quick
      ? [(100, 10)] : [(100, 10), (1_000, 32), (10_000, 100), (100_000, 316)]
  }

  /// Registers W6h and W6j at every size in `w6Sizes`, and W6m.
  mutating func addW6() {
    addW6JacobianModes()
    for (n, k) in w6Sizes {
      let s = W6State(n, k: k)
      let rounds = n >= 100_000 ? 9 : n >= 10_000 ? 21 : nil
      let granularity = n >= 10_000 ? 1 : 4
      func calls(_ count: Int, _ pool: [[Double]], _ call: ([Double]) -> Void) {
        let (a, b) = (pool[0], pool[1])
        for c in 0..<count { call(c & 1 == 0 ? a : b) }
      }

      // W6h: the sparse Hessian of extended Rosenbrock.
      func checkHessian() -> String? {
        for x in s.points {
          guard (try? s.hessianPlan.hessian(at: x, into: &s.hessian)) != nil else {
            return "the plan threw"
          }
          rosenbrockSparseHessian(x, into: s.hessianBuffer)
          if !(relativeError(s.hessian.values, Array(s.hessianBuffer)) <= verificationTolerance) {
            return "sparse Hessian differs from the hand-written one"
          }
        }
        return nil
      }
      add(
        "W6h", "primal", n: n, role: .primal, granularity: granularity, maxRounds: rounds,
        verify: { nil }, body: { count in calls(count, s.points) { blackHole(rosenbrock($0)) } })
      add(
        "W6h", "handwritten", n: n, role: .handwritten, granularity: granularity,
        maxRounds: rounds, verify: checkHessian,
        body: { count in
          calls(count, s.points) { x in
            rosenbrockSparseHessian(x, into: s.hessianBuffer)
            blackHole(s.hessianBuffer)
          }
        })
      add(
        "W6h", "reverse-gradient", n: n, role: .extra, granularity: granularity,
        maxRounds: rounds,
        verify: {
          let g = try? s.tape.gradient(at: s.points[0]) { rosenbrock($0) }
          return g.map { relativeError($0, rosenbrockGradient(s.points[0])) }
            .map { $0 <= verificationTolerance ? nil : "gradient differs" } ?? "threw"
        },
        body: { count in
          calls(count, s.points) { x in
            if let g = try? s.tape.gradient(at: x, of: { rosenbrock($0) }) { blackHole(g) }
          }
        })
      add(
        "W6h", "sparse-plan", n: n, role: .epsilon, granularity: granularity,
        maxRounds: rounds, verify: checkHessian,
        body: { count in
          calls(count, s.points) { x in
            try? s.hessianPlan.hessian(at: x, into: &s.hessian)
            blackHole(s.hessian.values[0])
          }
        })
      if n <= 1_000 {
        add(
          "W6h", "dense-forward-over-reverse", n: n, role: .extra, granularity: 1,
          maxRounds: rounds,
          verify: {
            guard
              let d = try? hessian(
                of: RosenbrockFunction(), at: s.points[0], strategy: .forwardOverReverse)
            else { return "the dense Hessian threw" }
            _ = try? s.hessianPlan.hessian(at: s.points[0], into: &s.hessian)
            for (i, j, v) in s.hessian.triplets where d[i, j] != v {
              return "dense (\(i), \(j)) differs from the sparse entry"
            }
            return nil
          },
          body: { count in
            calls(count, s.points) { x in
              let h = try! hessian(of: RosenbrockFunction(), at: x, strategy: .forwardOverReverse)
              blackHole(h[0, 0])
            }
          })
      }
      add(
        "W6h", "detect+colour", n: n, role: .extra, granularity: 1,
        maxRounds: n >= 100_000 ? 5 : rounds,
        verify: {
          let plan = try? SparseHessianPlan(of: RosenbrockFunction(), at: s.points[0])
          return plan?.coloring.colorCount == 3 ? nil : "not 3 colours"
        },
        body: { count in
          calls(count, s.points) { x in
            if let plan = try? SparseHessianPlan(of: RosenbrockFunction(), at: x) {
              blackHole(Double(plan.coloring.colorCount))
            }
          }
        })
      addNote("W6h", n: n) { _ in
        [
          "pattern \(s.hessianPlan.pattern), \(s.hessianPlan.coloring.colorCount) star colours"
        ]
      }
      addTarget(
        Target(
          workload: "W6h", n: n, variant: "sparse-plan", baseline: "reverse-gradient", atMost: 8))
      if n == 100_000 {
        addTarget(
          Target(
            workload: "W6h", n: n, variant: "detect+colour", baseline: "reverse-gradient",
            atMost: 50))
      }
      addTarget(
        Target(workload: "W6h", n: n, variant: "sparse-plan", baseline: "handwritten"))

      // W6j: the sparse Jacobian of the Bratu residual.
      let f = BratuResidual(k: k)
      let m = k * k
      func checkJacobian() -> String? {
        for u in s.grids {
          guard (try? s.jacobianPlan.jacobian(at: u, into: &s.jacobian)) != nil else {
            return "the plan threw"
          }
          bratuJacobian(u, k: k, lambda: f.lambda, into: s.jacobianBuffer)
          if !(relativeError(s.jacobian.values, Array(s.jacobianBuffer)) <= verificationTolerance) {
            return "sparse Jacobian differs from the hand-written one"
          }
        }
        return nil
      }
      add(
        "W6j", "primal", n: m, role: .primal, granularity: granularity, maxRounds: rounds,
        verify: { nil },
        body: { count in calls(count, s.grids) { blackHole(f($0)) } })
      add(
        "W6j", "handwritten", n: m, role: .handwritten, granularity: granularity,
        maxRounds: rounds, verify: checkJacobian,
        body: { count in
          calls(count, s.grids) { u in
            bratuJacobian(u, k: k, lambda: f.lambda, into: s.jacobianBuffer)
            blackHole(s.jacobianBuffer)
          }
        })
      add(
        "W6j", "sparse-plan", n: m, role: .epsilon, granularity: granularity,
        maxRounds: rounds, verify: checkJacobian,
        body: { count in
          calls(count, s.grids) { u in
            try? s.jacobianPlan.jacobian(at: u, into: &s.jacobian)
            blackHole(s.jacobian.values[0])
          }
        })
      add(
        "W6j", "detect+colour", n: m, role: .extra, granularity: 1,
        maxRounds: n >= 100_000 ? 5 : rounds,
        verify: { nil },
        body: { count in
          calls(count, s.grids) { u in
            if let plan = try? SparseJacobianPlan(of: f, at: u) {
              blackHole(Double(plan.coloring.colorCount))
            }
          }
        })
      addNote("W6j", n: m) { results in
        let c = s.jacobianPlan.coloring.colorCount
        let width = c <= 2 ? 2 : c <= 4 ? 4 : c <= 8 ? 8 : 16
        let passes = (c + width - 1) / width
        var lines = [
          "pattern \(s.jacobianPlan.pattern), \(c) colours, \(passes) pass(es) of"
            + " Dual<SIMD\(width)>; target sparse-plan ≤ 4 × primal × \(passes)"
        ]
        if let p = results.first(where: { $0.benchmark.variant == "primal" }),
          let j = results.first(where: { $0.benchmark.variant == "sparse-plan" })
        {
          let ratio = j.median / (p.median * Double(passes))
          lines.append(
            "sparse-plan / (primal × passes) = \(format(ratio, 2)) \(ratio <= 4 ? "met" : "MISSED")"
          )
        }
        return lines
      }
      addTarget(Target(workload: "W6j", n: m, variant: "sparse-plan", baseline: "handwritten"))
    }
  }
}
