#!/usr/bin/env python3
"""Prints README's benchmark table from two `epsilon-benchmarks --json` runs.

    .build/release/epsilon-benchmarks --json > /tmp/default.json
    .build-native/release/epsilon-benchmarks --json > /tmp/native.json
    Scripts/benchmark-table.py /tmp/default.json /tmp/native.json

Each row's ratio is to the `handwritten` row of the same workload and size
in the same run (W4: to `primal`), as the benchmark itself computes them.
Rows listed in SKIP, W2's and W3's primal rows and W5 (whole runs, not
ratios) are left out of the table; they stay in the full output,
Benchmarks/results-*.txt.
"""
import json
import sys

SKIP = {
    "dual-simd2", "dual-simd4", "dual-default", "dual-derivative-only",
    "swift-differentiation-value", "handwritten-derivative-only",
    "forward-over-reverse",
}


def load(path):
    rows = {}
    order = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            key = (r["workload"], r["n"], r["variant"])
            if key not in rows:
                order.append(key)
            rows[key] = r["ns_per_call"]
    return rows, order


def baseline(rows, workload, n):
    name = "primal" if workload == "W4" else "handwritten"
    return rows.get((workload, n, name))


def fmt(ns):
    if ns >= 100:
        return f"{ns:,.0f}"
    return f"{ns:.1f}"


def main():
    default, order = load(sys.argv[1])
    native, _ = load(sys.argv[2])
    print("| workload | N | variant | default ns | ×hand | native ns | ×hand |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for key in order:
        workload, n, variant = key
        if variant in SKIP or workload.startswith("W5"):
            continue
        if variant == "primal" and workload in ("W2", "W3"):
            continue
        d = default[key]
        base_d = baseline(default, workload, n)
        cells = [workload, f"{n:,}", f"`{variant}`", fmt(d),
                 f"{d / base_d:.2f}" if base_d else "—"]
        if key in native:
            v = native[key]
            base_v = baseline(native, workload, n)
            cells += [fmt(v), f"{v / base_v:.2f}" if base_v else "—"]
        else:
            cells += ["—", "—"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
