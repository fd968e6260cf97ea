// The recorded number: a value, its slot on the tape, and a raw pointer to
// the tape's state. Its algebra records each operation's partials; every
// elementary function comes from the shared rule table through `chain`.

extension GradientTape {
  /// A number recorded on a ``GradientTape``: its value, and the slot
  /// that the tape's reverse sweep gives its adjoint.
  ///
  /// ```swift
  /// let tape = GradientTape<Double>()
  /// let x = tape.variable(3.0)
  /// let y = x * x + sin(x)                      // y.value == 9 + sin 3
  /// try tape.gradient(of: y, withRespectTo: x)  // 6 + cos 3
  /// ```
  ///
  /// Literals and `Variable(_:)` make *inactive* constants, which belong
  /// to no tape and cost nothing to combine. A variable holds no reference
  /// to its tape (no reference counting per operation); keep the tape alive
  /// while you record and differentiate. Comparison is by value only.
  @frozen
  public struct Variable {
    /// The value.
    public let value: T
    /// The slot on the tape (0: inactive constant; a sentinel at the top
    /// of the range: poisoned).
    @usableFromInline let _slot: UInt32
    /// The tape generation the slot belongs to.
    @usableFromInline let _generation: UInt32
    /// The tape's state, or `nil` for an inactive or poisoned number.
    @usableFromInline let _state: UnsafeMutablePointer<_TapeHeader>?

    /// A recorded number.
    @inlinable @inline(__always)
    init(
      _ value: T, slot: UInt32, generation: UInt32,
      state: UnsafeMutablePointer<_TapeHeader>?
    ) {
      self.value = value
      _slot = slot
      _generation = generation
      _state = state
    }

    /// A number whose derivatives are unknown because of a misuse.
    @inlinable
    init(_poisoned value: T, reason: UInt32) {
      self.init(value, slot: reason, generation: 0, state: nil)
    }

    /// An inactive constant: on no tape, with derivative zero.
    @inlinable
    public init(_ value: T) {
      self.init(value, slot: 0, generation: 0, state: nil)
    }

    /// Whether this number is recorded on a tape.
    @inlinable public var isRecorded: Bool { _state != nil }

    /// `self` is fine on the tape of `state` at generation `g`
    /// (0), or the reason it is not (a poison sentinel).
    @inlinable @inline(__always)
    func _problem(generation g: UInt32) -> UInt32 {
      _state == nil ? _slot : (_generation == g ? 0 : _TapePoison.stale)
    }

    /// Records `f(x, y)` given its value and partials: the one path every
    /// binary operation takes.
    ///
    /// The value is formed after the entry is written: with wide `T`
    /// (forward over reverse) the operands, the partials and the result
    /// did not all fit in registers at once, and each recorded product
    /// spilled them to the stack.
    @inlinable @inline(__always)
    static func _record(
      _ x: Self, _ y: Self, value: @autoclosure () -> T, _ dx: T, _ dy: T
    ) -> Self {
      let state: UnsafeMutablePointer<_TapeHeader>
      if let sx = x._state {
        if let sy = y._state, sy != sx { return _mixed(x, y, value()) }
        state = sx
      } else if let sy = y._state {
        state = sy
      } else {
        // Both inactive (slot 0) or poisoned: keep the worst reason.
        return Self(
          value(), slot: Swift.max(x._slot, y._slot),
          generation: 0, state: nil)
      }
      let g = state._generation
      let problem = Swift.max(
        x._problem(generation: g), y._problem(generation: g))
      if _slowPath(problem != 0) {
        return Self(_poisoned: value(), reason: problem)
      }
      let slot = GradientTape._record(state, x._slot, y._slot, dx, dy)
      if _slowPath(slot >= _TapePoison.first) {
        return Self(_poisoned: value(), reason: slot)
      }
      return Self(value(), slot: slot, generation: g, state: state)
    }

    /// The result of combining variables of two different tapes.
    @inlinable @inline(never)
    static func _mixed(_ x: Self, _ y: Self, _ value: T) -> Self {
      let stale =
        x._problem(generation: x._state.unsafelyUnwrapped._generation)
        != 0
        || y._problem(generation: y._state.unsafelyUnwrapped._generation)
          != 0
      return Self(
        _poisoned: value,
        reason: stale ? _TapePoison.stale : _TapePoison.mixedTapes)
    }
  }
}

