// The benchmark harness: registration, verification, timing, statistics,
// the black hole, and table/JSON output.
//
// How a figure is made (Google Benchmark's and package-benchmark's method,
// adapted to a shared, noisy machine):
// 1. Every registered case first checks its result against the hand-written
//    one; a case that fails prints an error instead of a figure, and the run
//    exits non-zero.
// 2. Each case is calibrated: the number of calls per batch doubles until one
//    batch takes at least `batchSeconds` (2 ms; 1–5 ms is long enough that the
//    clock's own cost, ~30 ns, is noise, and short enough for many batches).
// 3. Warm-up batches, then `rounds` timed batches. The cases of one group
//    (one workload at one size) are interleaved round by round, starting at a
//    different case each round, so a burst of load from another process
//    slows every case of the group alike and the ratios stay honest.
// 4. The figure is the median ns per call over the batches; min and the
//    interquartile range are shown beside it.
//
// Every result goes through `blackHole`, an opaque call the optimiser can
// neither remove nor see through, so no computation is optimised away.
// Inputs cycle through a small pool so no result can be hoisted out of the
// loop as a constant.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// MARK: - Black hole

// Stores go to globals in functions the optimiser may not inline: each call
// is a real side effect, so neither the call nor the computation of its
// argument can be removed, and the argument must be fully materialised.
// Unchecked: whether the optimiser proves these stores need no runtime
// exclusivity check depended on unrelated code elsewhere in the module,
// and the check (a runtime call) then cost more than a small kernel.
@exclusivity(unchecked) nonisolated(unsafe) var _blackHoleDouble = 0.0
@exclusivity(unchecked) nonisolated(unsafe) var _blackHoleInt = 0

/// Consumes a number so the computation producing it cannot be removed.
@inline(never)
func blackHole(_ x: Double) { _blackHoleDouble = x }

/// Consumes two numbers (a value and a derivative).
@inline(never)
func blackHole(_ x: Double, _ y: Double) {
  _blackHoleDouble = x
  _blackHoleDouble = y
}

/// Consumes an array: its storage escapes to an opaque call, so every
/// element must have been written.
@inline(never)
func blackHole(_ x: [Double]) {
  x.withUnsafeBufferPointer { p in
    _blackHoleInt = p.count
    if let last = p.last { _blackHoleDouble = last }
  }
}

/// Consumes a caller's buffer: its address escapes to an opaque call, so
/// every element must have been written.
@inline(never)
func blackHole(_ x: UnsafeMutableBufferPointer<Double>) {
  _blackHoleInt = Int(bitPattern: x.baseAddress)
  if let last = x.last { _blackHoleDouble = last }
}

// MARK: - Input pools

/// Calls `call` `count` times on the elements of `pool` in turn.
///
/// For pools of trivial values (W1's 1000 points). Inlined into each case's
/// body so `call` is specialised and inlined into the timed loop.
@inline(__always)
func cycle<Input: BitwiseCopyable>(
  _ pool: [Input], _ count: Int, _ call: (Input) -> Void
) {
  pool.withUnsafeBufferPointer { p in
    var i = 0
    for _ in 0..<count {
      call(p[i])
      i &+= 1
      if i == p.count { i = 0 }
    }
  }
}

/// Calls `call` `count` times (a multiple of 4) on four inputs in turn.
///
/// For pools of arrays (W2): the four are local constants, so passing one
/// costs no retain or release inside the timed loop, which reading an array
/// out of a buffer would (an atomic increment, as much as a small gradient).
@inline(__always)
func cycle4<Input>(_ pool: [Input], _ count: Int, _ call: (Input) -> Void) {
  let (a, b, c, d) = (pool[0], pool[1], pool[2], pool[3])
  for _ in 0..<(count / 4) {
    call(a)
    call(b)
    call(c)
    call(d)
  }
}

// MARK: - Registration

/// What a row is, which decides the ratios printed beside it.
enum Role {
  /// The plain function on `Double`: the cost of computing no derivative.
  case primal
  /// The hand-written derivative the workload is compared against.
  case handwritten
  /// An Epsilon variant: the best of these is compared to `_Differentiation`.
  case epsilon
  /// Swift's `_Differentiation`.
  case swiftDifferentiation
  /// Any further row (other hand-written forms, second derivatives...).
  case extra
}

