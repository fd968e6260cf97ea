// Recording inputs and asking for gradients: tf.GradientTape's `watch` and
// `gradient`, with its `None` for unconnected sources.

/// What a gradient request returns for a source the target does not depend
/// on (TensorFlow's `UnconnectedGradients`).
public enum UnconnectedGradients: Equatable, Sendable {
  /// `nil`, as TensorFlow's default `None`.
  case none
  /// Zero, as TensorFlow's `UnconnectedGradients.ZERO`.
  case zero
}

extension GradientTape {
  /// Records a watched input: gradients with respect to it are computed.
  ///
  /// ```swift
  /// let x = tape.variable(5.0)
  /// ```
  ///
  /// - Complexity: O(1) amortized.
  @inlinable
  public func variable(_ value: T) -> Variable { _recordInput(value) }

  /// Records watched inputs, one per value.
  ///
  /// - Complexity: O(n) amortized.
  @inlinable
  public func variables(_ values: [T]) -> [Variable] {
    values.map { _recordInput($0) }
  }

  /// Records an unwatched input: its gradient is `nil` unless you
  /// ``watch(_:)-(Variable)`` it (TensorFlow's `tf.constant`).
  ///
  /// - Complexity: O(1) amortized.
  @inlinable
  public func constant(_ value: T) -> Variable {
    let v = _recordInput(value)
    if v._state != nil { _unwatched.append(v._slot) }
    return v
  }

  /// Makes a constant of this tape a source: gradients with respect to it
  /// are computed. Watching anything else does nothing.
  ///
  /// Unlike TensorFlow, operations recorded before the call count too.
  ///
  /// - Complexity: O(number of unwatched constants).
  @inlinable
  public func watch(_ constant: Variable) {
    guard constant._state == _header,
      constant._generation == _header._generation,
      let k = _unwatchedPosition(constant._slot)
    else { return }
    _unwatched.remove(at: k)
  }

  /// Makes constants of this tape sources.
  @inlinable
  public func watch(_ constants: [Variable]) {
    for c in constants { watch(c) }
  }

