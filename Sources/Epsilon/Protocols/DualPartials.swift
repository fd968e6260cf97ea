/// The tangent storage of a ``Dual`` number: one partial derivative
/// (`Double`, `Float`), several in a Swift SIMD vector (`SIMD8<Double>`: a
/// whole gradient of eight inputs in one pass), or a dual number itself
/// (`Dual<Double>`, for nested derivatives).
///
/// Arithmetic on partials is whole-vector: `c * partials` is one SIMD
/// multiply, never a per-lane loop.
public protocol DualPartials {
  /// The number each partial is: also the type of the dual's value.
  associatedtype Scalar: ADReal

  /// How many partial derivatives one value carries.
  static var partialCount: Int { get }
  /// All partials zero: a constant.
  static var zero: Self { get }
  /// The partials of the `index`-th input: one in lane `index`, zero
  /// elsewhere.
  ///
  /// A building block, unchecked: `index` must be in
  /// `0 ..< partialCount`, as for a SIMD subscript (outside it, SIMD
  /// partials trap). `Dual(_:seed:)`, `SecondOrderDual(_:seed:)` and
  /// `HyperDual(_:seed:_:)` check the lane and throw instead.
  static func unitPartials(_ index: Int) -> Self
  /// The partial derivative in lane `index`.
  func partial(_ index: Int) -> Scalar

  // The arithmetic is named rather than spelled as operators: operator
  // requirements on a protocol add generic overloads that the type checker
  // must consider for every `+` and `*` in user code, which made one-line
  // formulas on `Dual` take seconds to type-check.

  /// Lane-wise sum.
  static func sum(_ lhs: Self, _ rhs: Self) -> Self
  /// Lane-wise difference.
  static func difference(_ lhs: Self, _ rhs: Self) -> Self
  /// Lane-wise negation.
  func negated() -> Self

