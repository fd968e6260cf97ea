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
// which for large buffers remaps pages instead of copying them. A released
// tape's buffers stay with its header in the pool (up to a budget), so the
// next tape records into memory that is already mapped: the page faults of
// a fresh buffer for a tape of 10⁶ inputs cost three times the recording.

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

/// A buffer from the C allocator (``_TapeMemory``): where it is, how many
/// bytes it holds and the alignment it was allocated with. Untyped, so
/// that a pooled buffer can serve a tape of another scalar type.
@frozen @usableFromInline
struct _TapeBuffer {
  /// The memory, or `nil` for none.
  @usableFromInline var base: UnsafeMutableRawPointer?
  /// Its size in bytes.
  @usableFromInline var bytes: Int
  /// The alignment it was allocated with.
  @usableFromInline var alignment: Int

  /// No buffer.
  @usableFromInline static var none: Self {
    Self(base: nil, bytes: 0, alignment: 0)
  }

  @inlinable
  init(base: UnsafeMutableRawPointer?, bytes: Int, alignment: Int) {
    self.base = base
    self.bytes = bytes
    self.alignment = alignment
  }

  /// How many elements of `E` it holds, if it is aligned for them (0 if
  /// not).
  @inlinable
  func capacity<E>(of: E.Type) -> Int {
    guard base != nil, alignment >= MemoryLayout<E>.alignment else { return 0 }
    return bytes / MemoryLayout<E>.stride
  }

  /// Frees the memory (its elements already deinitialized).
  @usableFromInline
  mutating func free() {
    _TapeMemory.deallocate(base)
    self = .none
  }
}

/// The state a tape shares with its variables: its entry buffer and the
/// generation that its variables must carry to be recorded on it, plus the
/// adjoint buffer of its sweeps.
///
/// Not generic, so that one global pool serves tapes of every scalar type;
/// the buffers are bound to `_TapeEntry<T>` and `T` by the tape that owns
/// the header.
@frozen @usableFromInline
struct _TapeHeader: ~Copyable {
  /// The entries, bound to `_TapeEntry<T>` for the owning tape's `T`
  /// (`nil` until the first allocation succeeds).
  @usableFromInline var entries: _TapeBuffer
  /// The adjoints of a sweep, bound to `T` while one runs.
  @usableFromInline var adjoints: _TapeBuffer
  /// Slots in use, trash slot 0 included.
  @usableFromInline var count: Int
  /// Slots the entry buffer holds for the owner's `T` (never above
  /// ``limit``).
  @usableFromInline var capacity: Int
  /// The largest number of slots this tape may hold.
  @usableFromInline var limit: Int
  /// Whether the entry buffer failed to grow since the tape was last
  /// emptied: the tape is full, and later records fail at once instead of
  /// asking the allocator again for the same impossible size (a retried
  /// `realloc` of gigabytes per record made a full tape take minutes to
  /// throw).
  @usableFromInline var isFull: Bool
  /// Bumped by `clear()`, on release and on reuse: a variable whose
  /// generation differs is stale. Never `UInt32.max` while variables are
  /// issued: that value marks a retired header.
  @usableFromInline let generation: Atomic<UInt32>

