/// The calculus of a function of one variable, written once for every
/// number type: its value on plain numbers, and its first and second
/// derivatives on any ``ADReal``.
///
/// Every built-in elementary function is a `UnaryRule` (see ``Rules``), and
/// so is any function you teach Epsilon:
///
/// ```swift
/// struct Softplus: UnaryRule {
///   func value(_ x: Double) -> Double { log1p(exp(x)) }
///   // σ(x) = 1 / (1 + e^−x)
///   func derivative<T: ADReal>(at x: T, value y: T) -> T { 1 / (1 + exp(-x)) }
///   func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T {
///     dy * (1 - dy)
///   }
/// }
/// func softplus<T: ADReal>(_ x: T) -> T { Softplus()(x) }
/// ```
///
/// The derivatives are generic so that nested number types
/// (`Dual<Dual<Double>>`) can differentiate them again; write them with the
/// same free functions as any generic code. They receive the value already
/// computed (`y = f(x)`, and `dy = f′(x)` for the second derivative), so a
/// rule whose derivative reuses its value (`exp`, `tanh`, `sqrt`) pays
/// nothing extra.
///
/// Number types reach rules through `ADReal._apply`; first-order types never
/// evaluate ``secondDerivative(at:value:derivative:)``. Where the value is a
/// plain number they take f and f′ from ``valueAndDerivative(_:)-(Double)``,
/// so a rule whose two come from one routine says so there, once.
public protocol UnaryRule {
  /// f(x) on a plain `Double`: the base case every mode reduces to.
  func value(_ x: Double) -> Double
  /// f(x) on a plain `Float`. The default computes in `Double` and rounds.
  func value(_ x: Float) -> Float
  /// f′(x), given `y = f(x)`.
  func derivative<T: ADReal>(at x: T, value y: T) -> T
  /// f″(x), given `y = f(x)` and `dy = f′(x)`.
  func secondDerivative<T: ADReal>(at x: T, value y: T, derivative dy: T) -> T

  /// Whether f′ is identically zero wherever f is defined: f is piecewise
  /// constant (`floor`, `sign`), so its result depends on no input.
  ///
  /// Sparsity detection reads this flag instead of evaluating f′. The
  /// default, `false`, is always safe; `true` on a rule whose derivative is
  /// not zero would make sparse derivatives silently drop entries.
  static var hasZeroDerivative: Bool { get }
  /// Whether f″ is identically zero wherever f is defined: f is linear, or
  /// piecewise linear (`abs`), so it adds no pair of interacting inputs to
  /// a Hessian's pattern.
  ///
  /// The default, `false`, is always safe; ``hasZeroDerivative`` implies it.
  static var hasZeroSecondDerivative: Bool { get }

  /// f(x) and f′(x) on a plain `Double`, for a function whose value and
  /// derivative one routine computes together (sin and cos: `sincos`).
  /// The default evaluates ``value(_:)-(Double)`` and then
  /// ``derivative(at:value:)``.
  func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double)
  /// f(x) and f′(x) on a plain `Float`, as for `Double`.
  func valueAndDerivative(_ x: Float) -> (value: Float, derivative: Float)
}

extension UnaryRule {
  /// Not known to be zero: f′ may depend on every input of its argument.
  @inlinable public static var hasZeroDerivative: Bool { false }
  /// Not known to be zero: f″ may couple every pair of inputs of its
  /// argument.
  @inlinable public static var hasZeroSecondDerivative: Bool { false }
}

extension UnaryRule {
  /// f(x) on a plain `Float`, computed in `Double` and rounded.
  @inlinable
  public func value(_ x: Float) -> Float { Float(value(Double(x))) }

  /// f(x), then f′(x) from it.
  @inlinable
  public func valueAndDerivative(_ x: Double)
    -> (value: Double, derivative: Double)
  {
    let y = value(x)
    return (y, derivative(at: x, value: y))
  }

  /// f(x), then f′(x) from it.
  @inlinable
  public func valueAndDerivative(_ x: Float)
    -> (value: Float, derivative: Float)
  {
    let y = value(x)
    return (y, derivative(at: x, value: y))
  }
}

extension UnaryRule {
  /// f(x) with derivatives, on any number type: how a rule becomes a
  /// function, `func softplus<T: ADReal>(_ x: T) -> T { Softplus()(x) }`.
  @inlinable
  public func callAsFunction<T: ADReal>(_ x: T) -> T { T._apply(self, x) }
}
