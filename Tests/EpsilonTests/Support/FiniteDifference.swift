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
  /// The tolerance is `safety·(h²·s + u·s/h)` with `s` the scale of f near
  /// x, max(|f(x ± h)|, 1) times `scale` (pass a larger `scale` for
  /// functions whose third derivative is large against their value).
  init(of f: (T) -> T, at x: T, scale: T = 1, safety: T = 16) {
    let h = Self.step(at: x)
    let up = x + h
    let down = x - h
    let fUp = f(up)
    let fDown = f(down)
    estimate = (fUp - fDown) / (up - down)
    let s = scale * Swift.max(fUp.magnitude, fDown.magnitude, 1)
    tolerance = safety * (h * h * s + T.ulpOfOne * s / h)
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
