#!/usr/bin/env python3
"""Turns the ```swift blocks of a DocC article into one main.swift.

    Scripts/extract-article-snippets.py ARTICLE.md OUTPUT.swift

Blocks whose first line says "Does not compile" or "Stops the process"
(compiled and run, they would fail), and Package.swift manifests, are
skipped. Column-0 declarations (func, struct, extension,
with their doc comments) are hoisted to file scope so later blocks can use
them; each block's remaining statements get a `do { }` of their own, so
blocks may reuse names. Used by Scripts/check-article-snippets.sh.
"""
import re, sys, pathlib
src = pathlib.Path(sys.argv[1]).read_text()
blocks = re.findall(r"```swift\n(.*?)```", src, re.S)
decls, stmts = [], []
for b in blocks:
    first = b.splitlines()[0].lower()
    if "does not compile" in first or "stops the process" in first or "PackageDescription" in b:
        continue
    lines = b.splitlines()
    i, body = 0, []
    while i < len(lines):
        l = lines[i]
        if re.match(r"(///|func |struct |extension |enum |@)", l):
            j = i
            # doc comments / attributes lead into the declaration
            while re.match(r"(///|@)", lines[j]): j += 1
            if lines[j].rstrip().endswith("}") and lines[j].count("{") == lines[j].count("}"):
                decls += lines[i:j+1]; i = j + 1; continue
            k = j + 1
            while k < len(lines) and not lines[k].startswith("}"): k += 1
            decls += lines[i:k+1]; i = k + 1; continue
        if l.startswith("import ") or l.startswith("#") or l.startswith("  import "):
            i += 1; continue
        body.append(l); i += 1
    stmts.append("do {\n" + "\n".join(body) + "\n}")
out = "import Epsilon\n#if canImport(Glibc)\nimport Glibc\n#else\nimport Darwin\n#endif\n" + "\n".join(decls) + "\n" + "\n".join(stmts) + "\n"
pathlib.Path(sys.argv[2]).write_text(out)
