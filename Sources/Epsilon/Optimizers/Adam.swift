/// Adam (Kingma & Ba, 2015) as Keras and TensorFlow's `ApplyAdam` compute
/// it, with Keras' defaults.
///
/// ```swift
/// var adam = try Adam(learningRate: 0.1)
/// var x = [3.0]
/// try adam.minimize({ x in x[0] * x[0] }, over: &x, until: .iterations(200))
/// ```
///
/// With learning rate η, decay rates β₁, β₂, and the moments m, v (zero at
/// first), step t = 1, 2, … updates a parameter x with gradient g as:
/// ```
/// αₜ = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
/// m ← m + (g − m)·(1 − β₁)
/// v ← v + (g² − v)·(1 − β₂)
/// x ← x − αₜ·m / (√v + ε)
/// ```
/// ε is Keras' "epsilon hat": added to √v after bias correction of the
/// step size, not of v.
///
/// √v is what is kept, not v, and where g² would overflow (a gradient
/// beyond 1.8·10¹⁹ in `Float`) the update is scaled by the larger of |g|
/// and √v before squaring, so one huge gradient gives a finite second
/// moment and later steps stay finite: with v kept as g², it became ∞
/// and the next step ∞ − ∞.
@frozen
public struct Adam<T: ADScalar>: GradientOptimizer, Sendable {
  /// The step size η.
  public let learningRate: T
  /// The decay rate β₁ of the first moment, in [0, 1).
  public let beta1: T
  /// The decay rate β₂ of the second moment, in [0, 1).
  public let beta2: T
  /// The constant ε added to √v for stability; > 0.
  public let epsilon: T
  @usableFromInline var _iterations: Int = 0
  @usableFromInline var _m: [T] = []
  /// √v, the root of each second moment (see the type's discussion).
  @usableFromInline var _rootV: [T] = []

  /// An optimizer with Keras' defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999,
  /// ε = 10⁻⁷.
  ///
  /// - Throws: ``OptimizerError/invalidSetting(name:value:requirement:)``
  ///   if η is negative or not finite, a β is outside [0, 1), or ε is not
  ///   a finite positive number.
  @inlinable
  public init(
    learningRate: T = 0.001, beta1: T = 0.9, beta2: T = 0.999,
    epsilon: T = 1e-7
  ) throws {
    guard learningRate.isFinite, learningRate >= 0 else {
      throw OptimizerError.invalidSetting(
        name: "learningRate", value: Double(learningRate),
        requirement: "a finite number ≥ 0")
    }
    for (name, beta) in [("beta1", beta1), ("beta2", beta2)]
    where !(beta >= 0 && beta < 1) {
      throw OptimizerError.invalidSetting(
        name: name, value: Double(beta), requirement: "in [0, 1)")
    }
    guard epsilon.isFinite, epsilon > 0 else {
      throw OptimizerError.invalidSetting(
        name: "epsilon", value: Double(epsilon),
        requirement: "a finite number > 0")
    }
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// How many updates have been applied: the t of the last update.
  @inlinable public var iterations: Int { _iterations }

  /// One update of `parameters` from their `gradients`.
  ///
  /// The first call fixes the number of parameters the moments track; a
  /// later call with a different count restarts them at zero.
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
    if _m.count != parameters.count {
      _m = Array(repeating: 0, count: parameters.count)
      _rootV = _m
    }
    _iterations += 1
    let t = T(_iterations)
    let alpha =
      learningRate * (1 - T.pow(beta2, t)).squareRoot() / (1 - T.pow(beta1, t))
    for i in parameters.indices {
      let g = gradients[i]
      _m[i] += (g - _m[i]) * (1 - beta1)
      let r = _rootV[i]
      let v = r * r
      let updated = v + (g * g - v) * (1 - beta2)
      _rootV[i] =
        updated.isFinite
        ? updated.squareRoot() : Self._scaledRoot(r, g, beta2)
      parameters[i] -= (_m[i] * alpha) / (_rootV[i] + epsilon)
    }
  }
}

extension Adam {
  /// √(r² + (g² − r²)(1 − β₂)) where r² or g² overflows: both are divided
  /// by s = max(r, |g|) before squaring, and the root multiplied by s.
  @inlinable @inline(never)
  static func _scaledRoot(_ r: T, _ g: T, _ beta2: T) -> T {
    let s = Swift.max(r, g.magnitude)
    guard s.isFinite, s > 0 else { return s }
    let a = r / s
    let b = g / s
    return s * (a * a + (b * b - a * a) * (1 - beta2)).squareRoot()
  }
}

extension Adam where T == Double {
  /// An optimizer on `Double` parameters with Keras' defaults (write
  /// `Adam<Float>(...)` for `Float`).
  ///
  /// - Throws: As the generic initializer.
  @inlinable
  public init(
    learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-7
  ) throws {
    self = try Adam<Double>._make(learningRate, beta1, beta2, epsilon)
  }
}

extension Adam {
  /// The generic initializer under another name, for the `Double`
  /// convenience initializer to call without recursion.
  @inlinable
  static func _make(_ learningRate: T, _ beta1: T, _ beta2: T, _ epsilon: T)
    throws -> Adam
  {
    try Adam(
      learningRate: learningRate, beta1: beta1, beta2: beta2,
      epsilon: epsilon)
  }
}
