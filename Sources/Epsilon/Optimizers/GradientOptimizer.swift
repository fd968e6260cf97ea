// The first-order optimizers' shared spelling, as Keras has it: apply given
// gradients to parameters the caller owns, or `minimize` a loss, which
// differentiates it by forward mode and steps.

/// A first-order optimizer (``SGD``, ``Adam``) that updates parameters from
/// their gradients, keeping its own state (momentum, moments, step count).
///
/// ```swift
/// var x = [0.0]
/// var sgd = try SGD(learningRate: 0.01)
/// for _ in 0..<100 {
///   try sgd.minimize({ x in x[0] * x[0] - 2 * x[0] + 1 }, over: &x)
/// }
/// x   // [0.8673804...]: 1 − 0.98¹⁰⁰
/// ```
///
/// Conformers write ``apply(gradients:to:)``; `minimize` in its three
/// forms comes from this protocol.
public protocol GradientOptimizer {
  /// The number type of the parameters.
  associatedtype Scalar: ADScalar

  /// How many updates have been applied (Keras' `optimizer.iterations`).
  var iterations: Int { get }

  /// One update of `parameters` from their `gradients` (Keras'
  /// `apply_gradients(zip(grads, vars))`).
  ///
  /// - Throws: ``OptimizerError/countMismatch(gradients:parameters:)``,
  ///   ``OptimizerError/emptyParameters``, or
  ///   ``OptimizerError/nonFiniteDerivative(step:)`` if a gradient is NaN
  ///   or infinite (the parameters are then unchanged).
  mutating func apply(gradients: [Scalar], to parameters: inout [Scalar])
    throws
}

extension GradientOptimizer {
  /// Checks what every `apply` checks before it changes anything.
  @inlinable
  func _validate(gradients: [Scalar], parameters: [Scalar]) throws {
    guard !parameters.isEmpty else { throw OptimizerError.emptyParameters }
    guard gradients.count == parameters.count else {
      throw OptimizerError.countMismatch(
        gradients: gradients.count, parameters: parameters.count)
    }
    guard _allFinite(gradients) else {
      throw OptimizerError.nonFiniteDerivative(step: iterations)
    }
  }

  /// One step on `loss`: its gradient at `parameters` by forward mode,
  /// then ``apply(gradients:to:)``: what Keras' `optimizer.minimize(f, [x])`
  /// does once.
  ///
  /// ```swift
  /// let y = try sgd.step({ x in x[0] * x[0] }, over: &x)
  /// ```
  ///
  /// - Parameters:
  ///   - loss: The loss, on dual numbers with eight SIMD partials.
  ///   - parameters: Updated in place.
  /// - Returns: The loss at the parameters *before* the step: the value
  ///   the step's forward pass computed.
  /// - Throws: ``OptimizerError/nonFiniteInitialLoss(loss:)`` (first
  ///   step) or ``OptimizerError/nonFiniteLoss(step:loss:)`` if the loss is
  ///   not finite, leaving the parameters unchanged; the errors of
  ///   ``apply(gradients:to:)``.
  /// - Complexity: ⌈N/8⌉ evaluations of `loss`.
  @inlinable
  @discardableResult
  public mutating func step(
    _ loss: ([Dual<SIMD8<Scalar>>]) -> Dual<SIMD8<Scalar>>,
    over parameters: inout [Scalar]
  ) throws -> Scalar {
    guard !parameters.isEmpty else { throw OptimizerError.emptyParameters }
    let (value, gradient) = valueWithGradient(at: parameters, of: loss)
    guard value.isFinite else {
      throw iterations == 0
        ? OptimizerError.nonFiniteInitialLoss(loss: Double(value))
        : OptimizerError.nonFiniteLoss(step: iterations, loss: Double(value))
    }
    try apply(gradients: gradient, to: &parameters)
    return value
  }

  /// One step on a loss written once as an ``ADFunction``.
  ///
  /// - Returns: The loss before the step.
  /// - Throws: As the closure form.
  @inlinable
  @discardableResult
  public mutating func step<F: ADFunction>(
    _ loss: F, over parameters: inout [Scalar]
  ) throws -> Scalar {
    try step({ loss($0) }, over: &parameters)
  }

  /// One step, as `optimizer.minimize(loss, var_list)` takes in
  /// TensorFlow; renamed ``step(_:over:)-(([Dual<SIMD8<Scalar>>])->Dual<SIMD8<Scalar>>,_)``
  /// so that `minimize` means the same in every Epsilon optimizer: run
  /// until a ``StoppingRule`` says stop.
  @available(*, deprecated, renamed: "step(_:over:)")
  @inlinable
  @discardableResult
  public mutating func minimize(
    _ loss: ([Dual<SIMD8<Scalar>>]) -> Dual<SIMD8<Scalar>>,
    over parameters: inout [Scalar]
  ) throws -> Scalar {
    try step(loss, over: &parameters)
  }

