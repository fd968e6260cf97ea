// Hostile inputs to every driver: IEEE special values, empty and
// mismatched arguments, outputs that change length, tapes at the end of
// their life and at 10⁷ operations. Nothing may trap, hang or lie: a
// special value flows through as IEEE arithmetic says, an independent
// input's derivative stays exact, misuse throws the documented error.

import Testing

@testable import Epsilon

/// f(x, y) = x²/2 + 3x + y: ∇f = [x + 3, 1], H = [[1, 0], [0, 0]].
struct HostilePolynomial: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    0.5 * x[0] * x[0] + 3 * x[0] + x[1]
  }
}

/// Every special value of `T` a user can pass.
func hostileValues<T: ADScalar>(_: T.Type) -> [T] {
  [
    .nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude,
    -.leastNonzeroMagnitude, .leastNormalMagnitude / 2,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -2.5,
  ]
}

/// What one driver returned for f at (x, y = 2).
struct HostileResult<T: ADScalar> {
  var driver: String
  var value: T?
  var gradient: [T]?
  var hessian: [[T]]?
}

/// Every driver on f at (x, 2), each result labelled.
func hostileResults<T: ADScalar & HyperDualPartials>(at x: T)
  throws -> [HostileResult<T>]
{
  let f = HostilePolynomial()
  let p: [T] = [x, 2]
  var r: [HostileResult<T>] = []
  let vg = valueWithGradient(at: p) { f($0) }
  r.append(
    .init(
      driver: "valueWithGradient", value: vg.value,
      gradient: vg.gradient))
  r.append(
    .init(
      driver: "gradient(chunk: SIMD2)",
      gradient: gradient(at: p, chunk: SIMD2<T>.self) { f($0) }))
  r.append(
    .init(
      driver: "gradient(chunk: SIMD4)",
      gradient: gradient(at: p, chunk: SIMD4<T>.self) { f($0) }))
  r.append(
    .init(
      driver: "gradient(chunk: SIMD16)",
      gradient: gradient(at: p, chunk: SIMD16<T>.self) { f($0) }))
  r.append(
    .init(
      driver: "gradient(chunk: SIMD64)",
      gradient: gradient(at: p, chunk: SIMD64<T>.self) { f($0) }))
  for mode in [GradientMode.automatic, .forward, .reverse] {
    let m = try valueWithGradient(of: f, at: p, mode: mode)
    r.append(
      .init(
        driver: "valueWithGradient(mode: .\(mode))",
        value: m.value, gradient: m.gradient))
  }
  let rv = try valueWithReverseGradient(at: p) { f($0) }
  r.append(
    .init(
      driver: "valueWithReverseGradient", value: rv.value,
      gradient: rv.gradient))
  r.append(
    .init(
      driver: "vectorJacobianProduct",
      gradient: try vectorJacobianProduct(at: p, along: [1]) { [f($0)] }))
  let j = try jacobian(at: p) { [f($0)] }
  r.append(.init(driver: "jacobian", gradient: j[0]))
  let e0 = try directionalDerivative(at: p, along: [1, 0]) { [f($0)] }
  let e1 = try directionalDerivative(at: p, along: [0, 1]) { [f($0)] }
  r.append(.init(driver: "directionalDerivative", gradient: [e0[0], e1[0]]))
  let d = valueWithDerivative(at: x) { t in f([t, Dual(2)]) }
  r.append(
    .init(
      driver: "valueWithDerivative", value: d.value,
      gradient: [d.derivative, 1]))
  let s = valueWithSecondDerivative(at: x) { t in f([t, HyperDual(2)]) }
  r.append(
    .init(
      driver: "valueWithSecondDerivative", value: s.value,
      gradient: [s.derivative, 1], hessian: [[s.secondDerivative, 0], [0, 0]]))
  let h = try valueGradientHessian(at: p) { f($0) }
  r.append(
    .init(
      driver: "valueGradientHessian (closure)", value: h.value,
      gradient: h.gradient, hessian: h.hessian.rows))
  for strategy in HessianStrategy.allCases {
    let hs = try valueGradientHessian(of: f, at: p, strategy: strategy)
    r.append(
      .init(
        driver: "valueGradientHessian(strategy: .\(strategy))",
        value: hs.value, gradient: hs.gradient, hessian: hs.hessian.rows))
  }
  let hv0 = try hessianVectorProduct(of: f, at: p, along: [1, 0])
  let hv1 = try hessianVectorProduct(of: f, at: p, along: [0, 1])
  r.append(.init(driver: "hessianVectorProduct", hessian: [hv0, hv1]))
  return r
}

