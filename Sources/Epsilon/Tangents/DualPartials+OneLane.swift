// A number that is its own tangent: one lane, the number itself. A plain
// number is (`Dual<Double>` carries one directional derivative), and so is
// a dual number (`Dual<Dual<Double>>` carries a derivative of a
// derivative).

extension DualPartials where Self: ADReal, Scalar == Self {
  /// One lane: the number is a single tangent.
  @_transparent public static var partialCount: Int { 1 }

  /// The unit tangent, 1; only lane 0 exists.
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

  /// `a·x + b·y`, each product annihilating as ``scaled(by:)``.
  @inlinable
  public static func combine(_ a: Self, _ x: Self, _ b: Self, _ y: Self)
    -> Self
  {
    _annihilatingCombine(a, x, b, y)
  }

  /// Plain exactly when the number's own product is.
  @inlinable public static var _combinesPlainly: Bool { _hasPlainProduct }
  /// `a·x + b·y` by the number's plain products.
  @inlinable
  public static func _plainCombine(_ a: Self, _ x: Self, _ b: Self, _ y: Self) -> Self {
    _plainProduct(a, x) + _plainProduct(b, y)
  }
}
