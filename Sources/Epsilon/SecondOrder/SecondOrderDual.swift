/// A number carrying its value, gradient and full Hessian with respect to up
/// to 16 inputs through one evaluation: dense second-order forward mode.
///
/// ```swift
/// let x = try SecondOrderDual<SIMD2<Double>>(2, seed: 0)
/// let y = try SecondOrderDual<SIMD2<Double>>(3, seed: 1)
/// let f = (x + 5) * y * y
/// // f.gradient == [9, 42]; f.hessian == [0, 6, 6, 14] (row-major 2 × 2)
/// ```
///
/// Where ``HyperDual`` carries two independent first parts, this type
/// carries one gradient g and the Hessian H of the same inputs:
///
/// ```
/// unary f:   g′ = f′(a)·g,           H′ = f′(a)·H + f″(a)·g gᵀ
/// product:   g = b·g_a + a·g_b,      H = b·H_a + a·H_b + g_a g_bᵀ + g_b g_aᵀ
/// ```
///
/// The storage (``HyperDualPartials`` with ε₁ = ε₂) is the gradient in one
/// SIMD vector and H in full, row-major, as n rows of SIMD lanes, so every
/// update is a handful of whole-vector multiply-adds:
/// - `SecondOrderDual<SIMD8<Double>>`: 8 + 64 lanes;
/// - `SecondOrderDual<SIMD16<Double>>`: 16 + 256 lanes;
/// - `SecondOrderDual<Double>`: one input, value with f′ and f″.
///
/// Storing both triangles costs twice the multiply-adds of a packed
/// triangle but keeps every row a contiguous vector; the Hessian comes out
/// symmetric because each update is.
@frozen
public struct SecondOrderDual<Partials: HyperDualPartials>
where Partials.Epsilon2 == Partials.Epsilon1 {
  /// The type of the value: `Double` for `SecondOrderDual<SIMD8<Double>>`.
  public typealias Value = Partials.Scalar
  /// The gradient's storage: one lane per input.
  public typealias Gradient = Partials.Epsilon1
  /// The Hessian's storage: lane `i·n + j` is ∂²f/∂xᵢ∂xⱼ.
  public typealias HessianBlock = Partials.Epsilon12

  /// The value f(a).
  public var value: Value
  /// The gradient of ``value``: ∂f/∂xᵢ in lane i.
  public var gradient: Gradient
  /// The Hessian of ``value``, row-major: ∂²f/∂xᵢ∂xⱼ in lane `i·n + j`.
  public var hessian: HessianBlock

  /// A value with the given gradient and Hessian.
  @inlinable
  public init(
    _ value: Value, gradient: Gradient, hessian: HessianBlock = .zero
  ) {
    self.value = value
    self.gradient = gradient
    self.hessian = hessian
  }

  /// A constant: gradient and Hessian zero.
  @inlinable
  public init(_ value: Value) {
    self.init(value, gradient: .zero, hessian: .zero)
  }

  /// The `index`-th input: gradient 1 in lane `index`, Hessian zero.
  ///
  /// - Throws: ``EpsilonError/seedOutOfRange(index:partialCount:)`` unless
  ///   `0 <= index < Gradient.partialCount`.
  @inlinable
  public init(_ value: Value, seed index: Int) throws(EpsilonError) {
    self.init(
      value, gradient: try ._checkedUnitPartials(index), hessian: .zero)
  }
}

extension SecondOrderDual: Sendable
where
  Partials.Scalar: Sendable, Partials.Epsilon1: Sendable,
  Partials.Epsilon12: Sendable
{}

extension SecondOrderDual: CustomStringConvertible {
  /// The value, gradient and Hessian lanes as `63.0 + [9.0, 42.0]∇ +
  /// [0.0, 6.0, 6.0, 14.0]∇²`.
  public var description: String {
    "\(value) + \(gradient.partialsDescription)∇"
      + " + \(hessian.partialsDescription)∇²"
  }
}
