// A tiny SVG 1.1 line-plot writer: enough for the tour's pictures, no
// dependency. Each curve is one `<polyline>` that also carries the data it
// draws, as `data-name`, `data-x` and `data-y` attributes (numbers in
// Swift's round-trip `description`, space-separated), so that a test can
// read the numbers back and compare them with the computation.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A line plot of named series, rendered as SVG text.
///
/// ```swift
/// var plot = Plot(title: "x²", xLabel: "x", yLabel: "y")
/// plot.series.append(.init("x²", x: [0, 1, 2], y: [0, 1, 4]))
/// let text = plot.svg()   // "<?xml version=\"1.0\" ...</svg>\n"
/// ```
public struct Plot: Sendable {
  /// How values map to the vertical axis.
  public enum Scale: Sendable {
    /// Evenly spaced values.
    case linear
    /// Evenly spaced powers of ten; values ≤ 0 or not finite are left out.
    case log10
  }

  /// One curve: a name for the legend and its points, in drawing order.
  public struct Series: Sendable {
    /// The name shown in the legend.
    public var name: String
    /// The points' abscissae.
    public var x: [Double]
    /// The points' ordinates; as many as `x`.
    public var y: [Double]

    /// A series; extra values in the longer of `x` and `y` are ignored.
    public init(_ name: String, x: [Double], y: [Double]) {
      self.name = name
      self.x = x
      self.y = y
    }
  }

  /// The heading above the plot.
  public var title: String
  /// The horizontal axis' label.
  public var xLabel: String
  /// The vertical axis' label.
  public var yLabel: String
  /// The horizontal scale.
  public var xScale: Scale
  /// The vertical scale.
  public var yScale: Scale
  /// The curves, each in its own colour.
  public var series: [Series] = []

  /// An empty plot.
  public init(
    title: String, xLabel: String, yLabel: String,
    xScale: Scale = .linear, yScale: Scale = .linear
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xScale = xScale
    self.yScale = yScale
  }

  /// The points of `series` that the scales can show, as given.
  func visible(_ series: Series) -> [(x: Double, y: Double)] {
    zip(series.x, series.y).filter { x, y in
      x.isFinite && y.isFinite && (xScale == .linear || x > 0)
        && (yScale == .linear || y > 0)
    }.map { (x: $0, y: $1) }
  }

