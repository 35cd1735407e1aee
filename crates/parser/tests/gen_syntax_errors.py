#!/usr/bin/env python3
"""Record CPython's parser SyntaxError details for bad snippets.

Run with CPython 3.13 (the oracle):
    $(pyenv root)/versions/3.13.0/bin/python3.13 gen_syntax_errors.py
It rewrites syntax_errors.txt next to this file. Each line is
    kind<TAB>line<TAB>offset<TAB>end_line<TAB>end_offset<TAB>msg<TAB>source
with backslash, tab, newline and carriage return escaped as \\\\ \\t \\n \\r.
Cases come from syntax_error_cases.txt, separated by lines holding only
'===='.
"""
import ast
import os
import sys
import warnings

assert sys.version_info[:2] == (3, 13), "run this with python3.13"

CASES_FILE = "syntax_error_cases.txt"

ESC = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def esc(s):
    return "".join(ESC.get(c, c) for c in s)


def main():
    out = []
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, CASES_FILE), encoding="utf-8") as f:
        text = f.read()
    for src in text.split("\n====\n"):
        if not src.strip():
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                # ast.parse runs only the parser: errors raised later by the
                # compiler (e.g. 'return' outside function) are not ours.
                ast.parse(src, "prog.py")
            except SyntaxError as e:
                fields = [
                    type(e).__name__,
                    str(e.lineno or 0),
                    str(e.offset or 0),
                    str(e.end_lineno or 0),
                    str(max(e.end_offset or 0, 0)),
                    esc(e.msg),
                    esc(src),
                ]
                out.append("\t".join(fields))
            else:
                out.append("\t".join(["OK", "0", "0", "0", "0", "", esc(src)]))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "syntax_errors.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
