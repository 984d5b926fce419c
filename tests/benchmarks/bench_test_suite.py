"""The quick loop against the whole suite, interleaved in one run (run by hand).

    .venv/bin/python -m tests.benchmarks.bench_test_suite [--rounds 2]

Each round runs `pytest -m "not slow"` then `pytest` (everything: campaigns, the
bundle build and the Flatpak rehearsal), each in a process of its own with what
.ci/run gives it (offscreen Qt, the `ci` Hypothesis profile, a private temp
folder), and times the whole process. Prints each run, the medians and the
quick loop's share of the whole; CONTRIBUTING.md promises at most a third.
tests/test_benchmarks_run.py does not run this one: it runs that very suite.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOOPS = {"quick": ["-m", "not slow"], "whole": []}


def run(extra: list[str]) -> tuple[float, str]:
    with tempfile.TemporaryDirectory(prefix="rm_journal-bench-suite-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HYPOTHESIS_PROFILE="ci", TMPDIR=tmp)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", *extra],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    summary = re.findall(r"^=*\s*(\d+ passed.*?) in [\d.]+s", done.stdout, re.M)
    if done.returncode != 0 or not summary:
        sys.exit(f"pytest {' '.join(extra)} failed:\n{done.stdout[-3000:]}")
    return seconds, summary[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in LOOPS}
    for n in range(args.rounds):
        for name, extra in LOOPS.items():
            seconds, summary = run(extra)
            times[name].append(seconds)
            print(f"round {n + 1} {name}: {seconds:.1f} s ({summary})", flush=True)
    quick, whole = (statistics.median(times[name]) for name in LOOPS)
    print(f"median: quick {quick:.1f} s, whole {whole:.1f} s; quick / whole = {quick / whole:.2f}")


if __name__ == "__main__":
    main()