  /// The plot as a standalone SVG 1.1 document.
  ///
  /// - Complexity: O(total number of points).
  public func svg() -> String {
    let (width, height) = (640.0, 400.0)
    let (left, right, top, bottom) = (72.0, 620.0, 40.0, 344.0)
    let points = series.map(visible)
    let all = points.joined()
    // Positions are computed on log10 of the value for a log scale.
    func onScale(_ value: Double, _ scale: Scale) -> Double {
      scale == .log10 ? log10(value) : value
    }
    let xAxis = Axis(all.map { onScale($0.x, xScale) }, xScale == .log10)
    let yAxis = Axis(all.map { onScale($0.y, yScale) }, yScale == .log10)
    func px(_ x: Double) -> Double {
      left + xAxis.fraction(onScale(x, xScale)) * (right - left)
    }
    func py(_ y: Double) -> Double {
      bottom - yAxis.fraction(onScale(y, yScale)) * (bottom - top)
    }

    var s = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \
      width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" \
      font-family="sans-serif" font-size="12">
      <title>\(escaped(title))</title>
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(width / 2)" y="24" text-anchor="middle" font-size="15">\
      \(escaped(title))</text>
      <text x="\((left + right) / 2)" y="\(height - 14)" \
      text-anchor="middle">\(escaped(xLabel))</text>
      <text transform="translate(18 \((top + bottom) / 2)) rotate(-90)" \
      text-anchor="middle">\(escaped(yLabel))</text>
      <g stroke="black" fill="none">
      <rect x="\(left)" y="\(top)" width="\(right - left)" \
      height="\(bottom - top)"/>

      """
    // Ticks are positions on the axis' own (maybe logarithmic) line.
    let xTicks = xAxis.ticks.map { left + xAxis.fraction($0) * (right - left) }
    let yTicks = yAxis.ticks.map { bottom - yAxis.fraction($0) * (bottom - top) }
    for x in xTicks { s += line(x, bottom, x, bottom + 5) }
    for y in yTicks { s += line(left - 5, y, left, y) }
    s += "</g>\n<g text-anchor=\"middle\">\n"
    for (x, tick) in zip(xTicks, xAxis.ticks) {
      s += text(x, bottom + 18, xAxis.label(tick))
    }
    s += "</g>\n<g text-anchor=\"end\">\n"
    for (y, tick) in zip(yTicks, yAxis.ticks) {
      s += text(left - 8, y + 4, yAxis.label(tick))
    }
    s += "</g>\n"
    for (index, (curve, shown)) in zip(series, points).enumerated() {
      let xs = shown.map { "\($0.x)" }.joined(separator: " ")
      let ys = shown.map { "\($0.y)" }.joined(separator: " ")
      let pixels = shown.map { "\(rounded(px($0.x))),\(rounded(py($0.y)))" }
      s +=
        "<polyline fill=\"none\" stroke=\"\(Plot.colour(index))\" "
        + "stroke-width=\"1.5\" data-name=\"\(escaped(curve.name))\" "
        + "data-x=\"\(xs)\" data-y=\"\(ys)\" "
        + "points=\"\(pixels.joined(separator: " "))\"/>\n"
    }
    // The legend, in the frame's corner that hides the fewest points, on
    // a box; 6.7 px is about the widest average character at 12 px.
    let longest = series.map(\.name.count).max() ?? 0
    let (boxWidth, boxHeight) = (
      38 + 6.7 * Double(longest),
      18 * Double(series.count) + 6
    )
    let corners = [
      (right - 6 - boxWidth, top + 6), (left + 6, bottom - 6 - boxHeight),
      (left + 6, top + 6), (right - 6 - boxWidth, bottom - 6 - boxHeight),
    ]
    let pixels = all.map { (px($0.x), py($0.y)) }
    let (legendLeft, legendTop) =
      corners.min { a, b in
        func hidden(_ c: (Double, Double)) -> Int {
          pixels.filter { x, y in
            (c.0...(c.0 + boxWidth)).contains(x)
              && (c.1...(c.1 + boxHeight)).contains(y)
          }.count
        }
        return hidden(a) < hidden(b)
      } ?? corners[0]
    s +=
      "<rect x=\"\(rounded(legendLeft))\" y=\"\(rounded(legendTop))\" "
      + "width=\"\(rounded(boxWidth))\" height=\"\(boxHeight)\" "
      + "fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbbbbb\"/>\n"
    for (index, curve) in series.enumerated() {
      let rowY = legendTop + 16 + 18 * Double(index)
      s +=
        "<line x1=\"\(rounded(legendLeft + 6))\" y1=\"\(rounded(rowY - 4))\" "
        + "x2=\"\(rounded(legendLeft + 30))\" y2=\"\(rounded(rowY - 4))\" "
        + "stroke=\"\(Plot.colour(index))\" stroke-width=\"3\"/>\n"
      s += text(legendLeft + 36, rowY, curve.name)
    }
    return s + "</svg>\n"
  }

  /// The colour of series number `index`.
  static func colour(_ index: Int) -> String {
    palette[index % palette.count]
  }

  /// Distinct colours (Okabe & Ito 2008, safe for colour-blind readers).
  static let palette = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
    "#000000",
  ]
}

/// Where an axis' ticks go and how they are labelled. Values arrive
/// already as log10 when `logarithmic`, so ticks are whole exponents.
struct Axis {
  var low: Double
  var high: Double
  var ticks: [Double]
  let logarithmic: Bool

  init(_ values: [Double], _ logarithmic: Bool) {
    self.logarithmic = logarithmic
    var (low, high) = (values.min() ?? 0, values.max() ?? 1)
    if high - low < 1e-12 * Swift.max(Swift.abs(low), 1) {
      (low, high) = (low - 1, high + 1)
    }
    // About five ticks, a step of 1, 2 or 5 times a power of ten (whole
    // decades on a log axis); the range widens to whole steps.
    let rough = (high - low) / 5
    let power = pow(10, Swift.max(floor(log10(rough)), logarithmic ? 0 : -300))
    let step =
      [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
    let (first, last) = (floor(low / step), ceil(high / step))
    (self.low, self.high) = (first * step, last * step)
    // Each tick from its own multiple, so no error accumulates.
    ticks = (0...Int(last - first)).map { (first + Double($0)) * step }
  }

  /// Where `value` sits between `low` (0) and `high` (1).
  func fraction(_ value: Double) -> Double { (value - low) / (high - low) }

  /// A tick's label: `1`, `10`, `100`, `1000` or `1e-5` on a log axis,
  /// else at most 6 decimals.
  func label(_ tick: Double) -> String {
    if logarithmic {
      let power = Int(tick.rounded())
      return (0...3).contains(power)
        ? "1" + String(repeating: "0", count: power) : "1e\(power)"
    }
    let text = "\(((tick * 1e6).rounded() / 1e6))"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}

/// `value` with two decimals, for a pixel coordinate.
func rounded(_ value: Double) -> String { "\((value * 100).rounded() / 100)" }

/// A horizontal or vertical stroke.
func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
  "<line x1=\"\(rounded(x1))\" y1=\"\(rounded(y1))\" x2=\"\(rounded(x2))\" "
    + "y2=\"\(rounded(y2))\"/>\n"
}

/// A `<text>` element; the string is escaped.
func text(_ x: Double, _ y: Double, _ string: String) -> String {
  "<text x=\"\(rounded(x))\" y=\"\(rounded(y))\">\(escaped(string))</text>\n"
}

/// `string` with XML's five special characters escaped, fit for text and
/// attribute values.
func escaped(_ string: String) -> String {
  var result = ""
  for character in string {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&apos;"
    default: result.append(character)
    }
  }
  return result
}
