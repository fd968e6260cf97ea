// A plain constant beside a dual, named where it happens. `let k = 2.5`
// captured in a closure and written `k * x` does not compile: a `Double`
// and a dual are different types, and mixed operators that worked would
// make long closures with literals too slow to type-check. Unavailable ones
// cost nothing measurable and turn the type mismatch into the fix,
// `Dual(k) * x`. The same mismatch is what a nested derivative taken at a
// constant gives (`x * derivative(at: 1) { y in x + y }`, perturbation
// confusion), so the message names that fix too. They are declared for
// `Double`-valued duals (the number types of `derivative` and `gradient`)
// only.

extension Dual where Value == Double {
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: Dual(k) * x (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func * (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: x * Dual(k) (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func * (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: Dual(k) / x (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func / (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: x / Dual(k) (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func / (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: Dual(k) + x (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func + (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: x + Dual(k) (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func + (lhs: Self, rhs: Double) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: Dual(k) - x (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func - (lhs: Double, rhs: Self) -> Self { fatalError() }
  /// Unavailable: lift the plain constant with `Dual(k)`.
  @available(
    *, unavailable,
    message:
      "lift the plain number into a dual: x - Dual(k) (if it is an inner derivative's result, call the inner driver at the outer variable itself)"
  )
  public static func - (lhs: Self, rhs: Double) -> Self { fatalError() }
}
