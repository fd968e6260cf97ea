// The sparse strategy of hessian(of:at:strategy:): a dense Hessian filled
// from a star-coloured compressed evaluation, and the cache that lets
// `.automatic` choose it without detecting the pattern on every call.
//
// Detection costs several hundred gradients, a Hessian of a small function
// a few: it is done once per function value and N, and its verdict (the
// pattern, its colouring, where each entry is read, and whether the
// compressed evaluation is cheaper than the dense one) is kept in a
// process-wide cache behind a lock. A function value is recognised by its
// bytes when its type is plain data (no references: a struct of numbers,
// or an empty struct), or by `==` when it is `Hashable`; any other function
// is never cached, so `.automatic` gives it the dense strategy and `.sparse`
// detects on every call.

extension HessianStrategy {
  /// The largest number of stored nonzeros the sparse strategy's cache
  /// keeps, over every function and N, before it forgets old entries.
  ///
  /// A dense Hessian of N inputs holds N(N+1)/2 entries, so patterns of
  /// functions whose dense Hessian fits in memory are far below this.
  public static let sparseCacheNonzeroLimit = 1 << 22

  /// The most function values (with their N) the sparse strategy's cache
  /// keeps, each with its pattern and one idle evaluator (a tape and its
  /// buffers), before it forgets old ones.
  public static let sparseCacheEntryLimit = 256

  /// The strategy `.automatic` uses for `f` at `inputCount` inputs:
  /// ``resolved(forInputCount:)``, except that above
  /// ``automaticSecondOrderSIMDLimit`` inputs a function whose Hessian is
  /// sparse enough gets `.sparse`.
  ///
  /// ```swift
  /// HessianStrategy.automatic.resolved(for: Rosenbrock(), at: x)
  /// // .sparse for 16 inputs: tridiagonal, 3 colours in one 4-lane sweep
  /// ```
  ///
  /// "Sparse enough" is the cost model of the compressed evaluation: c
  /// colours of the column (distance-2) colouring cost ⌈c/16⌉ recordings
  /// and sweeps of the tape on `w(c)` lanes, the dense forward over reverse
  /// ⌈N/16⌉ on `w(N)` lanes (w(k) the narrowest of 2, 4, 8, 16 that holds
  /// k). `.sparse` is chosen when it needs fewer sweeps, or as many on
  /// lanes half as wide or narrower: at equal widths the cache lookup and
  /// the copy of each entry would be pure overhead. On a tridiagonal
  /// Hessian (3 colours) the 4-lane sweep does well under the work of the
  /// dense 8-lane one at N = 8, and about half that of the 16-lane one at
  /// N = 16 (figures in the benchmark documentation).
  ///
  /// Only the column colouring is considered, whose entries are read as
  /// the dense forward over reverse computes them: `.automatic`'s choice
  /// never changes a bit of the result.
  ///
  /// The first call for a function value and N detects its pattern and
  /// colours it; later calls read the verdict from a cache. The detection
  /// is one evaluation of `f` at `x` on ``SparsityTracer``s that know
  /// their values, so it takes the path the plain evaluation takes (a loop
  /// that tests a value ends as it does there); if no comparison on that
  /// path looked at a value that depends on the inputs, the path is the
  /// same at every x, and so is the pattern. A function that branches on
  /// its inputs, or whose value cannot be recognised (see
  /// ``HessianStrategy/sparse``), gets the dense choice.
  ///
  /// - Parameters:
  ///   - f: The function.
  ///   - x: The point of the first Hessian; its length is N.
  /// - Returns: Never `.automatic`.
  @inlinable
  public func resolved<F: ADFunction, T: ADScalar>(for f: F, at x: [T]) -> HessianStrategy {
    _resolved(for: f, at: x).strategy
  }

  /// ``resolved(for:at:)``, with the cache entry that chose `.sparse`, so
  /// that the Hessian it is resolved for need not look it up again.
  @inlinable
  func _resolved<F: ADFunction, T: ADScalar>(for f: F, at x: [T])
    -> (strategy: HessianStrategy, entry: _SparseHessianEntry?)
  {
    let dense = resolved(forInputCount: x.count)
    guard self == .automatic, dense == .forwardOverReverse,
      let entry = _SparseHessianEntry._lookup(f, at: x), entry.isWorthIt
    else { return (dense, nil) }
    return (.sparse, entry)
  }
}

/// The lane width a compressed or dense evaluation of `k` directions uses,
/// and the number of passes: the narrowest of 2, 4, 8, 16 that holds them,
/// sixteen per pass beyond.
@usableFromInline
func _laneCost(_ k: Int) -> (passes: Int, width: Int) {
  switch k {
  case ...2: return (1, 2)
  case ...4: return (1, 4)
  case ...8: return (1, 8)
  default: return ((k + 15) / 16, 16)
  }
}

