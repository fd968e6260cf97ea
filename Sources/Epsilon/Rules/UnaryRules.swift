// The calculus of every built-in function of one variable, written once.
//
// Implementation goals, in order of priority:
// 1. the analytic derivative, evaluated accurately (reuse the value where
//    the derivative is a function of it: exp, tanh, sqrt);
// 2. IEEE NaN/∞ propagation as documented in Limitations: at a kink or
//    domain edge the convention in each rule's comment holds for every mode;
// 3. speed: no branch on the hot path that is not needed for (1) or (2).
//
// Each rule carries its second-order expansion on the line above it, in the
// style of Ceres' jet.h. Order of sections follows swift-numerics'
// ElementaryFunctions.

/// The built-in rules behind Epsilon's elementary functions.
///
/// Each is a ``UnaryRule`` or ``BinaryRule``; the free functions
/// (`exp(x)`, `pow(x, y)`, …) apply them. They are public so that your own
/// rules can be checked against and composed with them.
public enum Rules {}

// MARK: - Exponential and logarithm

extension Rules {
  /// e^(a+h) = e^a + e^a·h + e^a·h²/2
  public struct Exp: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_exp(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_exp(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { y }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { y }
  }

  /// 2^(a+h) = 2^a + 2^a·ln2·h + 2^a·ln²2·h²/2
  public struct Exp2: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_exp2(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_exp2(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { y * T(_ln2) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      dy * T(_ln2)
    }
  }

  /// e^(a+h) − 1 = (e^a − 1) + e^a·h + e^a·h²/2
  ///
  /// f′ is computed as e^a, not expm1(a) + 1, which is exactly 0 below
  /// a ≈ −37 (Double) where e^a is still representable.
  public struct Expm1: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_expm1(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_expm1(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { T.exp(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { dy }
  }

  /// log(a+h) = log a + h/a − h²/(2a²)   (a = 0: f′ = +∞; a < 0: NaN)
  public struct Log: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_log(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_log(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / x }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -dy * dy
    }
  }

  /// log₂(a+h) = log₂a + h/(a·ln2) − h²/(2a²·ln2)
  public struct Log2: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_log2(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_log2(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (x * T(_ln2)) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -dy / x
    }
  }

  /// log₁₀(a+h) = log₁₀a + h/(a·ln10) − h²/(2a²·ln10)
  public struct Log10: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_log10(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_log10(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (x * T(_ln10)) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -dy / x
    }
  }

  /// log(1+a+h) = log1p(a) + h/(1+a) − h²/(2(1+a)²)   (a = −1: f′ = +∞)
  public struct Log1p: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_log1p(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_log1p(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (1 + x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -dy * dy
    }
  }
}

// MARK: - Powers and roots

extension Rules {
  /// √(a+h) = √a + h/(2√a) − h²/(8a√a)   (a = 0: f′ = +∞; a < 0: NaN)
  ///
  /// f″ = −f′/(2|a|): at a = −0, where √a = −0 and f′ = 1/(2√a) = −∞, the
  /// magnitude gives +∞, which is what differentiating f′'s formula gives
  /// (nested duals, the tape), so every mode agrees there.
  public struct Sqrt: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_sqrt(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_sqrt(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (2 * y) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -dy / (2 * x.magnitude)
    }
  }

  /// ∛(a+h) = ∛a + h/(3∛a²) − h²/(9a∛a²)   (a = 0: f′ = +∞)
  ///
  /// f′ is formed as (1/(3∛a))/∛a, not 1/(3∛a·∛a): differentiated again
  /// (nested duals, the tape) at a = ±0, the product ∛a·∛a has derivative
  /// 0·∞, which zero annihilates to 0 and so lost f″ = ∓∞; the quotients
  /// give it, as the hyper-duals' f″ formula does.
  public struct Cbrt: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_cbrt(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_cbrt(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (3 * y) / y }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -2 * dy / (3 * x)
    }
  }

  /// (a+h)ⁿ = aⁿ + n·aⁿ⁻¹·h + n(n−1)·aⁿ⁻²·h²/2, for a whole number n.
  ///
  /// Exact for every a, including a = 0 (f′ = 0 for n ≥ 2, 1 for n = 1) and
  /// n = 0 (f′ = 0).
  public struct PowInt: UnaryRule {
    /// The exponent.
    public var n: Int
    /// The rule for `xⁿ`.
    @inlinable public init(_ n: Int) { self.n = n }
    @inlinable
    public func value(_ x: Double) -> Double { _libm_pow(x, Double(n)) }
    @inlinable
    public func value(_ x: Float) -> Float { _libm_pow(x, Float(n)) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      if n == 0 { return 0 }
      // n − 1 overflows only for n = Int.min; a real exponent serves there.
      let (m, overflow) = n.subtractingReportingOverflow(1)
      return overflow ? T(Double(n)) * T.pow(x, T(Double(n) - 1)) : T(n) * T.pow(x, m)
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      if n == 0 || n == 1 { return 0 }
      // The coefficient n(n − 1) is formed in floating point: it overflows
      // Int for |n| > 3·10⁹.
      let (m, overflow) = n.subtractingReportingOverflow(2)
      let c = T(Double(n)) * T(Double(n) - 1)
      return overflow ? c * T.pow(x, T(Double(n) - 2)) : c * T.pow(x, m)
    }
  }
}

// MARK: - Trigonometric

extension Rules {
  /// sin(a+h) = sin a + cos a·h − sin a·h²/2
  ///
  /// On plain numbers f and f′ come from one `sincos`.
  public struct Sin: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_sin(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_sin(x) }
    @inlinable
    public func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
      let (s, c) = _libm_sincos(x)
      return (s, c)
    }
    @inlinable
    public func valueAndDerivative(_ x: Float) -> (value: Float, derivative: Float) {
      let (s, c) = _libm_sincos(x)
      return (s, c)
    }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { T.cos(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { -y }
  }

  /// cos(a+h) = cos a − sin a·h − cos a·h²/2
  ///
  /// On plain numbers f and f′ come from one `sincos`.
  public struct Cos: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_cos(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_cos(x) }
    @inlinable
    public func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
      let (s, c) = _libm_sincos(x)
      return (c, -s)
    }
    @inlinable
    public func valueAndDerivative(_ x: Float) -> (value: Float, derivative: Float) {
      let (s, c) = _libm_sincos(x)
      return (c, -s)
    }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { -T.sin(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { -y }
  }

  /// tan(a+h) = tan a + (1 + tan²a)·h + tan a·(1 + tan²a)·h²
  public struct Tan: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_tan(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_tan(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 + y * y }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      2 * y * dy
    }
  }

  /// asin(a+h) = asin a + h/√(1−a²) + a·h²/(2(1−a²)^{3/2})   (|a| = 1: +∞)
  public struct Asin: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_asin(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_asin(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      1 / T.sqrt((1 - x) * (1 + x))  // not 1 − x², which cancels near ±1
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      x * dy * dy * dy
    }
  }

  /// acos(a+h) = acos a − h/√(1−a²) − a·h²/(2(1−a²)^{3/2})   (|a| = 1: −∞)
  public struct Acos: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_acos(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_acos(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      -1 / T.sqrt((1 - x) * (1 + x))  // not 1 − x², which cancels near ±1
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      x * dy * dy * dy
    }
  }

  /// atan(a+h) = atan a + h/(1+a²) − a·h²/(1+a²)²
  public struct Atan: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_atan(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_atan(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (1 + x * x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -2 * x * dy * dy
    }
  }
}

// MARK: - Hyperbolic

extension Rules {
  /// sinh(a+h) = sinh a + cosh a·h + sinh a·h²/2
  public struct Sinh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_sinh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_sinh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { T.cosh(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { y }
  }

  /// cosh(a+h) = cosh a + sinh a·h + cosh a·h²/2
  public struct Cosh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_cosh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_cosh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { T.sinh(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { y }
  }

  /// tanh(a+h) = tanh a + sech²a·h − tanh a·sech²a·h²
  ///
  /// f′ is computed as 1/cosh²a, not 1 − tanh²a, which cancels to exactly 0
  /// once tanh a rounds to ±1 (|a| > 19 in Double) while sech²a is still
  /// representable; cosh's overflow gives the right limit 0.
  public struct Tanh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_tanh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_tanh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      let c = T.cosh(x)
      return 1 / (c * c)
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -2 * y * dy
    }
  }

  /// asinh(a+h) = asinh a + h/√(a²+1) − a·h²/(2(a²+1)^{3/2})
  public struct Asinh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_asinh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_asinh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / T.sqrt(x * x + 1) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -x * dy * dy * dy
    }
  }

  /// acosh(a+h) = acosh a + h/√(a²−1) − a·h²/(2(a²−1)^{3/2})   (a = 1: +∞)
  public struct Acosh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_acosh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_acosh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      1 / T.sqrt((x - 1) * (x + 1))  // not x² − 1, which cancels near 1
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -x * dy * dy * dy
    }
  }