  /// The position of `slot` in the unwatched list, if there.
  @inlinable
  func _unwatchedPosition(_ slot: UInt32) -> Int? {
    var lo = 0
    var hi = _unwatched.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if _unwatched[mid] < slot { lo = mid + 1 } else { hi = mid }
    }
    return lo < _unwatched.count && _unwatched[lo] == slot ? lo : nil
  }

  /// The gradient of `target` with respect to `source`.
  ///
  /// ```swift
  /// let tape = GradientTape<Double>()
  /// let x = tape.variable(5.0)
  /// try tape.gradient(of: x * x, withRespectTo: x)   // 10.0
  /// ```
  ///
  /// - Parameters:
  ///   - target: What to differentiate.
  ///   - source: A variable, watched constant or intermediate of this tape.
  ///   - unconnected: What to return if `target` does not depend on
  ///     `source`, or `source` is an unwatched constant.
  /// - Returns: ∂target/∂source, or `nil` if unconnected (never `nil` with
  ///   `unconnected: .zero`).
  /// - Throws: ``TapeError``: a second request to a non-persistent tape;
  ///   a target or source that is stale, poisoned or of another tape.
  /// - Complexity: One reverse sweep over the slots up to `target`.
  @inlinable
  public func gradient(
    of target: Variable, withRespectTo source: Variable,
    unconnected: UnconnectedGradients = .none
  ) throws -> T? {
    try _gradients(
      of: [target], cotangents: nil, withRespectTo: [source],
      unconnected: unconnected)[0]
  }

  /// The gradient of `target` with respect to each source, in one sweep.
  ///
  /// ```swift
  /// try tape.gradient(of: z, withRespectTo: [x1, x2])   // [9.0, 42.0]
  /// ```
  ///
  /// - Returns: ∂target/∂sourceᵢ, `nil` where unconnected.
  /// - Throws: ``TapeError``, as `gradient(of:withRespectTo:unconnected:)`.
  /// - Complexity: One reverse sweep.
  @inlinable
  public func gradient(
    of target: Variable, withRespectTo sources: [Variable],
    unconnected: UnconnectedGradients = .none
  ) throws -> [T?] {
    try _gradients(
      of: [target], cotangents: nil, withRespectTo: sources,
      unconnected: unconnected)
  }

  /// The gradient of the sum of `targets` with respect to `source`.
  ///
  /// ```swift
  /// let x = tape.variable(5.0)
  /// try tape.gradient(of: [3 * x, x * x], withRespectTo: x)   // 13.0
  /// ```
  ///
  /// - Throws: ``TapeError``, as `gradient(of:withRespectTo:unconnected:)`.
  /// - Complexity: One reverse sweep.
  @inlinable
  public func gradient(
    of targets: [Variable], withRespectTo source: Variable,
    unconnected: UnconnectedGradients = .none
  ) throws -> T? {
    try _gradients(
      of: targets, cotangents: nil, withRespectTo: [source],
      unconnected: unconnected)[0]
  }

  /// The gradient of the sum of `targets` with respect to each source.
  ///
  /// - Throws: ``TapeError``, as `gradient(of:withRespectTo:unconnected:)`.
  /// - Complexity: One reverse sweep.
  @inlinable
  public func gradient(
    of targets: [Variable], withRespectTo sources: [Variable],
    unconnected: UnconnectedGradients = .none
  ) throws -> [T?] {
    try _gradients(
      of: targets, cotangents: nil, withRespectTo: sources,
      unconnected: unconnected)
  }

  /// The vector-Jacobian product: the gradient of `Σ cotangentsⱼ·targetsⱼ`
  /// with respect to each source (TensorFlow's `output_gradients`).
  ///
  /// ```
  /// result_i = Σ_j cotangents_j · ∂targets_j/∂sources_i
  /// ```
  ///
  /// - Throws: ``TapeError/cotangentCountMismatch(outputs:cotangents:)`` if
  ///   the counts differ; otherwise as
  ///   `gradient(of:withRespectTo:unconnected:)`.
  /// - Complexity: One reverse sweep.
  @inlinable
  public func gradient(
    of targets: [Variable], withRespectTo sources: [Variable],
    outputGradients cotangents: [T],
    unconnected: UnconnectedGradients = .none
  ) throws -> [T?] {
    try _gradients(
      of: targets, cotangents: cotangents, withRespectTo: sources,
      unconnected: unconnected)
  }

  /// Throws unless `v` is inactive or a current variable of this tape.
  @inlinable
  func _check(_ v: Variable, _ role: TapeError.Role) throws {
    guard let state = v._state else {
      switch v._slot {
      case 0: return
      case _TapePoison.mixedTapes: throw TapeError.mixedTapes(role)
      case _TapePoison.stale: throw TapeError.staleVariable(role)
      default: throw TapeError.tapeFull(role)
      }
    }
    if state != _header { throw TapeError.foreignVariable(role) }
    if v._generation != _header._generation {
      throw TapeError.staleVariable(role)
    }
  }

  /// Which slots from 0 to `top` depend on a watched input (a variable,
  /// or a constant since watched): a forward pass over the entries. An
  /// input is an entry with no arguments; slot 0 depends on nothing.
  @inlinable
  func _dependsOnWatched(upTo top: Int) -> [Bool] {
    var result = [Bool](repeating: false, count: top + 1)
    let entries = _entries
    var next = 0  // the first unwatched constant not yet passed
    var i = 1
    while i <= top {
      let e = entries[i]
      if e.lhs == 0 && e.rhs == 0 {
        while next < _unwatched.count && Int(_unwatched[next]) < i {
          next += 1
        }
        result[i] =
          !(next < _unwatched.count && Int(_unwatched[next]) == i)
      } else {
        result[i] =
          result[Int(truncatingIfNeeded: e.lhs)]
          || result[Int(truncatingIfNeeded: e.rhs)]
      }
      i += 1
    }
    return result
  }

  /// Gradients of `targets` (weighted by `cotangents`, or 1 each), read
  /// for each source: one reverse pass (``_withReversePass(slots:top:downTo:seed:_:)``),
  /// then zero told from unconnected.
  @inlinable
  func _gradients(
    of targets: [Variable], cotangents: [T]?,
    withRespectTo sources: [Variable], unconnected: UnconnectedGradients
  ) throws -> [T?] {
    if !isPersistent && _isSpent { throw TapeError.nonPersistentTapeReused }
    if let c = cotangents, c.count != targets.count {
      throw TapeError.cotangentCountMismatch(
        outputs: targets.count, cotangents: c.count)
    }
    for t in targets { try _check(t, .target) }
    for s in sources { try _check(s, .source) }

    var top = 0
    for t in targets where t._state != nil {
      top = Swift.max(top, Int(t._slot))
    }
    return try _withReversePass(slots: top + 1, top: top) { adjoints in
      for (j, t) in targets.enumerated() where t._state != nil {
        adjoints[Int(t._slot)] += cotangents?[j] ?? 1
      }
    } hasNaN: { adjoints in
      sources.contains {
        $0._state != nil && Int($0._slot) <= top && adjoints[Int($0._slot)]._hasNaNPart
      }
    } _: { adjoints in
      _read(
        adjoints, top: top, targets: targets, sources: sources,
        unconnected: unconnected)
    }
  }

  /// Each source's adjoint after a sweep from `top`, or `unconnected`'s
  /// answer where the targets do not depend on it.
  @inlinable
  func _read(
    _ adjoints: UnsafeMutablePointer<T>, top: Int, targets: [Variable],
    sources: [Variable], unconnected: UnconnectedGradients
  ) -> [T?] {
    let missing: T? = unconnected == .zero ? 0 : nil
    var reached: [Bool]? = nil
    var watched: [Bool]? = nil
    return sources.map { s -> T? in
      let slot = Int(s._slot)
      guard s._state != nil, slot <= top, _unwatchedPosition(s._slot) == nil
      else { return missing }
      // An intermediate computed only from unwatched constants is not
      // connected, as in TensorFlow, which does not record it at all.
      if !_unwatched.isEmpty {
        if watched == nil { watched = _dependsOnWatched(upTo: top) }
        if watched?[slot] != true { return missing }
      }
      let a = adjoints[slot]
      // A nonzero adjoint is connected; only a zero one needs the
      // reachability pass to tell 0 from unconnected.
      if a == 0 {
        if reached == nil {
          reached = _reachable(
            from: targets.compactMap { $0._state == nil ? nil : $0._slot },
            top: top)
        }
        if reached?[slot] != true { return missing }
      }
      return a
    }
  }
}

