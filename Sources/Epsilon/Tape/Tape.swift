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
  /// The state shared with this tape's variables.
  @usableFromInline let _header: UnsafeMutablePointer<_TapeHeader>
  /// Whether this tape answers more than one gradient request.
  public let isPersistent: Bool
  /// Slots of unwatched constants, in increasing order.
  @usableFromInline var _unwatched: [UInt32] = []
  /// Whether a non-persistent tape has given its one set of gradients.
  @usableFromInline var _isSpent = false
  /// Reusable adjoint storage (uninitialized between sweeps).
  @usableFromInline var _adjoints: UnsafeMutablePointer<T>?
  /// Capacity of `_adjoints`.
  @usableFromInline var _adjointCapacity = 0
  /// Reusable input variables for `gradient(at:of:)`.
  @usableFromInline var _inputs: [Variable] = []

  /// An empty tape.
  ///
  /// - Parameter persistent: Whether the tape answers any number of
  ///   gradient requests (`true`) or one (`false`, TensorFlow's default).
  public init(persistent: Bool = false) {
    isPersistent = persistent
    _header = _TapeHeaderPool.shared.acquire()
    let initial = 64
    let buffer = UnsafeMutablePointer<_TapeEntry<T>>.allocate(
      capacity: initial)
    // Slot 0: the trash slot inactive arguments point at.
    buffer.initialize(to: _TapeEntry(lhs: 0, rhs: 0, dl: 0, dr: 0))
    _header.pointee.entries = UnsafeMutableRawPointer(buffer)
    _header.pointee.count = 1
    _header.pointee.limit = _tapeSlotLimit
    _header.pointee.capacity = Swift.min(initial, _header.pointee.limit)
  }

  deinit {
    if let raw = _header.pointee.entries {
      let entries = raw.assumingMemoryBound(to: _TapeEntry<T>.self)
      entries.deinitialize(count: _header.pointee.count)
      entries.deallocate()
    }
    _header.pointee.entries = nil
    _header.pointee.count = 0
    _header.pointee.capacity = 0
    _adjoints?.deallocate()
    _TapeHeaderPool.shared.release(_header)
  }

  /// The number of slots recorded: one per variable, constant and
  /// operation with an active argument.
  @inlinable public var count: Int { _header.pointee.count - 1 }

  /// The number of slots the tape holds before its storage must grow.
  @inlinable public var capacity: Int { _header.pointee.capacity - 1 }

  /// Bytes of tape per recorded slot: two 32-bit argument slots and two
  /// partial derivatives (24 for `Double`). A gradient sweep adds one `T`
  /// per slot for the adjoints.
  @inlinable public static var bytesPerEntry: Int {
    MemoryLayout<_TapeEntry<T>>.stride
  }

  /// Makes room for `slots` recorded slots without growing during
  /// recording.
  ///
  /// - Complexity: O(``count``) if the storage moves.
  @inlinable
  public func reserveCapacity(_ slots: Int) {
    while _header.pointee.capacity - 1 < slots {
      if !Self._grow(_header) { return }
    }
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
    _header.pointee.generation &+= 1
    _unwatched.removeAll(keepingCapacity: true)
    _isSpent = false
  }

  /// The entry buffer.
  @inlinable
  var _entries: UnsafeMutablePointer<_TapeEntry<T>> {
    _header.pointee.entries.unsafelyUnwrapped.assumingMemoryBound(
      to: _TapeEntry<T>.self)
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
    if _slowPath(n == header.pointee.capacity) {
      if !_grow(header) { return _TapePoison.tapeFull }
    }
    header.pointee.entries.unsafelyUnwrapped
      .assumingMemoryBound(to: _TapeEntry<T>.self)
      .advanced(by: n)
      .initialize(to: _TapeEntry(lhs: lhs, rhs: rhs, dl: dl, dr: dr))
    header.pointee.count = n &+ 1
    return UInt32(truncatingIfNeeded: n)
  }

  /// Doubles the entry buffer (up to the slot limit).
  ///
  /// - Returns: `false` if the tape is at its slot limit.
  @inlinable @inline(never)
  static func _grow(_ header: UnsafeMutablePointer<_TapeHeader>) -> Bool {
    let old = header.pointee.capacity
    let limit = header.pointee.limit
    guard old < limit else { return false }
    let new = Swift.min(Swift.max(2 * old, 64), limit)
    let buffer = UnsafeMutablePointer<_TapeEntry<T>>.allocate(capacity: new)
    if let raw = header.pointee.entries {
      let entries = raw.assumingMemoryBound(to: _TapeEntry<T>.self)
      buffer.moveInitialize(from: entries, count: header.pointee.count)
      entries.deallocate()
    }
    header.pointee.entries = UnsafeMutableRawPointer(buffer)
    header.pointee.capacity = new
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
      value, slot: slot, generation: _header.pointee.generation,
      state: _header)
  }

  /// Adjoint storage for `slots` slots, uninitialized.
  @inlinable
  func _adjointBuffer(_ slots: Int) -> UnsafeMutablePointer<T> {
    if let adjoints = _adjoints, _adjointCapacity >= slots { return adjoints }
    _adjoints?.deallocate()
    let capacity = Swift.max(slots, _header.pointee.capacity)
    let adjoints = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    _adjoints = adjoints
    _adjointCapacity = capacity
    return adjoints
  }

  /// The reverse sweep: propagates the adjoints of slots `top` down to 1
  /// into their arguments.
  ///
  /// A flat loop, never a recursion. An adjoint that is exactly zero is
  /// skipped, so a recorded but unused operation with an infinite partial
  /// (`sqrt` at 0) cannot turn a gradient into NaN, and dead code costs
  /// nothing on a nested tape.
  @inlinable
  func _sweep(_ adjoints: UnsafeMutablePointer<T>, from top: Int) {
    let entries = _entries
    var i = top
    while i > 0 {
      let a = adjoints[i]
      if !a._isExactlyZero {
        let e = entries[i]
        adjoints[Int(truncatingIfNeeded: e.lhs)] += a * e.dl
        adjoints[Int(truncatingIfNeeded: e.rhs)] += a * e.dr
      }
      i &-= 1
    }
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
