// Checks a declared rule against central differences, so users can test
// their own rules in one line.

/// The worst disagreement between a rule's declared derivatives and central
/// differences over a range.
public struct RuleCheck: Sendable, CustomStringConvertible {
  /// The largest relative error of the first derivative(s):
  /// |declared − numerical| / max(1, |declared|).
  public var firstDerivativeError: Double
  /// The largest relative error of the second derivative(s), measured
  /// against central differences of the declared first derivative; `nil`
  /// for a first-order rule.
  public var secondDerivativeError: Double?
  /// Where the worst error occurred.
  public var worstPoint: [Double]
  /// How many points were compared (points where the rule's value or
  /// derivatives are not finite are skipped).
  public var pointsChecked: Int

  /// A check's result.
  public init(
    firstDerivativeError: Double, secondDerivativeError: Double?,
    worstPoint: [Double], pointsChecked: Int
  ) {
    self.firstDerivativeError = firstDerivativeError
    self.secondDerivativeError = secondDerivativeError
    self.worstPoint = worstPoint
    self.pointsChecked = pointsChecked
  }

  /// Whether every derivative agrees within `tolerance` and at least one
  /// point was compared.
  public func passes(tolerance: Double = 1e-6) -> Bool {
    pointsChecked > 0 && firstDerivativeError <= tolerance
      && (secondDerivativeError ?? 0) <= tolerance
  }

  /// A one-line summary.
  public var description: String {
    let second = secondDerivativeError.map { "\($0)" } ?? "n/a"
    return "f′ error \(firstDerivativeError), f″ error \(second), "
      + "worst at \(worstPoint), \(pointsChecked) points"
  }
}

/// A running maximum of relative errors and where the largest occurred.
struct _WorstError {
  var first = 0.0
  var second = 0.0
  var point: [Double] = []
  var count = 0

  mutating func record(
    _ declared: Double, _ numerical: Double, at point: [Double],
    second isSecond: Bool
  ) {
    let error =
      Swift.abs(declared - numerical) / Swift.max(1, Swift.abs(declared))
    if error > Swift.max(first, second) { self.point = point }
    if isSecond {
      second = Swift.max(second, error)
    } else {
      first = Swift.max(first, error)
    }
  }
}

/// The central-difference step for `x`: ∛u·max(1, |x|), near optimal.
@usableFromInline
func _centralStep(_ x: Double) -> Double {
  _libm_cbrt(Double.ulpOfOne) * Swift.max(1, Swift.abs(x))
}

/// Compares a rule's f′ with central differences of its value and its f″
/// with central differences of its f′, at `points` evenly spaced points of
/// `range`, and reports the worst relative error.
///
/// ```swift
/// checkRule(Softplus(), over: -5...5).passes()   // true
/// ```
///
/// Central differences are accurate to about 1e-10 relative for smooth
/// functions of moderate size; a wrong derivative typically shows errors of
/// order 1.
///
/// - Complexity: O(`points`) evaluations of the rule and no storage: the
///   points are computed as they are visited.
public func checkRule<R: UnaryRule>(
  _ rule: R, over range: ClosedRange<Double>, points: Int = 101
) -> RuleCheck {
  var worst = _WorstError()
  let f1 = { (x: Double) in rule.derivative(at: x, value: rule.value(x)) }
  for x in _grid(range, points) {
    let y = rule.value(x)
    let dy = f1(x)
    let d2y = rule.secondDerivative(at: x, value: y, derivative: dy)
    let h = _centralStep(x)
    let numerical1 = (rule.value(x + h) - rule.value(x - h)) / (2 * h)
    let numerical2 = (f1(x + h) - f1(x - h)) / (2 * h)
    guard [y, dy, d2y, numerical1, numerical2].allSatisfy(\.isFinite) else {
      continue
    }
    worst.count += 1
    worst.record(dy, numerical1, at: [x], second: false)
    worst.record(d2y, numerical2, at: [x], second: true)
  }
  return RuleCheck(
    firstDerivativeError: worst.first, secondDerivativeError: worst.second,
    worstPoint: worst.point, pointsChecked: worst.count)
}

/// Compares a first-order rule's f′ with central differences of its value.
public func checkRule<R: FirstOrderUnaryRule>(
  _ rule: R, over range: ClosedRange<Double>, points: Int = 101
) -> RuleCheck {
  var worst = _WorstError()
  for x in _grid(range, points) {
    let (y, dy) = rule.valueAndDerivative(x)
    let h = _centralStep(x)
    let numerical = (rule.value(x + h) - rule.value(x - h)) / (2 * h)
    guard y.isFinite, dy.isFinite, numerical.isFinite else { continue }
    worst.count += 1
    worst.record(dy, numerical, at: [x], second: false)
  }
  return RuleCheck(
    firstDerivativeError: worst.first, secondDerivativeError: nil,
    worstPoint: worst.point, pointsChecked: worst.count)
}

/// Compares a binary rule's partials and second partials with central
/// differences on a `points` × `points` grid over `xRange` × `yRange`.
public func checkRule<R: BinaryRule>(
  _ rule: R, over xRange: ClosedRange<Double>, _ yRange: ClosedRange<Double>,
  points: Int = 21
) -> RuleCheck {
  var worst = _WorstError()
  func partials(_ x: Double, _ y: Double) -> (first: Double, second: Double) {
    rule.partials(at: x, y, value: rule.value(x, y))
  }
  for x in _grid(xRange, points) {
    for y in _grid(yRange, points) {
      let f = rule.value(x, y)
      let p = partials(x, y)
      let s = rule.secondPartials(at: x, y, value: f, partials: p)
      let hx = _centralStep(x)
      let hy = _centralStep(y)
      let fx = (rule.value(x + hx, y) - rule.value(x - hx, y)) / (2 * hx)
      let fy = (rule.value(x, y + hy) - rule.value(x, y - hy)) / (2 * hy)
      let (px1, px0) = (partials(x + hx, y), partials(x - hx, y))
      let py1 = partials(x, y + hy)
      let py0 = partials(x, y - hy)
      let fxx = (px1.first - px0.first) / (2 * hx)
      let fxy = (py1.first - py0.first) / (2 * hy)
      let fyy = (py1.second - py0.second) / (2 * hy)
      let all = [
        f, p.first, p.second, s.firstFirst, s.firstSecond, s.secondSecond, fx, fy, fxx, fxy, fyy,
      ]
      guard all.allSatisfy(\.isFinite) else { continue }
      worst.count += 1
      worst.record(p.first, fx, at: [x, y], second: false)
      worst.record(p.second, fy, at: [x, y], second: false)
      worst.record(s.firstFirst, fxx, at: [x, y], second: true)
      worst.record(s.firstSecond, fxy, at: [x, y], second: true)
      worst.record(s.secondSecond, fyy, at: [x, y], second: true)
    }
  }
  return RuleCheck(
    firstDerivativeError: worst.first, secondDerivativeError: worst.second,
    worstPoint: worst.point, pointsChecked: worst.count)
}

/// `count` evenly spaced points of `range` (its midpoint when `count` is 1
/// or less), computed as they are visited: a huge `count` is a long run,
/// never a huge allocation.
func _grid(_ range: ClosedRange<Double>, _ count: Int)
  -> LazyMapSequence<Range<Int>, Double>
{
  guard count > 1 else {
    let middle = (range.lowerBound + range.upperBound) / 2
    return (0..<1).lazy.map { _ in middle }
  }
  let step = (range.upperBound - range.lowerBound) / Double(count - 1)
  return (0..<count).lazy.map { range.lowerBound + Double($0) * step }
}
