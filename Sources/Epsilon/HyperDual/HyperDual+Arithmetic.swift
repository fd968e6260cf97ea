// The algebra of hyper-dual numbers, the one thing HyperDual writes itself:
// (a + b₁ε₁ + b₂ε₂ + b₁₂ε₁ε₂) ∘ (c + d₁ε₁ + d₂ε₂ + d₁₂ε₁ε₂) with
// ε₁² = ε₂² = 0. Every other function comes from the shared rule table
// through HyperDual+ChainRule.swift.

extension HyperDual {
  /// Adds part by part.
  @inlinable
  static func _sum(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value + rhs.value, epsilon1: .sum(lhs.epsilon1, rhs.epsilon1),
      epsilon2: .sum(lhs.epsilon2, rhs.epsilon2),
      epsilon12: .sum(lhs.epsilon12, rhs.epsilon12))
  }

  /// Subtracts part by part.
  @inlinable
  static func _difference(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value - rhs.value,
      epsilon1: .difference(lhs.epsilon1, rhs.epsilon1),
      epsilon2: .difference(lhs.epsilon2, rhs.epsilon2),
      epsilon12: .difference(lhs.epsilon12, rhs.epsilon12))
  }

  /// Negates every part.
  @inlinable
  static func _negation(_ operand: Self) -> Self {
    Self(
      -operand.value, epsilon1: operand.epsilon1.negated(),
      epsilon2: operand.epsilon2.negated(),
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
    return Self(
      a * c,
      epsilon1: .combine(c, lhs.epsilon1, a, rhs.epsilon1),
      epsilon2: .combine(c, lhs.epsilon2, a, rhs.epsilon2),
      epsilon12: .sum(
        .combine(c, lhs.epsilon12, a, rhs.epsilon12),
        Partials.outerProductSum(
          lhs.epsilon1, rhs.epsilon2, rhs.epsilon1, lhs.epsilon2)))
  }

  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

  /// The quotient q = x/y, from x = q·y solved part by part.
  ///
  /// ```
  /// q = a/c,  q₁ = (b₁ − q·d₁)/c,  q₂ = (b₂ − q·d₂)/c,
  /// q₁₂ = (b₁₂ − q·d₁₂ − q₁⊗d₂ − d₁⊗q₂)/c
  /// ```
  ///
  /// The value is the correctly rounded a/c; the parts use one reciprocal,
  /// each as `DualPartials._quotient` forms it.
  @inlinable
  static func _quotient(_ lhs: Self, _ rhs: Self) -> Self {
    let q = lhs.value / rhs.value
    let r = 1 / rhs.value
    let e1 = Partials.Epsilon1._quotient(
      lhs.epsilon1, q, rhs.epsilon1, reciprocal: r)
    let e2 = Partials.Epsilon2._quotient(
      lhs.epsilon2, q, rhs.epsilon2, reciprocal: r)
    let cross = Partials.outerProductSum(e1, rhs.epsilon2, rhs.epsilon1, e2)
    return Self(
      q, epsilon1: e1, epsilon2: e2,
      epsilon12: .difference(
        ._quotient(lhs.epsilon12, q, rhs.epsilon12, reciprocal: r),
        cross.scaled(by: r)))
  }
}

// The operators: each forwards to the algebra above, which the concrete
// overloads in HyperDual+ConcreteOperators.swift share.
extension HyperDual {
  /// Sum, part by part.
  @inlinable
  public static func + (lhs: Self, rhs: Self) -> Self { _sum(lhs, rhs) }
  /// Difference, part by part.
  @inlinable
  public static func - (lhs: Self, rhs: Self) -> Self {
    _difference(lhs, rhs)
  }
  /// Negation of every part.
  @inlinable
  public static prefix func - (operand: Self) -> Self { _negation(operand) }
  /// Product.
  @inlinable
  public static func * (lhs: Self, rhs: Self) -> Self { _product(lhs, rhs) }
  /// Quotient.
  @inlinable
  public static func / (lhs: Self, rhs: Self) -> Self { _quotient(lhs, rhs) }
}
