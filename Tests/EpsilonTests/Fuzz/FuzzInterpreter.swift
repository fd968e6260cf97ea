// The one generic interpreter every number type runs programs through, and
// the checks that run on its Double trace: domain edges and kinks, and
// the error scales the differential tolerances are built from.

import Epsilon

/// op(a) on any number type.
@inline(__always)
func apply<T: ADReal>(_ op: FuzzUnary, _ a: T) -> T {
  switch op {
  case .negate: return -a
  case .exp: return T.exp(a)
  case .exp2: return T.exp2(a)
  case .expm1: return T.expm1(a)
  case .log: return T.log(a)
  case .log2: return T.log2(a)
  case .log10: return T.log10(a)
  case .log1p: return T.log1p(a)
  case .sqrt: return T.sqrt(a)
  case .cbrt: return T.cbrt(a)
  case .sin: return T.sin(a)
  case .cos: return T.cos(a)
  case .tan: return T.tan(a)
  case .asin: return T.asin(a)
  case .acos: return T.acos(a)
  case .atan: return T.atan(a)
  case .sinh: return T.sinh(a)
  case .cosh: return T.cosh(a)
  case .tanh: return T.tanh(a)
  case .asinh: return T.asinh(a)
  case .acosh: return T.acosh(a)
  case .atanh: return T.atanh(a)
  case .erf: return T.erf(a)
  case .erfc: return T.erfc(a)
  case .abs: return abs(a)
  case .floor: return T.floor(a)
  case .ceil: return T.ceil(a)
  case .rounded: return T.rounded(a)
  case .sign: return T.sign(a)
  }
}

/// op(a, b) on any number type.
@inline(__always)
func apply<T: ADReal>(_ op: FuzzBinary, _ a: T, _ b: T) -> T {
  switch op {
  case .add: return a + b
  case .subtract: return a - b
  case .multiply: return a * b
  case .divide: return a / b
  case .pow: return T.pow(a, b)
  case .atan2: return T.atan2(a, b)
  case .hypot: return T.hypot(a, b)
  case .min: return Swift.min(a, b)
  case .max: return Swift.max(a, b)
  case .remainder: return a.remainder(dividingBy: b)
  case .truncatingRemainder: return a.truncatingRemainder(dividingBy: b)
  }
}

/// Every instruction's value, in order.
func evaluateAll<T: ADReal>(_ program: FuzzProgram, _ x: [T]) -> [T] {
  var r: [T] = []
  r.reserveCapacity(program.instructions.count)
  for instruction in program.instructions {
    switch instruction {
    case .input(let k): r.append(x[k])
    case .constant(let c): r.append(T(c))
    case .unary(let op, let a): r.append(apply(op, r[a]))
    case .powInt(let a, let n): r.append(T.pow(r[a], n))
    case .binary(let op, let a, let b): r.append(apply(op, r[a], r[b]))
    }
  }
  return r
}

/// The program's result on any number type: THE interpreter.
func evaluate<T: ADReal>(_ program: FuzzProgram, _ x: [T]) -> T {
  evaluateAll(program, x)[program.instructions.count - 1]
}

// MARK: - Domain and kinks, on the Double trace

/// How close (absolutely, or relatively for min/max) an argument may come
/// to a kink or domain edge: far enough that derivatives stay moderate
/// (1/δ = 1000 for 1/x, log, sqrt) and a difference step (≈ 6e-6·|x|)
/// stays on one side.
let fuzzKinkMargin = 1e-3

/// The largest intermediate magnitude accepted: beyond it, derivatives of
/// exp, pow and products overflow long before values do.
let fuzzMagnitudeLimit = 1e8

