/// `body(0)`, …, `body(count − 1)`, each in its own task of one task group,
/// so that they overlap; their results in order of `k`.
func concurrently<T: Sendable>(
  _ count: Int, _ body: @escaping @Sendable (Int) throws -> T
) async throws -> [T] {
  try await withThrowingTaskGroup(of: (Int, T).self) { group in
    for k in 0..<count {
      group.addTask { (k, try body(k)) }
    }
    var results = [T?](repeating: nil, count: count)
    for try await (k, result) in group { results[k] = result }
    return results.map { $0! }
  }
}
