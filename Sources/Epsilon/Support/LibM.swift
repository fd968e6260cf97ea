// swift-format-ignore-file: AlwaysUseLowerCamelCase
// The C library's elementary functions under private names.
//
// Rules call these rather than `exp(x)` directly so that no call can resolve
// to Epsilon's own generic `exp` by accident. Each is a one-line forward.
//
// The C library's calls are declared `@_effects(readnone)` (we never read
// errno), so the optimiser may merge repeated calls on the same argument:
// sin and cos each take their value and derivative from one `sincos`, and
// generic code that evaluates both on one argument then costs one call.
// Wrappers that are single instructions (sqrt, floor, ceil) are
// `@inlinable` instead, so a client gets `sqrtsd`, not a call.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(ucrt)
  import ucrt
#endif

#if !canImport(Darwin) && canImport(Glibc) && (arch(x86_64) || arch(arm64))
  // glibc's sincos and sincosf are GNU extensions its Swift module does not
  // import. They take a value and two pointers and return nothing, which
  // the Swift and C calling conventions pass alike on these architectures.
  // They compute sin and cos by the same code as `sin` and `cos`, so the
  // results are the same bits, for the cost of about one of the two calls.
  @_silgen_name("sincos")
  func _glibc_sincos(
    _ x: Double, _ s: UnsafeMutablePointer<Double>,
    _ c: UnsafeMutablePointer<Double>)
  @_silgen_name("sincosf")
  func _glibc_sincosf(
    _ x: Float, _ s: UnsafeMutablePointer<Float>,
    _ c: UnsafeMutablePointer<Float>)
#endif

