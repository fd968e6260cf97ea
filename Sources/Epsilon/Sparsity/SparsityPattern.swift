// Sparsity patterns and their detection: evaluate the function once on
// tracers and read which inputs each output depends on (a Jacobian's
// pattern) or which pairs of inputs interact (a Hessian's).

/// Which entries of a matrix may be nonzero, in compressed sparse column
/// form: the rows of column j are `rowIndices[columnStarts[j] ..<
/// columnStarts[j + 1]]`, ascending.
///
/// A Hessian's pattern is symmetric and holds both triangles.
public struct SparsityPattern: Equatable, Sendable, CustomStringConvertible {
  /// The number of rows.
  public let rowCount: Int
  /// The number of columns.
  public let columnCount: Int
  /// Where each column's rows start in ``rowIndices``; `columnCount + 1`
  /// entries, the last being ``nonzeroCount``.
  public let columnStarts: [Int]
  /// The row of every entry, column after column, ascending in each.
  public let rowIndices: [Int]

  /// A pattern from its entries, in any order; repeats count once.
  ///
  /// - Throws: ``EpsilonError/invalidPattern(_:)`` if a size is negative or
  ///   an entry lies outside the matrix.
  public init(rowCount: Int, columnCount: Int, entries: [(row: Int, column: Int)]) throws {
    guard rowCount >= 0 && columnCount >= 0 else {
      throw EpsilonError.invalidPattern("a \(rowCount) × \(columnCount) matrix has a negative size")
    }
    var columns = [[Int]](repeating: [], count: columnCount)
    for (i, j) in entries {
      guard i >= 0 && i < rowCount && j >= 0 && j < columnCount else {
        throw EpsilonError.invalidPattern(
          "entry (\(i), \(j)) lies outside the \(rowCount) × \(columnCount) matrix")
      }
      columns[j].append(i)
    }
    var starts = [0]
    starts.reserveCapacity(columnCount + 1)
    var rows: [Int] = []
    rows.reserveCapacity(entries.count)
    for var column in columns {
      column.sort()
      var previous = -1
      for i in column where i != previous {
        rows.append(i)
        previous = i
      }
      starts.append(rows.count)
    }
    self.init(
      _rowCount: rowCount, columnCount: columnCount, columnStarts: starts,
      rowIndices: rows)
  }

  /// The pattern from its compressed arrays, already sorted and unique.
  init(_rowCount rowCount: Int, columnCount: Int, columnStarts: [Int], rowIndices: [Int]) {
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.columnStarts = columnStarts
    self.rowIndices = rowIndices
  }

  /// The number of entries that may be nonzero.
  public var nonzeroCount: Int { rowIndices.count }

  /// The rows of column `j` that may be nonzero, ascending (none for a
  /// column outside the matrix).
  public func rows(inColumn j: Int) -> ArraySlice<Int> {
    guard j >= 0 && j < columnCount else { return rowIndices[0..<0] }
    return rowIndices[columnStarts[j]..<columnStarts[j + 1]]
  }

  /// Whether entry (j, i) is in the pattern for every entry (i, j).
  public var isSymmetric: Bool {
    rowCount == columnCount && self == transposed
  }

  /// Whether entry (i, j) may be nonzero.
  public func contains(row i: Int, column j: Int) -> Bool {
    guard j >= 0 && j < columnCount else { return false }
    let rows = self.rows(inColumn: j)
    var low = rows.startIndex
    var high = rows.endIndex
    while low < high {
      let mid = (low + high) / 2
      if rows[mid] < i { low = mid + 1 } else { high = mid }
    }
    return low < rows.endIndex && rows[low] == i
  }

  /// The same entries, transposed: row i of this pattern is column i of
  /// the result.
  public var transposed: SparsityPattern {
    var counts = [Int](repeating: 0, count: rowCount + 1)
    for i in rowIndices { counts[i + 1] += 1 }
    for i in 0..<rowCount { counts[i + 1] += counts[i] }
    var next = counts
    var rows = [Int](repeating: 0, count: rowIndices.count)
    for j in 0..<columnCount {
      for i in self.rows(inColumn: j) {
        rows[next[i]] = j
        next[i] += 1
      }
    }
    return SparsityPattern(
      _rowCount: columnCount, columnCount: rowCount, columnStarts: counts, rowIndices: rows)
  }

  /// The size and number of entries: "3 × 3, 7 entries".
  public var description: String {
    "\(rowCount) × \(columnCount), \(nonzeroCount) entries"
  }
}

