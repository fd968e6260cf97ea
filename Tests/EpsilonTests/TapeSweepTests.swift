import Epsilon
import Testing

// The reverse sweep takes adjoint · partial as the plain product `a * d`
// wherever the values of both are nonzero, and as the zero-annihilating
// product (`_annihilatingProduct`) elsewhere. That is only right if the two
// agree bit for bit there, infinite and NaN partials included: these tests
// pin that for every number type a tape sweeps, and check a sweep over dual
// adjoints against forward mode where zeros meet infinities.

/// Bits of every part of a number, for bit-for-bit comparison.
private func bits(_ x: Double) -> [UInt64] { [x.bitPattern] }
private func bits(_ x: Dual<SIMD4<Double>>) -> [UInt64] {
  [x.value.bitPattern] + (0..<4).map { x.partials[$0].bitPattern }
}
private func bits(_ x: Dual<Dual<Double>>) -> [UInt64] {
  [
    x.value.value.bitPattern, x.value.partials.bitPattern,
    x.partials.value.bitPattern, x.partials.partials.bitPattern,
  ]
}

/// Nonzero values, and parts that are zero, infinite, NaN or ordinary.
private let values: [Double] = [
  1.5, -2.25, 3e300, -Double.leastNormalMagnitude / 8, .infinity, -.infinity, .nan,
]
private let parts: [Double] = [0, -0.0, 1.5, -7, .infinity, -.infinity, .nan, 1e308]

@Suite("Tape sweep: the plain product is the annihilating one where values are nonzero")
struct TapeSweepTests {
  @Test("Double")
  func plainNumbers() {
    for a in values {
      for d in values {
        #expect(bits(a * d) == bits(Double._annihilatingProduct(a, d)), "\(a) · \(d)")
      }
    }
  }

