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
  /// Whether the number is zero (a plain number has no derivatives).
  @inlinable public var _isExactlyZero: Bool { self == 0 }
  /// A plain number's product `a * b` is plain arithmetic.
  @inlinable public static var _hasPlainProduct: Bool { true }
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