/// One case: a workload, a variant and a size.
struct Benchmark {
  var workload: String
  var variant: String
  var n: Int
  var role: Role
  /// Returns nil when the case's result matches the hand-written one,
  /// otherwise what is wrong.
  var verify: () -> String?
  /// Runs `count` calls (a multiple of `granularity`).
  var body: (Int) -> Void
  /// Call counts are multiples of this (4 for `cycle4`, 1 for cases whose
  /// one call takes milliseconds).
  var granularity = 4
  /// At most this many timed batches (for cases of a second or so per call,
  /// where 41 batches would take minutes); nil: the harness's `rounds`.
  var maxRounds: Int? = nil
}

/// Lines printed after a group's table, computed from its measurements
/// (which strategy is fastest, iterations to converge, memory...).
struct Note {
  var workload: String
  var n: Int
  var lines: ([Measurement]) -> [String]
}

/// A ratio the project promises: `variant` / `baseline` ≤ `atMost`, or
/// `baseline` / `variant` ≥ `timesFaster` (variant is the faster one); with
/// neither, a like-with-like ratio printed for information.
struct Target {
  var workload: String
  var n: Int
  var variant: String
  var baseline: String
  var atMost: Double? = nil
  var timesFaster: Double? = nil
}

/// Result of timing one case.
struct Measurement {
  var benchmark: Benchmark
  var median: Double
  var minimum: Double
  var q1: Double
  var q3: Double
  var batches: Int
  var callsPerBatch: Int
}

/// Command-line options.
struct Options {
  var filter: String? = nil
  var json = false
  var quick = false
  /// When set, run each matching row (baselines not added) for exactly this
  /// many calls, untimed, and print nothing: for `perf stat` / callgrind,
  /// where the difference between two call counts is the cost of one call.
  var profileCalls: Int? = nil
}

/// Registers cases, then verifies, times and prints them.
///
/// A workload adds itself in its own file as
/// `extension Harness { mutating func addW1() }` and is listed once in
/// `main.swift`.
struct Harness {
  var options: Options
  private(set) var benchmarks: [Benchmark] = []
  private(set) var targets: [Target] = []
  private(set) var notes: [Note] = []

  init(options: Options) { self.options = options }

  /// Registers one case.
  mutating func add(
    _ workload: String, _ variant: String, n: Int, role: Role,
    granularity: Int = 4, maxRounds: Int? = nil,
    verify: @escaping () -> String?, body: @escaping (Int) -> Void
  ) {
    benchmarks.append(
      Benchmark(
        workload: workload, variant: variant, n: n, role: role,
        verify: verify, body: body, granularity: granularity,
        maxRounds: maxRounds))
  }

  /// Registers lines to print after the table of `workload` at `n`.
  mutating func addNote(
    _ workload: String, n: Int,
    _ lines: @escaping ([Measurement]) -> [String]
  ) {
    notes.append(Note(workload: workload, n: n, lines: lines))
  }

  /// Registers a target ratio, checked and printed after its group.
  mutating func addTarget(_ target: Target) { targets.append(target) }

  // MARK: Settings

  var batchSeconds: Double { options.quick ? 0.000_2 : 0.002 }
  var warmupSeconds: Double { options.quick ? 0.001 : 0.02 }
  var rounds: Int { options.quick ? 5 : 41 }

  // MARK: Running

  /// Runs every selected case; returns false if any case failed its check
  /// or nothing matched the filter.
  func run() -> Bool {
    if let calls = options.profileCalls {
      let selected = benchmarks.filter { b in
        options.filter.map { matchesFilter(b, $0) } ?? true
      }
      for b in selected {
        if let problem = b.verify() {
          printError("FAILED \(b.workload) \(b.variant) n=\(b.n): \(problem)")
          return false
        }
        b.body(calls / b.granularity * b.granularity)
      }
      return !selected.isEmpty
    }
    let groups = selectedGroups()
    if groups.isEmpty {
      printError("no benchmark matches --filter \(options.filter ?? "")")
      return false
    }
    var ok = true
    if !options.json {
      print(
        "Epsilon benchmarks: median of \(rounds) batches of ~"
          + "\(format(batchSeconds * 1000, 1)) ms each, ns per call;"
          + " ratios within one run.")
    }
    var lastWorkload = ""
    for group in groups {
      var passed: [Benchmark] = []
      for b in group {
        if let problem = b.verify() {
          printError(
            "FAILED \(b.workload) \(b.variant) n=\(b.n): \(problem);"
              + " no figure printed")
          ok = false
        } else {
          passed.append(b)
        }
      }
      let results = measure(passed)
      if options.json {
        for r in results { print(jsonLine(r)) }
      } else {
        if group[0].workload != lastWorkload {
          lastWorkload = group[0].workload
          print("")
        }
        printTable(results)
      }
    }
    return ok
  }

