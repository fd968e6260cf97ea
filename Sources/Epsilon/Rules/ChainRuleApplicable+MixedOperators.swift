// Arithmetic between an Epsilon number and a plain number of its value type:
// `k * x`, `x / k`, `k - x` with `k` a captured `Double` in a closure handed
// to a driver. The plain number is a constant (derivative parts zero), so
// each forwards to the number's own operator with `Self(k)`.
//
// Disfavoured: with a literal (`3 * x`) both these and the number's own
// operators apply, and the type checker must settle on the latter at once;
// otherwise a long closure body explores both at every operator. In code
// generic over `ADReal`, convert the constant with `T(k)`: heterogeneous
// operators on every `ADReal` make long generic formulas exceed the type
// checker's limits.

extension ChainRuleApplicable {
  /// The sum of a number and a constant.
  @_transparent @_disfavoredOverload
  public static func + (lhs: Self, rhs: Primal) -> Self { lhs + Self(rhs) }
  /// The sum of a constant and a number.
  @_transparent @_disfavoredOverload
  public static func + (lhs: Primal, rhs: Self) -> Self { Self(lhs) + rhs }
  /// The difference of a number and a constant.
  @_transparent @_disfavoredOverload
  public static func - (lhs: Self, rhs: Primal) -> Self { lhs - Self(rhs) }
  /// The difference of a constant and a number.
  @_transparent @_disfavoredOverload
  public static func - (lhs: Primal, rhs: Self) -> Self { Self(lhs) - rhs }
  /// The product of a number and a constant.
  @_transparent @_disfavoredOverload
  public static func * (lhs: Self, rhs: Primal) -> Self { lhs * Self(rhs) }
  /// The product of a constant and a number.
  @_transparent @_disfavoredOverload
  public static func * (lhs: Primal, rhs: Self) -> Self { Self(lhs) * rhs }
  /// The quotient of a number by a constant.
  @_transparent @_disfavoredOverload
  public static func / (lhs: Self, rhs: Primal) -> Self { lhs / Self(rhs) }
  /// The quotient of a constant by a number.
  @_transparent @_disfavoredOverload
  public static func / (lhs: Primal, rhs: Self) -> Self { Self(lhs) / rhs }
}
