// Swift SIMD vectors as tangents: n partials in one vector, each operation
// whole-vector (the widths above sixteen lanes chunk by chunk, see
// SIMD+Chunks.swift).

extension SIMD where Scalar: ADScalar {
  /// How many partial derivatives one value carries: the vector's width.
  @_transparent public static var partialCount: Int { Self.scalarCount }

  /// One in lane `index`, zero elsewhere.
  @inlinable
  public static func unitPartials(_ index: Int) -> Self {
    var e = Self.zero
    e[index] = 1
    return e
  }

  /// The partial derivative in lane `index`.
  @_transparent public func partial(_ index: Int) -> Scalar { self[index] }

  /// Lane-wise sum.
  @_transparent
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self {
    if Self.scalarCount > _wideLanes { return _chunkwise(lhs, rhs) { $0 + $1 } }
    return lhs + rhs
  }
  /// Lane-wise difference.
  @_transparent
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    if Self.scalarCount > _wideLanes { return _chunkwise(lhs, rhs) { $0 - $1 } }
    return lhs - rhs
  }
  /// Lane-wise negation.
  @_transparent public func negated() -> Self {
    if Self.scalarCount > Self._wideLanes {
      return Self._chunkwise(self, self) { a, _ in -a }
    }
    return -self
  }

  // `scaled(by:)` and `combine` run once per product of every forward
  // type, so each is split: an always-inlined common path (a finite,
  // nonzero factor: two floating compares and the vector arithmetic), and
  // the rare zero, infinite or NaN factors by the annihilating product.
  // Left to the inliner, the whole `combine` (wide-lane loop included)
  // stayed a call, four per term of a sum of squares, with every vector
  // spilled around each.

  /// `c · self`, with zero annihilating on either side.
  @inlinable @inline(__always)
  public func scaled(by c: Scalar) -> Self {
    if Self.scalarCount > Self._wideLanes { return _scaledWide(by: c) }
    if _fastPath(Self._isFiniteNonzero(c)) { return c * self }
    return _annihilatingScaled(by: c)
  }

  /// `c · self` for wide vectors, chunk by chunk.
  @inlinable @inline(never)
  func _scaledWide(by c: Scalar) -> Self {
    if _fastPath(Self._isFiniteNonzero(c)) {
      return Self._chunkwise(self, self, _ChunkScale(c: c))
    }
    return _annihilatingScaled(by: c)
  }

  /// The partials as text: `[1.0, 0.0]`.
  public var partialsDescription: String {
    "[" + indices.map { "\(self[$0])" }.joined(separator: ", ") + "]"
  }
}

// `combine` falls back on the annihilating combine of every tangent type,
// so it needs the vector to be one.
extension SIMD where Self: DualPartials, Scalar: ADScalar {
  /// `a·x + b·y`, with zero annihilating in each product.
  @inlinable @inline(__always)
  public static func combine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self)
    -> Self
  {
    if Self.scalarCount > _wideLanes { return _combineWide(a, x, b, y) }
    // a·b is finite and nonzero when both factors are (bar overflow or
    // underflow of the product, which only takes the slow path).
    let ab = a * b
    if _fastPath(_isFiniteNonzero(ab)) { return a * x + b * y }
    return _annihilatingCombine(a, x, b, y)
  }

  /// `a·x + b·y` chunk by chunk, for wide vectors.
  @inlinable @inline(never)
  static func _combineWide(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self)
    -> Self
  {
    let ab = a * b
    if _fastPath(_isFiniteNonzero(ab)) {
      return _chunkwiseCombine(a, x, b, y)
    }
    return _annihilatingCombine(a, x, b, y)
  }

  /// Plain vector arithmetic.
  @inlinable public static var _combinesPlainly: Bool { true }
  /// `a·x + b·y`, the arithmetic of ``combine(_:_:_:_:)``'s common path
  /// without its test.
  @inlinable @inline(__always)
  public static func _plainCombine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self) -> Self {
    if Self.scalarCount > _wideLanes { return _chunkwiseCombine(a, x, b, y) }
    return a * x + b * y
  }
}

extension SIMD2: DualPartials where Scalar: ADScalar {}
extension SIMD4: DualPartials where Scalar: ADScalar {}
extension SIMD8: DualPartials where Scalar: ADScalar {}
extension SIMD16: DualPartials where Scalar: ADScalar {}
extension SIMD32: DualPartials where Scalar: ADScalar {}
extension SIMD64: DualPartials where Scalar: ADScalar {}
