// Sparse Hessians: detect the pattern once, star-colour it, then every call
// is c Hessian-vector products (c colours) in the SIMD lanes of one
// forward-over-reverse recording, and each entry is read directly from them.

/// A reusable sparse Hessian of one function: its pattern, a star colouring
/// and every buffer, built once; each later call allocates nothing.
///
/// ```swift
/// let plan = try SparseHessianPlan(of: ExtendedRosenbrock(), at: x0)
/// var h = SparseMatrix<Double>(pattern: plan.pattern)
/// for x in iterates {
///   try plan.hessian(at: x, into: &h)     // 3 colours, whatever N
/// }
/// ```
///
/// Cost per call: one recording and one reverse sweep of `f` on
/// `Dual<SIMDw<T>>` per w colours (w ≤ 16, the narrowest width that holds
/// them), then one read per entry. It grows with the number of colours, not
/// with N.
///
/// With a ``SparsityDetection/local`` pattern, the plan is right wherever
/// `f` takes the branches it took at the detection point; elsewhere
/// entries outside that pattern are silently missing. Use the default
/// global pattern for a plan that serves many points.
///
/// A plan owns mutable buffers and a tape: like a tape, each task should
/// use its own.
public final class SparseHessianPlan<F: ADFunction, T: ADScalar> {
  /// The function.
  public let function: F
  /// The Hessian's sparsity pattern (symmetric, both triangles).
  public let pattern: SparsityPattern
  /// The star colouring of ``pattern``: one seed direction per colour.
  public let coloring: Coloring
  /// The products H·s_k, N × colours, and where each entry is in them
  /// (row a of H·s_k at `a · colorCount + k`).
  @usableFromInline var _products: _CompressedProducts<T>
  /// The gradient of the last evaluation.
  @usableFromInline var _gradient: [T]
  /// Evaluates the compressed products at x (with the width chosen at
  /// construction), or the entries directly (the last buffer) when every
  /// colour fits in one pass, writing the gradient; returns f(x) and
  /// whether the entries were filled.
  @usableFromInline let _evaluate:
    (
      F, [T], UnsafeMutablePointer<T>, UnsafeMutableBufferPointer<T>,
      UnsafeMutableBufferPointer<T>
    ) throws -> (value: T, filled: Bool)

  /// Detects the pattern of `f`'s Hessian, colours it and allocates every
  /// buffer.
  ///
  /// - Parameters:
  ///   - f: The function.
  ///   - x: A point: its length fixes the number of inputs; a local
  ///     detection uses its values.
  ///   - detection: `.global` (valid at every x; the default) or `.local`.
  /// - Throws: As ``hessianSparsity(of:at:detection:)``.
  @inlinable
  public init(of f: F, at x: [T], detection: SparsityDetection = .global) throws {
    let pattern = try hessianSparsity(of: f, at: x, detection: detection)
    let coloring = try pattern.starColoring()
    let n = x.count
    let c = coloring.colorCount
    let colors = coloring.colors
    self.function = f
    self.pattern = pattern
    self.coloring = coloring
    let sources = _starRecoverySources(pattern, coloring)
    self._products = _CompressedProducts(sources: sources, rows: n, colors: c)
    self._gradient = [T](repeating: 0, count: n)
    _evaluate = _HessianEvaluation<F, T>(count: n, colors: colors, colorCount: c, sources: sources)
      .build(forColors: c)
  }

  /// The number of inputs.
  public var inputCount: Int { pattern.columnCount }

  /// The value, gradient and sparse Hessian of the function at `x`, written
  /// into `gradient` and `hessian`.
  ///
  /// `hessian` is given the plan's pattern if it has another (allocating
  /// once); `gradient` must have one entry per input.
  ///
  /// - Returns: f(x).
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   `x` or `gradient` has the wrong length; ``TapeError/tapeFull(_:)``
  ///   if one recording needs more than 2³² − 3 operations.
  @inlinable
  public func valueGradientHessian(
    at x: [T], gradient: inout [T], hessian: inout SparseMatrix<T>
  ) throws -> T {
    guard gradient.count == inputCount else {
      throw EpsilonError.countMismatch(
        argument: "gradient", expected: inputCount, actual: gradient.count)
    }
    let value = try _fill(at: x, into: &hessian)
    for i in gradient.indices { gradient[i] = _gradient[i] }
    return value
  }

