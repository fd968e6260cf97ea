// Second derivatives of functions of one variable: one evaluation on a
// hyper-dual number seeded 1 in both ε₁ and ε₂.

/// The second derivative of `f` at `x`, exact, from one evaluation.
///
/// ```swift
/// secondDerivative(at: 5.0) { x in x * x * x }   // 30.0
/// ```
///
/// - Parameters:
///   - x: The point.
///   - f: The function, on hyper-dual numbers.
/// - Returns: f″(x).
/// - Complexity: One evaluation of `f`.
@inlinable
public func secondDerivative<T: ADScalar & HyperDualPartials>(
  at x: T, of f: (HyperDual<T>) -> HyperDual<T>
) -> T {
  valueWithSecondDerivative(at: x, of: f).secondDerivative
}

/// The value, first and second derivative of `f` at `x`, from one
/// evaluation.
///
/// ```swift
/// valueWithSecondDerivative(at: 5.0) { x in x * x * x }
/// // (value: 125.0, derivative: 75.0, secondDerivative: 30.0)
/// ```
///
/// - Parameters:
///   - x: The point.
///   - f: The function, on hyper-dual numbers.
/// - Returns: f(x), f′(x) and f″(x).
/// - Complexity: One evaluation of `f`.
@inlinable
public func valueWithSecondDerivative<T: ADScalar & HyperDualPartials>(
  at x: T, of f: (HyperDual<T>) -> HyperDual<T>
) -> (value: T, derivative: T, secondDerivative: T) {
  let y = _withDriverNesting(
    HyperDual<T>.self, driver: "secondDerivative(at:of:)",
    probe: { f(HyperDual(x))._isConstant },
    {
      f(HyperDual(x, epsilon1: .unitPartials(0), epsilon2: .unitPartials(0)))
    })
  return (y.value, y.epsilon1.partial(0), y.epsilon12.partial(0))
}
