// The reverse tape: a flat buffer of recorded operations (Wengert list), the
// record path the variables call, and the reverse sweep.

/// A tape that records operations on its variables and gives their
/// gradients by one reverse sweep, with TensorFlow's `tf.GradientTape`
/// semantics.
///
/// ```swift
/// let tape = GradientTape<Double>()                 // non-persistent
/// let x1 = tape.variable(2.0), x2 = tape.variable(3.0)
/// let z = (x1 + 5) * x2 * x2                        // 63.0
/// try tape.gradient(of: z, withRespectTo: [x1, x2]) // [9.0, 42.0]
/// ```
///
/// Variables are ``ADReal`` numbers, so generic code (`g<T: ADReal>`) runs
/// on them unchanged, control flow included: only the operations actually
/// executed are recorded.
///
/// - ``variable(_:)`` records a watched input; ``constant(_:)`` records an
///   unwatched one, whose gradient is `nil` unless you ``watch(_:)-(Variable)`` it.
/// - A source the target does not depend on has gradient `nil` (or zero,
///   with `unconnected: .zero`).
/// - A non-persistent tape answers one `gradient(of:withRespectTo:unconnected:)`
///   call; create it with `persistent: true` to ask more.
/// - ``clear()`` empties the tape and keeps its storage for the next
///   recording.
/// - Nested tapes differentiate derivatives: a tape whose scalars are
///   another tape's variables (`GradientTape<GradientTape<Double>.Variable>`)
///   records its own reverse sweep on the outer tape (reverse over
///   reverse); a tape of dual numbers (`GradientTape<Dual<SIMD8<Double>>>`)
///   gives Hessian-vector products (forward over reverse).
///
/// Misuse never gives a wrong number: an operation mixing two tapes' variables,
/// or using a variable recorded before ``clear()`` or on a released tape,
/// yields a *poisoned* variable, and asking for a gradient of or with respect
/// to it throws a ``TapeError`` saying what happened.
///
/// A tape and its variables belong to one thread or task; separate tapes in
/// separate tasks run concurrently.
///
/// - Complexity: Recording costs O(1) per operation and
///   ``bytesPerEntry`` bytes (24 for `Double`); a gradient costs one sweep
///   over the recorded operations plus one adjoint of `T` per slot.
public final class GradientTape<T: ADReal> {
  /// The state shared with this tape's variables (replaced only when its
  /// generations are used up; see ``clear()``).
  ///
  /// The tape's stored `var`s are never accessed overlappingly (every
  /// method reads or writes them in one statement), so their dynamic
  /// exclusivity checks are off: on `_header` they cost a runtime call at
  /// every sweep and record entry point, a sixth of a small gradient.
  @exclusivity(unchecked) @usableFromInline
  var _header: UnsafeMutablePointer<_TapeHeader>
  /// Whether this tape answers more than one gradient request.
  public let isPersistent: Bool
  /// Slots of unwatched constants, in increasing order.
  @exclusivity(unchecked) @usableFromInline var _unwatched: [UInt32] = []
  /// Whether a non-persistent tape has given its one set of gradients.
  @exclusivity(unchecked) @usableFromInline var _isSpent = false
  /// Reusable input variables for `gradient(at:of:)`.
  @exclusivity(unchecked) @usableFromInline var _inputs: [Variable] = []

  /// An empty tape.
  ///
  /// - Parameter persistent: Whether the tape answers any number of
  ///   gradient requests (`true`) or one (`false`, TensorFlow's default).
  ///
  /// Inlinable, so that it is specialised for `T`: generic, it built the
  /// trash slot's zero from an integer literal through witness tables and
  /// looked up `_TapeEntry<T>`'s metadata on every call, a sixth of a small
  /// forward-over-reverse Hessian.
  @inlinable
  public init(persistent: Bool = false) {
    isPersistent = persistent
    _header = _acquireTapeHeader()
    // Slot 0, the trash slot inactive arguments point at, is counted from
    // the start and initialized with the entry buffer: a released tape's,
    // if the header kept one that suits `T`, else the first one `_grow`
    // allocates. If even that fails, the first record fails again and
    // poisons.
    _header.pointee.count = 1
    _header.pointee.limit = _tapeSlotLimit
    _header.pointee.isFull = false
    let kept = _header.pointee.entries.capacity(of: _TapeEntry<T>.self)
    if kept >= 2 {
      _header.pointee.capacity = Swift.min(kept, _tapeSlotLimit)
      _entries.initialize(to: _TapeEntry(lhs: 0, rhs: 0, dl: 0, dr: 0))
    } else {
      _header.pointee.entries.free()
      _ = Self._grow(_header, toAtLeast: 64)
    }
  }

