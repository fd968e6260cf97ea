// Dual's conformance to the shared rule table: a few lines.

extension Dual: ChainRuleApplicable {
  /// f(a + bε) = f(a) + f′(a)·b·ε; f″ is never evaluated.
  @inlinable
  public func chain(_ f0: Value, _ f1: Value, _ f2: @autoclosure () -> Value)
    -> Self
  {
    Self(f0, partials: partials.scaled(by: f1))
  }

  /// f(a + bε, c + dε) = f(a, c) + (fx·b + fy·d)ε
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: Value, partials fx: Value, _ fy: Value,
    second: @autoclosure () -> (firstFirst: Value, firstSecond: Value, secondSecond: Value)
  ) -> Self {
    Self(f0, partials: .combine(fx, x.partials, fy, y.partials))
  }
}
