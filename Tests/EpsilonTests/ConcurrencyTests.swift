// Epsilon from many tasks at once: tapes recording and sweeping side by
// side, forward drivers and Hessians called concurrently. Every number must
// equal the serial run's bit for bit (the same operations in the same order
// per call), and everything here compiles under Swift 6 strict concurrency.

import Epsilon
import Testing

/// A workload with enough operations to overlap across threads: the
/// extended Rosenbrock function plus transcendental terms.
struct ConcurrentWorkload: ADFunction, Sendable {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var s: T = 0
    for i in 0..<(x.count - 1) {
      let a = x[i + 1] - x[i] * x[i]
      let b = 1 - x[i]
      s += 100 * a * a + b * b + T.sin(x[i]) * T.exp(-x[i + 1] * x[i + 1])
    }
    return s
  }
}

/// The i-th task's input point: distinct per task, reproducible.
func concurrentPoint(_ i: Int, count: Int = 6) -> [Double] {
  var rng = SplitMix64(seed: 0xC0DE_0000 &+ UInt64(i))
  return rng.points(count, in: -1.5...1.5)
}

/// Everything one task computes, to compare with the serial run.
struct ConcurrentResult: Equatable, Sendable {
  var reverse: [Double]
  var reuse: [Double]
  var forward: [Double]
  var jacobianRow: [Double]
  var hessians: [[Double]]
  var hvp: [Double]
  var forwardOverReverse: [Double]
}

func concurrentRun(_ i: Int) throws -> ConcurrentResult {
  let f = ConcurrentWorkload()
  let x = concurrentPoint(i)
  let reverse = try reverseGradient(at: x) { f($0) }
  // One tape, cleared and reused many times inside the task.
  let tape = GradientTape<Double>()
  var reuse: [Double] = []
  for k in 0..<10 {
    var shifted = x
    shifted[k % x.count] += 0.25
    reuse = try tape.gradient(at: shifted) { f($0) }
  }
  let forward = gradient(at: x, chunk: SIMD4<Double>.self) { f($0) }
  let jacobianRow = try jacobian(at: x) { [f($0)] }[0]
  var hessians: [[Double]] = []
  for strategy in HessianStrategy.allCases {
    hessians.append(try hessian(of: f, at: x, strategy: strategy).rows.flatMap { $0 })
  }
  let v = concurrentPoint(i + 1000)
  let hvp = try hessianVectorProduct(of: f, at: x, along: v)
  let dualTape = GradientTape<Dual<Double>>()
  let forwardOverReverse = try dualTape.gradient(
    at: x.indices.map { Dual(x[$0], partials: v[$0]) }
  ) { f($0) }.map(\.partials)
  return ConcurrentResult(
    reverse: reverse, reuse: reuse, forward: forward,
    jacobianRow: jacobianRow, hessians: hessians, hvp: hvp,
    forwardOverReverse: forwardOverReverse)
}

@Suite("Concurrency: many tapes and drivers at once, same numbers as serial")
struct ConcurrencyTests {
  /// More tasks than cores (2 to 16 here), so tasks truly overlap.
  static let taskCount = 16

  @Test("Tapes, forward drivers and Hessians in a task group equal the serial run")
  func taskGroupMatchesSerial() async throws {
    let serial = try (0..<Self.taskCount).map { try concurrentRun($0) }
    let concurrent = try await concurrently(Self.taskCount) { try concurrentRun($0) }
    for i in 0..<Self.taskCount {
      #expect(concurrent[i] == serial[i], "task \(i)")
    }
  }

  @Test("Tapes created and released from many tasks: headers recycle safely")
  func tapeChurn() async throws {
    // Each task creates and drops hundreds of tapes, so the header pool is
    // hit from every thread while other tapes record and sweep.
    let sums = try await withThrowingTaskGroup(of: Double.self) { group in
      for i in 0..<Self.taskCount {
        group.addTask {
          var sum = 0.0
          for k in 0..<200 {
            let tape = GradientTape<Double>()
            let x = tape.variable(Double(i + k))
            let y = x * x + 3 * x
            sum += try tape.gradient(of: y, withRespectTo: x) ?? .nan
          }
          return sum
        }
      }
      var all: [Double] = []
      for try await s in group { all.append(s) }
      return all.sorted()
    }
    // Σₖ (2(i + k) + 3) over k < 200 = 400i + 39800 + 600.
    let expected = (0..<Self.taskCount).map { Double(400 * $0 + 40_400) }
    #expect(sums == expected)
  }

  @Test("Stale variables from a released tape, used on other tasks, still throw")
  func staleAcrossTasks() async throws {
    // A variable outlives its tape while other tasks recycle its header.
    let stale: GradientTape<Double>.Variable = {
      let tape = GradientTape<Double>()
      return tape.variable(1) * 2
    }()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          for _ in 0..<100 {
            let tape = GradientTape<Double>()
            let x = tape.variable(2)
            _ = try tape.gradient(of: x * x, withRespectTo: x)
          }
        }
      }
      try await group.waitForAll()
    }
    let tape = GradientTape<Double>(persistent: true)
    let x = tape.variable(3)
    #expect(throws: TapeError.self) {
      try tape.gradient(of: stale * x, withRespectTo: x)
    }
  }

  /// A stale variable read while other tasks recycle its header: the
  /// header's generation is atomic, so ThreadSanitizer sees no race, and
  /// the variable is always reported stale.
  @Test("A stale variable used while other tasks recycle its header throws")
  func staleDuringRecycling() async throws {
    let stale: GradientTape<Double>.Variable = {
      let tape = GradientTape<Double>()
      return tape.variable(1) * 2
    }()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<4 {
        group.addTask {
          for _ in 0..<2_000 {
            let tape = GradientTape<Double>()
            let x = tape.variable(2)
            _ = try tape.gradient(of: x * x, withRespectTo: x)
          }
        }
      }
      // Meanwhile this task reads its stale variable's (recycled) header.
      for _ in 0..<2_000 {
        let tape = GradientTape<Double>(persistent: true)
        let x = tape.variable(3)
        #expect(throws: TapeError.self) {
          try tape.gradient(of: stale * x, withRespectTo: x)
        }
      }
      try await group.waitForAll()
    }
  }
}