  /// The cases the filter selects, grouped by workload and size in
  /// registration order. A group keeps its primal and hand-written rows
  /// whenever any of its rows matches, so its ratios can be printed.
  func selectedGroups() -> [[Benchmark]] {
    var keys: [String] = []
    var groups: [String: [Benchmark]] = [:]
    for b in benchmarks {
      let key = "\(b.workload)/\(b.n)"
      if groups[key] == nil { keys.append(key) }
      groups[key, default: []].append(b)
    }
    return keys.compactMap { key in
      let all = groups[key]!
      guard let filter = options.filter else { return all }
      let matches = all.filter { matchesFilter($0, filter) }
      if matches.isEmpty { return nil }
      return all.filter {
        matchesFilter($0, filter) || $0.role == .primal
          || $0.role == .handwritten
      }
    }
  }

  func matchesFilter(_ b: Benchmark, _ filter: String) -> Bool {
    let f = filter.lowercased()
    return b.workload.lowercased().contains(f)
      || b.variant.lowercased().contains(f)
      || "\(b.workload)/\(b.variant)@\(b.n)".lowercased().contains(f)
  }

  /// Times the cases of one group, interleaved round by round.
  func measure(_ group: [Benchmark]) -> [Measurement] {
    if group.isEmpty { return [] }
    let counts = group.map { calibrate($0) }
    // Warm-up: caches, branch predictors, CPU frequency.
    for (b, count) in zip(group, counts) {
      var spent = 0.0
      while spent < warmupSeconds { spent += time(b, count) }
    }
    var samples = [[Double]](repeating: [], count: group.count)
    for round in 0..<rounds {
      for k in 0..<group.count {
        let j = (k + round) % group.count
        if let most = group[j].maxRounds, samples[j].count >= most { continue }
        let seconds = time(group[j], counts[j])
        samples[j].append(seconds * 1e9 / Double(counts[j]))
      }
    }
    return group.indices.map { j in
      let s = samples[j].sorted()
      return Measurement(
        benchmark: group[j], median: quantile(s, 0.5), minimum: s[0],
        q1: quantile(s, 0.25), q3: quantile(s, 0.75), batches: s.count,
        callsPerBatch: counts[j])
    }
  }

  /// Calls per batch (a multiple of the case's granularity) so a batch
  /// lasts `batchSeconds`.
  func calibrate(_ b: Benchmark) -> Int {
    let step = max(1, b.granularity)
    var count = step
    while true {
      let seconds = time(b, count)
      if seconds >= batchSeconds || count >= 1 << 40 { return count }
      // Grow at most 10× a step, so one slow first batch cannot overshoot.
      let scale = seconds > 0 ? min(10, 1.2 * batchSeconds / seconds) : 10
      count = max(count * 2, Int(Double(count) * scale))
      count = (count + step - 1) / step * step
    }
  }

