// Perturbation confusion through `.value`, detected.
//
// Nested drivers keep their perturbations apart by their types: an inner
// driver called at an outer `x` works on `Dual<Dual<Double>>`, and mixing
// the levels does not compile. Called at `x.value`, the inner driver works
// on the outer driver's own number type, so its closure can multiply the
// outer `x` with its own variable and add the two tangents in one lane.
// Nothing in the two numbers tells them apart, so the drivers keep a
// record of which number types are being differentiated on each thread.
// When a driver runs inside another on the same type, it first evaluates
// its closure with every seed zero: a closure that uses only its own
// variables gives a result whose tangent parts are exactly zero (the
// NaN-safe algebra never turns a zero tangent into anything else), so any
// other tangent came from a captured perturbed number, and the driver
// stops with a message that names the fix. Only nested calls on one type
// pay for the extra evaluation; every other call pays for the record.
//
// Swift has no thread-local variables, so a thread's record is found by
// POSIX's thread-specific pointer: a call into the C library, around which
// a caller's loop keeps nothing in registers, which in a loop of cheap
// derivatives costs more than the derivative. While the process has one
// thread, which the C library says where it can (glibc's
// `__libc_single_threaded`), the drivers use one record of the process
// instead, read with plain loads. A driver that starts after a second
// thread exists takes its thread's record, and from then on every driver
// does; it also counts the drivers still running on the process's record
// as enclosing it, so a thread started inside a driver's closure is
// checked as a nested call.

import Synchronization

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The forward drivers running on one thread, outermost first: each one's
/// number type, by its metadata pointer.
@usableFromInline @frozen
struct _DriverNesting {
  /// How many enclosing drivers the record names; deeper ones are counted,
  /// and a driver that deep is always checked.
  @usableFromInline static let capacity = 8
  /// The number of drivers running.
  @usableFromInline var depth = 0
  @usableFromInline init() {}
  /// Their number types, outermost first, up to ``capacity``.
  @usableFromInline var kinds:
    (
      UnsafeRawPointer?, UnsafeRawPointer?, UnsafeRawPointer?,
      UnsafeRawPointer?, UnsafeRawPointer?, UnsafeRawPointer?,
      UnsafeRawPointer?, UnsafeRawPointer?
    ) = (nil, nil, nil, nil, nil, nil, nil, nil)
}

/// The key of each thread's ``_DriverNesting`` record, created once; a
/// thread's record is freed when the thread ends.
let _driverNestingKey = _makeThreadKey(for: "the drivers' nesting") { _freeDriverNesting($0) }

/// Frees a thread's ``_DriverNesting`` record.
func _freeDriverNesting(_ record: UnsafeMutableRawPointer?) {
  record?.assumingMemoryBound(to: _DriverNesting.self).deallocate()
}

/// The drivers' record while the process has one thread.
@usableFromInline
struct _SoleThreadNesting: ~Copyable {
  /// The C library's flag, nonzero while the calling thread is the only
  /// one in the process (glibc's `__libc_single_threaded`); nil where the
  /// C library has none, and then every driver takes its thread's record.
  @usableFromInline let isSoleThread: UnsafePointer<CChar>?
  /// Whether a driver ever took a thread's record: then every later one
  /// does too, so that a driver never misses an enclosing one that is in
  /// its thread's record, should the flag come back on when other threads
  /// end.
  @usableFromInline let threadRecordsTaken = Atomic<Bool>(false)
  /// The number of drivers running on this record, which other threads
  /// read: they count as enclosing every driver that starts on a thread's
  /// record meanwhile.
  @usableFromInline let depth = Atomic<Int>(0)
  /// Their number types, outermost first (`kinds.depth` is not used).
  @usableFromInline var kinds = _DriverNesting()

  /// A record read by the flag `isSoleThread` (tests give their own).
  init(isSoleThread: UnsafePointer<CChar>?) {
    self.isSoleThread = isSoleThread
  }

  /// The process's record, read by the C library's flag.
  init() {
    #if canImport(Glibc)
      // The null handle, RTLD_DEFAULT: every object loaded.
      let flag = dlsym(nil, "__libc_single_threaded").map {
        UnsafePointer($0.assumingMemoryBound(to: CChar.self))
      }
    #else
      let flag: UnsafePointer<CChar>? = nil
    #endif
    self.init(isSoleThread: flag)
  }
}

/// The process's record, created once and never freed.
@usableFromInline
nonisolated(unsafe) let _soleThreadNesting: UnsafeMutablePointer<_SoleThreadNesting> = {
  let record = UnsafeMutablePointer<_SoleThreadNesting>.allocate(capacity: 1)
  record.initialize(to: _SoleThreadNesting())
  return record
}()

/// Where a driver's entry is, to leave the driver by: the process's record
/// or a thread's, with its depth before the driver.
@frozen @usableFromInline
enum _DriverEntry {
  /// On the process's record, at this depth.
  case soleThread(UnsafeMutablePointer<_SoleThreadNesting>, depth: Int)
  /// On a thread's record, at this depth; nil if the thread's record
  /// could not be allocated (the driver then runs unrecorded).
  case thread(UnsafeMutablePointer<_DriverNesting>?, depth: Int)

  /// Leaves the driver: its record's depth is what it was before.
  @inlinable @inline(__always)
  func leave() {
    switch self {
    case .soleThread(let sole, let depth):
      sole.pointee.depth.store(depth, ordering: .relaxed)
    case .thread(let record, let depth):
      record?.pointee.depth = depth
    }
  }
}