/// What the sparse strategy keeps of one function value at one N: the
/// pattern's colouring, where each lower-triangle entry of the dense
/// Hessian is read from the compressed products, and idle evaluators.
@usableFromInline
final class _SparseHessianEntry: @unchecked Sendable {
  /// The star colouring; nil if the global pattern cannot be detected.
  @usableFromInline let coloring: Coloring?
  /// The pattern's stored nonzeros (what the cache counts).
  @usableFromInline let nonzeroCount: Int
  /// For every lower-triangle entry (i, j), j ≤ i, of the pattern: its
  /// index in the packed lower triangle, i(i+1)/2 + j …
  @usableFromInline let packed: [Int]
  /// … and its index in the products (row a along colour k at a·c + k).
  @usableFromInline let sources: [Int]
  /// Whether the compressed evaluation is cheaper than the dense one (see
  /// ``HessianStrategy/resolved(for:at:)``).
  @usableFromInline let isWorthIt: Bool
  /// An evaluator not in use; guarded by the cache's lock. One is kept: a
  /// function is differentiated at one scalar type and width, and a call
  /// at another replaces it.
  @exclusivity(unchecked) var idle: AnyObject? = nil

  @usableFromInline
  init(pattern: SparsityPattern?) throws {
    guard let pattern else {
      (coloring, nonzeroCount, packed, sources, isWorthIt) = (nil, 0, [], [], false)
      return
    }
    // Two colourings. A column (distance-2) colouring gives every
    // neighbour of a vertex its own colour, so entry (i, j), j < i, is read
    // from row i along j's colour: the adjoint of xᵢ in the direction of
    // xⱼ, which is how the dense forward over reverse computes its lower
    // triangle, so the two agree bit for bit. A star colouring can need
    // fewer colours (an arrowhead: 2, not N), but reads some entries from
    // the other triangle's row, equal only up to rounding.
    let direct = pattern.columnColoring()
    let star = try pattern.starColoring()
    let dense = _laneCost(pattern.columnCount)
    let directCost = _laneCost(direct.colorCount)
    let directWins = Self._cheaper(directCost, than: dense)
    let starCost = _laneCost(star.colorCount)
    let useDirect =
      directWins || (directCost.passes, directCost.width) <= (starCost.passes, starCost.width)
    let coloring = useDirect ? direct : star
    let all =
      useDirect ? nil : _starRecoverySources(pattern, coloring)
    var packed: [Int] = []
    var sources: [Int] = []
    packed.reserveCapacity((pattern.nonzeroCount + pattern.columnCount) / 2)
    sources.reserveCapacity(packed.capacity)
    let c = coloring.colorCount
    for j in 0..<pattern.columnCount {
      for k in pattern.columnStarts[j]..<pattern.columnStarts[j + 1] {
        let i = pattern.rowIndices[k]
        if i >= j {
          packed.append(i * (i + 1) / 2 + j)
          sources.append(all?[k] ?? i * c + coloring.colors[j])
        }
      }
    }
    self.coloring = coloring
    self.nonzeroCount = pattern.nonzeroCount
    self.packed = packed
    self.sources = sources
    // `.automatic` never changes a result: only the direct reading.
    self.isWorthIt = useDirect && directWins
  }

  /// Whether a compressed evaluation of cost `a` is worth it against `b`:
  /// fewer sweeps, or as many on lanes half as wide or narrower (a sweep
  /// on 8 lanes against one on 16 measured no gain once each entry is
  /// copied out).
  static func _cheaper(_ a: (passes: Int, width: Int), than b: (passes: Int, width: Int)) -> Bool {
    a.passes < b.passes || (a.passes == b.passes && 2 * a.width <= b.width)
  }

  /// The cached entry of `f` at `x.count` inputs, detecting and colouring
  /// its pattern on the first call; nil if `f`'s value cannot be
  /// recognised.
  @inlinable
  static func _lookup<F: ADFunction, T: ADScalar>(_ f: F, at x: [T]) -> _SparseHessianEntry? {
    guard let key = _FunctionValueKey(f, count: x.count) else { return nil }
    if let entry = _sparseHessianCache(key) { return entry }
    // A symmetric pattern always colours: `try?` never gives nil here.
    guard let entry = try? _SparseHessianEntry(pattern: _globalHessianPattern(of: f, at: x))
    else { return nil }
    return _sparseHessianCache(key, insert: entry)
  }
}

