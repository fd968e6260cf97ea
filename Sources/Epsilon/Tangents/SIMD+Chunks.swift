// The engine under SIMD partials wider than sixteen lanes: the vector seen
// as a tuple of 8-lane chunks, so that each operation is straight-line
// whole-register arithmetic.

extension SIMD where Scalar: ADScalar {
  /// Widths above this use `_chunkwise`. The stdlib's generic SIMD
  /// operators write each result lane through the subscript; for 32 and 64
  /// lanes LLVM does not unroll that loop, and an insert at a variable
  /// index into a 256- or 512-byte vector goes through memory, so one
  /// operation costs time quadratic in the lanes.
  @usableFromInline static var _wideLanes: Int { 16 }

  /// `op` on the vector's 8-lane chunks, the vector reinterpreted as a
  /// tuple of `SIMD8`s (SIMD32 and SIMD64 are laid out as whole chunks):
  /// straight-line whole-register arithmetic, each operand read once and
  /// the result written once.
  ///
  /// `_lanewise` vectorises too, but copies both operands and the result
  /// through the stack (taking their addresses pins them in memory): three
  /// times the memory traffic, and about three times the time of a
  /// second-order sum.
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
  /// chunk, a tenth of the time of a second-order Hessian.
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
  /// vectorises, in time linear in the lanes.
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
