import Epsilon
import Testing

@Suite struct GradientWorkspaceTests {
  /// One workspace serves gradients of several sizes and widths of chunk,
  /// giving exactly the allocating driver's numbers.
  @Test(arguments: [0, 1, 7, 8, 9, 17])
  func matchesTheDriver(n: Int) {
    let x = (0..<n).map { 0.5 + 0.1 * Double($0) }
    var workspace = GradientWorkspace<SIMD8<Double>>()
    var g: [Double] = [42]
    for _ in 0..<3 {
      let value = workspace.valueWithGradient(into: &g, at: x) { Rosenbrock()($0) }
      let expected = valueWithGradient(at: x) { Rosenbrock()($0) }
      #expect(value == expected.value)
      #expect(g == expected.gradient)
    }
    // A different size in the same workspace.
    let y = x + [1.5]
    _ = workspace.valueWithGradient(into: &g, at: y) { Rosenbrock()($0) }
    #expect(g == gradient(at: y) { Rosenbrock()($0) })
  }

  /// The stale partials of a previous call must not leak into the next.
  @Test func seedsAreClearedBetweenCalls() {
    var workspace = GradientWorkspace<SIMD2<Double>>()
    var g: [Double] = []
    _ = workspace.valueWithGradient(into: &g, at: [1, 2, 3]) { $0[0] * $0[1] * $0[2] }
    #expect(g == [6, 3, 2])
    _ = workspace.valueWithGradient(into: &g, at: [4, 5, 6]) { $0[0] + $0[2] }
    #expect(g == [1, 0, 1])
  }

  /// Several passes per gradient (7 inputs, 2 lanes: 4 passes), the
  /// workspace reused at moving points: each gradient equals the analytic
  /// one, and the caller's point is never written.
  @Test func multiplePassesAtMovingPoints() {
    var workspace = GradientWorkspace<SIMD2<Double>>()
    var g: [Double] = []
    for k in 0..<5 {
      let x = (0..<7).map { -1.2 + 0.3 * Double($0) + 0.05 * Double(k) }
      let saved = x
      let value = workspace.valueWithGradient(into: &g, at: x) { Rosenbrock()($0) }
      #expect(x == saved)
      #expect(value == Rosenbrock()(x))
      let expected = Rosenbrock().gradient(x)
      for i in 0..<7 {
        #expect(abs(g[i] - expected[i]) <= 1e-12 * max(1, abs(expected[i])), "∂\(i) at k = \(k)")
      }
    }
  }
}
