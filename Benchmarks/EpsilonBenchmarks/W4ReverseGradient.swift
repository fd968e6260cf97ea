// W4 — reverse-mode gradient of the extended Rosenbrock function, large N
// (Benchmarks/WORKLOADS.md), at x[i] = 0.5 + 0.1·i, N = 10³…10⁶,
// in ns per gradient (and per input). The tape records W2's generic kernel
// and sweeps back, on a fresh tape (`tape`: as any loop of reverseGradient
// calls runs, into storage a released tape left in the pool; `tape-cold`:
// with the pool emptied first, so into unmapped memory) or on one tape
// whose storage is reused;
// the primal, the hand-written gradient and `_Differentiation` (N ≤ 10⁴:
// its array gradient grows as N²) are the baselines. After each table:
// the tape's bytes per entry, entries per input and peak resident memory.

import Epsilon
import _Differentiation

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// MARK: - Memory

/// Peak resident memory of the process in bytes: `VmHWM` of
/// `/proc/self/status` on Linux, `getrusage`'s `ru_maxrss` elsewhere
/// (bytes on Darwin); nil if neither can be read.
func peakResidentBytes() -> Int? {
  #if os(Linux)
    return procStatusKilobytes("VmHWM:").map { $0 * 1024 }
  #elseif canImport(Darwin)
    var usage = rusage()
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
    return Int(usage.ru_maxrss)
  #else
    return nil
  #endif
}

/// Current resident memory in bytes (`VmRSS`, Linux only).
func residentBytes() -> Int? {
  #if os(Linux)
    return procStatusKilobytes("VmRSS:").map { $0 * 1024 }
  #else
    return nil
  #endif
}

/// Resets the process's peak resident memory to its current one (Linux ≥
/// 4.0: writing 5 to `/proc/self/clear_refs`); false where that is not
/// possible.
func resetPeakResident() -> Bool {
  #if os(Linux)
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    if fd < 0 { return false }
    defer { close(fd) }
    var five: UInt8 = 0x35  // "5"
    return write(fd, &five, 1) == 1
  #else
    return false
  #endif
}