@Suite("Hostile inputs: special values, empty and mismatched arguments, big tapes")
struct HostileInputTests {
  /// Checks one driver's results against IEEE arithmetic on `T`: the value
  /// is f computed on plain numbers, ∂f/∂x = x + 3 as IEEE gives it, and
  /// everything that does not depend on x exact: ∂f/∂y = 1, ∂²f/∂x∂y =
  /// ∂²f/∂y² = 0, and ∂²f/∂x² = 1 (a constant, even where x is not finite).
  func check<T: ADScalar & HyperDualPartials>(_ x: T) throws {
    let expectedValue = HostilePolynomial()([x, T(2)])
    for r in try hostileResults(at: x) {
      let label = "\(r.driver) at x = \(x) (\(T.self))"
      if let v = r.value {
        #expect(isSameValue(v, expectedValue), "\(label): value \(v)")
      }
      if let g = r.gradient {
        #expect(g.count == 2, "\(label)")
        #expect(isSameValue(g[0], x + 3), "\(label): ∂f/∂x = \(g[0])")
        #expect(g[1] == 1, "\(label): ∂f/∂y = \(g[1]) must stay exact")
      }
      if let h = r.hessian {
        #expect(h[0][0] == 1, "\(label): ∂²f/∂x² = \(h[0][0])")
        #expect(
          h[0][1] == 0 && h[1][0] == 0 && h[1][1] == 0,
          "\(label): \(h) beside ∂²f/∂x² must stay 0")
      }
    }
  }

  @Test(
    "Special values through every driver (Double)",
    arguments: hostileValues(Double.self))
  func specialValuesDouble(x: Double) throws { try check(x) }

  @Test(
    "Special values through every driver (Float)",
    arguments: hostileValues(Float.self))
  func specialValuesFloat(x: Float) throws { try check(x) }

  // MARK: - Empty and mismatched inputs

  @Test("Empty inputs: every driver returns empty derivatives and f([])")
  func emptyInputs() throws {
    let f: ([Dual<SIMD8<Double>>]) -> Dual<SIMD8<Double>> = { _ in 7 }
    let vg = valueWithGradient(at: [Double](), of: f)
    #expect(vg.value == 7 && vg.gradient.isEmpty)
    #expect(
      gradient(at: [Double](), chunk: SIMD2<Double>.self) { _ in 7 }
        .isEmpty)
    #expect(try reverseGradient(at: [Double]()) { _ in 7 }.isEmpty)
    let rv = try valueWithReverseGradient(at: [Double]()) { _ in 7 }
    #expect(rv.value == 7 && rv.gradient.isEmpty)
    #expect(try jacobian(at: [Double]()) { _ in [7, 8] } == [[], []])
    #expect(try jacobian(at: [Double]()) { _ in [] } == [])
    #expect(
      try directionalDerivative(at: [Double](), along: []) { _ in [7] }
        == [0])
    #expect(
      try vectorJacobianProduct(at: [Double](), along: []) { _ in [] }
        .isEmpty)
    #expect(
      try hessianVectorProduct(at: [Double](), along: []) { _ in 7 }
        .isEmpty)
    let h = try valueGradientHessian(at: [Double]()) { _ in 7 }
    #expect(h.value == 7 && h.gradient.isEmpty && h.hessian.count == 0)
    for strategy in HessianStrategy.allCases {
      let hs = try valueGradientHessian(
        of: HostileConstant(), at: [Double](), strategy: strategy)
      #expect(
        hs.value == 7 && hs.gradient.isEmpty && hs.hessian.count == 0,
        "\(strategy)")
    }
    #expect(throws: EpsilonError.hessianTooLarge(count: -3)) { try Hessian<Double>(count: -3) }
    #expect(try Hessian<Double>(lowerTriangleOf: []).count == 0)
    #expect(approximateGradient(of: { _ in 7 }, at: [Double]()).isEmpty)
    let tape = GradientTape<Double>(persistent: true)
    let z = tape.variable(1) * 2
    #expect(try tape.gradient(of: z, withRespectTo: []).isEmpty)
    #expect(try tape.gradient(of: [], withRespectTo: [z]) == [nil])
    #expect(
      try tape.gradient(of: [], withRespectTo: [z], unconnected: .zero)
        == [0])
  }

  @Test("Mismatched lengths throw the documented error")
  func mismatchedInputs() throws {
    let x = [1.0, 2.0]
    #expect(
      throws: EpsilonError.countMismatch(
        argument: "along", expected: 2, actual: 3)
    ) {
      try hessianVectorProduct(at: x, along: [1, 2, 3]) { $0[0] * $0[1] }
    }
    #expect(
      throws: EpsilonError.countMismatch(
        argument: "along", expected: 2, actual: 1)
    ) {
      try hessianVectorProduct(of: HostilePolynomial(), at: x, along: [1])
    }
    #expect(
      throws: EpsilonError.countMismatch(
        argument: "along", expected: 2, actual: 0)
    ) {
      try directionalDerivative(at: x, along: []) { [$0[0]] }
    }
    #expect(
      throws: TapeError.cotangentCountMismatch(outputs: 1, cotangents: 2)
    ) {
      try vectorJacobianProduct(at: x, along: [1, 1]) { [$0[0]] }
    }
    let h = try hessian(at: x) { $0[0] * $0[1] }
    #expect(
      throws: EpsilonError.countMismatch(argument: "v", expected: 2, actual: 5)
    ) {
      try h.multiplied(by: [1, 2, 3, 4, 5])
    }
    #expect(
      throws: EpsilonError.countMismatch(
        argument: "rows[1]", expected: 2, actual: 1)
    ) {
      try Hessian<Double>(lowerTriangleOf: [[1], [2]])
    }
    let tape = GradientTape<Double>(persistent: true)
    let v = tape.variable(1)
    #expect(
      throws: TapeError.cotangentCountMismatch(outputs: 1, cotangents: 0)
    ) {
      try tape.gradient(of: [v], withRespectTo: [v], outputGradients: [])
    }
  }

  @Test("Jacobians: an output count that changes between passes throws")
  func jacobianVaryingOutputs() throws {
    // 10 inputs, SIMD8: two passes; the second returns one more output.
    let x = [Double](repeating: 1, count: 10)
    var calls = 0
    #expect(
      throws: EpsilonError.outputCountChanged(first: 1, later: 2, pass: 2)
    ) {
      try jacobian(at: x) { v in
        calls += 1
        return calls == 1 ? [v[0]] : [v[0], v[9]]
      }
    }
    calls = 0
    #expect(
      throws: EpsilonError.outputCountChanged(first: 3, later: 0, pass: 3)
    ) {
      try jacobian(at: x, chunk: SIMD4<Double>.self) { v in
        calls += 1
        return calls < 3 ? [v[0], v[1], v[2]] : []
      }
    }
    // Output length that depends on the input size, not the pass: fine.
    for n in [1, 7, 8, 9, 17] {
      let j = try jacobian(at: [Double](repeating: 2, count: n)) { v in
        v.map { $0 * $0 } + [v.reduce(0, +)]
      }
      #expect(j.count == n + 1 && j.allSatisfy { $0.count == n })
      #expect(j[n] == [Double](repeating: 1, count: n))
      #expect((0..<n).allSatisfy { j[$0][$0] == 4 })
    }
    // No outputs at all.
    #expect(try jacobian(at: x) { _ in [] } == [])
  }

  @Test("Division by a huge denominator keeps a representable derivative")
  func divisionByHugeDenominator() throws {
    // d/dx 1/eˣ = −e⁻ˣ and d²/dx² = e⁻ˣ: at x = 400 that is ∓1.9e-174.
    // Forming (a/b)·(1/b) = e⁻⁸⁰⁰ first underflows to 0; (b − q·d)·(1/c)
    // never forms it, at every level of nesting.
    let x = 400.0
    let exact = Double.exp(-x)
    let forward = derivative(at: x) { 1 / exp($0) }
    #expect(isClose(forward, -exact, .ulps(4)), "Dual: \(forward)")
    let lanes = try Dual<SIMD4<Double>>(x, seed: 2)
    #expect(isClose((1 / exp(lanes)).partials[2], -exact, .ulps(4)))
    let second = secondDerivative(at: x) { 1 / exp($0) }
    #expect(isClose(second, exact, .ulps(8)), "HyperDual: \(second)")
    let nested = derivative(at: Dual<Double>(x, partials: 1)) { 1 / exp($0) }
    #expect(isClose(nested.partials, exact, .ulps(8)), "nested: \(nested)")
    let h = try hessian(of: HostileQuotient(), at: [x, 1], strategy: .secondOrderSIMD)
    #expect(isClose(h[0, 0], exact, .ulps(8)), "SecondOrderDual: \(h[0, 0])")
    #expect(isClose(h[0, 1], -exact, .ulps(8)))
    // Reverse mode cannot do better: the adjoint of the denominator is
    // itself −e⁻⁸⁰⁰, so the tape's 0 is a limit of the mode (documented in
    // Limitations), not of the rule.
    let reverse = try reverseGradient(at: [x]) { 1 / exp($0[0]) }[0]
    #expect(reverse == 0)
  }

  // MARK: - Tapes at the end of their life

  @Test("Tapes after clear(), after a non-persistent gradient, across two tapes")
  func tapeLifecycle() throws {
    let tape = GradientTape<Double>()
    let x = tape.variable(3)
    let y = x * x
    #expect(try tape.gradient(of: y, withRespectTo: x) == 6)
    #expect(throws: TapeError.nonPersistentTapeReused) {
      try tape.gradient(of: y, withRespectTo: x)
    }
    tape.clear()
    #expect(throws: TapeError.staleVariable(.target)) {
      try tape.gradient(of: y, withRespectTo: x)
    }
    let stale = y + 1  // a stale variable in new arithmetic stays stale
    let x2 = tape.variable(5)
    #expect(throws: TapeError.staleVariable(.target)) {
      try tape.gradient(of: stale * x2, withRespectTo: x2)
    }
    // The tape still works after all that.
    #expect(try tape.gradient(of: x2 * x2, withRespectTo: x2) == 10)

    let other = GradientTape<Double>()
    let a = tape.variable(1)
    let b = other.variable(2)
    #expect(throws: TapeError.mixedTapes(.target)) {
      try other.gradient(of: a * b, withRespectTo: b)
    }
    #expect(throws: TapeError.foreignVariable(.target)) {
      try other.gradient(of: a, withRespectTo: b)
    }
    // The drivers clear and reuse: 100 calls, same answer every time.
    let reused = GradientTape<Double>()
    for i in 0..<100 {
      let g = try reused.gradient(at: [Double(i), 2]) { v in v[0] * v[1] }
      #expect(g == [2, Double(i)])
    }
  }

  @Test("A 10⁷-operation tape: memory per entry as documented, no growth over 100 reuses")
  func bigTape() throws {
    #expect(GradientTape<Double>.bytesPerEntry == 24)
    #expect(GradientTape<Float>.bytesPerEntry == 16)
    let operations = 10_000_000
    let tape = GradientTape<Double>()
    // A new tape may start in buffers a released one left in the pool.
    let initial = (entries: tape.capacity + 1, adjoints: tape._adjointCapacity)
    let y = hostileChain(tape.variable(1.5), on: tape, operations)
    #expect(tape.count == operations + 1)
    // Growth by doubling: at most twice the entries, never more.
    #expect(tape.capacity >= tape.count)
    #expect(tape.capacity + 1 <= Swift.max(2 * (tape.count + 1), initial.entries))
    let entryBytes = (tape.capacity + 1) * GradientTape<Double>.bytesPerEntry
    #expect(entryBytes <= Swift.max(2 * (operations + 2), initial.entries) * 24)
    let g = try tape.gradient(of: y, withRespectTo: [])
    #expect(g.isEmpty)
    // The adjoint buffer: one Double per slot (capacity of the tape).
    #expect(tape._adjointCapacity <= Swift.max(tape.capacity + 1, initial.adjoints))
    let steadyCapacity = tape.capacity
    let steadyAdjoints = tape._adjointCapacity
    for _ in 0..<100 {
      tape.clear()
      #expect(tape.count == 0)
      let x = tape.variable(2)
      var s = x
      for _ in 0..<1_000 { s = s * x * 0.5 }
      _ = try tape.gradient(of: s, withRespectTo: x)
    }
    #expect(tape.capacity == steadyCapacity)
    #expect(tape._adjointCapacity == steadyAdjoints)
    // Reuse at full size through the driver: no growth either.
    let full = try tape.gradient(at: [1.5]) { v in
      hostileChain(v[0], on: tape, operations)
    }
    // d/dx of x·c^N is c^N = (1 + 1e-7)^(10⁷) ≈ e.
    #expect((full[0] - 2.718_281_7).magnitude < 1e-6)
    #expect(tape.capacity == steadyCapacity)
    #expect(tape._adjointCapacity == steadyAdjoints)
  }
}

