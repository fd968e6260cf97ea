// Central differences as an independent cross-check of exact derivatives,
// with a tolerance derived from the step and the function's scale.

/// A central-difference estimate and how far from the true derivative it
/// may be.
struct CentralDifference<T: BinaryFloatingPoint> {
  /// (f(x + h) − f(x − h)) / (x + h − (x − h)).
  var estimate: T
  /// The bound on |estimate − f′(x)|.
  var tolerance: T

  /// The step ∛u·max(1, |x|): it balances the truncation error h²·|f‴|/6
  /// against the rounding error u·|f|/h (Ceres uses a fixed 1e-8 with a
  /// forward difference; central differences allow the larger step).
  static func step(at x: T) -> T {
    T(Double(T.ulpOfOne).cubeRoot) * Swift.max(1, x.magnitude)
  }

  /// Differentiates `f` at `x`.
  ///
  /// The tolerance adds the two error terms of a central difference:
  /// rounding, `safety·u·s/h` with `s` the scale of f near x
  /// (max(|f(x ± h)|, |f(x ± 2h)|, 1) times `scale`), and truncation,
  /// c·h², estimated from the function itself by Richardson: D(2h) − D(h)
  /// ≈ 3c·h², so `safety·|D(2h) − D(h)|/3` (plus `safety·h²·s` as a floor).
  init(of f: (T) -> T, at x: T, scale: T = 1, safety: T = 16) {
    let h = Self.step(at: x)
    func difference(_ step: T) -> (estimate: T, size: T) {
      let up = x + step
      let down = x - step
      let fUp = f(up)
      let fDown = f(down)
      return ((fUp - fDown) / (up - down), Swift.max(fUp.magnitude, fDown.magnitude))
    }
    let fine = difference(h)
    let coarse = difference(2 * h)
    estimate = fine.estimate
    let s = scale * Swift.max(fine.size, coarse.size, 1)
    let truncation = (coarse.estimate - fine.estimate).magnitude / 3
    tolerance = safety * (truncation + h * h * s + T.ulpOfOne * s / h)
  }
}

extension Double {
  /// x^(1/3), for the step (x = ulpOfOne).
  fileprivate var cubeRoot: Double {
    // ∛x by Newton on t³ = x from a power-of-two guess: no libm needed here.
    var t = Double(sign: .plus, exponent: exponent / 3, significand: 1)
    for _ in 0..<60 { t -= (t * t * t - self) / (3 * t * t) }
    return t
  }
}

/// The gradient of `f` at `x` by central differences, coordinate by
/// coordinate, with per-component tolerances.
func centralDifferenceGradient<T: BinaryFloatingPoint>(
  of f: ([T]) -> T, at x: [T], scale: T = 1
) -> [CentralDifference<T>] {
  var point = x
  return x.indices.map { i in
    defer { point[i] = x[i] }
    return CentralDifference(
      of: { t in
        point[i] = t
        return f(point)
      }, at: x[i], scale: scale)
  }
}
