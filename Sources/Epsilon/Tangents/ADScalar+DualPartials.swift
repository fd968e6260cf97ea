// A plain number as its own one-lane tangent (DualPartials+OneLane.swift):
// `Dual<Double>` carries one directional derivative.

extension ADScalar {
  /// `c · self`: the annihilating product, `_annihilatingProduct(_:_:)`.
  @inlinable
  public func scaled(by c: Self) -> Self { Self._annihilatingProduct(c, self) }

  /// The tangent as text.
  @inlinable public var partialsDescription: String { "\(self)" }
}
