// The reverse-mode drivers: each records the function once on an empty tape
// of its own (TapeCache.swift) and sweeps back (the tape's record-and-sweep,
// Tape+Gradient.swift), so N inputs cost a small constant times one
// evaluation, whatever N.

/// The gradient of `f` at `x` by reverse mode: one evaluation and one
/// reverse sweep, whatever the number of inputs.
///
/// ```swift
/// try reverseGradient(at: [2.0, 3.0]) { x in (x[0] + 5) * x[1] * x[1] }
/// // [9.0, 42.0]
/// ```
///
/// Named apart from the forward ``gradient(at:of:)`` so that an
/// unannotated closure picks one mode unambiguously. To reuse storage
/// between calls, keep a tape and call its
/// ``GradientTape/gradient(at:of:)``.
///
/// - Throws: ``TapeError`` if `f` returns a variable of another tape or
///   one poisoned by mixing tapes, or if the tape or the driver's arrays
///   cannot be allocated (``GradientTape/valueWithGradient(at:of:)``).
/// - Complexity: O(operations of `f`) time and 24 bytes per operation
///   (for `Double`).
@inlinable
public func reverseGradient<T: ADReal>(
  at x: [T], of f: ([GradientTape<T>.Variable]) -> GradientTape<T>.Variable
) throws -> [T] {
  try GradientTape<T>._withDriverTape { try $0.valueWithGradient(at: x, of: f).gradient }
}

/// The value and gradient of `f` at `x` by reverse mode.
///
/// - Throws: As ``reverseGradient(at:of:)``.
/// - Complexity: One evaluation of `f` and one reverse sweep.
@inlinable
public func valueWithReverseGradient<T: ADReal>(
  at x: [T], of f: ([GradientTape<T>.Variable]) -> GradientTape<T>.Variable
) throws -> (value: T, gradient: [T]) {
  try GradientTape<T>._withDriverTape { try $0.valueWithGradient(at: x, of: f) }
}

/// The vector-Jacobian product `vᵀ·J` of a vector function `f` at `x`:
/// one reverse sweep, whatever the number of inputs.
///
/// ```
/// result_i = Σ_j v_j · ∂f_j/∂x_i
/// ```
///
/// ```swift
/// try vectorJacobianProduct(at: [1.0, 2.0], along: [1.0, 1.0]) { x in
///   [x[0] * x[1], sin(x[0])]
/// }   // [2 + cos 1, 1]
/// ```
///
/// - Parameters:
///   - x: The point: one value per input.
///   - v: One cotangent per output of `f`.
///   - f: The vector function, recorded on an empty tape of the driver's
///     own.
/// - Throws: ``TapeError/cotangentCountMismatch(outputs:cotangents:)`` if
///   `v` and the output differ in length; ``TapeError`` for outputs of
///   another tape or poisoned ones, or if the inputs' tape or array cannot
///   be allocated.
/// - Complexity: One evaluation of `f` and one reverse sweep.
@inlinable
public func vectorJacobianProduct<T: ADReal>(
  at x: [T], along v: [T],
  of f: ([GradientTape<T>.Variable]) -> [GradientTape<T>.Variable]
) throws -> [T] {
  try GradientTape<T>._withDriverTape { tape in
    try tape.reserveCapacity(x.count)
    try _checkAllocation(x.count, of: GradientTape<T>.Variable.self)
    let inputs = tape.variables(x)
    let outputs = f(inputs)
    return try tape.gradient(
      of: outputs, withRespectTo: inputs, outputGradients: v,
      unconnected: .zero
    ).map { $0 ?? 0 }
  }
}