extension HostileInputTests {
  @Test("Released tapes' storage serves later tapes of any scalar type")
  func pooledStorage() throws {
    // Tapes of different entry sizes and alignments take turns with the
    // pool's buffers; every gradient stays exact, and freeing the pooled
    // buffers while tapes are alive touches none of theirs.
    for round in 0..<3 {
      do {
        let tape = GradientTape<Double>()
        let y = hostileChain(tape.variable(1.5), on: tape, 100_000)
        let g = try tape.gradient(of: y, withRespectTo: [tape.variable(0)])
        #expect(g == [nil])
      }
      let live = GradientTape<Float>(persistent: true)
      let a = live.variable(3)
      let p = a * a
      do {
        let duals = GradientTape<Dual<SIMD8<Double>>>()
        let x = duals.variable(Dual(2, partials: [1, 0, 0, 0, 0, 0, 0, 0]))
        let d = try duals.gradient(of: x * x * x, withRespectTo: x)
        #expect(d?.value == 12 && d?.partials[0] == 12)  // 3x², 6x
      }
      if round == 1 { GradientTape<Double>.releaseCachedStorage() }
      #expect(try live.gradient(of: p * a, withRespectTo: a) == 27)
      let reused = try reverseGradient(at: [1.0, 2.0, 3.0]) { x in x[0] * x[1] * x[2] }
      #expect(reused == [6, 3, 2])
    }
  }
}

/// x·cᴺ with c = 1 + 1e-7, as N recorded multiplications by a constant:
/// written through the tape's own record entry point rather than N
/// operators, which a debug build runs at about a microsecond each.
func hostileChain(
  _ x: GradientTape<Double>.Variable, on tape: GradientTape<Double>,
  _ count: Int
) -> GradientTape<Double>.Variable {
  let c = 1.000_000_1
  var slot = x._slot
  var value = x.value
  for _ in 0..<count {
    slot = GradientTape<Double>._record(tape._header, slot, 0, c, 0)
    value *= c
  }
  return GradientTape<Double>.Variable(
    value, slot: slot, generation: tape._header._generation,
    state: tape._header)
}

/// f(x, y) = y/eˣ: ∂xx = y·e⁻ˣ, ∂xy = −e⁻ˣ, through one quotient.
struct HostileQuotient: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { x[1] / T.exp(x[0]) }
}

/// f = 7 whatever the input.
struct HostileConstant: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { 7 }
}