  deinit {
    // (Generic code: for a plain-data `T` there is nothing to deinitialize,
    // and asking costs a metadata lookup per tape.)
    if !_isPOD(T.self), _header.pointee.entries.base != nil {
      _entries.deinitialize(count: _header.pointee.count)
    }
    // The buffers stay with the header: the pool keeps them for the next
    // tape while its budget allows.
    _TapeHeaderPool.shared.release(_header)
  }

  /// Frees the storage released tapes left for the next ones.
  ///
  /// A released tape's entry and adjoint buffers stay in a pool that
  /// every tape (of any scalar type) draws from, up to a sixteenth of the
  /// memory the process may use (the machine's, or its container's cgroup
  /// limit where that is lower) and at most 1 GiB, so that a new tape records into
  /// memory that is already mapped: at 10⁶ inputs, page faults on fresh
  /// memory cost three times the recording itself. Call this after the
  /// last large gradient to give that memory back.
  ///
  /// The drivers that record on tapes of their own (``reverseGradient(at:of:)``,
  /// the closure ``hessian(at:of:)``, …) also keep, on each thread, up to
  /// four small tapes (at most 1 MiB of buffers each) for their next call;
  /// this releases the calling thread's, and a thread's are released when
  /// it ends.
  ///
  /// - Complexity: O(pooled buffers).
  public static func releaseCachedStorage() {
    _releaseThreadTapes()
    _TapeHeaderPool.shared.releaseBuffers()
  }

  /// The number of slots recorded: one per variable, constant and
  /// operation with an active argument.
  @inlinable public var count: Int { _header.pointee.count - 1 }

  /// The number of slots the tape holds before its storage must grow.
  @inlinable public var capacity: Int {
    Swift.max(_header.pointee.capacity - 1, 0)
  }

  /// Bytes of tape per recorded slot: two 32-bit argument slots and two
  /// partial derivatives (24 for `Double`). A gradient sweep adds one `T`
  /// per slot for the adjoints.
  @inlinable public static var bytesPerEntry: Int {
    MemoryLayout<_TapeEntry<T>>.stride
  }

  /// Makes room for `slots` recorded slots without growing during
  /// recording.
  ///
  /// ```swift
  /// let tape = GradientTape<Double>()
  /// try tape.reserveCapacity(1_000_000)   // 24 MB, allocated once
  /// ```
  ///
  /// - Throws: ``TapeError/cannotReserve(slots:)`` if `slots` exceeds the
  ///   2³² − 3 slots a tape holds or the memory cannot be allocated; the
  ///   tape is unchanged and still usable.
  /// - Complexity: O(``count``) if the storage moves.
  @inlinable
  public func reserveCapacity(_ slots: Int) throws(TapeError) {
    guard slots > capacity else { return }
    guard slots < _header.pointee.limit,
      Self._grow(_header, toAtLeast: slots + 1, reservation: true)
    else { throw .cannotReserve(slots: slots) }
  }

  /// Empties the tape, keeping its storage; variables recorded so far
  /// become stale.
  ///
  /// A non-persistent tape may record and answer again after `clear()`.
  ///
  /// - Complexity: O(1) for trivial scalar types, O(``count``) otherwise.
  @inlinable
  public func clear() {
    let count = _header.pointee.count
    if count > 1 {
      _entries.advanced(by: 1).deinitialize(count: count - 1)
    }
    _header.pointee.count = 1
    // Memory may have been freed since growth failed: try again.
    _header.pointee.isFull = false
    if !_header._advanceGeneration() { _retireHeader() }
    _unwatched.removeAll(keepingCapacity: true)
    _isSpent = false
  }

  /// Moves the buffer to a fresh header once this one's generations are
  /// used up (after 2³² − 2 clears), so that no stale variable can ever
  /// match a new recording. The old header is never reused.
  @usableFromInline @inline(never)
  func _retireHeader() {
    let fresh = _TapeHeaderPool.shared.acquire()
    fresh.pointee.entries.free()
    fresh.pointee.adjoints.free()
    fresh.pointee.entries = _header.pointee.entries
    fresh.pointee.adjoints = _header.pointee.adjoints
    fresh.pointee.count = _header.pointee.count
    fresh.pointee.capacity = _header.pointee.capacity
    fresh.pointee.limit = _header.pointee.limit
    fresh.pointee.isFull = _header.pointee.isFull
    _header.pointee.entries = .none
    _header.pointee.adjoints = .none
    _TapeHeaderPool.shared.retire(_header)
    _header = fresh
  }

  /// The entry buffer.
  @inlinable
  var _entries: UnsafeMutablePointer<_TapeEntry<T>> {
    _header.pointee.entries.base.unsafelyUnwrapped.assumingMemoryBound(
      to: _TapeEntry<T>.self)
  }

  /// How many adjoints the sweep buffer holds now.
  @usableFromInline var _adjointCapacity: Int {
    _header.pointee.adjoints.capacity(of: T.self)
  }

