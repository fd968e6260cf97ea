import Epsilon

// Beyond the tutorials: Newton's method on large sparse problems, with the
// Hessian from a reused `SparseHessianPlan` and each Newton step solved by
// conjugate gradients on the sparse matrix, and the detected patterns drawn
// as SVG "spy" pictures.

/// The extended Rosenbrock function of Moré, Garbow and Hillstrom (1981,
/// problem 21): N/2 independent Rosenbrock pairs,
/// Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², minimum 0 at every xᵢ = 1. Its Hessian
/// is block diagonal (2 × 2 blocks).
///
/// (The benchmarks' chained form, whose terms overlap, has a tridiagonal
/// Hessian, but Newton's method needs thousands of steps on it at N = 10⁴:
/// the minimiser's ones travel along the chain a few indices per step.)
struct ExtendedRosenbrock: ADFunction {
  func callAsFunction<T: ADReal>(_ x: [T]) -> T {
    var sum: T = 0
    for i in stride(from: 0, to: x.count - 1, by: 2) {
      let a = x[i + 1] - x[i] * x[i]
      let b = 1 - x[i]
      sum += 100 * a * a + b * b
    }
    return sum
  }
}

/// The 2-D Bratu problem (MINPACK-2) on a k × k grid with zero boundary, as
/// a minimisation: E(u) = ½ Σ over grid edges (uₐ − u_b)² − h²λ Σ e^uₚ.
/// Its gradient is the 5-point residual 4uₚ − Σ neighbours − h²λe^uₚ, its
/// Hessian the 5-point Laplacian minus h²λ·diag(e^u).
struct BratuEnergy: ADFunction {
  var k: Int
  var lambda: Double

  func callAsFunction<T: ADReal>(_ u: [T]) -> T {
    let h = 1 / Double(k + 1)
    let source = T(h * h * lambda)
    var edges: T = 0
    var exponentials: T = 0
    for row in 0..<k {
      for col in 0..<k {
        let p = row * k + col
        // The edges to the right and below, and to the boundary on the
        // left and top (each edge once).
        let right: T = col + 1 < k ? u[p + 1] : 0
        let below: T = row + 1 < k ? u[p + k] : 0
        let a = u[p] - right
        let b = u[p] - below
        edges += a * a + b * b
        if col == 0 { edges += u[p] * u[p] }
        if row == 0 { edges += u[p] * u[p] }
        exponentials += T.exp(u[p])
      }
    }
    return edges / 2 - source * exponentials
  }
}

/// The 5-point residual of the same problem, 4uₚ − Σ neighbours − h²λe^uₚ:
/// the energy's gradient, written directly, for a check by the sparse
/// Jacobian.
struct BratuGradient: ADVectorFunction {
  var k: Int
  var lambda: Double

  func callAsFunction<T: ADReal>(_ u: [T]) -> [T] {
    let h = 1 / Double(k + 1)
    let source = T(h * h * lambda)
    return (0..<(k * k)).map { p in
      let (row, col) = (p / k, p % k)
      var s = 4 * u[p]
      if row > 0 { s -= u[p - k] }
      if row + 1 < k { s -= u[p + k] }
      if col > 0 { s -= u[p - 1] }
      if col + 1 < k { s -= u[p + 1] }
      return s - source * T.exp(u[p])
    }
  }
}

/// Solves (A + μI)·s = b by conjugate gradients for a sparse symmetric A,
/// from s = 0, to a residual ≤ tolerance·‖b‖.
///
/// - Returns: The solution and the iterations taken, or `nil` at a
///   direction of non-positive curvature (A + μI not positive definite).
func conjugateGradients(
  _ a: SparseMatrix<Double>, shift mu: Double = 0, _ b: [Double], tolerance: Double,
  maxIterations: Int
) throws -> (solution: [Double], iterations: Int)? {
  let n = b.count
  var s = [Double](repeating: 0, count: n)
  var r = b
  var p = r
  var ap = [Double](repeating: 0, count: n)
  var rr = r.reduce(0) { $0 + $1 * $1 }
  let goal = tolerance * tolerance * rr
  for iteration in 0..<maxIterations {
    if rr <= goal { return (s, iteration) }
    try a.multiply(p, into: &ap)
    for i in 0..<n { ap[i] += mu * p[i] }
    let curvature = zip(p, ap).reduce(0) { $0 + $1.0 * $1.1 }
    if curvature <= 0 { return nil }
    let alpha = rr / curvature
    for i in 0..<n {
      s[i] += alpha * p[i]
      r[i] -= alpha * ap[i]
    }
    let next = r.reduce(0) { $0 + $1 * $1 }
    let beta = next / rr
    rr = next
    for i in 0..<n { p[i] = r[i] + beta * p[i] }
  }
  return (s, maxIterations)
}

