// Random programs for differential testing: seeded expression trees over a
// few variables, flattened into straight-line code (one instruction per
// node) so that one generic interpreter runs them on every number type and
// a failure prints as Swift source that compiles as a regression test.

import Epsilon

/// One-argument operations: every unary function `ADReal` offers.
enum FuzzUnary: String, CaseIterable, Sendable {
  case negate, exp, exp2, expm1, log, log2, log10, log1p, sqrt, cbrt
  case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh
  case atanh, erf, erfc, abs, floor, ceil, rounded, sign
}

/// Two-argument operations: the field operations, `pow` with both
/// arguments active, `atan2`, `hypot`, `min` and `max`.
enum FuzzBinary: String, CaseIterable, Sendable {
  case add, subtract, multiply, divide, pow, atan2, hypot, min, max
  case remainder, truncatingRemainder
}

/// One node of a program; arguments name earlier instructions.
enum FuzzInstruction: Equatable, Sendable {
  /// x[index].
  case input(Int)
  /// A literal, converted with `T(_: Double)`.
  case constant(Double)
  /// op(argument).
  case unary(FuzzUnary, Int)
  /// pow(argument, exponent) with an `Int` exponent.
  case powInt(Int, exponent: Int)
  /// op(lhs, rhs).
  case binary(FuzzBinary, Int, Int)
}

/// A straight-line program over `inputCount` variables; its result is the
/// last instruction.
struct FuzzProgram: Sendable, CustomStringConvertible {
  var inputCount: Int
  var instructions: [FuzzInstruction]
  /// The seed that generated it (printed with a failure).
  var seed: UInt64

  /// The program as a generic Swift function, ready to paste into a test.
  var description: String {
    var lines = ["func f<T: ADReal>(_ x: [T]) -> T {"]
    for (i, instruction) in instructions.enumerated() {
      lines.append("  let t\(i): T = \(Self.source(of: instruction))")
    }
    lines.append("  return t\(instructions.count - 1)")
    lines.append("}")
    return lines.joined(separator: "\n")
  }

  static func source(of instruction: FuzzInstruction) -> String {
    switch instruction {
    case .input(let k): return "x[\(k)]"
    case .constant(let c): return "T(\(c))"
    case .powInt(let a, let n): return "pow(t\(a), \(n))"
    case .unary(let op, let a):
      switch op {
      case .negate: return "-t\(a)"
      case .abs: return "abs(t\(a))"
      default: return "\(op.rawValue)(t\(a))"
      }
    case .binary(let op, let a, let b):
      switch op {
      case .add: return "t\(a) + t\(b)"
      case .subtract: return "t\(a) - t\(b)"
      case .multiply: return "t\(a) * t\(b)"
      case .divide: return "t\(a) / t\(b)"
      case .min: return "Swift.min(t\(a), t\(b))"
      case .max: return "Swift.max(t\(a), t\(b))"
      case .remainder: return "t\(a).remainder(dividingBy: t\(b))"
      case .truncatingRemainder: return "t\(a).truncatingRemainder(dividingBy: t\(b))"
      default: return "\(op.rawValue)(t\(a), t\(b))"
      }
    }
  }

  /// The number of operations (instructions that are not leaves).
  var operationCount: Int {
    instructions.reduce(0) { count, instruction in
      switch instruction {
      case .input, .constant: return count
      default: return count + 1
      }
    }
  }
}

extension FuzzProgram {
  /// The deepest a tree may be: the root is depth 0, leaves at most 8.
  static let maximumDepth = 8

  /// A random program over 1–6 variables, reproducible from `seed`.
  ///
  /// The root is an operation; a node at depth d ≥ 1 is a leaf with
  /// probability 0.25 + 0.1·d (always at the maximum depth), which keeps
  /// the average program short (about five instructions) while still
  /// reaching depth 8 now and then. Leaves are
  /// variables four times in five, else small dyadic constants (exact in
  /// Float and Double); inner nodes are unary three times in five.
  init(seed: UInt64) { self.init(seed: seed, edges: false) }

  /// The constants an edge program's leaves take: exponents 0, 1, 2, −1,
  /// ±0, one half and small integers, so that kinks and domain edges are
  /// hit exactly.
  static let edgeConstants: [Double] = [0, -0.0, 1, -1, 2, 0.5, 3, -2]

  /// The functions with a kink, a jump or a domain edge, which an edge
  /// program draws half the time.
  static let edgeUnaries: [FuzzUnary] = [
    .sqrt, .cbrt, .log, .log2, .log10, .log1p, .abs, .floor, .sign, .asin,
    .acos, .atanh, .acosh, .rounded, .ceil,
  ]

  /// A random program, reproducible from `seed`; with `edges`, its
  /// constants come from ``edgeConstants`` and half of its unary
  /// operations from ``edgeUnaries``, and a third of its binary ones are
  /// `pow`, `atan2` or `hypot`.
  init(seed: UInt64, edges: Bool) {
    var rng = SplitMix64(seed: seed)
    let n = Int.random(in: 1...6, using: &rng)
    var code: [FuzzInstruction] = []
    func node(_ depth: Int) -> Int {
      let leafChance = depth == 0 ? 0 : 0.25 + 0.1 * Double(depth)
      if depth >= Self.maximumDepth
        || Double.random(in: 0..<1, using: &rng) < leafChance
      {
        if Double.random(in: 0..<1, using: &rng) < 0.8 {
          code.append(.input(Int.random(in: 0..<n, using: &rng)))
        } else {
          let c =
            edges
            ? Self.edgeConstants.randomElement(using: &rng)!
            : (Double.random(in: -3...3, using: &rng) * 8).rounded() / 8
          code.append(.constant(c))
        }
        return code.count - 1
      }
      let pick = Double.random(in: 0..<1, using: &rng)
      if pick < 0.06 {
        let a = node(depth + 1)
        code.append(.powInt(a, exponent: Int.random(in: -3...4, using: &rng)))
      } else if pick < 0.6 {
        let op =
          edges && Bool.random(using: &rng)
          ? Self.edgeUnaries.randomElement(using: &rng)!
          : FuzzUnary.allCases.randomElement(using: &rng)!
        let a = node(depth + 1)
        code.append(.unary(op, a))
      } else {
        let op =
          edges && Double.random(in: 0..<1, using: &rng) < 1.0 / 3
          ? [.pow, .atan2, .hypot].randomElement(using: &rng)!
          : FuzzBinary.allCases.randomElement(using: &rng)!
        let a = node(depth + 1)
        let b = node(depth + 1)
        code.append(.binary(op, a, b))
      }
      return code.count - 1
    }
    _ = node(0)
    self.init(inputCount: n, instructions: code, seed: seed)
  }
}

/// A program as an ``ADFunction``, for the drivers that choose the number
/// type themselves (the Hessian strategies).
struct FuzzFunction: ADFunction {
  var program: FuzzProgram
  func callAsFunction<T: ADReal>(_ x: [T]) -> T { evaluate(program, x) }
}
