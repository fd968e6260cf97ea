/// A misuse of an optimizer, or a run that cannot go on: each case says what
/// was wrong and what to do.
///
/// ```swift
/// do { _ = try SGD<Double>(learningRate: -1) } catch { print(error) }
/// // `learningRate` is -1.0, but it must be a finite number ≥ 0: ...
/// ```
public enum OptimizerError: Error, Equatable, CustomStringConvertible {
  /// A setting is out of its range: `name` is the argument label, `value`
  /// what was passed and `requirement` the range it must lie in.
  case invalidSetting(name: String, value: Double, requirement: String)
  /// There are no parameters to optimize.
  case emptyParameters
  /// A least-squares problem has no residuals.
  case emptyResiduals
  /// ``GradientOptimizer/apply(gradients:to:)`` got a different number of
  /// gradients than parameters.
  case countMismatch(gradients: Int, parameters: Int)
  /// The loss is NaN or infinite at the starting point.
  case nonFiniteInitialLoss(loss: Double)
  /// The loss became NaN or infinite after `step` steps; the parameters
  /// are left at the point of step `step − 1`, the last finite one.
  case nonFiniteLoss(step: Int, loss: Double)
  /// A gradient, Jacobian or Hessian entry is NaN or infinite at the point
  /// reached after `step` steps (0: the start) although the loss is finite.
  case nonFiniteDerivative(step: Int)
  /// A residual function returned `actual` residuals where it returned
  /// `expected` at the start.
  case residualCountChanged(expected: Int, actual: Int)
  /// An optimizer's ``GradientOptimizer/apply(gradients:to:)`` left
  /// `actual` parameters where there were `expected`; the parameters are
  /// restored to the point before that step.
  case parameterCountChanged(expected: Int, actual: Int)

  /// What went wrong and how to fix it.
  public var description: String {
    switch self {
    case .invalidSetting(let name, let value, let requirement):
      return "`\(name)` is \(value), but it must be \(requirement): "
        + "pass a value in that range."
    case .emptyParameters:
      return "there are no parameters to optimize: pass at least one."
    case .emptyResiduals:
      return "the residual function returned no residuals: a least-squares "
        + "problem needs at least one."
    case .countMismatch(let gradients, let parameters):
      return "\(gradients) gradients were given for \(parameters) "
        + "parameters: pass one gradient component per parameter, in the "
        + "parameters' order."
    case .nonFiniteInitialLoss(let loss):
      return "the loss is \(loss) at the starting point: start where the "
        + "loss is finite (inside the domain of log, sqrt, ...)."
    case .nonFiniteLoss(let step, let loss):
      return "the loss became \(loss) after step \(step); the parameters "
        + "are left at step \(step - 1), the last finite point: lower the "
        + "learning rate or start closer to a minimum."
    case .nonFiniteDerivative(let step):
      return "a derivative is NaN or infinite at the point of step \(step) "
        + "although the loss is finite (a kink or domain edge such as "
        + "sqrt at 0): start elsewhere or smooth the function there."
    case .residualCountChanged(let expected, let actual):
      return "the residual function returned \(actual) residuals where it "
        + "first returned \(expected): the number of residuals must not "
        + "depend on the parameters."
    case .parameterCountChanged(let expected, let actual):
      return "the optimizer's apply(gradients:to:) changed the number of "
        + "parameters from \(expected) to \(actual): an update must keep "
        + "one value per parameter. The parameters are restored to the "
        + "point before that step."
    }
  }
}
