// Non-generic spellings of HyperDual's operators for the instantiations the
// drivers hand to closures, so one-line formulas type-check fast; the reason
// is explained in Dual+ConcreteOperators.swift. Each line only forwards to
// the second-order algebra in HyperDualAlgebra.swift.

extension HyperDual where Partials == Double {
  /// Sum.
  @_transparent
  public static func + (lhs: HyperDual<Double>, rhs: HyperDual<Double>) -> HyperDual<Double> {
    _sum(lhs, rhs)
  }
  /// Difference.
  @_transparent
  public static func - (lhs: HyperDual<Double>, rhs: HyperDual<Double>) -> HyperDual<Double> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: HyperDual<Double>, rhs: HyperDual<Double>) -> HyperDual<Double> {
    _product(lhs, rhs)
  }
  /// Quotient.
  @_transparent
  public static func / (lhs: HyperDual<Double>, rhs: HyperDual<Double>) -> HyperDual<Double> {
    _quotient(lhs, rhs)
  }
  /// Negation.
  @_transparent
  public static prefix func - (operand: HyperDual<Double>) -> HyperDual<Double> {
    _negation(operand)
  }
}

extension HyperDual where Partials == Float {
  /// Sum.
  @_transparent
  public static func + (lhs: HyperDual<Float>, rhs: HyperDual<Float>) -> HyperDual<Float> {
    _sum(lhs, rhs)
  }
  /// Difference.
  @_transparent
  public static func - (lhs: HyperDual<Float>, rhs: HyperDual<Float>) -> HyperDual<Float> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: HyperDual<Float>, rhs: HyperDual<Float>) -> HyperDual<Float> {
    _product(lhs, rhs)
  }
  /// Quotient.
  @_transparent
  public static func / (lhs: HyperDual<Float>, rhs: HyperDual<Float>) -> HyperDual<Float> {
    _quotient(lhs, rhs)
  }
  /// Negation.
  @_transparent
  public static prefix func - (operand: HyperDual<Float>) -> HyperDual<Float> { _negation(operand) }
}
