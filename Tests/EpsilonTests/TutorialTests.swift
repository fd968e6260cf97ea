// The tutorials' first-order numbers, exactly as they print them.

import Epsilon
import Testing

/// The tutorial's g(x₁, x₂) = (x₁ + 5)·x₂².
private func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }

/// The tutorial's control-flow function: multiplies by x for each i in
/// 0..<y with 1 < i < 5.
private func controlFlow<T: ADReal>(_ x: T, _ y: Int) -> T {
  var output: T = 1
  for i in 0..<y where i > 1 && i < 5 { output *= x }
  return output
}

@Suite("Tutorial: first-order cells")
struct TutorialTests {
  @Test("approximate_derivative(3x² + 2x − 1, 1) prints 7.999999999999119")
  func approximateDerivativeCell() {
    // The tutorial's `3. * x ** 2 + 2. * x - 1`, evaluated in that order.
    let d = approximateDerivative(of: { 3 * ($0 * $0) + 2 * $0 - 1 }, at: 1.0)
    #expect(d == 7.999999999999119)
  }

  @Test("approximate_gradient(g, (2, 3)) prints (8.999999999993236, 41.999999999994486)")
  func approximateGradientCell() {
    let a = approximateGradient(of: { x in (x[0] + 5) * (x[1] * x[1]) }, at: [2.0, 3.0])
    #expect(a == [8.999999999993236, 41.999999999994486])
  }

  @Test("The exact derivative of 3x² + 2x − 1 at 1 is 8")
  func derivativeCell() {
    #expect(derivative(at: 1.0) { x in 3 * x * x + 2 * x - 1 } == 8)
    #expect(derivative(at: Float(1)) { x in 3 * x * x + 2 * x - 1 } == 8)
  }

  @Test("The exact gradient of g at (2, 3) is (9, 42)")
  func gradientCell() {
    #expect(gradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) } == [9, 42])
    #expect(g(2.0, 3.0) == 63)
  }

  @Test("y = 2·xᵀx at (0, 1, 2, 3): ∇y = (0, 4, 8, 12)")
  func twiceSquaredNormCell() {
    let x = [0.0, 1, 2, 3]
    #expect(
      gradient(at: x) { x in 2 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]) } == [
        0, 4, 8, 12,
      ])
    #expect(gradient(at: x) { TwiceSquaredNorm()($0) } == [0, 4, 8, 12])
  }

  @Test(
    "Control flow at x = 2: 12, 12, 4 for y = 6, 5, 4",
    arguments: [(6, 12.0), (5, 12.0), (4, 4.0)])
  func controlFlowCell(_ y: Int, _ expected: Double) {
    #expect(derivative(at: 2.0) { x in controlFlow(x, y) } == expected)
  }
}
