// The calculus of every built-in function of two variables, written once:
// f, ∂x, ∂y and ∂xx, ∂xy, ∂yy. Goals and conventions as in UnaryRules.swift.

// MARK: - Powers

extension Rules {
  /// xʸ with both arguments active.
  ///
  /// ∂x = y·xʸ⁻¹, ∂y = xʸ·ln x; ∂xx = y(y−1)·xʸ⁻², ∂xy = xʸ⁻¹(1 + y ln x),
  /// ∂yy = xʸ·ln²x.
  ///
  /// Conventions (Ceres' `pow` cases, made one rule): at y = 0, ∂x = 0 (xʸ
  /// is constant in x); at x = 0, ∂y = ∂xy = ∂yy = 0 (the limit from
  /// x > 0 for y > 0); for x < 0, ∂y is NaN (xʸ is not real near a
  /// non-integer y), which a constant exponent's zero partials mask out.
  ///
  /// The partials are written so that differentiating them again (nested
  /// duals, forward over reverse, a tape over a tape) gives the second
  /// partials above, kinks included: ∂x is y·xʸ⁻¹ itself at y = 0 (its
  /// value 0, its derivative along y the cross term 1/x), and on the axis
  /// x = 0, where ∂y is the constant 0, ∂x takes y as a constant, so that
  /// ∂xy is 0 whichever partial is differentiated.
  public struct Pow: BinaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable
    public func value(_ x: Double, _ y: Double) -> Double { _libm_pow(x, y) }
    @inlinable
    public func value(_ x: Float, _ y: Float) -> Float { _libm_pow(x, y) }
    @inlinable
    public func partials<T: ADReal>(at x: T, _ y: T, value f: T) -> (first: T, second: T) {
      if x == 0 {
        // 0·0⁻¹ would be NaN; xʸ is constant in x at y = 0.
        if y == 0 { return (0, 0) }
        let c = T._apply(Rules._Constant(), y)
        return (c * T.pow(x, c - 1), 0)
      }
      return (y * T.pow(x, y - 1), f * T.log(x))
    }
    @inlinable
    public func secondPartials<T: ADReal>(
      at x: T, _ y: T, value f: T, partials: (first: T, second: T)
    ) -> (firstFirst: T, firstSecond: T, secondSecond: T) {
      // y·((y − 1)·xʸ⁻²), associated as differentiating ∂x gives it.
      let xx: T = y == 0 || y == 1 ? 0 : y * ((y - 1) * T.pow(x, y - 2))
      if x == 0 { return (xx, 0, 0) }
      let lnx = T.log(x)
      return (xx, T.pow(x, y - 1) * (1 + y * lnx), f * lnx * lnx)
    }
  }

  /// x as a constant: its value, with every derivative 0. For a rule's
  /// partial that must not be differentiated along one of its factors
  /// (``Pow``'s ∂x on the axis x = 0).
  @usableFromInline
  struct _Constant: UnaryRule {
    @inlinable init() {}
    @inlinable func value(_ x: Double) -> Double { x }
    @inlinable func value(_ x: Float) -> Float { x }
    @inlinable
    func derivative<T: ADReal>(at x: T, value y: T) -> T { 0 }
    @inlinable
    func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
    @inlinable static var hasZeroDerivative: Bool { true }
    @inlinable static var hasZeroSecondDerivative: Bool { true }
  }
}

// MARK: - Trigonometric

