// Sparsity detection by operator overloading: a number that carries, instead
// of derivatives, which inputs it depends on and which pairs of inputs
// interact non-linearly in it (the gradient and Hessian tracers of
// SparseConnectivityTracer.jl, in one type).
//
// The sets are never merged eagerly. Every set is a handle into a shared
// arena of union nodes (a DAG), so `a + b` appends one node whatever the
// sizes of the two sets: a running sum over 10⁵ terms costs 10⁵ nodes, not
// 10¹⁰ element copies as merged sorted arrays would. A Hessian pair set is
// likewise a DAG of unions and "cross" nodes, G(a) × G(b), expanded only
// once, when the pattern of the result is read. Reading a set is one
// depth-first walk over the nodes reachable from it.

/// The storage every tracer of one detection shares: the union DAGs of
/// input sets and of interacting pairs, and the first failure, if any.
///
/// A detection driver creates one per evaluation; tracers hold a reference.
@usableFromInline
final class _SparsityArena {
  /// Whether values are unknown (a pattern valid at every x).
  @usableFromInline let isGlobal: Bool
  /// Whether interacting pairs are recorded (Hessian patterns).
  @usableFromInline let tracksPairs: Bool
  // No dynamic exclusivity checks on the node arrays (a third of the
  // detection's time): the arena's methods never overlap one another.
  /// Input-set nodes: a leaf `i` has `setRight == -1` and `setLeft == i`;
  /// any other node is the union of the handles `setLeft`, `setRight`.
  @exclusivity(unchecked) @usableFromInline var setLeft: [Int32] = []
  @exclusivity(unchecked) @usableFromInline var setRight: [Int32] = []
  /// Pair-set nodes: a union of two pair handles, or (if `pairIsCross`)
  /// every pair of the input sets `pairLeft` × `pairRight`.
  @exclusivity(unchecked) @usableFromInline var pairLeft: [Int32] = []
  @exclusivity(unchecked) @usableFromInline var pairRight: [Int32] = []
  @exclusivity(unchecked) @usableFromInline var pairIsCross: [Bool] = []
  /// The first operation that needed a value a global pattern lacks, or
  /// tracers of two detections were mixed.
  @usableFromInline var failure: EpsilonError? = nil
  /// In a local pattern, the first comparison of a value that depends on
  /// the inputs: nil if the evaluation took no branch on them, and its
  /// local pattern is then the global one.
  @usableFromInline var inputBranch: String? = nil

  @usableFromInline
  init(inputCount: Int, isGlobal: Bool, tracksPairs: Bool) {
    self.isGlobal = isGlobal
    self.tracksPairs = tracksPairs
    setLeft.reserveCapacity(4 * inputCount)
    setRight.reserveCapacity(4 * inputCount)
    for i in 0..<inputCount {
      setLeft.append(Int32(i))
      setRight.append(-1)
    }
  }

  @usableFromInline
  func fail(_ error: EpsilonError) {
    if failure == nil { failure = error }
  }

  /// The union of two input sets, as a handle (−1 is the empty set).
  @inlinable
  func union(_ a: Int32, _ b: Int32) -> Int32 {
    Self._union(a, b, &setLeft, &setRight)
  }

  /// The union of two pair sets.
  @inlinable
  func pairUnion(_ a: Int32, _ b: Int32) -> Int32 {
    let u = Self._union(a, b, &pairLeft, &pairRight)
    if pairIsCross.count < pairLeft.count { pairIsCross.append(false) }
    return u
  }

  /// `a ∪ b` as a handle into one kind of node: one of them if the other is
  /// empty or they are the same set, else a new node.
  @inlinable
  static func _union(
    _ a: Int32, _ b: Int32, _ left: inout [Int32], _ right: inout [Int32]
  ) -> Int32 {
    if a < 0 || a == b { return b }
    if b < 0 { return a }
    left.append(a)
    right.append(b)
    return Int32(left.count - 1)
  }

  /// Every pair of an input of `a` with an input of `b`.
  @inlinable
  func cross(_ a: Int32, _ b: Int32) -> Int32 {
    if a < 0 || b < 0 { return -1 }
    pairLeft.append(a)
    pairRight.append(b)
    pairIsCross.append(true)
    return Int32(pairLeft.count - 1)
  }

  // MARK: Reading sets

  /// The inputs of the set `handle`, ascending, appended to `out`.
  /// `marks` and `stack` are scratch the caller keeps between calls.
  func inputs(
    of handle: Int32, into out: inout [Int], marks: inout [UInt32],
    stamp: UInt32, stack: inout [Int32]
  ) {
    if handle < 0 { return }
    if marks.count < setLeft.count {
      marks.append(contentsOf: repeatElement(0, count: setLeft.count - marks.count))
    }
    let start = out.count
    stack.removeAll(keepingCapacity: true)
    stack.append(handle)
    marks[Int(handle)] = stamp
    while let node = stack.popLast() {
      let k = Int(node)
      if setRight[k] < 0 {
        out.append(Int(setLeft[k]))
        continue
      }
      for child in [setLeft[k], setRight[k]] where marks[Int(child)] != stamp {
        marks[Int(child)] = stamp
        stack.append(child)
      }
    }
    out[start...].sort()
  }

