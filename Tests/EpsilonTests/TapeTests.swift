import Epsilon
import Testing

// Every tf.GradientTape cell of the tutorials (shared/seeds), with the
// numbers they print. All values are small integers or exact binary
// fractions, so the tape reproduces them exactly: comparisons use `==`.

/// The tutorials' g(x1, x2) = (x1 + 5)·x2², written once for every type.
private func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * (x2 * x2) }

@Suite("GradientTape: the tutorials' cells")
struct TapeTests {
  typealias Tape = GradientTape<Double>

  @Test("g at (2, 3): dz/dx1 = 9 (seed 000, 002)")
  func firstPartial() throws {
    let tape = Tape()
    let x1 = tape.variable(2)
    let x2 = tape.variable(3)
    let z = g(x1, x2)
    #expect(z.value == 63)
    #expect(try tape.gradient(of: z, withRespectTo: x1) == 9)
  }

  @Test("A non-persistent tape throws on the second call, saying what to do")
  func nonPersistentSecondCall() throws {
    let tape = Tape()
    let x1 = tape.variable(2)
    let x2 = tape.variable(3)
    let z = g(x1, x2)
    _ = try tape.gradient(of: z, withRespectTo: x1)
    let error = #expect(throws: TapeError.nonPersistentTapeReused) {
      try tape.gradient(of: z, withRespectTo: x2)
    }
    let message = error.map { "\($0)" } ?? ""
    #expect(
      message.contains(
        "A non-persistent GradientTape can only be used to compute one set "
          + "of gradients"))
    #expect(message.contains("GradientTape(persistent: true)"))
  }

  @Test("A persistent tape answers twice: 9 and 42")
  func persistent() throws {
    let tape = Tape(persistent: true)
    let x1 = tape.variable(2)
    let x2 = tape.variable(3)
    let z = g(x1, x2)
    #expect(try tape.gradient(of: z, withRespectTo: x1) == 9)
    #expect(try tape.gradient(of: z, withRespectTo: x2) == 42)
  }

  @Test("Both partials in one call: [9, 42]")
  func bothPartials() throws {
    let tape = Tape()
    let x1 = tape.variable(2)
    let x2 = tape.variable(3)
    #expect(
      try tape.gradient(of: g(x1, x2), withRespectTo: [x1, x2])
        == [9, 42])
  }

  /// TensorFlow 2.21: with `c` an unwatched constant, kk = c·c and
  /// y = kk·3, `tape.gradient(y, kk)` is None (nothing watched flows into
  /// kk, so TensorFlow never recorded it); after `tape.watch(c)` it is 3.
  @Test("An intermediate of unwatched constants is unconnected (nil); watched, its gradient is 3")
  func intermediateOfUnwatchedConstants() throws {
    let tape = Tape(persistent: true)
    let c = tape.constant(2)
    let kk = c * c
    let y = kk * 3
    #expect(try tape.gradient(of: y, withRespectTo: kk) == nil)
    #expect(try tape.gradient(of: y, withRespectTo: kk, unconnected: .zero) == 0)
    #expect(try tape.gradient(of: y, withRespectTo: [kk, c]) == [nil, nil])
    tape.watch(c)
    #expect(try tape.gradient(of: y, withRespectTo: kk) == 3)
    #expect(try tape.gradient(of: y, withRespectTo: c) == 12)

    // Mixed: an intermediate with a watched input in it is connected,
    // and one of constants only is not, on the same tape.
    let mixed = Tape(persistent: true)
    let x = mixed.variable(5)
    let k = mixed.constant(2)
    let kx = k * x
    let kk2 = k * k
    let z = kx * kk2
    #expect(try mixed.gradient(of: z, withRespectTo: [kx, kk2, x, k]) == [4, nil, 8, nil])
  }

  @Test("Constants give [nil, nil]; watched constants give [9, 42]")
  func constantsAndWatch() throws {
    let tape = Tape()
    let c1 = tape.constant(2)
    let c2 = tape.constant(3)
    #expect(
      try tape.gradient(of: g(c1, c2), withRespectTo: [c1, c2])
        == [nil, nil])

    let watched = Tape()
    let w1 = watched.constant(2)
    let w2 = watched.constant(3)
    watched.watch([w1, w2])
    #expect(
      try watched.gradient(of: g(w1, w2), withRespectTo: [w1, w2])
        == [9, 42])
  }

  @Test("Several targets: z1 = 3x, z2 = x² at 5 gives 13")
  func severalTargets() throws {
    let tape = Tape()
    let x = tape.variable(5)
    #expect(try tape.gradient(of: [3 * x, x * x], withRespectTo: x) == 13)
  }

  @Test("Nested tapes: the Hessian of g at (2, 3) is [[nil, 6], [6, 14]]")
  func nestedHessian() throws {
    let outer = Tape(persistent: true)
    let x1 = outer.variable(2)
    let x2 = outer.variable(3)
    let inner = GradientTape<Tape.Variable>(persistent: true)
    let y1 = inner.variable(x1)
    let y2 = inner.variable(x2)
    let innerGrads = try inner.gradient(of: g(y1, y2), withRespectTo: [y1, y2])
    #expect(innerGrads.map { $0?.value } == [9, 42])
    let hessian = try innerGrads.map { d -> [Double?] in
      try outer.gradient(of: d ?? 0, withRespectTo: [x1, x2])
    }
    #expect(hessian == [[nil, 6], [6, 14]])
  }

  @Test(
    "x³: 75 then 30 at 5; 3 then 6 at 1",
    arguments: [
      (5.0, 125.0, 75.0, 30.0), (1.0, 1.0, 3.0, 6.0),
    ])
  func nestedCube(x0: Double, y: Double, dy: Double, d2y: Double) throws {
    let tape1 = Tape()
    let x = tape1.variable(x0)
    let tape0 = GradientTape<Tape.Variable>()
    let xi = tape0.variable(x)
    let cube = xi * xi * xi
    #expect(cube.value.value == y)
    let first = try tape0.gradient(of: cube, withRespectTo: xi)
    #expect(first?.value == dy)
    #expect(try tape1.gradient(of: first ?? 0, withRespectTo: x) == d2y)
  }

  @Test("y = 2·xᵀx over x = (0, 1, 2, 3) gives (0, 4, 8, 12)")
  func quadraticForm() throws {
    let tape = Tape()
    let x = tape.constant([0, 1, 2, 3])
    tape.watch(x)
    var dot: Tape.Variable = 0
    for xi in x { dot += xi * xi }
    #expect(
      try tape.gradient(of: 2 * dot, withRespectTo: x)
        == [0, 4, 8, 12])
  }

  @Test("y = x·x, z = y·y: dz/dx = (0, 4, 32, 108), dy/dx = (0, 2, 4, 6)")
  func persistentElementwise() throws {
    let tape = Tape(persistent: true)
    let x = tape.variables([0, 1, 2, 3])
    let y = x.map { $0 * $0 }
    let z = y.map { $0 * $0 }
    // Elementwise: the gradient of Σz (TensorFlow sums a tensor target).
    #expect(try tape.gradient(of: z, withRespectTo: x) == [0, 4, 32, 108])
    #expect(try tape.gradient(of: y, withRespectTo: x) == [0, 2, 4, 6])
  }

  @Test("x = 3: dz/dx = 108, dy/dx = 6 (seed 004)")
  func persistentScalar() throws {
    let tape = Tape(persistent: true)
    let x = tape.constant(3)
    tape.watch(x)
    let y = x * x
    let z = y * y
    #expect(try tape.gradient(of: z, withRespectTo: x) == 108)
    #expect(try tape.gradient(of: y, withRespectTo: x) == 6)
  }

  @Test("a·x² + b·x + c at 0 with watched a, b, c gives (−2, 0, 0, 1)")
  func watchedCoefficients() throws {
    let tape = Tape()
    let x = tape.variable(0)
    let a = tape.constant(1)
    let b = tape.constant(-2)
    let c = tape.constant(1)
    tape.watch([a, b, c])
    let y = a * pow(x, 2.0) + b * x + c
    #expect(
      try tape.gradient(of: y, withRespectTo: [x, a, b, c])
        == [-2, 0, 0, 1])
  }

  @Test("Unwatched coefficients: dy/dx = −2, the constants nil")
  func unwatchedCoefficients() throws {
    let tape = Tape()
    let x = tape.variable(0)
    let a = tape.constant(1)
    let b = tape.constant(-2)
    let c = tape.constant(1)
    let y = a * pow(x, 2.0) + b * x + c
    #expect(
      try tape.gradient(of: y, withRespectTo: [x, a, b, c])
        == [-2, nil, nil, nil])
  }

  @Test("Unconnected gives nil, or 0 with unconnected: .zero")
  func unconnected() throws {
    let tape = Tape(persistent: true)
    let x = tape.variable(2)
    let a = tape.constant(1)
    let y = a * pow(x, 2.0)
    // The tutorial's gt.gradient(x, y): x does not depend on y.
    #expect(try tape.gradient(of: x, withRespectTo: y) == nil)
    #expect(
      try tape.gradient(of: x, withRespectTo: y, unconnected: .zero)
        == 0)
    #expect(
      try tape.gradient(of: y, withRespectTo: a, unconnected: .zero)
        == 0)
  }

  @Test("Second derivative of a·x² + b·x + c at 0: −2 then 2")
  func nestedQuadratic() throws {
    let outer = Tape()
    let x = outer.variable(0)
    let inner = GradientTape<Tape.Variable>()
    let xi = inner.variable(x)
    let y = 1 * pow(xi, 2.0) + -2 * xi + 1
    let dy = try inner.gradient(of: y, withRespectTo: xi)
    #expect(dy?.value == -2)
    #expect(try outer.gradient(of: dy ?? 0, withRespectTo: x) == 2)
  }

  @Test("Gradient descent on x² − 2x + 1 from 0: 100 steps reach 0.86738")
  func gradientDescent() throws {
    // W5(a); TensorFlow prints 0.867380381 in Float32: 1 − 0.98¹⁰⁰ exactly.
    var x = 0.0
    for _ in 0..<100 {
      let tape = Tape()
      let v = tape.variable(x)
      let dx = try tape.gradient(of: v * v - 2 * v + 1, withRespectTo: v)
      x -= 0.01 * (dx ?? 0)
    }
    // Each step maps 1 − x to 0.98·(1 − x).
    #expect(abs(x - (1 - Double.pow(0.98, 100.0))) < 1e-12)
  }

  @Test("Intermediate: y = Σ ones(2, 2), z = y² gives dz/dy = 8, dz/dx = 8")
  func intermediate() throws {
    let tape = Tape(persistent: true)
    let x = tape.constant([1, 1, 1, 1])
    tape.watch(x)
    let y = x.dropFirst().reduce(x[0], +)
    let z = y * y
    #expect(z.value == 16)
    #expect(try tape.gradient(of: z, withRespectTo: y) == 8)
    #expect(try tape.gradient(of: z, withRespectTo: x) == [8, 8, 8, 8])
  }

  @Test(
    "Control flow: f(x, y) at x = 2 gives 12, 12, 4",
    arguments: [
      (6, 12.0), (5, 12.0), (4, 4.0),
    ])
  func controlFlow(y: Int, expected: Double) throws {
    func f<T: ADReal>(_ x: T, _ y: Int) -> T {
      var output: T = 1
      for i in 0..<y where i > 1 && i < 5 { output = output * x }
      return output
    }
    let tape = Tape()
    let x = tape.constant(2)
    tape.watch(x)
    #expect(try tape.gradient(of: f(x, y), withRespectTo: x) == expected)
  }

  @Test("L = ‖Xw + b − y‖² gives 125, [70, 100], 30")
  func leastSquares() throws {
    let tape = Tape()
    let design: [[Tape.Variable]] = [[1, 2], [3, 4]]
    let y: [Tape.Variable] = [1, 2]
    let w = tape.variables([1, 2])
    let b = tape.variable(1)
    var loss: Tape.Variable = 0
    for i in 0..<2 {
      let r = design[i][0] * w[0] + design[i][1] * w[1] + b - y[i]
      loss += r * r
    }
    #expect(loss.value == 125)
    let grads = try tape.gradient(of: loss, withRespectTo: w + [b])
    #expect(grads == [70, 100, 30])
  }
}

extension GradientTape {
  /// Unwatched constants, one per value (test shorthand).
  fileprivate func constant(_ values: [T]) -> [Variable] {
    values.map { constant($0) }
  }
}
