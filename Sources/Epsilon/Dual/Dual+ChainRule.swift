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
    second: @autoclosure () -> (xx: Value, xy: Value, yy: Value)
  ) -> Self {
    Self(f0, partials: .combine(fx, x.partials, fy, y.partials))
  }
}

extension Dual: ADReal {
  // Disfavoured so that `Dual<Double>(x)` with x a Double picks the
  // constant initializer over the value type, instead of being ambiguous.
  /// A constant converted from a `Double`.
  @_disfavoredOverload
  @inlinable
  public init(_ value: Double) { self.init(Value(value)) }

  // Disfavoured so that `Dual<Double>(x)` with x a Double picks the
  // constant initializer over the value type, instead of being ambiguous.
  /// A constant converted from an `Int`.
  @_disfavoredOverload
  @inlinable
  public init(_ value: Int) { self.init(Value(value)) }

  /// A constant converted exactly from an integer, if its value can be.
  @inlinable
  public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = Value(exactly: source) else { return nil }
    self.init(value)
  }
}
