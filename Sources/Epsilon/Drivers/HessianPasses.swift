// The evaluation loops behind every Hessian strategy: which inputs each
// pass seeds, and where its result goes. Each returns value, gradient and
// Hessian together, since every pass computes all three anyway. What they
// share (the zero result, the empty point, write access, reading lanes) is
// `_hessianPasses` and `_withLanes` at the end of this file.

/// Value, gradient and Hessian by hyper-duals in blocks of w = P's width.
///
/// Blocks I ≤ J are seeded ε₁ along block I and ε₂ along block J; ε₁₂ is
/// then the block H[I, J], and H[J, I] is its transpose. With k = ⌈N/w⌉
/// blocks that is k(k+1)/2 evaluations, not k².
///
/// The numbers are `HyperDual<Q>`, whose parts are P's: Q is P itself, or
/// P with unchecked outer products (UncheckedOuterProducts.swift).
@inlinable
func _valueGradientHessianByHyperDual<P, Q>(
  at x: [P.Scalar], block: P.Type, partials: Q.Type,
  of f: ([HyperDual<Q>]) -> HyperDual<Q>
) throws -> (value: P.Scalar, gradient: [P.Scalar], hessian: Hessian<P.Scalar>)
where
  P: SIMD & DualPartials, P.Scalar: ADScalar,
  Q: HyperDualPartials, Q.Epsilon1 == P, Q.Epsilon2 == P
{
  let n = x.count
  let w = P.scalarCount
  return try _hessianPasses(
    count: n, atEmptyPoint: { f([]).value },
    passes: { gradient, hessian in
      var duals = x.map { HyperDual<Q>($0) }
      var value: P.Scalar = 0
      for rowStart in stride(from: 0, to: n, by: w) {
        let rows = rowStart..<Swift.min(rowStart + w, n)
        for columnStart in stride(from: rowStart, to: n, by: w) {
          let columns = columnStart..<Swift.min(columnStart + w, n)
          for i in rows { duals[i].epsilon1 = .unitPartials(i - rowStart) }
          for j in columns { duals[j].epsilon2 = .unitPartials(j - columnStart) }
          let y = f(duals)
          value = y.value
          _withLanes(of: y.epsilon12) { lane in
            for i in rows {
              for j in columns where columnStart != rowStart || j <= i {
                hessian[i, j] = lane((i - rowStart) * w + (j - columnStart))
              }
            }
          }
          if columnStart == rowStart {
            for i in rows { gradient[i] = y.epsilon1[i - rowStart] }
          }
          for i in rows { duals[i].epsilon1 = .zero }
          for j in columns { duals[j].epsilon2 = .zero }
        }
      }
      return value
    })
}

