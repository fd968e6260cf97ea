/// Hyper-dual storage with one direction in ε₁ and n seeds in ε₂, so that
/// ε₁₂ is n entries of the Hessian-vector product H·v.
///
/// Seed ε₁ with v and ε₂ with unit vectors for inputs `s ..< s + n`: one
/// evaluation yields (H·v)ₛ…(H·v)ₛ₊ₙ₋₁ without forming H.
/// ``hessianVectorProduct(of:at:along:)`` does exactly that for up to
/// eight inputs, where one such evaluation is cheaper than a tape.
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
