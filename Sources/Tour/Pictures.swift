import Epsilon

// The tour's pictures: where a curve says more than a number. The
// computations are here; `PictureFiles.swift` writes them to disk, and
// `main.swift` does so when the `pictures` section runs.

/// W1 of the benchmark workloads, written once for every number type:
/// ```
/// f(x) = sin(x)²/cos(x)² + 2x + √(x³) + 1/(1 + e⁻ˣ) + log1p(x·x)
/// ```
func w1<T: ADReal>(_ x: T) -> T {
  let s = T.sin(x)
  let c = T.cos(x)
  let sigmoid = 1 / (1 + T.exp(-x))
  return s * s / (c * c) + 2 * x + T.sqrt(x * x * x) + sigmoid + T.log1p(x * x)
}

/// One SVG file the tour writes: its name and what it draws.
public struct Picture: Sendable {
  /// The file name, without a directory: `w1-derivatives.svg`.
  public var fileName: String
  /// The plot.
  public var plot: Plot
}

/// The settings of the pictures' runs, shared with the tests that recompute
/// them.
enum PictureSettings {
  /// W1's interval and number of evenly spaced points, as WORKLOADS.md's
  /// W1 (which uses 1000 points; 200 draw the same curve).
  static let w1Range = (low: 0.1, high: 1.4, count: 200)
  /// The regression's epochs, as in the tutorial.
  static let epochs = 1000
  /// Rosenbrock's start, the classic (−1.2, 1).
  static let start = [-1.2, 1.0]
  /// Each run stops at ‖∇f‖ ≤ 10⁻⁶, as the `newton` section's, or after
  /// 20 000 iterations: plain gradient descent needs thousands.
  static let rule = StoppingRule(maxIterations: 20_000, gradientTolerance: 1e-6)
  /// SGD's rate, as the `newton` section's; Adam's, larger since Adam's
  /// steps are about η long whatever the gradient.
  static let sgdRate = 1e-3
  static let adamRate = 1e-2
  /// The most points a loss curve draws: longer histories are thinned.
  static let maxPoints = 1001
}

/// W1's abscissae, and f, f′ (by `Dual`) and f″ (by `HyperDual`) at them.
func w1Samples() -> (x: [Double], f: [Double], df: [Double], d2f: [Double]) {
  let (low, high, count) = PictureSettings.w1Range
  // Weighted so that both ends are exact: 1.4, not 1.4000000000000001.
  let xs = (0..<count).map { i in
    (low * Double(count - 1 - i) + high * Double(i)) / Double(count - 1)
  }
  return (
    xs, xs.map { w1($0) }, xs.map { derivative(at: $0) { w1($0) } },
    xs.map { secondDerivative(at: $0) { w1($0) } }
  )
}

/// The tutorial's regression (as `regression(_:)`, by
/// `minimize(_:over:until:)`), keeping the loss of every epoch.
func regressionRun() throws -> OptimizationResult<Double> {
  let x = [0, 0.25, 0.5, 0.75, 1.0]  // 2013…2017, min-max normalised
  let y = [0, 2000, 3000, 4500, 5500].map { $0 / 5500.0 }  // prices, too
  var sgd = try SGD<Double>(learningRate: 1e-3)
  var variables = [0.0, 0.0]  // w, b
  return try sgd.minimize(
    { v in
      var loss: Dual<SIMD8<Double>> = 0
      for i in x.indices {
        let residual = v[0] * Dual(x[i]) + v[1] - Dual(y[i])
        loss += residual * residual
      }
      return loss
    }, over: &variables, until: .iterations(PictureSettings.epochs))
}

/// Rosenbrock from (−1.2, 1) by each optimizer, in the legend's order.
func rosenbrockRuns() throws
  -> [(name: String, result: OptimizationResult<Double>)]
{
  let rule = PictureSettings.rule
  var x = PictureSettings.start
  let newton = try Newton<Double>().minimize(Rosenbrock(), over: &x, until: rule)
  x = PictureSettings.start
  let lbfgs = try LBFGS<Double>().minimize(Rosenbrock(), over: &x, until: rule)
  x = PictureSettings.start
  var adam = try Adam<Double>(learningRate: PictureSettings.adamRate)
  let adamResult = try adam.minimize(Rosenbrock(), over: &x, until: rule)
  x = PictureSettings.start
  var sgd = try SGD<Double>(learningRate: PictureSettings.sgdRate)
  let sgdResult = try sgd.minimize(Rosenbrock(), over: &x, until: rule)
  return [
    ("Newton", newton), ("L-BFGS", lbfgs),
    ("Adam (η = \(PictureSettings.adamRate))", adamResult),
    ("SGD (η = \(PictureSettings.sgdRate))", sgdResult),
  ]
}

/// A loss history as a series against the iteration number. Longer
/// histories than `PictureSettings.maxPoints` are thinned to about that
/// many points, spaced evenly on a log axis (the last always kept).
func lossSeries(_ name: String, _ history: [Double]) -> Plot.Series {
  let count = history.count
  var indices = Array(0..<count)
  if count > PictureSettings.maxPoints {
    let m = Double(PictureSettings.maxPoints)
    let kept = (0...PictureSettings.maxPoints).map { k in
      Int(Double.pow(Double(count - 1), Double(k) / m).rounded())
    }
    indices = [0] + Array(Set(kept)).sorted()
  }
  return Plot.Series(
    name, x: indices.map { Double($0) }, y: indices.map { history[$0] })
}

