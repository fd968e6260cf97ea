#!/usr/bin/env python3
"""Type-checking times of user formulas, with and without Epsilon.

    Scripts/type-check-matrix.py [--modules .build/debug/Modules] [--markdown]

Writes one small Swift file per case into .build/type-check-matrix, runs
`swiftc -typecheck -Xfrontend -debug-time-function-bodies` on it three times
against the built module, and keeps the best time of the function bodies.
Each case has a limit; the script exits 1 if any case fails to type-check or
is over its limit. The cases and limits are the ones the article
"Writing Generic Functions" (Sources/Epsilon/Epsilon.docc/WritingGenericFunctions.md,
its section on type-checking time) documents:

- a plain Double formula in a Foundation file: within 1.2x (+100 ms) of the
  same file without `import Epsilon`;
- a generic formula over ADReal written as the docs teach (T.sin(x),
  coefficients first): under 1 s;
- closures handed to every driver, Double and Float: under 1 s;
- constants lifted into closures (Dual(k)), T.pi, conversions,
  squareRoot(): under 1 s.
"""
import argparse, pathlib, re, subprocess, sys

# Twelve terms, then twelve more: integer and decimal literals, + - * /,
# unary minus, sin cos exp log sqrt pow.
TERMS = [
    "3 * x * x", "2 * x * y", "-0.5 * y * y", "4 * z * x", "-0.5 * z * z",
    "sin(x) * cos(y)", "exp(-z * z)", "-1.5 * x", "0.25 * y * z * x",
    "log(1 + x * x)", "-sqrt(1 + y * y)", "pow(x, 3)",
    "2 * y * z", "-0.25 * x * x", "cos(z) * sin(x)", "1.5 * z", "-exp(-x * x)",
    "0.75 * x * y", "log(2 + z * z)", "sqrt(2 + x * x)", "-4 * y", "0.2 * z * x",
    "-pow(y, 2)", "8",
]
FUNCS = ["sin", "cos", "exp", "log", "sqrt", "pow"]


def formula(n, static="", names=("x", "y", "z")):
    out = ""
    for i, t in enumerate(TERMS[:n]):
        if static:
            for f in FUNCS:
                t = re.sub(r"(?<![\w.])%s\(" % f, "%s.%s(" % (static, f), t)
        for old, new in zip(("x", "y", "z"), names):
            t = re.sub(r"\b%s\b" % old, new, t)
        if i == 0:
            out = t
        elif t.startswith("-"):
            out += " - " + t[1:]
        else:
            out += " + " + t
    return out


def cases():
    v = ("v[0]", "v[1]", "v[2]")
    for n in (12, 24):
        plain = "func f(_ x: Double, _ y: Double, _ z: Double) -> Double {\n  %s\n}\n" % formula(n)
        yield ("double-foundation-%d" % n, "import Foundation\n" + plain, None)
        yield ("double-foundation-epsilon-%d" % n, "import Foundation\nimport Epsilon\n" + plain,
               ("double-foundation-%d" % n, 1.2, 100))
        yield ("generic-%d" % n,
               "import Epsilon\nfunc f<T: ADReal>(_ x: T, _ y: T, _ z: T) -> T {\n  %s\n}\n"
               % formula(n, static="T"), 1000)
    for scalar in ("Double", "Float"):
        point = "[0.5, 0.25, 0.125] as [%s]" % scalar
        e = formula(24, names=v)
        bodies = {
            "derivative": "_ = derivative(at: 0.5 as %s) { x in %s }"
            % (scalar, formula(24, names=("x", "x", "x"))),
            "gradient": "_ = gradient(at: %s) { v in %s }" % (point, e),
            "jacobian": "_ = try jacobian(at: %s) { v in [%s, v[0]] }" % (point, e),
            "hessian": "_ = try hessian(at: %s) { v in %s }" % (point, e),
            "hvp": "_ = try hessianVectorProduct(at: %s, along: [1, 0, 0]) { v in %s }"
            % (point, e),
            "tape": "let tape = GradientTape<%s>()\n  _ = try tape.gradient(at: %s) { v in %s }"
            % (scalar, point, e),
            "reverse": "_ = try reverseGradient(at: %s) { v in %s }" % (point, e),
        }
        for name, body in bodies.items():
            yield ("closure-%s-%s-24" % (name, scalar.lower()),
                   "import Epsilon\nfunc run() throws {\n  %s\n}\n" % body, 1000)
    yield ("mixed-constants", """import Epsilon
func run(k: Double, kf: Float, i: Int32) throws {
  _ = derivative(at: 1.0) { x in Dual(k) * x * x - x / Dual(k) }
  _ = derivative(at: 1.0) { x in Dual.pi * x * x }
  _ = try hessian(at: [1.0, 2.0]) { v in .init(k) * v[0] * v[1] - v[1] / .init(k) }
}
func g<T: ADReal>(_ r: T, _ f: Float, _ i: Int32, _ k: Double) -> T {
  T.pi * r * r + T(f) * r + T(i) + r.squareRoot() + T(k) * T.exp(-r) + T.infinity * 0
}
""", 1000)


