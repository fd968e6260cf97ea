// Compressed evaluation: every colour is one seed direction, the sum of the
// unit vectors of its columns, and a SIMD lane carries it. The products
// land in an N × c (Hessian) or m × c (Jacobian) buffer, row-major, from
// which the plans read each entry.
//
// The lane width is the narrowest that holds every colour, up to 16; beyond
// that, ⌈c/16⌉ passes. Each engine keeps its buffers (the seeded point, the
// tape) between calls, so a plan evaluates without allocating.

/// The compressed products of a plan and, for every entry of its pattern,
/// where its value is in them: what each call fills and then reads.
@usableFromInline
struct _CompressedProducts<T: ADScalar> {
  /// For every entry, in the pattern's order, its index in ``values``.
  @usableFromInline let sources: [Int]
  /// The products, rows × colours, row-major.
  @usableFromInline var values: [T]

  @usableFromInline
  init(sources: [Int], rows: Int, colors: Int) {
    self.sources = sources
    // At least one element, so that the buffer always has an address.
    self.values = [T](repeating: 0, count: Swift.max(1, rows * colors))
  }

  /// Writes every entry of `matrix` from its place in the products.
  @inlinable
  func gather(into matrix: inout SparseMatrix<T>) {
    matrix.values.withUnsafeMutableBufferPointer { gather(into: $0) }
  }

  /// Writes every entry, in the pattern's order, from its place in the
  /// products.
  @inlinable
  func gather(into entries: UnsafeMutableBufferPointer<T>) {
    values.withUnsafeBufferPointer { products in
      sources.withUnsafeBufferPointer { sources in
        for k in 0..<Swift.min(entries.count, sources.count) {
          entries[k] = products[sources[k]]
        }
      }
    }
  }
}

/// Writes the first `lanes` lanes of `v` into `out[offset...]`, read from
/// its bytes (a SIMD vector's lanes lie in order): a subscript at a
/// variable lane spills the whole vector for every entry.
@inlinable @inline(__always)
func _storeLanes<P: SIMD>(
  _ v: P, _ lanes: Int, into out: UnsafeMutablePointer<P.Scalar>
) {
  let stride = MemoryLayout<P.Scalar>.stride
  if MemoryLayout<P>.size == P.scalarCount * stride {
    withUnsafeBytes(of: v) { bytes in
      for l in 0..<lanes {
        out[l] = bytes.load(fromByteOffset: l * stride, as: P.Scalar.self)
      }
    }
  } else {
    for l in 0..<lanes { out[l] = v[l] }
  }
}

/// Seeds `point[j]` with the lane of colour `colors[j]` if it falls in
/// `first ..< first + width`, else with zero partials. With every colour in
/// one pass the seeds never change: once `seeded`, only the values are
/// written.
@inlinable
func _seedColors<P: SIMD & DualPartials>(
  _ point: inout [Dual<P>], at x: [P.Scalar], colors: [Int], colorCount c: Int, first: Int,
  seeded: inout Bool
) where P.Scalar: ADScalar {
  let w = P.scalarCount
  if seeded && c <= w {
    for j in point.indices { point[j].value = x[j] }
    return
  }
  for j in point.indices {
    let lane = colors[j] - first
    point[j] = Dual(x[j], partials: lane >= 0 && lane < w ? .unitPartials(lane) : .zero)
  }
  seeded = true
}

/// Hessian-vector products along every colour's direction by forward over
/// reverse: the tape's gradient recorded on `Dual<P>`, one recording and
/// one sweep per `P.scalarCount` colours.
@usableFromInline
final class _CompressedHessian<P: SIMD & DualPartials> where P.Scalar: ADScalar {
  @usableFromInline let tape = GradientTape<Dual<P>>()
  // One caller at a time evaluates (a plan's owner, or the caller that took
  // the evaluator from the cache), so the runtime's per-access exclusivity
  // check of these stored properties is not needed.
  @exclusivity(unchecked) @usableFromInline var point: [Dual<P>]
  /// Whether `point` holds the seeds of the first pass.
  @exclusivity(unchecked) @usableFromInline var seeded = false

