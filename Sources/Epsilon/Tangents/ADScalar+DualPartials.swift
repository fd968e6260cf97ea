// A plain number as its own one-lane tangent (DualPartials+OneLane.swift):
// `Dual<Double>` carries one directional derivative. Its `scaled(by:)`, the
// annihilating product, is in AnnihilatingProduct.swift.

extension ADScalar {
  /// The tangent as text.
  @inlinable public var partialsDescription: String { "\(self)" }
}
