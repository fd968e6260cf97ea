// SparsityTracer's conformance to ADReal: the field operations, the two
// rule entry points, comparisons and conversions. Each operation's pattern
// follows from which of its partials are zero:
//
//   inputs(f(x, y)) = inputs(x) ∪ inputs(y)            (∂x, ∂y not zero)
//   pairs(f(x, y))  = pairs(x) ∪ pairs(y)
//                     ∪ inputs(x)×inputs(x) if ∂xx ≠ 0
//                     ∪ inputs(x)×inputs(y) if ∂xy ≠ 0
//                     ∪ inputs(y)×inputs(y) if ∂yy ≠ 0

extension SparsityTracer {
  /// The tracer of f(x, y), given which of f's partials are identically
  /// zero and f's value on known values.
  @inlinable
  static func _combine(
    _ x: Self, _ y: Self, zeroPartials zp: (first: Bool, second: Bool),
    zeroSecondPartials zs: (firstFirst: Bool, firstSecond: Bool, secondSecond: Bool),
    value: (Double, Double) -> Double
  ) -> Self {
    guard let arena = x._arena ?? y._arena else {
      return Self(value(x._value, y._value))
    }
    if let other = y._arena, other !== arena {
      arena.fail(.tracersMixed)
      other.fail(.tracersMixed)
      return x
    }
    let known = x._isKnown && y._isKnown
    let v = known ? value(x._value, y._value) : .nan
    let xi: Int32 = zp.first ? -1 : x._inputs
    let yi: Int32 = zp.second ? -1 : y._inputs
    var pairs: Int32 = -1
    if arena.tracksPairs {
      pairs = arena.pairUnion(zp.first ? -1 : x._pairs, zp.second ? -1 : y._pairs)
      if !zs.firstFirst { pairs = arena.pairUnion(pairs, arena.cross(xi, xi)) }
      if !zs.firstSecond { pairs = arena.pairUnion(pairs, arena.cross(xi, yi)) }
      if !zs.secondSecond { pairs = arena.pairUnion(pairs, arena.cross(yi, yi)) }
    }
    return Self(
      arena: arena, inputs: arena.union(xi, yi), pairs: pairs, value: v,
      isKnown: known, isConstant: x._isConstant && y._isConstant)
  }

  /// The tracer of f(x), given whether f′ and f″ are identically zero and
  /// f's value on a known value.
  @inlinable
  static func _map(
    _ x: Self, zeroDerivative: Bool, zeroSecondDerivative: Bool,
    value: (Double) -> Double
  ) -> Self {
    let v = x._isKnown ? value(x._value) : .nan
    guard let arena = x._arena else { return Self(v) }
    if zeroDerivative {
      return Self(
        arena: arena, inputs: -1, pairs: -1, value: v, isKnown: x._isKnown,
        isConstant: x._isConstant)
    }
    var pairs = x._pairs
    if arena.tracksPairs && !zeroSecondDerivative {
      pairs = arena.pairUnion(pairs, arena.cross(x._inputs, x._inputs))
    }
    return Self(
      arena: arena, inputs: x._inputs, pairs: pairs, value: v, isKnown: x._isKnown,
      isConstant: x._isConstant)
  }

  /// Both values, or `nil` after recording that a global pattern was asked
  /// to branch on a value it does not have. A local pattern notes the
  /// first branch on a value that depends on the inputs.
  @inlinable
  static func _values(_ x: Self, _ y: Self, _ operation: String) -> (Double, Double)? {
    if x._isKnown && y._isKnown {
      if !(x._isConstant && y._isConstant), let arena = x._arena ?? y._arena,
        arena.inputBranch == nil
      {
        arena.inputBranch = operation
      }
      return (x._value, y._value)
    }
    (x._arena ?? y._arena)?.fail(.branchInGlobalPattern(operation))
    return nil
  }
}

extension SparsityTracer: ADReal {
  /// A constant converted from an `Int`.
  @inlinable
  public init(_ value: Int) { self.init(Double(value)) }

  /// A constant from an integer literal.
  @inlinable
  public init(integerLiteral value: Int) { self.init(Double(value)) }

  /// A constant from a floating-point literal.
  @inlinable
  public init(floatLiteral value: Double) { self.init(value) }

