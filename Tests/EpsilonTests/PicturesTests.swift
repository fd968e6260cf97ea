import Epsilon
import Foundation
import Testing

@testable import Tour

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The tour's SVG pictures: well-formed XML, and the curves they carry are
/// the numbers recomputed here independently (analytic derivatives, a
/// hand-written regression loop, the optimizers run again).
@Suite struct PicturesTests {
  /// One curve as the SVG carries it (`data-x`, `data-y`).
  struct Curve: Sendable {
    var x: [Double]
    var y: [Double]
  }

  /// What a parsed SVG holds: its title and its curves by legend name.
  struct Parsed: Sendable {
    var title = ""
    var curves: [String: Curve] = [:]
  }

  /// An SVG that `XMLParser` rejected, or a curve it could not read.
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  /// Collects `<title>` text and each `<polyline>`'s data attributes.
  final class Reader: NSObject, XMLParserDelegate {
    var parsed = Parsed()
    var inTitle = false
    var badNumber: String?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String,
      namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      inTitle = elementName == "title"
      guard elementName == "polyline", let name = attributes["data-name"]
      else { return }
      func numbers(_ key: String) -> [Double] {
        let words = (attributes[key] ?? "").split(separator: " ")
        return words.map { word in
          guard let value = Double(word) else {
            badNumber = "\(key) of \(name): \(word)"
            return .nan
          }
          return value
        }
      }
      parsed.curves[name] = Curve(x: numbers("data-x"), y: numbers("data-y"))
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String,
      namespaceURI: String?, qualifiedName: String?
    ) {
      inTitle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inTitle { parsed.title += string }
    }
  }

  /// Parses SVG text, throwing unless it is well-formed XML with an
  /// `<svg>` root and readable numbers.
  static func parse(_ text: String) throws -> Parsed {
    let parser = XMLParser(data: Data(text.utf8))
    let reader = Reader()
    parser.delegate = reader
    guard parser.parse() else {
      throw Malformed(
        description: "not well-formed: \(String(describing: parser.parserError))")
    }
    guard text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") else {
      throw Malformed(description: "no SVG root element")
    }
    if let bad = reader.badNumber { throw Malformed(description: bad) }
    return reader.parsed
  }

  /// The tour's pictures, written by `Tour.write` into a fresh temporary
  /// directory (never the repository), read back, parsed; then deleted.
  static let written: Result<[String: Parsed], any Error> = Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("epsilon-pictures-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let paths = try Tour.write(Tour.pictures(), to: directory + "/nested")
    var files: [String: Parsed] = [:]
    for path in paths {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      files[(path as NSString).lastPathComponent] = try parse(text)
    }
    return files
  }

  /// `name`'s curve in `file`, or the test fails.
  static func curve(_ file: String, _ name: String) throws -> Curve {
    let parsed = try #require(try written.get()[file], "\(file) not written")
    return try #require(
      parsed.curves[name], "\(file) has no curve \(name): \(parsed.curves.keys)")
  }

  /// `a` and `b` agree to `tolerance`, relative.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(a), Swift.abs(b))
  }

  @Test func theTourWritesThreeWellFormedSVGFiles() throws {
    let files = try Self.written.get()
    #expect(
      Set(files.keys)
        == ["w1-derivatives.svg", "regression-loss.svg", "rosenbrock-loss.svg"])
    #expect(files["w1-derivatives.svg"]?.curves.count == 3)
    #expect(files["regression-loss.svg"]?.curves.count == 1)
    #expect(files["rosenbrock-loss.svg"]?.curves.count == 4)
  }

  // W1 = tan²x + 2x + x^(3/2) + σ(x) + log1p(x²), σ(x) = 1/(1 + e⁻ˣ),
  // differentiated by hand:
  //   f′ = 2 tan x sec²x + 2 + (3/2)√x + σ(1 − σ) + 2x/(1 + x²)
  //   f″ = 2 sec⁴x + 4 tan²x sec²x + (3/4)/√x + σ(1 − σ)(1 − 2σ)
  //        + 2(1 − x²)/(1 + x²)²
  static func analytic(_ x: Double) -> (f: Double, df: Double, d2f: Double) {
    let (t, sec2) = (tan(x), 1 / (cos(x) * cos(x)))
    let s = 1 / (1 + exp(-x))
    let q = 1 + x * x
    return (
      t * t + 2 * x + pow(x, 1.5) + s + log1p(x * x),
      2 * t * sec2 + 2 + 1.5 * x.squareRoot() + s * (1 - s) + 2 * x / q,
      2 * sec2 * sec2 + 4 * t * t * sec2 + 0.75 / x.squareRoot()
        + s * (1 - s) * (1 - 2 * s) + 2 * (1 - x * x) / (q * q)
    )
  }

  @Test func w1CurvesAreFAndItsAnalyticDerivatives() throws {
    // Both sides round differently (tan² vs sin²/cos², pow vs sqrt); near
    // x = 1.4, where cos x ≈ 0.17, a few ulps of cos become ~10⁻¹⁵ of
    // sec⁴: 10⁻¹² leaves a wide margin and still catches any wrong term.
    let tolerance = 1e-12
    let names = ["f(x)", "f′(x)", "f″(x)"]
    let curves = try names.map { try Self.curve("w1-derivatives.svg", $0) }
    for curve in curves {
      #expect(curve.x.count == 200 && curve.y.count == 200)
      #expect(curve.x.first == 0.1 && curve.x.last == 1.4)
    }
    for i in curves[0].x.indices {
      let x = curves[0].x[i]
      let (f, df, d2f) = Self.analytic(x)
      #expect(curves[1].x[i] == x && curves[2].x[i] == x)
      #expect(Self.close(curves[0].y[i], f, tolerance), "f(\(x))")
      #expect(Self.close(curves[1].y[i], df, tolerance), "f′(\(x))")
      #expect(Self.close(curves[2].y[i], d2f, tolerance), "f″(\(x))")
    }
  }

  @Test func regressionCurveIsTheLossOfEveryEpoch() throws {
    // The tutorial's regression by hand: Σ(w·x + b − y)², its gradient
    // (2Σr·x, 2Σr), 1000 SGD steps of 10⁻³; the loss before each step and
    // after the last.
    let x = [0, 0.25, 0.5, 0.75, 1]
    let y = [0, 2000, 3000, 4500, 5500].map { $0 / 5500.0 }
    var (w, b) = (0.0, 0.0)
    var history: [Double] = []
    for epoch in 0...1000 {
      let r = x.indices.map { w * x[$0] + b - y[$0] }
      history.append(r.reduce(0) { $0 + $1 * $1 })
      if epoch == 1000 { break }
      let gw = 2 * x.indices.reduce(0) { $0 + r[$1] * x[$1] }
      let gb = 2 * r.reduce(0, +)
      (w, b) = (w - 1e-3 * gw, b - 1e-3 * gb)
    }
    let curve = try Self.curve("regression-loss.svg", "loss")
    #expect(curve.x.first == 0 && curve.x.last == 1000)
    #expect(curve.x.count >= 100)
    for (epoch, loss) in zip(curve.x, curve.y) {
      // Dual arithmetic sums in another order than this loop: rounding
      // differences of a few ulps per epoch, nowhere near 10⁻¹⁰.
      #expect(Self.close(loss, history[Int(epoch)], 1e-10), "epoch \(epoch)")
    }
  }

  @Test func rosenbrockCurvesAreEachOptimizersLossHistory() throws {
    let rule = PictureSettings.rule
    let start = PictureSettings.start
    var x = start
    let newton = try Newton<Double>().minimize(Rosenbrock(), over: &x, until: rule)
    x = start
    let lbfgs = try LBFGS<Double>().minimize(Rosenbrock(), over: &x, until: rule)
    x = start
    var adam = try Adam<Double>(learningRate: PictureSettings.adamRate)
    let adamRun = try adam.minimize(Rosenbrock(), over: &x, until: rule)
    x = start
    var sgd = try SGD<Double>(learningRate: PictureSettings.sgdRate)
    let sgdRun = try sgd.minimize(Rosenbrock(), over: &x, until: rule)

    let parsed = try #require(try Self.written.get()["rosenbrock-loss.svg"])
    let runs = [
      ("Newton", newton), ("L-BFGS", lbfgs), ("Adam", adamRun), ("SGD", sgdRun),
    ]
    for (name, run) in runs {
      let key = try #require(
        parsed.curves.keys.first {
          $0.hasPrefix(name + ":") || $0.hasPrefix(name + " ")
        },
        "no curve for \(name) in \(parsed.curves.keys)")
      let curve = try #require(parsed.curves[key])
      #expect(key.contains("\(run.iterations) steps"), "\(key)")
      #expect(curve.x.last == Double(run.iterations), "\(name)")
      // The same deterministic computation: the same bits (printed and
      // read back by Swift's round-trip description).
      for (step, loss) in zip(curve.x, curve.y) {
        #expect(loss == run.lossHistory[Int(step)], "\(name), step \(step)")
      }
    }
    // What the picture shows: Newton in a handful of steps, SGD in
    // thousands.
    #expect(newton.iterations < 50 && sgdRun.iterations > 1000)
  }

  @Test func textIsEscapedAndMalformedXMLIsCaught() throws {
    var plot = Plot(title: "a < b & \"c\" 'd' > e", xLabel: "x<", yLabel: "&y")
    plot.series = [.init("x & y", x: [0, 1], y: [1, 2])]
    let parsed = try Self.parse(plot.svg())
    #expect(parsed.title == "a < b & \"c\" 'd' > e")
    #expect(parsed.curves["x & y"]?.y == [1, 2])
    // The check can fail: the same title unescaped is not XML.
    #expect(throws: Malformed.self) {
      try Self.parse("<svg><title>a < b & c</title></svg>")
    }
  }

  @Test func logScaleLeavesOutWhatItCannotDraw() throws {
    var plot = Plot(title: "t", xLabel: "x", yLabel: "y", yScale: .log10)
    plot.series = [
      .init("s", x: [0, 1, 2, 3, 4], y: [1, 0, -1, 1e-30, .nan])
    ]
    let curve = try #require(try Self.parse(plot.svg()).curves["s"])
    #expect(curve.x == [0, 3] && curve.y == [1, 1e-30])
    plot.xScale = .log10  // now x = 0 goes too
    let logLog = try #require(try Self.parse(plot.svg()).curves["s"])
    #expect(logLog.x == [3] && logLog.y == [1e-30])
  }

  @Test func aDirectoryThatCannotBeMadeIsAnErrorThatSaysWhatToDo() throws {
    // A path under a regular file cannot become a directory.
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("epsilon-pictures-\(UUID().uuidString)").path
    try "not a directory".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let error = #expect(throws: PictureWriteError.self) {
      try Tour.write([], to: file + "/pictures")
    }
    #expect(error?.description.contains("--pictures DIR") == true)
  }
}
