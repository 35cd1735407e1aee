#!/usr/bin/env python3.13
"""Runs every program in the course (reference solutions, starters, lesson
examples, predict-the-output quiz code) on both looplab and python3.13 and
reports any difference in stdout or exit code. CPython is the oracle; run
this after adding or changing course content.

usage: python3.13 scripts/course_vs_cpython.py [exercises/]
"""
import os, pathlib, subprocess, sys, tempfile, tomllib

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "exercises")
repo = pathlib.Path(__file__).resolve().parent.parent
looplab = repo / "target" / "release" / "looplab"
cpython = os.path.expanduser("~/.pyenv/versions/3.13.0/bin/python3.13")
if not os.path.exists(cpython):
    cpython = sys.executable

def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
    return p.stdout, p.returncode

def compare(path: pathlib.Path, label: str) -> bool:
    ours = run([str(looplab), "run", path.name], path.parent)
    theirs = run([cpython, path.name], path.parent)
    if ours == theirs:
        return True
    print(f"DIFF  {label}\n  looplab  (exit {ours[1]}): {ours[0]!r}\n  python3.13 (exit {theirs[1]}): {theirs[0]!r}")
    return False

programs = sorted(p for p in root.rglob("*.py"))
bad = 0
for p in programs:
    bad += not compare(p, str(p))
with tempfile.TemporaryDirectory() as tmp:
    for quiz in sorted(root.rglob("quiz.toml")):
        for q in tomllib.loads(quiz.read_text()).get("question", []):
            if q.get("kind") == "predict":
                f = pathlib.Path(tmp) / "quiz.py"
                f.write_text(q["code"])
                bad += not compare(f, f"{quiz} question {q['id']}")
total = len(programs) + sum(
    1 for quiz in root.rglob("quiz.toml")
    for q in tomllib.loads(quiz.read_text()).get("question", []) if q.get("kind") == "predict")
print(f"{total} programs compared, {bad} differ")
sys.exit(1 if bad else 0)
