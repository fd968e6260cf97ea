// Non-generic spellings of SecondOrderDual's operators for the instantiations the
// drivers hand to closures, so one-line formulas type-check fast; the reason
// is explained in Dual+ConcreteOperators.swift. Each line only forwards to
// the generic algebra in SecondOrderDual+Arithmetic.swift.

extension SecondOrderDual where Partials == SIMD2<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD2<Double>>, rhs: SecondOrderDual<SIMD2<Double>>) -> SecondOrderDual<SIMD2<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD2<Double>>, rhs: SecondOrderDual<SIMD2<Double>>) -> SecondOrderDual<SIMD2<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD2<Double>>, rhs: SecondOrderDual<SIMD2<Double>>) -> SecondOrderDual<SIMD2<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD2<Double>>, rhs: SecondOrderDual<SIMD2<Double>>) -> SecondOrderDual<SIMD2<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD2<Double>>) -> SecondOrderDual<SIMD2<Double>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD4<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD4<Double>>, rhs: SecondOrderDual<SIMD4<Double>>) -> SecondOrderDual<SIMD4<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD4<Double>>, rhs: SecondOrderDual<SIMD4<Double>>) -> SecondOrderDual<SIMD4<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD4<Double>>, rhs: SecondOrderDual<SIMD4<Double>>) -> SecondOrderDual<SIMD4<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD4<Double>>, rhs: SecondOrderDual<SIMD4<Double>>) -> SecondOrderDual<SIMD4<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD4<Double>>) -> SecondOrderDual<SIMD4<Double>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD8<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD8<Double>>, rhs: SecondOrderDual<SIMD8<Double>>) -> SecondOrderDual<SIMD8<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD8<Double>>, rhs: SecondOrderDual<SIMD8<Double>>) -> SecondOrderDual<SIMD8<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD8<Double>>, rhs: SecondOrderDual<SIMD8<Double>>) -> SecondOrderDual<SIMD8<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD8<Double>>, rhs: SecondOrderDual<SIMD8<Double>>) -> SecondOrderDual<SIMD8<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD8<Double>>) -> SecondOrderDual<SIMD8<Double>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD16<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD16<Double>>, rhs: SecondOrderDual<SIMD16<Double>>) -> SecondOrderDual<SIMD16<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD16<Double>>, rhs: SecondOrderDual<SIMD16<Double>>) -> SecondOrderDual<SIMD16<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD16<Double>>, rhs: SecondOrderDual<SIMD16<Double>>) -> SecondOrderDual<SIMD16<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD16<Double>>, rhs: SecondOrderDual<SIMD16<Double>>) -> SecondOrderDual<SIMD16<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD16<Double>>) -> SecondOrderDual<SIMD16<Double>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD2<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD2<Float>>, rhs: SecondOrderDual<SIMD2<Float>>) -> SecondOrderDual<SIMD2<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD2<Float>>, rhs: SecondOrderDual<SIMD2<Float>>) -> SecondOrderDual<SIMD2<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD2<Float>>, rhs: SecondOrderDual<SIMD2<Float>>) -> SecondOrderDual<SIMD2<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD2<Float>>, rhs: SecondOrderDual<SIMD2<Float>>) -> SecondOrderDual<SIMD2<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD2<Float>>) -> SecondOrderDual<SIMD2<Float>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD4<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD4<Float>>, rhs: SecondOrderDual<SIMD4<Float>>) -> SecondOrderDual<SIMD4<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD4<Float>>, rhs: SecondOrderDual<SIMD4<Float>>) -> SecondOrderDual<SIMD4<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD4<Float>>, rhs: SecondOrderDual<SIMD4<Float>>) -> SecondOrderDual<SIMD4<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD4<Float>>, rhs: SecondOrderDual<SIMD4<Float>>) -> SecondOrderDual<SIMD4<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD4<Float>>) -> SecondOrderDual<SIMD4<Float>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD8<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD8<Float>>, rhs: SecondOrderDual<SIMD8<Float>>) -> SecondOrderDual<SIMD8<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD8<Float>>, rhs: SecondOrderDual<SIMD8<Float>>) -> SecondOrderDual<SIMD8<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD8<Float>>, rhs: SecondOrderDual<SIMD8<Float>>) -> SecondOrderDual<SIMD8<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD8<Float>>, rhs: SecondOrderDual<SIMD8<Float>>) -> SecondOrderDual<SIMD8<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD8<Float>>) -> SecondOrderDual<SIMD8<Float>> { _negation(operand) }
}

extension SecondOrderDual where Partials == SIMD16<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: SecondOrderDual<SIMD16<Float>>, rhs: SecondOrderDual<SIMD16<Float>>) -> SecondOrderDual<SIMD16<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: SecondOrderDual<SIMD16<Float>>, rhs: SecondOrderDual<SIMD16<Float>>) -> SecondOrderDual<SIMD16<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: SecondOrderDual<SIMD16<Float>>, rhs: SecondOrderDual<SIMD16<Float>>) -> SecondOrderDual<SIMD16<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: SecondOrderDual<SIMD16<Float>>, rhs: SecondOrderDual<SIMD16<Float>>) -> SecondOrderDual<SIMD16<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: SecondOrderDual<SIMD16<Float>>) -> SecondOrderDual<SIMD16<Float>> { _negation(operand) }
}