/// Value, gradient and Hessian by second-order numbers of width w = P's.
///
/// N ≤ w takes one evaluation. Beyond that, the inputs are cut into blocks
/// of w/2 and each pair of blocks I < J is seeded side by side (block I in
/// lanes 0 ..< w/2, block J in the rest), which yields H[I, I], H[I, J] and
/// H[J, J] at once: k(k−1)/2 evaluations for k = ⌈2N/w⌉ blocks.
///
/// The numbers are `SecondOrderDual<Q>`, as in the hyper-dual loop.
@inlinable
func _valueGradientHessianBySecondOrder<P, Q>(
  at x: [P.Scalar], width: P.Type, partials: Q.Type,
  of f: ([SecondOrderDual<Q>]) -> SecondOrderDual<Q>
) throws -> (value: P.Scalar, gradient: [P.Scalar], hessian: Hessian<P.Scalar>)
where
  P: SIMD & DualPartials, P.Scalar: ADScalar,
  Q: HyperDualPartials, Q.Epsilon1 == P, Q.Epsilon2 == P
{
  let n = x.count
  let w = P.scalarCount
  return try _hessianPasses(
    count: n, atEmptyPoint: { f([]).value },
    passes: { gradient, hessian in
      var duals = x.map { SecondOrderDual<Q>($0) }
      // Seeds `first` into lanes 0 ..< first.count and `second` from lane
      // `offset` on, evaluates once, and stores every entry the pass yields.
      // No allocation: a one-pass Hessian of a cheap function is a few
      // hundred nanoseconds, and every heap allocation would show.
      func pass(_ first: Range<Int>, _ second: Range<Int>, offset: Int)
        -> P.Scalar
      {
        @inline(__always) func lane(_ i: Int) -> Int {
          i < first.upperBound
            ? i - first.lowerBound : offset + i - second.lowerBound
        }
        for i in first { duals[i].gradient = .unitPartials(lane(i)) }
        for i in second { duals[i].gradient = .unitPartials(lane(i)) }
        let y = f(duals)
        _withLanes(of: y.hessian) { entry in
          func store(_ rows: Range<Int>) {
            for i in rows {
              let a = lane(i)
              let row = hessian.lowerRow(i)
              gradient[i] = y.gradient[a]
              for j in first where j <= i { row[j] = entry(a * w + lane(j)) }
              for j in second where j <= i { row[j] = entry(a * w + lane(j)) }
            }
          }
          store(first)
          store(second)
        }
        for i in first { duals[i].gradient = .zero }
        for i in second { duals[i].gradient = .zero }
        return y.value
      }

      if n <= w { return pass(0..<n, n..<n, offset: n) }
      let h = w / 2
      var value: P.Scalar = 0
      for firstStart in stride(from: 0, to: n, by: h) {
        let first = firstStart..<Swift.min(firstStart + h, n)
        for secondStart in stride(from: first.upperBound, to: n, by: h) {
          let second = secondStart..<Swift.min(secondStart + h, n)
          value = pass(first, second, offset: h)
        }
      }
      return value
    })
}

/// Value, gradient and Hessian by nested duals, forward over forward: the
/// outer tangent is one direction eⱼ, the inner one w = P's width seeds.
///
/// A pass with outer seed eⱼ and inner seeds on block I yields
/// ∂²f/∂xⱼ∂xᵢ for every i in block I. By symmetry only j up to the block's
/// end is needed: about N·k/2 evaluations for k = ⌈N/w⌉ blocks.
@inlinable
func _valueGradientHessianByNestedDual<P>(
  at x: [P.Scalar], width: P.Type,
  of f: ([Dual<Dual<P>>]) -> Dual<Dual<P>>
) throws -> (value: P.Scalar, gradient: [P.Scalar], hessian: Hessian<P.Scalar>)
where P: SIMD & DualPartials, P.Scalar: ADScalar {
  let n = x.count
  let w = P.scalarCount
  return try _hessianPasses(
    count: n, atEmptyPoint: { f([]).value.value },
    passes: { gradient, hessian in
      var duals = x.map { Dual<Dual<P>>(Dual($0)) }
      var value: P.Scalar = 0
      for blockStart in stride(from: 0, to: n, by: w) {
        let block = blockStart..<Swift.min(blockStart + w, n)
        for i in block {
          duals[i].value.partials = .unitPartials(i - blockStart)
        }
        for j in 0..<block.upperBound {
          duals[j].partials = 1
          let y = f(duals)
          value = y.value.value
          for i in block where i >= j {
            hessian[i, j] = y.partials.partials[i - blockStart]
          }
          if j == blockStart {
            for i in block { gradient[i] = y.value.partials[i - blockStart] }
          }
          duals[j].partials = 0
        }
        for i in block { duals[i].value.partials = .zero }
      }
      return value
    })
}

