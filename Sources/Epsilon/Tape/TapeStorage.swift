// The tape's shared state, reached through a raw pointer rather than a class
// reference so that recording an operation costs no retain or release.
//
// Headers are never freed: a released tape returns its header to a global
// pool, where a later tape reuses it. A variable can therefore always read
// its header's generation safely, and a generation mismatch tells it that
// its tape was cleared or released (it is "stale").

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
struct _TapeHeader {
  /// The entries, bound to `_TapeEntry<T>` for the owning tape's `T`.
  @usableFromInline var entries: UnsafeMutableRawPointer?
  /// Slots in use, trash slot 0 included.
  @usableFromInline var count: Int
  /// Slots usable before the buffer must grow (never above ``limit``).
  @usableFromInline var capacity: Int
  /// The largest number of slots this tape may hold.
  @usableFromInline var limit: Int
  /// Bumped by `clear()`, on release and on reuse: a variable whose
  /// generation differs is stale.
  @usableFromInline var generation: UInt32

  init() {
    entries = nil
    count = 0
    capacity = 0
    limit = _tapeSlotLimit
    generation = 0
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
  /// The tape reached its slot limit.
  @usableFromInline static let tapeFull: UInt32 = .max - 2
  /// An operand was recorded on a tape since cleared or released.
  @usableFromInline static let stale: UInt32 = .max - 1
  /// The operands belong to two different tapes.
  @usableFromInline static let mixedTapes: UInt32 = .max
}

/// The global pool of released tape headers: the only state tapes share,
/// guarded by a mutex.
final class _TapeHeaderPool: @unchecked Sendable {
  static let shared = _TapeHeaderPool()

  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var free: [UnsafeMutablePointer<_TapeHeader>] = []

  private init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  /// A header no live tape owns, with a generation no live variable has.
  func acquire() -> UnsafeMutablePointer<_TapeHeader> {
    pthread_mutex_lock(mutex)
    let reused = free.popLast()
    pthread_mutex_unlock(mutex)
    if let header = reused {
      header.pointee.generation &+= 1
      return header
    }
    let header = UnsafeMutablePointer<_TapeHeader>.allocate(capacity: 1)
    header.initialize(to: _TapeHeader())
    return header
  }

  /// Returns a header whose owner has freed its buffer.
  func release(_ header: UnsafeMutablePointer<_TapeHeader>) {
    header.pointee.generation &+= 1
    pthread_mutex_lock(mutex)
    free.append(header)
    pthread_mutex_unlock(mutex)
  }
}