  /// atanh(a+h) = atanh a + h/(1−a²) + a·h²/(1−a²)²   (|a| = 1: +∞)
  public struct Atanh: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_atanh(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_atanh(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      1 / ((1 - x) * (1 + x))  // not 1 − x², which cancels near ±1
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      2 * x * dy * dy
    }
  }
}

// MARK: - Error function

extension Rules {
  /// erf(a+h) = erf a + (2/√π)e^{−a²}·h − (2/√π)·a·e^{−a²}·h²
  public struct Erf: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_erf(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_erf(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      T(_twoOverSqrtPi) * T.exp(-x * x)
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -2 * x * dy
    }
  }

  /// erfc(a+h) = erfc a − (2/√π)e^{−a²}·h + (2/√π)·a·e^{−a²}·h²
  public struct Erfc: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    @inlinable public func value(_ x: Double) -> Double { _libm_erfc(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_erfc(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T {
      -T(_twoOverSqrtPi) * T.exp(-x * x)
    }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
      -2 * x * dy
    }
  }
}

// MARK: - Piecewise

extension Rules {
  /// |a+h| = |a| + sign(a)·h. At the kink a = ±0 the derivative is 0, the
  /// subgradient of least magnitude (as Stan and JAX choose); f″ = 0.
  public struct Abs: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    /// Piecewise linear: no input pairs interact through it.
    @inlinable public static var hasZeroSecondDerivative: Bool { true }
    @inlinable public func value(_ x: Double) -> Double { x.magnitude }
    @inlinable public func value(_ x: Float) -> Float { x.magnitude }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { T.sign(x) }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
  }