def body_ms(swiftc_output):
    return sum(float(m) for m in re.findall(r"^([0-9.]+)ms\t", swiftc_output, re.M))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--modules", default=".build/debug/Modules")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    work = pathlib.Path(".build/type-check-matrix")
    work.mkdir(parents=True, exist_ok=True)
    results, failed = {}, False
    rows = []
    def measure(path, runs=5):
        """Best of `runs` type-checks: (ms, None), or (None, error)."""
        best = None
        for _ in range(runs):
            run = subprocess.run(
                ["swiftc", "-typecheck", "-I", args.modules, str(path),
                 "-Xfrontend", "-debug-time-function-bodies"],
                capture_output=True, text=True, timeout=300)
            if run.returncode != 0:
                return None, next(
                    (l for l in run.stderr.splitlines() if "error:" in l), "error")
            ms = body_ms(run.stdout + run.stderr)
            best = ms if best is None else min(best, ms)
        return best, None

    for name, source, limit in cases():
        path = work / (name + ".swift")
        path.write_text(source)
        best, error = measure(path)
        # A relative case over its limit is measured again, with its
        # baseline, before it counts: one slow moment of a shared machine
        # (a run 30% slower than the next on the same file) is not a
        # regression.
        if best is not None and isinstance(limit, tuple):
            base, factor, slack = limit
            if best > results[base] * factor + slack:
                again, _ = measure(path, 7)
                base_again, _ = measure(work / (base + ".swift"), 7)
                if again is not None:
                    best = min(best, again)
                if base_again is not None:
                    results[base] = min(results[base], base_again)
        results[name] = best
        if best is None:
            verdict, shown, bound = "FAILS: " + error, "fails", ""
            failed = True
        elif limit is None:
            verdict, shown, bound = "baseline", "%.0f ms" % best, ""
        elif isinstance(limit, tuple):
            base, factor, slack = limit
            allowed = results[base] * factor + slack
            ok = best <= allowed
            verdict = "ok" if ok else "OVER"
            failed |= not ok
            shown, bound = "%.0f ms" % best, "≤ %.0f ms (1.2× baseline + 100 ms)" % allowed
        else:
            ok = best <= limit
            verdict = "ok" if ok else "OVER"
            failed |= not ok
            shown, bound = "%.0f ms" % best, "< %d ms" % limit
        rows.append((name, shown, bound, verdict))
        if not args.markdown:
            print("%-34s %10s  %-40s %s" % (name, shown, bound, verdict), flush=True)
    if args.markdown:
        print("| case | body type-check time | limit | |\n|---|---:|---|---|")
        for r in rows:
            print("| `%s` | %s | %s | %s |" % r)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
