// How hessian(of:at:strategy:) computes a Hessian, and the one place where
// `.automatic` chooses. A new strategy is a case below, a line in
// `resolved(forInputCount:)` if `.automatic` should pick it, and a branch in
// `_valueGradientHessian`.

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
  /// Measured by the W3 benchmark (Rosenbrock, default and native builds;
  /// callgrind instructions per Hessian, default build): one second-order
  /// pass is fastest up to N = 4 (7 500 against 9 200 for forward over
  /// reverse at N = 4; 2.9× the hand-written Hessian at N = 2), and
  /// forward over reverse from N = 5 on (13 200 against 20 100 at N = 5;
  /// 20 300 against 33 100 at N = 8, 59 600 against 392 000 at N = 16),
  /// since its cost grows as N, not N². This,
  /// ``resolved(forInputCount:)`` and ``resolved(for:at:)`` (the
  /// sparse choice) are the only places that encode the choice.
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
  switch strategy.resolved(for: f, at: x) {
  case .automatic, .secondOrderSIMD:
    // The narrowest width that holds every input in one pass; beyond 16,
    // SIMD16 in pairs of 8-input blocks.
    switch x.count {
    case ...2:
      return try _valueGradientHessianBySecondOrder(
        at: x, width: SIMD2<T>.self, of: { f($0) })
    case ...4:
      return try _valueGradientHessianBySecondOrder(
        at: x, width: SIMD4<T>.self, of: { f($0) })
    case ...8:
      return try _valueGradientHessianBySecondOrder(
        at: x, width: SIMD8<T>.self, of: { f($0) })
    default:
      return try _valueGradientHessianBySecondOrder(
        at: x, width: SIMD16<T>.self, of: { f($0) })
    }
  case .hyperDual:
    switch x.count {
    case ...2:
      return try _valueGradientHessianByHyperDual(
        at: x, block: SIMD2<T>.self, of: { f($0) })
    case ...4:
      return try _valueGradientHessianByHyperDual(
        at: x, block: SIMD4<T>.self, of: { f($0) })
    default:
      return try _valueGradientHessianByHyperDual(
        at: x, block: SIMD8<T>.self, of: { f($0) })
    }
  case .sparse:
    return try _valueGradientHessianBySparsity(at: x, of: f)
      ?? _valueGradientHessian(at: x, of: f, strategy: .forwardOverReverse)
  case .nestedDual:
    return try _valueGradientHessianByNestedDual(
      at: x, width: SIMD8<T>.self, of: { f($0) })
  case .forwardOverReverse:
    // The narrowest width that holds every column in one recording and
    // sweep; beyond 16, sixteen columns per pass. (One 16-wide pass at
    // N = 16 costs 59 600 instructions, two 8-wide ones 75 900: W3.)
    do {
      switch x.count {
      case ...2:
        return try _valueGradientHessianByForwardOverReverse(
          at: x, width: SIMD2<T>.self, of: { f($0) })
      case ...4:
        return try _valueGradientHessianByForwardOverReverse(
          at: x, width: SIMD4<T>.self, of: { f($0) })
      case ...8:
        return try _valueGradientHessianByForwardOverReverse(
          at: x, width: SIMD8<T>.self, of: { f($0) })
      default:
        return try _valueGradientHessianByForwardOverReverse(
          at: x, width: SIMD16<T>.self, of: { f($0) })
      }
    } catch is TapeError {
      // A recording too long for the tape's 32-bit slots, or one that
      // outgrows the memory: the hyper-dual strategy needs no tape and
      // gives the same Hessian.
      return try _valueGradientHessian(at: x, of: f, strategy: .hyperDual)
    }
  }
}
