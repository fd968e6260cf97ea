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
  /// (∂f/∂x, ∂f/∂y) at (x, y), given `f = f(x, y)`.
  func partials<T: ADReal>(at x: T, _ y: T, value f: T) -> (x: T, y: T)
  /// (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²) at (x, y), given the value and the first
  /// partials.
  func secondPartials<T: ADReal>(
    at x: T, _ y: T, value f: T, partials: (x: T, y: T)
  ) -> (xx: T, xy: T, yy: T)

  /// Which first partials are identically zero wherever f is defined (a
  /// function constant in that argument).
  ///
  /// Sparsity detection reads these flags instead of evaluating the
  /// partials. The default, neither, is always safe; claiming a zero that
  /// is not would make sparse derivatives silently drop entries.
  static var zeroPartials: (x: Bool, y: Bool) { get }
  /// Which second partials are identically zero wherever f is defined:
  /// `xx` and `yy` for a function linear in that argument, `xy` for one
  /// whose arguments do not interact (a sum of a function of x and one of
  /// y). The default, none, is always safe.
  static var zeroSecondPartials: (xx: Bool, xy: Bool, yy: Bool) { get }
}

extension BinaryRule {
  /// Neither partial is known to be zero.
  @inlinable public static var zeroPartials: (x: Bool, y: Bool) { (false, false) }
  /// No second partial is known to be zero.
  @inlinable public static var zeroSecondPartials: (xx: Bool, xy: Bool, yy: Bool) {
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
