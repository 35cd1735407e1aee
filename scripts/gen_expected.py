#!/usr/bin/env python3
"""Generate (or check) expected outputs for the conformance suite.

CPython 3.13 is the oracle.  For every ``tests/conformance/<area>/<name>.py``
(or only the paths given on the command line) this script runs

    python3.13 -X utf8 <name>.py

with cwd = the area directory, stdin from ``<name>.stdin`` if present (else
empty), a fixed ``PYTHONHASHSEED`` and a 20 s timeout.  It then runs the
program a second time with a different hash seed; if stdout, exit code or
stderr differ between the two runs the program is reported as flaky and
nothing is recorded for it.  Otherwise it writes ``<name>.expected.json``:

    {"stdout": ..., "exit_code": N, "stderr_last_line": "..."}

Usage:
    python3 scripts/gen_expected.py                 # regenerate everything
    python3 scripts/gen_expected.py PATH.py ...     # only these programs
    python3 scripts/gen_expected.py --check [PATH]  # report stale expectations

Runs under any python3 >= 3.8.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(REPO, "tests", "conformance")
TIMEOUT = 20
SEEDS = ("0", "4242")


def find_python313():
    """Locate pyenv's CPython 3.13.0 by path (never plain python3)."""
    candidates = []
    env_root = os.environ.get("PYENV_ROOT")
    if env_root:
        candidates.append(env_root)
    try:
        out = subprocess.run(
            ["pyenv", "root"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            universal_newlines=True, timeout=10,
        )
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    candidates.append(os.path.expanduser("~/.pyenv"))
    for root in candidates:
        exe = os.path.join(root, "versions", "3.13.0", "bin", "python3.13")
        if os.path.isfile(exe) and os.access(exe, os.X_OK):
            return exe
    sys.exit("gen_expected: cannot find $(pyenv root)/versions/3.13.0/bin/python3.13")


def base_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHON_COLORS"] = "0"
    env["NO_COLOR"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    # The engine's local time is UTC (time.localtime, datetime.now).
    env["TZ"] = "UTC"
    env.pop("FORCE_COLOR", None)
    return env


def last_nonempty_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line
    return ""


def run_once(python, path, seed):
    area_dir = os.path.dirname(path)
    name = os.path.basename(path)
    stdin_path = path[:-3] + ".stdin"
    stdin_data = b""
    if os.path.exists(stdin_path):
        with open(stdin_path, "rb") as f:
            stdin_data = f.read()
    env = base_env()
    env["PYTHONHASHSEED"] = seed
    try:
        proc = subprocess.run(
            [python, "-X", "utf8", name], cwd=area_dir, input=stdin_data,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None
    return (
        proc.stdout.decode("utf-8", "replace"),
        proc.returncode,
        proc.stderr.decode("utf-8", "replace"),
    )


def evaluate(python, path):
    """Return (expected_dict, error_message)."""
    first = run_once(python, path, SEEDS[0])
    if first is None:
        return None, "timed out after %ds" % TIMEOUT
    second = run_once(python, path, SEEDS[1])
    if second is None:
        return None, "timed out after %ds (second run)" % TIMEOUT
    diffs = [what for what, a, b in zip(("stdout", "exit code", "stderr"), first, second) if a != b]
    if diffs:
        return None, "non-deterministic between hash seeds: " + ", ".join(diffs)
    stdout, code, stderr = first
    return {"stdout": stdout, "exit_code": code,
            "stderr_last_line": last_nonempty_line(stderr)}, None


def render(expected):
    return json.dumps(expected, indent=1, ensure_ascii=False) + "\n"


def collect(paths):
    if not paths:
        found = []
        for area in sorted(os.listdir(SUITE)):
            area_dir = os.path.join(SUITE, area)
            if not os.path.isdir(area_dir):
                continue
            for fn in sorted(os.listdir(area_dir)):
                if fn.endswith(".py"):
                    found.append(os.path.join(area_dir, fn))
        return found
    result = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            result.extend(os.path.join(p, fn) for fn in sorted(os.listdir(p)) if fn.endswith(".py"))
        elif p.endswith(".py") and os.path.isfile(p):
            result.append(p)
        else:
            sys.exit("gen_expected: not a .py program or directory: %s" % p)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; report programs whose expectation is missing or stale")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()

    python = find_python313()
    programs = collect(args.paths)
    if not programs:
        sys.exit("gen_expected: no programs found")

    written = unchanged = stale = 0
    errors = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: (p, evaluate(python, p)), programs))

    for path, (expected, err) in results:
        rel = os.path.relpath(path, REPO)
        if err:
            errors.append(rel)
            print("ERROR %s: %s" % (rel, err))
            continue
        out_path = path[:-3] + ".expected.json"
        text = render(expected)
        old = None
        if os.path.exists(out_path):
            with open(out_path, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            unchanged += 1
            continue
        if args.check:
            stale += 1
            print("STALE %s%s" % (rel, "" if old is not None else " (no expectation file)"))
        else:
            with open(out_path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            written += 1
            print("wrote %s" % os.path.relpath(out_path, REPO))

    if args.check:
        print("checked %d programs: %d up to date, %d stale, %d errors"
              % (len(programs), unchanged, stale, len(errors)))
        failed = stale or errors
    else:
        print("%d programs: %d written, %d unchanged, %d errors"
              % (len(programs), written, unchanged, len(errors)))
        failed = errors
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
