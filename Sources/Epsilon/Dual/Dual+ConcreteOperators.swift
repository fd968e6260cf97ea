// Non-generic spellings of Dual's operators for the tangent types users
// write most, so one-line formulas type-check fast.
//
// Why this file exists: Dual's operators are generic over its tangent type,
// and ADReal (through SignedNumeric) also declares them as protocol
// requirements. For an expression such as `-x * x / 2 * 3 + 1` on
// `Dual<Double>`, Swift's constraint solver then weighs every generic
// candidate against every literal and took 1–30 s ("unable to type-check
// this expression in reasonable time"). A concrete overload whose types
// match the arguments exactly is favoured by the solver and settles each
// operator at once (0.1 s for the same line). Each line only forwards to
// the generic algebra in Dual+Arithmetic.swift; nothing is computed here.
// Types not listed (deeper nesting, Float16) use the generic operators.

extension Dual where Partials == Double {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<Double>) -> Dual<Double> { _negation(operand) }
}

extension Dual where Partials == Float {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<Float>, rhs: Dual<Float>) -> Dual<Float> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<Float>, rhs: Dual<Float>) -> Dual<Float> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<Float>, rhs: Dual<Float>) -> Dual<Float> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<Float>, rhs: Dual<Float>) -> Dual<Float> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<Float>) -> Dual<Float> { _negation(operand) }
}

extension Dual where Partials == SIMD2<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD2<Double>>, rhs: Dual<SIMD2<Double>>) -> Dual<SIMD2<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD2<Double>>, rhs: Dual<SIMD2<Double>>) -> Dual<SIMD2<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD2<Double>>, rhs: Dual<SIMD2<Double>>) -> Dual<SIMD2<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD2<Double>>, rhs: Dual<SIMD2<Double>>) -> Dual<SIMD2<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD2<Double>>) -> Dual<SIMD2<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD4<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD4<Double>>, rhs: Dual<SIMD4<Double>>) -> Dual<SIMD4<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD4<Double>>, rhs: Dual<SIMD4<Double>>) -> Dual<SIMD4<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD4<Double>>, rhs: Dual<SIMD4<Double>>) -> Dual<SIMD4<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD4<Double>>, rhs: Dual<SIMD4<Double>>) -> Dual<SIMD4<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD4<Double>>) -> Dual<SIMD4<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD8<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD16<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD16<Double>>, rhs: Dual<SIMD16<Double>>) -> Dual<SIMD16<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD16<Double>>, rhs: Dual<SIMD16<Double>>) -> Dual<SIMD16<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD16<Double>>, rhs: Dual<SIMD16<Double>>) -> Dual<SIMD16<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD16<Double>>, rhs: Dual<SIMD16<Double>>) -> Dual<SIMD16<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD16<Double>>) -> Dual<SIMD16<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD32<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD32<Double>>, rhs: Dual<SIMD32<Double>>) -> Dual<SIMD32<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD32<Double>>, rhs: Dual<SIMD32<Double>>) -> Dual<SIMD32<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD32<Double>>, rhs: Dual<SIMD32<Double>>) -> Dual<SIMD32<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD32<Double>>, rhs: Dual<SIMD32<Double>>) -> Dual<SIMD32<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD32<Double>>) -> Dual<SIMD32<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD64<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD64<Double>>, rhs: Dual<SIMD64<Double>>) -> Dual<SIMD64<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD64<Double>>, rhs: Dual<SIMD64<Double>>) -> Dual<SIMD64<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD64<Double>>, rhs: Dual<SIMD64<Double>>) -> Dual<SIMD64<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD64<Double>>, rhs: Dual<SIMD64<Double>>) -> Dual<SIMD64<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD64<Double>>) -> Dual<SIMD64<Double>> { _negation(operand) }
}

extension Dual where Partials == SIMD2<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD2<Float>>, rhs: Dual<SIMD2<Float>>) -> Dual<SIMD2<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD2<Float>>, rhs: Dual<SIMD2<Float>>) -> Dual<SIMD2<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD2<Float>>, rhs: Dual<SIMD2<Float>>) -> Dual<SIMD2<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD2<Float>>, rhs: Dual<SIMD2<Float>>) -> Dual<SIMD2<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD2<Float>>) -> Dual<SIMD2<Float>> { _negation(operand) }
}

extension Dual where Partials == SIMD4<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD4<Float>>, rhs: Dual<SIMD4<Float>>) -> Dual<SIMD4<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD4<Float>>, rhs: Dual<SIMD4<Float>>) -> Dual<SIMD4<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD4<Float>>, rhs: Dual<SIMD4<Float>>) -> Dual<SIMD4<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD4<Float>>, rhs: Dual<SIMD4<Float>>) -> Dual<SIMD4<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD4<Float>>) -> Dual<SIMD4<Float>> { _negation(operand) }
}

extension Dual where Partials == SIMD8<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> { _negation(operand) }
}

extension Dual where Partials == SIMD16<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD16<Float>>, rhs: Dual<SIMD16<Float>>) -> Dual<SIMD16<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD16<Float>>, rhs: Dual<SIMD16<Float>>) -> Dual<SIMD16<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD16<Float>>, rhs: Dual<SIMD16<Float>>) -> Dual<SIMD16<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD16<Float>>, rhs: Dual<SIMD16<Float>>) -> Dual<SIMD16<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD16<Float>>) -> Dual<SIMD16<Float>> { _negation(operand) }
}

extension Dual where Partials == SIMD32<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD32<Float>>, rhs: Dual<SIMD32<Float>>) -> Dual<SIMD32<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD32<Float>>, rhs: Dual<SIMD32<Float>>) -> Dual<SIMD32<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD32<Float>>, rhs: Dual<SIMD32<Float>>) -> Dual<SIMD32<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD32<Float>>, rhs: Dual<SIMD32<Float>>) -> Dual<SIMD32<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD32<Float>>) -> Dual<SIMD32<Float>> { _negation(operand) }
}

extension Dual where Partials == SIMD64<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD64<Float>>, rhs: Dual<SIMD64<Float>>) -> Dual<SIMD64<Float>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD64<Float>>, rhs: Dual<SIMD64<Float>>) -> Dual<SIMD64<Float>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD64<Float>>, rhs: Dual<SIMD64<Float>>) -> Dual<SIMD64<Float>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD64<Float>>, rhs: Dual<SIMD64<Float>>) -> Dual<SIMD64<Float>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD64<Float>>) -> Dual<SIMD64<Float>> { _negation(operand) }
}

extension Dual where Partials == Dual<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> { _difference(lhs, rhs) }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> { _quotient(lhs, rhs) }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<Dual<Double>>) -> Dual<Dual<Double>> { _negation(operand) }
}