  init() {
    entries = .none
    adjoints = .none
    count = 0
    capacity = 0
    limit = _tapeSlotLimit
    isFull = false
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

/// A header from the pool, for a new tape (the entry point of inlinable
/// code).
@usableFromInline
func _acquireTapeHeader() -> UnsafeMutablePointer<_TapeHeader> {
  _TapeHeaderPool.shared.acquire()
}

/// The global pool of released tape headers, with the buffers of their
/// last tapes up to ``retainedBudget`` bytes in all: the only state tapes
/// share.
final class _TapeHeaderPool: Sendable {
  static let shared = _TapeHeaderPool()

  /// Bytes of released buffers the pool keeps for the next tapes: a
  /// sixteenth of the memory this process may use, at most 1 GiB (the tape
  /// of a 10⁶-input Rosenbrock gradient holds about 0.5 GB). The memory is the machine's, or
  /// a container's cgroup limit where that is lower.
  /// `GradientTape.releaseCachedStorage()` frees them. (Marking kept
  /// buffers `MADV_FREE` instead cost as many page faults on reuse as a
  /// fresh buffer, so they are kept as they are.)
  static let retainedBudget: Int = _retainedBudget(
    physical: _physicalMemory(), cgroupLimit: _cgroupMemoryLimit())

  /// A released header. Sendable because the pool hands each to one tape
  /// at a time, under the mutex.
  struct Released: @unchecked Sendable {
    let header: UnsafeMutablePointer<_TapeHeader>
  }

  struct State {
    var headers: [Released] = []
    var retainedBytes = 0
    /// Headers whose generations are used up: never handed out again,
    /// never freed (stale variables may still read them), and listed here
    /// so that they stay reachable. One per 2³² − 2 clears of a tape.
    var retired: [Released] = []
  }

  private let state = _Locked(State())

  /// A header no live tape owns, at a generation no live variable has; it
  /// may hold a released tape's (uninitialized) buffers.
  func acquire() -> UnsafeMutablePointer<_TapeHeader> {
    while let reused = state.withLock({ s -> Released? in
      guard let r = s.headers.popLast() else { return nil }
      s.retainedBytes -= Self._bytes(r.header)
      return r
    }) {
      if reused.header._advanceGeneration() { return reused.header }
      retire(reused.header)
    }
    let header = UnsafeMutablePointer<_TapeHeader>.allocate(capacity: 1)
    header.initialize(to: _TapeHeader())
    return header
  }

  /// Takes back a header whose owner has deinitialized its entries; its
  /// buffers are kept while the budget allows. A header whose generations
  /// are used up is retired instead.
  func release(_ header: UnsafeMutablePointer<_TapeHeader>) {
    header.pointee.count = 0
    header.pointee.capacity = 0
    header.pointee.isFull = false
    guard header._advanceGeneration() else {
      retire(header)
      return
    }
    let bytes = Self._bytes(header)
    let entry = Released(header: header)
    // One critical section on the common path: kept, buffers and all.
    let kept = state.withLock { s -> Bool in
      guard s.retainedBytes + bytes <= Self.retainedBudget else { return false }
      s.retainedBytes += bytes
      s.headers.append(entry)
      return true
    }
    if kept { return }
    // Over budget: the buffers are freed before any tape can take the
    // header.
    Self._freeBuffers(header)
    state.withLock { $0.headers.append(entry) }
  }

  /// Frees every kept buffer; the headers go back to the pool empty.
  func releaseBuffers() {
    // Taken out of the pool while their buffers are freed, so that no
    // tape can acquire one meanwhile.
    let headers = state.withLock { s -> [Released] in
      defer {
        s.headers = []
        s.retainedBytes = 0
      }
      return s.headers
    }
    for r in headers { Self._freeBuffers(r.header) }
    state.withLock { $0.headers.append(contentsOf: headers) }
  }

  /// Frees a used-up header's buffers and keeps the header, unused, for
  /// the life of the process.
  func retire(_ header: UnsafeMutablePointer<_TapeHeader>) {
    Self._freeBuffers(header)
    header.pointee.count = 0
    header.pointee.capacity = 0
    let entry = Released(header: header)
    state.withLock { $0.retired.append(entry) }
  }

  static func _bytes(_ header: UnsafeMutablePointer<_TapeHeader>) -> Int {
    header.pointee.entries.bytes + header.pointee.adjoints.bytes
  }

  static func _freeBuffers(_ header: UnsafeMutablePointer<_TapeHeader>) {
    header.pointee.entries.free()
    header.pointee.adjoints.free()
  }
}

/// The pool's budget: a sixteenth of the smaller of the machine's memory
/// and the cgroup limit (either may be unknown), at most 1 GiB; 64 MiB if
/// neither is known.
func _retainedBudget(physical: Int?, cgroupLimit: Int?) -> Int {
  let known = [physical, cgroupLimit].compactMap { $0 }.filter { $0 > 0 }
  guard let memory = known.min() else { return 1 << 26 }
  return Swift.min(1 << 30, memory / 16)
}

/// The machine's physical memory in bytes, if the system says.
func _physicalMemory() -> Int? {
  #if canImport(Glibc) || canImport(Darwin)
    let pages = Int(sysconf(Int32(_SC_PHYS_PAGES)))
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    if pages > 0, pageSize > 0 {
      let (bytes, overflow) = pages.multipliedReportingOverflow(by: pageSize)
      return overflow ? .max : bytes
    }
  #endif
  return nil
}

/// The memory limit of this process's cgroup in bytes, where there is
/// one: cgroup v2's `memory.max`, else v1's `memory.limit_in_bytes`.
/// Inside a container it is the limit the kernel enforces, and it can be
/// far below the machine's memory. `nil` elsewhere, or for no limit.
func _cgroupMemoryLimit() -> Int? {
  #if os(Linux) && canImport(Glibc)
    for path in [
      "/sys/fs/cgroup/memory.max",
      "/sys/fs/cgroup/memory/memory.limit_in_bytes",
    ] {
      if let text = _readSmallFile(path) { return _parseCgroupLimit(text) }
    }
  #endif
  return nil
}

/// A cgroup limit file's contents as bytes: `nil` for "max" (v2's no
/// limit), for v1's "no limit" (a value near `Int64.max`) and for text
/// that is not a number.
func _parseCgroupLimit(_ text: String) -> Int? {
  let trimmed = text.filter { !$0.isWhitespace }
  guard let bytes = Int(trimmed), bytes > 0, bytes < 1 << 62 else {
    return nil
  }
  return bytes
}

#if os(Linux) && canImport(Glibc)
  /// The first bytes of a small text file, or `nil` if it cannot be read.
  func _readSmallFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: 64)
    let read = fread(&buffer, 1, buffer.count - 1, file)
    guard read > 0 else { return nil }
    return String(decoding: buffer[..<read], as: UTF8.self)
  }
