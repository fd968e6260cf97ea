// Newton's method with a line search, on a function written once
// generically (ADFunction), so that the Hessian can be computed on nested
// dual numbers.

/// Newton's method: at each iterate, the Hessian and gradient, a Cholesky
/// solve for the Newton step, and an Armijo backtracking line search.
///
/// ```swift
/// struct Rosenbrock: ADFunction {
///   func callAsFunction<T: ADReal>(_ x: [T]) -> T {
///     let a = x[1] - x[0] * x[0], b = 1 - x[0]
///     return 100 * a * a + b * b
///   }
/// }
/// var x = [-1.2, 1.0]
/// let result = try Newton<Double>().minimize(Rosenbrock(), over: &x)
/// result.iterations   // about 20, against thousands for gradient descent
/// ```
///
/// Each iteration solves
/// ```
/// (∇²f(x) + τI)·p = −∇f(x),    x ← x + α·p
/// ```
/// with τ = 0 when the Hessian is positive definite; otherwise τ is the
/// smallest of β, 2β, 4β, … (Nocedal & Wright's Algorithm 3.3) for which
/// the shifted matrix has a Cholesky factor, so p is always a descent
/// direction, between Newton's step and a short gradient step. α is the
/// first of 1, ½, ¼, … with f(x + αp) ≤ f(x) + c₁·α·∇f·p.
@frozen
public struct Newton<T: ADScalar>: Sendable {
  /// The Armijo constant c₁ in (0, 1).
  public let sufficientDecrease: T
  /// The factor ρ in (0, 1) by which a rejected step is shortened.
  public let backtrackingFactor: T

  /// A Newton optimizer; the defaults are Nocedal & Wright's.
  ///
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   if a constant is outside (0, 1).
  @inlinable
  public init(sufficientDecrease: T = 1e-4, backtrackingFactor: T = 0.5)
    throws
  {
    for (name, value) in [
      ("sufficientDecrease", sufficientDecrease),
      ("backtrackingFactor", backtrackingFactor),
    ] where !(value > 0 && value < 1) {
      throw OptimizerError.invalidSetting(
        name: name, value: Double(value), requirement: "in (0, 1)")
    }
    self.sufficientDecrease = sufficientDecrease
    self.backtrackingFactor = backtrackingFactor
  }

