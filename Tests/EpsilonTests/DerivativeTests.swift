// derivative(at:of:) and valueWithDerivative on the scalar catalog, nested
// for second and third derivatives, and perturbation confusion.

import Epsilon
import Testing

@Suite("Derivative")
struct DerivativeTests {
  static let functions = TestCatalog.scalar.map { $0 as any ScalarTestFunction }

  @Test("First derivatives match f′ (Double and Float)", arguments: functions)
  func firstOrder(_ f: any ScalarTestFunction) {
    for p in f.points {
      let (value, d) = valueWithDerivative(at: p) { f($0) }
      #expect(value == f(p), "value of \(f.name) at \(p)")
      expectClose(d, f.derivative(p), .ulps(64, floor: 1), "\(f.name)′(\(p))")
      let x = Float(p)
      let (valueF, dF) = valueWithDerivative(at: x) { f($0) }
      #expect(valueF == f(x), "Float value of \(f.name) at \(p)")
      expectClose(dF, Float(f.derivative(p)), .ulps(64, floor: 1), "Float \(f.name)′(\(p))")
    }
  }

  @Test("Central differences agree", arguments: functions)
  func centralDifferences(_ f: any ScalarTestFunction) {
    for p in f.points {
      let d = CentralDifference(of: { f($0) }, at: p)
      let exact = derivative(at: p) { f($0) }
      #expect((exact - d.estimate).magnitude <= d.tolerance, "\(f.name)′(\(p))")
    }
  }

  @Test("Nested derivatives give f″ (Double and Float)", arguments: functions)
  func secondOrder(_ f: any ScalarTestFunction) {
    for p in f.points {
      let d2 = derivative(at: p) { x in derivative(at: x) { f($0) } }
      expectClose(d2, f.secondDerivative(p), .ulps(256, floor: 1), "\(f.name)″(\(p))")
      let d2F = derivative(at: Float(p)) { x in derivative(at: x) { f($0) } }
      expectClose(d2F, Float(f.secondDerivative(p)), .ulps(256, floor: 1), "Float \(f.name)″(\(p))")
    }
  }

  @Test("Three levels of nesting give f‴")
  func thirdOrder() {
    func third(_ f: (Dual<Dual<Dual<Double>>>) -> Dual<Dual<Dual<Double>>>, at x: Double) -> Double
    {
      derivative(at: x) { x in derivative(at: x) { x in derivative(at: x, of: f) } }
    }
    // (sin)‴ = −cos; (e^2x)‴ = 8e^2x; (x⁵)‴ = 60x²; (log)‴ = 2/x³.
    expectClose(third({ sin($0) }, at: 0.75), -Double.cos(0.75), .ulps(16), "sin‴")
    expectClose(third({ exp(2 * $0) }, at: 0.5), 8 * Double.exp(1.0), .ulps(16), "(e^2x)‴")
    #expect(third({ pow($0, 5) }, at: 2) == 240)
    #expect(third({ x in x * x * x * x * x }, at: 2) == 240)
    expectClose(third({ log($0) }, at: 1.5), 2 / 3.375, .ulps(16), "log‴")
  }

  @Test("No perturbation confusion: D(x ↦ x·D(y ↦ x + y)(1))(1) = 1")
  func perturbationConfusion() {
    // Siskind & Pearlmutter; ForwardDiff's ConfusionTest.
    let d = derivative(at: 1.0) { x in x * derivative(at: 1) { y in Dual(x) + y } }
    #expect(d == 1)
  }

  @Test("The issue's type-checking formula, at 0.7")
  func formula() {
    let d = derivative(at: 0.7) { x in
      sin(x) * exp(x) / (1 + x * x) + log1p(x) - atan2(x, 2) + pow(x, 2.5) + hypot(x, 3)
    }
    expectClose(d, Smooth().derivative(0.7), .ulps(64), "formula′(0.7)")
  }
}
