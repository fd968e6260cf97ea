/// A dual number `a + b·ε` with ε² = 0: a value and its partial derivatives,
/// carried together through any generic function.
///
/// ```swift
/// let x = Dual<Double>(3, partials: 1)       // x = 3 + ε
/// let y = x * x + sin(x)                     // y.partials == 6 + cos 3
/// ```
///
/// `Dual` is generic over its tangent storage (``DualPartials``):
/// - `Dual<Double>`, `Dual<Float>`: one tangent, one directional derivative;
/// - `Dual<SIMD8<Double>>` (widths 2 to 64): n partials in one Swift SIMD
///   vector, so one evaluation yields n partial derivatives: a whole
///   gradient in one pass;
/// - `Dual<Dual<Double>>`: a dual of duals, for higher derivatives.
///
/// Comparison is **by value only**, so a branch inside differentiated code
/// takes the same path whatever the tangent type or width. Most users never
/// build a `Dual` by hand: the drivers (``derivative(at:of:)``,
/// ``gradient(at:of:)``, ``jacobian(at:of:)``) seed and read them.
@frozen
public struct Dual<Partials: DualPartials> {
  /// The type of the value: `Double` for `Dual<SIMD8<Double>>`.
  public typealias Value = Partials.Scalar

  /// The value f(a).
  public var value: Value
  /// The partial derivatives of ``value`` with respect to each seeded
  /// input: ∂f/∂xᵢ in lane i.
  public var partials: Partials

  /// A value with the given partial derivatives.
  @inlinable
  public init(_ value: Value, partials: Partials) {
    self.value = value
    self.partials = partials
  }

  /// A constant: the value with all partials zero.
  @inlinable
  public init(_ value: Value) {
    self.init(value, partials: .zero)
  }

  /// The `index`-th independent variable: the value with partial 1 in lane
  /// `index` and 0 elsewhere.
  ///
  /// ```swift
  /// let x = try Dual<SIMD2<Double>>(3, seed: 0)   // 3.0 + [1.0, 0.0]ε
  /// ```
  ///
  /// - Throws: ``EpsilonError/seedOutOfRange(index:partialCount:)`` unless
  ///   `0 <= index < Partials.partialCount`.
  @inlinable
  public init(_ value: Value, seed index: Int) throws(EpsilonError) {
    self.init(value, partials: try ._checkedUnitPartials(index))
  }
}

extension Dual: Sendable where Partials: Sendable, Partials.Scalar: Sendable {}

extension Dual: CustomStringConvertible {
  /// The value and partials as `3.0 + 2.0ε`, or `3.0 + [1.0, 0.0]ε` for SIMD
  /// partials.
  public var description: String {
    "\(value) + \(partials.partialsDescription)ε"
  }
}