  /// The interacting pairs of the pair set `handle` as a symmetric
  /// pattern of `n` × `n` (both (i, j) and (j, i)).
  @usableFromInline
  func symmetricPattern(of handle: Int32, count n: Int) -> SparsityPattern {
    // The pairs (row ≥ column), with repeats, bucketed by column.
    var rows: [Int32] = []
    var columns: [Int32] = []
    if handle >= 0 {
      var pairMarks = [Bool](repeating: false, count: pairLeft.count)
      var setMarks: [UInt32] = []
      var setStack: [Int32] = []
      var stamp: UInt32 = 0
      var left: [Int] = []
      var right: [Int] = []
      var stack: [Int32] = [handle]
      pairMarks[Int(handle)] = true
      while let node = stack.popLast() {
        let k = Int(node)
        if !pairIsCross[k] {
          for child in [pairLeft[k], pairRight[k]] where !pairMarks[Int(child)] {
            pairMarks[Int(child)] = true
            stack.append(child)
          }
          continue
        }
        left.removeAll(keepingCapacity: true)
        stamp &+= 1
        inputs(of: pairLeft[k], into: &left, marks: &setMarks, stamp: stamp, stack: &setStack)
        if pairRight[k] != pairLeft[k] {
          right.removeAll(keepingCapacity: true)
          stamp &+= 1
          inputs(of: pairRight[k], into: &right, marks: &setMarks, stamp: stamp, stack: &setStack)
        }
        let other = pairRight[k] == pairLeft[k] ? left : right
        for i in left {
          for j in other {
            rows.append(Int32(Swift.max(i, j)))
            columns.append(Int32(Swift.min(i, j)))
          }
        }
      }
    }
    // Unique pairs per column: bucket by column (counting sort), then sort
    // and compact each column's few rows.
    var starts = [Int](repeating: 0, count: n + 1)
    for c in columns { starts[Int(c) + 1] += 1 }
    for j in 0..<n { starts[j + 1] += starts[j] }
    var next = starts
    var bucket = [Int](repeating: 0, count: rows.count)
    for (r, c) in zip(rows, columns) {
      bucket[next[Int(c)]] = Int(r)
      next[Int(c)] += 1
    }
    // Both triangles: count each unique pair in its column and, off the
    // diagonal, in its row's column.
    var counts = [Int](repeating: 0, count: n + 1)
    var lower: [(start: Int, end: Int)] = []
    lower.reserveCapacity(n)
    var write = 0
    for j in 0..<n {
      let begin = write
      bucket[starts[j]..<starts[j + 1]].sort()
      var previous = -1
      for k in starts[j]..<starts[j + 1] where bucket[k] != previous {
        previous = bucket[k]
        bucket[write] = previous
        write += 1
        counts[j + 1] += 1
        if previous != j { counts[previous + 1] += 1 }
      }
      lower.append((begin, write))
    }
    for j in 0..<n { counts[j + 1] += counts[j] }
    var fill = counts
    var rowIndices = [Int](repeating: 0, count: counts[n])
    // Column j gets its upper entries (i < j, from column i's lower list)
    // before its lower ones when filled in ascending i, so each column
    // comes out sorted.
    for i in 0..<n {
      for k in lower[i].start..<lower[i].end {
        let r = bucket[k]  // (r, i), r ≥ i
        if r != i {
          rowIndices[fill[r]] = i
          fill[r] += 1
        }
      }
      for k in lower[i].start..<lower[i].end {
        rowIndices[fill[i]] = bucket[k]
        fill[i] += 1
      }
    }
    return SparsityPattern(
      _rowCount: n, columnCount: n, columnStarts: counts, rowIndices: rowIndices)
  }
}

/// A number that records which inputs a value depends on, and which pairs
/// of inputs interact non-linearly in it, instead of derivatives: the
/// number type sparsity detection evaluates a generic function on.
///
/// You rarely use it directly: ``jacobianSparsity(of:at:detection:)`` and
/// ``hessianSparsity(of:at:detection:)`` run a function on tracers and read
/// the pattern, and the sparse drivers call them. A tracer made from a
/// literal or a plain number is a constant: it depends on nothing.
///
/// Each operation takes its pattern from the shared rule table's flags
/// (``UnaryRule/hasZeroDerivative``, ``UnaryRule/hasZeroSecondDerivative``,
/// ``BinaryRule/zeroPartials``, ``BinaryRule/zeroSecondPartials``), so a
/// linear operation adds no pair and a piecewise-constant one drops every
/// dependence.
///
/// In a global pattern a value that depends on the inputs has no value:
/// comparing it records a failure that the detection throws as
/// ``EpsilonError/branchInGlobalPattern(_:)``. In a local pattern every
/// value is known and comparisons follow the branch taken.
public struct SparsityTracer {
  /// The detection this tracer belongs to; `nil` for a constant.
  @usableFromInline var _arena: _SparsityArena?
  /// The set of inputs the value depends on (−1: none).
  @usableFromInline var _inputs: Int32
  /// The set of input pairs that interact non-linearly (−1: none).
  @usableFromInline var _pairs: Int32
  /// The value, where known (`_isKnown`).
  @usableFromInline var _value: Double
  /// Whether `_value` is the value: always in a local pattern and for
  /// constants, never for a global pattern's values that depend on inputs.
  @usableFromInline var _isKnown: Bool
  /// Whether the value depends on no input's value (a constant, or made
  /// from constants only): what `_isKnown` is in a global pattern. A local
  /// pattern tracks it to tell whether a comparison branched on an input.
  @usableFromInline var _isConstant: Bool

  @inlinable
  init(
    arena: _SparsityArena?, inputs: Int32, pairs: Int32, value: Double,
    isKnown: Bool, isConstant: Bool
  ) {
    _arena = arena
    _inputs = inputs
    _pairs = pairs
    _value = value
    _isKnown = isKnown
    _isConstant = isConstant
  }

  /// A constant: it depends on no input.
  @inlinable
  public init(_ value: Double) {
    self.init(
      arena: nil, inputs: -1, pairs: -1, value: value, isKnown: true, isConstant: true)
  }

  /// The value, if the tracer has one: every value of a local pattern, and
  /// the constants of a global one.
  public var value: Double? { _isKnown ? _value : nil }
}
