/// A hyper-dual number `a + b·ε₁ + c·ε₂ + d·ε₁ε₂` with ε₁² = ε₂² = 0 and
/// ε₁ε₂ ≠ 0: a value, two first derivatives and their mixed second
/// derivative, all exact (Fike & Alonso, AIAA 2011-886).
///
/// ```swift
/// let x = HyperDual<Double>(5, epsilon1: 1, epsilon2: 1)   // 5 + ε₁ + ε₂
/// let y = x * x * x
/// // y.epsilon1 == 75, y.epsilon12 == 30: f′(5) and f″(5) of x³
/// ```
///
/// For a unary f, the rule every elementary function follows is
///
/// ```
/// f(a + b₁ε₁ + b₂ε₂ + b₁₂ε₁ε₂)
///   = f(a) + f′(a)·b₁ε₁ + f′(a)·b₂ε₂ + (f′(a)·b₁₂ + f″(a)·b₁b₂)ε₁ε₂
/// ```
///
/// so seeding ε₁ along one input and ε₂ along another gives the mixed
/// second partial derivative in ``epsilon12``, with no truncation error.
///
/// `HyperDual` is generic over its tangent storage (``HyperDualPartials``):
/// - `HyperDual<Double>`, `HyperDual<Float>`: one derivative per part;
/// - `HyperDual<SIMD8<Double>>` (widths 2, 4, 8, 16): n seeds in ε₁ and n
///   in ε₂, so one evaluation yields an n × n block of the Hessian in
///   ``epsilon12`` (row-major);
/// - `HyperDual<HyperDualRowBlock<SIMD8<Double>>>`: one direction v in ε₁
///   and eight seeds in ε₂, for eight entries of H·v.
///
/// Comparison is **by value only**. Most users never build one by hand:
/// ``secondDerivative(at:of:)``, the `.hyperDual` strategy of
/// ``hessian(of:at:strategy:)`` and ``hessianVectorProduct(of:at:along:)``
/// seed and read them.
@frozen
public struct HyperDual<Partials: HyperDualPartials> {
  /// The type of the value: `Double` for `HyperDual<SIMD8<Double>>`.
  public typealias Value = Partials.Scalar

  /// The value f(a).
  public var value: Value
  /// The derivatives of ``value`` along the ε₁ seeds: ∂f/∂xᵢ in lane i.
  public var epsilon1: Partials.Epsilon1
  /// The derivatives of ``value`` along the ε₂ seeds: ∂f/∂yⱼ in lane j.
  public var epsilon2: Partials.Epsilon2
  /// The mixed second derivatives, ∂²f/∂xᵢ∂yⱼ in lane `i·n₂ + j`: the
  /// derivative of ``epsilon1`` along the ε₂ seeds.
  public var epsilon12: Partials.Epsilon12

  /// A value with the given derivative parts.
  @inlinable
  public init(
    _ value: Value, epsilon1: Partials.Epsilon1,
    epsilon2: Partials.Epsilon2, epsilon12: Partials.Epsilon12 = .zero
  ) {
    self.value = value
    self.epsilon1 = epsilon1
    self.epsilon2 = epsilon2
    self.epsilon12 = epsilon12
  }

  /// A constant: the value with every derivative part zero.
  @inlinable
  public init(_ value: Value) {
    self.init(value, epsilon1: .zero, epsilon2: .zero, epsilon12: .zero)
  }

  /// An input seeded along lane `first` of ε₁ and lane `second` of ε₂
  /// (`nil`: not along that part), for building hyper-duals by hand.
  ///
  /// ```swift
  /// let x = try HyperDual<Double>(5, seed: 0, 0)   // 5 + ε₁ + ε₂
  /// (x * x * x).epsilon12                          // 30.0
  /// ```
  ///
  /// - Throws: ``EpsilonError/seedOutOfRange(index:partialCount:)`` for a
  ///   lane outside ``epsilon1`` or ``epsilon2``.
  @inlinable
  public init(_ value: Value, seed first: Int?, _ second: Int?)
    throws(EpsilonError)
  {
    self.init(
      value,
      epsilon1: try first.map(Partials.Epsilon1._checkedUnitPartials) ?? .zero,
      epsilon2: try second.map(Partials.Epsilon2._checkedUnitPartials) ?? .zero)
  }
}

extension HyperDual: Sendable
where
  Partials.Scalar: Sendable, Partials.Epsilon1: Sendable,
  Partials.Epsilon2: Sendable, Partials.Epsilon12: Sendable
{}

extension HyperDual: CustomStringConvertible {
  /// The value and parts as `125.0 + 75.0ε₁ + 75.0ε₂ + 30.0ε₁ε₂`.
  public var description: String {
    "\(value) + \(epsilon1.partialsDescription)ε₁"
      + " + \(epsilon2.partialsDescription)ε₂"
      + " + \(epsilon12.partialsDescription)ε₁ε₂"
  }
}