extension Rules {
  /// atan2(y, x), the angle of the point (x, y); the rule's first argument
  /// is y, as in the C library.
  ///
  /// With r = hypot(x, y), u = x/r, v = y/r: ∂y = u/r, ∂x = −v/r;
  /// ∂yy = −2uv/r², ∂yx = (v² − u²)/r², ∂xx = 2uv/r². Scaling by r rather
  /// than forming x² + y² keeps them right where r² would under- or
  /// overflow. At the origin, where the angle is undefined, every
  /// derivative is 0.
  public struct Atan2: BinaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable
    public func value(_ y: Double, _ x: Double) -> Double { _libm_atan2(y, x) }
    @inlinable
    public func value(_ y: Float, _ x: Float) -> Float { _libm_atan2(y, x) }
    @inlinable
    public func partials<T: ADReal>(at y: T, _ x: T, value f: T) -> (first: T, second: T) {
      let r = T.hypot(x, y)
      if r == 0 { return (0, 0) }
      return ((x / r) / r, -(y / r) / r)
    }
    @inlinable
    public func secondPartials<T: ADReal>(
      at y: T, _ x: T, value f: T, partials: (first: T, second: T)
    ) -> (firstFirst: T, firstSecond: T, secondSecond: T) {
      let r = T.hypot(x, y)
      if r == 0 { return (0, 0, 0) }
      let u = x / r
      let v = y / r
      let uv2 = (2 * u * v) / r / r
      return (-uv2, ((v - u) * (v + u)) / r / r, uv2)
    }
  }

  /// √(x² + y²) without undue overflow.
  ///
  /// ∂x = x/h, ∂y = y/h; ∂xx = y²/h³, ∂xy = −xy/h³, ∂yy = x²/h³. At the
  /// origin, a kink, every derivative is 0 (as for `abs`).
  public struct Hypot: BinaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable
    public func value(_ x: Double, _ y: Double) -> Double { _libm_hypot(x, y) }
    @inlinable
    public func value(_ x: Float, _ y: Float) -> Float { _libm_hypot(x, y) }
    @inlinable
    public func partials<T: ADReal>(at x: T, _ y: T, value h: T) -> (first: T, second: T) {
      if h == 0 { return (0, 0) }
      return (x / h, y / h)
    }
    @inlinable
    public func secondPartials<T: ADReal>(
      at x: T, _ y: T, value h: T, partials: (first: T, second: T)
    ) -> (firstFirst: T, firstSecond: T, secondSecond: T) {
      if h == 0 { return (0, 0, 0) }
      let h3 = h * h * h
      return (y * y / h3, -x * y / h3, x * x / h3)
    }
  }
}

// MARK: - Remainders

extension Rules {
  /// The remainder of x divided by y with a whole-number quotient q,
  /// x − q·y, computed exactly: the standard library's
  /// `remainder(dividingBy:)` (q nearest to x/y, ties to even) or
  /// `truncatingRemainder(dividingBy:)` (q = x/y truncated, C's `fmod`).
  ///
  /// ∂x = 1, ∂y = −q; every second partial is 0. q is piecewise constant
  /// in x and y, so where it jumps these are the one-sided derivatives of
  /// the piece the value comes from; q is read back from the value as
  /// (x − r)/y rounded to a whole number, which recovers it exactly while
  /// |q| is below about 2⁵⁰ in `Double` and 2²¹ in `Float` (the quotient's
  /// rounding error stays under ½; a few bits further the type no longer
  /// holds every whole number). Where the value is NaN (y = 0, x
  /// infinite) the chain rule makes both partials NaN, as for every rule.
  /// The second partials are not flagged as zero for sparsity detection:
  /// at a NaN value every mode's Hessian is NaN, and a sparse one must not
  /// read 0 there.
  public struct Remainder: BinaryRule {
    /// Whether the quotient is truncated (`fmod`) rather than rounded to
    /// the nearest (IEEE `remainder`).
    public var truncating: Bool
    /// The IEEE remainder, `x.remainder(dividingBy: y)`, or with
    /// `truncating` the remainder of C's `fmod`,
    /// `x.truncatingRemainder(dividingBy: y)`.
    @inlinable public init(truncating: Bool = false) { self.truncating = truncating }
    @inlinable
    public func value(_ x: Double, _ y: Double) -> Double {
      truncating ? x.truncatingRemainder(dividingBy: y) : x.remainder(dividingBy: y)
    }
    @inlinable
    public func value(_ x: Float, _ y: Float) -> Float {
      truncating ? x.truncatingRemainder(dividingBy: y) : x.remainder(dividingBy: y)
    }
    @inlinable
    public func partials<T: ADReal>(at x: T, _ y: T, value r: T) -> (first: T, second: T) {
      (1, -T.rounded((x - r) / y))
    }
    @inlinable
    public func secondPartials<T: ADReal>(
      at x: T, _ y: T, value r: T, partials: (first: T, second: T)
    ) -> (firstFirst: T, firstSecond: T, secondSecond: T) {
      (0, 0, 0)
    }
  }
}
