import Epsilon

extension Tour {
  static let secondOrder: [Section] = [
    Section(
      id: "nested-tapes", title: "Second derivatives by nested tapes",
      source:
        "tutorials 000 and 002 (the Hessian of g), 001 (cell 11), 003 (cell 4), 004 (cell 12)",
      code: """
        let outer = GradientTape<Double>(persistent: true)
        let inner = GradientTape<GradientTape<Double>.Variable>(persistent: true)
        let xo = outer.variables([2, 3])
        let x = inner.variables(xo)
        let first = try inner.gradient(of: g(x[0], x[1]), withRespectTo: x)
        try first.map { try outer.gradient(of: $0!, withRespectTo: xo) }
        // [[nil, 6], [6, 14]]
        """
    ) {
      let outer = GradientTape<Double>(persistent: true)
      let inner = GradientTape<GradientTape<Double>.Variable>(persistent: true)
      let xo = outer.variables([2, 3])
      let x = inner.variables(xo)
      let first = try inner.gradient(of: g(x[0], x[1]), withRespectTo: x)
      var hessian: [Double?] = []
      for d in first {
        guard let d else {
          hessian += [nil, nil]
          continue
        }
        hessian += try outer.gradient(of: d, withRespectTo: xo)
      }
      func cube(_ x0: Double) throws -> [Double?] {
        let outer = GradientTape<Double>()
        let inner = GradientTape<GradientTape<Double>.Variable>()
        let xo = outer.variable(x0)
        let x = inner.variable(xo)
        let y = pow(x, 3)
        guard let dy = try inner.gradient(of: y, withRespectTo: x) else {
          return [y.value.value, nil, nil]
        }
        return [y.value.value, dy.value, try outer.gradient(of: dy, withRespectTo: xo)]
      }
      let outer2 = GradientTape<Double>()
      let inner2 = GradientTape<GradientTape<Double>.Variable>()
      let x2o = outer2.variable(0)
      let x2 = inner2.variable(x2o)
      let dy2 = try inner2.gradient(of: parabolaTerms(x2), withRespectTo: x2)
      let d2y2 = try dy2.flatMap { try outer2.gradient(of: $0, withRespectTo: x2o) }
      return [
        Check(
          "[[∂²z/∂x1², ∂²z/∂x1∂x2], [∂²z/∂x2∂x1, ∂²z/∂x2²]] =", hessian,
          tutorial: [nil, 6, 6, 14]),
        Check(
          "(y, dy/dx, d²y/dx²) of x³ at 5 =", try cube(5),
          tutorial: [125, 75, 30]),
        Check(
          "(dy/dx, d²y/dx²) of x³ at 1 =", Array(try cube(1).dropFirst()),
          tutorial: [3, 6]),
        Check(
          "(dy/dx, d²y/dx²) of x² − 2x + 1 at 0 =", [dy2?.value, d2y2],
          tutorial: [-2, 2]),
      ]
    },
    Section(
      id: "hessian", title: "The same second derivatives by the functional drivers",
      source: "the cells above, with hessian(at:of:) and secondDerivative(at:of:)",
      code: """
        hessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }    // [[0, 6], [6, 14]]
        secondDerivative(at: 5.0) { x in x * x * x }       // 30
        """
    ) {
      let h = [[Double]](try hessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) })
      let (y, dy, d2y) = valueWithSecondDerivative(at: 5.0) { x in x * x * x }
      return [
        Check(
          "hessian (the tape's nil, a source that does not reach the target, is 0 here) =",
          h.flatMap { $0 }, tutorial: [0, 6, 6, 14]),
        Check("(y, y′, y″) of x³ at 5 =", [y, dy, d2y], tutorial: [125, 75, 30]),
        Check(
          "(y′, y″) of x³ at 1 =",
          [
            derivative(at: 1.0) { x in x * x * x },
            secondDerivative(at: 1.0) { x in x * x * x },
          ],
          tutorial: [3, 6]),
      ]
    },
  ]
}
