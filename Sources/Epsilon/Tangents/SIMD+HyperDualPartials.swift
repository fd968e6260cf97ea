// SIMD vectors as hyper-dual storage: n seeds in ε₁ and in ε₂, and their
// n × n mixed block in ε₁₂, built a row at a time so that it vectorises.

extension SIMD where Scalar: FloatingPoint {
  /// Row i of a ⊗ b + c ⊗ d: `a[i] * b + c[i] * d`, two vector FMAs.
  @inlinable
  static func _outerRow(_ a: Self, _ b: Self, _ c: Self, _ d: Self, _ i: Int)
    -> Self
  {
    let ab: Self = a[i] * b
    let cd: Self = c[i] * d
    return ab + cd
  }

  /// Row i of a ⊗ b: `a[i] * b`.
  @inlinable
  static func _outerRow(_ a: Self, _ b: Self, _ i: Int) -> Self {
    let row: Self = a[i] * b
    return row
  }
}

extension SIMD where Self: DualPartials, Scalar: ADScalar {
  // Outer products multiply through the annihilating product
  // (AnnihilatingProduct.swift, by `scaled(by:)` and `combine`), so the
  // NaN-safety of the partials holds in ε₁₂ too: a zero on either side of
  // a product gives 0 even when the other is ±∞ or NaN. With plain products, `sqrt(x[0]) + x[1] * x[1]`
  // at (0, 1) had NaN off-diagonal entries (0 · −∞ in row 1) where the
  // function is separable. Where every lane of the factors is finite
  // (almost always) the plain product is that product, so the factors are
  // checked once per outer product and the rows stay plain vector
  // multiplies; zero tests per row tripled the time of a Hessian of eight
  // inputs (the seeds are mostly zeros, which sent every row down the slow
  // path).

  /// a ⊗ b with a non-finite factor: each row by `scaled(by:)`.
  @inlinable @inline(never)
  static func _annihilatingOuterProduct<Block>(
    _ a: Self, _ b: Self, _ layout: ((Int) -> Self) -> Block
  ) -> Block {
    layout { b.scaled(by: a[$0]) }
  }

  /// a ⊗ b + c ⊗ d with a non-finite factor: each row by `combine`.
  @inlinable @inline(never)
  static func _annihilatingOuterProductSum<Block>(
    _ a: Self, _ b: Self, _ c: Self, _ d: Self,
    _ layout: ((Int) -> Self) -> Block
  ) -> Block {
    layout { .combine(a[$0], b, c[$0], d) }
  }
}

/// A SIMD width whose outer products fill an n × n block, row-major, a row
/// at a time: each width says only how its rows are laid out.
@usableFromInline
protocol _SquareOuterProducts: SIMD, HyperDualPartials, DualPartials
where Epsilon1 == Self, Epsilon2 == Self, Scalar: ADScalar {
  /// The n × n block whose row i is `row(i)`.
  static func _block(_ row: (Int) -> Self) -> Epsilon12

  /// Whether the lanes of `v`, each 0 or NaN, add up to 0: summed as a
  /// tree of half vectors, a few instructions, where `sum()` adds lane
  /// after lane.
  static func _isZeroSum(_ v: Self) -> Bool
}

extension _SquareOuterProducts {
  /// Whether every lane of `a` and `b` is finite: x − x is 0 for a finite
  /// lane and NaN for ±∞ or NaN, and a NaN survives the sum.
  @inlinable @inline(__always)
  static func _allFinite(_ a: Self, _ b: Self) -> Bool {
    _isZeroSum((a - a) + (b - b))
  }

