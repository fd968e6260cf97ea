// The C library's elementary functions under private names.
//
// Rules call these rather than `exp(x)` directly so that no call can resolve
// to Epsilon's own generic `exp` by accident. Each is a one-line forward.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(ucrt)
  import ucrt
#endif

@usableFromInline @inline(__always)
func _libm_exp(_ x: Double) -> Double { exp(x) }
@usableFromInline @inline(__always)
func _libm_exp(_ x: Float) -> Float { exp(x) }
@usableFromInline @inline(__always)
func _libm_exp2(_ x: Double) -> Double { exp2(x) }
@usableFromInline @inline(__always)
func _libm_exp2(_ x: Float) -> Float { exp2(x) }
@usableFromInline @inline(__always)
func _libm_expm1(_ x: Double) -> Double { expm1(x) }
@usableFromInline @inline(__always)
func _libm_expm1(_ x: Float) -> Float { expm1(x) }
@usableFromInline @inline(__always)
func _libm_log(_ x: Double) -> Double { log(x) }
@usableFromInline @inline(__always)
func _libm_log(_ x: Float) -> Float { log(x) }
@usableFromInline @inline(__always)
func _libm_log2(_ x: Double) -> Double { log2(x) }
@usableFromInline @inline(__always)
func _libm_log2(_ x: Float) -> Float { log2(x) }
@usableFromInline @inline(__always)
func _libm_log10(_ x: Double) -> Double { log10(x) }
@usableFromInline @inline(__always)
func _libm_log10(_ x: Float) -> Float { log10(x) }
@usableFromInline @inline(__always)
func _libm_log1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline @inline(__always)
func _libm_log1p(_ x: Float) -> Float { log1p(x) }
@usableFromInline @inline(__always)
func _libm_sqrt(_ x: Double) -> Double { x.squareRoot() }
@usableFromInline @inline(__always)
func _libm_sqrt(_ x: Float) -> Float { x.squareRoot() }
@usableFromInline @inline(__always)
func _libm_cbrt(_ x: Double) -> Double { cbrt(x) }
@usableFromInline @inline(__always)
func _libm_cbrt(_ x: Float) -> Float { cbrt(x) }
@usableFromInline @inline(__always)
func _libm_sin(_ x: Double) -> Double { sin(x) }
@usableFromInline @inline(__always)
func _libm_sin(_ x: Float) -> Float { sin(x) }
@usableFromInline @inline(__always)
func _libm_cos(_ x: Double) -> Double { cos(x) }
@usableFromInline @inline(__always)
func _libm_cos(_ x: Float) -> Float { cos(x) }
@usableFromInline @inline(__always)
func _libm_tan(_ x: Double) -> Double { tan(x) }
@usableFromInline @inline(__always)
func _libm_tan(_ x: Float) -> Float { tan(x) }
@usableFromInline @inline(__always)
func _libm_asin(_ x: Double) -> Double { asin(x) }
@usableFromInline @inline(__always)
func _libm_asin(_ x: Float) -> Float { asin(x) }
@usableFromInline @inline(__always)
func _libm_acos(_ x: Double) -> Double { acos(x) }
@usableFromInline @inline(__always)
func _libm_acos(_ x: Float) -> Float { acos(x) }
@usableFromInline @inline(__always)
func _libm_atan(_ x: Double) -> Double { atan(x) }
@usableFromInline @inline(__always)
func _libm_atan(_ x: Float) -> Float { atan(x) }
@usableFromInline @inline(__always)
func _libm_sinh(_ x: Double) -> Double { sinh(x) }
@usableFromInline @inline(__always)
func _libm_sinh(_ x: Float) -> Float { sinh(x) }
@usableFromInline @inline(__always)
func _libm_cosh(_ x: Double) -> Double { cosh(x) }
@usableFromInline @inline(__always)
func _libm_cosh(_ x: Float) -> Float { cosh(x) }
@usableFromInline @inline(__always)
func _libm_tanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline @inline(__always)
func _libm_tanh(_ x: Float) -> Float { tanh(x) }
@usableFromInline @inline(__always)
func _libm_asinh(_ x: Double) -> Double { asinh(x) }
@usableFromInline @inline(__always)
func _libm_asinh(_ x: Float) -> Float { asinh(x) }
@usableFromInline @inline(__always)
func _libm_acosh(_ x: Double) -> Double { acosh(x) }
@usableFromInline @inline(__always)
func _libm_acosh(_ x: Float) -> Float { acosh(x) }
@usableFromInline @inline(__always)
func _libm_atanh(_ x: Double) -> Double { atanh(x) }
@usableFromInline @inline(__always)
func _libm_atanh(_ x: Float) -> Float { atanh(x) }
@usableFromInline @inline(__always)
func _libm_erf(_ x: Double) -> Double { erf(x) }
@usableFromInline @inline(__always)
func _libm_erf(_ x: Float) -> Float { erf(x) }
@usableFromInline @inline(__always)
func _libm_erfc(_ x: Double) -> Double { erfc(x) }
@usableFromInline @inline(__always)
func _libm_erfc(_ x: Float) -> Float { erfc(x) }
@usableFromInline @inline(__always)
func _libm_floor(_ x: Double) -> Double { x.rounded(.down) }
@usableFromInline @inline(__always)
func _libm_floor(_ x: Float) -> Float { x.rounded(.down) }
@usableFromInline @inline(__always)
func _libm_ceil(_ x: Double) -> Double { x.rounded(.up) }
@usableFromInline @inline(__always)
func _libm_ceil(_ x: Float) -> Float { x.rounded(.up) }
@usableFromInline @inline(__always)
func _libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline @inline(__always)
func _libm_pow(_ x: Float, _ y: Float) -> Float { pow(x, y) }
@usableFromInline @inline(__always)
func _libm_atan2(_ x: Double, _ y: Double) -> Double { atan2(x, y) }
@usableFromInline @inline(__always)
func _libm_atan2(_ x: Float, _ y: Float) -> Float { atan2(x, y) }
@usableFromInline @inline(__always)
func _libm_hypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
@usableFromInline @inline(__always)
func _libm_hypot(_ x: Float, _ y: Float) -> Float { hypot(x, y) }
