/// The tangent storage of a second-order number: the two first-order parts
/// ε₁ and ε₂ of a ``HyperDual``, and the block ε₁₂ that holds their mixed
/// second derivatives.
///
/// With n₁ partials in ε₁ and n₂ in ε₂, ε₁₂ holds n₁ × n₂ of them, row-major:
/// lane `i·n₂ + j` is ∂²f/∂xᵢ∂yⱼ for the i-th ε₁ seed and the j-th ε₂ seed.
///
/// | `Partials`                 | ε₁  | ε₂  | ε₁₂                  |
/// |----------------------------|-----|-----|----------------------|
/// | `Double`, `Float`          | 1   | 1   | 1: one f″            |
/// | `SIMD2/4/8<T>`             | n   | n   | n × n in `SIMD(n²)`  |
/// | `SIMD16<T>`                | 16  | 16  | 16 × 16 (256 lanes)  |
/// | `HyperDualRowBlock<SIMDn>` | 1   | n   | n: a block of H·v    |
///
/// ``SecondOrderDual`` uses the same storage with ε₁ = ε₂ (its gradient) and
/// ε₁₂ its Hessian. Every part is whole-vector arithmetic: outer products are
/// built a row at a time, `a[i] * b`, so they vectorise.
public protocol HyperDualPartials {
  /// The number each part is: also the type of the value.
  associatedtype Scalar: ADReal
  /// The ε₁ part: derivatives along the first set of seeds.
  associatedtype Epsilon1: DualPartials where Epsilon1.Scalar == Scalar
  /// The ε₂ part: derivatives along the second set of seeds.
  associatedtype Epsilon2: DualPartials where Epsilon2.Scalar == Scalar
  /// The ε₁ε₂ part: one mixed second derivative per pair of seeds.
  associatedtype Epsilon12: DualPartials where Epsilon12.Scalar == Scalar

  /// The outer product a ⊗ b: lane `i·n₂ + j` is `a[i] · b[j]`.
  static func outerProduct(_ a: Epsilon1, _ b: Epsilon2) -> Epsilon12

  /// a ⊗ b + c ⊗ d in one pass, as a product rule needs it.
  static func outerProductSum(
    _ a: Epsilon1, _ b: Epsilon2, _ c: Epsilon1, _ d: Epsilon2
  ) -> Epsilon12
}

extension HyperDualPartials {
  /// a ⊗ b + c ⊗ d as two outer products.
  @inlinable
  public static func outerProductSum(
    _ a: Epsilon1, _ b: Epsilon2, _ c: Epsilon1, _ d: Epsilon2
  ) -> Epsilon12 {
    .sum(outerProduct(a, b), outerProduct(c, d))
  }
}

// MARK: - One derivative per part

extension HyperDualPartials
where Self: ADScalar, Epsilon1 == Self, Epsilon2 == Self, Epsilon12 == Self {
  /// a · b: one seed per part, so ε₁₂ is a single number (zero
  /// annihilating, as ``ADScalar/scaled(by:)``).
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> Self {
    b.scaled(by: a)
  }

  /// a · b + c · d, zero annihilating in each product.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> Self
  {
    .combine(a, b, c, d)
  }
}

extension Double: HyperDualPartials {
  /// One partial in ε₁.
  public typealias Epsilon1 = Double
  /// One partial in ε₂.
  public typealias Epsilon2 = Double
  /// One mixed partial.
  public typealias Epsilon12 = Double
}

extension Float: HyperDualPartials {
  /// One partial in ε₁.
  public typealias Epsilon1 = Float
  /// One partial in ε₂.
  public typealias Epsilon2 = Float
  /// One mixed partial.
  public typealias Epsilon12 = Float
}

// MARK: - n × n blocks

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

  /// Whether every lane of `a` and `b` is finite: x − x is 0 for a finite
  /// lane and NaN for ±∞ or NaN, and a NaN survives the sum.
  @inlinable @inline(__always)
  static func _allFinite(_ a: Self, _ b: Self) -> Bool {
    ((a - a) + (b - b)).sum() == 0
  }

  /// Whether every lane of `a`, `b`, `c` and `d` is finite, in one mask.
  @inlinable @inline(__always)
  static func _allFinite(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Bool {
    ((a - a) + (b - b) + ((c - c) + (d - d))).sum() == 0
  }
}

