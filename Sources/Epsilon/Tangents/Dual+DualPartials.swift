// A dual number as the tangent of another: `Dual<Dual<Double>>` carries a
// derivative of a derivative, for second and higher derivatives.

extension Dual: DualPartials {
  /// A dual number is one tangent lane.
  @inlinable public static var partialCount: Int { 1 }

  /// The unit tangent, 1 + 0ε.
  @inlinable
  public static func unitPartials(_ index: Int) -> Self { 1 }

  /// The tangent itself.
  @inlinable public func partial(_ index: Int) -> Self { self }

  /// The sum of two tangents.
  @inlinable
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self { lhs + rhs }
  /// The difference of two tangents.
  @inlinable
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    lhs - rhs
  }
  /// The negated tangent.
  @inlinable public func negated() -> Self { -self }

  /// `c · self` by dual multiplication, (v + pε)(c₀ + c₁ε) =
  /// v·c₀ + (v·c₁ + c₀·p)ε, every product in it annihilating
  /// (`ADScalar._annihilatingProduct`), so that the rule holds at every
  /// level of nesting: a part of `self` that is exactly zero contributes
  /// zero even where `c` is infinite or NaN.
  @inlinable
  public func scaled(by c: Self) -> Self {
    if c._isExactlyZero { return .zero }
    if value._isExactlyZero {
      return Self(value, partials: partials.scaled(by: c.value))
    }
    // The value's product annihilates zeros too: a tangent whose value
    // (the first derivative) is infinite times a factor whose value is 0
    // gives 0, as a one-tangent `Dual` does, not NaN.
    return Self(
      Value._annihilatingProduct(c.value, value),
      partials: .combine(value, c.partials, c.value, partials))
  }

  /// `a·x + b·y`, each product as NaN-safe as ``scaled(by:)``.
  @inlinable
  public static func combine(_ a: Self, _ x: Self, _ b: Self, _ y: Self)
    -> Self
  {
    _annihilatingCombine(a, x, b, y)
  }

  /// The tangent as text, in parentheses: `(1.0 + 0.0ε)`.
  public var partialsDescription: String { "(\(description))" }
}
