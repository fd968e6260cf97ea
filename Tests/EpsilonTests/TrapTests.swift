// Traps a user input reaches today, each run in a child process (an exit
// test) so the suite survives it. Each is a known issue: the day the
// library stops trapping, `withKnownIssue` reports that no issue was
// recorded, and the test should become a plain `#expect(throws:)` or
// value check.

import Epsilon
import Testing

#if !os(iOS) && !os(watchOS) && !os(tvOS) && !os(visionOS)
  @Suite("Traps reachable from user input (known issues, in child processes)")
  struct TrapTests {
    @Test("Dual(_:seed:) with a lane outside the partials traps")
    func dualSeedOutOfRange() async {
      await withKnownIssue(
        "SIMD subscript out of range in DualPartials.unitPartials"
      ) {
        await #expect(processExitsWith: .success) {
          _ = Dual<SIMD4<Double>>(1, seed: 4)
        }
      }
      await withKnownIssue("negative seed index") {
        await #expect(processExitsWith: .success) {
          _ = Dual<SIMD2<Double>>(1, seed: -1)
        }
      }
    }

    @Test("SecondOrderDual(_:seed:) with a lane outside the gradient traps")
    func secondOrderSeedOutOfRange() async {
      await withKnownIssue(
        "SIMD subscript out of range in DualPartials.unitPartials"
      ) {
        await #expect(processExitsWith: .success) {
          _ = SecondOrderDual<SIMD2<Double>>(1, seed: 2)
        }
      }
    }

    @Test("Hessian(count:) with a huge count overflows")
    func hessianCountOverflow() async {
      await withKnownIssue(
        "count * (count + 1) / 2 overflows Int in Hessian.init(count:)"
      ) {
        await #expect(processExitsWith: .success) {
          _ = Hessian<Double>(count: Int.max)
        }
      }
    }

    @Test("GradientTape.reserveCapacity(Int.max) asks for ~100 GB")
    func tapeReserveHuge() async {
      await withKnownIssue(
        "reserveCapacity grows to the 2³²-slot limit: an allocation that fails"
      ) {
        await #expect(processExitsWith: .success) {
          GradientTape<Double>().reserveCapacity(Int.max)
        }
      }
    }

    @Test("Hessian subscript outside 0..<count traps, as documented (array-like)")
    func hessianSubscriptOutOfRange() async {
      // Documented ("Indices must be in 0 ..< count, as for an array"):
      // not a known issue, the expected behavior.
      await #expect(processExitsWith: .failure) {
        let h = Hessian<Double>(count: 2)
        _ = h[2, 0]
      }
    }
  }
#endif
