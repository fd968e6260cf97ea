// How hessian(of:at:strategy:) computes a Hessian, and the one place where
// `.automatic` chooses. A new strategy is a case below, a line in
// `resolved(forInputCount:)` if `.automatic` should pick it, and a branch in
// `_valueGradientHessian`; a pass generic over its SIMD width gets its width
// from `_withSIMDWidth`.

/// How ``hessian(of:at:strategy:)`` computes a dense Hessian.
///
/// Every strategy gives the same exact Hessian (up to rounding); they
/// differ in cost:
///
/// | strategy           | evaluations of f             | width of each        |
/// |--------------------|------------------------------|----------------------|
/// | `.secondOrderSIMD` | 1 for N ≤ 16, else k(k−1)/2  | N + N² lanes (≤ 16)  |
/// | `.hyperDual`       | k(k+1)/2, k = ⌈N/8⌉          | 8 + 8 + 64 lanes     |
/// | `.nestedDual`      | about N·k/2, k = ⌈N/8⌉       | 1 + 8 + 1 + 8 lanes  |
/// | `.forwardOverReverse` | k = ⌈N/16⌉ recordings and sweeps of a tape | 1 + N lanes (≤ 16) |
/// | `.sparse`          | ⌈c/16⌉ recordings and sweeps, c colours | 1 + c lanes (≤ 16)  |
public enum HessianStrategy: Sendable, Hashable, CaseIterable {
  /// Picks by the number of inputs N and, above
  /// ``automaticSecondOrderSIMDLimit``, by how few colours the function's
  /// sparsity pattern needs; see ``resolved(for:at:)``.
  case automatic
  /// Hyper-dual numbers with eight-wide SIMD parts (``HyperDual``), one
  /// 8 × 8 block of the upper triangle per evaluation.
  case hyperDual
  /// Second-order numbers (``SecondOrderDual``) carrying the whole Hessian:
  /// one evaluation for up to 16 inputs, pairs of 8-input blocks beyond.
  case secondOrderSIMD
  /// Nested dual numbers, `Dual<Dual<SIMD8<T>>>`: forward over forward,
  /// the classic method, kept as a reference.
  case nestedDual
  /// The reverse tape's gradient, recorded on dual numbers with SIMD
  /// tangents: every column in one recording and sweep up to 16 inputs,
  /// sixteen per recording beyond, so the cost grows as N, not N²,
  /// times the function's operations.
  case forwardOverReverse
  /// Forward over reverse along the colours of a colouring of the
  /// Hessian's global sparsity pattern (``SparseHessianPlan``'s method),
  /// each entry copied into the dense result: c colours cost as c inputs
  /// would, whatever N. A column colouring gives `.forwardOverReverse`'s
  /// result bit for bit; a star colouring, used when it needs fewer
  /// sweeps or lanes, equal up to rounding. The pattern is detected once
  /// per function value and N and cached when the function's type is
  /// plain data or `Hashable`, else detected on every call. A function
  /// that branches on its inputs has no global pattern and gets
  /// `.forwardOverReverse`.
  /// See <doc:SparseDerivatives> for the cache and the cost model.
  case sparse
}

extension HessianStrategy {
  /// The largest N for which `.automatic` picks `.secondOrderSIMD`.
  ///
  /// Measured on the extended Rosenbrock function, in default and native
  /// builds: one second-order pass is fastest up to N = 4, and forward
  /// over reverse from N = 5 on, since its cost grows as N, not N², times
  /// the function's operations (at N = 16 it does a fifth of the
  /// second-order pass's work). This, ``resolved(forInputCount:)`` and
  /// ``resolved(for:at:)`` (the sparse choice) are the only places that
  /// encode the choice.
  public static let automaticSecondOrderSIMDLimit = 4

  /// The concrete strategy used for `inputCount` inputs: itself, unless
  /// `.automatic`.
  ///
  /// `.automatic` picks `.secondOrderSIMD` for N ≤
  /// ``automaticSecondOrderSIMDLimit`` and `.forwardOverReverse` beyond.
  ///
  /// - Parameter inputCount: N, the number of inputs.
  /// - Returns: Never `.automatic`.
  @inlinable
  public func resolved(forInputCount inputCount: Int) -> HessianStrategy {
    guard self == .automatic else { return self }
    return inputCount <= Self.automaticSecondOrderSIMDLimit
      ? .secondOrderSIMD : .forwardOverReverse
  }
}

