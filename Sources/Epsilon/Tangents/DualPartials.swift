/// The tangent storage of a ``Dual`` number: one partial derivative
/// (`Double`, `Float`), several in a Swift SIMD vector (`SIMD8<Double>`: a
/// whole gradient of eight inputs in one pass), or a dual number itself
/// (`Dual<Double>`, for nested derivatives).
///
/// Arithmetic on partials is whole-vector: `c * partials` is one SIMD
/// multiply, never a per-lane loop.
public protocol DualPartials {
  /// The number each partial is: also the type of the dual's value.
  associatedtype Scalar: ADReal

  /// How many partial derivatives one value carries.
  static var partialCount: Int { get }
  /// All partials zero: a constant.
  static var zero: Self { get }
  /// The partials of the `index`-th input: one in lane `index`, zero
  /// elsewhere.
  ///
  /// A building block, unchecked: `index` must be in
  /// `0 ..< partialCount`, as for a SIMD subscript (outside it, SIMD
  /// partials trap). `Dual(_:seed:)`, `SecondOrderDual(_:seed:)` and
  /// `HyperDual(_:seed:_:)` check the lane and throw instead.
  static func unitPartials(_ index: Int) -> Self
  /// The partial derivative in lane `index`.
  func partial(_ index: Int) -> Scalar

  // The arithmetic is named rather than spelled as operators: operator
  // requirements on a protocol add generic overloads that the type checker
  // must consider for every `+` and `*` in user code, which made one-line
  // formulas on `Dual` take seconds to type-check.

  /// Lane-wise sum.
  static func sum(_ lhs: Self, _ rhs: Self) -> Self
  /// Lane-wise difference.
  static func difference(_ lhs: Self, _ rhs: Self) -> Self
  /// Lane-wise negation.
  func negated() -> Self

  /// `c · self`, zero annihilating lane by lane (see
  /// `ADScalar._annihilatingProduct`): a zero lane stays zero whatever `c`
  /// is, and a zero `c` gives zero whatever the lane is.
  func scaled(by c: Scalar) -> Self
  /// `a·x + b·y`, each product zero annihilating as in ``scaled(by:)``.
  static func combine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self) -> Self
  /// Whether ``_plainCombine(_:_:_:_:)`` is plain arithmetic, not
  /// ``combine(_:_:_:_:)`` itself.
  static var _combinesPlainly: Bool { get }
  /// `a·x + b·y` by plain floating-point arithmetic, in the order
  /// ``combine(_:_:_:_:)`` takes: the same bits where no factor is zero,
  /// infinite or NaN (see ``ADReal/_plainProduct(_:_:)``).
  static func _plainCombine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self) -> Self

  /// The partials as text, as ``Dual/description`` prints them.
  var partialsDescription: String { get }
}

extension DualPartials {
  /// No plain combine unless the tangent type says so.
  @inlinable public static var _combinesPlainly: Bool { false }
  /// ``combine(_:_:_:_:)`` itself.
  @inlinable
  public static func _plainCombine(_ a: Scalar, _ x: Self, _ b: Scalar, _ y: Self) -> Self {
    combine(a, x, b, y)
  }

  /// Whether any partial has a NaN part: a loop over the lanes, for the
  /// one test a sweep makes per adjoint it reads.
  @inlinable
  var _hasNaNPartial: Bool {
    for i in 0..<Self.partialCount where partial(i)._hasNaNPart { return true }
    return false
  }
}
