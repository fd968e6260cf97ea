// A dual number as the tangent of another: `Dual<Dual<Double>>` carries a
// derivative of a derivative, for second and higher derivatives.

extension Dual: DualPartials {
  /// A dual number is one tangent lane.
  @inlinable public static var partialCount: Int { 1 }

  /// The unit tangent, 1 + 0ε.
  @inlinable
  public static func unitPartials(_ index: Int) -> Self { 1 }

  /// The tangent itself.
  @inlinable public func partial(_ index: Int) -> Self { self }

  /// The sum of two tangents.
  @inlinable
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self { lhs + rhs }
  /// The difference of two tangents.
  @inlinable
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    lhs - rhs
  }
  /// The negated tangent.
  @inlinable public func negated() -> Self { -self }

  /// `c · self`, by dual multiplication. NaN safety applies to the innermost
  /// lanes only: nested duals multiply as IEEE arithmetic does.
  @inlinable public func scaled(by c: Self) -> Self { c * self }

  /// `a·x + b·y` by dual arithmetic.
  @inlinable
  public static func combine(_ a: Self, _ x: Self, _ b: Self, _ y: Self)
    -> Self
  {
    a * x + b * y
  }

  /// The tangent as text, in parentheses: `(1.0 + 0.0ε)`.
  public var partialsDescription: String { "(\(description))" }
}