  /// For every entry of a plan's pattern, the byte offset of its lane in
  /// the adjoints, when every colour fits in one pass; else empty.
  @usableFromInline let direct: [UInt32]
  /// Whether `direct` applies (a pattern may have no entries at all).
  @usableFromInline let isDirect: Bool

  /// An evaluator for `count` inputs. Given `sources`, where each entry of
  /// a plan's pattern is in the products (row a along colour k at
  /// a·c + k), entries are read straight from the adjoints when every
  /// colour fits in one pass, as ``_CompressedJacobian`` reads outputs.
  @usableFromInline
  init(count: Int, colorCount c: Int = 0, sources: [Int]? = nil) {
    point = [Dual<P>](repeating: Dual(0), count: count)
    let stride = MemoryLayout<Dual<P>>.stride
    let scalar = MemoryLayout<P.Scalar>.stride
    if let sources, c > 0, c <= P.scalarCount,
      let partials = MemoryLayout<Dual<P>>.offset(of: \.partials),
      MemoryLayout<P>.size == P.scalarCount * scalar,
      count < (Int(UInt32.max) - partials) / stride - 1
    {
      direct = sources.map { UInt32($0 / c * stride + partials + $0 % c * scalar) }
      isDirect = true
    } else {
      direct = []
      isDirect = false
    }
  }

  /// Fills `compressed[i·c + k]` with (H·s_k)ᵢ for every colour k, or, if
  /// `entries` is not empty and the evaluator reads directly, the plan's
  /// entries; returns f(x) and whether `entries` was filled. `gradient`
  /// receives ∇f(x) if it is not empty.
  @inlinable
  func evaluate<F: ADFunction>(
    _ f: F, at x: [P.Scalar], colors: [Int], colorCount c: Int,
    compressed: UnsafeMutablePointer<P.Scalar>, gradient: UnsafeMutableBufferPointer<P.Scalar>,
    entries: UnsafeMutableBufferPointer<P.Scalar> = UnsafeMutableBufferPointer(
      start: nil, count: 0)
  ) throws -> (value: P.Scalar, filled: Bool) {
    let w = P.scalarCount
    let n = x.count
    var value: P.Scalar = 0
    let toEntries = isDirect && !entries.isEmpty && entries.count == direct.count
    for first in stride(from: 0, to: Swift.max(c, 1), by: w) {
      _seedColors(
        &point, at: x, colors: colors, colorCount: c, first: first, seeded: &seeded)
      let lanes = Swift.min(w, c - first)
      // The adjoints are read in place: no array per pass.
      func read(_ y: Dual<P>, _ adjoints: UnsafeBufferPointer<Dual<P>>) -> P.Scalar {
        if first == 0 {
          for i in 0..<Swift.min(n, gradient.count) { gradient[i] = adjoints[i].value }
        }
        if toEntries {
          let bytes = UnsafeRawBufferPointer(adjoints)
          direct.withUnsafeBufferPointer { offsets in
            for k in 0..<offsets.count {
              entries[k] = bytes.load(fromByteOffset: Int(offsets[k]), as: P.Scalar.self)
            }
          }
          return y.value
        }
        for i in 0..<n {
          _storeLanes(adjoints[i].partials, lanes, into: compressed + i * c + first)
        }
        return y.value
      }
      value = try tape._withValueAndGradient(at: point, of: { f($0) }, read)
    }
    return (value, toEntries)
  }
}

