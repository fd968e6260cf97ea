// The algebra of second-order numbers, written once:
// (a + b₁ε₁ + b₂ε₂ + b₁₂ε₁ε₂) ∘ (c + d₁ε₁ + d₂ε₂ + d₁₂ε₁ε₂) with
// ε₁² = ε₂² = 0, and the chain rule to second order through which every
// elementary function of the shared rule table reaches them. `HyperDual`
// and `SecondOrderDual` (a hyper-dual whose ε₂ is its ε₁) each supply only
// their storage, seeds and operators.

/// A number with a value, two first-order parts ε₁ and ε₂ and their mixed
/// second-order part ε₁₂: ``HyperDual``, and ``SecondOrderDual``, whose
/// ε₂ is its ε₁ (its gradient) and ε₁₂ its Hessian.
///
/// The extension holds the algebra both share: sum, difference, negation,
/// product, quotient and the chain rule for unary and binary rules (their
/// ``ChainRuleApplicable`` conformance).
@usableFromInline
protocol _HyperDualAlgebra: ChainRuleApplicable
where Value == Partials.Scalar {
  /// The storage of the parts.
  associatedtype Partials: HyperDualPartials

  /// The value.
  var value: Partials.Scalar { get }
  /// The derivatives along the ε₁ seeds.
  var epsilon1: Partials.Epsilon1 { get }
  /// The derivatives along the ε₂ seeds.
  var epsilon2: Partials.Epsilon2 { get }
  /// The mixed second derivatives.
  var epsilon12: Partials.Epsilon12 { get }

  /// A number with the given parts. A type whose ε₂ is its ε₁ ignores
  /// `epsilon2`, which `_epsilon2(_:_:)` then made `epsilon1`.
  init(
    _ value: Partials.Scalar, epsilon1: Partials.Epsilon1,
    epsilon2: Partials.Epsilon2, epsilon12: Partials.Epsilon12)

  /// The ε₂ part of a result whose ε₁ part is `epsilon1`: `epsilon2` where
  /// the two first parts are independent, `epsilon1` itself where they are
  /// one. Then `epsilon2`, pure arithmetic, is unused and the optimiser
  /// drops it. (Passed as a value, not an autoclosure: with the closure,
  /// the scalar hyper-dual's products compiled to more branches.)
  static func _epsilon2(
    _ epsilon1: Partials.Epsilon1,
    _ epsilon2: Partials.Epsilon2
  ) -> Partials.Epsilon2
}

extension _HyperDualAlgebra {
  /// Adds part by part.
  @inlinable
  static func _sum(_ lhs: Self, _ rhs: Self) -> Self {
    let e1 = Partials.Epsilon1.sum(lhs.epsilon1, rhs.epsilon1)
    return Self(
      lhs.value + rhs.value, epsilon1: e1,
      epsilon2: _epsilon2(e1, .sum(lhs.epsilon2, rhs.epsilon2)),
      epsilon12: .sum(lhs.epsilon12, rhs.epsilon12))
  }

  /// Subtracts part by part.
  @inlinable
  static func _difference(_ lhs: Self, _ rhs: Self) -> Self {
    let e1 = Partials.Epsilon1.difference(lhs.epsilon1, rhs.epsilon1)
    return Self(
      lhs.value - rhs.value, epsilon1: e1,
      epsilon2: _epsilon2(e1, .difference(lhs.epsilon2, rhs.epsilon2)),
      epsilon12: .difference(lhs.epsilon12, rhs.epsilon12))
  }

  /// Negates every part.
  @inlinable
  static func _negation(_ operand: Self) -> Self {
    let e1 = operand.epsilon1.negated()
    return Self(
      -operand.value, epsilon1: e1,
      epsilon2: _epsilon2(e1, operand.epsilon2.negated()),
      epsilon12: operand.epsilon12.negated())
  }