  /// `c · self`, except that zero annihilates: a lane that is zero stays
  /// zero even when `c` is ±∞ or NaN, and a zero `c` gives zero even where a
  /// lane is ±∞ or NaN, at every level of nesting.
  ///
  /// This is Epsilon's NaN safety: an input or constant with zero partials
  /// never acquires NaN partials from an infinite local derivative, such as
  /// `sqrt` at 0, nor from an infinite value it is multiplied by.
  func scaled(by c: Scalar) -> Self
  /// `a·x + b·y` with the same guarantee as ``scaled(by:)``.
  static func combine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self) -> Self

  /// The partials as text, as ``Dual/description`` prints them.
  var partialsDescription: String { get }
}

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

  /// Widths above this use `_chunkwise`. The stdlib's generic SIMD
  /// operators write each result lane through the subscript; for 32 and 64
  /// lanes LLVM does not unroll that loop, and an insert at a variable
  /// index into a 256- or 512-byte vector goes through memory: O(lanes²),
  /// ≈ 58 000 instructions for one 64-lane `combine` (callgrind, W3).
  @usableFromInline static var _wideLanes: Int { 16 }

  /// `op` on the vector's 8-lane chunks, the vector reinterpreted as a
  /// tuple of `SIMD8`s (SIMD32 and SIMD64 are laid out as whole chunks):
  /// straight-line whole-register arithmetic, each operand read once and
  /// the result written once.
  ///
  /// `_lanewise` vectorises too, but copies both operands and the result
  /// through the stack (taking their addresses pins them in memory): three
  /// times the memory traffic, ~330 instructions for a 73-lane
  /// second-order sum that takes ~115 this way (callgrind, W3 N = 8).
  @inlinable @inline(__always)
  static func _chunkwise(
    _ x: Self, _ y: Self,
    _ op: (SIMD8<Scalar>, SIMD8<Scalar>) -> SIMD8<Scalar>
  ) -> Self {
    typealias C = SIMD8<Scalar>
    let chunk = MemoryLayout<C>.size
    if Self.scalarCount == 64 && MemoryLayout<Self>.size == 8 * chunk {
      typealias Chunks = (C, C, C, C, C, C, C, C)
      let p = unsafeBitCast(x, to: Chunks.self)
      let q = unsafeBitCast(y, to: Chunks.self)
      let r: Chunks = (
        op(p.0, q.0), op(p.1, q.1), op(p.2, q.2), op(p.3, q.3),
        op(p.4, q.4), op(p.5, q.5), op(p.6, q.6), op(p.7, q.7)
      )
      return unsafeBitCast(r, to: Self.self)
    }
    if Self.scalarCount == 32 && MemoryLayout<Self>.size == 4 * chunk {
      typealias Chunks = (C, C, C, C)
      let p = unsafeBitCast(x, to: Chunks.self)
      let q = unsafeBitCast(y, to: Chunks.self)
      let r: Chunks = (op(p.0, q.0), op(p.1, q.1), op(p.2, q.2), op(p.3, q.3))
      return unsafeBitCast(r, to: Self.self)
    }
    // Any other layout (no stdlib type has one): chunk by chunk through
    // the subscripts, a last partial chunk padded with zeros.
    var result = Self()
    for start in stride(from: 0, to: Self.scalarCount, by: C.scalarCount) {
      var p = C()
      var q = C()
      let lanes = Swift.min(C.scalarCount, Self.scalarCount - start)
      for j in 0..<lanes {
        p[j] = x[start + j]
        q[j] = y[start + j]
      }
      let r = op(p, q)
      for j in 0..<lanes { result[start + j] = r[j] }
    }
    return result
  }

  /// `a·x + b·y` by `_chunkwise`, unguarded (finite, nonzero factors).
  ///
  /// A generic function rather than a closure passed to `_chunkwise`:
  /// in an out-of-line caller the optimiser left that closure a call per
  /// chunk (W3: a tenth of a second-order Hessian at N = 8).
  @inlinable @inline(__always)
  static func _chunkwiseCombine(
    _ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self
  ) -> Self {
    _chunkwise(x, y, _ChunkCombine(a: a, b: b))
  }

  /// `op` on the 8-lane chunks, as `_chunkwise(_:_:_:)`, for an operation
  /// given as a value (inlined by specialisation).
  @inlinable @inline(__always)
  static func _chunkwise<Op: _ChunkOperation>(_ x: Self, _ y: Self, _ op: Op)
    -> Self where Op.Scalar == Scalar
  {
    _chunkwise(x, y) { op.apply($0, $1) }
  }

  /// `op` lane by lane through pointers to the lanes: a plain loop that
  /// vectorises, O(lanes).
  @inlinable @inline(__always)
  static func _lanewise(
    _ x: Self, _ y: Self, _ op: (Scalar, Scalar) -> Scalar
  ) -> Self {
    var result = x
    withUnsafeMutablePointer(to: &result) { r in
      withUnsafePointer(to: y) { q in
        let rs = UnsafeMutableRawPointer(r).assumingMemoryBound(
          to: Scalar.self)
        let ys = UnsafeRawPointer(q).assumingMemoryBound(to: Scalar.self)
        for i in 0..<Self.scalarCount { rs[i] = op(rs[i], ys[i]) }
      }
    }
    return result
  }

  // `scaled(by:)` and `combine` run once per product of every forward
  // type, so each is split: an always-inlined common path (a finite,
  // nonzero factor: two floating compares and the vector arithmetic), and
  // the rare zero, infinite or NaN factors out of line. Left to the
  // inliner, the whole `combine` (wide-lane loop included) stayed a call:
  // four calls per Rosenbrock term, with every vector spilled around each
  // (W2 N = 8: 200 ns a pass).

  /// `c · self`, with zero annihilating on either side.
  @inlinable @inline(__always)
  public func scaled(by c: Scalar) -> Self {
    if Self.scalarCount > Self._wideLanes { return _scaledWide(by: c) }
    if _fastPath(Self._isFiniteNonzero(c)) { return c * self }
    return _scaledByZeroOrNonFinite(c)
  }

  /// Whether `c` is finite and not zero: then `c · x` needs no guard.
  ///
  /// `c − c` is 0 exactly when `c` is finite: two floating compares, where
  /// `c.magnitude < .infinity` became an integer test of the exponent
  /// bits, a dozen instructions.
  @inlinable @inline(__always)
  static func _isFiniteNonzero(_ c: Scalar) -> Bool { c != 0 && c - c == 0 }

  /// `c · self` for a zero, infinite or NaN `c`: a zero factor gives zero,
  /// and a zero lane stays zero under an infinite or NaN one.
  ///
  /// Lane-wise selects, inlined: a call here, even on the cold path, makes
  /// every live vector of the caller's loop spill around it.
  @inlinable @inline(__always)
  func _scaledByZeroOrNonFinite(_ c: Scalar) -> Self {
    (c * self).replacing(
      with: 0, where: self .== 0 .| SIMDMask(repeating: c == 0))
  }

  /// `c · self` for wide vectors, chunk by chunk.
  @inlinable @inline(never)
  func _scaledWide(by c: Scalar) -> Self {
    if _fastPath(Self._isFiniteNonzero(c)) {
      return Self._chunkwise(self, self, _ChunkScale(c: c))
    }
    // Zero annihilates: a zero lane, or a zero factor, gives zero.
    return Self._lanewise(self, self) { a, _ in a == 0 || c == 0 ? 0 : c * a }
  }

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
    return _combineAnnihilating(a, x, b, y)
  }

  /// `a·x + b·y` where a factor may be zero, infinite or NaN.
  @inlinable @inline(__always)
  static func _combineAnnihilating(
    _ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self
  ) -> Self {
    x.scaled(by: a) + y.scaled(by: b)
  }

  /// `a·x + b·y` lane by lane through pointers, for wide vectors.
  @inlinable @inline(never)
  static func _combineWide(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self)
    -> Self
  {
    let ab = a * b
    if _fastPath(_isFiniteNonzero(ab)) {
      return _chunkwiseCombine(a, x, b, y)
    }
    return sum(x._scaledWide(by: a), y._scaledWide(by: b))
  }

  /// The partials as text: `[1.0, 0.0]`.
  public var partialsDescription: String {
    "[" + indices.map { "\(self[$0])" }.joined(separator: ", ") + "]"
  }
}

