// SecondOrderDual's conformance to the shared rule table: a few lines.

extension SecondOrderDual: ChainRuleApplicable {
  /// f(a) with gradient f′·g and Hessian f′·H + f″·g gᵀ.
  @inlinable
  public func chain(_ f0: Value, _ f1: Value, _ f2: @autoclosure () -> Value)
    -> Self
  {
    Self(
      f0, gradient: gradient.scaled(by: f1),
      hessian: .sum(
        hessian.scaled(by: f1),
        Partials.outerProduct(gradient, gradient.scaled(by: f2()))))
  }

  /// f(x, y) with gradient fx·g_x + fy·g_y and Hessian
  ///
  /// ```
  /// fx·H_x + fy·H_y + g_x (fxx·g_x + fxy·g_y)ᵀ + g_y (fxy·g_x + fyy·g_y)ᵀ
  /// ```
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: Value, partials fx: Value, _ fy: Value,
    second: @autoclosure () -> (xx: Value, xy: Value, yy: Value)
  ) -> Self {
    let s = second()
    return Self(
      f0,
      gradient: .combine(fx, x.gradient, fy, y.gradient),
      hessian: .sum(
        .combine(fx, x.hessian, fy, y.hessian),
        Partials.outerProductSum(
          x.gradient, .combine(s.xx, x.gradient, s.xy, y.gradient),
          y.gradient, .combine(s.xy, x.gradient, s.yy, y.gradient))))
  }
}
