// Jacobians and Jacobian-vector products by forward mode.

/// The Jacobian of a vector function `f` at `x`: one row per output, one
/// column per input, eight inputs per pass.
///
/// ```swift
/// try jacobian(at: [1.0, 2.0]) { x in [x[0] * x[1], sin(x[0])] }
/// // [[2.0, 1.0], [cos(1.0), 0.0]]
/// ```
///
/// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if `f`
///   returns a different number of outputs on a later pass.
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func jacobian<T: ADScalar>(
  at x: [T], of f: ([Dual<SIMD8<T>>]) -> [Dual<SIMD8<T>>]
) throws -> [[T]] {
  try jacobian(at: x, chunk: SIMD8<T>.self, of: f)
}

/// The Jacobian of `f` at `x`, `P.scalarCount` inputs per pass.
///
/// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if `f`
///   returns a different number of outputs on a later pass.
/// - Complexity: ⌈N/w⌉ evaluations of `f`, w = `P.scalarCount`.
@inlinable
public func jacobian<P>(
  at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> [Dual<P>]
) throws -> [[P.Scalar]] where P: SIMD & DualPartials, P.Scalar: ADScalar {
  let n = x.count
  let width = P.scalarCount
  var duals = x.map { Dual<P>($0) }
  if n == 0 { return f(duals).map { _ in [] } }
  // A user-defined SIMD type without lanes could never seed an input.
  guard width > 0 else {
    throw EpsilonError.seedOutOfRange(index: 0, partialCount: 0)
  }
  var rows: [[P.Scalar]] = []
  var start = 0
  var pass = 0
  while start < n {
    let end = Swift.min(start + width, n)
    for i in start..<end { duals[i].partials = .unitPartials(i - start) }
    let y = f(duals)
    pass += 1
    if pass == 1 {
      rows = Array(repeating: Array(repeating: 0, count: n), count: y.count)
    } else if y.count != rows.count {
      throw EpsilonError.outputCountChanged(
        first: rows.count, later: y.count, pass: pass)
    }
    for (row, output) in y.enumerated() {
      for i in start..<end { rows[row][i] = output.partials[i - start] }
    }
    for i in start..<end { duals[i].partials = .zero }
    start = end
  }
  return rows
}

/// The directional derivative J(x)·v of a vector function `f`: the
/// Jacobian-vector product, from one evaluation, without forming J.
///
/// ```swift
/// try directionalDerivative(at: [1.0, 2.0], along: [1.0, 0.0]) { x in
///   [x[0] * x[1], sin(x[0])]
/// }   // [2.0, cos(1.0)]
/// ```
///
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length.
/// - Complexity: One evaluation of `f`.
@inlinable
public func directionalDerivative<T>(
  at x: [T], along v: [T], of f: ([Dual<T>]) -> [Dual<T>]
) throws -> [T] where T: DualPartials, T.Scalar == T {
  guard v.count == x.count else {
    throw EpsilonError.countMismatch(
      argument: "along", expected: x.count, actual: v.count)
  }
  let duals = zip(x, v).map { Dual($0, partials: $1) }
  return f(duals).map(\.partials)
}
