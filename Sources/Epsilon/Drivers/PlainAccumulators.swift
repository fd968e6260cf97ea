// A plain-number accumulator inside a differentiated closure, named where it
// happens. `var s = 0.0; for e in v { s += e * e }; return s` would drop
// every derivative; without the declarations below the compiler reports a
// type mismatch that does not say why. With them, the closure type-checks
// as far as these unavailable overloads, and the error at `s += …` and at
// the driver says what to write instead. Every driver and optimizer whose
// closure returns one number has such an overload: without it, the
// accumulation would type-check and the error would land on `return s`.
// They are concrete where they can be, so that code which does not make
// the mistake does not pay for them (the type-check matrix measures each
// driver's closures).

// MARK: - The accumulation

extension Dual {
  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "adding an Epsilon number into a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func += (lhs: inout Value, rhs: Self) { fatalError() }

  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "subtracting an Epsilon number from a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func -= (lhs: inout Value, rhs: Self) { fatalError() }
}

extension GradientTape.Variable where T: _DoubleTapeValue {
  /// Unavailable: a plain accumulator would drop the derivatives.
  @available(
    *, unavailable,
    message:
      "adding a tape's variable into a plain number drops its derivatives: declare the accumulator with the closure's number type (var s = 0 * v[0] in a closure, var s: T = 0 in a generic function)"
  )
  public static func += (lhs: inout Double, rhs: Self) { fatalError() }
}

// MARK: - Drivers on duals

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func gradient<T: ADScalar>(at x: [T], of f: ([Dual<SIMD8<T>>]) -> T) -> [T] {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivative is lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * x)"
)
public func derivative<T>(at x: T, of f: (Dual<T>) -> T) -> T
where T: DualPartials, T.Scalar == T {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func valueWithDerivative<T>(at x: T, of f: (Dual<T>) -> T) -> (value: T, derivative: T)
where T: DualPartials, T.Scalar == T {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func valueWithGradient<T: ADScalar>(at x: [T], of f: ([Dual<SIMD8<T>>]) -> T)
  -> (value: T, gradient: [T])
{
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func gradient<P>(at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> P.Scalar)
  -> [P.Scalar] where P: SIMD & DualPartials, P.Scalar: ADScalar
{
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func valueWithGradient<P>(
  at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> P.Scalar
) -> (value: P.Scalar, gradient: [P.Scalar]) where P: SIMD & DualPartials, P.Scalar: ADScalar {
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func checkGradient<T: ADScalar>(at x: [T], of f: ([Dual<SIMD8<T>>]) -> T)
  -> GradientCheck<T>
{
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns plain numbers, so their derivatives are lost: return Epsilon numbers (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func jacobian<T: ADScalar>(at x: [T], of f: ([Dual<SIMD8<T>>]) -> [T]) -> [[T]] {
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns plain numbers, so their derivatives are lost: return Epsilon numbers (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func jacobian<P>(at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> [P.Scalar])
  -> [[P.Scalar]] where P: SIMD & DualPartials, P.Scalar: ADScalar
{
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns plain numbers, so their derivatives are lost: return Epsilon numbers (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func directionalDerivative<T>(at x: [T], along v: [T], of f: ([Dual<T>]) -> [T]) -> [T]
where T: DualPartials, T.Scalar == T {
  fatalError()
}

// MARK: - Drivers on tapes

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func reverseGradient(at x: [Double], of f: ([GradientTape<Double>.Variable]) -> Double)
  -> [Double]
{
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func hessian(
  at x: [Double], of f: ([GradientTape<Dual<SIMD8<Double>>>.Variable]) -> Double
) -> Hessian<Double> {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func valueWithReverseGradient(
  at x: [Double], of f: ([GradientTape<Double>.Variable]) -> Double
) -> (value: Double, gradient: [Double]) {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func valueGradientHessian(
  at x: [Double], of f: ([GradientTape<Dual<SIMD8<Double>>>.Variable]) -> Double
) -> (value: Double, gradient: [Double], hessian: Hessian<Double>) {
  fatalError()
}

/// Unavailable: the closure returns a plain number, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func hessianVectorProduct(
  at x: [Double], along v: [Double], of f: ([GradientTape<Dual<Double>>.Variable]) -> Double
) -> [Double] {
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns plain numbers, so their derivatives are lost: return a tape's variables (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func reverseJacobian(
  at x: [Double], of f: ([GradientTape<Double>.Variable]) -> [Double]
) -> [[Double]] {
  fatalError()
}

/// Unavailable: the closure returns plain numbers, without derivatives.
@available(
  *, unavailable,
  message:
    "the closure returns plain numbers, so their derivatives are lost: return a tape's variables (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
)
public func vectorJacobianProduct(
  at x: [Double], along v: [Double], of f: ([GradientTape<Double>.Variable]) -> [Double]
) -> [Double] {
  fatalError()
}

// MARK: - Workspaces, tapes and optimizers

extension GradientWorkspace {
  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public mutating func valueWithGradient(
    into gradient: inout [P.Scalar], at x: [P.Scalar], of f: ([Dual<P>]) -> P.Scalar
  ) -> P.Scalar {
    fatalError()
  }
}

extension GradientTape where T: _DoubleTapeValue {
  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public func gradient(at x: [T], of f: ([Variable]) -> Double) -> [T] {
    fatalError()
  }

  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public func valueWithGradient(at x: [T], of f: ([Variable]) -> Double) -> (
    value: T, gradient: [T]
  ) {
    fatalError()
  }
}

extension GradientOptimizer {
  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public mutating func step(
    _ loss: ([Dual<SIMD8<Scalar>>]) -> Scalar, over parameters: inout [Scalar]
  ) -> Scalar {
    fatalError()
  }

  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public mutating func minimize(
    _ loss: ([Dual<SIMD8<Scalar>>]) -> Scalar, over parameters: inout [Scalar],
    until rule: StoppingRule = .init()
  ) -> OptimizationResult<Scalar> {
    fatalError()
  }
}

extension LBFGS {
  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return an Epsilon number (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public func minimize(
    _ loss: ([Dual<SIMD8<T>>]) -> T, over parameters: inout [T],
    until rule: StoppingRule = .init()
  ) -> OptimizationResult<T> {
    fatalError()
  }
}

extension Newton {
  /// Unavailable: the closure returns a plain number, without derivatives.
  @available(
    *, unavailable,
    message:
      "the closure returns a plain number, so its derivatives are lost: return a tape's variable (an accumulator declared var s = 0.0 is plain: declare it var s = 0 * v[0])"
  )
  public func minimize(
    _ loss: ([GradientTape<Dual<SIMD8<T>>>.Variable]) -> T, over parameters: inout [T],
    until rule: StoppingRule = .init()
  ) -> OptimizationResult<T> {
    fatalError()
  }
}