  /// Seconds one batch of `count` calls takes, on the monotonic clock.
  func time(_ b: Benchmark, _ count: Int) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    b.body(count)
    let elapsed = start.duration(to: clock.now).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
  }

  // MARK: Output

  func printTable(_ results: [Measurement]) {
    guard let first = results.first else { return }
    let primal = results.first { $0.benchmark.role == .primal }?.median
    let hand = results.first { $0.benchmark.role == .handwritten }?.median
    // On a loaded machine the fastest batch is the least disturbed one:
    // the ratio of minima is a second, load-robust estimate.
    let handMin = results.first { $0.benchmark.role == .handwritten }?.minimum
    print("\(first.benchmark.workload)  n = \(first.benchmark.n)")
    let header = [
      pad("variant", 36, left: true), pad("ns/call", 10), pad("×primal", 9),
      pad("×hand", 9), pad("min", 10), pad("min×hand", 9), pad("IQR", 7),
    ]
    print("  " + header.joined(separator: " "))
    for r in results {
      let cells = [
        pad(r.benchmark.variant, 36, left: true),
        pad(format(r.median, 1), 10),
        pad(primal.map { format(r.median / $0, 2) } ?? "-", 9),
        pad(hand.map { format(r.median / $0, 2) } ?? "-", 9),
        pad(format(r.minimum, 1), 10),
        pad(handMin.map { format(r.minimum / $0, 2) } ?? "-", 9),
        pad(format(100 * (r.q3 - r.q1) / r.median, 1) + "%", 7),
      ]
      print("  " + cells.joined(separator: " "))
    }
    let epsilon = results.filter { $0.benchmark.role == .epsilon }
    if let best = epsilon.min(by: { $0.median < $1.median }),
      let swift = results.first(where: {
        $0.benchmark.role == .swiftDifferentiation
      })
    {
      print(
        "  swift-differentiation / best Epsilon (\(best.benchmark.variant))"
          + " = \(format(swift.median / best.median, 1))×")
    }
    for t in targets
    where t.workload == first.benchmark.workload && t.n == first.benchmark.n {
      let v = results.first { $0.benchmark.variant == t.variant }
      let b = results.first { $0.benchmark.variant == t.baseline }
      guard let v, let b else { continue }
      if t.atMost == nil && t.timesFaster == nil {
        print(
          "  \(t.variant) / \(t.baseline) = "
            + "\(format(v.median / b.median, 2))×")
      }
      // The verdict is on medians (WORKLOADS.md); the ratio of minima is
      // shown beside it, since on a loaded machine the two can disagree.
      if let limit = t.atMost {
        let ratio = v.median / b.median
        let minRatio = v.minimum / b.minimum
        print(
          "  target \(t.variant) ≤ \(format(limit, 1))× \(t.baseline):"
            + " \(format(ratio, 2))× (minima \(format(minRatio, 2))×)"
            + " \(ratio <= limit ? "met" : "MISSED")")
      }
      if let limit = t.timesFaster {
        let ratio = b.median / v.median
        let minRatio = b.minimum / v.minimum
        print(
          "  target \(t.variant) ≥ \(format(limit, 0))× faster than"
            + " \(t.baseline): \(format(ratio, 0))× (minima"
            + " \(format(minRatio, 0))×) \(ratio >= limit ? "met" : "MISSED")")
      }
    }
    for note in notes
    where note.workload == first.benchmark.workload
      && note.n == first.benchmark.n
    {
      for line in note.lines(results) { print("  " + line) }
    }
    print("")
  }

  func jsonLine(_ r: Measurement) -> String {
    let b = r.benchmark
    return "{\"workload\": \"\(b.workload)\", \"variant\": \"\(b.variant)\","
      + " \"n\": \(b.n), \"ns_per_call\": \(format(r.median, 3)),"
      + " \"min_ns\": \(format(r.minimum, 3)), \"q1_ns\": \(format(r.q1, 3)),"
      + " \"q3_ns\": \(format(r.q3, 3)), \"batches\": \(r.batches),"
      + " \"calls_per_batch\": \(r.callsPerBatch)}"
  }
}

// MARK: - Helpers

/// Linear-interpolation quantile of a sorted, non-empty sample.
func quantile(_ sorted: [Double], _ p: Double) -> Double {
  let x = p * Double(sorted.count - 1)
  let i = Int(x)
  if i + 1 >= sorted.count { return sorted[sorted.count - 1] }
  let f = x - Double(i)
  return sorted[i] * (1 - f) + sorted[i + 1] * f
}

/// `x` with `digits` decimals, without Foundation.
func format(_ x: Double, _ digits: Int) -> String {
  if !x.isFinite { return "\(x)" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(x) * scale).rounded()
  let whole = Int(scaled / scale)
  var text = (x < 0 && scaled != 0 ? "-" : "") + "\(whole)"
  if digits > 0 {
    let fraction = Int(scaled - Double(whole) * scale)
    let digitsText = "\(fraction)"
    text +=
      "."
      + String(repeating: "0", count: digits - digitsText.count) + digitsText
  }
  return text
}

func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
  let fill = String(repeating: " ", count: max(0, width - s.count))
  return left ? s + fill : fill + s
}

/// Prints to standard error, so `--json` output stays one object per line.
func printError(_ message: String) {
  var text = message + "\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Largest relative difference of two vectors, relative to the larger of
/// `reference`'s largest magnitude and 1 (normwise: a gradient component
/// near zero is compared at the scale of the whole gradient).
func relativeError(_ x: [Double], _ reference: [Double]) -> Double {
  if x.count != reference.count { return .infinity }
  let scale = max(1, reference.map { abs($0) }.max() ?? 0)
  var worst = 0.0
  for (a, b) in zip(x, reference) {
    let e = abs(a - b) / scale
    if !(e <= worst) { worst = e }  // also catches NaN
  }
  return worst
}

/// Relative difference of two numbers, relative to `reference` (or 1 if
/// smaller), NaN counted as infinitely wrong.
func relativeError(_ x: Double, _ reference: Double) -> Double {
  let e = abs(x - reference) / max(1, abs(reference))
  return e.isNaN ? .infinity : e
}

/// The tolerance every check uses: the variants evaluate the same formulas
/// in a different order, so they agree to a few ulps, far inside 1e-12; a
/// wrong rule or seed is off by far more.
let verificationTolerance = 1e-12