#if os(Linux)
  /// The number of kB on the `key` line of `/proc/self/status`.
  func procStatusKilobytes(_ key: String) -> Int? {
    let fd = open("/proc/self/status", O_RDONLY)
    if fd < 0 { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 8192)
    let read = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    if read <= 0 { return nil }
    let text = String(decoding: bytes[0..<read], as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix(key) {
      let digits = line.dropFirst(key.count).filter { $0.isNumber }
      return Int(String(digits))
    }
    return nil
  }
#endif

/// Bytes as MB with one decimal.
func megabytes(_ bytes: Int) -> String { format(Double(bytes) / 1e6, 1) + " MB" }

/// W4's two inputs at one N, built on first use.
final class LazyPool {
  let n: Int
  init(_ n: Int) { self.n = n }
  lazy var inputs: [[Double]] = Array(Harness.w2Pool(n).prefix(2))
}

// MARK: - Registration

extension Harness {
  /// W4's sizes: 10³…10⁶, only 10³ with `--quick`.
  var w4Sizes: [Int] {
    options.quick ? [1_000] : [1_000, 10_000, 100_000, 1_000_000]
  }

  /// Registers W4 at every size in `w4Sizes`.
  mutating func addW4() {
    for n in w4Sizes {
      // Two inputs (the point and a perturbation): at 8 MB each for 10⁶,
      // more would only test the memory system; an array read from the
      // pool costs one retain, nothing beside a gradient of 10³ inputs.
      // Built on first use, so a run filtered to other rows does not
      // build 16 MB of inputs.
      let lazyPool = LazyPool(n)
      var pool: [[Double]] { lazyPool.inputs }
      // Batches of a few calls for the big sizes: the run stays short.
      let rounds = n >= 1_000_000 ? 9 : n >= 100_000 ? 15 : nil

      func calls(_ count: Int, _ call: ([Double]) -> Void) {
        let (a, b) = (pool[0], pool[1])
        for k in 0..<count { call(k & 1 == 0 ? a : b) }
      }
      // Checks a gradient at every input of the pool.
      func check(_ candidate: @escaping ([Double]) -> [Double]?)
        -> () -> String?
      {
        {
          for x in pool {
            guard let got = candidate(x) else { return "threw at N = \(n)" }
            let want = rosenbrockGradient(x)
            if !(relativeError(got, want) <= verificationTolerance) {
              return "gradient differs by \(relativeError(got, want))"
            }
          }
          return nil
        }
      }

      add(
        "W4", "primal", n: n, role: .primal, granularity: 1,
        maxRounds: rounds,
        verify: {
          for x in pool where n <= 10_000 && rosenbrock(x) != rosenbrockSwift(x) {
            return "primal differs from the _Differentiation function"
          }
          return nil
        },
        body: { count in calls(count) { blackHole(rosenbrock($0)) } })

      add(
        "W4", "handwritten", n: n, role: .handwritten, granularity: 1,
        maxRounds: rounds,
        verify: {
          for x in pool {
            let got = rosenbrockGradient(x)
            let want = rosenbrockGradientTextbook(x)
            if !(relativeError(got, want) <= verificationTolerance) {
              return "hand-written gradient differs from the textbook one"
            }
          }
          return nil
        },
        body: { count in calls(count) { blackHole(rosenbrockGradient($0)) } })

      add(
        "W4", "tape", n: n, role: .epsilon, granularity: 1, maxRounds: rounds,
        verify: check { try? reverseGradient(at: $0) { rosenbrock($0) } },
        body: { count in
          calls(count) { x in
            if let g = try? reverseGradient(at: x, of: { rosenbrock($0) }) {
              blackHole(g)
            }
          }
        })

      // A fresh tape with nothing pooled: every call starts from unmapped
      // memory, as the first large gradient of a process does.
      add(
        "W4", "tape-cold", n: n, role: .extra, granularity: 1,
        maxRounds: rounds,
        verify: check { try? reverseGradient(at: $0) { rosenbrock($0) } },
        body: { count in
          calls(count) { x in
            GradientTape<Double>.releaseCachedStorage()
            if let g = try? reverseGradient(at: x, of: { rosenbrock($0) }) {
              blackHole(g)
            }
          }
        })

      // One tape for all calls of this row: its storage has grown to fit
      // by the first call, so later ones allocate only the result.
      let tape = GradientTape<Double>()
      add(
        "W4", "tape-reused", n: n, role: .epsilon, granularity: 1,
        maxRounds: rounds,
        verify: check { try? tape.gradient(at: $0) { rosenbrock($0) } },
        body: { count in
          calls(count) { x in
            if let g = try? tape.gradient(at: x, of: { rosenbrock($0) }) {
              blackHole(g)
            }
          }
        })

      if n <= 10_000 {
        add(
          "W4", "swift-differentiation", n: n, role: .swiftDifferentiation,
          granularity: 1, maxRounds: n >= 10_000 ? 3 : 15,
          verify: check {
            _Differentiation.gradient(at: $0, of: rosenbrockSwift).base
          },
          body: { count in
            calls(count) {
              blackHole(_Differentiation.gradient(at: $0, of: rosenbrockSwift).base)
            }
          })
      }

      addNote("W4", n: n) { results in
        var lines: [String] = []
        for r in results {
          let perInput = r.median / Double(n)
          lines.append(
            "\(pad(r.benchmark.variant, 22, left: true))"
              + " \(format(perInput, 2)) ns per input")
        }
        // Entries the tape records per input, and its bytes.
        do {
          let probe = GradientTape<Double>()
          _ = try? probe.gradient(at: pool[0]) { rosenbrock($0) }
          let entries = probe.count
          let bytes = GradientTape<Double>.bytesPerEntry
          lines.append(
            "tape: \(entries) entries (\(format(Double(entries) / Double(n), 2))"
              + " per input), \(bytes) bytes per entry (target ≤ 24),"
              + " \(megabytes(entries * bytes)) of entries + \(megabytes(entries * 8))"
              + " of adjoints; capacity \(probe.capacity) entries")
        }
        // Peak memory of one fresh-tape gradient with no pooled storage to
        // start from, beyond what was resident.
        GradientTape<Double>.releaseCachedStorage()
        if resetPeakResident(), let before = residentBytes() {
          _ = try? reverseGradient(at: pool[0]) { rosenbrock($0) }
          if let peak = peakResidentBytes() {
            lines.append(
              "peak resident during one fresh-tape gradient from a cold pool: +"
                + "\(megabytes(peak - before)) over \(megabytes(before))")
          }
        } else if let peak = peakResidentBytes() {
          lines.append("peak resident memory of the process: \(megabytes(peak))")
        }
        return lines
      }
    }

    if let largest = w4Sizes.last, largest == 1_000_000 {
      addTarget(
        Target(
          workload: "W4", n: largest, variant: "tape", baseline: "primal",
          atMost: 40))
      addTarget(
        Target(
          workload: "W4", n: largest, variant: "tape-reused",
          baseline: "primal", atMost: 30))
    }
  }
}
