// Environment knobs for the differential fuzz: kept apart so that the C
// library's concrete math functions do not shadow Epsilon's generic ones in
// the interpreter.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An integer from the environment (decimal or 0x-hex), or nil.
func fuzzEnvironmentInteger(_ name: String) -> UInt64? {
  guard let raw = getenv(name) else { return nil }
  let text = String(cString: raw)
  if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
  return UInt64(text)
}