extension GradientTape.Variable: ChainRuleApplicable {
  /// The type of the value.
  public typealias Value = T

  /// f(x): records f′(x) against x's slot; f″ is never evaluated.
  @inlinable
  public func chain(_ f0: T, _ f1: T, _ f2: @autoclosure () -> T) -> Self {
    guard let state = _state else {
      return Self(f0, slot: _slot, generation: 0, state: nil)
    }
    let g = state._generation
    if _slowPath(_generation != g) {
      return Self(_poisoned: f0, reason: _TapePoison.stale)
    }
    let slot = GradientTape._record(state, _slot, 0, f1, 0)
    if _slowPath(slot >= _TapePoison.first) {
      return Self(_poisoned: f0, reason: slot)
    }
    return Self(f0, slot: slot, generation: g, state: state)
  }

  /// f(x, y): records ∂f/∂x and ∂f/∂y against the two slots.
  @inlinable
  public static func chain(
    _ x: Self, _ y: Self, value f0: T, partials fx: T, _ fy: T,
    second: @autoclosure () -> (firstFirst: T, firstSecond: T, secondSecond: T)
  ) -> Self {
    _record(x, y, value: f0, fx, fy)
  }
}

// The algebra: each operation records its local partials. The operators
// forward to these, and so do the concrete overloads in
// Tape+ConcreteOperators.swift.
extension GradientTape.Variable {
  /// x + y; partials 1, 1.
  @inlinable
  static func _sum(_ lhs: Self, _ rhs: Self) -> Self {
    _record(lhs, rhs, value: lhs.value + rhs.value, 1, 1)
  }

  /// x − y; partials 1, −1.
  @inlinable
  static func _difference(_ lhs: Self, _ rhs: Self) -> Self {
    _record(lhs, rhs, value: lhs.value - rhs.value, 1, -1)
  }

  /// −x; partial −1.
  @inlinable
  static func _negation(_ operand: Self) -> Self {
    operand.chain(-operand.value, -1, 0)
  }

  /// x·y; partials y, x.
  @inlinable
  static func _product(_ lhs: Self, _ rhs: Self) -> Self {
    _record(lhs, rhs, value: lhs.value * rhs.value, rhs.value, lhs.value)
  }

  /// x/y; partials 1/y, −(x/y)/y. The value is the correctly rounded x/y,
  /// as for ``Dual``.
  @inlinable
  static func _quotient(_ lhs: Self, _ rhs: Self) -> Self {
    let q = lhs.value / rhs.value
    let r = 1 / rhs.value
    return _record(lhs, rhs, value: q, r, -q * r)
  }
}

extension GradientTape.Variable {
  /// x + y, recorded with partials 1, 1.
  @inlinable
  public static func + (lhs: Self, rhs: Self) -> Self { _sum(lhs, rhs) }

  /// x − y, recorded with partials 1, −1.
  @inlinable
  public static func - (lhs: Self, rhs: Self) -> Self {
    _difference(lhs, rhs)
  }

  /// −x, recorded with partial −1.
  @inlinable
  public static prefix func - (operand: Self) -> Self { _negation(operand) }

  /// x·y, recorded with partials y, x.
  @inlinable
  public static func * (lhs: Self, rhs: Self) -> Self { _product(lhs, rhs) }

  /// Multiplication in place.
  @inlinable
  public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

  /// x/y, recorded with partials 1/y, −(x/y)/y.
  @inlinable
  public static func / (lhs: Self, rhs: Self) -> Self { _quotient(lhs, rhs) }
}

extension GradientTape.Variable: ADReal {
  /// The magnitude is a variable too.
  public typealias Magnitude = Self

  /// Whether this is an inactive constant zero: a nested tape's sweep
  /// skips such adjoints without recording anything.
  @inlinable
  public var _isExactlyZero: Bool {
    _state == nil && _slot == 0 && value._isExactlyZero
  }

  /// The value, as text.
  public var description: String {
    switch _state == nil ? _slot : 0 {
    case _TapePoison.mixedTapes: return "\(value) (poisoned: mixed tapes)"
    case _TapePoison.stale: return "\(value) (poisoned: stale variable)"
    case _TapePoison.tapeFull: return "\(value) (poisoned: tape full)"
    default: return "\(value)"
    }
  }
}
