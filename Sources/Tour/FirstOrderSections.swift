import Epsilon

/// The tutorials' g(x1, x2) = (x1 + 5) · x2², with x2² computed first as
/// Python's `x2 ** 2` is, so that central differences round identically.
func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * (x2 * x2) }

/// The tutorials' f(x) = 3x² + 2x − 1, in Python's evaluation order.
func f<T: ADReal>(_ x: T) -> T { 3 * (x * x) + 2 * x - 1 }

/// The tutorial's control-flow example: multiplies by x for 1 < i < 5.
func loop<T: ADReal>(_ x: T, _ y: Int) -> T {
  var output: T = 1
  for i in 0..<y where i > 1 && i < 5 { output *= x }
  return output
}

extension Tour {
  static let firstOrder: [Section] = [
    Section(
      id: "numerical", title: "Numerical derivatives by central differences",
      source: "tutorials 000 and 002: approximate_derivative, approximate_gradient",
      code: """
        approximateDerivative(of: { 3 * ($0 * $0) + 2 * $0 - 1 }, at: 1.0)
        approximateGradient(of: { x in g(x[0], x[1]) }, at: [2.0, 3.0])
        """
    ) {
      [
        Check(
          "f′(1) ≈", approximateDerivative(of: { f($0) }, at: 1.0),
          tutorial: 7.999999999999119),
        Check(
          "∇g(2, 3) ≈",
          approximateGradient(of: { x in g(x[0], x[1]) }, at: [2.0, 3.0]),
          tutorial: [8.999999999993236, 41.999999999994486]),
      ]
    },
    Section(
      id: "partials", title: "Exact derivatives and partial derivatives",
      source: "tutorials 000 and 002: tape.gradient(z, x1), [x1, x2]; 003: x²",
      code: """
        derivative(at: 1.0) { x in 3 * x * x + 2 * x - 1 }
        gradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) }
        valueWithDerivative(at: 5.0) { x in x * x }
        """
    ) {
      let square = valueWithDerivative(at: 5.0) { x in x * x }
      return [
        Check("f′(1) =", derivative(at: 1.0) { f($0) }, tutorial: 8),
        Check(
          "∂g/∂x1 at (2, 3) =",
          derivative(at: 2.0) { x1 in g(x1, 3) }, tutorial: 9),
        Check(
          "∇g(2, 3) =", gradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) },
          tutorial: [9, 42]),
        Check(
          "(x², d/dx x²) at 5 =", [square.value, square.derivative],
          tutorial: [25, 10]),
      ]
    },
    Section(
      id: "xtx", title: "Gradients of vector expressions",
      source: "tutorial 001: y = 2·xᵀx; y = x·x, z = y·y over x = (0, 1, 2, 3)",
      code: """
        gradient(at: [0.0, 1, 2, 3]) { x in 2 * x.reduce(0) { $0 + $1 * $1 } }
        gradient(at: x) { x in x.reduce(0) { sum, xi in
          let y = xi * xi
          return sum + y * y
        } }
        """
    ) {
      let x: [Double] = [0, 1, 2, 3]
      return [
        Check(
          "∇(2·xᵀx) =",
          gradient(at: x) { x in 2 * x.reduce(0) { $0 + $1 * $1 } },
          tutorial: [0, 4, 8, 12]),
        Check(
          "∇Σz, z = (x·x)² =",
          gradient(at: x) { x in
            x.reduce(0) { sum, xi in
              let y = xi * xi
              return sum + y * y
            }
          },
          tutorial: [0, 4, 32, 108]),
        Check(
          "∇Σy, y = x·x =",
          gradient(at: x) { x in x.reduce(0) { $0 + $1 * $1 } },
          tutorial: [0, 2, 4, 6]),
      ]
    },
    Section(
      id: "quadratic", title: "A quadratic with its coefficients as inputs",
      source: "tutorial 001: y = a·x² + b·x + c at x = 0, a = 1, b = −2, c = 1",
      code: """
        gradient(at: [0.0, 1, -2, 1]) { v in
          let (x, a, b, c) = (v[0], v[1], v[2], v[3])
          return a * pow(x, 2) + b * x + c
        }
        """
    ) {
      [
        Check(
          "(∂y/∂x, ∂y/∂a, ∂y/∂b, ∂y/∂c) =",
          gradient(at: [0.0, 1, -2, 1]) { v in
            let (x, a, b, c) = (v[0], v[1], v[2], v[3])
            return a * pow(x, 2) + b * x + c
          },
          tutorial: [-2, 0, 0, 1])
      ]
    },
    Section(
      id: "loss", title: "Partial derivatives of a least-squares loss",
      source: "tutorial 003: L = ||X·w + b − y||², X = [[1, 2], [3, 4]]",
      code: """
        valueWithGradient(at: [1.0, 2, 1]) { p in   // w1, w2, b
          let r1 = 1 * p[0] + 2 * p[1] + p[2] - 1
          let r2 = 3 * p[0] + 4 * p[1] + p[2] - 2
          return r1 * r1 + r2 * r2
        }
        """
    ) {
      let (loss, grad) = valueWithGradient(at: [1.0, 2, 1]) { p in
        let r1 = 1 * p[0] + 2 * p[1] + p[2] - 1
        let r2 = 3 * p[0] + 4 * p[1] + p[2] - 2
        return r1 * r1 + r2 * r2
      }
      return [
        Check("L =", loss, tutorial: 125),
        Check("∂L/∂w =", Array(grad[0..<2]), tutorial: [70, 100]),
        Check("∂L/∂b =", grad[2], tutorial: 30),
      ]
    },
    Section(
      id: "intermediate", title: "Derivatives through a sum",
      source: "tutorial 004: y = Σ ones(2, 2), z = y²",
      code: """
        gradient(at: [1.0, 1, 1, 1]) { x in
          let y = x.reduce(0, +)
          return y * y
        }
        """
    ) {
      [
        Check(
          "dz/dx =",
          gradient(at: [1.0, 1, 1, 1]) { x in
            let y = x.reduce(0, +)
            return y * y
          },
          tutorial: [8, 8, 8, 8]),
        Check(
          "dz/dy at y = 4 =", derivative(at: 4.0) { y in y * y },
          tutorial: 8),
      ]
    },
    Section(
      id: "control-flow", title: "Control flow inside differentiated code",
      source: "tutorial 004: a loop with a branch, at x = 2",
      code: """
        func loop<T: ADReal>(_ x: T, _ y: Int) -> T {
          var output: T = 1
          for i in 0..<y where i > 1 && i < 5 { output *= x }
          return output
        }
        derivative(at: 2.0) { x in loop(x, 6) }
        """
    ) {
      [
        Check(
          "d/dx loop(x, 6) = 3x² =", derivative(at: 2.0) { loop($0, 6) },
          tutorial: 12),
        Check(
          "d/dx loop(x, 5) = 3x² =", derivative(at: 2.0) { loop($0, 5) },
          tutorial: 12),
        Check(
          "d/dx loop(x, 4) = 2x =", derivative(at: 2.0) { loop($0, 4) },
          tutorial: 4),
      ]
    },
  ]
}
