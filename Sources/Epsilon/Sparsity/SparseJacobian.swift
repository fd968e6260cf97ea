// Sparse Jacobians: detect the pattern once, colour its columns, then every
// call is ⌈c/w⌉ forward passes of Dual<SIMDw> (c colours), and each entry
// is read directly from them.

/// A reusable sparse Jacobian of one vector function: its pattern, a column
/// colouring and every buffer, built once; each later call allocates
/// nothing of its own (the function's output arrays are its own).
///
/// ```swift
/// let plan = try SparseJacobianPlan(of: BratuResidual(), at: u0)
/// var j = SparseMatrix<Double>(pattern: plan.pattern)
/// try plan.jacobian(at: u, into: &j)     // 6 colours on a 5-point stencil
/// ```
///
/// Cost per call: ⌈c/w⌉ evaluations of `f` on `Dual<SIMDw<T>>` (w ≤ 16, the
/// narrowest width that holds the c colours), then one read per entry.
///
/// With a ``SparsityDetection/local`` pattern, the plan is right wherever
/// `f` takes the branches it took at the detection point.
///
/// A plan owns mutable buffers: like a tape, each task should use its own.
public final class SparseJacobianPlan<F: ADVectorFunction, T: ADScalar> {
  /// The function.
  public let function: F
  /// The Jacobian's sparsity pattern: one row per output, one column per
  /// input.
  public let pattern: SparsityPattern
  /// The column colouring of ``pattern``: one seed direction per colour.
  public let coloring: Coloring
  /// The products J·s_k, m × colours, and where each entry is in them.
  @usableFromInline var _products: _CompressedProducts<T>
  /// The outputs' values at the last point.
  @usableFromInline var _values: [T]
  /// Evaluates the compressed products at x with the width chosen at
  /// construction.
  @usableFromInline let _evaluate:
    (F, [T], UnsafeMutablePointer<T>, UnsafeMutableBufferPointer<T>) throws -> Void

  /// Detects the pattern of `f`'s Jacobian, colours its columns and
  /// allocates every buffer.
  ///
  /// - Parameters:
  ///   - f: The function.
  ///   - x: A point: its length fixes the number of inputs; a local
  ///     detection uses its values.
  ///   - detection: `.global` (valid at every x; the default) or `.local`.
  /// - Throws: As ``jacobianSparsity(of:at:detection:)``.
  @inlinable
  public init(of f: F, at x: [T], detection: SparsityDetection = .global) throws {
    let pattern = try jacobianSparsity(of: f, at: x, detection: detection)
    let coloring = pattern.columnColoring()
    let m = pattern.rowCount
    let c = coloring.colorCount
    let colors = coloring.colors
    self.function = f
    self.pattern = pattern
    self.coloring = coloring
    var sources = [Int](repeating: 0, count: pattern.nonzeroCount)
    for j in 0..<pattern.columnCount {
      for k in pattern.columnStarts[j]..<pattern.columnStarts[j + 1] {
        sources[k] = pattern.rowIndices[k] * c + colors[j]
      }
    }
    self._products = _CompressedProducts(sources: sources, rows: m, colors: c)
    self._values = [T](repeating: 0, count: m)
    _evaluate = _JacobianEvaluation<F, T>(
      count: x.count, outputCount: m, colors: colors, colorCount: c
    ).build(forColors: c)
  }

  /// The number of inputs.
  public var inputCount: Int { pattern.columnCount }
  /// The number of outputs.
  public var outputCount: Int { pattern.rowCount }

  /// The sparse Jacobian of the function at `x`, written into `matrix`.
  ///
  /// `matrix` is given the plan's pattern if it has another (allocating
  /// once); with the plan's pattern the plan allocates nothing.
  ///
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   `x` has the wrong length;
  ///   ``EpsilonError/outputCountChanged(first:later:pass:)`` if the
  ///   function returns another number of outputs than at detection.
  @inlinable
  public func jacobian(at x: [T], into matrix: inout SparseMatrix<T>) throws {
    guard x.count == inputCount else {
      throw EpsilonError.countMismatch(argument: "x", expected: inputCount, actual: x.count)
    }
    if matrix.pattern != pattern { matrix = SparseMatrix(pattern: pattern) }
    try _products.values.withUnsafeMutableBufferPointer { products in
      try _values.withUnsafeMutableBufferPointer { values in
        try _evaluate(function, x, products.baseAddress!, values)
      }
    }
    _products.gather(into: &matrix)
  }

  /// The outputs f(x) and the sparse Jacobian at `x`, from the same
  /// evaluations, written into `values` and `matrix`.
  ///
  /// - Throws: As ``jacobian(at:into:)``, and
  ///   ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   `values` does not have one entry per output.
  @inlinable
  public func valueAndJacobian(
    at x: [T], values: inout [T], jacobian matrix: inout SparseMatrix<T>
  ) throws {
    guard values.count == outputCount else {
      throw EpsilonError.countMismatch(
        argument: "values", expected: outputCount, actual: values.count)
    }
    try jacobian(at: x, into: &matrix)
    for i in values.indices { values[i] = _values[i] }
  }

  /// The sparse Jacobian of the function at `x`, in a new matrix.
  ///
  /// - Throws: As ``jacobian(at:into:)``.
  @inlinable
  public func jacobian(at x: [T]) throws -> SparseMatrix<T> {
    var matrix = SparseMatrix<T>(pattern: pattern)
    try jacobian(at: x, into: &matrix)
    return matrix
  }
}

/// The sparse Jacobian of `f` at `x`: detects the pattern, colours its
/// columns and evaluates once.
///
/// ```swift
/// let j = try sparseJacobian(of: BratuResidual(), at: u)   // 5-point stencil
/// ```
///
/// To evaluate at many points, build a ``SparseJacobianPlan`` once instead.
///
/// - Throws: As ``SparseJacobianPlan``'s initializer and
///   ``SparseJacobianPlan/jacobian(at:into:)``.
/// - Complexity: One tracer evaluation, the colouring, then ⌈c/w⌉
///   evaluations of `f` for c colours.
@inlinable
public func sparseJacobian<F: ADVectorFunction, T: ADScalar>(
  of f: F, at x: [T], detection: SparsityDetection = .global
) throws -> SparseMatrix<T> {
  try SparseJacobianPlan(of: f, at: x, detection: detection).jacobian(at: x)
}
