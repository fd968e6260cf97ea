// Whether a dual number is exactly zero, partials included: what a reverse
// sweep over dual adjoints (forward over reverse) may skip. Comparison with
// `==` looks at the value only, which would drop nonzero partials.

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
}
