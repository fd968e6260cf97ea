import Epsilon
import Testing

// Colourings: valid by their definitions (checked independently here), and
// within one colour of the known optimum on banded and stencil patterns.

private func pattern(_ n: Int, _ entries: [(Int, Int)]) -> SparsityPattern {
  try! SparsityPattern(
    rowCount: n, columnCount: n, entries: entries.map { (row: $0.0, column: $0.1) })
}

/// Entries with |i − j| ≤ b.
private func banded(_ n: Int, _ b: Int) -> SparsityPattern {
  var e: [(Int, Int)] = []
  for i in 0..<n {
    for j in max(0, i - b)...min(n - 1, i + b) { e.append((i, j)) }
  }
  return pattern(n, e)
}

/// The 5-point stencil on a k × k grid (point p = r·k + c).
private func stencil(_ k: Int) -> SparsityPattern {
  var e: [(Int, Int)] = []
  for r in 0..<k {
    for c in 0..<k {
      let p = r * k + c
      e.append((p, p))
      if r > 0 { e.append((p, p - k)) }
      if r + 1 < k { e.append((p, p + k)) }
      if c > 0 { e.append((p, p - 1)) }
      if c + 1 < k { e.append((p, p + 1)) }
    }
  }
  return pattern(k * k, e)
}

/// Full first row and column, and the diagonal.
private func arrowhead(_ n: Int) -> SparsityPattern {
  var e: [(Int, Int)] = []
  for i in 0..<n { e += [(i, i), (0, i), (i, 0)] }
  return pattern(n, e)
}

/// Whether no two columns of one colour share a row.
private func isColumnColoring(_ p: SparsityPattern, _ coloring: Coloring) -> Bool {
  let t = p.transposed
  for i in 0..<t.columnCount {
    var seen: Set<Int> = []
    for j in t.rows(inColumn: i) where !seen.insert(coloring.colors[j]).inserted {
      return false
    }
  }
  return coloring.colors.allSatisfy { $0 >= 0 && $0 < coloring.colorCount }
}

/// Whether adjacent vertices differ and no path on four vertices u–v–w–x
/// has two colours: for an edge (v, w), v may have another neighbour of
/// w's colour, or w one of v's, but not both.
private func isStarColoring(_ p: SparsityPattern, _ coloring: Coloring) -> Bool {
  let c = coloring.colors
  for v in 0..<p.columnCount {
    for w in p.rows(inColumn: v) where w != v {
      if c[v] == c[w] { return false }
      let a = p.rows(inColumn: v).contains { $0 != w && $0 != v && c[$0] == c[w] }
      let b = p.rows(inColumn: w).contains { $0 != v && $0 != w && c[$0] == c[v] }
      if a && b { return false }
    }
  }
  return true
}

@Test func tridiagonalJacobianTakesThreeColours() {
  let p = banded(50, 1)
  let coloring = p.columnColoring()
  #expect(isColumnColoring(p, coloring))
  #expect(coloring.colorCount == 3)
}

@Test func bandedJacobianTakesTheOptimum() {
  for b in 2...4 {
    let p = banded(60, b)
    let coloring = p.columnColoring()
    #expect(isColumnColoring(p, coloring))
    #expect(coloring.colorCount == 2 * b + 1)
  }
}

@Test func stencilJacobianTakesAtMostOneAboveTheOptimum() {
  // Columns sharing a row are within grid distance 2: 5 colours are
  // optimal ((r + 2c) mod 5 achieves it).
  for k in [4, 10, 31, 100] {
    let p = stencil(k)
    let coloring = p.columnColoring()
    #expect(isColumnColoring(p, coloring))
    #expect(coloring.colorCount <= 6, "k = \(k): \(coloring.colorCount) colours")
  }
}

@Test func arrowheadJacobianNeedsEveryColumn() {
  let p = arrowhead(12)
  let coloring = p.columnColoring()
  #expect(isColumnColoring(p, coloring))
  #expect(coloring.colorCount == 12)
}

@Test func tridiagonalHessianTakesThreeStarColours() {
  for n in [3, 4, 5, 100] {
    let p = banded(n, 1)
    let coloring = (try! p.starColoring())
    #expect(isStarColoring(p, coloring))
    #expect(coloring.colorCount == (n == 3 ? 2 : 3), "n = \(n)")
  }
}

@Test func arrowheadHessianTakesTwoStarColours() {
  let p = arrowhead(40)
  let coloring = (try! p.starColoring())
  #expect(isStarColoring(p, coloring))
  #expect(coloring.colorCount == 2)
}

@Test func diagonalHessianTakesOneColour() {
  let p = banded(20, 0)
  #expect((try! p.starColoring()).colorCount == 1)
  #expect(p.columnColoring().colorCount == 1)
}

@Test func starColouringsOfStencilsAndRandomPatternsAreValid() {
  let p = stencil(20)
  let coloring = (try! p.starColoring())
  #expect(isStarColoring(p, coloring))
  // A star colouring of the grid needs 5; greedy stays close.
  #expect(coloring.colorCount <= 7, "\(coloring.colorCount) colours")
  var rng = SplitMix64(seed: 15)
  for _ in 0..<50 {
    let n = Int.random(in: 1...30, using: &rng)
    var e: [(Int, Int)] = []
    for _ in 0..<Int.random(in: 0...(2 * n), using: &rng) {
      let i = Int.random(in: 0..<n, using: &rng)
      let j = Int.random(in: 0..<n, using: &rng)
      e += [(i, j), (j, i)]
    }
    let q = pattern(n, e)
    #expect(isStarColoring(q, (try! q.starColoring())))
    #expect(isColumnColoring(q, q.columnColoring()))
  }
}

@Test func checkersRejectBadColourings() {
  // The checkers themselves can fail: two colours on a path of four.
  let p = banded(4, 1)
  #expect(!isStarColoring(p, Coloring(colors: [0, 1, 0, 1], colorCount: 2)))
  #expect(!isColumnColoring(p, Coloring(colors: [0, 1, 0, 1], colorCount: 2)))
}

@Test func starColouringRejectsPatternsThatAreNotSymmetric() throws {
  let square = try SparsityPattern(rowCount: 2, columnCount: 2, entries: [(0, 1)])
  let wide = try SparsityPattern(rowCount: 1, columnCount: 2, entries: [(0, 1)])
  #expect(throws: EpsilonError.self) { try square.starColoring() }
  #expect(throws: EpsilonError.self) { try wide.starColoring() }
  #expect(throws: EpsilonError.self) {
    try SparsityPattern(rowCount: 2, columnCount: 2, entries: [(2, 0)])
  }
  #expect(throws: EpsilonError.self) {
    try SparsityPattern(rowCount: -1, columnCount: 2, entries: [])
  }
  #expect(square.rows(inColumn: 5).isEmpty && square.rows(inColumn: -1).isEmpty)
}
