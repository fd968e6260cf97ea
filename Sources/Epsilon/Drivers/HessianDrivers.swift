// The Hessian drivers: Hessians and Hessian-vector products. The closure
// forms run forward over reverse, on a tape whose scalars are duals (eight
// SIMD tangents for the Hessian, the direction for H·v), which works for
// any number of inputs and costs N/8 recordings for a Hessian and one for
// H·v; the ADFunction forms choose a method by N (HessianStrategy.swift).
// The evaluation loops are in HessianPasses.swift, the value they return
// in Hessian.swift.

/// The Hessian of `f` at `x`, exact, by forward over reverse: the reverse
/// gradient recorded on dual numbers that carry eight tangents.
///
/// ```swift
/// func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }
/// hessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }   // [[0, 6], [6, 14]]
/// ```
///
/// Each pass seeds the tangents along a block of eight inputs, records `f`
/// once on a tape and sweeps back once: the adjoints are the gradient and
/// eight columns of the Hessian. A closure has one parameter type, so this
/// form cannot change method with N; to let Epsilon pick the fastest
/// method for each N, write `f` as an ``ADFunction`` and call
/// ``hessian(of:at:strategy:)``.
///
/// - Parameters:
///   - x: The point; empty gives the empty Hessian.
///   - f: The function, on the variables of a ``GradientTape`` whose
///     scalars are `Dual<SIMD8<T>>`. Write it with a generic helper, as
///     above; a `Double` constant `c` enters as `.init(c)`.
/// - Returns: The symmetric matrix ∂²f/∂xᵢ∂xⱼ.
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated; ``TapeError`` if `f` returns a variable of
///   another tape (one captured from an enclosing driver, say) or if the
///   tape cannot grow.
/// - Complexity: k = ⌈N/8⌉ recordings of `f` and reverse sweeps.
@inlinable
public func hessian<T: ADScalar>(
  at x: [T],
  of f: ([GradientTape<Dual<SIMD8<T>>>.Variable])
    -> GradientTape<Dual<SIMD8<T>>>.Variable
) throws -> Hessian<T> {
  try valueGradientHessian(at: x, of: f).hessian
}

/// The value, gradient and Hessian of `f` at `x`, from the same
/// recordings.
///
/// ```swift
/// valueGradientHessian(at: [2.0, 3.0]) { x in g(x[0], x[1]) }
/// // (63.0, [9.0, 42.0], [[0.0, 6.0], [6.0, 14.0]])
/// ```
///
/// For N ≤ 8 that is one recording and one sweep.
///
/// - Parameters:
///   - x: The point; empty gives an empty gradient and Hessian.
///   - f: The function, as for ``hessian(at:of:)``.
/// - Returns: f(x), ∇f(x) and the Hessian.
/// - Throws: As ``hessian(at:of:)``.
/// - Complexity: k = ⌈N/8⌉ recordings of `f` and reverse sweeps.
@inlinable
public func valueGradientHessian<T: ADScalar>(
  at x: [T],
  of f: ([GradientTape<Dual<SIMD8<T>>>.Variable])
    -> GradientTape<Dual<SIMD8<T>>>.Variable
) throws -> (value: T, gradient: [T], hessian: Hessian<T>) {
  try _valueGradientHessianByForwardOverReverse(
    at: x, width: SIMD8<T>.self, of: f)
}

/// The Hessian-vector product H(x)·v, exact, without forming H, by
/// forward over reverse: one recording and one sweep, whatever N.
///
/// ```swift
/// try hessianVectorProduct(at: [2.0, 3.0], along: [1.0, 0.0]) { x in
///   g(x[0], x[1])
/// }   // [0.0, 6.0]
/// ```
///
/// The inputs are duals whose tangent is v; the tape's reverse sweep of
/// their gradient carries the tangent of ∇f along v, which is H·v. The
/// cost is a small multiple of one evaluation of `f`, as for a gradient.
///
/// - Parameters:
///   - x: The point.
///   - v: The direction, one component per input.
///   - f: The function, on the variables of a ``GradientTape`` whose
///     scalars are `Dual<T>`; a `Double` constant `c` enters as `.init(c)`.
/// - Returns: H·v, one entry per input.
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length; ``TapeError`` if `f` returns a variable
///   of another tape or if the tape cannot grow.
/// - Complexity: One recording of `f` and one reverse sweep.
@inlinable
public func hessianVectorProduct<T: ADScalar>(
  at x: [T], along v: [T],
  of f: ([GradientTape<Dual<T>>.Variable]) -> GradientTape<Dual<T>>.Variable
) throws -> [T] {
  guard v.count == x.count else {
    throw EpsilonError.countMismatch(
      argument: "along", expected: x.count, actual: v.count)
  }
  if x.isEmpty { return [] }
  let point = zip(x, v).map { Dual($0, partials: $1) }
  return try GradientTape<Dual<T>>._withDriverTape { tape in
    try tape._withValueAndGradient(at: point, of: f) { _, adjoints in
      adjoints.map(\.partials)
    }
  }
}

/// H(x)·v by hyper-duals: ε₁ seeded with v and ε₂ with eight inputs' unit
/// vectors (``HyperDualRowBlock``), so that ε₁₂ holds eight entries of H·v
/// per evaluation. ⌈N/8⌉ evaluations: for up to eight inputs one
/// evaluation, cheaper than recording a tape.
@inlinable
func _hessianVectorProductByHyperDual<T: ADScalar>(
  at x: [T], along v: [T],
  of f: ([HyperDual<HyperDualRowBlock<SIMD8<T>>>])
    -> HyperDual<HyperDualRowBlock<SIMD8<T>>>
) -> [T] {
  typealias Number = HyperDual<HyperDualRowBlock<SIMD8<T>>>
  return _withDriverNesting(
    Number.self, driver: "hessianVectorProduct(of:at:along:)",
    probe: { f(x.map { Number($0) })._isConstant },
    {
      let n = x.count
      var duals = zip(x, v).map { Number($0, epsilon1: $1, epsilon2: .zero) }
      var product = [T]._filled(with: 0, count: n)
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
/// Up to eight inputs, one hyper-dual evaluation carries v in ε₁ and a
/// unit vector per input in ε₂; beyond, forward over reverse, as
/// ``hessianVectorProduct(at:along:of:)``, whose cost does not grow with
/// N.
///
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length; ``TapeError`` if the tape cannot grow.
/// - Complexity: One evaluation of `f`, or one recording and one sweep.
@inlinable
public func hessianVectorProduct<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], along v: [T]
) throws -> [T] {
  // The closure form checks the lengths; the hyper-dual pass needs them
  // equal.
  if x.count <= _hessianVectorProductHyperDualLimit, v.count == x.count {
    return _hessianVectorProductByHyperDual(at: x, along: v) { f($0) }
  }
  return try hessianVectorProduct(at: x, along: v) { f($0) }
}

/// The largest N for which `hessianVectorProduct(of:at:along:)` takes one
/// hyper-dual evaluation rather than a tape.
///
/// Measured on the extended Rosenbrock function: one evaluation of 8-wide
/// hyper-duals is faster than recording and sweeping a tape for a few
/// inputs, the two are about even at eight, and from nine inputs the
/// hyper-duals take two evaluations while the tape, whose cost does not
/// grow with N, still takes one.
@usableFromInline let _hessianVectorProductHyperDualLimit = 8
