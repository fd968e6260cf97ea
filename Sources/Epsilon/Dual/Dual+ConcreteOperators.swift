// Non-generic spellings of Dual's operators for the types the drivers hand
// to closures by default, so one-line formulas type-check fast.
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
// Types not listed (other SIMD widths, deeper nesting, Float16) use the
// generic operators. The list is kept short on purpose: every overload
// added here also enlarges the search wherever a type is not yet known
// (a generic closure, a long generic body), so only the types that
// `derivative`, `gradient`, `jacobian`, `secondDerivative`, `hessian` (the
// variables of its tape), `hessianVectorProduct` and the nested idiom
// produce are listed.

extension Dual where Partials == Double {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _sum(lhs, rhs) }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> { _product(lhs, rhs) }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<Double>, rhs: Dual<Double>) -> Dual<Double> {
    _quotient(lhs, rhs)
  }
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

extension Dual where Partials == SIMD8<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> {
    _sum(lhs, rhs)
  }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> {
    _product(lhs, rhs)
  }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD8<Double>>, rhs: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> {
    _quotient(lhs, rhs)
  }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD8<Double>>) -> Dual<SIMD8<Double>> {
    _negation(operand)
  }
}

extension Dual where Partials == SIMD8<Float> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> {
    _sum(lhs, rhs)
  }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> {
    _product(lhs, rhs)
  }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<SIMD8<Float>>, rhs: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> {
    _quotient(lhs, rhs)
  }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<SIMD8<Float>>) -> Dual<SIMD8<Float>> {
    _negation(operand)
  }
}

extension Dual where Partials == Dual<Double> {
  /// Sum.
  @_transparent
  public static func + (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> {
    _sum(lhs, rhs)
  }
  /// Difference.
  @_transparent
  public static func - (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> {
    _difference(lhs, rhs)
  }
  /// Product.
  @_transparent
  public static func * (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> {
    _product(lhs, rhs)
  }
  /// Quotient.
  @_transparent
  public static func / (lhs: Dual<Dual<Double>>, rhs: Dual<Dual<Double>>) -> Dual<Dual<Double>> {
    _quotient(lhs, rhs)
  }
  /// Negation.
  @_transparent
  public static prefix func - (operand: Dual<Dual<Double>>) -> Dual<Dual<Double>> {
    _negation(operand)
  }
}
