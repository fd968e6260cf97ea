// A plain-number accumulator inside a differentiated closure, named where it
// happens. `var s = 0.0; for e in v { s += e * e }; return s` would drop
// every derivative; without the declarations below the compiler reports a
// type mismatch that does not say why. With them, the closure type-checks
// as far as these unavailable overloads, and the error at `s += …` and at
// the driver says what to write instead. The overloads are in the number
// types' own extensions and for the drivers users meet first (`derivative`,
// `gradient`, `reverseGradient` and the closure `hessian`), so that code
// which does not make the mistake does not pay for them.

extension Dual {
  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "adding an Epsilon number into a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func += (lhs: inout Value, rhs: Self) { fatalError() }

  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "subtracting an Epsilon number from a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func -= (lhs: inout Value, rhs: Self) { fatalError() }
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func gradient<T: ADScalar>(at x: [T], of f: ([Dual<SIMD8<T>>]) -> T) -> [T] {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivative is lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * x)"
)
public func derivative<T>(at x: T, of f: (Dual<T>) -> T) -> T
where T: DualPartials, T.Scalar == T {
  fatalError()
}

extension GradientTape.Variable where T: _DoubleTapeValue {
  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "adding a tape's variable into a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func += (lhs: inout Double, rhs: Self) { fatalError() }
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func reverseGradient(at x: [Double], of f: ([GradientTape<Double>.Variable]) -> Double)
  -> [Double]
{
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func hessian(
  at x: [Double], of f: ([GradientTape<Dual<SIMD8<Double>>>.Variable]) -> Double
) -> Hessian<Double> {
  fatalError()
}
