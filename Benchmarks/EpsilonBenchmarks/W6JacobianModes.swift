// W6m — the Jacobian driver's modes by shape (Benchmarks/WORKLOADS.md): m
// outputs of N inputs, each output a sum over every input, so forward mode
// costs ⌈N/8⌉ evaluations and reverse mode one recording and m sweeps.
// Rows for m = 1 and m = 4, forward, reverse and `.automatic`, against the
// plain function and a hand-written Jacobian into a preallocated buffer
// (`primal` and `handwritten`, both with m = 4):
// where the two modes cross is what `JacobianMode.prefersReverse` encodes.

import Epsilon

/// m outputs, output r = Σᵢ xᵢ·sin(xᵢ + r).
struct SumsOfSines: ADVectorFunction {
  var outputs: Int

  func callAsFunction<T: ADReal>(_ x: [T]) -> [T] {
    (0..<outputs).map { r in
      var sum: T = 0
      for v in x { sum += v * T.sin(v + T(Double(r))) }
      return sum
    }
  }
}

/// The Jacobian of `SumsOfSines` by hand, row-major into `j`:
/// ∂/∂xᵢ = sin(xᵢ + r) + xᵢ·cos(xᵢ + r).
func sumsOfSinesJacobian(_ x: [Double], outputs: Int, into j: UnsafeMutableBufferPointer<Double>) {
  let n = x.count
  for r in 0..<outputs {
    for i in 0..<n {
      let a = x[i] + Double(r)
      j[r * n + i] = Double.sin(a) + x[i] * Double.cos(a)
    }
  }
}

extension Harness {
  /// Registers W6m at N = 8 … 128 (only 16 with `--quick`).
  mutating func addW6JacobianModes() {
    for n in options.quick ? [16] : [8, 16, 24, 32, 64, 96, 128] {
      let pool = Self.w2Pool(n)
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * n)
      buffer.initialize(repeating: 0)
      add(
        "W6m", "primal", n: n, role: .primal, verify: { nil },
        body: { count in cycle4(pool, count) { blackHole(SumsOfSines(outputs: 4)($0)) } })
      add(
        "W6m", "handwritten", n: n, role: .handwritten, verify: { nil },
        body: { count in
          cycle4(pool, count) { x in
            sumsOfSinesJacobian(x, outputs: 4, into: buffer)
            blackHole(buffer)
          }
        })
      for m in [1, 4] {
        let f = SumsOfSines(outputs: m)
        for mode in [JacobianMode.forward, .reverse, .automatic] {
          add(
            "W6m", "\(mode)-m\(m)", n: n, role: mode == .automatic ? .epsilon : .extra,
            verify: {
              for x in pool {
                guard let got = try? jacobian(of: f, at: x, mode: mode) else { return "threw" }
                sumsOfSinesJacobian(x, outputs: m, into: buffer)
                let want = Array(buffer.prefix(m * n))
                if !(relativeError(got.flatMap { $0 }, want) <= verificationTolerance) {
                  return "differs from the hand-written Jacobian"
                }
              }
              return nil
            },
            body: { count in
              cycle4(pool, count) { x in
                if let j = try? jacobian(of: f, at: x, mode: mode) { blackHole(j[0]) }
              }
            })
        }
      }
      addNote("W6m", n: n) { _ in
        [1, 4].map { m in
          "m = \(m): .automatic uses "
            + (n > 16 && JacobianMode.prefersReverse(inputCount: n, outputCount: m)
              ? "reverse" : "forward")
        }
      }
    }
  }
}
