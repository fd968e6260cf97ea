// Literals and conversions from plain numbers, written once for every
// number type that carries derivatives: each makes a constant.
//
// The operators are not here on purpose: declared in a protocol extension,
// they are one generic overload that the type checker cannot favour, and
// one-line formulas in driver closures took 12–19 s to type-check (0.2 s
// with each type's own operators; see Dual+ConcreteOperators.swift).

extension ChainRuleApplicable {
  /// A constant from an integer literal: `3 * x`.
  @inlinable
  public init(integerLiteral value: Int) { self.init(Value(value)) }

  /// A constant from a floating-point literal: `0.5 * x`.
  @inlinable
  public init(floatLiteral value: Double) { self.init(Value(value)) }

  // Disfavoured so that `Dual<Double>(x)` with x a Double picks the type's
  // constant initializer, `init(_: Value)`, instead of being ambiguous.
  /// A constant converted from a `Double`.
  @inlinable @_disfavoredOverload
  public init(_ value: Double) { self.init(Value(value)) }

  /// A constant converted from an `Int`.
  @inlinable @_disfavoredOverload
  public init(_ value: Int) { self.init(Value(value)) }

  /// A constant converted exactly from an integer, if its value can be.
  @inlinable
  public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = Value(exactly: source) else { return nil }
    self.init(value)
  }
}
