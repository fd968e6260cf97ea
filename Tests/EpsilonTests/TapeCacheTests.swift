import Epsilon
import Testing

// The drivers that record on tapes of their own keep a few small tapes per
// thread for their next call. These tests pin what that must not change:
// a variable that escapes one call is stale in the next, nested drivers on
// one scalar type each record on their own tape, and drivers of many tape
// types, on many threads, give the numbers fresh tapes give.

@Suite("The drivers' tapes, kept per thread between calls")
struct TapeCacheTests {
  @Test("A variable that escapes one driver call is stale in the next")
  func escapedVariableIsStale() throws {
    var escaped: GradientTape<Double>.Variable? = nil
    let g = try reverseGradient(at: [1.0, 2.0]) { x in
      escaped = x[0]
      return x[0] * x[1]
    }
    #expect(g == [2, 1])
    // The next call on this thread records on the same tape, cleared: the
    // escaped variable belongs to an earlier recording.
    #expect(throws: TapeError.self) {
      _ = try reverseGradient(at: [3.0]) { x in x[0] * escaped! }
    }
    // And the tape is still good for the call after.
    #expect(try reverseGradient(at: [3.0]) { x in x[0] * x[0] } == [6])
  }

  @Test("Drivers that record without clearing first get an empty tape each call")
  func vectorJacobianProductsInTurn() throws {
    var escaped: GradientTape<Double>.Variable? = nil
    for k in 1...3 {
      let x = [Double(k), 2.0]
      let vjp = try vectorJacobianProduct(at: x, along: [1, 1]) { v in
        escaped = v[1]
        return [v[0] * v[1], v[0] + v[1]]
      }
      #expect(vjp == [x[1] + 1, x[0] + 1])
      #expect(try reverseJacobian(at: x) { v in [v[0] * v[1]] } == [[x[1], x[0]]])
    }
    #expect(throws: TapeError.self) {
      _ = try vectorJacobianProduct(at: [1.0], along: [1]) { v in [v[0] * escaped!] }
    }
  }

  @Test("Nested drivers on one scalar type record on tapes of their own")
  func nestedDriversOfOneType() throws {
    // A first call leaves a tape of each type on this thread, so that the
    // outer calls below take kept tapes and the inner ones must not.
    _ = try reverseGradient(at: [1.0]) { x in x[0] * x[0] }
    _ = try hessian(at: [1.0]) { x in x[0] * x[0] }
    let g = try reverseGradient(at: [2.0]) { x in
      // d/dy y² at 3 = 6, computed while the outer recording is open.
      let inner = try! reverseGradient(at: [3.0]) { y in y[0] * y[0] }
      return x[0] * x[0] * .init(inner[0])
    }
    #expect(g == [24])
    let h = try hessian(at: [1.0, 2.0]) { x in
      let inner = try! hessian(at: [1.0]) { y in y[0] * y[0] * y[0] }  // 6
      return x[0] * x[0] * x[1] * .init(inner[0, 0])
    }
    #expect(h[0, 0] == 24 && h[0, 1] == 12 && h[1, 1] == 0)
  }

  @Test("More tape types than a thread keeps, in turn, give the same numbers every round")
  func manyTapeTypesInTurn() throws {
    let x = [0.5, -1.25, 2.0]
    func f<T: ADReal>(_ v: [T]) -> T { T.exp(v[0]) * v[1] + v[1] * v[2] * v[2] }
    let wantGradient = try GradientTape<Double>().valueWithGradient(at: x) { f($0) }.gradient
    let wantHessian = try hessian(of: SqrtPlusSquares(), at: x, strategy: .hyperDual)
    var first: [[Double]]? = nil
    for _ in 0..<3 {
      // Double, Float, Dual<Double>, Dual<SIMD8<Double>>, Dual<SIMD4<Double>>
      // and Dual<Float> tapes, one after the other on this thread.
      let closure = try hessian(at: x) { SqrtPlusSquares()($0) }
      let strategy = try hessian(of: SqrtPlusSquares(), at: x, strategy: .forwardOverReverse)
      let round: [[Double]] = [
        try reverseGradient(at: x) { f($0) },
        try reverseGradient(at: x.map(Float.init)) { f($0) }.map(Double.init),
        try hessianVectorProduct(at: x, along: [1, 0, 0]) { f($0) },
        (0..<3).flatMap { i in (0..<3).map { closure[i, $0] } },
        (0..<3).flatMap { i in (0..<3).map { strategy[i, $0] } },
        try hessianVectorProduct(at: x.map(Float.init), along: [0, 1, 0]) { f($0) }
          .map(Double.init),
      ]
      if let first {
        #expect(round.map { $0.map(\.bitPattern) } == first.map { $0.map(\.bitPattern) })
      } else {
        first = round
        #expect(round[0] == wantGradient)
        for i in 0..<3 {
          for j in 0..<3 {
            #expect(
              abs(closure[i, j] - wantHessian[i, j]) <= 1e-12 * max(1, abs(wantHessian[i, j])))
          }
        }
      }
    }
  }

  @Test("Many threads, each with its own kept tapes")
  func manyThreads() async throws {
    let points = (0..<32).map { k in [0.1 * Double(k), 1 - 0.05 * Double(k), 0.25] }
    let want = try points.map { x in
      try GradientTape<Double>().valueWithGradient(at: x) { SqrtPlusSquares()($0) }.gradient
    }
    let got = try await concurrently(points.count) { k in
      var g: [Double] = []
      for _ in 0..<50 { g = try reverseGradient(at: points[k]) { SqrtPlusSquares()($0) } }
      return g
    }
    #expect(got == want)
  }

  @Test("releaseCachedStorage() leaves the drivers working")
  func releaseLeavesDriversWorking() throws {
    #expect(try reverseGradient(at: [2.0]) { x in x[0] * x[0] } == [4])
    GradientTape<Double>.releaseCachedStorage()
    #expect(try reverseGradient(at: [2.0]) { x in x[0] * x[0] } == [4])
  }
}