/// Jacobian-vector products along every colour's direction by forward mode:
/// one evaluation on `Dual<P>` per `P.scalarCount` colours, and each entry
/// of the pattern read from them.
///
/// With every colour in one pass, each entry is read straight from the
/// outputs' lanes (`direct`): at N = 10⁵ a products buffer, written once
/// and read once per call, was a fifth of a call's memory traffic, which at
/// that size is what its time is. With several passes the products are
/// kept, m × c, and read after the last.
@usableFromInline
final class _CompressedJacobian<P: SIMD & DualPartials> where P.Scalar: ADScalar {
  // Unchecked, as ``_CompressedHessian``'s: one caller at a time evaluates.
  @exclusivity(unchecked) @usableFromInline var point: [Dual<P>]
  /// Whether `point` holds the seeds of the first pass.
  @exclusivity(unchecked) @usableFromInline var seeded = false
  /// For every entry of the pattern, in its order, the byte offset of its
  /// lane in the outputs (output i's partial along the entry's column's
  /// colour); empty if the entries are read from `products`.
  @usableFromInline let direct: [UInt32]
  /// Whether entries are read from the outputs (`direct`), not `products`:
  /// not `direct.isEmpty`, since a pattern may have no entries at all.
  @usableFromInline let isDirect: Bool
  /// The products, m × c, row-major, and where each entry is in them;
  /// unused with `direct`.
  @exclusivity(unchecked) @usableFromInline var products: _CompressedProducts<P.Scalar>

  /// An evaluator for `count` inputs and `outputCount` outputs whose
  /// pattern has, for each entry, the row `rows[k]` and the column colour
  /// `entryColors[k]`.
  @usableFromInline
  init(count: Int, outputCount m: Int, colorCount c: Int, rows: [Int], entryColors: [Int]) {
    point = [Dual<P>](repeating: Dual(0), count: count)
    let stride = MemoryLayout<Dual<P>>.stride
    let scalar = MemoryLayout<P.Scalar>.stride
    if c <= P.scalarCount, let partials = MemoryLayout<Dual<P>>.offset(of: \.partials),
      MemoryLayout<P>.size == P.scalarCount * scalar,
      m < (Int(UInt32.max) - partials) / stride - 1
    {
      direct = zip(rows, entryColors).map { row, color in
        UInt32(row * stride + partials + color * scalar)
      }
      isDirect = true
      products = _CompressedProducts(sources: [], rows: 0, colors: 0)
    } else {
      direct = []
      isDirect = false
      products = _CompressedProducts(
        sources: zip(rows, entryColors).map { $0 * c + $1 }, rows: m, colors: c)
    }
  }

  /// Fills `entries`, the pattern's values, with the entries of J, and
  /// `values` with the outputs' values if it is not empty.
  ///
  /// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if f
  ///   returns other than m outputs.
  @inlinable
  func evaluate<F: ADVectorFunction>(
    _ f: F, at x: [P.Scalar], colors: [Int], colorCount c: Int, outputCount m: Int,
    values: UnsafeMutableBufferPointer<P.Scalar>, entries: UnsafeMutableBufferPointer<P.Scalar>
  ) throws {
    let w = P.scalarCount
    var pass = 0
    for first in stride(from: 0, to: Swift.max(c, 1), by: w) {
      _seedColors(
        &point, at: x, colors: colors, colorCount: c, first: first, seeded: &seeded)
      let y = f(point)
      pass += 1
      guard y.count == m else {
        throw EpsilonError.outputCountChanged(first: m, later: y.count, pass: pass)
      }
      if first == 0 {
        for i in 0..<Swift.min(m, values.count) { values[i] = y[i].value }
      }
      if isDirect {
        y.withUnsafeBytes { outputs in
          direct.withUnsafeBufferPointer { offsets in
            for k in 0..<Swift.min(offsets.count, entries.count) {
              entries[k] = outputs.load(fromByteOffset: Int(offsets[k]), as: P.Scalar.self)
            }
          }
        }
        return
      }
      let lanes = Swift.min(w, c - first)
      products.values.withUnsafeMutableBufferPointer { compressed in
        for i in 0..<m {
          _storeLanes(y[i].partials, lanes, into: compressed.baseAddress! + i * c + first)
        }
      }
    }
    products.gather(into: entries)
  }
}

