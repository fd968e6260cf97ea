// Inputs at the edge of what a type can hold: out-of-range seeds, Hessian
// sizes whose storage overflows or cannot be allocated, tape reservations
// beyond the slot limit or the memory. Each throws an error that says what
// to do; none traps. The one documented trap (a Hessian subscript outside
// the matrix, like an array's) runs in a child process.
//
// Allocation failures are real here: the library asks the C allocator, and
// under a sanitizer the allocator must be told to return NULL rather than
// abort (`allocator_may_return_null=1`, as .ci/run and RELIABILITY.md set).

import Testing

@testable import Epsilon

@Suite("No trap on user input: seeds, sizes, reservations")
struct TrapTests {
  @Test("Dual(_:seed:) outside the partials throws, naming the lanes")
  func dualSeedOutOfRange() throws {
    #expect(throws: EpsilonError.seedOutOfRange(index: 4, partialCount: 4)) {
      try Dual<SIMD4<Double>>(1, seed: 4)
    }
    #expect(throws: EpsilonError.seedOutOfRange(index: -1, partialCount: 2)) {
      try Dual<SIMD2<Double>>(1, seed: -1)
    }
    // A one-tangent dual has one lane; a nested dual too.
    #expect(throws: EpsilonError.seedOutOfRange(index: 1, partialCount: 1)) {
      try Dual<Double>(1, seed: 1)
    }
    #expect(throws: EpsilonError.seedOutOfRange(index: 1, partialCount: 1)) {
      try Dual<Dual<Float>>(1, seed: 1)
    }
    // Every lane in range seeds exactly that lane.
    for lane in 0..<8 {
      let x = try Dual<SIMD8<Float>>(2, seed: lane)
      #expect(x.value == 2)
      #expect((0..<8).allSatisfy { x.partials[$0] == ($0 == lane ? 1 : 0) })
    }
    let message = EpsilonError.seedOutOfRange(index: 4, partialCount: 4)
      .description
    #expect(message.contains("0 ..< 4") && message.contains("wider"))
  }

  @Test("SecondOrderDual(_:seed:) outside the gradient throws")
  func secondOrderSeedOutOfRange() throws {
    #expect(throws: EpsilonError.seedOutOfRange(index: 2, partialCount: 2)) {
      try SecondOrderDual<SIMD2<Double>>(1, seed: 2)
    }
    #expect(throws: EpsilonError.seedOutOfRange(index: Int.min, partialCount: 16)) {
      try SecondOrderDual<SIMD16<Double>>(1, seed: Int.min)
    }
    let y = try SecondOrderDual<SIMD2<Double>>(3, seed: 1)
    #expect(y.gradient == [0, 1] && y.hessian == .zero)
  }

  @Test("Hessian(count:) throws for a negative or unstorable size")
  func hessianCount() throws {
    for count in [-1, Int.min] {
      #expect(throws: EpsilonError.hessianTooLarge(count: count)) {
        try Hessian<Double>(count: count)
      }
    }
    // N(N+1)/2 overflows Int; N(N+1)/2 · 8 bytes overflows Int; and a
    // size that fits an Int but not any machine's memory (4.4 TB).
    for count in [Int.max, Int.max - 1, 3_037_000_500, 1 << 20] {
      #expect(throws: EpsilonError.hessianTooLarge(count: count)) {
        try Hessian<Double>(count: count)
      }
    }
    let message = EpsilonError.hessianTooLarge(count: 1 << 20).description
    #expect(message.contains("hessianVectorProduct"))
    // Sizes that fit are zero matrices of that size.
    for count in [0, 1, 2, 7, 1000] {
      let h = try Hessian<Float>(count: count)
      #expect(h.count == count && h._packed.count == count * (count + 1) / 2)
      #expect(h._packed.allSatisfy { $0 == 0 })
    }
  }

  @Test("reserveCapacity beyond the slot limit or the memory throws; the tape still works")
  func tapeReserve() throws {
    let tape = GradientTape<Double>(persistent: true)
    let x = tape.variable(3)
    for slots in [Int.max, _tapeSlotLimit, _tapeSlotLimit + 1] {
      #expect(throws: TapeError.cannotReserve(slots: slots)) {
        try tape.reserveCapacity(slots)
      }
    }
    // Nothing was lost: the recording goes on and differentiates.
    let y = x * x
    #expect(try tape.gradient(of: y, withRespectTo: x) == 6)
    // A reservation that fits is honoured, and a smaller one is a no-op.
    try tape.reserveCapacity(10_000)
    #expect(tape.capacity >= 10_000)
    try tape.reserveCapacity(-5)
    #expect(tape.capacity >= 10_000)
    #expect(TapeError.cannotReserve(slots: 7).description.contains("Reserve less"))
  }

  @Test("The C allocator's refusals are nil, not traps")
  func allocatorRefusals() {
    // 2⁶⁰ bytes: no machine gives that; stride overflow never asks.
    var none = _TapeBuffer.none
    #expect(_TapeMemory.reserve(&none, 1 << 57, of: Double.self) == nil)
    #expect(_TapeMemory.reserve(&none, Int.max, of: Double.self) == nil)
    #expect(none.base == nil)
    var buffer = _TapeBuffer.none
    #expect(
      !_TapeMemory.resize(&buffer, count: 0, to: 1 << 56, of: _TapeEntry<Double>.self))
    #expect(buffer.base == nil && buffer.bytes == 0)
    #expect(_TapeMemory.reserve(&buffer, 1 << 57, of: Double.self) == nil)
    #expect(_packedEntryCount(1 << 20, stride: 8) == nil)
    #expect(_packedEntryCount(4, stride: 8) == 10)
    #expect(_packedEntryCount(5, stride: 8) == 15)
  }

  @Test("HyperDual(_:seed:_:) checks both lanes")
  func hyperDualSeed() throws {
    let x = try HyperDual<Double>(5, seed: 0, 0)
    #expect((x * x * x).epsilon12 == 30)
    let y = try HyperDual<SIMD4<Double>>(1, seed: 3, nil)
    #expect(y.epsilon1 == SIMD4(0, 0, 0, 1) && y.epsilon2 == .zero)
    #expect(throws: EpsilonError.seedOutOfRange(index: 4, partialCount: 4)) {
      try HyperDual<SIMD4<Double>>(1, seed: 4, 0)
    }
    #expect(throws: EpsilonError.seedOutOfRange(index: -2, partialCount: 1)) {
      try HyperDual<Double>(1, seed: 0, -2)
    }
  }

  @Test("checkRule's grid is computed as it is visited: no allocation for any count")
  func checkRuleGrid() {
    // Int.max points would be a run of 2⁶³ checks, not a 2⁶⁶-byte array.
    let first = Array(_grid(0...1, Int.max).prefix(2))
    #expect(first == [0, 1 / Double(Int.max - 1)])
    #expect(Array(_grid(0...1, 3)) == [0, 0.5, 1])
    #expect(Array(_grid(2...4, 1)) == [3])
    #expect(Array(_grid(2...4, -7)) == [3])
    #expect(checkRule(Rules.Sin(), over: -1...1, points: 5).pointsChecked == 5)
  }

  @Test("A chunk type without lanes gives NaN partials or throws, never loops")
  func zeroLaneChunk() throws {
    let g = gradient(at: [1.0, 2.0], chunk: NoLanes<Double>.self) { x in x[0] * x[1] }
    #expect(g.count == 2 && g.allSatisfy(\.isNaN))
    #expect(throws: EpsilonError.seedOutOfRange(index: 0, partialCount: 0)) {
      try jacobian(at: [1.0, 2.0], chunk: NoLanes<Double>.self) { x in [x[0] * x[1]] }
    }
  }

  @Test("An optimizer whose update changes the parameter count throws and restores them")
  func parameterCountChanged() throws {
    var optimizer = GrowingOptimizer()
    var x = [1.0, 2.0]
    #expect(throws: OptimizerError.parameterCountChanged(expected: 2, actual: 3)) {
      try optimizer.minimize(
        { x in x[0] * x[0] + x[1] * x[1] }, over: &x,
        until: StoppingRule(maxIterations: 10, stepTolerance: 1e-12))
    }
    #expect(x == [1, 2])
    #expect(
      OptimizerError.parameterCountChanged(expected: 2, actual: 3).description
        .contains("restored"))
  }

  #if !os(iOS) && !os(watchOS) && !os(tvOS) && !os(visionOS)
    @Test("Hessian subscript outside 0..<count traps, as documented (array-like)")
    func hessianSubscriptOutOfRange() async {
      // Documented ("Indices must be in 0 ..< count, as for an array"):
      // the expected behavior, checked in a child process.
      await #expect(processExitsWith: .failure) {
        let h = try Hessian<Double>(count: 2)
        _ = h[2, 0]
      }
    }

    /// Issue 16: `h[1, -1]` on a 3 × 3 Hessian read and wrote `h[0, 0]`
    /// (1·2/2 − 1 = 0 in the packed triangle).
    @Test("Hessian subscript with a negative index traps, as an array's does")
    func hessianSubscriptNegativeIndex() async {
      await #expect(processExitsWith: .failure) {
        let h = try Hessian<Double>(count: 3)
        _ = h[1, -1]
      }
      await #expect(processExitsWith: .failure) {
        var h = try Hessian<Double>(count: 3)
        h[-1, 1] = 2
      }
      await #expect(processExitsWith: .failure) {
        let h = try Hessian<Double>(count: 3)
        _ = h[0, 3]
      }
    }
  #endif
}

/// A user's SIMD type with no lanes: `DualPartials` through the library's
/// SIMD extension, and useless as a chunk. It is its own mask type.
struct NoLanes<Scalar: SIMDScalar>: SIMD {
  typealias MaskStorage = NoLanes<Scalar.SIMDMaskScalar>
  typealias ArrayLiteralElement = Scalar
  var scalarCount: Int { 0 }
  init() {}
  subscript(index: Int) -> Scalar {
    get { preconditionFailure("no lanes") }
    set { preconditionFailure("no lanes") }
  }
}

extension NoLanes: DualPartials where Scalar: ADScalar {}

/// A user's optimizer whose update appends a parameter: a bug the
/// minimizer must catch rather than index past.
struct GrowingOptimizer: GradientOptimizer {
  var iterations = 0
  mutating func apply(gradients: [Double], to parameters: inout [Double]) throws {
    iterations += 1
    for i in parameters.indices { parameters[i] -= 0.1 * gradients[i] }
    parameters.append(0)
  }
}
