// The value type the Hessian drivers return, and the internal API their
// passes fill it through. (The drivers are in HessianDrivers.swift.)

/// A symmetric N × N matrix of second partial derivatives, ∂²f/∂xᵢ∂xⱼ.
///
/// ```swift
/// let h = hessian(at: [2.0, 3.0]) { x in (x[0] + 5) * x[1] * x[1] }
/// h[0, 1]        // 6.0
/// h.row(1)       // [6.0, 14.0]
/// [[Double]](h)  // [[0.0, 6.0], [6.0, 14.0]]
/// ```
///
/// Only one triangle is stored, so `h[i, j] == h[j, i]` always holds:
/// setting one sets the other.
@frozen
public struct Hessian<Scalar: ADScalar>: Sendable {
  /// The number of inputs N: the matrix is N × N.
  public let count: Int
  /// The lower triangle, row by row: (i, j) with j ≤ i at i(i+1)/2 + j.
  @usableFromInline var _packed: [Scalar]

  /// The N × N zero matrix.
  ///
  /// ```swift
  /// let h = try Hessian<Double>(count: 3)   // 3 × 3, six stored entries
  /// ```
  ///
  /// - Parameter count: N, zero or more.
  /// - Throws: ``EpsilonError/hessianTooLarge(count:)`` if `count` is
  ///   negative, or its N(N+1)/2 entries overflow the address space or
  ///   cannot be allocated now.
  /// - Complexity: O(N²).
  @inlinable
  public init(count: Int) throws(EpsilonError) {
    guard let entries = _packedEntryCount(count, stride: MemoryLayout<Scalar>.stride)
    else { throw .hessianTooLarge(count: count) }
    self.init(_count: count, entries: entries)
  }

  /// The N × N zero matrix, for a driver whose N is the length of an
  /// input array (a Hessian too large to allocate stops the process, as
  /// any array allocation does; see Limitations).
  @inlinable
  init(_zeroCount count: Int) {
    self.init(_count: count, entries: count * (count + 1) / 2)
  }

  @inlinable
  init(_count count: Int, entries: Int) {
    self.count = count
    _packed = ._filled(with: 0, count: entries)
  }

  /// The symmetric matrix whose lower triangle `rows` gives; the upper
  /// triangle is not read.
  ///
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   row i has fewer than i + 1 entries.
  @inlinable
  public init(lowerTriangleOf rows: [[Scalar]]) throws {
    self.init(_zeroCount: rows.count)
    for (i, row) in rows.enumerated() {
      guard row.count > i else {
        throw EpsilonError.countMismatch(
          argument: "rows[\(i)]", expected: i + 1, actual: row.count)
      }
      for j in 0...i { self[i, j] = row[j] }
    }
  }

  @inlinable
  static func _index(_ i: Int, _ j: Int) -> Int {
    i >= j ? i * (i + 1) / 2 + j : j * (j + 1) / 2 + i
  }

  /// The entry ∂²f/∂xᵢ∂xⱼ, equal to ∂²f/∂xⱼ∂xᵢ.
  ///
  /// Indices must be in `0 ..< count`, as for an array: any other index
  /// stops the program, in release builds too.
  @inlinable
  public subscript(i: Int, j: Int) -> Scalar {
    get { _packed[_checkedIndex(i, j)] }
    set { _packed[_checkedIndex(i, j)] = newValue }
  }

  /// The packed position of (i, j), after the array-like range check: a
  /// negative index would otherwise land on another entry of the triangle
  /// (`h[1, -1]` read `h[0, 0]`).
  @inlinable
  func _checkedIndex(_ i: Int, _ j: Int) -> Int {
    precondition(
      UInt(bitPattern: i) < UInt(bitPattern: count)
        && UInt(bitPattern: j) < UInt(bitPattern: count),
      "Hessian index out of range")
    return Self._index(i, j)
  }

