// What generic code expects of a real number beyond the field operations:
// the constants of `FloatingPoint`, conversion from any binary number, and
// the standard library's instance spellings (`squareRoot()`, `rounded()`,
// the remainders). Plain numbers have all of these from the standard library.
//
// The constants are requirements of `ADReal` (declared in ADReal.swift), so
// `T.pi` in generic code is the same value as `Double.pi` or `Float.pi` for
// the same scalar; Epsilon's number types take them from their value type
// here. The conversions and instance spellings are extension members, disfavoured,
// so that on `Double` and `Float` the standard library's own always win.

extension ChainRuleApplicable {
  /// π, to the precision of the underlying scalar.
  @inlinable public static var pi: Self { Self(Value.pi) }
  /// Positive infinity; its derivatives are zero.
  @inlinable public static var infinity: Self { Self(Value.infinity) }
  /// A quiet NaN.
  @inlinable public static var nan: Self { Self(Value.nan) }
  /// The largest finite value of the underlying scalar type.
  @inlinable public static var greatestFiniteMagnitude: Self {
    Self(Value.greatestFiniteMagnitude)
  }
  /// The smallest positive normal value of the underlying scalar type.
  @inlinable public static var leastNormalMagnitude: Self { Self(Value.leastNormalMagnitude) }
  /// The smallest positive value of the underlying scalar type.
  @inlinable public static var leastNonzeroMagnitude: Self { Self(Value.leastNonzeroMagnitude) }
  /// The distance from 1 to the next larger value of the underlying scalar type.
  @inlinable public static var ulpOfOne: Self { Self(Value.ulpOfOne) }
}

extension ADReal {
  // Defaults for a number type of your own that is neither a plain
  // floating-point type nor one of Epsilon's: the `Double` constants, converted.
  /// π, converted with `init(_: Double)`.
  @inlinable public static var pi: Self { Self(Double.pi) }
  /// Positive infinity, converted with `init(_: Double)`.
  @inlinable public static var infinity: Self { Self(Double.infinity) }
  /// A quiet NaN, converted with `init(_: Double)`.
  @inlinable public static var nan: Self { Self(Double.nan) }
  /// The largest finite `Double`, converted with `init(_: Double)`.
  @inlinable public static var greatestFiniteMagnitude: Self {
    Self(Double.greatestFiniteMagnitude)
  }
  /// The smallest positive normal `Double`, converted with `init(_: Double)`.
  @inlinable public static var leastNormalMagnitude: Self { Self(Double.leastNormalMagnitude) }
  /// The smallest positive `Double`, converted with `init(_: Double)`.
  @inlinable public static var leastNonzeroMagnitude: Self { Self(Double.leastNonzeroMagnitude) }
  /// The `Double` distance from 1 to the next larger value, converted with `init(_: Double)`.
  @inlinable public static var ulpOfOne: Self { Self(Double.ulpOfOne) }
}

extension ADReal {
  /// The square root of the number, with its derivatives (``Rules/Sqrt``):
  /// the standard library's spelling of `T.sqrt(x)`.
  @inlinable @_disfavoredOverload
  public func squareRoot() -> Self { Self.sqrt(self) }

  /// The number rounded to the nearest whole number, halves away from
  /// zero: the standard library's spelling of `T.rounded(x)`. Its
  /// derivatives are zero (``Rules/Rounded``).
  @inlinable @_disfavoredOverload
  public func rounded() -> Self { Self._apply(Rules.Rounded(), self) }

  /// The number rounded to a whole number by `rule`, as
  /// `Double.rounded(_:)`: `.down` is `floor`, `.up` is `ceil`,
  /// `.towardZero` is C's `trunc`. Its derivatives are zero
  /// (``Rules/Rounded``).
  @inlinable @_disfavoredOverload
  public func rounded(_ rule: FloatingPointRoundingRule) -> Self {
    Self._apply(Rules.Rounded(rule), self)
  }

  /// The IEEE remainder of the number divided by `other`, x − q·y with q
  /// the whole number nearest to x/y, as `Double.remainder(dividingBy:)`;
  /// derivatives 1 and −q (``Rules/Remainder``).
  @inlinable @_disfavoredOverload
  public func remainder(dividingBy other: Self) -> Self {
    Self._apply(Rules.Remainder(), self, other)
  }

  /// The remainder of the number divided by `other` with the quotient
  /// truncated, as `Double.truncatingRemainder(dividingBy:)` and C's
  /// `fmod`; derivatives 1 and −q (``Rules/Remainder``).
  @inlinable @_disfavoredOverload
  public func truncatingRemainder(dividingBy other: Self) -> Self {
    Self._apply(Rules.Remainder(truncating: true), self, other)
  }

  /// A constant converted from any binary floating-point number (`Float`,
  /// `Float16`, `Double`), through `Double`.
  @inlinable @_disfavoredOverload
  public init<Source: BinaryFloatingPoint>(_ value: Source) {
    self.init(Double(value))
  }

  /// A constant converted from any integer (`Int32`, `UInt`, …), through
  /// `Double`.
  @inlinable @_disfavoredOverload
  public init<Source: BinaryInteger>(_ value: Source) {
    self.init(Double(value))
  }
}

extension Double {
  /// Unavailable: an Epsilon number carries derivatives; its plain value is
  /// `x.value`.
  @available(
    *, unavailable,
    message: "an Epsilon number carries derivatives: take its plain value with x.value"
  )
  public init<T: ChainRuleApplicable>(_ x: T) { fatalError() }
}

extension Float {
  /// Unavailable: an Epsilon number carries derivatives; its plain value is
  /// `x.value`.
  @available(
    *, unavailable,
    message: "an Epsilon number carries derivatives: take its plain value with x.value"
  )
  public init<T: ChainRuleApplicable>(_ x: T) { fatalError() }
}