extension Tour {
  /// The tour's pictures, computed (nothing is written).
  ///
  /// - Returns: `w1-derivatives.svg`, `regression-loss.svg` and
  ///   `rosenbrock-loss.svg`.
  /// - Throws: An ``OptimizerError`` if a run fails.
  public static func pictures() throws -> [Picture] {
    let w = w1Samples()
    var derivatives = Plot(
      title: "W1: f, f′ (Dual) and f″ (HyperDual) on [0.1, 1.4]",
      xLabel: "x", yLabel: "value (log scale)", yScale: .log10)
    derivatives.series = [
      .init("f(x)", x: w.x, y: w.f), .init("f′(x)", x: w.x, y: w.df),
      .init("f″(x)", x: w.x, y: w.d2f),
    ]

    var regression = Plot(
      title: "Linear regression: loss Σ(w·x + b − y)² per epoch, SGD(1e-3)",
      xLabel: "epoch", yLabel: "loss (log scale)", yScale: .log10)
    regression.series = [lossSeries("loss", try regressionRun().lossHistory)]

    var rosenbrock = Plot(
      title: "Rosenbrock from (−1.2, 1): loss per iteration",
      xLabel: "iteration (log scale; the start, iteration 0, is off it)",
      yLabel: "loss (log scale)", xScale: .log10, yScale: .log10)
    rosenbrock.series = try rosenbrockRuns().map { name, result in
      let cap = result.stopReason == .iterationLimit ? " (the cap)" : ""
      return lossSeries(
        "\(name): \(result.iterations) steps\(cap)", result.lossHistory)
    }
    return [
      Picture(fileName: "w1-derivatives.svg", plot: derivatives),
      Picture(fileName: "regression-loss.svg", plot: regression),
      Picture(fileName: "rosenbrock-loss.svg", plot: rosenbrock),
    ]
  }

  /// The `pictures` section: checks on the numbers the pictures draw.
  /// Running it from `epsilon-tour` also writes the SVG files.
  static let picturesSections: [Section] = [
    Section(
      id: "pictures", title: "Pictures: derivatives and loss curves as SVG",
      source: "beyond the tutorials: W1 with f′ and f″; the regression's "
        + "and Rosenbrock's loss per step (written unless --no-pictures)",
      reference: "hand-written or exact value",
      code: """
        func w1<T: ADReal>(_ x: T) -> T {
          let s = sin(x), c = cos(x), sigmoid = 1 / (1 + exp(-x))
          return s * s / (c * c) + 2 * x + sqrt(x * x * x) + sigmoid
            + log1p(x * x)
        }
        derivative(at: x) { w1($0) }          // f′, one Dual pass
        secondDerivative(at: x) { w1($0) }    // f″, one HyperDual pass
        result.lossHistory                    // every optimizer's losses
        """
    ) {
      let points = [0.1, 0.75, 1.4]
      let runs = try rosenbrockRuns()
      let regression = try regressionRun()
      let counts = runs.map { "\($0.name) \($0.result.iterations)" }
      // Central differences with h = 10⁻⁶ err by about h²·f‴/6 ≈ 10⁻⁸
      // (f‴ ≈ 10⁵ at 1.4) plus 10⁻¹⁶·f/h: 10⁻⁷ relative covers both.
      // f″ by HyperDual and by nested Duals differ only in rounding.
      return [
        Check(
          "w1-derivatives.svg: f′(0.1, 0.75, 1.4) by Dual (vs central "
            + "differences) ≈",
          points.map { derivative(at: $0) { w1($0) } },
          tutorial: points.map { x in
            approximateDerivative(of: { w1($0) }, at: x, epsilon: 1e-6)
          }, tolerance: 1e-7),
        Check(
          "w1-derivatives.svg: f″(0.1, 0.75, 1.4) by HyperDual (vs nested "
            + "Dual) ≈",
          points.map { secondDerivative(at: $0) { w1($0) } },
          tutorial: points.map { x in
            derivative(at: x) { derivative(at: $0) { w1($0) } }
          }, tolerance: 1e-12),
        // As the `regression` section: the tutorial's float32 precision.
        Check(
          "regression-loss.svg: (w, b) after \(regression.iterations) "
            + "epochs ≈",
          regression.parameters, tutorial: [0.7083977, 0.20608652],
          tolerance: 1e-6),
        // As the `newton` section: ‖∇f‖ ≤ 10⁻⁶ puts x within 10⁻⁵.
        Check(
          "rosenbrock-loss.svg: steps \(counts.joined(separator: ", ")); "
            + "Newton's and L-BFGS's x (vs the exact minimum) =",
          runs[0].result.parameters + runs[1].result.parameters,
          tutorial: [1, 1, 1, 1], tolerance: 1e-5),
      ]
    }
  ]
}