extension SIMD2: DualPartials where Scalar: ADScalar {}
extension SIMD4: DualPartials where Scalar: ADScalar {}
extension SIMD8: DualPartials where Scalar: ADScalar {}
extension SIMD16: DualPartials where Scalar: ADScalar {}
extension SIMD32: DualPartials where Scalar: ADScalar {}
extension SIMD64: DualPartials where Scalar: ADScalar {}

extension DualPartials {
  /// ``unitPartials(_:)``, checked: the seeding initializers of every
  /// number type call this.
  ///
  /// - Throws: ``EpsilonError/seedOutOfRange(index:partialCount:)`` unless
  ///   `0 <= index < partialCount`.
  @inlinable
  static func _checkedUnitPartials(_ index: Int) throws(EpsilonError) -> Self {
    guard index >= 0, index < partialCount else {
      throw .seedOutOfRange(index: index, partialCount: partialCount)
    }
    return unitPartials(index)
  }

  /// The partials of a quotient q = x/y: `(b − q·d)·r`, where b and d are
  /// the partials of x and y and r = 1/y.
  ///
  /// ```
  /// x = q·y  ⇒  b = q·d + y·∂q  ⇒  ∂q = (b − q·d)/y
  /// ```
  ///
  /// Formed in this order so that each product stays near the size of the
  /// result: r·b − (q·r)·d forms q·r ≈ x/y² first, which underflows to 0
  /// once |y| passes about 1e154 even where ∂q is representable (d/dx e⁻ˣ
  /// as 1/eˣ at x = 400). Every product is NaN-safe, as ``scaled(by:)``.
  /// HyperDual and SecondOrderDual apply it to each first-order part and,
  /// with their cross terms, to the second-order part.
  @inlinable @inline(__always)
  public static func _quotient(
    _ b: Self, _ q: Scalar, _ d: Self, reciprocal r: Scalar
  ) -> Self {
    difference(b, d.scaled(by: q)).scaled(by: r)
  }
}

/// An operation on 8-lane chunks of a wide vector (see `_chunkwise`).
@usableFromInline
protocol _ChunkOperation {
  associatedtype Scalar: ADScalar
  func apply(_ p: SIMD8<Scalar>, _ q: SIMD8<Scalar>) -> SIMD8<Scalar>
}

/// `a·p + b·q`.
@usableFromInline @frozen
struct _ChunkCombine<Scalar: ADScalar>: _ChunkOperation {
  @usableFromInline let a: Scalar
  @usableFromInline let b: Scalar

  @inlinable @inline(__always)
  init(a: Scalar, b: Scalar) {
    self.a = a
    self.b = b
  }

  @inlinable @inline(__always)
  func apply(_ p: SIMD8<Scalar>, _ q: SIMD8<Scalar>) -> SIMD8<Scalar> {
    a * p + b * q
  }
}

/// `c·p` (`q` is not read).
@usableFromInline @frozen
struct _ChunkScale<Scalar: ADScalar>: _ChunkOperation {
  @usableFromInline let c: Scalar

  @inlinable @inline(__always)
  init(c: Scalar) { self.c = c }

  @inlinable @inline(__always)
  func apply(_ p: SIMD8<Scalar>, _ q: SIMD8<Scalar>) -> SIMD8<Scalar> {
    c * p
  }
}
