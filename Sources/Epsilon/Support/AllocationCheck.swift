// Whether a large request can be met, asked of the C allocator, so that an
// impossible size becomes a thrown error instead of the runtime's trap.
//
// The probe must survive the optimizer. A `malloc` whose only use is a
// `free` is a pair LLVM may delete, and it may then fold the null test to
// "succeeded": in release builds every check used to read `true`. The
// probe is therefore a function the optimizer neither inlines nor
// optimizes (`@inline(never) @_optimize(none)`), so the call into the C
// allocator and its null test are compiled as written, and callers see
// only an opaque call whose answer they cannot predict.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(ucrt)
  import ucrt
#endif

/// The number of entries of a packed N × N triangle, N(N+1)/2, if that many
/// elements of `stride` bytes fit the address space and can be allocated
/// now; `nil` otherwise, or for a negative N.
@usableFromInline
func _packedEntryCount(_ n: Int, stride: Int) -> Int? {
  guard n >= 0 else { return nil }
  // N(N+1)/2 with the halving done first, on whichever factor is even.
  let (half, other) = n & 1 == 0 ? (n / 2, n + 1) : (n / 2 + 1, n)
  let (entries, overflow) = half.multipliedReportingOverflow(by: other)
  guard !overflow else { return nil }
  return _canAllocate(entries, stride: stride) ? entries : nil
}

/// Whether `count` elements of `stride` bytes fit the address space and can
/// be allocated now (`false` for a negative count).
@usableFromInline
func _canAllocate(_ count: Int, stride: Int) -> Bool {
  guard count >= 0 else { return false }
  let (bytes, overflow) = count.multipliedReportingOverflow(
    by: Swift.max(stride, 1))
  return !overflow && _canAllocate(bytes: bytes)
}

/// Requests below this many bytes (64 MiB) are taken as possible without
/// asking the allocator.
@usableFromInline let _assumedAllocatableBytes = 1 << 26

/// Whether the allocator can give `bytes` now. Sizes below
/// ``_assumedAllocatableBytes`` are taken as possible without asking.
@usableFromInline
func _canAllocate(bytes: Int) -> Bool {
  if bytes < _assumedAllocatableBytes { return true }
  return _probeAllocator(bytes)
}

/// Asks the C allocator for `bytes` and gives them straight back: whether
/// it could.
///
/// Neither inlined nor optimized, so that the `malloc`–`free` pair is not
/// deleted and its null test not folded to `true` (see the file's
/// header): the check must hold in release builds, the ones users ship.
@inline(never) @_optimize(none)
func _probeAllocator(_ bytes: Int) -> Bool {
  guard let p = malloc(bytes) else { return false }
  free(p)
  return true
}

/// Throws ``TapeError/outOfMemory(bytes:)`` unless `count` elements of `E`
/// can be allocated now: the check a driver makes before an array it
/// builds on the caller's behalf, so that a huge input throws instead of
/// stopping the process.
///
/// Inlined, so that a request below ``_assumedAllocatableBytes``, the case
/// of every small input, is decided by one comparison where `E` is known,
/// not by a call.
@inlinable
func _checkAllocation<E>(_ count: Int, of: E.Type) throws(TapeError) {
  let stride = Swift.max(MemoryLayout<E>.stride, 1)
  if count >= 0 && count < _assumedAllocatableBytes / stride { return }
  try _checkLargeAllocation(count, stride: stride)
}

/// ``_checkAllocation(_:of:)`` for a request that may be too large.
@usableFromInline
func _checkLargeAllocation(_ count: Int, stride: Int) throws(TapeError) {
  guard _canAllocate(count, stride: stride) else {
    throw .outOfMemory(
      bytes: count.multipliedReportingOverflow(by: stride).partialValue)
  }
}