@usableFromInline @_effects(readnone)
func _libm_exp(_ x: Double) -> Double { exp(x) }
@usableFromInline @_effects(readnone)
func _libm_exp(_ x: Float) -> Float { exp(x) }
@usableFromInline @_effects(readnone)
func _libm_exp2(_ x: Double) -> Double { exp2(x) }
@usableFromInline @_effects(readnone)
func _libm_exp2(_ x: Float) -> Float { exp2(x) }
@usableFromInline @_effects(readnone)
func _libm_expm1(_ x: Double) -> Double { expm1(x) }
@usableFromInline @_effects(readnone)
func _libm_expm1(_ x: Float) -> Float { expm1(x) }
@usableFromInline @_effects(readnone)
func _libm_log(_ x: Double) -> Double { log(x) }
@usableFromInline @_effects(readnone)
func _libm_log(_ x: Float) -> Float { log(x) }
@usableFromInline @_effects(readnone)
func _libm_log2(_ x: Double) -> Double { log2(x) }
@usableFromInline @_effects(readnone)
func _libm_log2(_ x: Float) -> Float { log2(x) }
@usableFromInline @_effects(readnone)
func _libm_log10(_ x: Double) -> Double { log10(x) }
@usableFromInline @_effects(readnone)
func _libm_log10(_ x: Float) -> Float { log10(x) }
@usableFromInline @_effects(readnone)
func _libm_log1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline @_effects(readnone)
func _libm_log1p(_ x: Float) -> Float { log1p(x) }
@inlinable @inline(__always)
func _libm_sqrt(_ x: Double) -> Double { x.squareRoot() }
@inlinable @inline(__always)
func _libm_sqrt(_ x: Float) -> Float { x.squareRoot() }
@usableFromInline @_effects(readnone)
func _libm_cbrt(_ x: Double) -> Double { cbrt(x) }
@usableFromInline @_effects(readnone)
func _libm_cbrt(_ x: Float) -> Float { cbrt(x) }
@usableFromInline @_effects(readnone)
func _libm_sin(_ x: Double) -> Double { sin(x) }
@usableFromInline @_effects(readnone)
func _libm_sin(_ x: Float) -> Float { sin(x) }
@usableFromInline @_effects(readnone)
func _libm_cos(_ x: Double) -> Double { cos(x) }
@usableFromInline @_effects(readnone)
func _libm_cos(_ x: Float) -> Float { cos(x) }
@usableFromInline @_effects(readnone)
func _libm_sincos(_ x: Double) -> (sin: Double, cos: Double) {
  #if canImport(Darwin)
    var s = 0.0
    var c = 0.0
    __sincos(x, &s, &c)
    return (s, c)
  #elseif canImport(Glibc) && (arch(x86_64) || arch(arm64))
    var s = 0.0
    var c = 0.0
    _glibc_sincos(x, &s, &c)
    return (s, c)
  #else
    return (sin(x), cos(x))
  #endif
}
@usableFromInline @_effects(readnone)
func _libm_sincos(_ x: Float) -> (sin: Float, cos: Float) {
  #if canImport(Darwin)
    var s: Float = 0
    var c: Float = 0
    __sincosf(x, &s, &c)
    return (s, c)
  #elseif canImport(Glibc) && (arch(x86_64) || arch(arm64))
    var s: Float = 0
    var c: Float = 0
    _glibc_sincosf(x, &s, &c)
    return (s, c)
  #else
    return (sin(x), cos(x))
  #endif
}
@usableFromInline @_effects(readnone)
func _libm_tan(_ x: Double) -> Double { tan(x) }
@usableFromInline @_effects(readnone)
func _libm_tan(_ x: Float) -> Float { tan(x) }
@usableFromInline @_effects(readnone)
func _libm_asin(_ x: Double) -> Double { asin(x) }
@usableFromInline @_effects(readnone)
func _libm_asin(_ x: Float) -> Float { asin(x) }
@usableFromInline @_effects(readnone)
func _libm_acos(_ x: Double) -> Double { acos(x) }
@usableFromInline @_effects(readnone)
func _libm_acos(_ x: Float) -> Float { acos(x) }
@usableFromInline @_effects(readnone)
func _libm_atan(_ x: Double) -> Double { atan(x) }
@usableFromInline @_effects(readnone)
func _libm_atan(_ x: Float) -> Float { atan(x) }
@usableFromInline @_effects(readnone)
func _libm_sinh(_ x: Double) -> Double { sinh(x) }
@usableFromInline @_effects(readnone)
func _libm_sinh(_ x: Float) -> Float { sinh(x) }
@usableFromInline @_effects(readnone)
func _libm_cosh(_ x: Double) -> Double { cosh(x) }
@usableFromInline @_effects(readnone)
func _libm_cosh(_ x: Float) -> Float { cosh(x) }
@usableFromInline @_effects(readnone)
func _libm_tanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline @_effects(readnone)
func _libm_tanh(_ x: Float) -> Float { tanh(x) }
@usableFromInline @_effects(readnone)
func _libm_asinh(_ x: Double) -> Double { asinh(x) }
@usableFromInline @_effects(readnone)
func _libm_asinh(_ x: Float) -> Float { asinh(x) }
@usableFromInline @_effects(readnone)
func _libm_acosh(_ x: Double) -> Double { acosh(x) }
@usableFromInline @_effects(readnone)
func _libm_acosh(_ x: Float) -> Float { acosh(x) }
@usableFromInline @_effects(readnone)
func _libm_atanh(_ x: Double) -> Double { atanh(x) }
@usableFromInline @_effects(readnone)
func _libm_atanh(_ x: Float) -> Float { atanh(x) }
@usableFromInline @_effects(readnone)
func _libm_erf(_ x: Double) -> Double { erf(x) }
@usableFromInline @_effects(readnone)
func _libm_erf(_ x: Float) -> Float { erf(x) }
@usableFromInline @_effects(readnone)
func _libm_erfc(_ x: Double) -> Double { erfc(x) }
@usableFromInline @_effects(readnone)
func _libm_erfc(_ x: Float) -> Float { erfc(x) }
@inlinable @inline(__always)
func _libm_floor(_ x: Double) -> Double { x.rounded(.down) }
@inlinable @inline(__always)
func _libm_floor(_ x: Float) -> Float { x.rounded(.down) }
@inlinable @inline(__always)
func _libm_ceil(_ x: Double) -> Double { x.rounded(.up) }
@inlinable @inline(__always)
func _libm_ceil(_ x: Float) -> Float { x.rounded(.up) }
@usableFromInline @_effects(readnone)
func _libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline @_effects(readnone)
func _libm_pow(_ x: Float, _ y: Float) -> Float { pow(x, y) }
@usableFromInline @_effects(readnone)
func _libm_atan2(_ x: Double, _ y: Double) -> Double { atan2(x, y) }
@usableFromInline @_effects(readnone)
func _libm_atan2(_ x: Float, _ y: Float) -> Float { atan2(x, y) }
@usableFromInline @_effects(readnone)
func _libm_hypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
@usableFromInline @_effects(readnone)
func _libm_hypot(_ x: Float, _ y: Float) -> Float { hypot(x, y) }