extension SIMD where Scalar: ADScalar {
  // Outer products follow the first-order algebra's products
  // (`scaled(by:)`, `combine`), so the NaN-safety of the partials holds in
  // ε₁₂ too: a zero on either side of a product gives 0 even when the
  // other is ±∞ or NaN. With plain products, `sqrt(x[0]) + x[1] * x[1]`
  // at (0, 1) had NaN off-diagonal entries (0 · −∞ in row 1) where the
  // function is separable. Where every lane of the factors is finite
  // (almost always) the plain product is that product, so the factors are
  // checked once per outer product and the rows stay plain vector
  // multiplies; the zero tests per row cost twice the time of a Hessian at
  // N = 8 (the seeds are mostly zeros, which sent every row down the slow
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

extension SIMD2: HyperDualPartials where Scalar: ADScalar {
  /// Two partials in ε₁.
  public typealias Epsilon1 = Self
  /// Two partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 2 × 2 block, row-major.
  public typealias Epsilon12 = SIMD4<Scalar>

  /// The 2 × 2 outer product, row-major.
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> SIMD4<Scalar> {
    if _fastPath(_allFinite(a, b)) {
      return SIMD4(lowHalf: _outerRow(a, b, 0), highHalf: _outerRow(a, b, 1))
    }
    return _annihilatingOuterProduct(a, b) { row in
      SIMD4(lowHalf: row(0), highHalf: row(1))
    }
  }

  /// a ⊗ b + c ⊗ d, row-major.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> SIMD4<Scalar>
  {
    if _fastPath(_allFinite(a, b, c, d)) {
      return SIMD4(
        lowHalf: _outerRow(a, b, c, d, 0), highHalf: _outerRow(a, b, c, d, 1))
    }
    return _annihilatingOuterProductSum(a, b, c, d) { row in
      SIMD4(lowHalf: row(0), highHalf: row(1))
    }
  }
}

extension SIMD4: HyperDualPartials where Scalar: ADScalar {
  /// Four partials in ε₁.
  public typealias Epsilon1 = Self
  /// Four partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 4 × 4 block, row-major.
  public typealias Epsilon12 = SIMD16<Scalar>

  /// The 4 × 4 outer product, row-major.
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> SIMD16<Scalar> {
    if _fastPath(_allFinite(a, b)) { return _fourRows { _outerRow(a, b, $0) } }
    return _annihilatingOuterProduct(a, b, _fourRows)
  }

  /// a ⊗ b + c ⊗ d, row-major.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> SIMD16<Scalar>
  {
    if _fastPath(_allFinite(a, b, c, d)) {
      return _fourRows { _outerRow(a, b, c, d, $0) }
    }
    return _annihilatingOuterProductSum(a, b, c, d, _fourRows)
  }

  /// Rows 0 ..< 4 of a 4 × 4 block, each given by `row`.
  @inlinable
  static func _fourRows(_ row: (Int) -> Self) -> SIMD16<Scalar> {
    SIMD16(
      lowHalf: SIMD8(lowHalf: row(0), highHalf: row(1)),
      highHalf: SIMD8(lowHalf: row(2), highHalf: row(3)))
  }
}

extension SIMD8: HyperDualPartials where Scalar: ADScalar {
  /// Eight partials in ε₁.
  public typealias Epsilon1 = Self
  /// Eight partials in ε₂.
  public typealias Epsilon2 = Self
  /// An 8 × 8 block, row-major.
  public typealias Epsilon12 = SIMD64<Scalar>

  /// The 8 × 8 outer product, row-major: eight rows `a[i] * b`.
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> SIMD64<Scalar> {
    if _fastPath(_allFinite(a, b)) {
      return _stacked(SIMD64<Scalar>.self, from: 0) { _outerRow(a, b, $0) }
    }
    return _annihilatingOuterProduct(a, b) { _stacked(SIMD64<Scalar>.self, from: 0, $0) }
  }

  /// a ⊗ b + c ⊗ d, row-major: eight rows `a[i] * b + c[i] * d`.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> SIMD64<Scalar>
  {
    if _fastPath(_allFinite(a, b, c, d)) {
      return _stacked(SIMD64<Scalar>.self, from: 0) { _outerRow(a, b, c, d, $0) }
    }
    return _annihilatingOuterProductSum(a, b, c, d) {
      _stacked(SIMD64<Scalar>.self, from: 0, $0)
    }
  }

