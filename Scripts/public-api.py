#!/usr/bin/env python3
"""Prints Epsilon's public API, one line per symbol, from its symbol graphs.

    Scripts/build-docs.sh                      # writes .build-docs/symbol-graphs
    Scripts/public-api.py [GRAPH_DIR]          # default: .build-docs/symbol-graphs
    Scripts/public-api.py --undocumented       # only symbols with no doc comment

Symbols the compiler synthesizes (protocol default implementations seen
through a conformance) are left out; extensions of standard-library types
(Epsilon@Swift.symbols.json) are listed under the extended type.
Underscored symbols (`_apply`, `_isExactlyZero`) are public but hidden from
symbol graphs by the compiler; they are not listed here.
"""
import json
import pathlib
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
undocumented_only = "--undocumented" in sys.argv
graph_dir = pathlib.Path(args[0] if args else ".build-docs/symbol-graphs")

rows = []
for path in sorted(graph_dir.glob("Epsilon*.symbols.json")):
    for s in json.loads(path.read_text())["symbols"]:
        if "::SYNTHESIZED::" in s["identifier"]["precise"]:
            continue
        if undocumented_only and "docComment" in s:
            continue
        parent = ".".join(s["pathComponents"][:-1])
        decl = "".join(f["spelling"] for f in s.get("declarationFragments", []))
        decl = " ".join(decl.split())
        rows.append((parent, s["pathComponents"][-1], decl))

for parent, _, decl in sorted(set(rows), key=lambda r: (r[0], r[1], r[2])):
    print(f"{parent + ': ' if parent else ''}`{decl}`")