/// Value, gradient and Hessian of `f` by `strategy`: the one dispatch every
/// ADFunction driver goes through.
@inlinable
func _valueGradientHessian<T: ADScalar, F: ADFunction>(
  at x: [T], of f: F, strategy: HessianStrategy
) throws -> (value: T, gradient: [T], hessian: Hessian<T>) {
  let n = x.count
  let (resolved, entry) = strategy._resolved(for: f, at: x)
  switch resolved {
  case .automatic, .secondOrderSIMD:
    // Every input in one pass up to 16; beyond, pairs of 8-input blocks.
    return try _withSIMDWidth(
      for: n, atMost: 16, _DensePass<F, T, _SecondOrderLoop>(x: x, f: f))
  case .hyperDual:
    return try _withSIMDWidth(
      for: n, atMost: 8, _DensePass<F, T, _HyperDualLoop>(x: x, f: f))
  case .sparse:
    return try _valueGradientHessianBySparsity(at: x, of: f, entry: entry)
      ?? _valueGradientHessian(at: x, of: f, strategy: .forwardOverReverse)
  case .nestedDual:
    return try _valueGradientHessianByNestedDual(
      at: x, width: SIMD8<T>.self, of: { f($0) })
  case .forwardOverReverse:
    // Every column in one recording and sweep up to 16; beyond, sixteen
    // per pass. (One 16-wide pass costs less than two 8-wide ones.)
    do {
      return try _withSIMDWidth(
        for: n, atMost: 16,
        _DensePass<F, T, _ForwardOverReverseLoop>(x: x, f: f))
    } catch is TapeError {
      // A recording too long for the tape's 32-bit slots, or one that
      // outgrows the memory: the hyper-dual strategy needs no tape and
      // gives the same Hessian.
      return try _valueGradientHessian(at: x, of: f, strategy: .hyperDual)
    }
  }
}

// MARK: - Width dispatch

/// A pass generic over its SIMD width, for ``_withSIMDWidth(for:atMost:_:)``.
@usableFromInline
protocol _WidthGenericPass {
  /// The scalar type of the point and the result.
  associatedtype Scalar: ADScalar
  /// Value, gradient and Hessian with SIMD parts of width `P`.
  func callAsFunction<P>(_ width: P.Type) throws
    -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>)
  where P: _SquareOuterProducts, P.Scalar == Scalar
}

/// Runs `pass` at the narrowest of SIMD2, SIMD4, SIMD8 and SIMD16 that
/// holds `lanes` lanes, and at the widest up to `widest` (8 or 16) beyond:
/// the one place a width is chosen from N.
@inlinable
func _withSIMDWidth<Pass: _WidthGenericPass>(
  for lanes: Int, atMost widest: Int, _ pass: Pass
) throws -> (
  value: Pass.Scalar, gradient: [Pass.Scalar], hessian: Hessian<Pass.Scalar>
) {
  typealias T = Pass.Scalar
  switch lanes {
  case ...2: return try pass(SIMD2<T>.self)
  case ...4: return try pass(SIMD4<T>.self)
  case _ where lanes <= 8 || widest < 16: return try pass(SIMD8<T>.self)
  default: return try pass(SIMD16<T>.self)
  }
}

/// The dense strategies whose width follows N, as one width-generic pass:
/// `Loop`'s evaluation loop (HessianPasses.swift) at the width it is given.
@frozen @usableFromInline
struct _DensePass<F: ADFunction, Scalar: ADScalar, Loop: _DenseLoop>:
  _WidthGenericPass
{
  @usableFromInline let x: [Scalar]
  @usableFromInline let f: F

  @inlinable
  init(x: [Scalar], f: F) {
    self.x = x
    self.f = f
  }

  @inlinable
  func callAsFunction<P>(_ width: P.Type) throws
    -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>)
  where P: _SquareOuterProducts, P.Scalar == Scalar {
    // A constant once specialised for `Loop`: one loop per instance.
    if Loop.strategy == .forwardOverReverse {
      return try _valueGradientHessianByForwardOverReverse(
        at: x, width: P.self
      ) { f($0) }
    }
    // The second-order loops run with unchecked outer products first.
    return try _uncheckedUnlessNaN {
      try secondOrderLoop(P.self, _UncheckedOuterProducts<P>.self)
    } else: {
      try secondOrderLoop(P.self, P.self)
    }
  }

  /// The hyper-dual or the second-order loop, on numbers whose parts are
  /// P's and whose outer products are Q's.
  @inlinable
  func secondOrderLoop<P, Q>(_ width: P.Type, _ partials: Q.Type) throws
    -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>)
  where
    P: SIMD & DualPartials, P.Scalar == Scalar,
    Q: HyperDualPartials, Q.Epsilon1 == P, Q.Epsilon2 == P
  {
    Loop.strategy == .hyperDual
      ? try _valueGradientHessianByHyperDual(
        at: x, block: P.self, partials: Q.self
      ) { f($0) }
      : try _valueGradientHessianBySecondOrder(
        at: x, width: P.self, partials: Q.self
      ) { f($0) }
  }
}

/// Which loop a ``_DensePass`` runs, as a type, so that each is
/// specialised on its own.
@usableFromInline
protocol _DenseLoop {
  /// The strategy whose loop it is.
  static var strategy: HessianStrategy { get }
}

/// ``HessianStrategy/secondOrderSIMD``'s loop.
@usableFromInline
enum _SecondOrderLoop: _DenseLoop {
  @inlinable static var strategy: HessianStrategy { .secondOrderSIMD }
}

/// ``HessianStrategy/hyperDual``'s loop.
@usableFromInline
enum _HyperDualLoop: _DenseLoop {
  @inlinable static var strategy: HessianStrategy { .hyperDual }
}

/// ``HessianStrategy/forwardOverReverse``'s loop.
@usableFromInline
enum _ForwardOverReverseLoop: _DenseLoop {
  @inlinable static var strategy: HessianStrategy { .forwardOverReverse }
}
