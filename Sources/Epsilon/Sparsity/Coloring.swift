// Graph colouring for compressed derivatives (Gebremedhin, Manne and Pothen,
// "What Color Is Your Jacobian? Graph Coloring for Computing Derivatives",
// SIAM Review 47(4), 2005).
//
// A colour is a set of columns whose sum can be seeded as one direction and
// still be read back entry by entry:
// - Jacobian (§3): columns that share no row (a distance-2 colouring of the
//   columns in the bipartite row/column graph). Each row then has at most
//   one nonzero per colour, so J·s_c holds each of them exactly.
// - Hessian (§4): a star colouring of the adjacency graph (adjacent
//   vertices differ, every path on four vertices uses at least three
//   colours). Then, for every off-diagonal entry (i, j), either j is i's
//   only neighbour of colour c(j) or i is j's only neighbour of colour c(i),
//   and the entry is read directly from H·s_c(j) at row i or from H·s_c(i)
//   at row j: symmetry halves the colours a column colouring would need.
//
// Both are greedy. Columns go in incidence-degree order (the most
// already-coloured conflicts first), which measured 6 colours on 5-point
// stencils where largest-first and the natural order took 7; star colouring
// goes largest-first (by degree, ties by index), so that a hub coloured first
// lets its many neighbours share one colour.

/// A colouring of the columns of a sparsity pattern: `colors[j]` is the
/// colour of column j, in `0 ..< colorCount`.
public struct Coloring: Sendable, Equatable {
  /// The colour of every column.
  public let colors: [Int]
  /// The number of colours: one seed direction, and one SIMD lane of a
  /// compressed evaluation, each.
  public let colorCount: Int

  /// A colouring from its colours, each in `0 ..< colorCount`.
  public init(colors: [Int], colorCount: Int) {
    self.colors = colors
    self.colorCount = colorCount
  }

  /// The columns of every colour, in ascending order.
  public var groups: [[Int]] {
    var groups = [[Int]](repeating: [], count: colorCount)
    for (j, c) in colors.enumerated() { groups[c].append(j) }
    return groups
  }
}

extension SparsityPattern {
  /// The vertices in largest-first order: degree descending, ties by
  /// index.
  func _largestFirst(_ degree: (Int) -> Int, count: Int) -> [Int] {
    // A counting sort by degree: linear, and stable for ties.
    let degrees = (0..<count).map(degree)
    let top = degrees.max() ?? 0
    var starts = [Int](repeating: 0, count: top + 2)
    for d in degrees { starts[top - d + 1] += 1 }
    for k in 0...top { starts[k + 1] += starts[k] }
    var order = [Int](repeating: 0, count: count)
    for v in 0..<count {
      order[starts[top - degrees[v]]] = v
      starts[top - degrees[v]] += 1
    }
    return order
  }

  /// A column colouring for a compressed Jacobian: columns that share a row
  /// get different colours.
  ///
  /// ```swift
  /// let pattern = try jacobianSparsity(of: f, at: x)
  /// pattern.columnColoring().colorCount   // 3 for a tridiagonal Jacobian
  /// ```
  ///
  /// Greedy, columns in incidence-degree order: next the column with the
  /// most already-coloured conflicting columns (ties: the most conflicts,
  /// then the lowest index), which keeps the coloured region compact. A
  /// band of half-width b takes the optimal 2b + 1 colours; a 5-point
  /// stencil takes 6 (5 is optimal), where largest-first takes 7.
  ///
  /// - Complexity: O(Σ over rows of (entries in the row)² · log N).
  public func columnColoring() -> Coloring {
    let rows = transposed  // its column i lists the columns of row i
    let n = columnCount
    var marks = [Int](repeating: -1, count: n)
    // Calls `body` once for every column that shares a row with j.
    func forEachConflict(_ j: Int, _ body: (Int) -> Void) {
      for i in self.rows(inColumn: j) {
        for k in rows.rows(inColumn: i) where k != j && marks[k] != j {
          marks[k] = j
          body(k)
        }
      }
    }
    var degree = [Int](repeating: 0, count: n)
    for j in 0..<n { forEachConflict(j) { _ in degree[j] += 1 } }
    for j in 0..<n { marks[j] = -1 }
    // A max-heap of priorities (incidence, degree, −index) packed in one
    // integer; stale entries are skipped when popped.
    let span = (degree.max() ?? 0) + 1
    var incidence = [Int](repeating: 0, count: n)
    func priority(_ j: Int) -> Int { (incidence[j] * span + degree[j]) * n + (n - 1 - j) }
    var heap = _MaxHeap((0..<n).map(priority))
    var colors = [Int](repeating: -1, count: n)
    var forbidden = [Int](repeating: -1, count: n + 1)
    var count = 0
    while let top = heap.pop() {
      let j = n - 1 - top % n
      if colors[j] >= 0 || priority(j) != top { continue }
      forEachConflict(j) { k in
        if colors[k] >= 0 {
          forbidden[colors[k]] = j
        } else {
          incidence[k] += 1
          heap.push(priority(k))
        }
      }
      var c = 0
      while forbidden[c] == j { c += 1 }
      colors[j] = c
      count = Swift.max(count, c + 1)
    }
    return Coloring(colors: colors, colorCount: count)
  }

