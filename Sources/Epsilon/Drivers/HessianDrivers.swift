// The Hessian drivers: Hessians and Hessian-vector products. The closure
// forms run on hyper-dual numbers with eight-wide SIMD parts, which work for
// any number of inputs; the ADFunction forms choose a strategy
// (HessianStrategy.swift). The evaluation loops are in HessianPasses.swift,
// the value they return in Hessian.swift.

/// The Hessian of `f` at `x`, exact, by hyper-dual numbers in 8 × 8 blocks.
///
/// ```swift
/// func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }
/// hessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }   // [[0, 6], [6, 14]]
/// ```
///
/// Each evaluation seeds ε₁ along one block of eight inputs and ε₂ along
/// another and yields that 8 × 8 block; by symmetry only the blocks on and
/// above the diagonal are evaluated. To let Epsilon pick the fastest
/// method, write `f` as an ``ADFunction`` and call
/// ``hessian(of:at:strategy:)``.
///
/// - Parameters:
///   - x: The point; empty gives the empty Hessian.
///   - f: The function, on hyper-dual numbers with eight SIMD partials.
/// - Returns: The symmetric matrix ∂²f/∂xᵢ∂xⱼ.
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated.
/// - Complexity: k(k+1)/2 evaluations of `f`, k = ⌈N/8⌉.
@inlinable
public func hessian<T: ADScalar>(
  at x: [T], of f: ([HyperDual<SIMD8<T>>]) -> HyperDual<SIMD8<T>>
) throws -> Hessian<T> {
  try valueGradientHessian(at: x, of: f).hessian
}

/// The value, gradient and Hessian of `f` at `x`, from the same
/// evaluations.
///
/// ```swift
/// valueGradientHessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }
/// // (63.0, [9.0, 42.0], [[0.0, 6.0], [6.0, 14.0]])
/// ```
///
/// For N ≤ 8 that is one evaluation.
///
/// - Parameters:
///   - x: The point; empty gives an empty gradient and Hessian.
///   - f: The function, on hyper-dual numbers with eight SIMD partials.
/// - Returns: f(x), ∇f(x) and the Hessian.
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated.
/// - Complexity: k(k+1)/2 evaluations of `f`, k = ⌈N/8⌉.
@inlinable
public func valueGradientHessian<T: ADScalar>(
  at x: [T], of f: ([HyperDual<SIMD8<T>>]) -> HyperDual<SIMD8<T>>
) throws -> (value: T, gradient: [T], hessian: Hessian<T>) {
  try _withDriverNesting(
    HyperDual<SIMD8<T>>.self, driver: "hessian(at:of:)",
    probe: { f(x.map { HyperDual($0) })._isConstant },
    {
      try _valueGradientHessianByHyperDual(at: x, block: SIMD8<T>.self, of: f)
    })
}

/// The Hessian-vector product H(x)·v, exact, without forming H.
///
/// ```swift
/// try hessianVectorProduct(at: [2.0, 3.0], along: [1.0, 0.0]) { x in
///   g(x[0], x[1])
/// }   // [0.0, 6.0]
/// ```
///
/// Each evaluation seeds ε₁ with v and ε₂ with eight inputs' unit vectors
/// (``HyperDualRowBlock``), so ε₁₂ holds eight entries of H·v.
///
/// - Parameters:
///   - x: The point.
///   - v: The direction, one component per input.
///   - f: The function, on hyper-dual numbers with one direction in ε₁ and
///     eight seeds in ε₂.
/// - Returns: H·v, one entry per input.
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length.
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func hessianVectorProduct<T: ADScalar>(
  at x: [T], along v: [T],
  of f: ([HyperDual<HyperDualRowBlock<SIMD8<T>>>])
    -> HyperDual<HyperDualRowBlock<SIMD8<T>>>
) throws -> [T] {
  guard v.count == x.count else {
    throw EpsilonError.countMismatch(
      argument: "along", expected: x.count, actual: v.count)
  }
  typealias Number = HyperDual<HyperDualRowBlock<SIMD8<T>>>
  return _withDriverNesting(
    Number.self, driver: "hessianVectorProduct(at:along:of:)",
    probe: { f(x.map { Number($0) })._isConstant },
    {
      let n = x.count
      var duals = zip(x, v).map { Number($0, epsilon1: $1, epsilon2: .zero) }
      var product = [T](repeating: 0, count: n)
      for start in stride(from: 0, to: n, by: 8) {
        let block = start..<Swift.min(start + 8, n)
        for i in block { duals[i].epsilon2 = .unitPartials(i - start) }
        let y = f(duals)
        for i in block { product[i] = y.epsilon12[i - start] }
        for i in block { duals[i].epsilon2 = .zero }
      }
      return product
    })
}

/// The Hessian of a function written once, generically, by the strategy
/// that suits the input size.
///
/// ```swift
/// struct Rosenbrock: ADFunction { … }
/// try hessian(of: Rosenbrock(), at: [0.1, 0.2, 0.3])
/// // [[-66, -40, 0], [-40, 130, -80], [0, -80, 200]]
/// ```
///
/// - Parameters:
///   - x: The point; empty gives the empty Hessian.
///   - f: The function.
///   - strategy: How to compute it; `.automatic` picks by N (see
///     ``HessianStrategy/resolved(forInputCount:)``).
/// - Returns: The symmetric matrix ∂²f/∂xᵢ∂xⱼ.
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated.
/// - Complexity: See ``HessianStrategy``: one evaluation for N ≤ 16 with
///   `.automatic`.
@inlinable
public func hessian<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], strategy: HessianStrategy = .automatic
) throws -> Hessian<T> {
  try _valueGradientHessian(at: x, of: f, strategy: strategy).hessian
}

/// The value, gradient and Hessian of a function written once,
/// generically, from the same evaluations.
///
/// - Parameters:
///   - x: The point; empty gives an empty gradient and Hessian.
///   - f: The function.
///   - strategy: How to compute the Hessian; `.automatic` picks by N.
/// - Returns: f(x), ∇f(x) and the Hessian.
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated.
/// - Complexity: See ``HessianStrategy``.
@inlinable
public func valueGradientHessian<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], strategy: HessianStrategy = .automatic
) throws -> (value: T, gradient: [T], hessian: Hessian<T>) {
  try _valueGradientHessian(at: x, of: f, strategy: strategy)
}

/// The Hessian-vector product H(x)·v of a function written once,
/// generically, without forming H.
///
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length.
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func hessianVectorProduct<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], along v: [T]
) throws -> [T] {
  try hessianVectorProduct(at: x, along: v) { f($0) }
}
