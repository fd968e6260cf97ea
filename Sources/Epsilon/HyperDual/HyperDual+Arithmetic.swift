// HyperDual's operators. The algebra itself is written once, for every
// second-order number, in HyperDualAlgebra.swift; the concrete overloads in
// HyperDual+ConcreteOperators.swift forward to it too.

extension HyperDual: _HyperDualAlgebra {
  /// The two first parts are independent: ε₂ is computed.
  @inlinable @inline(__always)
  static func _epsilon2(
    _ epsilon1: Partials.Epsilon1,
    _ epsilon2: Partials.Epsilon2
  ) -> Partials.Epsilon2 {
    epsilon2
  }
}

extension HyperDual {
  /// Sum, part by part.
  @inlinable
  public static func + (lhs: Self, rhs: Self) -> Self { _sum(lhs, rhs) }
  /// Difference, part by part.
  @inlinable
  public static func - (lhs: Self, rhs: Self) -> Self {
    _difference(lhs, rhs)
  }
  /// Negation of every part.
  @inlinable
  public static prefix func - (operand: Self) -> Self { _negation(operand) }
  /// Product; the ε₁ε₂ part gains the cross terms of the first parts.
  @inlinable
  public static func * (lhs: Self, rhs: Self) -> Self { _product(lhs, rhs) }
  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
  /// Quotient: the correctly rounded value, and the parts from x = q·y.
  @inlinable
  public static func / (lhs: Self, rhs: Self) -> Self { _quotient(lhs, rhs) }
}