  /// The product; the ε₁ε₂ part gains the cross terms of the first parts.
  ///
  /// ```
  /// ac + (c·b₁ + a·d₁)ε₁ + (c·b₂ + a·d₂)ε₂
  ///    + (c·b₁₂ + a·d₁₂ + b₁⊗d₂ + d₁⊗b₂)ε₁ε₂
  /// ```
  @inlinable
  static func _product(_ lhs: Self, _ rhs: Self) -> Self {
    let a = lhs.value
    let c = rhs.value
    // The value first, then the parts in order: computed in another order,
    // the zero tests of the scalar parts' products compiled to more
    // branches.
    let value = a * c
    let e1 = Partials.Epsilon1.combine(c, lhs.epsilon1, a, rhs.epsilon1)
    return Self(
      value, epsilon1: e1,
      epsilon2: _epsilon2(e1, .combine(c, lhs.epsilon2, a, rhs.epsilon2)),
      epsilon12: Partials._adding(
        .combine(c, lhs.epsilon12, a, rhs.epsilon12),
        outerProductSum: lhs.epsilon1, rhs.epsilon2, rhs.epsilon1,
        lhs.epsilon2))
  }

  /// The quotient q = x/y, from x = q·y solved part by part.
  ///
  /// ```
  /// q = a/c,  q₁ = (b₁ − q·d₁)/c,  q₂ = (b₂ − q·d₂)/c,
  /// q₁₂ = (b₁₂ − q·d₁₂ − q₁⊗d₂ − d₁⊗q₂)/c
  /// ```
  ///
  /// The value is the correctly rounded a/c, not a·(1/c); the parts use
  /// one reciprocal, each as `DualPartials._quotient` forms it.
  @inlinable
  static func _quotient(_ lhs: Self, _ rhs: Self) -> Self {
    let q = lhs.value / rhs.value
    let r = 1 / rhs.value
    let e1 = Partials.Epsilon1._quotient(
      lhs.epsilon1, q, rhs.epsilon1, reciprocal: r)
    let e2 = _epsilon2(
      e1,
      Partials.Epsilon2._quotient(lhs.epsilon2, q, rhs.epsilon2, reciprocal: r))
    let cross = Partials.outerProductSum(e1, rhs.epsilon2, rhs.epsilon1, e2)
    return Self(
      q, epsilon1: e1, epsilon2: e2,
      epsilon12: .difference(
        ._quotient(lhs.epsilon12, q, rhs.epsilon12, reciprocal: r),
        cross.scaled(by: r)))
  }

  /// f(a + b₁ε₁ + b₂ε₂ + b₁₂ε₁ε₂)
  /// = f(a) + f′·b₁ε₁ + f′·b₂ε₂ + (f′·b₁₂ + f″·b₁⊗b₂)ε₁ε₂
  ///
  /// For a ``SecondOrderDual`` (ε₂ = ε₁ = g, ε₁₂ = H): gradient f′·g and
  /// Hessian f′·H + f″·g gᵀ.
  @inlinable
  public func chain(
    _ f0: Partials.Scalar, _ f1: Partials.Scalar,
    _ f2: @autoclosure () -> Partials.Scalar
  ) -> Self {
    let e1 = epsilon1.scaled(by: f1)
    return Self(
      f0, epsilon1: e1, epsilon2: Self._epsilon2(e1, epsilon2.scaled(by: f1)),
      epsilon12: Partials._adding(
        epsilon12.scaled(by: f1),
        outerProduct: epsilon1, epsilon2.scaled(by: f2())))
  }

  /// f(x, y) with first parts fx·x₁ + fy·y₁ (and likewise ε₂), and
  ///
  /// ```
  /// ε₁ε₂: fx·x₁₂ + fy·y₁₂ + x₁⊗(fxx·x₂ + fxy·y₂) + y₁⊗(fxy·x₂ + fyy·y₂)
  /// ```
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: Partials.Scalar,
    partials fx: Partials.Scalar, _ fy: Partials.Scalar,
    second:
      @autoclosure () -> (
        firstFirst: Partials.Scalar, firstSecond: Partials.Scalar,
        secondSecond: Partials.Scalar
      )
  ) -> Self {
    let s = second()
    let e1 = Partials.Epsilon1.combine(fx, x.epsilon1, fy, y.epsilon1)
    return Self(
      f0, epsilon1: e1,
      epsilon2: _epsilon2(e1, .combine(fx, x.epsilon2, fy, y.epsilon2)),
      epsilon12: Partials._adding(
        .combine(fx, x.epsilon12, fy, y.epsilon12),
        outerProductSum: x.epsilon1,
        .combine(s.firstFirst, x.epsilon2, s.firstSecond, y.epsilon2),
        y.epsilon1,
        .combine(s.firstSecond, x.epsilon2, s.secondSecond, y.epsilon2)))
  }
}
