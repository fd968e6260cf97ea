// Perturbation confusion through `.value`, detected.
//
// Nested drivers keep their perturbations apart by their types: an inner
// driver called at an outer `x` works on `Dual<Dual<Double>>`, and mixing
// the levels does not compile. Called at `x.value`, the inner driver works
// on the outer driver's own number type, so its closure can multiply the
// outer `x` with its own variable and add the two tangents in one lane.
// Nothing in the two numbers tells them apart, so the drivers keep a
// thread-local record of which number types are being differentiated.
// When a driver runs inside another on the same type, it first evaluates
// its closure with every seed zero: a closure that uses only its own
// variables gives a result whose tangent parts are exactly zero (the
// NaN-safe algebra never turns a zero tangent into anything else), so any
// other tangent came from a captured perturbed number, and the driver
// stops with a message that names the fix. Only nested calls on one type
// pay for the extra evaluation; every other call pays for the record: one
// read of a thread-specific pointer (Swift has no thread-local variables,
// so it is POSIX's) and a few loads and stores: about two nanoseconds,
// which matters only for functions that themselves take a few.

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
@usableFromInline
let _driverNestingKey = _makeThreadKey(for: "the drivers' nesting") { _freeDriverNesting($0) }

/// Frees a thread's ``_DriverNesting`` record.
func _freeDriverNesting(_ record: UnsafeMutableRawPointer?) {
  record?.assumingMemoryBound(to: _DriverNesting.self).deallocate()
}

/// Enters a driver whose closure takes numbers of the type `kind`: returns
/// the calling thread's record and its depth before this driver, to leave
/// the driver by, and whether a driver on the same number type is already
/// running on this thread (or the record is too deep to tell). `nil` when
/// the record cannot be allocated: the driver then runs unchecked.
///
/// Inlined into every driver for the common case, no driver running:
/// one read of the thread-specific pointer and two stores.
@inlinable @inline(__always)
func _enterDriver(_ kind: Any.Type) -> (
  record: UnsafeMutablePointer<_DriverNesting>?, depth: Int, nested: Bool
) {
  let kind = unsafeBitCast(kind, to: UnsafeRawPointer.self)
  if let stored = pthread_getspecific(_driverNestingKey) {
    let record = stored.assumingMemoryBound(to: _DriverNesting.self)
    if record.pointee.depth == 0 {
      record.pointee.depth = 1
      record.pointee.kinds.0 = kind
      return (record, 0, false)
    }
  }
  return _enterNestedDriver(kind)
}

/// ``_enterDriver(_:)`` when a driver is already running on this thread,
/// or the thread has no record yet.
@usableFromInline
func _enterNestedDriver(_ kind: UnsafeRawPointer) -> (
  record: UnsafeMutablePointer<_DriverNesting>?, depth: Int, nested: Bool
) {
  let record: UnsafeMutablePointer<_DriverNesting>
  if let stored = pthread_getspecific(_driverNestingKey) {
    record = stored.assumingMemoryBound(to: _DriverNesting.self)
  } else {
    record = .allocate(capacity: 1)
    record.initialize(to: _DriverNesting())
    guard pthread_setspecific(_driverNestingKey, record) == 0 else {
      record.deallocate()
      return (nil, 0, false)
    }
  }
  let depth = record.pointee.depth
  record.pointee.depth = depth &+ 1
  let capacity = _DriverNesting.capacity
  var nested = depth >= capacity
  withUnsafeMutableBytes(of: &record.pointee.kinds) { bytes in
    let kinds = bytes.bindMemory(to: UnsafeRawPointer?.self)
    for i in 0..<min(depth, capacity) where kinds[i] == kind {
      nested = true
    }
    if depth < capacity { kinds[depth] = kind }
  }
  return (record, depth, nested)
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
  let (record, depth, nested) = _enterDriver(number)
  defer { record?.pointee.depth = depth }
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
