#!/usr/bin/env python3
"""Wraps every `static final ElementCodec<...> NAME = <expr>;` table in `ElementCodec.lazy(() -> <expr>)`.

Why: each method reference in a table is a class the JVM spins when the table is built. A lazy table is
built the first time a document needs it, so a first document links only the tables it uses (see
ElementCodec.lazy). Behaviour is unchanged; an unconverted table still works, it is just built eagerly.

Usage: python3 scripts/lazy-codecs.py FILE_OR_DIR...   (rewrites in place; idempotent; prints a count per file)
Example: python3 scripts/lazy-codecs.py kvm-sdk-core/src/main/java/io/kvmsdk/core
Only initializers of fields declared with the type ElementCodec<...> are touched; Codec<...> fields
(hand-written codecs) and factory methods stay as they are.
"""
import os
import re
import sys

DECL = re.compile(r'\bstatic\s+final\s+ElementCodec\s*<')


def skip_generics(s, i):
    """s[i] == '<': returns the index after the matching '>'."""
    depth = 0
    while i < len(s):
        if s[i] == '<':
            depth += 1
        elif s[i] == '>':
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError('unbalanced generics')


def statement_end(s, i):
    """Index of the ';' ending the expression that starts at i (skips strings, chars, comments, brackets)."""
    depth = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == '"':
            if s.startswith('"""', i):
                j = s.index('"""', i + 3)
                i = j + 3
                continue
            i += 1
            while s[i] != '"':
                i += 2 if s[i] == '\\' else 1
        elif c == "'":
            i += 1
            while s[i] != "'":
                i += 2 if s[i] == '\\' else 1
        elif s.startswith('//', i):
            i = s.index('\n', i)
            continue
        elif s.startswith('/*', i):
            i = s.index('*/', i) + 2
            continue
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == ';' and depth == 0:
            return i
        i += 1
    raise ValueError('no end of statement')


def convert(src):
    out = []
    pos = 0
    count = 0
    for m in DECL.finditer(src):
        if m.start() < pos:
            continue
        g = skip_generics(src, m.end() - 1)
        nm = re.compile(r'\s*(\w+)\s*=\s*').match(src, g)
        if not nm:
            continue  # a declaration without initializer
        start = nm.end()
        end = statement_end(src, start)
        expr = src[start:end]
        if expr.lstrip().startswith('ElementCodec.lazy('):
            continue
        out.append(src[pos:start])
        out.append('ElementCodec.lazy(() -> ' + expr.rstrip() + ')')
        out.append(expr[len(expr.rstrip()):])
        pos = end
        count += 1
    out.append(src[pos:])
    return ''.join(out), count


def main(paths):
    for p in paths:
        files = [p] if os.path.isfile(p) else [os.path.join(d, f) for d, _, fs in os.walk(p) for f in fs if f.endswith('.java')]
        for f in sorted(files):
            with open(f, encoding='utf-8') as fh:
                src = fh.read()
            new, n = convert(src)
            if n:
                with open(f, 'w', encoding='utf-8') as fh:
                    fh.write(new)
                print(f'{f}: {n} tables made lazy')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
