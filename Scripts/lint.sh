#!/usr/bin/env bash
# Epsilon's hygiene checks: the toolchain's swift-format in strict lint mode
# over Sources, Tests and Benchmarks (configuration: .swift-format), and no
# compiler warnings in the library.
#
#   Scripts/lint.sh          # format lint + library built with -warnings-as-errors
#   Scripts/lint.sh --all    # also builds every target (tests, tour,
#                            # benchmarks) and fails on any warning in the log
#
# To fix formatting findings: swift-format format -i -r Sources Tests Benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "swift-format lint --strict"
swift-format lint --strict --recursive Sources Tests Benchmarks
echo "ok: no formatting findings"

step "library: no compiler warnings (-warnings-as-errors)"
# A scratch path of its own: the extra flag would otherwise invalidate the
# ordinary .build and force a full rebuild of everything.
swift build --target Epsilon --scratch-path .build-lint \
  -Xswiftc -warnings-as-errors
echo "ok: the library builds without warnings"

if [[ ${1:-} == --all ]]; then
  step "every target: no compiler warnings in the build log"
  # Tests and benchmarks are built without -warnings-as-errors (the
  # type-checking guard's -warn-long-* flags must stay warnings there);
  # any warning line fails instead.
  log=.build-lint/all-targets.log
  swift build --build-tests --scratch-path .build-lint 2>&1 | tee "$log"
  if grep -E "^[^ ]+:[0-9]+:[0-9]+: warning:" "$log"; then
    echo "error: compiler warnings (see above)" >&2
    exit 1
  fi
  echo "ok: no compiler warnings in any target"
fi
