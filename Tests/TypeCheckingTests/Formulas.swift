// Formulas that must type-check quickly despite Epsilon's generic overloads
// of operators and elementary functions. CI builds this target with
// -warn-long-expression-type-checking=200 (milliseconds) and fails on any
// warning, so a change that makes the type checker slow on one-line math
// is caught here, at compile time. The tests also check the values, so the
// target cannot silently compile to nothing.

import Epsilon
import Testing

@Suite struct FormulaTypeCheckingTests {
  @Test func oneLineFormulaWithLiterals() {
    let d = derivative(at: 0.7) { x in
      sin(x) * exp(x) / (1 + x * x) + log1p(x) - atan2(x, 2) + pow(x, 2.5)
        + hypot(x, 3)
    }
    #expect(d.isFinite)
  }

  @Test func longerFormulas() {
    let d1 = derivative(at: 0.3) { x in
      3 * x * x * x - 2 * x * x + 7 * x - 4 + sqrt(1 + x * x) / (2 + cos(x))
    }
    let d2 = derivative(at: 0.4) { x in
      exp(-x * x / 2) * (1 + erf(x / sqrt(2))) / 2 + tanh(3 * x - 1) * 0.5
    }
    let d3 = derivative(at: 1.2) { x in
      log(1 + exp(x)) - x / (1 + exp(-x)) + pow(x, 3) - cbrt(x) + atan(x / 3)
    }
    #expect(d1.isFinite && d2.isFinite && d3.isFinite)
  }

  @Test func gradientFormulas() {
    let g = gradient(at: [0.5, 1.5, -0.25]) { v in
      v[0] * v[1] + sin(v[2]) * exp(v[0]) - v[1] * v[1] / (1 + v[2] * v[2])
        + hypot(v[0], v[1]) + 2 * v[0] - 0.5
    }
    #expect(g.count == 3)
    let h = gradient(at: [1.0, 2.0]) { x in
      100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
    }
    // ∂/∂x0 = −400·x0·(x1 − x0²) − 2(1 − x0) = −400, ∂/∂x1 = 200(x1 − x0²) = 200
    #expect(h == [-400, 200])
  }

  @Test func genericFormula() {
    func f<T: ADReal>(_ x: T, _ y: T) -> T {
      (x + 5) * y * y - 3 * x / (y + 1) + T.exp(-x * y) * 0.25 + T.sqrt(x * x + 1)
    }
    #expect(gradient(at: [2.0, 3.0]) { v in f(v[0], v[1]) }.count == 2)
  }

  @Test func secondOrderFormulas() throws {
    let d2 = secondDerivative(at: 0.4) { x in
      exp(-x * x / 2) * (1 + erf(x / sqrt(2))) / 2 + tanh(3 * x - 1) * 0.5
    }
    let h = try hessian(at: [0.4, 0.5]) { x in
      exp(-x[0] * x[1] / 2) * (1 + erf(x[0] / sqrt(2))) / 2
        + tanh(3 * x[1] - 1) * 0.5
    }
    let hv = try hessianVectorProduct(at: [0.4, 0.5], along: [1, 0]) { x in
      exp(-x[0] * x[1] / 2) * (1 + erf(x[0] / sqrt(2))) / 2
        + tanh(3 * x[1] - 1) * 0.5
    }
    #expect(d2.isFinite && h.count == 2 && hv.count == 2)
  }
}