  /// A constant converted exactly from an integer, if its value can be.
  @inlinable
  public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = Double(exactly: source) else { return nil }
    self.init(value)
  }

  /// `|x|`: the same inputs, no new pairs (piecewise linear).
  @inlinable
  public var magnitude: Self { Self._apply(Rules.Abs(), self) }

  /// Whether the value is NaN; in a global pattern, a value that depends
  /// on the inputs has none, and asking records a failure.
  @inlinable
  public var isNaN: Bool { Self._values(self, self, "isNaN").map { $0.0.isNaN } ?? false }

  /// Whether the value is finite; in a global pattern, a value that
  /// depends on the inputs has none, and asking records a failure.
  @inlinable
  public var isFinite: Bool {
    Self._values(self, self, "isFinite").map { $0.0.isFinite } ?? false
  }

  /// The dependence and interactions of `rule(x)`, from the rule's flags.
  @inlinable
  public static func _apply<R: UnaryRule>(_ rule: R, _ x: Self) -> Self {
    _map(
      x, zeroDerivative: R.hasZeroDerivative,
      zeroSecondDerivative: R.hasZeroSecondDerivative, value: rule.value)
  }

  /// The dependence and interactions of `rule(x, y)`, from the rule's
  /// flags.
  @inlinable
  public static func _apply<R: BinaryRule>(_ rule: R, _ x: Self, _ y: Self) -> Self {
    _combine(
      x, y, zeroPartials: R.zeroPartials, zeroSecondPartials: R.zeroSecondPartials,
      value: rule.value)
  }

  /// Addition: linear, no new pairs.
  @inlinable
  public static func + (lhs: Self, rhs: Self) -> Self {
    _combine(
      lhs, rhs, zeroPartials: (false, false), zeroSecondPartials: (true, true, true),
      value: +)
  }

  /// Subtraction: linear, no new pairs.
  @inlinable
  public static func - (lhs: Self, rhs: Self) -> Self {
    _combine(
      lhs, rhs, zeroPartials: (false, false), zeroSecondPartials: (true, true, true),
      value: -)
  }

  /// Multiplication: the inputs of one factor interact with the other's.
  @inlinable
  public static func * (lhs: Self, rhs: Self) -> Self {
    _combine(
      lhs, rhs, zeroPartials: (false, false), zeroSecondPartials: (true, false, true),
      value: *)
  }

  /// Division: the divisor's inputs interact with each other and with the
  /// dividend's.
  @inlinable
  public static func / (lhs: Self, rhs: Self) -> Self {
    _combine(
      lhs, rhs, zeroPartials: (false, false), zeroSecondPartials: (true, false, false),
      value: /)
  }

  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

  /// Negation: linear.
  @inlinable
  public static prefix func - (operand: Self) -> Self {
    _map(operand, zeroDerivative: false, zeroSecondDerivative: true, value: -)
  }

  /// Comparison by value; in a global pattern a value that depends on the
  /// inputs has none, and comparing it records a failure.
  @inlinable
  public static func < (lhs: Self, rhs: Self) -> Bool {
    _values(lhs, rhs, "<").map { $0.0 < $0.1 } ?? false
  }

  /// Comparison by value, IEEE semantics (false with a NaN, unlike
  /// `Comparable`'s default `!(rhs < lhs)`), as every Epsilon type compares.
  @inlinable
  public static func <= (lhs: Self, rhs: Self) -> Bool {
    _values(lhs, rhs, "<=").map { $0.0 <= $0.1 } ?? false
  }

  /// Comparison by value, IEEE semantics.
  @inlinable
  public static func > (lhs: Self, rhs: Self) -> Bool {
    _values(lhs, rhs, ">").map { $0.0 > $0.1 } ?? false
  }

  /// Comparison by value, IEEE semantics.
  @inlinable
  public static func >= (lhs: Self, rhs: Self) -> Bool {
    _values(lhs, rhs, ">=").map { $0.0 >= $0.1 } ?? false
  }

  /// Equality of values; in a global pattern a value that depends on the
  /// inputs has none, and comparing it records a failure.
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    _values(lhs, rhs, "==").map { $0.0 == $0.1 } ?? false
  }

  /// The value, or "global" where a global pattern has none.
  public var description: String {
    _isKnown ? "SparsityTracer(\(_value))" : "SparsityTracer(global)"
  }
}
