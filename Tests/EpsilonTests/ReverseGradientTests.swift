import Epsilon
import Testing

// The tape against forward mode on generic functions, the drivers, nested
// modes, concurrency and storage reuse.

/// Agreement of two modes: both sum the same products in different orders,
/// so a few ulps of the largest partial (relative 1e-12 leaves room for
/// sums of ~10⁴ terms).
private let modeTolerance = 1e-12

private func close(_ a: [Double], _ b: [Double]) -> Bool {
  let scale = Swift.max(1, b.map { abs($0) }.max() ?? 0)
  return a.count == b.count
    && zip(a, b).allSatisfy { abs($0 - $1) <= modeTolerance * scale }
}

/// The extended Rosenbrock function (WORKLOADS.md W2), from the catalog.
private func rosenbrock<T: ADReal>(_ x: [T]) -> T { Rosenbrock()(x) }

/// Elementary functions from the rule table, mixed with control flow.
private func mixed<T: ADReal>(_ x: [T]) -> T {
  var s: T = 0
  for (i, xi) in x.enumerated() {
    let t = T.exp(xi / 3) * T.sin(xi) + T.log1p(xi * xi) + T.sqrt(1 + xi * xi)
    s += i % 2 == 0 ? t * xi : t / (2 + T.cos(xi))
    if xi > 0.5 { s += T.atan2(xi, 1 + s * s) + T.pow(xi, 2.5) + T.tanh(s / 10) }
  }
  return s
}

private func point(_ n: Int) -> [Double] { (0..<n).map { 0.5 + 0.1 * Double($0) } }

@Suite("Reverse gradients")
struct ReverseGradientTests {
  @Test("Rosenbrock, N = 1…40: tape equals forward", arguments: 1...40)
  func rosenbrockAgrees(n: Int) throws {
    let x = point(n)
    let forward = gradient(at: x) { rosenbrock($0) }
    let reverse = try reverseGradient(at: x) { rosenbrock($0) }
    #expect(close(reverse, forward))
  }

  @Test("FD's reference: Rosenbrock at (0.1, 0.2, 0.3)")
  func rosenbrockReference() throws {
    // ForwardDiff's test values: f = 11.82, ∇f = (−9.4, 15.6, 52.0).
    let (f, g) = try valueWithReverseGradient(at: [0.1, 0.2, 0.3]) {
      rosenbrock($0)
    }
    #expect(abs(f - 11.82) < 1e-12)
    #expect(close(g, [-9.4, 15.6, 52.0]))
  }

  @Test(
    "Elementary functions and branches: tape equals forward",
    arguments: [1, 3, 8, 17])
  func mixedAgrees(n: Int) throws {
    let x = (0..<n).map { -0.7 + 0.23 * Double($0) }
    let forward = gradient(at: x) { mixed($0) }
    let reverse = try reverseGradient(at: x) { mixed($0) }
    #expect(close(reverse, forward))
  }

  @Test("10⁴ inputs: tape equals the hand-written gradient")
  func manyInputs() throws {
    // Forward chunks cost O(N²) here (minutes in a debug build); the
    // analytic gradient is the reference, and forward agreement is checked
    // above up to N = 200.
    let x = point(10_000).map { $0.truncatingRemainder(dividingBy: 2) }
    var expected = [Double](repeating: 0, count: x.count)
    for i in 0..<(x.count - 1) {
      let a = x[i + 1] - x[i] * x[i]
      expected[i] += -400 * x[i] * a - 2 * (1 - x[i])
      expected[i + 1] += 200 * a
    }
    let reverse = try reverseGradient(at: x) { rosenbrock($0) }
    #expect(close(reverse, expected))
  }

  @Test("gradient(of:at:mode:): every mode agrees", arguments: [2, 12, 13, 64, 200])
  func modes(n: Int) throws {
    let x = point(n)
    let automatic = try gradient(of: Rosenbrock(), at: x)
    let forward = try gradient(of: Rosenbrock(), at: x, mode: .forward)
    let reverse = try gradient(of: Rosenbrock(), at: x, mode: .reverse)
    #expect(close(automatic, forward) && close(reverse, forward))
  }

