// SecondOrderDual's operators. The algebra itself is written once, for
// every second-order number, in HyperDualAlgebra.swift: a SecondOrderDual
// is a hyper-dual whose ε₂ is its ε₁ (the gradient) and whose ε₁₂ is its
// Hessian.

extension SecondOrderDual: _HyperDualAlgebra {
  /// The gradient, as the shared algebra's ε₁.
  @inlinable @inline(__always)
  var epsilon1: Gradient { gradient }
  /// The gradient, as the shared algebra's ε₂.
  @inlinable @inline(__always)
  var epsilon2: Gradient { gradient }
  /// The Hessian, as the shared algebra's ε₁₂.
  @inlinable @inline(__always)
  var epsilon12: HessianBlock { hessian }

  /// A number with the given parts; `epsilon2` is `epsilon1`.
  @inlinable @inline(__always)
  init(
    _ value: Value, epsilon1: Gradient, epsilon2: Gradient,
    epsilon12: HessianBlock
  ) {
    self.init(value, gradient: epsilon1, hessian: epsilon12)
  }

  /// ε₂ is ε₁: the gradient, computed once (the unused `epsilon2` is
  /// dropped by the optimiser).
  @inlinable @inline(__always)
  static func _epsilon2(
    _ epsilon1: Gradient, _ epsilon2: Gradient
  ) -> Gradient {
    epsilon1
  }
}

// The operators. (SecondOrderDual is built by the Hessian strategies, not
// handed to closures, so it has no concrete overloads.)
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
  /// Product, by the product rule to second order.
  @inlinable
  public static func * (lhs: Self, rhs: Self) -> Self { _product(lhs, rhs) }
  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
  /// Quotient: the correctly rounded value, and the gradient and Hessian
  /// from x = q·y.
  @inlinable
  public static func / (lhs: Self, rhs: Self) -> Self { _quotient(lhs, rhs) }
}