#endif

/// Buffers from the C allocator: `false` or `nil` for a request it cannot
/// meet.
@usableFromInline
enum _TapeMemory {
  /// Room for `count` elements of `E` in `buffer`, reusing it if it holds
  /// enough and is aligned for them, else replacing it; `nil` if the
  /// allocator cannot meet the request (the old buffer is freed).
  @usableFromInline
  static func reserve<E>(_ buffer: inout _TapeBuffer, _ count: Int, of: E.Type)
    -> UnsafeMutablePointer<E>?
  {
    if buffer.capacity(of: E.self) < count {
      buffer.free()
      let (bytes, overflow) = count.multipliedReportingOverflow(
        by: MemoryLayout<E>.stride)
      guard !overflow else { return nil }
      let alignment = Swift.max(MemoryLayout<E>.alignment, _mallocAlignment)
      guard let base = _allocate(bytes: bytes, alignment: alignment) else {
        return nil
      }
      buffer = _TapeBuffer(base: base, bytes: bytes, alignment: alignment)
    }
    return buffer.base?.bindMemory(to: E.self, capacity: count)
  }

  /// Moves the first `count` elements of `buffer` into room for `capacity`,
  /// freeing the old memory; `false`, with `buffer` untouched, if the
  /// allocator cannot meet the request.
  ///
  /// Plain data is resized in place by `realloc`, which moves large buffers
  /// by remapping their pages, not copying them.
  @usableFromInline
  static func resize<E>(
    _ buffer: inout _TapeBuffer, count: Int, to capacity: Int, of: E.Type
  ) -> Bool {
    let (bytes, overflow) = capacity.multipliedReportingOverflow(
      by: MemoryLayout<E>.stride)
    guard !overflow else { return false }
    let alignment = Swift.max(MemoryLayout<E>.alignment, _mallocAlignment)
    if _isPOD(E.self) && alignment == _mallocAlignment
      && buffer.alignment <= _mallocAlignment
    {
      guard let base = realloc(buffer.base, Swift.max(bytes, 1)) else {
        return false
      }
      buffer = _TapeBuffer(base: base, bytes: bytes, alignment: alignment)
      return true
    }
    guard let new = _allocate(bytes: bytes, alignment: alignment) else {
      return false
    }
    if let old = buffer.base {
      new.bindMemory(to: E.self, capacity: capacity).moveInitialize(
        from: old.assumingMemoryBound(to: E.self), count: count)
      free(old)
    }
    buffer = _TapeBuffer(base: new, bytes: bytes, alignment: alignment)
    return true
  }

  /// Frees memory from this allocator (its elements already
  /// deinitialized).
  @usableFromInline
  static func deallocate(_ memory: UnsafeMutableRawPointer?) {
    free(memory)
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

/// A value guarded by a pthread mutex: the pool's lock.
///
/// Not `Synchronization.Mutex`: on Linux that waits on a futex directly,
/// which ThreadSanitizer cannot see, so it reported the pool's state as
/// raced between two tapes created at once. A pthread mutex is what every
/// platform Epsilon supports has, and what the sanitizer understands.
final class _Locked<Value>: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  /// Accessed only under the mutex, which is what makes the access
  /// exclusive: the runtime's own check of each access would repeat that
  /// at a cost per call.
  @exclusivity(unchecked) private var value: Value

  init(_ value: Value) {
    self.value = value
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` on the value with the mutex held.
  func withLock<R>(_ body: (inout Value) -> R) -> R {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body(&value)
  }
}