  /// One step on a loss written once as an ``ADFunction``; renamed
  /// ``step(_:over:)-(F,_)``.
  @available(*, deprecated, renamed: "step(_:over:)")
  @inlinable
  @discardableResult
  public mutating func minimize<F: ADFunction>(
    _ loss: F, over parameters: inout [Scalar]
  ) throws -> Scalar {
    try step(loss, over: &parameters)
  }

  /// Steps on `loss` until `rule` says stop.
  ///
  /// ```swift
  /// var sgd = try SGD(learningRate: 0.01)
  /// var x = [0.0]
  /// let result = try sgd.minimize(
  ///   { x in x[0] * x[0] - 2 * x[0] + 1 }, over: &x, until: .iterations(1000))
  /// result.parameters   // [0.9999999983...]: 1 − 0.98¹⁰⁰⁰
  /// ```
  ///
  /// - Parameters:
  ///   - loss: The loss, on dual numbers with eight SIMD partials.
  ///   - parameters: Updated in place; on a thrown error, left at the last
  ///     point where the loss was finite.
  ///   - rule: When to stop.
  /// - Returns: Iterations, final loss and gradient norm, why it stopped.
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   for a bad rule, ``OptimizerError/emptyParameters``,
  ///   ``OptimizerError/nonFiniteInitialLoss(loss:)``, and
  ///   ``OptimizerError/nonFiniteLoss(step:loss:)`` or
  ///   ``OptimizerError/nonFiniteDerivative(step:)`` if a step lands where
  ///   the loss or gradient is not finite.
  /// - Complexity: ⌈N/8⌉ evaluations of `loss` per step, plus one pass.
  @inlinable
  public mutating func minimize(
    _ loss: ([Dual<SIMD8<Scalar>>]) -> Dual<SIMD8<Scalar>>,
    over parameters: inout [Scalar], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<Scalar> {
    try rule._validate()
    guard !parameters.isEmpty else { throw OptimizerError.emptyParameters }
    // The loop allocates nothing per step: the gradients come from one
    // workspace into two arrays that swap roles, and the point before a
    // step is copied into one array kept for it.
    var workspace = GradientWorkspace<SIMD8<Scalar>>()
    var gradient: [Scalar] = []
    var newGradient: [Scalar] = []
    var value = workspace.valueWithGradient(
      into: &gradient, at: parameters, of: loss)
    guard value.isFinite else {
      throw OptimizerError.nonFiniteInitialLoss(loss: Double(value))
    }
    guard _allFinite(gradient) else {
      throw OptimizerError.nonFiniteDerivative(step: 0)
    }
    var history = [value]
    history.reserveCapacity(Swift.min(Swift.max(rule.maxIterations, 0), 1024) + 1)
    var previous = parameters
    var steps = 0
    var reason = StopReason.iterationLimit
    while true {
      if rule._gradientConverged(_norm(gradient)) {
        reason = .gradientTolerance
        break
      }
      if steps == rule.maxIterations { break }
      _copy(parameters, into: &previous)
      try apply(gradients: gradient, to: &parameters)
      steps += 1
      guard parameters.count == previous.count else {
        let actual = parameters.count
        parameters = previous
        throw OptimizerError.parameterCountChanged(
          expected: previous.count, actual: actual)
      }
      let newValue = workspace.valueWithGradient(
        into: &newGradient, at: parameters, of: loss)
      guard newValue.isFinite else {
        parameters = previous
        throw OptimizerError.nonFiniteLoss(
          step: steps, loss: Double(newValue))
      }
      guard _allFinite(newGradient) else {
        parameters = previous
        throw OptimizerError.nonFiniteDerivative(step: steps)
      }
      history.append(newValue)
      let stop = rule._stepReason(
        from: previous, to: parameters, lossBefore: value,
        lossAfter: newValue)
      value = newValue
      swap(&gradient, &newGradient)
      if let stop {
        reason = stop
        break
      }
    }
    return OptimizationResult(
      parameters: parameters, iterations: steps, loss: value,
      gradientNorm: _norm(gradient), stopReason: reason,
      lossHistory: history)
  }

  /// Steps on a loss written once as an ``ADFunction`` until `rule` says
  /// stop.
  ///
  /// - Throws: As the closure form.
  @inlinable
  public mutating func minimize<F: ADFunction>(
    _ loss: F, over parameters: inout [Scalar], until rule: StoppingRule = .init()
  ) throws -> OptimizationResult<Scalar> {
    try minimize({ loss($0) }, over: &parameters, until: rule)
  }
}
