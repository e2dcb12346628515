#!/usr/bin/env python3
"""Figures about the code's shape, for issue notes: `python3 scripts/shape.py`.

- web modules and the largest import circle among them (strongly connected component over
  `use crate::…` / `super::…` / `crate::x::` paths, module = file or directory module);
- hand-written error conversions in web (`.or_500(`, `map_err(|e| WebError::internal(`);
- Markdown readers (places that construct a pulldown_cmark parser);
- source files over 400 lines; the longest functions in web.
"""
import os, re, sys
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(__file__), "..")
WEB = os.path.join(ROOT, "crates/web/src")


def rust_files(base):
    for d, _, fs in os.walk(base):
        for f in fs:
            if f.endswith(".rs"):
                yield os.path.join(d, f)


def module_of(path):
    rel = os.path.relpath(path, WEB)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    return "::".join(rel) or "lib"


def strip_comments(text):
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def expand_use(tree):
    """`a::{b, c::{d}}` → ['a::b', 'a::c::d']"""
    tree = tree.replace(" ", "").replace("\n", "")
    out = []

    def go(prefix, s):
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        for p in parts:
            m = re.match(r"^(.*?)::\{(.*)\}$", p, flags=re.S)
            if m:
                go(prefix + m.group(1) + "::", m.group(2))
            else:
                out.append(prefix + p)

    go("", tree)
    return out


def resolve(mod, path, modules):
    parts = path.split("::")
    base = mod.split("::") if mod != "lib" else []
    is_dir_mod = mod in dir_modules
    if parts[0] == "crate":
        target = parts[1:]
    elif parts[0] in ("super", "self"):
        cur = base[:] if is_dir_mod else base[:-1]  # the module's own directory
        i = 0
        if parts[0] == "self":
            cur = base[:]
            i = 1
        while i < len(parts) and parts[i] == "super":
            cur = cur[:-1]
            i += 1
        target = cur + parts[i:]
    else:
        return None
    # longest prefix that names a module
    for n in range(len(target), 0, -1):
        cand = "::".join(target[:n])
        if cand in modules:
            return cand
    return None


files = list(rust_files(WEB))
modules = {module_of(f): f for f in files}
dir_modules = {module_of(f) for f in files if f.endswith("mod.rs")} | {"lib"}
edges = defaultdict(set)
for m, f in modules.items():
    text = strip_comments(open(f).read())
    paths = []
    for u in re.finditer(r"\buse\s+([^;]+);", text):
        paths += expand_use(u.group(1))
    paths += re.findall(r"\b((?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+)", text)
    for p in paths:
        t = resolve(m, p, modules)
        if t and t != m and not t.startswith(m + "::") and not m.startswith(t + "::"):
            edges[m].add(t)


def top(m):
    return m.split("::")[0]


def scc(nodes, edges):
    index, low, stack, on, res, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            res.append(comp)

    for v in nodes:
        if v not in index:
            strong(v)
    return res


comps = scc(list(modules), edges)
largest = max(comps, key=len)
print(f"web modules: {len(modules)}")
print(f"largest import circle: {len(largest)} modules")
if "-v" in sys.argv:
    print("  " + ", ".join(sorted(largest)))
tops = defaultdict(set)
for a, bs in edges.items():
    for b in bs:
        if top(a) != top(b):
            tops[top(a)].add(top(b))
if "-v" in sys.argv:
    for a in sorted(tops):
        print(f"  {a} -> {', '.join(sorted(tops[a]))}")

web_text = {f: open(f).read() for f in files}
or500 = sum(t.count(".or_500(") for t in web_text.values())
maperr = sum(len(re.findall(r"map_err\(\|e\|\s*WebError::internal", t)) for t in web_text.values())
other = sum(len(re.findall(r"map_err\(WebError::internal\)|WebError::internal\(", t))
            for f, t in web_text.items() if not f.endswith("error.rs"))
print(f"hand error conversions in web: {or500 + maperr + other} (.or_500: {or500}, "
      f"map_err → internal: {maperr}, other WebError::internal: {other})")

readers = []
for f in rust_files(os.path.join(ROOT, "crates")):
    t = strip_comments(open(f).read())
    if re.search(r"(pulldown_cmark::)?Parser::new(_ext)?\(", t) and "pulldown_cmark" in open(f).read():
        readers.append(os.path.relpath(f, ROOT))
print(f"Markdown readers (files that run pulldown_cmark): {len(readers)}: {', '.join(readers)}")

big = []
for f in rust_files(os.path.join(ROOT, "crates")):
    n = sum(1 for _ in open(f))
    if n > 400:
        big.append((n, os.path.relpath(f, ROOT)))
print(f"source files over 400 lines: {len(big)}")
for n, f in sorted(big, reverse=True):
    print(f"  {n} {f}")

# longest functions in web: from a `fn` line to its closing brace at the same indentation
longest = []
for f in files:
    lines = open(f).read().split("\n")
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*)(pub(\([a-z]+\))? )?(async )?fn (\w+)", l)
        if not m:
            continue
        ind = m.group(1)
        for j in range(i + 1, len(lines)):
            if lines[j] == ind + "}":
                longest.append((j - i + 1, os.path.relpath(f, ROOT), m.group(5)))
                break
longest.sort(reverse=True)
print("longest functions in web:")
for n, f, name in longest[:5]:
    print(f"  {n} lines  {f}::{name}")