  /// Records one slot on the tape of `header`: its arguments and the
  /// partials with respect to them.
  ///
  /// - Returns: The new slot, or ``_TapePoison/tapeFull``.
  @inlinable @inline(__always)
  static func _record(
    _ header: UnsafeMutablePointer<_TapeHeader>,
    _ lhs: UInt32, _ rhs: UInt32, _ dl: T, _ dr: T
  ) -> UInt32 {
    let n = header.pointee.count
    if _slowPath(n >= header.pointee.capacity) {
      if !_grow(header, toAtLeast: n + 1) { return _TapePoison.tapeFull }
    }
    header.pointee.entries.base.unsafelyUnwrapped
      .assumingMemoryBound(to: _TapeEntry<T>.self)
      .advanced(by: n)
      .initialize(to: _TapeEntry(lhs: lhs, rhs: rhs, dl: dl, dr: dr))
    header.pointee.count = n &+ 1
    return UInt32(truncatingIfNeeded: n)
  }

  /// Grows the entry buffer to at least `minimum` slots, doubling (up to
  /// the slot limit) so that recording stays O(1) amortized.
  ///
  /// - Returns: `false`, with the tape unchanged, if `minimum` is above the
  ///   slot limit or the memory cannot be allocated. After a failed
  ///   allocation during recording the tape is full (`isFull`) until it
  ///   is cleared: later records fail without asking the allocator again.
  ///   A failed `reservation` (an explicit request, which may be too
  ///   large where recording would not be) leaves the tape as it was.
  @inlinable @inline(never)
  static func _grow(
    _ header: UnsafeMutablePointer<_TapeHeader>, toAtLeast minimum: Int,
    reservation: Bool = false
  ) -> Bool {
    let old = header.pointee.capacity
    let limit = header.pointee.limit
    guard minimum <= limit, reservation || !header.pointee.isFull else {
      return false
    }
    let doubled = old <= limit / 2 ? 2 * old : limit
    let new = Swift.min(Swift.max(doubled, minimum, 64), limit)
    let first = header.pointee.entries.base == nil
    guard
      _TapeMemory.resize(
        &header.pointee.entries, count: header.pointee.count, to: new,
        of: _TapeEntry<T>.self)
    else {
      if !reservation { header.pointee.isFull = true }
      return false
    }
    if first {
      // The first buffer: initialize the trash slot.
      header.pointee.entries.base.unsafelyUnwrapped
        .assumingMemoryBound(to: _TapeEntry<T>.self)
        .initialize(to: _TapeEntry(lhs: 0, rhs: 0, dl: 0, dr: 0))
    }
    header.pointee.capacity = new
    header.pointee.isFull = false
    return true
  }

  /// Records an input slot (no arguments).
  @inlinable
  func _recordInput(_ value: T) -> Variable {
    let slot = Self._record(_header, 0, 0, 0, 0)
    if _slowPath(slot >= _TapePoison.first) {
      return Variable(_poisoned: value, reason: slot)
    }
    return Variable(
      value, slot: slot, generation: _header._generation, state: _header)
  }

  /// Adjoint storage for `slots` slots, uninitialized: the header's
  /// buffer, which lives as long as the entries (and may be a released
  /// tape's).
  ///
  /// - Throws: ``TapeError/outOfMemory(bytes:)`` if it cannot be allocated.
  @inlinable
  func _adjointBuffer(_ slots: Int) throws(TapeError) -> UnsafeMutablePointer<T> {
    // Room for the whole entry buffer if possible, so that the adjoints
    // are allocated once per tape; else just what this sweep needs.
    let whole = Swift.max(slots, _header.pointee.capacity)
    if let adjoints = _TapeMemory.reserve(
      &_header.pointee.adjoints, whole, of: T.self)
      ?? _TapeMemory.reserve(&_header.pointee.adjoints, slots, of: T.self)
    {
      return adjoints
    }
    throw .outOfMemory(
      bytes: slots.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        .partialValue)
  }

