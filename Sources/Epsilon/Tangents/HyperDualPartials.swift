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

  /// `base + a ⊗ b`: what the chain rule adds to a mixed part.
  static func _adding(
    _ base: Epsilon12, outerProduct a: Epsilon1, _ b: Epsilon2
  ) -> Epsilon12

  /// `base + a ⊗ b + c ⊗ d`: what the product rule adds to a mixed part.
  static func _adding(
    _ base: Epsilon12, outerProductSum a: Epsilon1, _ b: Epsilon2,
    _ c: Epsilon1, _ d: Epsilon2
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

  /// `base + a ⊗ b`, the outer product formed first.
  @inlinable
  public static func _adding(
    _ base: Epsilon12, outerProduct a: Epsilon1, _ b: Epsilon2
  ) -> Epsilon12 {
    .sum(base, outerProduct(a, b))
  }

  /// `base + a ⊗ b + c ⊗ d`, the outer products formed first.
  @inlinable
  public static func _adding(
    _ base: Epsilon12, outerProductSum a: Epsilon1, _ b: Epsilon2,
    _ c: Epsilon1, _ d: Epsilon2
  ) -> Epsilon12 {
    .sum(base, outerProductSum(a, b, c, d))
  }
}