/// Newton's method with a sparse Hessian: each step solves (H + μI)·s = −∇f
/// by conjugate gradients, with the smallest shift μ ≥ 0 tried (0, then
/// growing tenfold from 10⁻³·max|Hᵢⱼ|) that keeps the system positive
/// definite, then backtracks until f decreases enough (Armijo).
///
/// - Returns: The minimiser, the number of Newton steps, the total of
///   conjugate-gradient iterations, and the final gradient's norm.
func sparseNewton<F: ADFunction>(
  _ f: F, from start: [Double], gradientTolerance: Double, maxSteps: Int = 200
) throws -> (x: [Double], steps: Int, cgIterations: Int, gradientNorm: Double) {
  let plan = try SparseHessianPlan(of: f, at: start)
  var x = start
  var h = SparseMatrix<Double>(pattern: plan.pattern)
  var g = [Double](repeating: 0, count: x.count)
  var cgTotal = 0
  var norm = Double.infinity
  for step in 0..<maxSteps {
    let value = try plan.valueGradientHessian(at: x, gradient: &g, hessian: &h)
    norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if norm <= gradientTolerance { return (x, step, cgTotal, norm) }
    // Solve (H + μI)·s = −g, to a forcing tolerance that tightens as
    // ∇f → 0.
    let minusG = g.map { -$0 }
    let scale = h.values.reduce(0) { Swift.max($0, Swift.abs($1)) }
    var mu = 0.0
    var direction: [Double] = minusG
    while true {
      let solved = try conjugateGradients(
        h, shift: mu, minusG, tolerance: Swift.min(0.5, norm.squareRoot()),
        maxIterations: 10 * x.count)
      if let (s, iterations) = solved {
        cgTotal += iterations
        direction = s
        break
      }
      if mu > 1e12 * Swift.max(scale, 1) { break }  // steepest descent
      mu = mu == 0 ? 1e-3 * Swift.max(scale, 1) : 10 * mu
    }
    let slope = zip(g, direction).reduce(0) { $0 + $1.0 * $1.1 }
    var t = 1.0
    var trial = x
    while t > 1e-12 {
      for i in x.indices { trial[i] = x[i] + t * direction[i] }
      if f(trial) <= value + 1e-4 * t * slope { break }
      t /= 2
    }
    x = trial
  }
  return (x, maxSteps, cgTotal, norm)
}

// MARK: - The pattern as a picture

/// A sparsity pattern drawn as an SVG "spy" picture: one dark square per
/// entry that may be nonzero, row 0 at the top.
///
/// Each square is a `<rect>` with `data-row` and `data-column` attributes,
/// so that a test can read the pattern back.
public struct SpyPlot: Sendable {
  /// The heading above the picture.
  public var title: String
  /// The pattern drawn.
  public var pattern: SparsityPattern