/// Enters a driver whose closure takes numbers of the type `kind`: returns
/// where its entry is, and whether a driver on the same number type is
/// already running on this thread (or the record is too deep to tell).
///
/// Inlined into every driver for the common case, the first driver on
/// the only thread: a few plain loads and stores.
@inlinable @inline(__always)
func _enterDriver(
  _ kind: Any.Type, sole: UnsafeMutablePointer<_SoleThreadNesting> = _soleThreadNesting
) -> (entry: _DriverEntry, nested: Bool) {
  let kind = unsafeBitCast(kind, to: UnsafeRawPointer.self)
  if let flag = sole.pointee.isSoleThread, flag.pointee != 0,
    !sole.pointee.threadRecordsTaken.load(ordering: .relaxed),
    sole.pointee.depth.load(ordering: .relaxed) == 0
  {
    sole.pointee.depth.store(1, ordering: .relaxed)
    sole.pointee.kinds.kinds.0 = kind
    return (.soleThread(sole, depth: 0), false)
  }
  return _enterNestedDriver(kind, sole: sole)
}

/// ``_enterDriver(_:)`` when a driver is already running on the only
/// thread, or the process has, or has had, another thread.
@usableFromInline
func _enterNestedDriver(
  _ kind: UnsafeRawPointer, sole: UnsafeMutablePointer<_SoleThreadNesting>
) -> (entry: _DriverEntry, nested: Bool) {
  if let flag = sole.pointee.isSoleThread, flag.pointee != 0,
    !sole.pointee.threadRecordsTaken.load(ordering: .relaxed)
  {
    let depth = sole.pointee.depth.load(ordering: .relaxed)
    sole.pointee.depth.store(depth &+ 1, ordering: .relaxed)
    return (.soleThread(sole, depth: depth), _record(kind, at: depth, in: &sole.pointee.kinds))
  }
  if !sole.pointee.threadRecordsTaken.load(ordering: .relaxed) {
    sole.pointee.threadRecordsTaken.store(true, ordering: .relaxed)
  }
  // Drivers still running on the process's record began before this
  // thread's record was taken, on this thread or on the one that started
  // it: they enclose this driver.
  let enclosed = sole.pointee.depth.load(ordering: .relaxed) > 0
  let record: UnsafeMutablePointer<_DriverNesting>
  if let stored = pthread_getspecific(_driverNestingKey) {
    record = stored.assumingMemoryBound(to: _DriverNesting.self)
  } else {
    record = .allocate(capacity: 1)
    record.initialize(to: _DriverNesting())
    guard pthread_setspecific(_driverNestingKey, record) == 0 else {
      record.deallocate()
      return (.thread(nil, depth: 0), enclosed)
    }
  }
  let depth = record.pointee.depth
  record.pointee.depth = depth &+ 1
  let nested = _record(kind, at: depth, in: &record.pointee)
  return (.thread(record, depth: depth), nested || enclosed)
}

/// Records `kind` as the driver at `depth` in `record`'s kinds (if the
/// record has room) and returns whether a driver below it runs on the
/// same type, or the record is too deep to tell.
func _record(_ kind: UnsafeRawPointer, at depth: Int, in record: inout _DriverNesting) -> Bool {
  let capacity = _DriverNesting.capacity
  var nested = depth >= capacity
  withUnsafeMutableBytes(of: &record.kinds) { bytes in
    let kinds = bytes.bindMemory(to: UnsafeRawPointer?.self)
    for i in 0..<min(depth, capacity) where kinds[i] == kind {
      nested = true
    }
    if depth < capacity { kinds[depth] = kind }
  }
  return nested
}

/// Evaluates a forward driver whose closure takes numbers of type `Number`.
///
/// When a driver on the same number type is already running on this
/// thread, `probe` is called first: it evaluates the closure with every
/// seed zero and returns whether the result's tangent parts are exactly
/// zero. If they are not, the closure captured a number perturbed by the
/// enclosing driver, and the process stops with a message that names the
/// fix, as an out-of-range index does.
@inlinable @inline(__always)
func _withDriverNesting<Number, Result>(
  _ number: Number.Type, driver: StaticString,
  probe: () -> Bool, _ body: () throws -> Result
) rethrows -> Result {
  let (entry, nested) = _enterDriver(number)
  defer { entry.leave() }
  if nested && !probe() { _perturbationConfusion(in: driver) }
  return try body()
}

/// Stops the process: a driver's closure used a number perturbed by an
/// enclosing driver of the same type.
@usableFromInline @inline(never)
func _perturbationConfusion(in driver: StaticString) -> Never {
  fatalError(
    """
    Perturbation confusion in \(driver): its closure uses a number that an \
    enclosing driver is differentiating (typically an outer variable, after \
    the inner driver was called at `x.value`), so the two derivatives would \
    add up in one tangent. Call the inner driver at the outer variable \
    itself, not at its `.value`, and lift outer variables into the inner \
    closure with `Dual(x)`:
        derivative(at: 1.0) { x in derivative(at: x) { y in Dual(x) * y } }
    """)
}

extension DualPartials {
  /// Whether every partial is exactly zero: values and tangents of nested
  /// partials included, and by value for a number type that does not say
  /// (`_isExactlyZero` defaults to false), so that the check never stops a
  /// closure that captured nothing.
  @inlinable
  var _isZeroTangent: Bool {
    for i in 0..<Self.partialCount {
      let p = partial(i)
      if !p._isExactlyZero && p != 0 { return false }
    }
    return true
  }
}

extension Dual {
  /// Whether the tangent is exactly zero: a constant.
  @inlinable
  var _isConstant: Bool { partials._isZeroTangent }
}

extension HyperDual {
  /// Whether ε₁, ε₂ and ε₁ε₂ are exactly zero: a constant.
  @inlinable
  var _isConstant: Bool {
    epsilon1._isZeroTangent && epsilon2._isZeroTangent
      && epsilon12._isZeroTangent
  }
}
