// Closeness of floating-point results, with named tolerances.
//
// A tolerance is relative (in units of the type's ulpOfOne, so one name
// means the same thing for Float and Double, as swift-numerics' checks do)
// plus an optional absolute floor for results that pass near zero.

import Testing

/// How far apart two results may be: |a − b| ≤ max(relative·max(|a|, |b|),
/// absolute).
struct Tolerance<T: BinaryFloatingPoint>: CustomStringConvertible {
  /// The bound on |a − b| / max(|a|, |b|).
  var relative: T
  /// The bound on |a − b| that always suffices (0: relative only).
  var absolute: T

  /// A bound of `n` units in the last place, relative, with an absolute
  /// floor of `floor` times as many ulps (results of size `floor`).
  static func ulps(_ n: T, floor: T = 0) -> Self {
    Tolerance(relative: n * T.ulpOfOne, absolute: floor * n * T.ulpOfOne)
  }

  /// Bitwise-equal values (except that −0 == +0 and NaN matches NaN).
  static var exact: Self { Tolerance(relative: 0, absolute: 0) }

  /// One libm function against an analytic reference built from a few
  /// other libm calls and arithmetic: glibc documents ≤ 1–4 ulp for each
  /// function it calls, three or four of them compose to ≤ ~16 ulp,
  /// swift-numerics' bound for its elementary-function checks.
  static var elementary: Self { .ulps(16) }

  /// A second derivative through nested duals: the derivative formula is
  /// differentiated again by dual arithmetic, roughly doubling the number of
  /// rounded operations of `elementary` (and Float references are computed
  /// in Double, so all the error is the library's).
  static var secondOrder: Self { .ulps(64) }

  /// Identities on whole computations (Ceres' jet_test: 1e-13 relative for
  /// Double, about 450 ulp): each side chains several functions whose
  /// errors add, and log near 1 or a quotient of mixed magnitudes loses
  /// relative precision, so intermediate results of size ~1 set an
  /// absolute floor.
  static var identity: Self { .ulps(512, floor: 1) }

  var description: String { "rel \(relative), abs \(absolute)" }
}

/// Whether `a` and `b` agree within `tolerance`; infinities must be equal,
/// and NaN matches only NaN.
func isClose<T: BinaryFloatingPoint>(
  _ a: T, _ b: T, _ tolerance: Tolerance<T>
) -> Bool {
  if a == b { return true }
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  if !a.isFinite || !b.isFinite { return false }
  let difference = (a - b).magnitude
  if difference <= tolerance.absolute { return true }
  return difference <= tolerance.relative * Swift.max(a.magnitude, b.magnitude)
}

/// The distance in ulps of `b`, for failure messages.
func ulpDistance<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
  if a == b { return 0 }
  return (a - b).magnitude / b.ulp
}

/// Records an issue unless `actual` is within `tolerance` of `expected`.
func expectClose<T: BinaryFloatingPoint>(
  _ actual: T, _ expected: T, _ tolerance: Tolerance<T>,
  _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if isClose(actual, expected, tolerance) { return }
  let message: String =
    "\(what()): got \(actual), expected \(expected) "
    + "(\(ulpDistance(actual, expected)) ulp; tolerance \(tolerance))"
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Records an issue unless the arrays have the same length and agree
/// element by element within `tolerance`.
func expectClose<T: BinaryFloatingPoint>(
  _ actual: [T], _ expected: [T], _ tolerance: Tolerance<T>,
  _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "\(what()): \(actual.count) elements, expected \(expected.count)",
      sourceLocation: sourceLocation)
    return
  }
  for i in actual.indices where !isClose(actual[i], expected[i], tolerance) {
    let message: String =
      "\(what()) [\(i)]: got \(actual[i]), expected \(expected[i]) "
      + "(tolerance \(tolerance)); whole: \(actual) vs \(expected)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    return
  }
}

/// Whether two values are the same IEEE datum: equal, or both NaN.
func isSameValue<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
  a == b || (a.isNaN && b.isNaN)
}
