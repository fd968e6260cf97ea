// The test helpers themselves: a check that cannot fail checks nothing.

import Epsilon
import Testing

@Suite("Test support")
struct SupportTests {
  @Test("isClose rejects what is outside its tolerance")
  func closeness() {
    let one = 1.0
    #expect(isClose(one, one.nextUp, .ulps(1)))
    #expect(!isClose(one, one + 4 * one.ulp, .ulps(2)))
    #expect(!isClose(0.0, 1e-300, .ulps(16)))
    #expect(isClose(0.0, 1e-300, .ulps(16, floor: 1)))
    #expect(!isClose(Double.nan, 1, .ulps(1e9)))
    #expect(isClose(Double.nan, .nan, .exact))
    #expect(!isClose(Double.infinity, .greatestFiniteMagnitude, .ulps(1e9)))
  }

  @Test("Central differences catch a wrong derivative")
  func centralDifferenceDetects() {
    let d = CentralDifference(of: { (x: Double) in x * x * x }, at: 2)
    #expect((d.estimate - 12).magnitude <= d.tolerance)
    #expect((d.estimate - (12 + 1e-6)).magnitude > d.tolerance)
    let f = CentralDifference(of: { (x: Float) in x * x * x }, at: 2)
    #expect((f.estimate - 12).magnitude <= f.tolerance)
    #expect((f.estimate - 12.1).magnitude > f.tolerance)
  }

  @Test("SplitMix64 is reproducible from its seed")
  func seeded() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    var c = SplitMix64(seed: 43)
    let x = a.points(5, in: -1...1)
    #expect(x == b.points(5, in: -1...1))
    #expect(x != c.points(5, in: -1...1))
    #expect(x.allSatisfy { Double(Float($0)) == $0 && (-1...1).contains($0) })
    // Vigna's reference output for seed 0: 0xE220A8397B1DCDAF.
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
  }

  @Test("Catalog gradients and Jacobians match central differences")
  func catalogIsSelfConsistent() {
    // The hand-written derivatives are references; check them independently
    // of AD, so a slip in the catalog cannot hide behind agreeing AD modes.
    var rng = SplitMix64(seed: 99)
    for f in TestCatalog.gradient {
      for n in f.sampleCounts where n > 0 {
        let x = rng.points(n, in: f.domain)
        let analytic: [Double] = f.gradient(x)
        for (i, d) in centralDifferenceGradient(of: { f($0) }, at: x).enumerated() {
          #expect((analytic[i] - d.estimate).magnitude <= d.tolerance, "\(f.name) ∂\(i), N = \(n)")
        }
      }
    }
    for f in TestCatalog.jacobian {
      for n in f.sampleCounts {
        let x = rng.points(n, in: f.domain)
        let analytic: [[Double]] = f.jacobian(x)
        for row in analytic.indices {
          for (i, d) in centralDifferenceGradient(of: { f($0)[row] }, at: x).enumerated() {
            #expect(
              (analytic[row][i] - d.estimate).magnitude <= d.tolerance,
              "\(f.name) J[\(row)][\(i)], N = \(n)")
          }
        }
      }
    }
    for f in TestCatalog.scalar {
      for p in f.points {
        let d1 = CentralDifference(of: { f($0) }, at: p)
        #expect((f.derivative(p) - d1.estimate).magnitude <= d1.tolerance, "\(f.name)′(\(p))")
        let d2 = CentralDifference(of: { f.derivative($0) }, at: p)
        #expect((f.secondDerivative(p) - d2.estimate).magnitude <= d2.tolerance, "\(f.name)″(\(p))")
      }
    }
  }
}