  /// The sparse Hessian of the function at `x`, written into `matrix`.
  ///
  /// `matrix` is given the plan's pattern if it has another (allocating
  /// once); with the plan's pattern nothing is allocated.
  ///
  /// - Throws: As ``valueGradientHessian(at:gradient:hessian:)``.
  @inlinable
  public func hessian(at x: [T], into matrix: inout SparseMatrix<T>) throws {
    _ = try _fill(at: x, into: &matrix)
  }

  /// The sparse Hessian of the function at `x`, in a new matrix.
  ///
  /// - Throws: As ``valueGradientHessian(at:gradient:hessian:)``.
  @inlinable
  public func hessian(at x: [T]) throws -> SparseMatrix<T> {
    var matrix = SparseMatrix<T>(pattern: pattern)
    _ = try _fill(at: x, into: &matrix)
    return matrix
  }

  @inlinable
  func _fill(at x: [T], into matrix: inout SparseMatrix<T>) throws -> T {
    guard x.count == inputCount else {
      throw EpsilonError.countMismatch(argument: "x", expected: inputCount, actual: x.count)
    }
    if matrix.pattern != pattern { matrix = SparseMatrix(pattern: pattern) }
    let (value, filled) = try _products.values.withUnsafeMutableBufferPointer { products in
      try _gradient.withUnsafeMutableBufferPointer { gradient in
        try matrix.values.withUnsafeMutableBufferPointer { entries in
          try _evaluate(function, x, products.baseAddress!, gradient, entries)
        }
      }
    }
    if !filled { _products.gather(into: &matrix) }
    return value
  }
}

/// Where each entry of a star-coloured symmetric pattern is read from the
/// compressed products (row a of H·s_k at `a · c + k`).
///
/// Entry (i, j) is row i of the product along c(j) if j is i's only
/// neighbour of that colour, else row j along c(i) (a star colouring
/// guarantees one of the two). Both (i, j) and (j, i) are read from the
/// same place, so the result is exactly symmetric, and where both are
/// possible the row of the larger index is taken: a dense Hessian by
/// forward over reverse computes its lower triangle the same way (the
/// adjoint of row i along the unit direction j < i), so the two agree bit
/// for bit.
@usableFromInline
func _starRecoverySources(_ pattern: SparsityPattern, _ coloring: Coloring) -> [Int] {
  let n = pattern.columnCount
  let c = coloring.colorCount
  let colors = coloring.colors
  var sources = [Int](repeating: 0, count: pattern.nonzeroCount)
  var count = [Int](repeating: 0, count: c)
  let starts = pattern.columnStarts
  let rows = pattern.rowIndices
  // The position of entry (i, j) in column j.
  func position(_ i: Int, _ j: Int) -> Int {
    var low = starts[j]
    var high = starts[j + 1]
    while low < high {
      let mid = (low + high) / 2
      if rows[mid] < i { low = mid + 1 } else { high = mid }
    }
    return low
  }
  for v in 0..<n {
    // How many neighbours of v have each colour.
    for k in starts[v]..<starts[v + 1] where rows[k] != v { count[colors[rows[k]]] += 1 }
    for k in starts[v]..<starts[v + 1] {
      let w = rows[k]
      if w == v {
        sources[k] = v * c + colors[v]
      } else if w < v {
        // The pair {w < v}, decided once, here, for both entries.
        let source =
          count[colors[w]] == 1 ? v * c + colors[w] : w * c + colors[v]
        sources[k] = source
        sources[position(v, w)] = source
      }
    }
    for k in starts[v]..<starts[v + 1] where rows[k] != v { count[colors[rows[k]]] = 0 }
  }
  return sources
}

/// The sparse Hessian of `f` at `x`: detects the pattern, colours it and
/// evaluates once.
///
/// ```swift
/// let h = try sparseHessian(of: ExtendedRosenbrock(), at: x)  // tridiagonal
/// ```
///
/// To evaluate at many points, build a ``SparseHessianPlan`` once instead:
/// detection and colouring cost several evaluations.
///
/// - Throws: As ``SparseHessianPlan``'s initializer.
/// - Complexity: One tracer evaluation, the colouring, then ⌈c/w⌉
///   recordings and sweeps for c colours.
@inlinable
public func sparseHessian<F: ADFunction, T: ADScalar>(
  of f: F, at x: [T], detection: SparsityDetection = .global
) throws -> SparseMatrix<T> {
  try SparseHessianPlan(of: f, at: x, detection: detection).hessian(at: x)
}
