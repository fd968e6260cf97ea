// The algebra of dual numbers, the one thing Dual writes itself:
// (a + b·ε) ∘ (c + d·ε) with ε² = 0. Every other function comes from the
// shared rule table through Dual+ChainRule.swift.

extension Dual {
  /// (a + bε) + (c + dε) = (a + c) + (b + d)ε
  @inlinable @inline(__always)
  public static func + (lhs: Self, rhs: Self) -> Self { _sum(lhs, rhs) }

  /// (a + bε) − (c + dε) = (a − c) + (b − d)ε
  @inlinable @inline(__always)
  public static func - (lhs: Self, rhs: Self) -> Self {
    _difference(lhs, rhs)
  }

  /// −(a + bε) = −a − bε
  @inlinable @inline(__always)
  public static prefix func - (operand: Self) -> Self { _negation(operand) }

  /// (a + bε)(c + dε) = ac + (c·b + a·d)ε
  @inlinable @inline(__always)
  public static func * (lhs: Self, rhs: Self) -> Self { _product(lhs, rhs) }

  /// Multiplication in place.
  @inlinable @inline(__always)
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

  /// (a + bε)/(c + dε) = a/c + (b − (a/c)·d)/c · ε
  ///
  /// The value is the correctly rounded a/c, not a·(1/c) (ForwardDiff: "(x/y)
  /// === (x * (1/y)) doesn't generally hold true for floating point"); the
  /// partials are (b − q·d)·(1/c), see `DualPartials._quotient`.
  @inlinable @inline(__always)
  public static func / (lhs: Self, rhs: Self) -> Self { _quotient(lhs, rhs) }
}

// The algebra itself, shared by the generic operators above and the
// concrete ones in Dual+ConcreteOperators.swift. Always inlined: each is a
// few vector instructions, and left to the inliner a product of SIMD8
// partials stayed a call, its 72-byte operands passed through memory.
extension Dual {
  @inlinable @inline(__always)
  static func _sum(_ lhs: Self, _ rhs: Self) -> Self {
    Self(lhs.value + rhs.value, partials: .sum(lhs.partials, rhs.partials))
  }

  @inlinable @inline(__always)
  static func _difference(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value - rhs.value,
      partials: .difference(lhs.partials, rhs.partials))
  }

  @inlinable @inline(__always)
  static func _negation(_ operand: Self) -> Self {
    Self(-operand.value, partials: operand.partials.negated())
  }

  @inlinable @inline(__always)
  static func _product(_ lhs: Self, _ rhs: Self) -> Self {
    Self(
      lhs.value * rhs.value,
      partials: .combine(rhs.value, lhs.partials, lhs.value, rhs.partials))
  }

  @inlinable @inline(__always)
  static func _quotient(_ lhs: Self, _ rhs: Self) -> Self {
    let q = lhs.value / rhs.value
    let r = 1 / rhs.value
    return Self(
      q, partials: ._quotient(lhs.partials, q, rhs.partials, reciprocal: r))
  }
}
