// Checks that must hold in release builds, the ones users ship: an
// impossible Hessian, tape reservation or input array throws instead of
// stopping the process, and a full tape fails fast. The optimizer once
// folded the allocation probe to "succeeded", so every such check vanished
// in release; `.ci/run` runs this suite (with all the others) under
// `swift test -c release` as well as in debug.
//
// Where the kernel can limit this process's address space (Linux,
// RLIMIT_AS), each case runs in a child process under a limit, so that
// "cannot be allocated" does not depend on how much memory the machine
// has; elsewhere the sizes are beyond any machine.

import Testing

@testable import Epsilon

#if canImport(Glibc)
  import Glibc
#endif

#if os(Linux) && canImport(Glibc)
  /// Lets this process map only `extra` more bytes of address space than
  /// it has mapped now: larger requests fail in the C allocator, as they
  /// do under a container's or a user's memory limit.
  func limitAddressSpace(extra: Int) {
    // /proc/self/statm starts with the mapped size in pages.
    var mapped = 0
    if let file = fopen("/proc/self/statm", "r") {
      var buffer = [CChar](repeating: 0, count: 64)
      if fgets(&buffer, Int32(buffer.count), file) != nil {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        let pages = Int(text.split(separator: " ").first ?? "") ?? 0
        mapped = pages * Int(getpagesize())
      }
      fclose(file)
    }
    var limit = rlimit()
    limit.rlim_cur = rlim_t(mapped + extra)
    limit.rlim_max = rlim_t(mapped + extra)
    setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
  }
#endif

@Suite("Release checks: impossible sizes throw, a full tape fails fast")
struct ReleaseChecksTests {
  @Test("The allocation probe is not folded away: 2⁶⁰ bytes cannot be had, 64 MiB can")
  func allocationProbeAnswers() {
    #expect(!_canAllocate(bytes: 1 << 60))
    #expect(!_canAllocate(1 << 57, stride: 8))
    #expect(!_canAllocate(.max, stride: 2))
    #expect(!_canAllocate(-1, stride: 8))
    #expect(_canAllocate(bytes: 1 << 26))
    #expect(throws: TapeError.outOfMemory(bytes: 1 << 60)) {
      try _checkAllocation(1 << 57, of: Double.self)
    }
  }

  #if os(Linux) && canImport(Glibc)
    @Test("Hessian<Double>(count: 100_000) throws hessianTooLarge (40 GB), in release too")
    func hessianOfHundredThousandThrows() async {
      await #expect(processExitsWith: .success) {
        limitAddressSpace(extra: 1 << 30)
        do {
          _ = try Hessian<Double>(count: 100_000)
          exit(1)
        } catch EpsilonError.hessianTooLarge(count: 100_000) {
          exit(0)
        } catch {
          exit(2)
        }
      }
    }

    @Test(
      "An impossible tape reservation throws cannotReserve and the tape records on, in release too")
    func impossibleReservationThrows() async {
      await #expect(processExitsWith: .success) {
        limitAddressSpace(extra: 1 << 30)
        let tape = GradientTape<Double>(persistent: true)
        do {
          try tape.reserveCapacity(1 << 28)  // 6.4 GB
          exit(1)
        } catch TapeError.cannotReserve(slots: 1 << 28) {
        } catch {
          exit(2)
        }
        let x = tape.variable(3)
        let g = try? tape.gradient(of: x * x, withRespectTo: x)
        exit(g == 6 ? 0 : 3)
      }
    }

    @Test("An input array whose tape fits but whose [Variable] array does not throws outOfMemory")
    func impossibleInputArrayThrows() async {
      await #expect(processExitsWith: .success) {
        let n = 1 << 23  // 64 MB of input; tape and inputs 192 MB each
        let x = [Double](repeating: 1, count: n)
        limitAddressSpace(extra: 192 << 20 + 96 << 20)
        do {
          _ = try reverseGradient(at: x) { v in v[0] * v[1] }
          exit(1)
        } catch TapeError.outOfMemory {
          exit(0)
        } catch TapeError.cannotReserve {
          exit(4)  // the tape's reservation was meant to succeed
        } catch {
          exit(2)
        }
      }
    }

    @Test(
      "gradient(of:at:mode:) by the tape throws where the tape cannot be had, never returns NaN")
    func gradientByTapeThrowsUnderMemoryLimit() async {
      await #expect(processExitsWith: .success) {
        struct Sum: ADFunction {
          func callAsFunction<T: ADReal>(_ x: [T]) -> T { x.reduce(0, +) }
        }
        let x = [Double](repeating: 1, count: 1 << 23)  // 64 MB of input
        limitAddressSpace(extra: 96 << 20)
        for mode in [GradientMode.reverse, .automatic] {
          do {
            let g = try gradient(of: Sum(), at: x, mode: mode)
            exit(g.contains { $0.isNaN } ? 1 : 2)  // NaN, or it fit after all
          } catch is TapeError {
            continue
          } catch {
            exit(3)
          }
        }
        exit(0)
      }
    }

    @Test(
      "A tape whose growth failed is full: later records fail without asking the allocator again")
    func fullTapeFailsFast() async {
      await #expect(processExitsWith: .success) {
        limitAddressSpace(extra: 64 << 20)
        let tape = GradientTape<Double>(persistent: true)
        let x = tape.variable(1)
        var y = x
        var recorded = 1
        while y.isRecorded {
          y = y * x
          recorded += 1
          if recorded > 1 << 26 { exit(1) }  // never failed
        }
        guard tape._header.pointee.isFull else { exit(2) }
        // Later records are poisoned at once, and the gradient throws.
        for _ in 0..<1000 where (x * x).isRecorded { exit(3) }
        guard (try? tape.gradient(of: y, withRespectTo: x)) == nil else { exit(4) }
        // Cleared, the tape records again (in the memory it holds).
        tape.clear()
        guard !tape._header.pointee.isFull else { exit(5) }
        let z = tape.variable(2)
        exit((try? tape.gradient(of: z * z, withRespectTo: z)) == 4 ? 0 : 6)
      }
    }
  #endif

  @Test("A full tape does not grow again until cleared, even where memory is available")
  func fullTapeDoesNotRetryGrowth() throws {
    let tape = GradientTape<Double>(persistent: true)
    let x = tape.variable(2)
    // Fill the buffer exactly, then mark the growth as failed (internal):
    // the next record needs to grow, and must fail without growing.
    while tape.count < tape.capacity { _ = x * x }
    let capacity = tape.capacity
    tape._header.pointee.isFull = true
    let y = x * x
    #expect(!y.isRecorded && tape.capacity == capacity)
    #expect(throws: TapeError.tapeFull(.target)) {
      try tape.gradient(of: y, withRespectTo: x)
    }
    // An explicit reservation still asks, and succeeds here.
    try tape.reserveCapacity(capacity + 100)
    #expect(tape.capacity >= capacity + 100 && !tape._header.pointee.isFull)
    #expect((x * x).isRecorded)
    // clear() forgets the failure.
    tape._header.pointee.isFull = true
    tape.clear()
    let z = tape.variable(3)
    #expect(try tape.gradient(of: z * z, withRespectTo: z) == 6)
  }

  @Test("The tape drivers check their own arrays: a count beyond memory throws outOfMemory")
  func driverArraysAreChecked() {
    typealias V = GradientTape<Double>.Variable
    let bytes = (1 << 58).multipliedReportingOverflow(by: MemoryLayout<V>.stride)
    #expect(throws: TapeError.outOfMemory(bytes: bytes.partialValue)) {
      try _checkAllocation(1 << 58, of: V.self)
    }
  }
}