// Recording a function and sweeping once: the whole of a gradient by
// reverse mode, which the drivers (`reverseGradient`, the ADFunction
// `gradient`, forward over reverse Hessians) call.

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
    // append a dynamic exclusivity check (swift_beginAccess, a runtime
    // call per input).
    var inputs = _inputs
    _inputs = []
    defer { _inputs = inputs }
    inputs.removeAll(keepingCapacity: true)
    inputs.reserveCapacity(x.count)
    for xi in x { inputs.append(_recordInput(xi)) }
    let y = f(inputs)
    try _check(y, .target)
    for input in inputs { try _check(input, .source) }
    let n = x.count
    let top = y._state == nil ? 0 : Int(y._slot)
    // Inputs take slots 1...n, in order, and have no arguments but the
    // trash slot: the sweep stops above them.
    return try _withReversePass(slots: Swift.max(top, n) + 1, top: top, downTo: n + 1) {
      adjoints in
      if y._state != nil { adjoints[top] = 1 }
    } hasNaN: { adjoints in
      UnsafeBufferPointer(start: adjoints + 1, count: n).contains { $0._hasNaNPart }
    } _: { adjoints in
      body(y.value, UnsafeBufferPointer(start: adjoints + 1, count: n))
    }
  }

  /// One reverse pass, the core of every gradient this tape gives: marks
  /// the tape spent, zeroes adjoints for slots `0 ..< slots`, lets `seed`
  /// set the targets', sweeps from `top` down to `bottom`, and hands the
  /// adjoints to `body` (valid only during `body`).
  ///
  /// On a tape of numbers with a plain product (plain numbers, and duals
  /// of them with SIMD or one-lane partials) the sweep takes plain products
  /// first, and sweeps again with the annihilating ones only if `hasNaN`
  /// finds a NaN part among the adjoints `body` reads (``_sweep(_:from:downTo:plain:)``
  /// says why the numbers are the same): one test per result read, not
  /// two per recorded operation.
  ///
  /// - Throws: ``TapeError/outOfMemory(bytes:)`` if the adjoints cannot be
  ///   allocated.
  @inlinable
  func _withReversePass<R>(
    slots: Int, top: Int, downTo bottom: Int = 1,
    seed: (UnsafeMutablePointer<T>) -> Void,
    hasNaN: (UnsafeMutablePointer<T>) -> Bool,
    _ body: (UnsafeMutablePointer<T>) -> R
  ) throws -> R {
    _isSpent = true
    let adjoints = try _adjointBuffer(slots)
    adjoints.initialize(repeating: 0, count: slots)
    defer { adjoints.deinitialize(count: slots) }
    seed(adjoints)
    if T._hasPlainProduct {
      _sweep(adjoints, from: top, downTo: bottom, plain: true)
      if _slowPath(hasNaN(adjoints)) {
        adjoints.update(repeating: 0, count: slots)
        seed(adjoints)
        _sweep(adjoints, from: top, downTo: bottom)
      }
    } else {
      _sweep(adjoints, from: top, downTo: bottom)
    }
    return body(adjoints)
  }
}
