// Epsilon's NaN safety, defined once: in every product a tangent takes
// part in, zero annihilates. Every tangent algebra multiplies through the
// functions below: the scalar, SIMD and pair partials' `scaled(by:)` and
// `combine`, a nested dual's products, the hyper-dual outer products, and
// a reverse sweep's adjoint · partial.

extension ADScalar {
  /// `c · self`, except that zero annihilates: a zero on either side gives
  /// zero even when the other is ±∞ or NaN.
  ///
  /// A zero tangent says "this does not depend on the input": it must stay
  /// zero even where the local derivative is infinite (`sqrt` at 0), so
  /// that an input or constant never acquires NaN partials from it. A zero
  /// factor is a constant 0 (or a zero value) multiplying the tangent: the
  /// derivative of 0·g is 0 whatever g′ is (ForwardDiff's NaN-safe mode).
  /// The differential fuzzer finds second-order lanes that need the latter
  /// (`tanh` saturating inside a nested evaluation).
  @inlinable
  public func scaled(by c: Self) -> Self {
    self == 0 || c == 0 ? 0 : c * self
  }

  /// `a · b`, zero annihilating: ``scaled(by:)``.
  @inlinable
  public static func _annihilatingProduct(_ a: Self, _ b: Self) -> Self {
    b.scaled(by: a)
  }
}

extension DualPartials {
  /// `a·x + b·y`, each product zero annihilating as ``scaled(by:)``: the
  /// whole of `combine` for scalar and nested-dual tangents, and the path
  /// of the SIMD ones where a factor is zero, infinite or NaN.
  @inlinable @inline(__always)
  static func _annihilatingCombine(
    _ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self
  ) -> Self {
    sum(x.scaled(by: a), y.scaled(by: b))
  }
}

extension SIMD where Scalar: ADScalar {
  /// Whether `c` is finite and not zero: then `c · x` needs no guard, and
  /// the plain vector product is the annihilating one.
  ///
  /// `c − c` is 0 exactly when `c` is finite: two floating compares, where
  /// `c.magnitude < .infinity` became an integer test of the exponent bits,
  /// several times longer.
  @inlinable @inline(__always)
  static func _isFiniteNonzero(_ c: Scalar) -> Bool { c != 0 && c - c == 0 }

  /// `c · self`, each lane by the scalar `scaled(by:)` above: what
  /// `scaled(by:)` does when `c` is zero, infinite or NaN.
  @inlinable @inline(__always)
  func _annihilatingScaled(by c: Scalar) -> Self {
    Self._lanewise(self, self) { a, _ in a.scaled(by: c) }
  }
}
