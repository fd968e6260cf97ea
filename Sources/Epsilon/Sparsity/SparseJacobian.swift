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
  /// Evaluates the outputs' values (if the first buffer is not empty) and
  /// the pattern's entries (the second) at x, with the width chosen at
  /// construction.
  @usableFromInline let _evaluate:
    (F, [T], UnsafeMutableBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws -> Void

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
    self.function = f
    self.pattern = pattern
    self.coloring = coloring
    _evaluate = _JacobianEvaluation<F, T>(
      count: x.count, colors: coloring.colors, colorCount: coloring.colorCount, pattern: pattern
    ).build(forColors: coloring.colorCount)
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
    try _fill(at: x, values: UnsafeMutableBufferPointer(start: nil, count: 0), into: &matrix)
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
    try values.withUnsafeMutableBufferPointer { try _fill(at: x, values: $0, into: &matrix) }
  }

  @inlinable
  func _fill(
    at x: [T], values: UnsafeMutableBufferPointer<T>, into matrix: inout SparseMatrix<T>
  ) throws {
    guard x.count == inputCount else {
      throw EpsilonError.countMismatch(argument: "x", expected: inputCount, actual: x.count)
    }
    if matrix.pattern != pattern { matrix = SparseMatrix(pattern: pattern) }
    try matrix.values.withUnsafeMutableBufferPointer { entries in
      try _evaluate(function, x, values, entries)
    }
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
