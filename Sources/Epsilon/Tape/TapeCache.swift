// The tapes a thread's drivers used last, kept for their next call.
//
// A driver that records on a tape of its own (`reverseGradient`, the
// closure `hessian`, H·v, the forward-over-reverse Hessian strategy, the
// reverse Jacobian) used to create one per call: a class instance, and a
// header taken from the shared pool under its lock and returned under it
// again. For a gradient of a few inputs that was about a third of the
// call. Each thread now keeps a few small tapes, and a driver takes one of
// its type out for the length of its call, so nested drivers on one type
// each get their own. (The sparse strategy's evaluators keep their tapes
// themselves.) Tapes that grew past
// ``_tapeCacheByteLimit`` go back to the shared pool as before, where
// `GradientTape.releaseCachedStorage()` can free their memory.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// How many tapes a thread keeps.
@usableFromInline let _tapeCacheSlots = 4

/// The most bytes of entries and adjoints a kept tape may hold: larger
/// ones return to the shared pool, whose budget covers all threads.
@usableFromInline let _tapeCacheByteLimit = 1 << 20

/// The key of each thread's ``_tapeCacheSlots`` cached tapes, created
/// once; a thread's tapes are released when the thread ends.
@usableFromInline
let _tapeCacheKey = _makeThreadKey(for: "the drivers' tapes") { _freeTapeCache($0) }

/// Releases a thread's cached tapes and their slots.
func _freeTapeCache(_ slots: UnsafeMutableRawPointer?) {
  guard let typed = slots?.assumingMemoryBound(to: AnyObject?.self) else { return }
  typed.deinitialize(count: _tapeCacheSlots)
  typed.deallocate()
}

/// The calling thread's slots (`nil`: empty), created on first use; `nil`
/// if they cannot be (the drivers then use fresh tapes).
@usableFromInline
func _tapeCache() -> UnsafeMutablePointer<AnyObject?>? {
  if let slots = pthread_getspecific(_tapeCacheKey) {
    return slots.assumingMemoryBound(to: AnyObject?.self)
  }
  let slots = UnsafeMutablePointer<AnyObject?>.allocate(capacity: _tapeCacheSlots)
  slots.initialize(repeating: nil, count: _tapeCacheSlots)
  guard pthread_setspecific(_tapeCacheKey, slots) == 0 else {
    _freeTapeCache(slots)
    return nil
  }
  return slots
}

/// Releases the calling thread's cached tapes, so that their buffers
/// return to the shared pool.
@usableFromInline
func _releaseThreadTapes() {
  guard let slots = pthread_getspecific(_tapeCacheKey) else { return }
  let typed = slots.assumingMemoryBound(to: AnyObject?.self)
  for i in 0..<_tapeCacheSlots { typed[i] = nil }
}

extension GradientTape {
  /// Runs `body` on an empty, non-persistent tape: one this thread's
  /// drivers kept, else a new one; kept afterwards unless it grew past
  /// ``_tapeCacheByteLimit``.
  ///
  /// The tape is the driver's alone for the call: nothing else holds it
  /// (the variables `body` hands out point to its header, not to it), and
  /// clearing it makes every variable of an earlier call stale, as a new
  /// tape would.
  @inlinable
  static func _withDriverTape<R>(_ body: (GradientTape) throws -> R) rethrows -> R {
    let tape = _takeCached() ?? GradientTape()
    defer { _keep(tape) }
    return try body(tape)
  }

  /// This thread's kept tape of this type, cleared, if there is one.
  @inlinable
  static func _takeCached() -> GradientTape? {
    guard let slots = _tapeCache() else { return nil }
    for i in 0..<_tapeCacheSlots {
      // The class is final: identity of the type is the whole check, and
      // the downcast needs no dynamic cast.
      guard let kept = slots[i], type(of: kept) == GradientTape.self else { continue }
      slots[i] = nil
      let tape = unsafeDowncast(kept, to: GradientTape.self)
      tape.clear()
      return tape
    }
    return nil
  }

  /// Keeps `tape` in this thread's slots: an empty one, else the first.
  @inlinable
  static func _keep(_ tape: GradientTape) {
    let header = tape._header
    guard header.pointee.entries.bytes + header.pointee.adjoints.bytes <= _tapeCacheByteLimit,
      let slots = _tapeCache()
    else { return }
    var slot = 0
    for i in 0..<_tapeCacheSlots where slots[i] == nil {
      slot = i
      break
    }
    slots[slot] = tape
  }
}
