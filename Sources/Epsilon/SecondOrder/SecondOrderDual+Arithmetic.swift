// The algebra of second-order numbers, the one thing SecondOrderDual writes
// itself: value, gradient and Hessian of sums, products and quotients.
// Every other function comes from the shared rule table through
// SecondOrderDual+ChainRule.swift.

extension SecondOrderDual {
  /// Adds value, gradient and Hessian.
  @inlinable
  static func _sum(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value + rhs.value, gradient: .sum(lhs.gradient, rhs.gradient),
      hessian: .sum(lhs.hessian, rhs.hessian))
  }

  /// Subtracts value, gradient and Hessian.
  @inlinable
  static func _difference(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value - rhs.value,
      gradient: .difference(lhs.gradient, rhs.gradient),
      hessian: .difference(lhs.hessian, rhs.hessian))
  }

  /// Negates value, gradient and Hessian.
  @inlinable
  static func _negation(_ operand: Self) -> Self {
    Self(
      -operand.value, gradient: operand.gradient.negated(),
      hessian: operand.hessian.negated())
  }

  /// The product rule to second order.
  ///
  /// ```
  /// ab,  b·g_a + a·g_b,  b·H_a + a·H_b + g_a g_bᵀ + g_b g_aᵀ
  /// ```
  @inlinable
  static func _product(_ lhs: Self, _ rhs: Self) -> Self {
    let a = lhs.value
    let b = rhs.value
    return Self(
      a * b,
      gradient: .combine(b, lhs.gradient, a, rhs.gradient),
      hessian: .sum(
        .combine(b, lhs.hessian, a, rhs.hessian),
        Partials.outerProductSum(
          lhs.gradient, rhs.gradient, rhs.gradient, lhs.gradient)))
  }

  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

  /// The quotient q = x/y, from x = q·y solved order by order.
  ///
  /// ```
  /// q = a/c,  g_q = (g_a − q·g_c)/c,
  /// H_q = (H_a − q·H_c − g_q g_cᵀ − g_c g_qᵀ)/c
  /// ```
  ///
  /// The value is the correctly rounded a/c; the rest uses one reciprocal,
  /// each part as `DualPartials._quotient` forms it.
  @inlinable
  static func _quotient(_ lhs: Self, _ rhs: Self) -> Self {
    let q = lhs.value / rhs.value
    let r = 1 / rhs.value
    let g = Gradient._quotient(lhs.gradient, q, rhs.gradient, reciprocal: r)
    let cross = Partials.outerProductSum(g, rhs.gradient, rhs.gradient, g)
    return Self(
      q, gradient: g,
      hessian: .difference(
        ._quotient(lhs.hessian, q, rhs.hessian, reciprocal: r),
        cross.scaled(by: r)))
  }
}

// The operators: each forwards to the algebra above. (SecondOrderDual is
// built by the Hessian strategies, not handed to closures, so it has no
// concrete overloads.)
extension SecondOrderDual {
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
