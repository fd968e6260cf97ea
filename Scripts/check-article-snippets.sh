#!/usr/bin/env bash
# Compiles and runs the Swift code of every DocC article against the library,
# so that the documentation's examples stay true to the API.
#
#   Scripts/build-docs.sh && Scripts/check-article-snippets.sh
#
# Uses the library objects Scripts/build-docs.sh leaves in .build-docs.
set -euo pipefail
cd "$(dirname "$0")/.."

source Scripts/docs-build-objects.sh
work=.build-docs/snippets
mkdir -p "$work"
failed=0
for article in Sources/Epsilon/Epsilon.docc/*.md; do
  name=$(basename "$article" .md)
  grep -q '```swift' "$article" || continue
  Scripts/extract-article-snippets.py "$article" "$work/$name.swift"
  if swiftc -suppress-warnings -module-name Snippets \
    -I "$debug/Modules" "$work/$name.swift" \
    "$debug"/Epsilon.build/*.o -o "$work/$name" 2>"$work/$name.log" \
    && "$work/$name" >/dev/null 2>>"$work/$name.log"; then
    echo "ok: $name"
  else
    echo "error: $name's code does not compile or run:" >&2
    grep -A4 "error" "$work/$name.log" >&2 || cat "$work/$name.log" >&2
    failed=1
  fi
done
exit $failed