  /// The picture as SVG text.
  public func svg() -> String {
    let side = 480.0
    let (left, top) = (40.0, 40.0)
    let cell = side / Double(Swift.max(pattern.rowCount, pattern.columnCount, 1))
    var s = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \
      width="\(Int(side + 2 * left))" height="\(Int(side + top + left))" \
      viewBox="0 0 \(Int(side + 2 * left)) \(Int(side + top + left))" \
      font-family="sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(left + side / 2)" y="24" text-anchor="middle" font-size="15">\
      \(escaped(title))</text>
      <rect x="\(left)" y="\(top)" width="\(side)" height="\(side)" fill="none" \
      stroke="black"/>

      """
    for j in 0..<pattern.columnCount {
      for i in pattern.rows(inColumn: j) {
        s +=
          "<rect x=\"\(rounded(left + Double(j) * cell))\" "
          + "y=\"\(rounded(top + Double(i) * cell))\" width=\"\(rounded(cell))\" "
          + "height=\"\(rounded(cell))\" fill=\"#1f4e79\" data-row=\"\(i)\" "
          + "data-column=\"\(j)\"/>\n"
      }
    }
    return s + "</svg>\n"
  }
}

/// The settings of the sparse section, shared with its tests.
enum SparseSettings {
  /// Extended Rosenbrock's size, and its standard start: (−1.2, 1)
  /// repeated.
  static let rosenbrockCount = 10_000
  static var rosenbrockStart: [Double] {
    (0..<rosenbrockCount).map { $0 % 2 == 0 ? -1.2 : 1 }
  }
  /// Bratu's grid side and λ (below the fold at λ ≈ 6.81).
  static let grid = 100
  static let lambda = 6.0
  /// The pictures' sizes: small enough to see each entry.
  static let pictureRosenbrockCount = 30
  static let pictureGrid = 6
}

extension Tour {
  /// The sparsity patterns of the `sparse` section's two problems as spy
  /// pictures (at sizes small enough to see each entry): `rosenbrock-hessian-pattern.svg`
  /// and `bratu-hessian-pattern.svg`.
  ///
  /// - Throws: An ``EpsilonError`` if detection fails.
  public static func sparsityPictures() throws -> [(fileName: String, svg: String)] {
    let n = SparseSettings.pictureRosenbrockCount
    let rosenbrock = try hessianSparsity(
      of: ExtendedRosenbrock(), at: [Double](repeating: 0, count: n))
    let k = SparseSettings.pictureGrid
    let bratu = try hessianSparsity(
      of: BratuEnergy(k: k, lambda: SparseSettings.lambda),
      at: [Double](repeating: 0, count: k * k))
    return [
      (
        "rosenbrock-hessian-pattern.svg",
        SpyPlot(
          title: "Extended Rosenbrock, N = \(n): Hessian pattern (2 × 2 blocks)",
          pattern: rosenbrock
        ).svg()
      ),
      (
        "bratu-hessian-pattern.svg",
        SpyPlot(
          title: "Bratu on a \(k) × \(k) grid: Hessian pattern (5-point stencil)",
          pattern: bratu
        ).svg()
      ),
    ]
  }

  /// The `sparse` section: Newton with sparse Hessians on two large
  /// problems.
  static let sparseSections: [Section] = [
    Section(
      id: "sparse",
      title: "Newton with sparse Hessians: extended Rosenbrock (N = 10⁴), Bratu (100 × 100)",
      source: "beyond the tutorials: Newton's method on sparse Hessians "
        + "(the patterns are written as SVG unless --no-pictures)",
      reference: "exact minimum or an independent computation",
      code: """
        let plan = try SparseHessianPlan(of: ExtendedRosenbrock(), at: x)
        plan.coloring.colorCount                 // 2, whatever N
        var h = SparseMatrix<Double>(pattern: plan.pattern)
        let f = try plan.valueGradientHessian(at: x, gradient: &g, hessian: &h)
        // Newton step: solve h·s = −g by conjugate gradients, backtrack.
        """
    ) {
      let n = SparseSettings.rosenbrockCount
      let rosenbrock = try sparseNewton(
        ExtendedRosenbrock(), from: SparseSettings.rosenbrockStart, gradientTolerance: 1e-8)
      let rosenbrockColors = try SparseHessianPlan(
        of: ExtendedRosenbrock(), at: SparseSettings.rosenbrockStart
      ).coloring.colorCount

      let k = SparseSettings.grid
      let energy = BratuEnergy(k: k, lambda: SparseSettings.lambda)
      let zero = [Double](repeating: 0, count: k * k)
      let bratu = try sparseNewton(energy, from: zero, gradientTolerance: 1e-10)
      let bratuPlan = try SparseHessianPlan(of: energy, at: zero)
      // An independent check of the solution: the 5-point residual,
      // written directly, is ∇E; Newton on it with its sparse Jacobian
      // (forward mode, a column colouring) must reach the same u.
      let residual = BratuGradient(k: k, lambda: SparseSettings.lambda)
      let jacobianPlan = try SparseJacobianPlan(of: residual, at: zero)
      var u = zero
      for _ in 0..<20 {
        let r = residual(u)
        if r.reduce(0, { Swift.max($0, Swift.abs($1)) }) <= 1e-14 { break }
        let j = try jacobianPlan.jacobian(at: u)
        guard
          let (s, _) = try conjugateGradients(
            j, r.map { -$0 }, tolerance: 1e-13, maxIterations: 10 * k * k)
        else { break }
        for p in u.indices { u[p] += s[p] }
      }
      let centre = (k / 2) * k + k / 2
      return [
        Check(
          "Rosenbrock N = \(n): \(rosenbrockColors) colours, \(rosenbrock.steps) Newton "
            + "steps (\(rosenbrock.cgIterations) CG iterations); x₀, x_N−1 =",
          [rosenbrock.x[0], rosenbrock.x[n - 1]], tutorial: [1, 1], tolerance: 1e-6),
        Check(
          "Bratu λ = 6 on \(k) × \(k): \(bratuPlan.coloring.colorCount) colours, "
            + "\(bratu.steps) Newton steps (\(bratu.cgIterations) CG iterations); "
            + "u at the centre and max u (vs Newton on the residual's sparse Jacobian, "
            + "\(jacobianPlan.coloring.colorCount) colours) =",
          [bratu.x[centre], bratu.x.max() ?? 0], tutorial: [u[centre], u.max() ?? 0],
          tolerance: 1e-8),
      ]
    }
  ]
}