  /// Minimizes `f` from `parameters` until `rule` says stop.
  ///
  /// - Parameters:
  ///   - f: The loss, written once generically.
  ///   - parameters: The start; updated in place. Line-search trials
  ///     where the loss is not finite are rejected, and a step to a point
  ///     with a non-finite gradient is undone before the error is thrown.
  ///   - rule: When to stop; the default stops at ‖∇f‖ ≤ 10⁻⁸.
  /// - Returns: Iterations, final loss and gradient norm, why it stopped;
  ///   ``StopReason/noProgress`` if no step lowers the loss any more.
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``,
  ///   ``OptimizerError/emptyParameters``,
  ///   ``OptimizerError/nonFiniteInitialLoss(loss:)``, or
  ///   ``OptimizerError/nonFiniteDerivative(step:)`` if the gradient or
  ///   Hessian is not finite at an iterate.
  /// - Complexity: Per iteration, one Hessian by ``hessian(of:at:strategy:)``
  ///   with `.automatic`, ⌈N/8⌉ evaluations of `f` for the gradient, one per
  ///   line-search trial, and an O(N³) solve.
  @inlinable
  public func minimize<F: ADFunction>(
    _ f: F, over parameters: inout [T], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<T> {
    try _minimize(
      over: &parameters, until: rule,
      valueAndGradient: { x in valueWithGradient(at: x) { f($0) } },
      hessianAt: { x in _rowMajor(try hessian(of: f, at: x)) },
      value: { x in f(x) })
  }

  /// Minimizes a loss written as a closure, the form ``hessian(at:of:)``
  /// takes, from `parameters` until `rule` says stop.
  ///
  /// ```swift
  /// var x = [-1.2, 1.0]
  /// let result = try Newton<Double>().minimize(
  ///   { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) },
  ///   over: &x)
  /// result.parameters   // [1.0, 1.0]
  /// ```
  ///
  /// - Parameters:
  ///   - loss: The loss, on the tape variables ``hessian(at:of:)`` passes;
  ///     a closure literal written for ``LBFGS`` or ``SGD`` works as it is.
  ///   - parameters: The start; updated in place, as the generic form.
  ///   - rule: When to stop; the default stops at ‖∇f‖ ≤ 10⁻⁸.
  /// - Returns: As the generic form.
  /// - Throws: As the generic form, and as ``hessian(at:of:)``:
  ///   ``EpsilonError/hessianTooLarge(count:)`` if the Hessian cannot be
  ///   allocated, ``TapeError`` if `loss` returns a variable of another
  ///   tape or the tape cannot grow.
  /// - Complexity: Per iteration, ⌈N/8⌉ recordings of `loss` for the
  ///   value, gradient and Hessian, one evaluation per line-search trial,
  ///   and an O(N³) solve.
  @inlinable
  public func minimize(
    _ loss: ([GradientTape<Dual<SIMD8<T>>>.Variable])
      -> GradientTape<Dual<SIMD8<T>>>.Variable,
    over parameters: inout [T], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<T> {
    // One forward-over-reverse pass gives value, gradient and Hessian: the
    // loop asks for the Hessian at the point whose gradient it has, so the
    // Hessian is kept from that evaluation rather than computed again.
    var kept: (point: [T], hessian: [T])?
    return try _minimize(
      over: &parameters, until: rule,
      valueAndGradient: { x in
        let (value, gradient, h) = try valueGradientHessian(at: x, of: loss)
        kept = (x, _rowMajor(h))
        return (value, gradient)
      },
      hessianAt: { x in
        if let kept, kept.point == x { return kept.hessian }
        return _rowMajor(try hessian(at: x, of: loss))
      },
      // Constants record nothing: the line search's trials need no tape.
      value: { x in
        loss(x.map { GradientTape<Dual<SIMD8<T>>>.Variable(Dual($0)) })
          .value.value
      })
  }

  /// Newton's iteration, given how to evaluate the loss, its gradient and
  /// its Hessian (row-major): the one loop both forms run.
  @inlinable
  func _minimize(
    over parameters: inout [T], until rule: StoppingRule,
    valueAndGradient: ([T]) throws -> (T, [T]),
    hessianAt: ([T]) throws -> [T],
    value: ([T]) -> T
  ) throws -> OptimizationResult<T> {
    let valueAt = value
    try rule._validate()
    let n = parameters.count
    guard n > 0 else { throw OptimizerError.emptyParameters }
    var (value, gradient) = try valueAndGradient(parameters)
    guard value.isFinite else {
      throw OptimizerError.nonFiniteInitialLoss(loss: Double(value))
    }
    guard _allFinite(gradient) else {
      throw OptimizerError.nonFiniteDerivative(step: 0)
    }
    var history = [value]
    var steps = 0
    var reason = StopReason.iterationLimit
    while true {
      let gradientNorm = _norm(gradient)
      if gradientNorm == 0 || rule._gradientConverged(gradientNorm) {
        reason = .gradientTolerance
        break
      }
      if steps == rule.maxIterations { break }
      let hessian = try hessianAt(parameters)
      let rhs = gradient.map { -$0 }
      guard let (direction, _) = _solveShifted(hessian, n, rhs) else {
        throw OptimizerError.nonFiniteDerivative(step: steps)
      }
      let slope = _dot(gradient, direction)
      guard slope < 0,
        let accepted = _backtrackingLineSearch(
          from: parameters, value: value, slope: slope,
          direction: direction, sufficientDecrease: sufficientDecrease,
          factor: backtrackingFactor, evaluate: valueAt)
      else {
        reason = .noProgress
        break
      }
      let previous = parameters
      let previousValue = value
      parameters = accepted.point
      steps += 1
      (value, gradient) = try valueAndGradient(parameters)
      guard _allFinite(gradient) else {
        parameters = previous
        throw OptimizerError.nonFiniteDerivative(step: steps)
      }
      history.append(value)
      if let stop = rule._stepReason(
        from: previous, to: parameters, lossBefore: previousValue,
        lossAfter: value)
      {
        reason = stop
        break
      }
    }
    return OptimizationResult(
      parameters: parameters, iterations: steps, loss: value,
      gradientNorm: _norm(gradient), stopReason: reason,
      lossHistory: history)
  }
}

/// Minimizes `f` by Newton's method from `x`: ``Newton`` with its
/// defaults.
///
/// ```swift
/// let result = try newtonMinimize(Rosenbrock(), from: [-1.2, 1.0])
/// result.parameters   // [1.0, 1.0]
/// ```
///
/// - Returns: The result; its ``OptimizationResult/parameters`` are the
///   minimizer found.
/// - Throws: As ``Newton/minimize(_:over:until:)-(F,_,_)``.
@inlinable
public func newtonMinimize<T: ADScalar, F: ADFunction>(
  _ f: F, from x: [T], until rule: StoppingRule = .init()
) throws -> OptimizationResult<T> {
  var parameters = x
  return try Newton<T>().minimize(f, over: &parameters, until: rule)
}

/// A Hessian as the row-major array Newton's solve takes.
@inlinable
func _rowMajor<T: ADScalar>(_ h: Hessian<T>) -> [T] {
  let n = h.count
  var rows = [T](repeating: 0, count: n * n)
  for i in 0..<n { for j in 0..<n { rows[i * n + j] = h[i, j] } }
  return rows
}