/// Value, gradient and Hessian by forward over reverse: the tape's gradient,
/// recorded on dual numbers with w = P's width of seeded tangents.
///
/// Each pass seeds a block of w inputs, records f once on a tape whose
/// scalars are `Dual<P>`, and sweeps once: the adjoint of input i is
/// ∂f/∂xᵢ + Σⱼ H[i, j]·εⱼ over the block's columns j. With k = ⌈N/w⌉ blocks
/// that is k recordings and k sweeps, O(operations · N) in all, against
/// O(operations · N²) for one dense second-order pass. One tape serves every
/// pass; its storage is reused.
///
/// - Throws: ``TapeError/tapeFull(_:)`` if one recording needs more than
///   2³² − 3 operations.
@inlinable
func _valueGradientHessianByForwardOverReverse<P>(
  at x: [P.Scalar], width: P.Type,
  of f: ([GradientTape<Dual<P>>.Variable]) -> GradientTape<Dual<P>>.Variable
) throws -> (value: P.Scalar, gradient: [P.Scalar], hessian: Hessian<P.Scalar>)
where P: SIMD & DualPartials, P.Scalar: ADScalar {
  let n = x.count
  let w = P.scalarCount
  return try GradientTape<Dual<P>>._withDriverTape { tape in
    try _hessianPasses(
      count: n,
      atEmptyPoint: { try tape.valueWithGradient(at: [], of: f).value.value },
      passes: { gradient, hessian in
        var point = x.map { Dual<P>($0) }
        var value: P.Scalar = 0
        for start in stride(from: 0, to: n, by: w) {
          let columns = start..<Swift.min(start + w, n)
          for j in columns { point[j].partials = .unitPartials(j - start) }
          // The adjoints are read in place: no array per pass.
          value = try tape._withValueAndGradient(at: point, of: f) {
            y, adjoints in
            if start == 0 {
              for i in 0..<n { gradient[i] = adjoints[i].value }
            }
            // The lower triangle of these columns, row by row.
            for i in start..<n {
              let row = hessian.lowerRow(i)
              let last = Swift.min(i, columns.upperBound - 1)
              _withLanes(of: adjoints[i].partials) { lane in
                for j in start...last { row[j] = lane(j - start) }
              }
            }
            return y.value
          }
          for j in columns { point[j].partials = .zero }
        }
        return value
      })
  }
}

// MARK: - What every pass shares

/// The frame of every pass: the zero gradient and Hessian for `n` inputs,
/// f's value alone at the empty point (`atEmptyPoint`: nothing to seed),
/// and otherwise `passes`, which writes the gradient and the Hessian's
/// entries in place and returns f(x).
///
/// A pass keeps its seeded inputs local to `passes`: a variable that two
/// closures capture is checked for exclusive access at run time, on every
/// access.
///
/// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if the N × N matrix
///   cannot be allocated; what `passes` throws.
@inlinable
func _hessianPasses<Scalar: ADScalar>(
  count n: Int, atEmptyPoint: () throws -> Scalar,
  passes: (UnsafeMutableBufferPointer<Scalar>, Hessian<Scalar>._Entries)
    throws -> Scalar
) throws -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>) {
  var gradient = [Scalar]._filled(with: 0, count: n)
  var hessian = try Hessian<Scalar>(count: n)
  if n == 0 { return (try atEmptyPoint(), gradient, hessian) }
  let value = try gradient.withUnsafeMutableBufferPointer { g in
    try hessian._withEntries { h in try passes(g, h) }
  }
  return (value, gradient, hessian)
}

/// The result of `unchecked`, a pass whose outer products skip their
/// finiteness test, unless one of its Hessian's entries is NaN: then that
/// of `checked`, the same pass with annihilating outer products. The two
/// agree bit for bit wherever the first holds no NaN
/// (UncheckedOuterProducts.swift says why), so the test runs once per
/// Hessian instead of once per product.
@inlinable
func _uncheckedUnlessNaN<Scalar: ADScalar>(
  _ unchecked: () throws
    -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>),
  else checked: () throws
    -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>)
) rethrows -> (value: Scalar, gradient: [Scalar], hessian: Hessian<Scalar>) {
  let result = try unchecked()
  return result.hessian._hasNaN ? try checked() : result
}

/// Runs `body` with the lanes of `block` (its partials, by index), read
/// from its bytes where they lie in order, as in every SIMD type and block
/// the passes use: `partial(_:)` at a variable lane spills the whole block
/// for every entry. Any other layout is read through `partial(_:)`.
@inlinable @inline(__always)
func _withLanes<Block: DualPartials, R>(
  of block: Block, _ body: ((Int) -> Block.Scalar) -> R
) -> R {
  let stride = MemoryLayout<Block.Scalar>.stride
  let contiguous =
    MemoryLayout<Block>.size == Block.partialCount * stride
  return withUnsafeBytes(of: block) { lanes in
    body { k in
      contiguous
        ? lanes.load(fromByteOffset: k * stride, as: Block.Scalar.self)
        : block.partial(k)
    }
  }
}
