// HyperDual's conformance to the shared rule table: a few lines.

extension HyperDual: ChainRuleApplicable {
  /// f(a + b₁ε₁ + b₂ε₂ + b₁₂ε₁ε₂)
  /// = f(a) + f′·b₁ε₁ + f′·b₂ε₂ + (f′·b₁₂ + f″·b₁⊗b₂)ε₁ε₂
  @inlinable
  public func chain(_ f0: Value, _ f1: Value, _ f2: @autoclosure () -> Value)
    -> Self
  {
    Self(
      f0, epsilon1: epsilon1.scaled(by: f1), epsilon2: epsilon2.scaled(by: f1),
      epsilon12: .sum(
        epsilon12.scaled(by: f1),
        Partials.outerProduct(epsilon1, epsilon2.scaled(by: f2()))))
  }

  /// f(x, y) with first parts fx·x₁ + fy·y₁ (and likewise ε₂), and
  ///
  /// ```
  /// ε₁ε₂: fx·x₁₂ + fy·y₁₂ + x₁⊗(fxx·x₂ + fxy·y₂) + y₁⊗(fxy·x₂ + fyy·y₂)
  /// ```
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: Value, partials fx: Value, _ fy: Value,
    second: @autoclosure () -> (xx: Value, xy: Value, yy: Value)
  ) -> Self {
    let s = second()
    return Self(
      f0,
      epsilon1: .combine(fx, x.epsilon1, fy, y.epsilon1),
      epsilon2: .combine(fx, x.epsilon2, fy, y.epsilon2),
      epsilon12: .sum(
        .combine(fx, x.epsilon12, fy, y.epsilon12),
        Partials.outerProductSum(
          x.epsilon1, .combine(s.xx, x.epsilon2, s.xy, y.epsilon2),
          y.epsilon1, .combine(s.xy, x.epsilon2, s.yy, y.epsilon2))))
  }
}
