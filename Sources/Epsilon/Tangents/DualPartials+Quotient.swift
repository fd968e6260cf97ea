// The tangent of a quotient, written once for every number type.

extension DualPartials {
  /// The partials of a quotient q = x/y: `(b − q·d)·r`, where b and d are
  /// the partials of x and y and r = 1/y.
  ///
  /// ```
  /// x = q·y  ⇒  b = q·d + y·∂q  ⇒  ∂q = (b − q·d)/y
  /// ```
  ///
  /// Formed in this order so that each product stays near the size of the
  /// result: r·b − (q·r)·d forms q·r ≈ x/y² first, which underflows to 0
  /// once |y| passes about 1e154 even where ∂q is representable (d/dx e⁻ˣ
  /// as 1/eˣ at x = 400). Every product is NaN-safe, as ``scaled(by:)``.
  /// The second-order numbers apply it to each first-order part and, with
  /// their cross terms, to the second-order part.
  @inlinable @inline(__always)
  public static func _quotient(
    _ b: Self, _ q: Scalar, _ d: Self, reciprocal r: Scalar
  ) -> Self {
    difference(b, d.scaled(by: q)).scaled(by: r)
  }
}
