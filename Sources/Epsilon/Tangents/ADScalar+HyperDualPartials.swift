// A plain number as hyper-dual storage: one derivative per part, so the
// mixed part is a single f″.

extension HyperDualPartials
where Self: ADScalar, Epsilon1 == Self, Epsilon2 == Self, Epsilon12 == Self {
  /// a · b: one seed per part, so ε₁₂ is a single number (zero
  /// annihilating, as ``ADScalar/scaled(by:)``).
  @inlinable
  public static func outerProduct(_ a: Self, _ b: Self) -> Self {
    b.scaled(by: a)
  }

  /// a · b + c · d, zero annihilating in each product.
  @inlinable
  public static func outerProductSum(_ a: Self, _ b: Self, _ c: Self, _ d: Self)
    -> Self
  {
    .combine(a, b, c, d)
  }
}

extension Double: HyperDualPartials {
  /// One partial in ε₁.
  public typealias Epsilon1 = Double
  /// One partial in ε₂.
  public typealias Epsilon2 = Double
  /// One mixed partial.
  public typealias Epsilon12 = Double
}

extension Float: HyperDualPartials {
  /// One partial in ε₁.
  public typealias Epsilon1 = Float
  /// One partial in ε₂.
  public typealias Epsilon2 = Float
  /// One mixed partial.
  public typealias Epsilon12 = Float
}
