// A seeded generator, so that every random test case can be replayed: a
// failure message names its seed (swift-algorithms' SplitMix64).

/// Sebastiano Vigna's SplitMix64: tiny, fast, and good enough for test
/// inputs.
struct SplitMix64: RandomNumberGenerator {
  /// The seed this generator started from, for failure messages.
  let seed: UInt64
  private var state: UInt64

  init(seed: UInt64) {
    self.seed = seed
    self.state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `count` values uniform in `range`, rounded to dyadic steps of 1/64 so
  /// that the same point is exact in Float and in Double.
  mutating func points(
    _ count: Int, in range: ClosedRange<Double>
  ) -> [Double] {
    (0..<count).map { _ in
      (Double.random(in: range, using: &self) * 64).rounded() / 64
    }
  }
}