  @Test("A reused tape gives the same gradients as a new one")
  func reusedTape() throws {
    let tape = GradientTape<Double>()
    for n in [5, 50, 3, 500] {
      let x = point(n)
      let reused = try tape.gradient(at: x) { rosenbrock($0) }
      #expect(close(reused, gradient(at: x) { rosenbrock($0) }))
    }
  }

  @Test("Vector-Jacobian product of (x0·x1, sin x0) along (1, 1)")
  func vjp() throws {
    let v = try vectorJacobianProduct(at: [1.0, 2.0], along: [1.0, 1.0]) {
      x in [x[0] * x[1], sin(x[0])]
    }
    // vᵀJ = (x1 + cos x0, x0) = (2 + cos 1, 1).
    #expect(close(v, [2 + Double.cos(1.0), 1]))
  }

  @Test("Forward over reverse: Rosenbrock's Hessian at (0.1, 0.2, 0.3)")
  func forwardOverReverse() throws {
    // FD's reference Hessian; one sweep of SIMD4 duals gives all columns.
    typealias D = Dual<SIMD4<Double>>
    let x: [D] = try [0.1, 0.2, 0.3].enumerated().map { try D($1, seed: $0) }
    let g = try reverseGradient(at: x) { rosenbrock($0) }
    let hessian = (0..<3).map { i in (0..<3).map { j in g[i].partials[j] } }
    let expected: [[Double]] = [[-66, -40, 0], [-40, 130, -80], [0, -80, 200]]
    for i in 0..<3 { #expect(close(hessian[i], expected[i])) }
  }

  @Test("Reverse over reverse: the Hessian of mixed equals forward-over-reverse")
  func reverseOverReverse() throws {
    let x0 = [0.3, 0.8, -0.4]
    let outer = GradientTape<Double>(persistent: true)
    let x = outer.variables(x0)
    let inner = GradientTape<GradientTape<Double>.Variable>()
    let xi = inner.variables(x)
    let first = try inner.gradient(of: mixed(xi), withRespectTo: xi)
    typealias D = Dual<SIMD4<Double>>
    let g = try reverseGradient(at: x0.enumerated().map { try D($1, seed: $0) }) {
      mixed($0)
    }
    for i in 0..<3 {
      let row = try outer.gradient(
        of: first[i] ?? 0, withRespectTo: x, unconnected: .zero
      ).map { $0 ?? 0 }
      #expect(close(row, (0..<3).map { g[i].partials[$0] }))
    }
  }

  @Test("Several tapes at once in a TaskGroup give the serial numbers")
  func concurrent() async throws {
    let sizes = Array(1...16).map { 50 * $0 }
    let serial = try sizes.map { try reverseGradient(at: point($0)) { rosenbrock($0) } }
    let parallel = try await concurrently(sizes.count) { k in
      let tape = GradientTape<Double>()
      var g: [Double] = []
      for _ in 0..<5 { g = try tape.gradient(at: point(sizes[k])) { rosenbrock($0) } }
      return g
    }
    #expect(parallel == serial)
  }

  @Test("A 10⁶-operation tape cleared and reused 20 times does not grow")
  func reuseWithoutGrowth() throws {
    let tape = GradientTape<Double>()
    let x = point(125_000)  // 8 recorded slots per input: 10⁶ slots
    _ = try tape.gradient(at: x) { rosenbrock($0) }
    let count = tape.count
    let capacity = tape.capacity
    #expect(count >= 999_000)
    for _ in 0..<20 {
      _ = try tape.gradient(at: x) { rosenbrock($0) }
      #expect(tape.capacity == capacity && tape.count == count)
    }
    #expect(GradientTape<Double>.bytesPerEntry == 24)
  }
}
