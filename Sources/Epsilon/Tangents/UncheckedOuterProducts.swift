// Outer products without their finiteness test, for the dense Hessian
// passes, which test their result once instead.
//
// A plain product differs from the annihilating one only where a zero
// meets ±∞ or NaN: it gives NaN where the annihilating product gives 0.
// That NaN can reach only the mixed part ε₁₂ (no first part or value is
// built from an outer product), where it is added, subtracted and scaled,
// and it leaves a lane only by an exact zero scaling, which gives 0 with
// either product. So a Hessian whose entries hold no NaN equals, bit for
// bit, the one the annihilating products give; one that holds a NaN is
// computed again with them. The test then costs a scan of the result,
// not a test in every product. Adding a block onto a mixed part takes
// the protocol's default, `.sum(base, block)`.

/// The storage of `P`, a square SIMD width, whose outer products skip the
/// finiteness test: `SecondOrderDual<_UncheckedOuterProducts<SIMD8<Double>>>`
/// stores what `SecondOrderDual<SIMD8<Double>>` stores and multiplies as
/// it does, but forms a ⊗ b as plain products, row by row.
@frozen @usableFromInline
enum _UncheckedOuterProducts<P: _SquareOuterProducts>: HyperDualPartials {
  @usableFromInline typealias Scalar = P.Scalar
  @usableFromInline typealias Epsilon1 = P
  @usableFromInline typealias Epsilon2 = P
  @usableFromInline typealias Epsilon12 = P.Epsilon12

  /// a ⊗ b, row-major: rows `a[i] * b`.
  @inlinable @inline(__always)
  static func outerProduct(_ a: P, _ b: P) -> P.Epsilon12 {
    P._block { P._outerRow(a, b, $0) }
  }

  /// a ⊗ b + c ⊗ d, row-major: rows `a[i] * b + c[i] * d`.
  @inlinable @inline(__always)
  static func outerProductSum(_ a: P, _ b: P, _ c: P, _ d: P)
    -> P.Epsilon12
  {
    P._block { P._outerRow(a, b, c, d, $0) }
  }
}
