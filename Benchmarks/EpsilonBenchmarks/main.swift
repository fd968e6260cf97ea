// epsilon-benchmarks: the workloads of Benchmarks/WORKLOADS.md, each checked
// against its hand-written derivative before a figure is printed.
//
//   swift build -c release --product epsilon-benchmarks
//   .build/release/epsilon-benchmarks [--filter W2] [--json] [--quick]
//
// A workload is one file (`W<k>….swift`, `extension Harness { mutating func
// addW<k>() }`) plus one line in the list below.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

let usage = """
  usage: epsilon-benchmarks [--filter <substring>] [--json] [--quick] [--help]

    --filter <s>  run only rows whose workload or variant contains <s>
                  (case-insensitive: W1, W2, dual, dual-simd8, swift...,
                  or one row as W2/dual-simd8@8, workload/variant@n);
                  a selected group keeps its primal and handwritten rows
    --json        one JSON object per line: {"workload": "W2",
                  "variant": "dual-simd8", "n": 8, "ns_per_call": 12.3, ...}
    --quick       a short smoke run (CI): every check, few short batches
    --profile-calls <k>
                  untimed: run each matching row (no baselines added) for
                  k calls, for `perf stat -e instructions` or callgrind;
                  the difference of two runs / the difference of k is the
                  instruction count of one call, independent of load
    --help        this text

  Figures are medians of many timed batches after warm-up; ratios to the
  primal and hand-written rows are measured in the same process. W1 reports
  ns per point, W2 ns per gradient, W3 ns per Hessian, W4 ns per gradient
  (and per input, tape bytes, peak memory), W5 ns per whole tutorial run
  (W5c: per minimisation, iterations printed). Exits non-zero if any check
  fails.
  """

#if DEBUG
  printError(
    """
    epsilon-benchmarks measures optimised code; this is a debug build.
    Run it in release mode:
      swift build -c release --product epsilon-benchmarks
      .build/release/epsilon-benchmarks
    """)
  exit(2)
#else
  var options = Options()
  var arguments = CommandLine.arguments.dropFirst()
  while let argument = arguments.popFirst() {
    switch argument {
    case "--filter":
      guard let value = arguments.popFirst() else {
        printError("--filter needs a substring\n\n" + usage)
        exit(2)
      }
      options.filter = value
    case "--profile-calls":
      guard let value = arguments.popFirst().flatMap({ Int($0) }) else {
        printError("--profile-calls needs a number of calls\n\n" + usage)
        exit(2)
      }
      options.profileCalls = value
    case "--json": options.json = true
    case "--quick": options.quick = true
    case "--help", "-h":
      print(usage)
      exit(0)
    default:
      printError("unknown argument \(argument)\n\n" + usage)
      exit(2)
    }
  }

  var harness = Harness(options: options)
  // The workloads, in WORKLOADS.md order; one line each.
  harness.addW1()
  harness.addW1SecondDerivative()
  harness.addW2()
  harness.addW3()
  harness.addW4()
  harness.addW5()
  harness.addW6()
  exit(harness.run() ? 0 : 1)
#endif