/// The global pattern of `f`'s Hessian, from a local detection at `x`
/// that took no branch on the inputs; nil if it took one.
///
/// A global detection runs `f` on values it does not know, where every
/// comparison is false: a loop such as `while !(error < tolerance)` would
/// never end. A local detection runs `f` as the plain evaluation at `x`
/// does, and a path that never compared a value depending on the inputs
/// is the same path at every x, with the same pattern.
@inlinable
func _globalHessianPattern<F: ADFunction, T: ADScalar>(of f: F, at x: [T]) -> SparsityPattern? {
  guard let (arena, y) = try? _trace(x, .local, pairs: true, { [f($0)] }),
    arena.inputBranch == nil
  else { return nil }
  return arena.symmetricPattern(of: y[0]._pairs, count: x.count)
}

/// How the caches recognise a function value at one N.
@usableFromInline
struct _FunctionValueKey: Hashable {
  @usableFromInline let type: ObjectIdentifier
  @usableFromInline let count: Int
  /// The value's bytes, for plain data: in place up to 32 bytes (no array
  /// to allocate on every lookup), zero-padded…
  @usableFromInline let small: SIMD4<UInt64>
  /// … in an array beyond …
  @usableFromInline let bytes: [UInt8]
  /// … or the value itself, if `Hashable`.
  @usableFromInline let value: AnyHashable?

  /// The key of `f` at `count` inputs; nil if its value can be told apart
  /// neither by its bytes nor by `==`.
  @inlinable
  init?<F>(_ f: F, count: Int) {
    type = ObjectIdentifier(F.self)
    self.count = count
    if _isPOD(F.self) {
      var small = SIMD4<UInt64>()
      if MemoryLayout<F>.size <= MemoryLayout<SIMD4<UInt64>>.size {
        withUnsafeBytes(of: f) { source in
          withUnsafeMutableBytes(of: &small) { $0.copyMemory(from: source) }
        }
        bytes = []
      } else {
        bytes = withUnsafeBytes(of: f) { Array($0) }
      }
      self.small = small
      value = nil
    } else if let hashable = f as? any Hashable {
      small = SIMD4()
      bytes = []
      value = AnyHashable(hashable)
    } else {
      return nil
    }
  }
}

/// The process-wide cache: entries by key, and the nonzeros they hold.
let _sparseHessianEntries = _Locked<
  (entries: [_FunctionValueKey: _SparseHessianEntry], nonzeros: Int)
>(
  ([:], 0))

/// The cached entry for `key`, if any.
@usableFromInline
func _sparseHessianCache(_ key: _FunctionValueKey) -> _SparseHessianEntry? {
  _sparseHessianEntries.withLock { $0.entries[key] }
}

/// Stores `entry` for `key` unless another task stored one first, and
/// returns the one kept. Forgets arbitrary entries while the nonzeros held
/// would exceed ``HessianStrategy/sparseCacheNonzeroLimit``, or the entries
/// ``HessianStrategy/sparseCacheEntryLimit``.
@usableFromInline
func _sparseHessianCache(
  _ key: _FunctionValueKey, insert entry: _SparseHessianEntry
) -> _SparseHessianEntry {
  _sparseHessianEntries.withLock { cache in
    if let existing = cache.entries[key] { return existing }
    while cache.nonzeros + entry.nonzeroCount > HessianStrategy.sparseCacheNonzeroLimit
      || cache.entries.count >= HessianStrategy.sparseCacheEntryLimit,
      let (oldKey, old) = cache.entries.first
    {
      cache.entries[oldKey] = nil
      cache.nonzeros -= old.nonzeroCount
    }
    cache.entries[key] = entry
    cache.nonzeros += entry.nonzeroCount
    return entry
  }
}

/// Takes the entry's idle evaluator if it is of type `E`.
@usableFromInline
func _takeIdle<E: AnyObject>(_ entry: _SparseHessianEntry, _ type: E.Type) -> E? {
  let idle: AnyObject? = _sparseHessianEntries.withLock { _ in
    guard let idle = entry.idle, Swift.type(of: idle) == E.self else { return nil }
    entry.idle = nil
    return idle
  }
  // Its type was checked by identity (the evaluator class is final): no
  // dynamic cast.
  guard let idle else { return nil }
  return unsafeDowncast(idle, to: E.self)
}

/// Returns an evaluator to the entry for the next call.
@usableFromInline
func _putIdle<E: AnyObject>(_ entry: _SparseHessianEntry, _ evaluator: E) {
  _sparseHessianEntries.withLock { _ in
    entry.idle = evaluator
  }
}

/// A compressed Hessian evaluator and its products buffer, reused between
/// calls of the sparse strategy.
@usableFromInline
final class _SparseHessianEvaluator<P: SIMD & DualPartials> where P.Scalar: ADScalar {
  @usableFromInline let engine: _CompressedHessian<P>
  /// Used only by the caller that took the evaluator from the cache.
  @exclusivity(unchecked) @usableFromInline var products: [P.Scalar]