  /// Row i: ∂²f/∂xᵢ∂xⱼ for every j.
  ///
  /// - Complexity: O(N).
  @inlinable
  public func row(_ i: Int) -> [Scalar] {
    (0..<count).map { self[i, $0] }
  }

  /// Column j, equal to row j by symmetry.
  ///
  /// - Complexity: O(N).
  @inlinable
  public func column(_ j: Int) -> [Scalar] { row(j) }

  /// Every row, as nested arrays.
  ///
  /// - Complexity: O(N²).
  @inlinable
  public var rows: [[Scalar]] { (0..<count).map { row($0) } }

  /// The product H·v.
  ///
  /// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
  ///   `v` does not have ``count`` entries.
  /// - Complexity: O(N²).
  @inlinable
  public func multiplied(by v: [Scalar]) throws -> [Scalar] {
    guard v.count == count else {
      throw EpsilonError.countMismatch(
        argument: "v", expected: count, actual: v.count)
    }
    return (0..<count).map { i in
      var sum: Scalar = 0
      for j in 0..<count { sum += self[i, j] * v[j] }
      return sum
    }
  }
}

extension Hessian: Equatable {
  /// Whether both matrices have the same size and entries.
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.count == rhs.count && lhs._packed == rhs._packed
  }
}

extension Hessian: CustomStringConvertible {
  /// The rows as `[[0.0, 6.0], [6.0, 14.0]]`.
  public var description: String {
    "["
      + rows.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
  }
}

extension Array {
  /// The rows of a Hessian: `[[Double]](hessian)`.
  ///
  /// - Complexity: O(N²).
  @inlinable
  public init<Scalar>(_ hessian: Hessian<Scalar>) where Element == [Scalar] {
    self = hessian.rows
  }
}

// MARK: - Filling a Hessian

extension Hessian {
  /// Write access to the stored triangle, for code that fills a Hessian
  /// entry by entry (the drivers' passes), without the subscript's range
  /// check or a uniqueness check per entry. Valid only inside
  /// ``_withEntries(_:)``.
  ///
  /// One triangle is stored, so setting (i, j) sets (j, i) too: a pass
  /// never mirrors what it writes.
  @frozen @usableFromInline
  struct _Entries {
    /// The packed lower triangle: (i, j) with j ≤ i at i(i+1)/2 + j.
    @usableFromInline let _packed: UnsafeMutableBufferPointer<Scalar>

    @inlinable
    init(_packed: UnsafeMutableBufferPointer<Scalar>) {
      self._packed = _packed
    }

    /// The entry ∂²f/∂xᵢ∂xⱼ, either order of i and j; the indices must be
    /// in `0 ..< count` (checked in debug builds only).
    @inlinable
    subscript(i: Int, j: Int) -> Scalar {
      get { _packed[Hessian._index(i, j)] }
      nonmutating set { _packed[Hessian._index(i, j)] = newValue }
    }

    /// Row i of the lower triangle, (i, 0) ... (i, i), in order: a pass
    /// that writes a row indexes this by column j ≤ i. `i` must be in
    /// `0 ..< count`.
    @inlinable
    func lowerRow(_ i: Int) -> UnsafeMutablePointer<Scalar> {
      let start = i * (i + 1) / 2
      assert(i >= 0 && start + i < _packed.count, "Hessian row out of range")
      return _packed.baseAddress.unsafelyUnwrapped + start
    }
  }

  /// Runs `body` with write access to the entries (``_Entries``).
  @inlinable
  mutating func _withEntries<R>(_ body: (_Entries) throws -> R) rethrows
    -> R
  {
    try _packed.withUnsafeMutableBufferPointer { try body(_Entries(_packed: $0)) }
  }

  /// Whether a stored entry is NaN: how a pass whose outer products skip
  /// their finiteness test checks its result (UncheckedOuterProducts.swift).
  @inlinable
  var _hasNaN: Bool {
    _packed.withUnsafeBufferPointer { $0.contains { $0.isNaN } }
  }
}