  /// The reverse sweep: propagates the adjoints of slots `top` down to 1
  /// into their arguments.
  ///
  /// A flat loop, never a recursion. Zero annihilates, as in the forward
  /// types' partials (`DualPartials.scaled(by:)`): an adjoint that is
  /// exactly zero is skipped, so a recorded but unused operation with an
  /// infinite partial (`sqrt` at 0) cannot turn a gradient into NaN, and
  /// dead code costs nothing on a nested tape; a partial that is exactly
  /// zero is skipped too, so an infinite adjoint reaching it (`sqrt` of
  /// x² + y² at the origin) gives 0, as forward mode does, not ∞·0 = NaN.
  /// Every product is `T._annihilatingProduct`, taken inline as the plain
  /// product where that is the same number (`_accumulate`).
  ///
  /// With `plain`, for numbers with a plain product (``ADReal/_hasPlainProduct``:
  /// plain numbers, and duals of them with SIMD or one-lane partials),
  /// every product is `T._plainProduct`, with no test of its factors. It
  /// differs from the annihilating one only where a zero meets ±∞ or NaN:
  /// by a NaN, which in a plain sweep passes into every argument of its
  /// operation, and theirs, down to the inputs, part by part (NaN · 0 is
  /// NaN); or by the sign of a zero, which adding into an adjoint that
  /// started at +0 erases. So a caller that finds no NaN part among the
  /// adjoints it reads has the annihilating sweep's numbers, bit for bit,
  /// and sweeps again without `plain` only when it finds one
  /// (``_withReversePass``).
  ///
  /// Nothing is added into the trash slot 0: inputs and operations with an
  /// inactive argument all name it, and accumulating there chained every
  /// such entry to the last through one memory location, a tenth of a large
  /// gradient. The two tests predict well; slot 0 is never read.
  ///
  /// Slots below `bottom` are not visited: a caller that knows them to be
  /// inputs, whose only argument is the trash slot, stops above them.
  @inlinable @inline(__always)
  func _sweep(
    _ adjoints: UnsafeMutablePointer<T>, from top: Int, downTo bottom: Int = 1,
    plain: Bool = false
  ) {
    let entries = _entries
    var i = top
    while i >= bottom {
      // A nonzero value settles it without looking at the derivatives.
      let nonzero = adjoints[i] != 0
      if nonzero || !adjoints[i]._isExactlyZero {
        let e = entries + i
        let lhs = Int(truncatingIfNeeded: e.pointee.lhs)
        if lhs != 0 {
          Self._accumulate(adjoints, lhs, i, nonzero, e, left: true, plain: plain)
        }
        let rhs = Int(truncatingIfNeeded: e.pointee.rhs)
        if rhs != 0 {
          Self._accumulate(adjoints, rhs, i, nonzero, e, left: false, plain: plain)
        }
      }
      i &-= 1
    }
  }

  /// Adds adjoint · partial into the adjoint of slot `target`: the adjoint
  /// is slot `i`'s (its value nonzero if `nonzero`), whose entry is `e`,
  /// and the partial is its left argument's if `left`, else its right's.
  ///
  /// The product is `T._annihilatingProduct`. Where the values of both
  /// factors are nonzero it is the plain `a * d`, bit for bit: zero
  /// annihilation changes only a product with a zero value (a dual
  /// number's partials go through the same NaN-safe combination either
  /// way), so the plain product is taken there, inline. The rest (a zero
  /// value on either side, rare) goes out of line.
  ///
  /// The adjoint is read where it lies (an argument's slot is below `i`,
  /// so adding into it leaves slot `i` as it was): a multi-lane number
  /// held in registers across both arguments, or copied out for the call,
  /// spilled to the stack on every entry.
  ///
  /// With `plain`, the product is `T._plainProduct` whatever the factors.
  @inlinable @inline(__always)
  static func _accumulate(
    _ adjoints: UnsafeMutablePointer<T>, _ target: Int, _ i: Int,
    _ nonzero: Bool, _ e: UnsafeMutablePointer<_TapeEntry<T>>, left: Bool,
    plain: Bool
  ) {
    let d = left ? e.pointee.dl : e.pointee.dr
    if plain {
      adjoints[target] += T._plainProduct(adjoints[i], d)
    } else if _fastPath(nonzero && d != 0) {
      adjoints[target] += adjoints[i] * d
    } else if !d._isExactlyZero {
      _accumulateAnnihilating(adjoints, target, i, e, left: left)
    }
  }

  /// `_accumulate`'s rare case: a zero value on either side, in full.
  @inlinable @inline(never)
  static func _accumulateAnnihilating(
    _ adjoints: UnsafeMutablePointer<T>, _ target: Int, _ i: Int,
    _ e: UnsafeMutablePointer<_TapeEntry<T>>, left: Bool
  ) {
    let d = left ? e.pointee.dl : e.pointee.dr
    adjoints[target] += T._annihilatingProduct(adjoints[i], d)
  }

  /// Which slots from 0 to `top` the seeded slots depend on: `nil` for
  /// an unconnected source, as distinct from a zero gradient.
  @inlinable
  func _reachable(from seeds: [UInt32], top: Int) -> [Bool] {
    var reached = [Bool](repeating: false, count: top + 1)
    for s in seeds { reached[Int(s)] = true }
    let entries = _entries
    var i = top
    while i > 0 {
      if reached[i] {
        let e = entries[i]
        reached[Int(truncatingIfNeeded: e.lhs)] = true
        reached[Int(truncatingIfNeeded: e.rhs)] = true
      }
      i -= 1
    }
    return reached
  }
}