/// Which side of every kink, jump and pole each instruction is on: equal
/// signatures at two points mean the same smooth piece of the program.
func fuzzBranchSignature(_ program: FuzzProgram, _ r: [Double]) -> [Int] {
  var signature: [Int] = []
  for instruction in program.instructions {
    switch instruction {
    case .unary(.abs, let a), .unary(.sign, let a):
      signature.append(r[a] < 0 ? -1 : r[a] > 0 ? 1 : 0)
    case .unary(.floor, let a), .unary(.ceil, let a):
      signature.append(fuzzPiece(r[a] - 0.5))
    case .unary(.rounded, let a):
      signature.append(fuzzPiece(r[a]))
    case .binary(.min, let a, let b), .binary(.max, let a, let b):
      signature.append(r[a] < r[b] ? 0 : 1)
    case .binary(.atan2, let y, let x):
      signature.append(x < 0 ? (y < 0 ? -1 : 1) : 0)
    // The quotient: rounded to the nearest (jumps at halves) or truncated.
    case .binary(.remainder, let a, let b):
      signature.append(fuzzPiece(r[a] / r[b]))
    case .binary(.truncatingRemainder, let a, let b):
      signature.append(fuzzPiece(r[a] / r[b] - 0.5))
    // Poles: a stencil must not jump across one (tan's argument can move
    // by many periods when it is amplified, as in tan(sinh(x³))).
    case .unary(.tan, let a):
      signature.append(fuzzPiece(r[a] / Double.pi))
    case .binary(.divide, _, let b):
      signature.append(r[b] < 0 ? -1 : 1)
    case .powInt(let a, let n) where n < 0:
      signature.append(r[a] < 0 ? -1 : 1)
    default: break
    }
  }
  return signature
}

/// The nearest integer to `t`, without trapping on a stencil point's
/// non-finite or huge value (those get a piece of their own).
func fuzzPiece(_ t: Double) -> Int {
  guard t.isFinite, t.magnitude < 1e15 else { return Int.min }
  return Int(t.rounded())
}

/// Why a Double trace is unusable, or nil if every intermediate is finite,
/// moderate, and at least ``fuzzKinkMargin`` from every kink and domain
/// edge.
func fuzzRejection(_ program: FuzzProgram, _ r: [Double]) -> String? {
  let d = fuzzKinkMargin
  for (i, instruction) in program.instructions.enumerated() {
    guard r[i].isFinite, r[i].magnitude <= fuzzMagnitudeLimit else {
      return "t\(i) = \(r[i])"
    }
    let ok: Bool
    switch instruction {
    case .input, .constant: ok = true
    case .powInt(let a, let n): ok = n >= 0 || r[a].magnitude >= d
    case .unary(let op, let ai):
      let a = r[ai]
      switch op {
      case .log, .log2, .log10, .sqrt: ok = a >= d
      case .log1p: ok = a >= -1 + d
      case .cbrt, .abs, .sign: ok = a.magnitude >= d
      case .asin, .acos, .atanh: ok = a.magnitude <= 1 - d
      case .acosh: ok = a >= 1 + d
      case .tan: ok = Double.cos(a).magnitude >= d
      case .floor, .ceil: ok = (a - a.rounded()).magnitude >= d
      case .rounded:
        ok = (a - (a.rounded(.down) + 0.5)).magnitude >= d
      default: ok = true
      }
    case .binary(let op, let ai, let bi):
      let a = r[ai]
      let b = r[bi]
      switch op {
      case .divide: ok = b.magnitude >= d
      case .pow: ok = a >= d
      case .hypot: ok = Swift.max(a.magnitude, b.magnitude) >= d
      case .atan2:
        ok =
          Swift.max(a.magnitude, b.magnitude) >= d
          && (b > 0 || a.magnitude >= d)
      case .min, .max:
        ok =
          (a - b).magnitude
          >= d * Swift.max(1, a.magnitude, b.magnitude)
      case .remainder:
        let q = a / b
        ok = b.magnitude >= d && (q - (q.rounded(.down) + 0.5)).magnitude >= d
      case .truncatingRemainder:
        let q = a / b
        ok = b.magnitude >= d && (q - q.rounded()).magnitude >= d
      default: ok = true
      }
    }
    if !ok { return "t\(i) within \(d) of a kink or domain edge" }
  }
  return nil
}

// MARK: - Error scales

/// Forward error scales of one evaluation at a point, from the Double trace
/// and each operation's local partials (taken from a second-order dual
/// evaluation of that one operation on fresh seeds).
///
/// - `valueError`: E with |computed f − exact f| ≲ u·E, propagated as
///   E_r = |∂_a r|·E_a + |∂_b r|·E_b + 2|r| (one rounding of the operation
///   plus about one ulp of libm).
/// - `gradientScale[k]`: Σ over paths from x_k of |product of partials|,
///   the condition scale of ∂f/∂x_k: every mode's rounding error is a few
///   ulps of it times the program length, however the terms cancel.
/// - `hessianScale[k][l]`: the same for ∂²f/∂x_k∂x_l, propagated with
///   absolute first and second local partials (each second partial raised
///   to |∂r|/max(|arg|, 1), see below).
///
/// NaN `valueError` (so `isFinite` is false) when a local partial leaves
/// 1e±150: the point is then rejected.
struct FuzzScales {
  var valueError: Double
  var gradientScale: [Double]
  var hessianScale: [[Double]]
  var isFinite: Bool {
    valueError.isFinite && gradientScale.allSatisfy(\.isFinite)
      && hessianScale.allSatisfy { $0.allSatisfy(\.isFinite) }
  }
}

