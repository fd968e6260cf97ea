// Thread-specific storage, POSIX's: Swift has no thread-local variables.
// The drivers keep two records per thread this way, their nesting
// (DriverNesting.swift) and their kept tapes (TapeCache.swift).

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

#if canImport(Darwin)
  /// What frees a thread's value when the thread ends.
  typealias _ThreadKeyDestructor = @convention(c) (UnsafeMutableRawPointer) -> Void
#else
  /// What frees a thread's value when the thread ends.
  typealias _ThreadKeyDestructor = @convention(c) (UnsafeMutableRawPointer?) -> Void
#endif

/// A new key for one pointer per thread, freed by `destructor` when its
/// thread ends. Stops the process if the system has no key left (a
/// process gets at least 128), as running out of memory would.
func _makeThreadKey(for what: StaticString, _ destructor: _ThreadKeyDestructor) -> pthread_key_t {
  var key = pthread_key_t()
  guard pthread_key_create(&key, destructor) == 0 else {
    fatalError("Epsilon: no thread-specific key is left for \(what)")
  }
  return key
}
