// A dual number as the one-lane tangent of another
// (DualPartials+OneLane.swift): `Dual<Dual<Double>>` carries a derivative
// of a derivative, for second and higher derivatives.

extension Dual: DualPartials {
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

  /// The tangent as text, in parentheses: `(1.0 + 0.0ε)`.
  public var partialsDescription: String { "(\(description))" }
}
