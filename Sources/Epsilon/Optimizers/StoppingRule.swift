/// When an optimizer stops: an iteration cap and tolerances on the gradient,
/// the step and the loss. A tolerance of 0 turns its test off.
///
/// ```swift
/// StoppingRule(maxIterations: 100, gradientTolerance: 1e-10)
/// StoppingRule.iterations(1000)   // exactly 1000 steps, as a Keras loop
/// ```
///
/// The tests, after each iteration k with step s = x_k − x_{k−1}:
/// ```
/// ‖∇f(x_k)‖₂ ≤ gradientTolerance
/// ‖s‖₂ ≤ stepTolerance · (‖x_{k−1}‖₂ + stepTolerance)
/// |f(x_{k−1}) − f(x_k)| ≤ lossTolerance · |f(x_{k−1})|
/// k = maxIterations
/// ```
/// The gradient test also runs at the start. Newton, L-BFGS and
/// Levenberg–Marquardt stop at an exactly zero gradient whatever the rule.
public struct StoppingRule: Sendable, Equatable {
  /// The most iterations (steps) to take; ≥ 0.
  public var maxIterations: Int
  /// Stop when the gradient's Euclidean norm is at most this; ≥ 0.
  public var gradientTolerance: Double
  /// Stop when a step is at most this, relative to the point; ≥ 0.
  public var stepTolerance: Double
  /// Stop when the loss changes by at most this, relative; ≥ 0.
  public var lossTolerance: Double

  /// A stopping rule; the defaults stop at ‖∇f‖ ≤ 10⁻⁸ or 1000 iterations.
  public init(
    maxIterations: Int = 1000, gradientTolerance: Double = 1e-8,
    stepTolerance: Double = 0, lossTolerance: Double = 0
  ) {
    self.maxIterations = maxIterations
    self.gradientTolerance = gradientTolerance
    self.stepTolerance = stepTolerance
    self.lossTolerance = lossTolerance
  }

  /// Exactly `count` iterations, every tolerance off: a Keras training
  /// loop of `count` steps.
  public static func iterations(_ count: Int) -> StoppingRule {
    StoppingRule(maxIterations: count, gradientTolerance: 0)
  }

  /// Throws if a setting is negative or not finite.
  @inlinable
  func _validate() throws {
    guard maxIterations >= 0 else {
      throw OptimizerError.invalidSetting(
        name: "maxIterations", value: Double(maxIterations),
        requirement: "≥ 0")
    }
    for (name, value) in [
      ("gradientTolerance", gradientTolerance),
      ("stepTolerance", stepTolerance), ("lossTolerance", lossTolerance),
    ] where !(value.isFinite && value >= 0) {
      throw OptimizerError.invalidSetting(
        name: name, value: value, requirement: "a finite number ≥ 0")
    }
  }

  /// Whether the gradient test stops at this gradient norm.
  @inlinable
  func _gradientConverged<T: ADScalar>(_ norm: T) -> Bool {
    gradientTolerance > 0 && norm <= T(gradientTolerance)
  }

  /// Which tolerance, if any, the step from `previous` to `current` (with
  /// the losses before and after) satisfies.
  @inlinable
  func _stepReason<T: ADScalar>(
    from previous: [T], to current: [T], lossBefore: T, lossAfter: T
  ) -> StopReason? {
    if stepTolerance > 0 {
      let tolerance = T(stepTolerance)
      var step: [T] = current
      for i in step.indices { step[i] -= previous[i] }
      if _norm(step) <= tolerance * (_norm(previous) + tolerance) {
        return .stepTolerance
      }
    }
    if lossTolerance > 0,
      (lossBefore - lossAfter).magnitude
        <= T(lossTolerance) * lossBefore.magnitude
    {
      return .lossTolerance
    }
    return nil
  }
}

/// Why an optimizer stopped.
public enum StopReason: Sendable, Equatable {
  /// The gradient norm reached ``StoppingRule/gradientTolerance`` (or 0).
  case gradientTolerance
  /// A step was shorter than ``StoppingRule/stepTolerance``.
  case stepTolerance
  /// The loss changed less than ``StoppingRule/lossTolerance``.
  case lossTolerance
  /// ``StoppingRule/maxIterations`` steps were taken.
  case iterationLimit
  /// No step along the search direction lowers the loss any more: the
  /// point is a minimum to within rounding (line-search and trust-region
  /// methods only).
  case noProgress
}

/// What an optimizer run reached.
///
/// ```swift
/// let result = try newtonMinimize(Rosenbrock(), from: [-1.2, 1])
/// result.iterations     // 21
/// result.parameters     // [1.0, 1.0]
/// ```
public struct OptimizationResult<T: ADScalar>: Sendable {
  /// The final parameters.
  public var parameters: [T]
  /// The number of iterations (steps) taken.
  public var iterations: Int
  /// The loss at ``parameters``; for least squares, ½‖r‖².
  public var loss: T
  /// The Euclidean norm of the gradient at ``parameters``.
  public var gradientNorm: T
  /// Why the run stopped.
  public var stopReason: StopReason
  /// The loss at the start and after each iteration: `iterations + 1`
  /// values.
  public var lossHistory: [T]

  /// A run's outcome.
  @inlinable
  public init(
    parameters: [T], iterations: Int, loss: T, gradientNorm: T,
    stopReason: StopReason, lossHistory: [T]
  ) {
    self.parameters = parameters
    self.iterations = iterations
    self.loss = loss
    self.gradientNorm = gradientNorm
    self.stopReason = stopReason
    self.lossHistory = lossHistory
  }

  /// Whether a tolerance stopped the run (not the iteration cap).
  public var converged: Bool { stopReason != .iterationLimit }
}

extension OptimizationResult: CustomStringConvertible {
  /// The outcome in one line: at most eight parameters, and the length of
  /// the loss history rather than its values.
  ///
  /// `OptimizationResult(parameters: [1.0, 1.0], iterations: 21, loss: 1.2e-19,
  /// gradientNorm: 3.1e-9, stopReason: gradientTolerance, lossHistory: 22 values)`
  public var description: String {
    let shown = parameters.prefix(8).map { "\($0)" }.joined(separator: ", ")
    let more = parameters.count > 8 ? ", … (\(parameters.count) in all)" : ""
    return "OptimizationResult(parameters: [\(shown)\(more)], iterations: \(iterations), "
      + "loss: \(loss), gradientNorm: \(gradientNorm), stopReason: \(stopReason), "
      + "lossHistory: \(lossHistory.count) values)"
  }
}
