// W1's second derivative by hyper-dual numbers: f″ of W1's f at
// the same 1000 points, by `secondDerivative(at:of:)` on `HyperDual<Double>`,
// in the W1 table beside `handwritten-second` and `nested-dual-second`.

import Epsilon

extension Harness {
  /// Registers W1's `hyperdual-second` row and its target (≤ 1.5× the
  /// hand-written f″). Call after `addW1()`: the row joins W1's group.
  mutating func addW1SecondDerivative() {
    let points = Self.w1Points
    let n = points.count

    add(
      "W1", "hyperdual-second", n: n, role: .extra,
      verify: {
        for x in points {
          let got = Epsilon.secondDerivative(at: x, of: w1)
          let want = w1SecondDerivative(x)
          if !(relativeError(got, want) <= verificationTolerance) {
            return "at x = \(x): got \(got), expected \(want)"
          }
        }
        return nil
      },
      body: { count in
        cycle(points, count) {
          blackHole(Epsilon.secondDerivative(at: $0, of: w1))
        }
      })

    addTarget(
      Target(
        workload: "W1", n: n, variant: "hyperdual-second",
        baseline: "handwritten-second", atMost: 1.5))
  }
}
