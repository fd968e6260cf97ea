import Testing

@testable import Epsilon

// Every misuse of a tape is a thrown TapeError, never a crash or a wrong
// number. Each case is asserted by its error.

@Suite("GradientTape: misuse throws")
struct TapeErrorTests {
  typealias Tape = GradientTape<Double>

  @Test("Mixing two tapes poisons the result; its gradient throws")
  func mixingTapes() throws {
    let a = Tape(persistent: true)
    let b = Tape(persistent: true)
    let x = a.variable(2)
    let y = b.variable(3)
    let z = x * y
    #expect(z.value == 6)  // the value is still right
    #expect(throws: TapeError.mixedTapes(.target)) {
      try a.gradient(of: z, withRespectTo: x)
    }
    // Poison propagates through later operations and functions.
    let w = sin(z) + x
    #expect(throws: TapeError.mixedTapes(.target)) {
      try a.gradient(of: w, withRespectTo: x)
    }
    #expect(throws: TapeError.mixedTapes(.source)) {
      try a.gradient(of: x, withRespectTo: z)
    }
    // Neither tape was written to by the mixed operation.
    #expect(a.count == 1 && b.count == 1)
  }

  @Test("A variable used after clear() is stale")
  func staleAfterClear() throws {
    let tape = Tape(persistent: true)
    let x = tape.variable(2)
    tape.clear()
    let y = tape.variable(3)
    #expect(throws: TapeError.staleVariable(.source)) {
      try tape.gradient(of: y, withRespectTo: x)
    }
    #expect(throws: TapeError.staleVariable(.target)) {
      try tape.gradient(of: x * y, withRespectTo: y)
    }
    #expect(throws: TapeError.staleVariable(.target)) {
      try tape.gradient(of: x * 2, withRespectTo: y)
    }
    #expect(tape.count == 1)  // stale operations record nothing
  }

  @Test("A variable of a released tape is stale, even if its header is reused")
  func staleAfterRelease() throws {
    var x: Tape.Variable = 0
    do {
      let old = Tape()
      x = old.variable(2)
      _ = old.count  // keep `old` alive until here
    }
    let tape = Tape()  // may reuse the released tape's header
    let y = tape.variable(3)
    let error = #expect(throws: TapeError.self) {
      try tape.gradient(of: x * y, withRespectTo: y)
    }
    #expect(
      error == .staleVariable(.target) || error == .mixedTapes(.target))
  }

  @Test("A non-persistent tape gives one set of gradients, again after clear()")
  func nonPersistentReuse() throws {
    let tape = Tape()
    let x = tape.variable(2)
    #expect(try tape.gradient(of: x * x, withRespectTo: x) == 4)
    #expect(throws: TapeError.nonPersistentTapeReused) {
      try tape.gradient(of: x * x, withRespectTo: x)
    }
    tape.clear()
    let y = tape.variable(3)
    #expect(try tape.gradient(of: y * y, withRespectTo: y) == 6)
  }

  @Test("A target or source of another live tape is foreign")
  func foreign() throws {
    let a = Tape(persistent: true)
    let b = Tape(persistent: true)
    let x = a.variable(2)
    let y = b.variable(3)
    #expect(throws: TapeError.foreignVariable(.source)) {
      try a.gradient(of: x * x, withRespectTo: y)
    }
    #expect(throws: TapeError.foreignVariable(.target)) {
      try a.gradient(of: y * y, withRespectTo: x)
    }
  }

  @Test("A full tape poisons what it cannot record")
  func tapeFull() throws {
    let tape = Tape(persistent: true)
    // Lower the limit (internal) rather than record 2³² slots.
    tape._header.pointee.limit = 3
    tape._header.pointee.capacity = 3
    let x = tape.variable(2)  // slot 1
    let y = x * x  // slot 2: the last
    let z = y * x  // no room
    #expect(z.value == 8)
    #expect(try tape.gradient(of: y, withRespectTo: x) == 4)
    #expect(throws: TapeError.tapeFull(.target)) {
      try tape.gradient(of: z, withRespectTo: x)
    }
  }

  @Test("The pool's budget respects a cgroup memory limit")
  func poolBudgetRespectsCgroupLimit() {
    // A sixteenth of the smaller memory, at most 1 GiB.
    let gib = 1 << 30
    #expect(_retainedBudget(physical: 64 * gib, cgroupLimit: nil) == gib)
    #expect(_retainedBudget(physical: 64 * gib, cgroupLimit: 2 * gib) == gib / 8)
    #expect(_retainedBudget(physical: 4 * gib, cgroupLimit: 32 * gib) == gib / 4)
    #expect(_retainedBudget(physical: nil, cgroupLimit: 512 << 20) == 32 << 20)
    #expect(_retainedBudget(physical: nil, cgroupLimit: nil) == 1 << 26)
    // cgroup v2 writes "max" for no limit; v1 a number near Int64.max.
    #expect(_parseCgroupLimit("max\n") == nil)
    #expect(_parseCgroupLimit("2147483648\n") == 2 * gib)
    #expect(_parseCgroupLimit("9223372036854771712\n") == nil)
    #expect(_parseCgroupLimit("") == nil)
    // This process: the budget never exceeds a sixteenth of its limit.
    if let limit = _cgroupMemoryLimit() {
      #expect(limit > 0 && _TapeHeaderPool.retainedBudget <= limit / 16)
    }
    #expect(_TapeHeaderPool.retainedBudget <= gib)
  }

  @Test("After 2³² − 2 clears the header retires: old variables stay stale")
  func generationsUsedUp() throws {
    let tape = Tape(persistent: true)
    // Jump to the last generations (internal) rather than clear 4·10⁹ times.
    tape._header.pointee.generation.store(.max - 2, ordering: .relaxed)
    let old = tape.variable(2)
    let retired = tape._header
    tape.clear()  // to .max − 1: still usable
    #expect(tape._header == retired)
    let last = tape.variable(3)
    tape.clear()  // used up: the buffer moves to a fresh header
    #expect(tape._header != retired)
    #expect(retired._generation == .max)  // carried by no variable, ever
    let x = tape.variable(5)
    #expect(try tape.gradient(of: x * x, withRespectTo: x) == 10)
    for stale in [old, last] {
      #expect(throws: TapeError.staleVariable(.target)) {
        try tape.gradient(of: stale * x, withRespectTo: x)
      }
    }
    // The retired header is never handed out again.
    let others = (0..<8).map { _ in Tape() }
    #expect(others.allSatisfy { $0._header != retired })
  }

  @Test("Output gradients must match the targets in number")
  func cotangentCount() throws {
    #expect(throws: TapeError.cotangentCountMismatch(outputs: 2, cotangents: 1)) {
      try vectorJacobianProduct(at: [1.0, 2.0], along: [1.0]) { x in
        [x[0] * x[1], x[0]]
      }
    }
  }

  @Test("Returning another tape's variable from a driver throws")
  func driverForeign() throws {
    let other = Tape()
    let c = other.variable(3)
    #expect(throws: TapeError.mixedTapes(.target)) {
      try reverseGradient(at: [1.0]) { x in x[0] * c }
    }
    #expect(throws: TapeError.foreignVariable(.target)) {
      try reverseGradient(at: [1.0]) { _ in c }
    }
    _ = other.count
  }

  @Test("Every error message says what to do")
  func messages() {
    let errors: [TapeError] = [
      .nonPersistentTapeReused, .mixedTapes(.target),
      .staleVariable(.source), .foreignVariable(.target), .tapeFull(.target),
      .cotangentCountMismatch(outputs: 2, cotangents: 1),
    ]
    for error in errors {
      #expect("\(error)".contains(":"), "\(error)")
    }
    #expect("\(TapeError.mixedTapes(.target))".contains("one tape"))
    #expect("\(TapeError.staleVariable(.source))".contains("record it again"))
  }
}
