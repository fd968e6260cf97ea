// The tape's shared state, reached through a raw pointer rather than a class
// reference so that recording an operation costs no retain or release, and
// the memory it lives in.
//
// Headers are never freed: a released tape returns its header to a global
// pool, where a later tape reuses it. A variable can therefore always read
// its header's generation safely, and a generation mismatch tells it that
// its tape was cleared or released (it is "stale"). The generation is an
// atomic, read relaxed (a plain load on x86-64 and arm64): a stale variable
// may read it while another thread's tape owns the recycled header.
//
// Entry and adjoint buffers come from the C allocator, so that a request the
// machine cannot meet is a `nil` the tape turns into a thrown error instead
// of the runtime's trap, and so that the entry buffer grows by `realloc`,
// which for large buffers remaps pages instead of copying them.

import Synchronization

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One recorded operation: the slots of its (at most two) arguments and the
/// partial derivatives of the result with respect to each. The slot of the
/// result is the entry's position on the tape.
///
/// A unary operation, or an operation with an inactive argument, names the
/// trash slot 0 for the missing argument, so the reverse sweep never
/// branches on the kind of operation.
@frozen @usableFromInline
struct _TapeEntry<T> {
  /// Slot of the first argument (0: none).
  @usableFromInline var lhs: UInt32
  /// Slot of the second argument (0: none).
  @usableFromInline var rhs: UInt32
  /// ∂result/∂lhs.
  @usableFromInline var dl: T
  /// ∂result/∂rhs.
  @usableFromInline var dr: T

  @inlinable @inline(__always)
  init(lhs: UInt32, rhs: UInt32, dl: T, dr: T) {
    self.lhs = lhs
    self.rhs = rhs
    self.dl = dl
    self.dr = dr
  }
}

/// The state a tape shares with its variables: its entry buffer and the
/// generation that its variables must carry to be recorded on it.
///
/// Not generic, so that one global pool serves tapes of every scalar type;
/// the buffer is bound to `_TapeEntry<T>` by the tape that owns the header.
@frozen @usableFromInline
struct _TapeHeader: ~Copyable {
  /// The entries, bound to `_TapeEntry<T>` for the owning tape's `T`
  /// (`nil` until the first allocation succeeds).
  @usableFromInline var entries: UnsafeMutableRawPointer?
  /// Slots in use, trash slot 0 included.
  @usableFromInline var count: Int
  /// Slots the buffer holds (never above ``limit``).
  @usableFromInline var capacity: Int
  /// The largest number of slots this tape may hold.
  @usableFromInline var limit: Int
  /// Bumped by `clear()`, on release and on reuse: a variable whose
  /// generation differs is stale. Never `UInt32.max` while variables are
  /// issued: that value marks a retired header.
  @usableFromInline let generation: Atomic<UInt32>

  init() {
    entries = nil
    count = 0
    capacity = 0
    limit = _tapeSlotLimit
    generation = Atomic(0)
  }
}

extension UnsafeMutablePointer where Pointee == _TapeHeader {
  /// The generation variables recorded now carry.
  @inlinable @inline(__always)
  var _generation: UInt32 { pointee.generation.load(ordering: .relaxed) }

  /// Moves the header to a generation no variable carries, making every
  /// variable recorded so far stale.
  ///
  /// - Returns: `false` when the generations are used up: the header is
  ///   then at `UInt32.max`, which no variable carries, and must be retired
  ///   (never reused), so a variable can never match a later recording.
  @usableFromInline
  func _advanceGeneration() -> Bool {
    let g = pointee.generation.load(ordering: .relaxed)
    guard g < UInt32.max - 1 else {
      pointee.generation.store(.max, ordering: .relaxed)
      return false
    }
    pointee.generation.store(g + 1, ordering: .relaxed)
    return true
  }
}

/// Slots a tape may hold: indices are 32-bit, and the top three values
/// are the poison sentinels.
@usableFromInline
let _tapeSlotLimit = Int(clamping: _TapePoison.first)

