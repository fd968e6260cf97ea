// The small dense linear algebra the optimizers need: norms, a Cholesky
// factorization and solve, and the shifted solve of Nocedal & Wright's
// Algorithm 3.3 (Cholesky with added multiple of the identity). Matrices
// are row-major `[T]` of n·n entries; sizes are small (one row per
// parameter), so plain loops are enough.

/// x·y.
@inlinable
func _dot<T: ADScalar>(_ x: [T], _ y: [T]) -> T {
  var sum: T = 0
  for i in x.indices { sum += x[i] * y[i] }
  return sum
}

/// ‖x‖₂.
@inlinable
func _norm<T: ADScalar>(_ x: [T]) -> T { _dot(x, x).squareRoot() }

/// Whether every entry is finite.
@inlinable
func _allFinite<T: ADScalar>(_ x: [T]) -> Bool { x.allSatisfy(\.isFinite) }

/// Copies `source` into `destination`, in place when the counts agree,
/// so that a loop keeping the previous point allocates nothing.
@inlinable
func _copy<T>(_ source: [T], into destination: inout [T]) {
  guard destination.count == source.count else {
    destination = source
    return
  }
  for i in source.indices { destination[i] = source[i] }
}

/// x + α·p.
@inlinable
func _moved<T: ADScalar>(_ x: [T], by alpha: T, along p: [T]) -> [T] {
  var y = x
  for i in y.indices { y[i] += alpha * p[i] }
  return y
}

/// The lower-triangular L with L·Lᵀ = A (row-major, n×n), or `nil` if A is
/// not numerically positive definite.
///
/// - Complexity: n³/3 multiplications.
@inlinable
func _cholesky<T: ADScalar>(_ a: [T], _ n: Int) -> [T]? {
  var l = [T](repeating: 0, count: n * n)
  for j in 0..<n {
    var d = a[j * n + j]
    for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
    // Not `d <= 0` alone: NaN must fail too.
    guard d > 0, d.isFinite else { return nil }
    let ljj = d.squareRoot()
    l[j * n + j] = ljj
    for i in (j + 1)..<n {
      var s = a[i * n + j]
      for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
      l[i * n + j] = s / ljj
    }
  }
  return l
}

/// The solution of L·Lᵀ·x = b for the factor of ``_cholesky(_:_:)``.
@inlinable
func _choleskySolve<T: ADScalar>(_ l: [T], _ n: Int, _ b: [T]) -> [T] {
  var y = b
  for i in 0..<n {
    for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
    y[i] /= l[i * n + i]
  }
  for i in stride(from: n - 1, through: 0, by: -1) {
    for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
    y[i] /= l[i * n + i]
  }
  return y
}

/// The solution p of (A + τI)·p = b with the smallest τ ≥ `minimumShift`
/// (found by doubling) for which A + τI has a Cholesky factor: Nocedal &
/// Wright's Algorithm 3.3, the Levenberg-style fallback for a Hessian that
/// is not positive definite.
///
/// τ starts at `minimumShift` if A's diagonal is positive, else at
/// β − min aᵢᵢ with β = 10⁻³·max(1, max |aᵢᵢ|), and doubles (from at
/// least β) until the factorization succeeds.
///
/// - Returns: p and the τ used, or `nil` if A has a non-finite entry.
@inlinable
func _solveShifted<T: ADScalar>(
  _ a: [T], _ n: Int, _ b: [T], minimumShift: T = 0
) -> (solution: [T], shift: T)? {
  guard _allFinite(a), _allFinite(b) else { return nil }
  var minDiagonal = a[0]
  var maxDiagonal: T = 0
  for i in 0..<n {
    minDiagonal = Swift.min(minDiagonal, a[i * n + i])
    maxDiagonal = Swift.max(maxDiagonal, a[i * n + i].magnitude)
  }
  let beta = T(1e-3) * Swift.max(1, maxDiagonal)
  var shift =
    minDiagonal > 0
    ? minimumShift
    : Swift.max(
      minimumShift, beta - minDiagonal)
  var shifted = a
  // 2^1100 overflows every finite shift: the loop always ends.
  for _ in 0..<1100 {
    for i in 0..<n { shifted[i * n + i] = a[i * n + i] + shift }
    if let l = _cholesky(shifted, n) {
      return (_choleskySolve(l, n, b), shift)
    }
    shift = Swift.max(2 * shift, beta)
    if !shift.isFinite { return nil }
  }
  return nil
}
