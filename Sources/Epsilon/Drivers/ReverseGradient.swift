// Gradients by reverse mode: record the function once on a tape and sweep
// back, so N inputs cost a small constant times one evaluation, whatever N.

extension GradientTape {
  /// The value and gradient of `f` at `x`, recorded on this tape after
  /// clearing it: reuses the tape's storage between calls.
  ///
  /// ```swift
  /// let tape = GradientTape<Double>()
  /// for x in points {
  ///   let (y, g) = try tape.valueWithGradient(at: x) { x in rosenbrock(x) }
  /// }
  /// ```
  ///
  /// Each task should own its tape; separate tapes run concurrently.
  /// Inputs `f` does not depend on get a zero gradient.
  ///
  /// - Throws: ``TapeError`` if `f` returns a variable of another tape or
  ///   one poisoned by mixing tapes; ``TapeError/cannotReserve(slots:)``
  ///   or ``TapeError/outOfMemory(bytes:)`` if the inputs' tape or arrays
  ///   cannot be allocated, and ``TapeError/tapeFull(_:)`` if the
  ///   recording outgrows the memory.
  /// - Complexity: One evaluation of `f` and one reverse sweep; no
  ///   allocation once the tape's storage has grown to fit `f`.
  @inlinable
  public func valueWithGradient(
    at x: [T], of f: ([Variable]) -> Variable
  ) throws -> (value: T, gradient: [T]) {
    try _withValueAndGradient(at: x, of: f) { value, gradient in
      (value, Array(gradient))
    }
  }

  /// Clears the tape, records `f` at `x`, sweeps once, and hands `body`
  /// f(x) and the gradient in place, in the adjoint buffer (valid only
  /// during `body`): what ``valueWithGradient(at:of:)`` copies into an
  /// array, and what a driver that reads only part of it reads directly.
  ///
  /// - Throws: As ``valueWithGradient(at:of:)``.
  @inlinable
  func _withValueAndGradient<R>(
    at x: [T], of f: ([Variable]) -> Variable,
    _ body: (T, UnsafeBufferPointer<T>) -> R
  ) throws -> R {
    clear()
    try reserveCapacity(x.count)
    // The arrays this driver builds for the caller are checked as the tape
    // is: a huge input throws rather than stopping the process where the
    // runtime's allocation fails (the tape's reservation can succeed and
    // the inputs, three times the size of `x`, still not fit).
    try _checkAllocation(x.count, of: Variable.self)
    try _checkAllocation(x.count, of: T.self)
    // The inputs array is moved into a local while recording: appending to
    // the stored property between calls to this tape's methods made each
    // append a dynamic exclusivity check (swift_beginAccess, ~120
    // instructions per input, 18% of a Rosenbrock gradient).
    var inputs = _inputs
    _inputs = []
    defer { _inputs = inputs }
    inputs.removeAll(keepingCapacity: true)
    inputs.reserveCapacity(x.count)
    for xi in x { inputs.append(_recordInput(xi)) }
    let y = f(inputs)
    try _check(y, .target)
    for input in inputs { try _check(input, .source) }
    _isSpent = true
    let n = x.count
    let top = y._state == nil ? 0 : Int(y._slot)
    let slots = Swift.max(top, n) + 1
    let adjoints = try _adjointBuffer(slots)
    adjoints.initialize(repeating: 0, count: slots)
    defer { adjoints.deinitialize(count: slots) }
    if y._state != nil {
      adjoints[top] = 1
      // Inputs take slots 1...n, in order, and have no arguments but the
      // trash slot: the sweep stops above them.
      _sweep(adjoints, from: top, downTo: n + 1)
    }
    return body(y.value, UnsafeBufferPointer(start: adjoints + 1, count: n))
  }

  /// The gradient of `f` at `x`, recorded on this tape after clearing it.
  ///
  /// - Throws: As ``valueWithGradient(at:of:)``.
  /// - Complexity: One evaluation of `f` and one reverse sweep.
  @inlinable
  public func gradient(at x: [T], of f: ([Variable]) -> Variable) throws
    -> [T]
  {
    try valueWithGradient(at: x, of: f).gradient
  }
}

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
  try GradientTape<T>().valueWithGradient(at: x, of: f).gradient
}

/// The value and gradient of `f` at `x` by reverse mode.
///
/// - Throws: As ``reverseGradient(at:of:)``.
/// - Complexity: One evaluation of `f` and one reverse sweep.
@inlinable
public func valueWithReverseGradient<T: ADReal>(
  at x: [T], of f: ([GradientTape<T>.Variable]) -> GradientTape<T>.Variable
) throws -> (value: T, gradient: [T]) {
  try GradientTape<T>().valueWithGradient(at: x, of: f)
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
///   - f: The vector function, recorded on a fresh tape.
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
  let tape = GradientTape<T>()
  try tape.reserveCapacity(x.count)
  try _checkAllocation(x.count, of: GradientTape<T>.Variable.self)
  let inputs = tape.variables(x)
  let outputs = f(inputs)
  return try tape.gradient(
    of: outputs, withRespectTo: inputs, outputGradients: v,
    unconnected: .zero
  ).map { $0 ?? 0 }
}