  /// Whether every lane of `a`, `b`, `c` and `d` is finite, in one sum.
  @inlinable @inline(__always)
  static func _allFinite(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Bool {
    _isZeroSum((a - a) + (b - b) + ((c - c) + (d - d)))
  }

  /// The n × n outer product a ⊗ b, row-major: rows `a[i] * b`.
  ///
  /// Always inlined (its rare non-finite path is a call): a separate
  /// function would build the block in memory and hand it back, where
  /// inlined its rows go straight into the caller's sum.
  @inlinable @inline(__always)
  public static func outerProduct(_ a: Self, _ b: Self) -> Epsilon12 {
    if _fastPath(_allFinite(a, b)) {
      return _UncheckedOuterProducts<Self>.outerProduct(a, b)
    }
    return _annihilatingOuterProduct(a, b, _block)
  }

  /// a ⊗ b + c ⊗ d, row-major: rows `a[i] * b + c[i] * d`. Always
  /// inlined, as ``outerProduct(_:_:)``.
  @inlinable @inline(__always)
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> Epsilon12
  {
    if _fastPath(_allFinite(a, b, c, d)) {
      return _UncheckedOuterProducts<Self>.outerProductSum(a, b, c, d)
    }
    return _annihilatingOuterProductSum(a, b, c, d, _block)
  }

  /// `base + a ⊗ b`, each path adding its own block, so that where the
  /// factors are finite the rows go straight into the sum.
  @inlinable @inline(__always)
  public static func _adding(
    _ base: Epsilon12, outerProduct a: Self, _ b: Self
  ) -> Epsilon12 {
    if _fastPath(_allFinite(a, b)) {
      return _UncheckedOuterProducts<Self>._adding(base, outerProduct: a, b)
    }
    return .sum(base, _annihilatingOuterProduct(a, b, _block))
  }

  /// `base + a ⊗ b + c ⊗ d`, as ``_adding(_:outerProduct:_:)``.
  @inlinable @inline(__always)
  public static func _adding(
    _ base: Epsilon12, outerProductSum a: Self, _ b: Self, _ c: Self,
    _ d: Self
  ) -> Epsilon12 {
    if _fastPath(_allFinite(a, b, c, d)) {
      return _UncheckedOuterProducts<Self>._adding(
        base, outerProductSum: a, b, c, d)
    }
    return .sum(base, _annihilatingOuterProductSum(a, b, c, d, _block))
  }
}

extension SIMD2: HyperDualPartials, _SquareOuterProducts
where Scalar: ADScalar {
  /// Two partials in ε₁.
  public typealias Epsilon1 = Self
  /// Two partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 2 × 2 block, row-major.
  public typealias Epsilon12 = SIMD4<Scalar>

  /// The 2 × 2 block whose rows `row` gives.
  @inlinable @inline(__always)
  static func _block(_ row: (Int) -> Self) -> SIMD4<Scalar> {
    SIMD4(lowHalf: row(0), highHalf: row(1))
  }

  /// Whether the two lanes add up to 0.
  @inlinable @inline(__always)
  static func _isZeroSum(_ v: Self) -> Bool { v[0] + v[1] == 0 }
}

extension SIMD4: HyperDualPartials, _SquareOuterProducts
where Scalar: ADScalar {
  /// Four partials in ε₁.
  public typealias Epsilon1 = Self
  /// Four partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 4 × 4 block, row-major.
  public typealias Epsilon12 = SIMD16<Scalar>

  /// The 4 × 4 block whose rows `row` gives.
  @inlinable
  static func _block(_ row: (Int) -> Self) -> SIMD16<Scalar> {
    SIMD16(
      lowHalf: SIMD8(lowHalf: row(0), highHalf: row(1)),
      highHalf: SIMD8(lowHalf: row(2), highHalf: row(3)))
  }

  /// Whether the four lanes add up to 0, by halves.
  @inlinable @inline(__always)
  static func _isZeroSum(_ v: Self) -> Bool {
    SIMD2._isZeroSum(v.lowHalf + v.highHalf)
  }
}

extension SIMD8: HyperDualPartials, _SquareOuterProducts
where Scalar: ADScalar {
  /// Eight partials in ε₁.
  public typealias Epsilon1 = Self
  /// Eight partials in ε₂.
  public typealias Epsilon2 = Self
  /// An 8 × 8 block, row-major.
  public typealias Epsilon12 = SIMD64<Scalar>

  /// The 8 × 8 block whose rows `row` gives, laid end to end.
  @inlinable @inline(__always)
  static func _block(_ row: (Int) -> Self) -> SIMD64<Scalar> {
    _stacked(SIMD64<Scalar>.self, from: 0, row)
  }

  /// Whether the eight lanes add up to 0, by halves.
  @inlinable @inline(__always)
  static func _isZeroSum(_ v: Self) -> Bool {
    SIMD4._isZeroSum(v.lowHalf + v.highHalf)
  }
}

extension SIMD16: HyperDualPartials, _SquareOuterProducts
where Scalar: ADScalar {
  /// Sixteen partials in ε₁.
  public typealias Epsilon1 = Self
  /// Sixteen partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 16 × 16 block, row-major, in four `SIMD64`s of four rows each.
  public typealias Epsilon12 = SIMDPair<SIMDPair<SIMD64<Scalar>>>

  /// The 16 × 16 block whose rows `row` gives.
  @inlinable
  static func _block(_ row: (Int) -> Self) -> Epsilon12 {
    SIMDPair(
      SIMDPair(_fourRows(from: 0, row), _fourRows(from: 4, row)),
      SIMDPair(_fourRows(from: 8, row), _fourRows(from: 12, row)))
  }

  /// Whether the sixteen lanes add up to 0, by halves.
  @inlinable @inline(__always)
  static func _isZeroSum(_ v: Self) -> Bool {
    SIMD8._isZeroSum(v.lowHalf + v.highHalf)
  }

  /// Rows `first ..< first + 4` of a 16 × 16 block, each given by `row`.
  @inlinable
  static func _fourRows(from first: Int, _ row: (Int) -> Self)
    -> SIMD64<Scalar>
  {
    _stacked(SIMD64<Scalar>.self, from: first, row)
  }
}

extension SIMD where Scalar: ADScalar {
  /// Rows `first`, `first + 1`, … of `row`, laid end to end in one wide
  /// vector: the rows, as a tuple, reinterpreted as the wide vector (SIMD
  /// vectors are laid out lane after lane), so each row is written once,
  /// straight from registers.
  ///
  /// The stdlib's `init(lowHalf:highHalf:)` copies lane by lane through
  /// the subscript; for 32 and 64 lanes an insert at a variable index goes
  /// through memory, in time quadratic in the lanes: most of the time of a
  /// dense Hessian of eight inputs. Lane by lane through a pointer is
  /// linear in the lanes but copies the result through the stack.
  @inlinable @inline(__always)
  static func _stacked<Wide: SIMD>(
    _: Wide.Type, from first: Int, _ row: (Int) -> Self
  ) -> Wide where Wide.Scalar == Scalar {
    let rows = Wide.scalarCount / Self.scalarCount
    let size = MemoryLayout<Self>.size
    let packed = MemoryLayout<Self>.stride == size
    if rows == 8 && packed && MemoryLayout<Wide>.size == 8 * size {
      let r = (
        row(first), row(first + 1), row(first + 2), row(first + 3),
        row(first + 4), row(first + 5), row(first + 6), row(first + 7)
      )
      return unsafeBitCast(r, to: Wide.self)
    }
    if rows == 4 && packed && MemoryLayout<Wide>.size == 4 * size {
      let r = (row(first), row(first + 1), row(first + 2), row(first + 3))
      return unsafeBitCast(r, to: Wide.self)
    }
    var result = Wide()
    withUnsafeMutablePointer(to: &result) { p in
      let lanes = UnsafeMutableRawPointer(p).assumingMemoryBound(
        to: Scalar.self)
      for i in 0..<rows {
        let v = row(first + i)
        for j in 0..<Self.scalarCount { lanes[i * Self.scalarCount + j] = v[j] }
      }
    }
    return result
  }
}
