/// The calculus of a function of two variables, written once for every
/// number type: its value on plain numbers, its two partial derivatives and
/// its three second partial derivatives on any ``ADReal``.
///
/// `pow`, `atan2` and `hypot` are `BinaryRule`s (see ``Rules``).
public protocol BinaryRule {
  /// f(x, y) on plain `Double`s.
  func value(_ x: Double, _ y: Double) -> Double
  /// f(x, y) on plain `Float`s. The default computes in `Double` and rounds.
  func value(_ x: Float, _ y: Float) -> Float
  /// The partial derivatives with respect to the first and the second
  /// argument at (x, y), given `f = f(x, y)`.
  ///
  /// The labels name arguments by position, whatever the parameters are
  /// called: `Rules.Atan2`, whose arguments are (y, x), returns
  /// (∂f/∂y, ∂f/∂x).
  func partials<T: ADReal>(at x: T, _ y: T, value f: T) -> (first: T, second: T)
  /// The second partial derivatives at (x, y), by argument position:
  /// with respect to the first argument twice, to the first and the
  /// second, and to the second twice; given the value and the first
  /// partials.
  func secondPartials<T: ADReal>(
    at x: T, _ y: T, value f: T, partials: (first: T, second: T)
  ) -> (firstFirst: T, firstSecond: T, secondSecond: T)

  /// Which first partials are identically zero wherever f is defined (a
  /// function constant in that argument).
  ///
  /// Sparsity detection reads these flags instead of evaluating the
  /// partials. The default, neither, is always safe; claiming a zero that
  /// is not would make sparse derivatives silently drop entries.
  static var zeroPartials: (first: Bool, second: Bool) { get }
  /// Which second partials are identically zero wherever f is defined:
  /// `firstFirst` and `secondSecond` for a function linear in that
  /// argument, `firstSecond` for one whose arguments do not interact (a
  /// sum of a function of each). The default, none, is always safe.
  static var zeroSecondPartials: (firstFirst: Bool, firstSecond: Bool, secondSecond: Bool) { get }
}

extension BinaryRule {
  /// Neither partial is known to be zero.
  @inlinable public static var zeroPartials: (first: Bool, second: Bool) { (false, false) }
  /// No second partial is known to be zero.
  @inlinable public static var zeroSecondPartials:
    (firstFirst: Bool, firstSecond: Bool, secondSecond: Bool)
  {
    (false, false, false)
  }
}

extension BinaryRule {
  /// f(x, y) on plain `Float`s, computed in `Double` and rounded.
  @inlinable
  public func value(_ x: Float, _ y: Float) -> Float {
    Float(value(Double(x), Double(y)))
  }
}

extension BinaryRule {
  /// f(x, y) with derivatives, on any number type.
  @inlinable
  public func callAsFunction<T: ADReal>(_ x: T, _ y: T) -> T {
    T._apply(self, x, y)
  }
}
