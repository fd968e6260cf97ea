// A plain number as its own one-lane tangent: `Dual<Double>` carries one
// directional derivative.

extension ADScalar {
  /// One partial: a plain number is a single tangent.
  @_transparent public static var partialCount: Int { 1 }

  /// The unit tangent; only lane 0 exists.
  @_transparent
  public static func unitPartials(_ index: Int) -> Self { 1 }

  /// The tangent itself; only lane 0 exists.
  @_transparent public func partial(_ index: Int) -> Self { self }

  /// The sum of two tangents.
  @_transparent
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self { lhs + rhs }
  /// The difference of two tangents.
  @_transparent
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    lhs - rhs
  }
  /// The negated tangent.
  @_transparent public func negated() -> Self { -self }

  /// `c · self`: the annihilating product, ``_annihilatingProduct(_:_:)``.
  @inlinable
  public func scaled(by c: Self) -> Self { Self._annihilatingProduct(c, self) }

  /// `a·x + b·y`, each product annihilating.
  @inlinable
  public static func combine(_ a: Self, _ x: Self, _ b: Self, _ y: Self)
    -> Self
  {
    _annihilatingCombine(a, x, b, y)
  }

  /// The tangent as text.
  @inlinable public var partialsDescription: String { "\(self)" }
}