  @Test("Dual<SIMD4<Double>>, partials zero, infinite or NaN")
  func simdDuals() {
    var k = 0
    for av in values {
      for dv in values {
        for _ in 0..<6 {
          func lanes() -> SIMD4<Double> {
            defer { k += 1 }
            return SIMD4((0..<4).map { parts[($0 * 3 + k) % parts.count] })
          }
          let a = Dual<SIMD4<Double>>(av, partials: lanes())
          let d = Dual<SIMD4<Double>>(dv, partials: lanes())
          #expect(
            bits(a * d) == bits(Dual<SIMD4<Double>>._annihilatingProduct(a, d)),
            "\(a) · \(d)")
        }
      }
    }
  }

  @Test("Dual<Dual<Double>>, inner parts zero, infinite or NaN")
  func nestedDuals() {
    for av in values {
      for dv in values {
        for (p, q) in zip(parts, parts.reversed()) {
          let a = Dual<Dual<Double>>(Dual(av, partials: p), partials: Dual(q, partials: p))
          let d = Dual<Dual<Double>>(Dual(dv, partials: q), partials: Dual(p, partials: q))
          #expect(
            bits(a * d) == bits(Dual<Dual<Double>>._annihilatingProduct(a, d)),
            "\(a) · \(d)")
        }
      }
    }
  }

  @Test("The plain product: after adding into an adjoint, the annihilating one's bits, or a NaN")
  func plainProductsAgreeUnlessNaN() {
    // A sweep over duals of plain numbers takes the plain product first
    // and keeps it if no adjoint it reads has a NaN part. Sound only if the
    // plain product, added into an adjoint (which starts at +0), gives the
    // annihilating one's bits wherever it has no NaN part.
    var k = 0
    func lanes() -> SIMD4<Double> {
      defer { k += 1 }
      return SIMD4((0..<4).map { parts[($0 * 3 + k) % parts.count] })
    }
    let starts: [Dual<SIMD4<Double>>] = [0, Dual(1.25, partials: [0, -3, 0.5, 1e-300])]
    #expect(Dual<SIMD4<Double>>._hasPlainProduct && Dual<Dual<Double>>._hasPlainProduct)
    for av in values + parts {
      for dv in values + parts {
        for _ in 0..<6 {
          let a = Dual<SIMD4<Double>>(av, partials: lanes())
          let d = Dual<SIMD4<Double>>(dv, partials: lanes())
          let plain = Dual<SIMD4<Double>>._plainProduct(a, d)
          if plain._hasNaNPart { continue }
          let annihilating = Dual<SIMD4<Double>>._annihilatingProduct(a, d)
          for s in starts {
            #expect(bits(s + plain) == bits(s + annihilating), "\(a) · \(d)")
          }
        }
        for (p, q) in zip(parts, parts.reversed()) {
          let a = Dual<Dual<Double>>(Dual(av, partials: p), partials: Dual(q, partials: p))
          let d = Dual<Dual<Double>>(Dual(dv, partials: q), partials: Dual(p, partials: q))
          let plain = Dual<Dual<Double>>._plainProduct(a, d)
          if plain._hasNaNPart { continue }
          let annihilating = Dual<Dual<Double>>._annihilatingProduct(a, d)
          #expect(bits(0 + plain) == bits(0 + annihilating), "\(a) · \(d)")
        }
      }
    }
  }

  @Test(
    "A sweep that keeps its plain products gives the annihilating sweep's adjoints, bit for bit")
  func plainFirstSweepAgreesWithTheAnnihilatingSweep() throws {
    // The same Hessian by forward over reverse on two tapes whose lanes do
    // the same arithmetic: SIMD4 partials sweep plainly first, a pair of
    // SIMD2 halves has no plain combine and sweeps with the annihilating
    // products only. Points on kinks and domain edges make the plain sweep
    // meet 0 · ∞ (and sweep again); the others keep it.
    typealias Plain = Dual<SIMD4<Double>>
    typealias Checked = Dual<SIMDPair<SIMD2<Double>>>
    #expect(Plain._hasPlainProduct && !Checked._hasPlainProduct)
    func f<T: ADReal>(_ x: [T]) -> T {
      T.sqrt(x[0] * x[0] + x[1] * x[1]) + T.pow(x[2], 1.5) * x[3]
        + x[0] * T.log1p(x[1] * x[1]) + T.exp(-x[2]) * x[3] / (1 + x[0] * x[0])
        + T.sqrt(x[2]) * x[1] + T.cbrt(x[3]) * x[0]
    }
    let edges: [Double] = [0, -0.0, 1, -1, 0.5, 2]
    var rng = SplitMix64(seed: 0x5EE9)
    var points: [[Double]] = []
    for _ in 0..<200 {
      points.append((0..<4).map { _ in edges[Int(rng.next() % UInt64(edges.count))] })
      points.append((0..<4).map { _ in Double(rng.next() % 4001) / 1000 - 2 })
    }
    for x in points {
      let plain = try GradientTape<Plain>().valueWithGradient(
        at: x.indices.map { Plain(x[$0], partials: .unitPartials($0)) }
      ) { f($0) }
      let checked = try GradientTape<Checked>().valueWithGradient(
        at: x.indices.map { Checked(x[$0], partials: .unitPartials($0)) }
      ) { f($0) }
      for i in x.indices {
        let p = plain.gradient[i]
        let c = checked.gradient[i]
        let same =
          p.value.bitPattern == c.value.bitPattern
          && (0..<4).allSatisfy { p.partials[$0].bitPattern == c.partials.partial($0).bitPattern }
        #expect(same, "x = \(x), input \(i): \(p) against \(c)")
      }
    }
  }

  @Test(
    "A sweep over dual adjoints: zero partials annihilate an infinite adjoint, as forward mode does"
  )
  func dualAdjointsAtTheOrigin() throws {
    // sqrt(x² + y²) at the origin: the adjoint of x² + y² is infinite, and
    // its partials 2x, 2y are 0 with a nonzero tangent; forward over
    // reverse must give forward mode's numbers, not NaN.
    func f<T: ADReal>(_ x: [T]) -> T { T.sqrt(x[0] * x[0] + x[1] * x[1]) + x[0] * x[1] }
    let point = [0.0, 0.0]
    let seeded = point.indices.map { Dual<SIMD2<Double>>(point[$0], partials: .unitPartials($0)) }
    let reverse = try GradientTape<Dual<SIMD2<Double>>>().valueWithGradient(at: seeded) { f($0) }
    let forward = valueWithGradient(at: point, chunk: SIMD2<Double>.self) { f($0) }
    #expect(reverse.gradient.map(\.value) == forward.gradient)
    #expect(!reverse.gradient.contains { $0.value.isNaN })
  }
}