func fuzzScales(_ program: FuzzProgram, _ x: [Double]) -> FuzzScales {
  typealias S = SecondOrderDual<SIMD2<Double>>
  let n = program.inputCount
  var e: [Double] = []
  var g: [[Double]] = []
  var h: [[[Double]]] = []
  let zero = [Double](repeating: 0, count: n)
  let zeroH = [[Double]](repeating: zero, count: n)
  var values: [Double] = []
  var isModerate = true
  for instruction in program.instructions {
    // Local partials: (value, ∂a, ∂b, ∂aa, ∂ab, ∂bb), all magnitudes.
    var args: [Int] = []
    var local:
      (
        v: Double, a: Double, b: Double, aa: Double, ab: Double,
        bb: Double
      ) = (0, 0, 0, 0, 0, 0)
    switch instruction {
    case .input(let k):
      values.append(x[k])
      e.append(0)
      var gk = zero
      gk[k] = 1
      g.append(gk)
      h.append(zeroH)
      continue
    case .constant(let c):
      values.append(c)
      e.append(0)
      g.append(zero)
      h.append(zeroH)
      continue
    case .unary(let op, let a):
      args = [a]
      let y = apply(op, S(values[a], gradient: [1, 0]))
      local = (y.value, y.gradient[0], 0, y.hessian.partial(0), 0, 0)
    case .powInt(let a, let m):
      args = [a]
      let y = pow(S(values[a], gradient: [1, 0]), m)
      local = (y.value, y.gradient[0], 0, y.hessian.partial(0), 0, 0)
    case .binary(let op, let a, let b):
      args = [a, b]
      let y = apply(op, S(values[a], gradient: [1, 0]), S(values[b], gradient: [0, 1]))
      local = (
        y.value, y.gradient[0], y.gradient[1], y.hessian.partial(0),
        y.hessian.partial(1), y.hessian.partial(3)
      )
    }
    let a = args[0]
    let b = args.count > 1 ? args[1] : args[0]
    let pa = local.a.magnitude
    let pb = local.b.magnitude
    // A second partial computed by differentiating the first partial's
    // formula (nested duals, the tape over duals) cancels where the rule's
    // closed form does not (hypot's 1/h − y²/h³ = x²/h³): its rounding is
    // relative to the terms' size, about |∂r|/|arg|, not to the result.
    let ra = pa / Swift.max(values[a].magnitude, 1)
    let rb = pb / Swift.max(values[b].magnitude, 1)
    let paa = Swift.max(local.aa.magnitude, ra)
    let pab = Swift.max(
      local.ab.magnitude, args.count > 1 ? Swift.max(ra, rb) : 0)
    let pbb = Swift.max(local.bb.magnitude, rb)
    let useB = args.count > 1
    // A local partial beyond 1e±150 (tanh far out, where sech² ≈ 1e-200)
    // leaves too little exponent range for the formulas that differentiate
    // it again: outside the fuzz's domain (EdgeCaseTests own the tails).
    for p in [local.a, local.b, local.aa, local.ab, local.bb]
    where p != 0 && !(1e-150...1e150).contains(p.magnitude) {
      isModerate = false
    }
    values.append(local.v)
    e.append(pa * e[a] + (useB ? pb * e[b] : 0) + 2 * local.v.magnitude)
    var gr = zero
    var hr = zeroH
    for k in 0..<n {
      gr[k] = pa * g[a][k] + (useB ? pb * g[b][k] : 0)
      for l in 0..<n {
        var s = pa * h[a][k][l] + paa * g[a][k] * g[a][l]
        if useB {
          s +=
            pb * h[b][k][l] + pbb * g[b][k] * g[b][l]
            + pab * (g[a][k] * g[b][l] + g[b][k] * g[a][l])
        }
        hr[k][l] = s
      }
    }
    g.append(gr)
    h.append(hr)
  }
  if !isModerate {
    return FuzzScales(valueError: .nan, gradientScale: [], hessianScale: [])
  }
  return FuzzScales(
    valueError: e.last!, gradientScale: g.last!, hessianScale: h.last!)
}
