// The gradient of a function written once as an ADFunction, by forward
// SIMD chunks or by the tape: the one place the two modes meet.

/// How ``gradient(of:at:mode:)`` computes a gradient.
public enum GradientMode: Equatable, Sendable {
  /// Forward SIMD chunks up to ``reverseThreshold`` inputs, reverse above.
  case automatic
  /// Forward mode in chunks of eight SIMD partials: ⌈N/8⌉ evaluations.
  case forward
  /// Reverse mode: one evaluation recorded on a tape, one sweep.
  case reverse

  /// The number of inputs above which `.automatic` uses reverse mode.
  ///
  /// Forward chunks cost ⌈N/8⌉ evaluations, so O(N²) for a function whose
  /// work grows with N; the tape costs O(N) but more per operation. On
  /// the extended Rosenbrock function the two cross between 16 and 24
  /// inputs: two forward passes still beat the tape, a third does not.
  public static let reverseThreshold = 16
}

/// The gradient of a generic function, by the mode you choose or the one
/// that suits the number of inputs.
///
/// ```swift
/// try gradient(of: Rosenbrock(), at: x)                  // forward for N ≤ 16
/// try gradient(of: Rosenbrock(), at: x, mode: .reverse)  // tape
/// ```
///
/// - Parameters:
///   - f: The function, written once as an ``ADFunction``.
///   - x: The point: one value per input.
///   - mode: `.automatic` (default) uses forward chunks for up to
///     ``GradientMode/reverseThreshold`` inputs and a tape above.
/// - Returns: ∇f(x).
/// - Throws: When the tape is used, ``TapeError`` if its recording or the
///   arrays for `x` cannot be allocated (``TapeError/tapeFull(_:)``,
///   ``TapeError/outOfMemory(bytes:)``, ``TapeError/cannotReserve(slots:)``).
/// - Complexity: ⌈N/8⌉ evaluations (forward) or one evaluation and one
///   sweep (reverse).
@inlinable
public func gradient<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], mode: GradientMode = .automatic
) throws -> [T] {
  try valueWithGradient(of: f, at: x, mode: mode).gradient
}

/// The value and gradient of a generic function, by the mode you choose or
/// the one that suits the number of inputs.
///
/// - Throws: As ``gradient(of:at:mode:)``.
/// - Complexity: As ``gradient(of:at:mode:)``.
@inlinable
public func valueWithGradient<T: ADScalar, F: ADFunction>(
  of f: F, at x: [T], mode: GradientMode = .automatic
) throws -> (value: T, gradient: [T]) {
  let useReverse: Bool
  switch mode {
  case .automatic: useReverse = x.count > GradientMode.reverseThreshold
  case .forward: useReverse = false
  case .reverse: useReverse = true
  }
  if !useReverse {
    return valueWithGradient(at: x, chunk: SIMD8<T>.self) { f($0) }
  }
  return try GradientTape<T>._withDriverTape { tape in
    try tape.valueWithGradient(at: x) { f($0) }
  }
}