  /// A star colouring for a compressed symmetric (Hessian) matrix: adjacent
  /// vertices differ and every path on four vertices has three colours or
  /// more, so every entry can be read directly from the compressed
  /// products (see ``SparseHessianPlan``).
  ///
  /// ```swift
  /// let pattern = try hessianSparsity(of: f, at: x)
  /// pattern.starColoring().colorCount   // 3 for a tridiagonal Hessian
  /// ```
  ///
  /// Greedy (Gebremedhin, Manne and Pothen 2005, algorithm 4.1), vertices in
  /// largest-first order. Diagonal entries are not edges.
  ///
  /// - Throws: ``EpsilonError/invalidPattern(_:)`` if the pattern is not
  ///   square and symmetric (a Hessian's always is).
  /// - Complexity: O(Σ over vertices of degree³) in the worst case; linear
  ///   in N for banded and stencil patterns.
  public func starColoring() throws -> Coloring {
    guard isSymmetric else {
      throw EpsilonError.invalidPattern(
        "a star colouring needs a square, symmetric pattern; this one is \(self)"
          + (rowCount == columnCount ? " and not symmetric" : ""))
    }
    let n = columnCount
    @inline(__always) func neighbours(_ v: Int) -> ArraySlice<Int> { rows(inColumn: v) }
    let order = _largestFirst({ columnStarts[$0 + 1] - columnStarts[$0] }, count: n)
    var colors = [Int](repeating: -1, count: n)
    var forbidden = [Int](repeating: -1, count: n + 1)
    var count = 0
    for v in order {
      for w in neighbours(v) where w != v {
        let cw = colors[w]
        if cw >= 0 { forbidden[cw] = v }
        for x in neighbours(w) where x != w && x != v && colors[x] >= 0 {
          if cw < 0 {
            // v and x would be two neighbours of w of the same colour.
            forbidden[colors[x]] = v
          } else {
            // v–w–x–y with c(v) = c(x) and c(w) = c(y) would be a path on
            // four vertices in two colours.
            for y in neighbours(x) where y != x && y != w && colors[y] == cw {
              forbidden[colors[x]] = v
              break
            }
          }
        }
      }
      var c = 0
      while forbidden[c] == v { c += 1 }
      colors[v] = c
      count = Swift.max(count, c + 1)
    }
    return Coloring(colors: colors, colorCount: count)
  }
}

/// A binary max-heap of integers.
struct _MaxHeap {
  var items: [Int]

  init(_ items: [Int]) {
    self.items = items
    for i in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
  }

  mutating func push(_ x: Int) {
    items.append(x)
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      if items[parent] >= items[i] { break }
      items.swapAt(parent, i)
      i = parent
    }
  }

  mutating func pop() -> Int? {
    guard let last = items.popLast() else { return nil }
    if items.isEmpty { return last }
    let top = items[0]
    items[0] = last
    siftDown(0)
    return top
  }

  mutating func siftDown(_ start: Int) {
    var i = start
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var m = i
      if l < items.count && items[l] > items[m] { m = l }
      if r < items.count && items[r] > items[m] { m = r }
      if m == i { return }
      items.swapAt(i, m)
      i = m
    }
  }
}
