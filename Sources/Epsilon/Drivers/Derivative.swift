// Derivatives of functions of one variable, named like Swift's
// `_Differentiation`: one forward pass with a one-tangent dual number.

/// The derivative of `f` at `x`.
///
/// ```swift
/// derivative(at: 1.0) { x in 3 * x * x + 2 * x - 1 }   // 8.0
/// ```
///
/// Calls nest: the derivative of a function that itself takes a derivative
/// is exact, and the types keep the two perturbations apart. Inside the
/// outer closure, lift captured outer values into the inner closure's type
/// with `Dual(_:)`:
///
/// ```swift
/// // d/dx [x · d/dy (x + y)] at x = 1 is 1
/// derivative(at: 1.0) { x in
///   x * derivative(at: 1) { y in Dual(x) + y }
/// }
/// ```
///
/// Writing `x + y` there instead does not compile (x is a `Dual<Double>`,
/// y a `Dual<Dual<Double>>`), which is how Epsilon rules out perturbation
/// confusion. Calling the inner driver at `x.value` instead of `x` would
/// let the outer `x` into the inner closure; a driver nested in another on
/// the same number type therefore checks its closure first (one extra
/// evaluation with the seed zero) and stops with a message that names the
/// fix if it captured a perturbed number.
///
/// - Parameters:
///   - x: The point.
///   - f: The function, on dual numbers.
/// - Returns: f′(x).
/// - Complexity: One evaluation of `f`.
@inlinable
public func derivative<T>(at x: T, of f: (Dual<T>) -> Dual<T>) -> T
where T: DualPartials, T.Scalar == T {
  valueWithDerivative(at: x, of: f).derivative
}

/// The value and derivative of `f` at `x`, from one evaluation.
///
/// ```swift
/// valueWithDerivative(at: 1.0) { x in x * x * x }   // (1.0, 3.0)
/// ```
///
/// - Complexity: One evaluation of `f`.
@inlinable
public func valueWithDerivative<T>(at x: T, of f: (Dual<T>) -> Dual<T>)
  -> (value: T, derivative: T)
where T: DualPartials, T.Scalar == T {
  let y = _withDriverNesting(
    Dual<T>.self, driver: "derivative(at:of:)",
    probe: { f(Dual(x))._isConstant }, { f(Dual(x, partials: 1)) })
  return (y.value, y.partials)
}
