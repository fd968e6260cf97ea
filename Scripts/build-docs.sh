#!/usr/bin/env bash
# Builds Epsilon's DocC documentation from the library's symbol graphs with
# the toolchain's own `docc`, and fails on any warning (unresolved symbol
# links included).
#
#   Scripts/build-docs.sh            # writes .build-docs/Epsilon.doccarchive
#   Scripts/build-docs.sh OUTPUT     # writes OUTPUT instead
#
# Open the result with a static file server, e.g.
#   python3 -m http.server -d .build-docs/Epsilon.doccarchive 8000
# then http://localhost:8000/documentation/epsilon
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-docs
output=${1:-$scratch/Epsilon.doccarchive}
graphs=$scratch/symbol-graphs
log=$scratch/docc.log

build_library() {
  swift build --target Epsilon --scratch-path "$scratch" \
    -Xswiftc -emit-symbol-graph \
    -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" \
    -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public
}

# The library alone, in its own scratch directory so that it never
# invalidates the ordinary .build. The compiler writes the symbol graphs
# only when it compiles: an up-to-date build leaves the last ones in place,
# so if they are missing, start from a clean scratch directory.
if [[ ! -f $graphs/Epsilon.symbols.json ]]; then
  rm -rf "$scratch"
fi
mkdir -p "$graphs"
build_library
if [[ ! -f $graphs/Epsilon.symbols.json ]]; then
  echo "error: the build wrote no symbol graph to $graphs" >&2
  exit 1
fi

docc_bin=$(command -v docc || xcrun --find docc)
rm -rf "$output"
status=0
"$docc_bin" convert Sources/Epsilon/Epsilon.docc \
  --additional-symbol-graph-dir "$graphs" \
  --fallback-display-name Epsilon \
  --fallback-bundle-identifier org.epsilon.Epsilon \
  --fallback-default-module-kind Package \
  --output-path "$output" \
  --warnings-as-errors 2>&1 | tee "$log" || status=$?

# --warnings-as-errors makes docc exit non-zero on a warning; the grep is a
# second guard in case a docc version prints a warning and exits 0.
if [[ $status -ne 0 ]] || grep -qE "(warning|error):" "$log"; then
  echo "error: docc reported problems (see above, or $log)" >&2
  exit 1
fi
echo "ok: documentation in $output"
