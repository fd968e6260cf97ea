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
}