/// Sentinel slot indices of a poisoned variable (one whose derivatives are
/// unknown because of a misuse), one per reason. A poisoned variable has no
/// state pointer; an inactive constant has none either but has slot 0.
@usableFromInline
enum _TapePoison {
  /// The smallest sentinel.
  @usableFromInline static let first: UInt32 = .max - 2
  /// The tape could not grow: at its slot limit, or out of memory.
  @usableFromInline static let tapeFull: UInt32 = .max - 2
  /// An operand was recorded on a tape since cleared or released.
  @usableFromInline static let stale: UInt32 = .max - 1
  /// The operands belong to two different tapes.
  @usableFromInline static let mixedTapes: UInt32 = .max
}

/// The global pool of released tape headers: the only state tapes share.
final class _TapeHeaderPool: Sendable {
  static let shared = _TapeHeaderPool()

  /// A released header. Sendable because the pool hands each to one tape
  /// at a time, under the mutex.
  struct Released: @unchecked Sendable {
    let header: UnsafeMutablePointer<_TapeHeader>
  }

  private let released = Mutex<[Released]>([])

  /// A header no live tape owns, at a generation no live variable has,
  /// with no buffer.
  func acquire() -> UnsafeMutablePointer<_TapeHeader> {
    while let reused = released.withLock({ $0.popLast() }) {
      if reused.header._advanceGeneration() { return reused.header }
    }
    let header = UnsafeMutablePointer<_TapeHeader>.allocate(capacity: 1)
    header.initialize(to: _TapeHeader())
    return header
  }

  /// Takes back a header whose owner has freed its buffer; a header whose
  /// generations are used up is retired instead.
  func release(_ header: UnsafeMutablePointer<_TapeHeader>) {
    guard header._advanceGeneration() else { return }
    let entry = Released(header: header)
    released.withLock { $0.append(entry) }
  }
}

/// Buffers from the C allocator: `nil` for a request it cannot meet.
@usableFromInline
enum _TapeMemory {
  /// Uninitialized room for `count` elements, or `nil`.
  @usableFromInline
  static func allocate<E>(_ count: Int, of: E.Type) -> UnsafeMutablePointer<E>? {
    let (bytes, overflow) = count.multipliedReportingOverflow(
      by: MemoryLayout<E>.stride)
    guard !overflow else { return nil }
    return _allocate(bytes: bytes, alignment: MemoryLayout<E>.alignment)?
      .bindMemory(to: E.self, capacity: count)
  }

  /// Moves the first `count` elements of `buffer` (`nil`: none) into room
  /// for `capacity`, freeing the old buffer; `nil`, with `buffer` untouched,
  /// if the allocator cannot meet the request.
  ///
  /// Plain data of ordinary alignment is resized in place by `realloc`,
  /// which moves large buffers by remapping their pages, not copying them.
  @usableFromInline
  static func resize<E>(
    _ buffer: UnsafeMutableRawPointer?, count: Int, to capacity: Int,
    of: E.Type
  ) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = capacity.multipliedReportingOverflow(
      by: MemoryLayout<E>.stride)
    guard !overflow else { return nil }
    if _isPOD(E.self) && MemoryLayout<E>.alignment <= _mallocAlignment {
      return realloc(buffer, Swift.max(bytes, 1))
    }
    guard
      let new = _allocate(bytes: bytes, alignment: MemoryLayout<E>.alignment)
    else { return nil }
    if let old = buffer {
      new.bindMemory(to: E.self, capacity: capacity).moveInitialize(
        from: old.assumingMemoryBound(to: E.self), count: count)
      free(old)
    }
    return new
  }

  /// Frees a buffer from ``allocate(_:of:)`` or ``resize(_:count:to:of:)``
  /// (its elements already deinitialized).
  @usableFromInline
  static func deallocate(_ buffer: UnsafeMutableRawPointer?) {
    free(buffer)
  }

  /// The alignment `malloc` guarantees on the 64-bit platforms Epsilon
  /// supports.
  static var _mallocAlignment: Int { 16 }

  static func _allocate(bytes: Int, alignment: Int) -> UnsafeMutableRawPointer? {
    let size = Swift.max(bytes, 1)
    if alignment <= _mallocAlignment { return malloc(size) }
    var result: UnsafeMutableRawPointer? = nil
    return posix_memalign(&result, alignment, size) == 0 ? result : nil
  }
}