/// Builds a plan's evaluation for one SIMD width of its scalar type: what
/// varies with the number of colours.
@usableFromInline
protocol _LaneWidthBuilder {
  associatedtype Scalar: ADScalar
  associatedtype Built
  /// The evaluation with `P.scalarCount` colours per pass.
  func build<P: SIMD & DualPartials>(_ width: P.Type) -> Built where P.Scalar == Scalar
}

extension _LaneWidthBuilder {
  /// The evaluation at the narrowest width of 2, 4, 8 and 16 that holds
  /// `colors` lanes (16 beyond: several passes).
  @inlinable
  func build(forColors colors: Int) -> Built {
    switch colors {
    case ...2: return build(SIMD2<Scalar>.self)
    case ...4: return build(SIMD4<Scalar>.self)
    case ...8: return build(SIMD8<Scalar>.self)
    default: return build(SIMD16<Scalar>.self)
    }
  }
}

/// A Hessian plan's evaluation at one width.
@usableFromInline
struct _HessianEvaluation<F: ADFunction, Scalar: ADScalar>: _LaneWidthBuilder {
  @usableFromInline let count: Int
  @usableFromInline let colors: [Int]
  @usableFromInline let colorCount: Int
  /// Where each entry of the plan's pattern is in the products.
  @usableFromInline let sources: [Int]

  @inlinable
  init(count: Int, colors: [Int], colorCount: Int, sources: [Int]) {
    self.count = count
    self.colors = colors
    self.colorCount = colorCount
    self.sources = sources
  }

  @inlinable
  func build<P: SIMD & DualPartials>(_ width: P.Type)
    -> (
      F, [Scalar], UnsafeMutablePointer<Scalar>, UnsafeMutableBufferPointer<Scalar>,
      UnsafeMutableBufferPointer<Scalar>
    ) throws -> (value: Scalar, filled: Bool)
  where P.Scalar == Scalar {
    let engine = _CompressedHessian<P>(count: count, colorCount: colorCount, sources: sources)
    let (colors, c) = (self.colors, colorCount)
    return {
      try engine.evaluate(
        $0, at: $1, colors: colors, colorCount: c, compressed: $2, gradient: $3, entries: $4)
    }
  }
}

/// A Jacobian plan's evaluation at one width.
@usableFromInline
struct _JacobianEvaluation<F: ADVectorFunction, Scalar: ADScalar>: _LaneWidthBuilder {
  @usableFromInline let count: Int
  @usableFromInline let outputCount: Int
  @usableFromInline let colors: [Int]
  @usableFromInline let colorCount: Int
  /// The pattern, whose entries the evaluation fills.
  @usableFromInline let pattern: SparsityPattern

  @inlinable
  init(count: Int, colors: [Int], colorCount: Int, pattern: SparsityPattern) {
    self.count = count
    self.outputCount = pattern.rowCount
    self.colors = colors
    self.colorCount = colorCount
    self.pattern = pattern
  }

  @inlinable
  func build<P: SIMD & DualPartials>(_ width: P.Type)
    -> (F, [Scalar], UnsafeMutableBufferPointer<Scalar>, UnsafeMutableBufferPointer<Scalar>)
    throws -> Void
  where P.Scalar == Scalar {
    var entryColors = [Int](repeating: 0, count: pattern.nonzeroCount)
    for j in 0..<pattern.columnCount {
      for k in pattern.columnStarts[j]..<pattern.columnStarts[j + 1] { entryColors[k] = colors[j] }
    }
    let engine = _CompressedJacobian<P>(
      count: count, outputCount: outputCount, colorCount: colorCount,
      rows: pattern.rowIndices, entryColors: entryColors)
    let (colors, c, m) = (self.colors, colorCount, outputCount)
    return {
      try engine.evaluate(
        $0, at: $1, colors: colors, colorCount: c, outputCount: m, values: $2, entries: $3)
    }
  }
}
