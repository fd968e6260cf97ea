// Whether a large request can be met, asked of the C allocator, so that an
// impossible size becomes a thrown error instead of the runtime's trap.

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
  let (bytes, tooBig) = entries.multipliedReportingOverflow(
    by: Swift.max(stride, 1))
  guard !tooBig else { return nil }
  return _canAllocate(bytes: bytes) ? entries : nil
}

/// Whether the allocator can give `bytes` now. Sizes below 64 MiB are
/// taken as possible without asking.
@usableFromInline
func _canAllocate(bytes: Int) -> Bool {
  if bytes < 1 << 26 { return true }
  guard let p = malloc(bytes) else { return false }
  free(p)
  return true
}
