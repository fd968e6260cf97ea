// A dual number as the adjoint of a reverse sweep (forward over reverse):
// whether it is exactly zero, partials included, which the sweep may skip
// (comparison with `==` looks at the value only, which would drop nonzero
// partials); its annihilating product; and the plain product the sweep
// takes first, with the NaN test that tells whether it may keep it.

extension Dual {
  /// Whether the value and every partial are exactly zero.
  @inlinable
  public var _isExactlyZero: Bool {
    guard value._isExactlyZero else { return false }
    for i in 0..<Partials.partialCount
    where !partials.partial(i)._isExactlyZero {
      return false
    }
    return true
  }

  /// `a · b`, zero annihilating: ``scaled(by:)``, whose value's product
  /// annihilates too. In a sweep over dual adjoints (forward over
  /// reverse), an infinite adjoint meeting a partial whose value is 0
  /// (`sqrt` of x² + y² at the origin) then gives the plain tape's
  /// gradient, 0, not NaN.
  @inlinable
  public static func _annihilatingProduct(_ a: Self, _ b: Self) -> Self {
    b.scaled(by: a)
  }

  /// Plain when both the value's product and the partials' combine are:
  /// duals of plain numbers with SIMD or one-lane partials, and duals of
  /// those.
  @inlinable public static var _hasPlainProduct: Bool {
    Value._hasPlainProduct && Partials._combinesPlainly
  }

  /// `a · b` with no test of its factors: the value's plain product and
  /// the partials' plain combine, in the order of `a * b`.
  @inlinable @inline(__always)
  public static func _plainProduct(_ a: Self, _ b: Self) -> Self {
    Self(
      Value._plainProduct(a.value, b.value),
      partials: ._plainCombine(b.value, a.partials, a.value, b.partials))
  }

  /// Whether the value or any partial has a NaN part.
  @inlinable public var _hasNaNPart: Bool {
    value._hasNaNPart || partials._hasNaNPartial
  }
}
