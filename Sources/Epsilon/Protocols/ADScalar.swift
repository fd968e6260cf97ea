/// A plain floating-point number at the bottom of every Epsilon number:
/// `Double`, `Float` and, where the platform has it, `Float16`.
///
/// An `ADScalar` is its own one-lane tangent (``DualPartials``), so
/// `Dual<Double>` carries one directional derivative, and it is a SIMD
/// scalar, so `Dual<SIMD8<Double>>` carries eight.
public protocol ADScalar: ADReal, BinaryFloatingPoint, SIMDScalar, Codable, Sendable,
  DualPartials
where Scalar == Self {}

extension ADScalar {
  /// One partial: a plain number is a single tangent.
  @_transparent public static var partialCount: Int { 1 }

  /// The unit tangent; only lane 0 exists.
  @_transparent
  public static func unitPartials(_ index: Int) -> Self { 1 }

  /// The tangent itself; only lane 0 exists.
  @_transparent public func partial(_ index: Int) -> Self { self }

  /// The sum of two tangents.
  @_transparent
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self { lhs + rhs }
  /// The difference of two tangents.
  @_transparent
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    lhs - rhs
  }
  /// The negated tangent.
  @_transparent public func negated() -> Self { -self }

  /// `c · self`, where a zero on either side gives zero even when the
  /// other is ±∞ or NaN.
  @inlinable
  public func scaled(by c: Self) -> Self {
    // A zero tangent is "this does not depend on the input": it must stay
    // zero even where the local derivative is infinite (sqrt at 0). A zero
    // factor is a constant 0 (or a zero value) multiplying the tangent: the
    // derivative of 0·g is 0 whatever g′ is (ForwardDiff's NaN-safe mode).
    // The differential fuzzer finds second-order lanes that need the
    // latter (tanh saturating inside a nested evaluation).
    self == 0 || c == 0 ? 0 : c * self
  }

  /// `a·x + b·y`, where a zero tangent contributes zero whatever its factor.
  @inlinable
  public static func combine(_ a: Self, _ x: Self, _ b: Self, _ y: Self)
    -> Self
  {
    x.scaled(by: a) + y.scaled(by: b)
  }

  /// The tangent as text.
  @inlinable public var partialsDescription: String { "\(self)" }

  /// Whether the number is zero (a plain number has no derivatives).
  @inlinable public var _isExactlyZero: Bool { self == 0 }

  /// `a · b`, zero annihilating: ``scaled(by:)``.
  @inlinable
  public static func _annihilatingProduct(_ a: Self, _ b: Self) -> Self {
    b.scaled(by: a)
  }
}

extension Double: ADScalar {
  /// Evaluates a unary rule on a plain number: its value only.
  @inlinable
  public static func _apply<R: UnaryRule>(_ rule: R, _ x: Double) -> Double {
    rule.value(x)
  }
  /// A unary rule's value and derivative on a plain number.
  @inlinable
  public static func _valueAndDerivative<R: UnaryRule>(_ rule: R, _ x: Double)
    -> (value: Double, derivative: Double)
  {
    rule.valueAndDerivative(x)
  }
  /// Evaluates a binary rule on plain numbers: its value only.
  @inlinable
  public static func _apply<R: BinaryRule>(_ rule: R, _ x: Double, _ y: Double)
    -> Double
  {
    rule.value(x, y)
  }
}

extension Float: ADScalar {
  /// Evaluates a unary rule on a plain number: its value only.
  @inlinable
  public static func _apply<R: UnaryRule>(_ rule: R, _ x: Float) -> Float {
    rule.value(x)
  }
  /// A unary rule's value and derivative on a plain number.
  @inlinable
  public static func _valueAndDerivative<R: UnaryRule>(_ rule: R, _ x: Float)
    -> (value: Float, derivative: Float)
  {
    rule.valueAndDerivative(x)
  }
  /// Evaluates a binary rule on plain numbers: its value only.
  @inlinable
  public static func _apply<R: BinaryRule>(_ rule: R, _ x: Float, _ y: Float)
    -> Float
  {
    rule.value(x, y)
  }
}

// Float16 exists on every platform Swift supports except macOS on Intel
// (the same guard swift-numerics uses).
#if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
  @available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *)
  extension Float16: ADScalar {
    /// Evaluates a unary rule through `Float`: its value only.
    @inlinable
    public static func _apply<R: UnaryRule>(_ rule: R, _ x: Float16) -> Float16 {
      Float16(rule.value(Float(x)))
    }
    /// Evaluates a binary rule through `Float`: its value only.
    @inlinable
    public static func _apply<R: BinaryRule>(
      _ rule: R, _ x: Float16, _ y: Float16
    ) -> Float16 {
      Float16(rule.value(Float(x), Float(y)))
    }
  }
#endif