  /// Rows `first ..< first + 4` of an 8 × 8 block, each given by `row`.
  @inlinable
  static func _fourRows(from first: Int, _ row: (Int) -> Self)
    -> SIMD32<Scalar>
  {
    SIMD32(
      lowHalf: SIMD16(lowHalf: row(first), highHalf: row(first + 1)),
      highHalf: SIMD16(lowHalf: row(first + 2), highHalf: row(first + 3)))
  }
}

extension SIMD16: HyperDualPartials where Scalar: ADScalar {
  /// Sixteen partials in ε₁.
  public typealias Epsilon1 = Self
  /// Sixteen partials in ε₂.
  public typealias Epsilon2 = Self
  /// A 16 × 16 block, row-major, in four `SIMD64`s of four rows each.
  public typealias Epsilon12 = SIMDPair<SIMDPair<SIMD64<Scalar>>>

  /// The 16 × 16 outer product, row-major: sixteen rows `a[i] * b`.
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> Epsilon12 {
    if _fastPath(_allFinite(a, b)) { return _block { _outerRow(a, b, $0) } }
    return _annihilatingOuterProduct(a, b, _block)
  }

  /// a ⊗ b + c ⊗ d, row-major: sixteen rows `a[i] * b + c[i] * d`.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> Epsilon12
  {
    if _fastPath(_allFinite(a, b, c, d)) {
      return _block { _outerRow(a, b, c, d, $0) }
    }
    return _annihilatingOuterProductSum(a, b, c, d, _block)
  }

  /// The 16 × 16 block whose rows `row` gives.
  @inlinable
  static func _block(_ row: (Int) -> Self) -> Epsilon12 {
    SIMDPair(
      SIMDPair(_fourRows(from: 0, row), _fourRows(from: 4, row)),
      SIMDPair(_fourRows(from: 8, row), _fourRows(from: 12, row)))
  }

  /// Rows `first ..< first + 4` of a 16 × 16 block, each given by `row`.
  @inlinable
  static func _fourRows(from first: Int, _ row: (Int) -> Self)
    -> SIMD64<Scalar>
  {
    _stacked(SIMD64<Scalar>.self, from: first, row)
  }
}

// MARK: - A row block of a Hessian-vector product

/// Hyper-dual storage with one direction in ε₁ and n seeds in ε₂, so that
/// ε₁₂ is n entries of the Hessian-vector product H·v.
///
/// Seed ε₁ with v and ε₂ with unit vectors for inputs `s ..< s + n`: one
/// evaluation yields (H·v)ₛ…(H·v)ₛ₊ₙ₋₁ without forming H.
/// ``hessianVectorProduct(at:along:of:)`` does exactly that.
public enum HyperDualRowBlock<Seeds: SIMD & DualPartials>: HyperDualPartials
where Seeds.Scalar: ADScalar {
  /// The value type.
  public typealias Scalar = Seeds.Scalar
  /// One directional derivative, along v.
  public typealias Epsilon1 = Seeds.Scalar
  /// n partials.
  public typealias Epsilon2 = Seeds
  /// n mixed partials: a block of H·v.
  public typealias Epsilon12 = Seeds

  /// a · b, the direction's derivative times each seed's (zero
  /// annihilating).
  @inlinable
  public static func outerProduct(_ a: Scalar, _ b: Seeds) -> Seeds {
    b.scaled(by: a)
  }

  /// a · b + c · d, zero annihilating in each product.
  @inlinable
  public static func outerProductSum(
    _ a: Scalar, _ b: Seeds, _ c: Scalar, _ d: Seeds
  ) -> Seeds {
    .combine(a, b, c, d)
  }
}

// MARK: - Rows laid end to end

extension SIMD where Scalar: ADScalar {
  /// Rows `first`, `first + 1`, … of `row`, laid end to end in one wide
  /// vector: the rows, as a tuple, reinterpreted as the wide vector (SIMD
  /// vectors are laid out lane after lane), so each row is written once,
  /// straight from registers.
  ///
  /// The stdlib's `init(lowHalf:highHalf:)` copies lane by lane through
  /// the subscript; for 32 and 64 lanes an insert at a variable index goes
  /// through memory, O(lanes²): 82% of a W3 Hessian at N = 8 (callgrind).
  /// Lane by lane through a pointer is O(lanes) but copies the result
  /// through the stack.
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
