#!/usr/bin/env python3
"""Times `looplab run` against python3.13 on the programs in bench/engine
(and bench/asyncio when present) and prints each ratio and the geometric mean.

Usage: python3 scripts/bench.py [--runs N]   (builds the release binary first)
A ratio below 1.0 means Looplab is faster. Run on a quiet machine.
"""
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def python313():
    root = os.environ.get("PYENV_ROOT") or subprocess.run(
        ["pyenv", "root"], capture_output=True, text=True).stdout.strip() or os.path.expanduser("~/.pyenv")
    return os.path.join(root, "versions", "3.13.0", "bin", "python3.13")


def best_time(cmd, runs):
    best = float("inf")
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            raise SystemExit(f"{cmd} failed: {p.stderr[-500:]}")
        out = p.stdout
        best = min(best, dt)
    return best, out


def main():
    runs = 3
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    subprocess.run(["cargo", "build", "--release", "--bin", "looplab"], cwd=ROOT, check=True)
    looplab = os.path.join(ROOT, "target", "release", "looplab")
    py = python313()
    groups = [d for d in ("engine", "asyncio") if os.path.isdir(os.path.join(ROOT, "bench", d))]
    for group in groups:
        folder = os.path.join(ROOT, "bench", group)
        ratios = []
        print(f"\n{group}: {'program':<22} {'cpython':>9} {'looplab':>9} {'ratio':>7}")
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            tc, oc = best_time([py, path], runs)
            tl, ol = best_time([looplab, "run", path], runs)
            mark = "" if oc == ol else "  OUTPUT DIFFERS"
            ratios.append(tl / tc)
            print(f"{'':8}{name:<22} {tc:9.3f} {tl:9.3f} {tl / tc:7.2f}{mark}")
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'':8}{'geometric mean':<22} {'':9} {'':9} {gm:7.2f}")


if __name__ == "__main__":
    main()
