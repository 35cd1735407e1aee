#!/usr/bin/env python3
"""Generate expected stderr for the traceback suite.

CPython 3.13 is the oracle.  For every ``tests/tracebacks/<name>.py`` (or only
the paths given on the command line) this script runs

    python3.13 -X utf8 <name>.py

with cwd = ``tests/tracebacks``,
empty stdin, colours off (``PYTHON_COLORS=0``, ``NO_COLOR=1``), a fixed
``PYTHONHASHSEED`` and a 20 s timeout.  It runs each program twice with
different hash seeds; if stdout, stderr or the exit code differ the program
is reported as flaky and nothing is recorded.  Otherwise it writes
``<name>.expected.json`` (with ``File "/abs/path/<name>.py"`` rewritten to
``File "<name>.py"``: python3.13 names the main script by its absolute path,
the engine by the name it is given):

    {"stdout": ..., "stderr": ..., "exit_code": N}

with the FULL stderr, which ``crates/engine/tests/tracebacks.rs`` compares
byte for byte.

Usage:
    python3 scripts/gen_tracebacks.py               # regenerate everything
    python3 scripts/gen_tracebacks.py PATH.py ...   # only these programs
    python3 scripts/gen_tracebacks.py --check       # report stale expectations

Runs under any python3 >= 3.8.
"""

import argparse
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(REPO, "tests", "tracebacks")
TIMEOUT = 20
SEEDS = ("0", "4242")


def find_python313():
    """Locate pyenv's CPython 3.13.0 by path (never plain python3)."""
    candidates = []
    if os.environ.get("PYENV_ROOT"):
        candidates.append(os.environ["PYENV_ROOT"])
    try:
        out = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    candidates.append(os.path.expanduser("~/.pyenv"))
    for root in candidates:
        exe = os.path.join(root, "versions", "3.13.0", "bin", "python3.13")
        if os.path.isfile(exe) and os.access(exe, os.X_OK):
            return exe
    sys.exit("gen_tracebacks: cannot find $(pyenv root)/versions/3.13.0/bin/python3.13")


def run_once(python, path, seed):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") and k not in ("FORCE_COLOR", "TERM")}
    env.update({"PYTHONHASHSEED": seed, "PYTHON_COLORS": "0", "NO_COLOR": "1",
                "PYTHONIOENCODING": "utf-8", "TERM": "dumb"})
    p = subprocess.run([python, "-X", "utf8", os.path.basename(path)],
                       cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=TIMEOUT)
    # CPython 3.13 reports the main script by its absolute path; the engine
    # is given the bare file name, so record that instead.
    stderr = p.stderr.decode("utf-8").replace(
        'File "%s"' % os.path.abspath(path), 'File "%s"' % os.path.basename(path))
    return {"stdout": p.stdout.decode("utf-8"), "stderr": stderr, "exit_code": p.returncode}


def expected_for(python, path):
    runs = [run_once(python, path, s) for s in SEEDS]
    if runs[0] != runs[1]:
        return None
    return runs[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    python = find_python313()
    paths = [os.path.abspath(p) for p in args.paths] or sorted(
        os.path.join(SUITE, f) for f in os.listdir(SUITE) if f.endswith(".py"))
    bad = 0
    for path in paths:
        name = os.path.relpath(path, REPO)
        try:
            exp = expected_for(python, path)
        except subprocess.TimeoutExpired:
            print("TIMEOUT", name)
            bad += 1
            continue
        if exp is None:
            print("FLAKY  ", name, "(not recorded)")
            bad += 1
            continue
        out = path[:-3] + ".expected.json"
        text = json.dumps(exp, indent=1, ensure_ascii=False) + "\n"
        if args.check:
            try:
                with open(out, encoding="utf-8") as f:
                    same = f.read() == text
            except OSError:
                same = False
            if not same:
                print("STALE  ", name)
                bad += 1
            continue
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote  ", os.path.relpath(out, REPO))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
