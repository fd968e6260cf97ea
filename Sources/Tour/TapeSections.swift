import Epsilon

/// The tutorials' `a·x² + b·x + c`, with a = 1, b = −2, c = 1 by default.
func parabolaTerms<T: ADReal>(_ x: T, _ a: T = 1, _ b: T = -2, _ c: T = 1) -> T {
  a * T.pow(x, 2) + b * x + c
}

/// The message a second `gradient` call on a non-persistent tape throws.
func secondCallMessage(
  _ tape: GradientTape<Double>, _ z: GradientTape<Double>.Variable,
  _ x: GradientTape<Double>.Variable
) -> String {
  do {
    _ = try tape.gradient(of: z, withRespectTo: x)
    return "no error"
  } catch {
    return "\(error)"
  }
}

extension Tour {
  static let tape: [Section] = [
    Section(
      id: "tape", title: "GradientTape: one gradient, then the error",
      source: "tutorials 000 and 002 (cell 9), 003 (cell 5)",
      code: """
        let tape = GradientTape<Double>()          // non-persistent
        let x1 = tape.variable(2), x2 = tape.variable(3)
        let z = g(x1, x2)
        try tape.gradient(of: z, withRespectTo: x1)   // 9
        try tape.gradient(of: z, withRespectTo: x2)   // throws
        """
    ) {
      let tape = GradientTape<Double>()
      let x1 = tape.variable(2)
      let x2 = tape.variable(3)
      let z = g(x1, x2)
      let dx1 = try tape.gradient(of: z, withRespectTo: x1)
      return [
        Check("dz/dx1 =", dx1, tutorial: 9),
        Check(
          "second call:", message: secondCallMessage(tape, z, x2),
          tutorialMessage:
            "A non-persistent GradientTape can only be used to compute one set of gradients"
        ),
      ]
    },
    Section(
      id: "persistent", title: "Persistent tapes answer any number of calls",
      source: "tutorials 000 and 002 (cell 16), 003 (cell 6), 004 (cell 9)",
      code: """
        let tape = GradientTape<Double>(persistent: true)
        let x1 = tape.variable(2), x2 = tape.variable(3)
        let z = g(x1, x2)
        try tape.gradient(of: z, withRespectTo: x1)   // 9
        try tape.gradient(of: z, withRespectTo: x2)   // 42
        """
    ) {
      let tape = GradientTape<Double>(persistent: true)
      let x1 = tape.variable(2)
      let x2 = tape.variable(3)
      let z = g(x1, x2)
      let t3 = GradientTape<Double>(persistent: true)
      let (a, b) = (t3.variable(3), t3.variable(4))
      let (y1, y2) = (a * a, pow(b, 3))
      let t4 = GradientTape<Double>(persistent: true)
      let x = t4.constant(3)
      t4.watch(x)
      let y = x * x
      let zz = y * y
      return [
        Check(
          "(dz/dx1, dz/dx2) =",
          [
            try tape.gradient(of: z, withRespectTo: x1),
            try tape.gradient(of: z, withRespectTo: x2),
          ],
          tutorial: [9, 42]),
        Check(
          "(y1, dy1/dx1, y2, dy2/dx2) =",
          [
            y1.value, try t3.gradient(of: y1, withRespectTo: a),
            y2.value, try t3.gradient(of: y2, withRespectTo: b),
          ],
          tutorial: [9, 6, 64, 48]),
        Check(
          "(dz/dx, dy/dx) at x = 3, y = x², z = y² =",
          [
            try t4.gradient(of: zz, withRespectTo: x),
            try t4.gradient(of: y, withRespectTo: x),
          ],
          tutorial: [108, 6]),
      ]
    },
    Section(
      id: "sources", title: "Several sources at once; constants and watch",
      source: "tutorials 000 and 002 (cells 15, 17, 18), 001 (cells 9, 12)",
      code: """
        try tape.gradient(of: z, withRespectTo: [x1, x2])  // [9, 42]
        let c1 = tape.constant(2), c2 = tape.constant(3)   // unwatched: [nil, nil]
        tape.watch([c1, c2])                               // watched: [9, 42]
        """
    ) {
      let t1 = GradientTape<Double>()
      let v = t1.variables([2, 3])
      let both = try t1.gradient(of: g(v[0], v[1]), withRespectTo: v)
      let t2 = GradientTape<Double>()
      let c = [t2.constant(2), t2.constant(3)]
      let unwatched = try t2.gradient(of: g(c[0], c[1]), withRespectTo: c)
      let t3 = GradientTape<Double>()
      let w = [t3.constant(2), t3.constant(3)]
      t3.watch(w)
      let watched = try t3.gradient(of: g(w[0], w[1]), withRespectTo: w)
      // 001: y = a·x² + b·x + c at x = 0, first with constants unwatched.
      let t4 = GradientTape<Double>()
      let x = t4.variable(0)
      let dydx = try t4.gradient(
        of: parabolaTerms(x, t4.constant(1), t4.constant(-2), t4.constant(1)),
        withRespectTo: x)
      let t5 = GradientTape<Double>()
      let x5 = t5.variable(0)
      let abc = [t5.constant(1), t5.constant(-2), t5.constant(1)]
      t5.watch(abc)
      let all = try t5.gradient(
        of: parabolaTerms(x5, abc[0], abc[1], abc[2]),
        withRespectTo: [x5] + abc)
      return [
        Check("[dz/dx1, dz/dx2] =", both, tutorial: [9, 42]),
        Check("constants, unwatched:", unwatched, tutorial: [nil, nil]),
        Check("constants, watched:", watched, tutorial: [9, 42]),
        Check("dy/dx of a·x² + b·x + c at 0 =", dydx, tutorial: -2),
        Check("(dy/dx, dy/da, dy/db, dy/dc) =", all, tutorial: [-2, 0, 0, 1]),
      ]
    },
    Section(
      id: "targets", title: "Several targets: the gradient of their sum",
      source: "tutorials 000 and 002 (cell 21)",
      code: """
        let x = tape.variable(5)
        try tape.gradient(of: [3 * x, x * x], withRespectTo: x)   // 13
        """
    ) {
      let tape = GradientTape<Double>()
      let x = tape.variable(5)
      return [
        Check(
          "d(z1 + z2)/dx =",
          try tape.gradient(of: [3 * x, pow(x, 2)], withRespectTo: x),
          tutorial: 13)
      ]
    },
    Section(
      id: "tape-vectors", title: "Vector expressions on a tape",
      source: "tutorials 001 (cells 5, 7), 003 (cells 2, 3)",
      code: """
        let x = tape.variables([0, 1, 2, 3])
        let y = 2 * x.reduce(0) { $0 + $1 * $1 }           // 2·xᵀx
        try tape.gradient(of: y, withRespectTo: x)          // [0, 4, 8, 12]
        """
    ) {
      let t1 = GradientTape<Double>()
      let x = t1.variables([0, 1, 2, 3])
      let y = 2 * x.reduce(0) { $0 + $1 * $1 }
      let t2 = GradientTape<Double>(persistent: true)
      let v = t2.variables([0, 1, 2, 3])
      let ys = v.map { $0 * $0 }
      let zs = ys.map { $0 * $0 }
      let t3 = GradientTape<Double>()
      let s = t3.variable(5)
      let sq = s * s
      let t4 = GradientTape<Double>()
      let p = t4.variables([1, 2, 1])  // w1, w2, b
      let r1 = 1 * p[0] + 2 * p[1] + p[2] - 1
      let r2 = 3 * p[0] + 4 * p[1] + p[2] - 2
      let loss = r1 * r1 + r2 * r2
      let lossGradient = try t4.gradient(of: loss, withRespectTo: p)
      return [
        Check(
          "d(2·xᵀx)/dx =", try t1.gradient(of: y, withRespectTo: x),
          tutorial: [0, 4, 8, 12]),
        Check(
          "dz/dx (z = y², y = x²) =",
          try t2.gradient(of: zs, withRespectTo: v).map { $0 },
          tutorial: [0, 4, 32, 108]),
        Check(
          "dy/dx =", try t2.gradient(of: ys, withRespectTo: v),
          tutorial: [0, 2, 4, 6]),
        Check(
          "(x², d/dx x²) at 5 =",
          [sq.value, try t3.gradient(of: sq, withRespectTo: s)],
          tutorial: [25, 10]),
        Check(
          "(L, ∂L/∂w1, ∂L/∂w2, ∂L/∂b) =", [loss.value] + lossGradient,
          tutorial: [125, 70, 100, 30]),
      ]
    },
    Section(
      id: "tape-intermediate", title: "Gradients with respect to intermediate values",
      source: "tutorial 004 (cells 2–8)",
      code: """
        let x = tape.variables([1, 1, 1, 1])   // ones(2, 2), watched
        let y = x.reduce(0, +), z = y * y
        try tape.gradient(of: z, withRespectTo: x)   // [8, 8, 8, 8]
        try tape.gradient(of: z, withRespectTo: y)   // 8 (a second tape)
        """
    ) {
      func record(_ tape: GradientTape<Double>) -> (
        x: [GradientTape<Double>.Variable], y: GradientTape<Double>.Variable,
        z: GradientTape<Double>.Variable
      ) {
        let x = tape.variables([1, 1, 1, 1])
        let y = x.reduce(0, +)
        return (x, y, y * y)
      }
      let t1 = GradientTape<Double>()
      let a = record(t1)
      let t2 = GradientTape<Double>()
      let b = record(t2)
      return [
        Check("z =", a.z.value, tutorial: 16),
        Check(
          "dz/dx =", try t1.gradient(of: a.z, withRespectTo: a.x),
          tutorial: [8, 8, 8, 8]),
        Check(
          "dz/dy =", try t2.gradient(of: b.z, withRespectTo: b.y),
          tutorial: 8),
      ]
    },
    Section(
      id: "tape-control-flow", title: "Control flow on a tape, and unconnected gradients",
      source: "tutorial 004 (cell 10), 001 (cell 13: gradient of x with respect to y)",
      code: """
        let x = tape.variable(2)
        try tape.gradient(of: loop(x, 6), withRespectTo: x)   // 12
        try tape.gradient(of: x, withRespectTo: y)            // nil: x does not depend on y
        """
    ) {
      func loopGradient(_ y: Int) throws -> Double? {
        let tape = GradientTape<Double>()
        let x = tape.variable(2)
        return try tape.gradient(of: loop(x, y), withRespectTo: x)
      }
      func reversed(_ x0: Double) throws -> [Double?] {
        let tape = GradientTape<Double>()
        let x = tape.constant(x0)
        tape.watch(x)
        let y = parabolaTerms(x)
        return [x.value, try tape.gradient(of: x, withRespectTo: y)]
      }
      return [
        Check(
          "(d/dx loop(x, 6), loop(x, 5), loop(x, 4)) =",
          [try loopGradient(6), try loopGradient(5), try loopGradient(4)],
          tutorial: [12, 12, 4]),
        Check("(x, dx/dy) at x = 2 =", try reversed(2), tutorial: [2, nil]),
        Check("(x, dx/dy) at x = −2 =", try reversed(-2), tutorial: [-2, nil]),
      ]
    },
  ]
}
