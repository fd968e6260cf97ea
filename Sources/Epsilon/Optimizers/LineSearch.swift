// Line searches along a descent direction p from x: Armijo backtracking
// (Newton) and the strong Wolfe search of Nocedal & Wright, Algorithms 3.5
// and 3.6 (L-BFGS). A trial point where the loss or gradient is NaN or
// infinite counts as a step that is too long, so a run never moves to one.

/// Armijo backtracking: the first α in 1, ρ, ρ², … with
/// ```
/// f(x + α·p) ≤ f(x) + c₁·α·∇f(x)·p
/// ```
///
/// - Returns: The accepted point, its loss and α, or `nil` after 60
///   reductions (no decrease to within rounding).
@inlinable
func _backtrackingLineSearch<T: ADScalar>(
  from x: [T], value: T, slope: T, direction p: [T],
  sufficientDecrease c1: T, factor rho: T, evaluate: ([T]) -> T
) -> (point: [T], value: T, step: T)? {
  var alpha: T = 1
  for _ in 0..<60 {
    let trial = _moved(x, by: alpha, along: p)
    let trialValue = evaluate(trial)
    if trialValue.isFinite && trialValue <= value + c1 * alpha * slope {
      return (trial, trialValue, alpha)
    }
    alpha *= rho
  }
  return nil
}

/// One point of a line search: α, φ(α) = f(x + α·p), φ′(α) = ∇f·p, the
/// point and its gradient.
@usableFromInline
struct _LinePoint<T: ADScalar> {
  @usableFromInline var alpha: T
  @usableFromInline var value: T
  @usableFromInline var slope: T
  @usableFromInline var point: [T]
  @usableFromInline var gradient: [T]

  @inlinable
  init(alpha: T, value: T, slope: T, point: [T], gradient: [T]) {
    self.alpha = alpha
    self.value = value
    self.slope = slope
    self.point = point
    self.gradient = gradient
  }

  /// Whether the value and slope are finite.
  @inlinable var isFinite: Bool { value.isFinite && slope.isFinite }
}

/// The minimizer of the cubic through (a, φ(a), φ′(a)) and (b, φ(b),
/// φ′(b)), Nocedal & Wright eq. (3.59), or `nil` if it has none.
@inlinable
func _cubicMinimizer<T: ADScalar>(_ a: _LinePoint<T>, _ b: _LinePoint<T>)
  -> T?
{
  let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.alpha - b.alpha)
  let discriminant = d1 * d1 - a.slope * b.slope
  guard discriminant >= 0 else { return nil }
  let d2 = (b.alpha > a.alpha ? 1 : -1) * discriminant.squareRoot()
  let alpha =
    b.alpha - (b.alpha - a.alpha) * (b.slope + d2 - d1)
    / (b.slope - a.slope + 2 * d2)
  return alpha.isFinite ? alpha : nil
}

/// A step α satisfying the strong Wolfe conditions
/// ```
/// f(x + α·p) ≤ f(x) + c₁·α·∇f(x)·p
/// |∇f(x + α·p)·p| ≤ c₂·|∇f(x)·p|
/// ```
/// by Nocedal & Wright's Algorithm 3.5 (bracketing, doubling α) and 3.6
/// (zoom, with safeguarded cubic interpolation, else bisection).
///
/// - Returns: The accepted point; if zoom cannot meet the curvature
///   condition, the best point found with sufficient decrease; `nil` if
///   there is none (no decrease to within rounding).
@inlinable
func _strongWolfeLineSearch<T: ADScalar>(
  from start: _LinePoint<T>, direction p: [T], initialStep: T,
  sufficientDecrease c1: T, curvature c2: T,
  evaluate: ([T]) -> (value: T, gradient: [T])
) -> _LinePoint<T>? {
  let f0 = start.value
  let d0 = start.slope

  func point(_ alpha: T) -> _LinePoint<T> {
    let x = _moved(start.point, by: alpha, along: p)
    let (value, gradient) = evaluate(x)
    let slope = _allFinite(gradient) ? _dot(gradient, p) : .nan
    return _LinePoint(
      alpha: alpha, value: value, slope: slope, point: x, gradient: gradient)
  }

  func sufficientDecrease(_ q: _LinePoint<T>) -> Bool {
    q.isFinite && q.value <= f0 + c1 * q.alpha * d0
  }

  // Algorithm 3.6: `low` has sufficient decrease and the lowest value so
  // far; the minimizer lies between `low` and `high`.
  func zoom(_ low: _LinePoint<T>, _ high: _LinePoint<T>) -> _LinePoint<T>? {
    var low = low
    var high = high
    for _ in 0..<50 {
      let width = high.alpha - low.alpha
      var alpha = low.alpha + width / 2
      if high.isFinite, let cubic = _cubicMinimizer(low, high) {
        // Keep the trial inside the middle 80 % of the bracket, where the
        // bracket is sure to shrink.
        let inner = low.alpha + width / 10
        let outer = high.alpha - width / 10
        if (cubic - inner) * (cubic - outer) <= 0 { alpha = cubic }
      }
      if alpha == low.alpha || alpha == high.alpha { break }
      let trial = point(alpha)
      if !sufficientDecrease(trial) || trial.value >= low.value {
        high = trial
      } else {
        if trial.slope.magnitude <= -c2 * d0 { return trial }
        if trial.slope * (high.alpha - low.alpha) >= 0 { high = low }
        low = trial
      }
    }
    return low.alpha > 0 ? low : nil
  }

  // Algorithm 3.5.
  var previous = start
  var alpha = initialStep
  for i in 1...60 {
    let current = point(alpha)
    if !sufficientDecrease(current)
      || (i > 1 && current.value >= previous.value)
    {
      return zoom(previous, current)
    }
    if current.slope.magnitude <= -c2 * d0 { return current }
    if current.slope >= 0 { return zoom(current, previous) }
    previous = current
    alpha *= 2
  }
  return previous.alpha > 0 ? previous : nil
}