  /// sign(a) is −1, +1, or a itself at ±0 and NaN; its derivative is 0
  /// everywhere, including at the jump.
  public struct Sign: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    /// Piecewise constant: its result depends on no input.
    @inlinable public static var hasZeroDerivative: Bool { true }
    /// Piecewise constant, so f″ = 0 too.
    @inlinable public static var hasZeroSecondDerivative: Bool { true }
    @inlinable
    public func value(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : x }
    @inlinable
    public func value(_ x: Float) -> Float { x > 0 ? 1 : x < 0 ? -1 : x }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 0 }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
  }

  /// ⌊a⌋, derivative 0 everywhere (including at the jumps).
  public struct Floor: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    /// Piecewise constant: its result depends on no input.
    @inlinable public static var hasZeroDerivative: Bool { true }
    /// Piecewise constant, so f″ = 0 too.
    @inlinable public static var hasZeroSecondDerivative: Bool { true }
    @inlinable public func value(_ x: Double) -> Double { _libm_floor(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_floor(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 0 }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
  }

  /// ⌈a⌉, derivative 0 everywhere (including at the jumps).
  public struct Ceil: UnaryRule {
    /// The rule; it has no parameters.
    @inlinable public init() {}
    /// Piecewise constant: its result depends on no input.
    @inlinable public static var hasZeroDerivative: Bool { true }
    /// Piecewise constant, so f″ = 0 too.
    @inlinable public static var hasZeroSecondDerivative: Bool { true }
    @inlinable public func value(_ x: Double) -> Double { _libm_ceil(x) }
    @inlinable public func value(_ x: Float) -> Float { _libm_ceil(x) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 0 }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
  }

  /// a rounded to a whole number by a rounding rule, as
  /// `Double.rounded(_:)` (by default to the nearest, halves away from
  /// zero, as `Double.rounded()`); derivative 0 everywhere.
  public struct Rounded: UnaryRule {
    /// How the value is rounded.
    public var rule: FloatingPointRoundingRule
    /// Rounding to the nearest whole number, halves away from zero.
    @inlinable public init() { rule = .toNearestOrAwayFromZero }
    /// Rounding by `rule`: `.down` is `floor`, `.up` is `ceil`,
    /// `.towardZero` is `trunc`.
    @inlinable public init(_ rule: FloatingPointRoundingRule) { self.rule = rule }
    /// Piecewise constant: its result depends on no input.
    @inlinable public static var hasZeroDerivative: Bool { true }
    /// Piecewise constant, so f″ = 0 too.
    @inlinable public static var hasZeroSecondDerivative: Bool { true }
    @inlinable public func value(_ x: Double) -> Double { x.rounded(rule) }
    @inlinable public func value(_ x: Float) -> Float { x.rounded(rule) }
    @inlinable
    public func derivative<T: ADReal>(at x: T, value y: T) -> T { 0 }
    @inlinable
    public func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T { 0 }
  }
}

// MARK: - Constants

@inlinable var _ln2: Double { 0.693_147_180_559_945_309_417_232_121_458 }
@inlinable var _ln10: Double { 2.302_585_092_994_045_684_017_991_454_684 }
@inlinable var _twoOverSqrtPi: Double { 1.128_379_167_095_512_573_896_158_903_12 }
