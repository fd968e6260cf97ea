/// Two tangent vectors side by side: storage wider than Swift's widest SIMD
/// type, such as the 256 mixed partials of a 16 × 16 Hessian block
/// (`SIMDPair<SIMDPair<SIMD64<Double>>>`).
///
/// Lanes `0 ..< Half.partialCount` are ``low``'s, the rest ``high``'s. All
/// arithmetic forwards to the halves, so it stays whole-vector.
@frozen
public struct SIMDPair<Half: DualPartials>: DualPartials {
  /// The number each lane is.
  public typealias Scalar = Half.Scalar

  /// The first half of the lanes.
  public var low: Half
  /// The second half of the lanes.
  public var high: Half

  /// The lanes of `low` followed by those of `high`.
  @inlinable
  public init(_ low: Half, _ high: Half) {
    self.low = low
    self.high = high
  }

  /// Twice the lanes of a half.
  @inlinable public static var partialCount: Int { 2 * Half.partialCount }

  /// All lanes zero.
  @inlinable public static var zero: Self { Self(.zero, .zero) }

  /// One in lane `index`, zero elsewhere.
  @inlinable
  public static func unitPartials(_ index: Int) -> Self {
    let n = Half.partialCount
    return index < n
      ? Self(.unitPartials(index), .zero)
      : Self(.zero, .unitPartials(index - n))
  }

  /// The lane `index`.
  @inlinable
  public func partial(_ index: Int) -> Scalar {
    let n = Half.partialCount
    return index < n ? low.partial(index) : high.partial(index - n)
  }

  /// Lane-wise sum.
  @inlinable
  public static func sum(_ lhs: Self, _ rhs: Self) -> Self {
    Self(.sum(lhs.low, rhs.low), .sum(lhs.high, rhs.high))
  }

  /// Lane-wise difference.
  @inlinable
  public static func difference(_ lhs: Self, _ rhs: Self) -> Self {
    Self(.difference(lhs.low, rhs.low), .difference(lhs.high, rhs.high))
  }

  /// Lane-wise negation.
  @inlinable
  public func negated() -> Self { Self(low.negated(), high.negated()) }

  /// `c · self`, zero lanes kept zero as the halves keep them.
  @inlinable
  public func scaled(by c: Scalar) -> Self {
    Self(low.scaled(by: c), high.scaled(by: c))
  }

  /// `a·x + b·y`, half by half.
  @inlinable
  public static func combine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self)
    -> Self
  {
    Self(
      Half.combine(a, x.low, b, y.low), Half.combine(a, x.high, b, y.high))
  }

  /// The lanes as text: `[1.0, 0.0, …]`.
  public var partialsDescription: String {
    "["
      + (0..<Self.partialCount).map { "\(partial($0))" }
      .joined(separator: ", ") + "]"
  }
}

extension SIMDPair: Sendable where Half: Sendable {}
extension SIMDPair: Equatable where Half: Equatable {}