/// Whether a detected sparsity pattern holds at every point or only at the
/// point given.
public enum SparsityDetection: Sendable, Equatable {
  /// A pattern valid at every x: values are unknown, so the function may
  /// not branch on a value that depends on its inputs (the detection
  /// throws ``EpsilonError/branchInGlobalPattern(_:)``). The safe choice for a
  /// plan reused at many points.
  case global
  /// The pattern at the given x, following the branches taken there. It
  /// can be sparser than the global one, and holds wherever every branch
  /// goes the same way.
  case local
}

/// Evaluates `f` once on the tracers of `x`'s inputs, and throws the
/// failure the detection recorded, or for an output of another detection.
@inlinable
func _trace<T: ADScalar>(
  _ x: [T], _ detection: SparsityDetection, pairs: Bool,
  _ f: ([SparsityTracer]) -> [SparsityTracer]
) throws -> (arena: _SparsityArena, outputs: [SparsityTracer]) {
  let arena = _SparsityArena(
    inputCount: x.count, isGlobal: detection == .global, tracksPairs: pairs)
  let inputs = x.indices.map { i in
    SparsityTracer(
      arena: arena, inputs: Int32(i), pairs: -1, value: Double(x[i]),
      isKnown: !arena.isGlobal, isConstant: false)
  }
  let y = f(inputs)
  if let failure = arena.failure { throw failure }
  for output in y {
    if let other = output._arena, other !== arena { throw EpsilonError.tracersMixed }
  }
  return (arena, y)
}

/// The sparsity pattern of the Jacobian of `f`: entry (i, j) may be nonzero
/// if output i depends on input j.
///
/// ```swift
/// try jacobianSparsity(of: Residual(), at: [1.0, 2.0, 3.0])
/// // 3 × 3, 7 entries (tridiagonal)
/// ```
///
/// - Parameters:
///   - f: The function, evaluated once on ``SparsityTracer``s.
///   - x: The point: its length is the number of inputs; a local pattern
///     also uses its values.
///   - detection: `.global` (valid at every x) or `.local` (at `x`).
/// - Throws: ``EpsilonError/branchInGlobalPattern(_:)`` if a global
///   detection meets a branch on an input-dependent value;
///   ``EpsilonError/tracersMixed``.
/// - Complexity: One evaluation of `f`, then time linear in the number of
///   operations for each output's set.
public func jacobianSparsity<F: ADVectorFunction, T: ADScalar>(
  of f: F, at x: [T], detection: SparsityDetection = .global
) throws -> SparsityPattern {
  let (arena, y) = try _trace(x, detection, pairs: false) { f($0) }
  // Rows first (each output's inputs, ascending), then transposed to the
  // column form.
  var starts = [0]
  starts.reserveCapacity(y.count + 1)
  var columns: [Int] = []
  var marks: [UInt32] = []
  var stack: [Int32] = []
  for (i, output) in y.enumerated() {
    arena.inputs(
      of: output._inputs, into: &columns, marks: &marks, stamp: UInt32(i + 1),
      stack: &stack)
    starts.append(columns.count)
  }
  return SparsityPattern(
    _rowCount: x.count, columnCount: y.count, columnStarts: starts, rowIndices: columns
  ).transposed
}

/// The sparsity pattern of the Hessian of `f`: entry (i, j) may be nonzero
/// if inputs i and j interact non-linearly (a product, or inside a
/// non-linear function). The pattern is symmetric, both triangles stored.
///
/// ```swift
/// try hessianSparsity(of: ExtendedRosenbrock(), at: x)   // tridiagonal
/// ```
///
/// - Parameters:
///   - f: The function, evaluated once on ``SparsityTracer``s.
///   - x: The point: its length is the number of inputs; a local pattern
///     also uses its values.
///   - detection: `.global` (valid at every x) or `.local` (at `x`).
/// - Throws: As ``jacobianSparsity(of:at:detection:)``.
/// - Complexity: One evaluation of `f`, then time linear in the number of
///   operations plus the number of pairs found.
public func hessianSparsity<F: ADFunction, T: ADScalar>(
  of f: F, at x: [T], detection: SparsityDetection = .global
) throws -> SparsityPattern {
  let (arena, y) = try _trace(x, detection, pairs: true) { [f($0)] }
  return arena.symmetricPattern(of: y[0]._pairs, count: x.count)
}
