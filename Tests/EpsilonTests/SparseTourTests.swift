import Epsilon
import Testing

@testable import Tour

// The `sparse` section's pictures: every entry of the detected pattern is
// one square, read back from the SVG's data attributes.

/// The (row, column) of every square in a spy picture.
private func squares(_ svg: String) -> Set<[Int]> {
  var result: Set<[Int]> = []
  for line in svg.split(separator: "\n") where line.contains("data-row=") {
    func attribute(_ name: String) -> Int? {
      guard let range = line.range(of: name + "=\"") else { return nil }
      return Int(line[range.upperBound...].prefix { $0 != "\"" })
    }
    if let i = attribute("data-row"), let j = attribute("data-column") { result.insert([i, j]) }
  }
  return result
}

@Test func sparsityPicturesDrawTheDetectedPatterns() throws {
  let pictures = try Tour.sparsityPictures()
  #expect(
    pictures.map(\.fileName) == ["rosenbrock-hessian-pattern.svg", "bratu-hessian-pattern.svg"])
  // Extended Rosenbrock: 2 × 2 blocks on the diagonal.
  let n = SparseSettings.pictureRosenbrockCount
  var blocks: Set<[Int]> = []
  for b in stride(from: 0, to: n - 1, by: 2) {
    blocks.formUnion([[b, b], [b, b + 1], [b + 1, b], [b + 1, b + 1]])
  }
  #expect(squares(pictures[0].svg) == blocks)
  // Bratu: the 5-point stencil on the grid.
  let k = SparseSettings.pictureGrid
  var stencil: Set<[Int]> = []
  for p in 0..<(k * k) {
    let (r, c) = (p / k, p % k)
    stencil.insert([p, p])
    if r > 0 { stencil.formUnion([[p, p - k], [p - k, p]]) }
    if c > 0 { stencil.formUnion([[p, p - 1], [p - 1, p]]) }
  }
  #expect(squares(pictures[1].svg) == stencil)
  for picture in pictures {
    #expect(picture.svg.hasPrefix("<?xml") && picture.svg.hasSuffix("</svg>\n"))
  }
}

@Test func conjugateGradientsSolveAndReportIndefiniteSystems() throws {
  // [[4, 1], [1, 3]]·s = [1, 2] → s = (1/11, 7/11).
  let p = try SparsityPattern(
    rowCount: 2, columnCount: 2, entries: [(0, 0), (1, 0), (0, 1), (1, 1)])
  let a = try SparseMatrix(pattern: p, values: [4, 1, 1, 3])
  let (s, _) = try #require(try conjugateGradients(a, [1, 2], tolerance: 1e-14, maxIterations: 10))
  #expect(abs(s[0] - 1.0 / 11) < 1e-14 && abs(s[1] - 7.0 / 11) < 1e-14)
  let indefinite = try SparseMatrix(pattern: p, values: [1, 2, 2, 1])
  #expect(try conjugateGradients(indefinite, [1, -1], tolerance: 1e-14, maxIterations: 10) == nil)
}
