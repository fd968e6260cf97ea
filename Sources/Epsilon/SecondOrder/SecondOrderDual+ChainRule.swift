// SecondOrderDual's conformance to the shared rule table: the chain rule to
// second order, written once in HyperDualAlgebra.swift.

extension SecondOrderDual: ChainRuleApplicable {
  /// f(self) by the chain rule to second order: f′ scales the gradient and
  /// the Hessian, and f″ adds its cross term to the Hessian.
  @inlinable
  public func chain(_ f0: Value, _ f1: Value, _ f2: @autoclosure () -> Value)
    -> Self
  {
    _chain(f0, f1, f2())
  }

  /// f(x, y) by the chain rule to second order: the partials combine the
  /// gradients and Hessians, and the second partials add their cross terms
  /// to the Hessian.
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: Value, partials fx: Value, _ fy: Value,
    second: @autoclosure () -> (xx: Value, xy: Value, yy: Value)
  ) -> Self {
    _chain(x, y, value: f0, partials: fx, fy, second: second())
  }
}
