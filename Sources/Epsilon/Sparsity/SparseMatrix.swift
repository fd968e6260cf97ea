/// A sparse matrix in compressed sparse column form: the entries of column
/// j are `values[columnStarts[j] ..< columnStarts[j + 1]]`, in the rows
/// `rowIndices` gives for the same positions, ascending.
///
/// Sparse Jacobians and Hessians are returned in this form, on their
/// detected ``SparsityPattern``; a Hessian stores both triangles.
///
/// ```swift
/// let h = try sparseHessian(of: ExtendedRosenbrock(), at: x)
/// h[0, 1]        // an entry (0 outside the pattern)
/// h.triplets     // [(row, column, value)]
/// h.dense        // [[Double]], for small N
/// ```
public struct SparseMatrix<Scalar: ADScalar>: Sendable, Equatable, CustomStringConvertible {
  /// The positions of the entries.
  public let pattern: SparsityPattern
  /// The value of every entry, in the pattern's order (column after
  /// column).
  public var values: [Scalar]

  /// The matrix of `pattern` with every entry zero.
  public init(pattern: SparsityPattern) {
    self.pattern = pattern
    self.values = [Scalar](repeating: 0, count: pattern.nonzeroCount)
  }

  /// The matrix of `pattern` with these values, in its order.
  ///
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   there is not one value per entry.
  public init(pattern: SparsityPattern, values: [Scalar]) throws {
    guard values.count == pattern.nonzeroCount else {
      throw EpsilonError.countMismatch(
        argument: "values", expected: pattern.nonzeroCount, actual: values.count)
    }
    self.pattern = pattern
    self.values = values
  }

  /// The number of rows.
  public var rowCount: Int { pattern.rowCount }
  /// The number of columns.
  public var columnCount: Int { pattern.columnCount }
  /// Where each column's entries start; `columnCount + 1` positions.
  public var columnStarts: [Int] { pattern.columnStarts }
  /// The row of every entry.
  public var rowIndices: [Int] { pattern.rowIndices }

  /// Entry (i, j): its value if it is in the pattern, else 0.
  public subscript(i: Int, j: Int) -> Scalar {
    guard j >= 0 && j < columnCount else { return 0 }
    let start = pattern.columnStarts[j]
    let rows = pattern.rowIndices[start..<pattern.columnStarts[j + 1]]
    guard let k = rows.firstIndex(of: i) else { return 0 }
    return values[k]
  }

  /// The entries as (row, column, value), column after column.
  public var triplets: [(row: Int, column: Int, value: Scalar)] {
    var result: [(row: Int, column: Int, value: Scalar)] = []
    result.reserveCapacity(values.count)
    for j in 0..<columnCount {
      for k in pattern.columnStarts[j]..<pattern.columnStarts[j + 1] {
        result.append((pattern.rowIndices[k], j, values[k]))
      }
    }
    return result
  }

  /// The matrix as dense rows, zeros filled in.
  public var dense: [[Scalar]] {
    var rows = [[Scalar]](
      repeating: [Scalar](repeating: 0, count: columnCount), count: rowCount)
    for (i, j, v) in triplets { rows[i][j] = v }
    return rows
  }

  /// The product A·v, written into `result` (one entry per row).
  ///
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   `v` or `result` has the wrong length.
  /// - Complexity: O(entries); no allocation.
  @inlinable
  public func multiply(_ v: [Scalar], into result: inout [Scalar]) throws {
    guard v.count == columnCount else {
      throw EpsilonError.countMismatch(argument: "v", expected: columnCount, actual: v.count)
    }
    guard result.count == rowCount else {
      throw EpsilonError.countMismatch(
        argument: "result", expected: rowCount, actual: result.count)
    }
    for i in result.indices { result[i] = 0 }
    let starts = pattern.columnStarts
    let rows = pattern.rowIndices
    for j in 0..<columnCount {
      let vj = v[j]
      for k in starts[j]..<starts[j + 1] { result[rows[k]] += values[k] * vj }
    }
  }

  /// The size, number of entries, and the entries if there are few.
  public var description: String {
    let head = "SparseMatrix(\(rowCount) × \(columnCount), \(values.count) entries)"
    guard values.count <= 12 else { return head }
    return head + ": "
      + triplets.map { "(\($0.row), \($0.column)): \($0.value)" }
      .joined(separator: ", ")
  }
}
