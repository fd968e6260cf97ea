// Non-generic spellings of a tape variable's operators for the scalar types
// users record most (plain numbers, a tape's variable for nested tapes, and
// the duals the closure forms of the Hessian and of H·v record on), so
// one-line formulas type-check fast; the reason is explained in
// Dual+ConcreteOperators.swift. Each line only forwards to the algebra in
// Tape+Variable.swift.

extension GradientTape.Variable where T == Double {
  /// Sum, recorded.
  @_transparent
  public static func + (lhs: GradientTape<Double>.Variable, rhs: GradientTape<Double>.Variable)
    -> GradientTape<Double>.Variable
  { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (lhs: GradientTape<Double>.Variable, rhs: GradientTape<Double>.Variable)
    -> GradientTape<Double>.Variable
  { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (lhs: GradientTape<Double>.Variable, rhs: GradientTape<Double>.Variable)
    -> GradientTape<Double>.Variable
  { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (lhs: GradientTape<Double>.Variable, rhs: GradientTape<Double>.Variable)
    -> GradientTape<Double>.Variable
  { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (operand: GradientTape<Double>.Variable)
    -> GradientTape<Double>.Variable
  { _negation(operand) }
}

extension GradientTape.Variable where T == Float {
  /// Sum, recorded.
  @_transparent
  public static func + (lhs: GradientTape<Float>.Variable, rhs: GradientTape<Float>.Variable)
    -> GradientTape<Float>.Variable
  { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (lhs: GradientTape<Float>.Variable, rhs: GradientTape<Float>.Variable)
    -> GradientTape<Float>.Variable
  { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (lhs: GradientTape<Float>.Variable, rhs: GradientTape<Float>.Variable)
    -> GradientTape<Float>.Variable
  { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (lhs: GradientTape<Float>.Variable, rhs: GradientTape<Float>.Variable)
    -> GradientTape<Float>.Variable
  { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (operand: GradientTape<Float>.Variable)
    -> GradientTape<Float>.Variable
  { _negation(operand) }
}

extension GradientTape.Variable where T == GradientTape<Double>.Variable {
  /// Sum, recorded.
  @_transparent
  public static func + (
    lhs: GradientTape<GradientTape<Double>.Variable>.Variable,
    rhs: GradientTape<GradientTape<Double>.Variable>.Variable
  ) -> GradientTape<GradientTape<Double>.Variable>.Variable { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (
    lhs: GradientTape<GradientTape<Double>.Variable>.Variable,
    rhs: GradientTape<GradientTape<Double>.Variable>.Variable
  ) -> GradientTape<GradientTape<Double>.Variable>.Variable { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (
    lhs: GradientTape<GradientTape<Double>.Variable>.Variable,
    rhs: GradientTape<GradientTape<Double>.Variable>.Variable
  ) -> GradientTape<GradientTape<Double>.Variable>.Variable { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (
    lhs: GradientTape<GradientTape<Double>.Variable>.Variable,
    rhs: GradientTape<GradientTape<Double>.Variable>.Variable
  ) -> GradientTape<GradientTape<Double>.Variable>.Variable { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (operand: GradientTape<GradientTape<Double>.Variable>.Variable)
    -> GradientTape<GradientTape<Double>.Variable>.Variable
  { _negation(operand) }
}

extension GradientTape.Variable where T == Dual<SIMD8<Double>> {
  /// Sum, recorded.
  @_transparent
  public static func + (
    lhs: GradientTape<Dual<SIMD8<Double>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Double>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Double>>>.Variable { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (
    lhs: GradientTape<Dual<SIMD8<Double>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Double>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Double>>>.Variable { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (
    lhs: GradientTape<Dual<SIMD8<Double>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Double>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Double>>>.Variable { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (
    lhs: GradientTape<Dual<SIMD8<Double>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Double>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Double>>>.Variable { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (
    operand: GradientTape<Dual<SIMD8<Double>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Double>>>.Variable { _negation(operand) }
}

extension GradientTape.Variable where T == Dual<SIMD8<Float>> {
  /// Sum, recorded.
  @_transparent
  public static func + (
    lhs: GradientTape<Dual<SIMD8<Float>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Float>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Float>>>.Variable { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (
    lhs: GradientTape<Dual<SIMD8<Float>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Float>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Float>>>.Variable { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (
    lhs: GradientTape<Dual<SIMD8<Float>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Float>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Float>>>.Variable { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (
    lhs: GradientTape<Dual<SIMD8<Float>>>.Variable,
    rhs: GradientTape<Dual<SIMD8<Float>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Float>>>.Variable { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (
    operand: GradientTape<Dual<SIMD8<Float>>>.Variable
  ) -> GradientTape<Dual<SIMD8<Float>>>.Variable { _negation(operand) }
}

extension GradientTape.Variable where T == Dual<Double> {
  /// Sum, recorded.
  @_transparent
  public static func + (
    lhs: GradientTape<Dual<Double>>.Variable,
    rhs: GradientTape<Dual<Double>>.Variable
  ) -> GradientTape<Dual<Double>>.Variable { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (
    lhs: GradientTape<Dual<Double>>.Variable,
    rhs: GradientTape<Dual<Double>>.Variable
  ) -> GradientTape<Dual<Double>>.Variable { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (
    lhs: GradientTape<Dual<Double>>.Variable,
    rhs: GradientTape<Dual<Double>>.Variable
  ) -> GradientTape<Dual<Double>>.Variable { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (
    lhs: GradientTape<Dual<Double>>.Variable,
    rhs: GradientTape<Dual<Double>>.Variable
  ) -> GradientTape<Dual<Double>>.Variable { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (
    operand: GradientTape<Dual<Double>>.Variable
  ) -> GradientTape<Dual<Double>>.Variable { _negation(operand) }
}

extension GradientTape.Variable where T == Dual<Float> {
  /// Sum, recorded.
  @_transparent
  public static func + (
    lhs: GradientTape<Dual<Float>>.Variable,
    rhs: GradientTape<Dual<Float>>.Variable
  ) -> GradientTape<Dual<Float>>.Variable { _sum(lhs, rhs) }
  /// Difference, recorded.
  @_transparent
  public static func - (
    lhs: GradientTape<Dual<Float>>.Variable,
    rhs: GradientTape<Dual<Float>>.Variable
  ) -> GradientTape<Dual<Float>>.Variable { _difference(lhs, rhs) }
  /// Product, recorded.
  @_transparent
  public static func * (
    lhs: GradientTape<Dual<Float>>.Variable,
    rhs: GradientTape<Dual<Float>>.Variable
  ) -> GradientTape<Dual<Float>>.Variable { _product(lhs, rhs) }
  /// Quotient, recorded.
  @_transparent
  public static func / (
    lhs: GradientTape<Dual<Float>>.Variable,
    rhs: GradientTape<Dual<Float>>.Variable
  ) -> GradientTape<Dual<Float>>.Variable { _quotient(lhs, rhs) }
  /// Negation, recorded.
  @_transparent
  public static prefix func - (
    operand: GradientTape<Dual<Float>>.Variable
  ) -> GradientTape<Dual<Float>>.Variable { _negation(operand) }
}