  @usableFromInline
  init(count: Int, colorCount: Int) {
    engine = _CompressedHessian<P>(count: count)
    products = [P.Scalar](repeating: 0, count: Swift.max(1, count * colorCount))
  }
}

/// Value, gradient and dense Hessian of `f` by the sparse strategy.
///
/// Returns nil if `f` has no global pattern (it branches on its inputs);
/// the caller then takes a dense strategy. `entry`, if given, is `f`'s
/// cache entry at this N, already looked up.
@inlinable
func _valueGradientHessianBySparsity<T: ADScalar, F: ADFunction>(
  at x: [T], of f: F, entry known: _SparseHessianEntry? = nil
) throws -> (value: T, gradient: [T], hessian: Hessian<T>)? {
  let entry: _SparseHessianEntry
  if let known {
    entry = known
  } else if let cached = _SparseHessianEntry._lookup(f, at: x) {
    entry = cached
  } else {
    // Not recognisable: detect for this call only.
    guard let pattern = _globalHessianPattern(of: f, at: x),
      let fresh = try? _SparseHessianEntry(pattern: pattern)
    else { return nil }
    entry = fresh
  }
  guard let coloring = entry.coloring else { return nil }
  do {
    switch coloring.colorCount {
    case ...2: return try _sparseDense(at: x, of: f, entry, coloring, SIMD2<T>.self)
    case ...4: return try _sparseDense(at: x, of: f, entry, coloring, SIMD4<T>.self)
    case ...8: return try _sparseDense(at: x, of: f, entry, coloring, SIMD8<T>.self)
    default: return try _sparseDense(at: x, of: f, entry, coloring, SIMD16<T>.self)
    }
  } catch is TapeError {
    // As for the dense forward over reverse: a recording the tape cannot
    // hold gets the hyper-dual strategy, which needs none.
    return try _valueGradientHessian(at: x, of: f, strategy: .hyperDual)
  }
}

/// The sparse strategy at one lane width.
@inlinable
func _sparseDense<T: ADScalar, F: ADFunction, P: SIMD & DualPartials>(
  at x: [T], of f: F, _ entry: _SparseHessianEntry, _ coloring: Coloring, _ width: P.Type
) throws -> (value: T, gradient: [T], hessian: Hessian<T>) where P.Scalar == T {
  let n = x.count
  let c = coloring.colorCount
  let evaluator =
    _takeIdle(entry, _SparseHessianEvaluator<P>.self)
    ?? _SparseHessianEvaluator<P>(count: n, colorCount: c)
  var gradient = x
  var hessian = try Hessian<T>(count: n)
  let value = try evaluator.products.withUnsafeMutableBufferPointer { products in
    let value = try gradient.withUnsafeMutableBufferPointer { g in
      try evaluator.engine.evaluate(
        f, at: x, colors: coloring.colors, colorCount: c, compressed: products.baseAddress!,
        gradient: g
      ).value
    }
    hessian._packed.withUnsafeMutableBufferPointer { h in
      entry.packed.withUnsafeBufferPointer { packed in
        entry.sources.withUnsafeBufferPointer { sources in
          for k in 0..<packed.count { h[packed[k]] = products[sources[k]] }
        }
      }
    }
    return value
  }
  _putIdle(entry, evaluator)
  return (value, gradient, hessian)
}

/// The number of outputs of vector functions, by function value and N:
/// ``JacobianMode/automatic`` needs it before choosing, and the count may
/// not depend on the input's values. At most `_outputCountLimit` entries;
/// beyond, it is cleared.
let _outputCounts = _Locked<[_FunctionValueKey: Int]>([:])

/// The most function values whose output counts are kept.
let _outputCountLimit = 4096

/// The number of outputs of `f` at `x.count` inputs: from the cache, or
/// from one plain evaluation at `x`, kept if `f`'s value can be recognised.
@inlinable
func _outputCount<F: ADVectorFunction, T: ADScalar>(of f: F, at x: [T]) -> Int {
  let key = _FunctionValueKey(f, count: x.count)
  if let key, let m = _cachedOutputCount(key) { return m }
  let m = f(x).count
  if let key { _cacheOutputCount(key, m) }
  return m
}

@usableFromInline
func _cachedOutputCount(_ key: _FunctionValueKey) -> Int? {
  _outputCounts.withLock { $0[key] }
}

@usableFromInline
func _cacheOutputCount(_ key: _FunctionValueKey, _ m: Int) {
  _outputCounts.withLock { counts in
    if counts.count >= _outputCountLimit { counts.removeAll() }
    counts[key] = m
  }
}
