#!/usr/bin/env bash
# Compiles Tests/SingleThreaded/main.swift against the library and runs it
# alone, in a process that has one thread, which the test runner cannot be:
# the drivers' nesting record takes another path there (see
# Sources/Epsilon/Drivers/DriverNesting.swift). Then runs it with `confuse`,
# which must stop with the perturbation-confusion message.
#
#   Scripts/build-docs.sh && Scripts/check-single-threaded.sh
#
# Uses the library objects Scripts/build-docs.sh leaves in .build-docs.
set -euo pipefail
cd "$(dirname "$0")/.."

source Scripts/docs-build-objects.sh
work=.build-docs/single-threaded
mkdir -p "$work"
swiftc -suppress-warnings -I "$debug/Modules" Tests/SingleThreaded/main.swift \
  "$debug"/Epsilon.build/*.o -o "$work/single-threaded"
"$work/single-threaded"
# In a subshell whose own stderr is discarded: the shell's report of the
# trap is noise here.
if ("$work/single-threaded" confuse >"$work/confuse.out" 2>&1; exit $?) 2>/dev/null; then
  echo "error: perturbation confusion was not detected in a process with one thread" >&2
  cat "$work/confuse.out" >&2
  exit 1
fi
if ! grep -q "Perturbation confusion in derivative(at:of:)" "$work/confuse.out"; then
  echo "error: the process stopped without the perturbation-confusion message:" >&2
  cat "$work/confuse.out" >&2
  exit 1
fi
echo "ok: perturbation confusion stops a process with one thread"
