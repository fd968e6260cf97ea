/// Stochastic gradient descent with optional momentum and Nesterov
/// momentum, as Keras defines it.
///
/// ```swift
/// var sgd = try SGD(learningRate: 0.1)
/// var x = [0.0]
/// for _ in 0..<100 {
///   let g = gradient(at: x) { x in 3 * x[0] * x[0] + 2 * x[0] - 1 }
///   try sgd.apply(gradients: g, to: &x)
/// }
/// x   // [-0.3333333...]
/// ```
///
/// With learning rate η, momentum m and velocity v (zero at first), one
/// update of a parameter x with gradient g is:
/// ```
/// m = 0:       x ← x − η·g
/// momentum:    v ← m·v − η·g;   x ← x + v
/// Nesterov:    v ← m·v − η·g;   x ← x + m·v − η·g
/// ```
@frozen
public struct SGD<T: ADScalar>: GradientOptimizer, Sendable {
  /// The step size η.
  public let learningRate: T
  /// The momentum m in [0, 1); 0 is plain gradient descent.
  public let momentum: T
  /// Whether the update looks ahead along the velocity (Nesterov).
  public let nesterov: Bool
  @usableFromInline var _iterations: Int = 0
  @usableFromInline var _velocity: [T] = []

  /// An optimizer with Keras' defaults: η = 0.01, no momentum.
  ///
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   if η is negative or not finite, or m is outside [0, 1).
  @inlinable
  public init(
    learningRate: T = 0.01, momentum: T = 0, nesterov: Bool = false
  ) throws {
    guard learningRate.isFinite, learningRate >= 0 else {
      throw OptimizerError.invalidSetting(
        name: "learningRate", value: Double(learningRate),
        requirement: "a finite number ≥ 0")
    }
    guard momentum >= 0, momentum < 1 else {
      throw OptimizerError.invalidSetting(
        name: "momentum", value: Double(momentum), requirement: "in [0, 1)")
    }
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
  }

  /// How many updates have been applied.
  @inlinable public var iterations: Int { _iterations }

  /// One update of `parameters` from their `gradients`.
  ///
  /// The first call fixes the number of parameters the velocity tracks; a
  /// later call with a different count restarts the velocity at zero.
  ///
  /// - Throws: ``OptimizerError/emptyParameters``,
  ///   ``OptimizerError/countMismatch(gradients:parameters:)``, or
  ///   ``OptimizerError/nonFiniteDerivative(step:)``; the parameters are
  ///   then unchanged.
  /// - Complexity: O(N).
  @inlinable
  public mutating func apply(gradients: [T], to parameters: inout [T])
    throws
  {
    try _validate(gradients: gradients, parameters: parameters)
    _iterations += 1
    if momentum == 0 {
      // Keras' and TensorFlow's `var -= lr * grad`, rounded as they are.
      for i in parameters.indices {
        parameters[i] -= learningRate * gradients[i]
      }
      return
    }
    if _velocity.count != parameters.count {
      _velocity = Array(repeating: 0, count: parameters.count)
    }
    for i in parameters.indices {
      let step = learningRate * gradients[i]
      _velocity[i] = momentum * _velocity[i] - step
      parameters[i] +=
        nesterov ? momentum * _velocity[i] - step : _velocity[i]
    }
  }
}

extension SGD where T == Double {
  /// An optimizer on `Double` parameters, with Keras' defaults: η = 0.01,
  /// no momentum (write `SGD<Float>(...)` for `Float`).
  ///
  /// - Throws: As the generic initializer.
  @inlinable
  public init(
    learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false
  ) throws {
    self = try SGD<Double>._make(learningRate, momentum, nesterov)
  }
}

extension SGD {
  /// The generic initializer under another name, for the `Double`
  /// convenience initializer to call without recursion.
  @inlinable
  static func _make(_ learningRate: T, _ momentum: T, _ nesterov: Bool)
    throws -> SGD
  {
    try SGD(learningRate: learningRate, momentum: momentum, nesterov: nesterov)
  }
}
