"""What measuring coverage costs: a test folder with and without it, interleaved (run by hand).

    .venv/bin/python -m tests.benchmarks.bench_coverage [--rounds 2] [PYTEST_ARGS ...]

Each round runs ``pytest PYTEST_ARGS`` (default: ``tests/core -m "not slow"``) as
it is, then under ``coverage run`` with the project's settings (children measured,
as in .ci/run), each in a process of its own with what .ci/run gives it (offscreen
Qt, the ``ci`` Hypothesis profile, a private temp folder; the coverage data in a
folder of its own, not build/coverage). Interleaving spreads a busy machine's load
over both. Prints each run, the medians and their ratio.
tests/test_benchmarks_run.py does not run this one: it runs a part of that very suite.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ARGS = ["tests/core", "-m", "not slow"]
MODES = {"plain": [], "coverage": ["-m", "coverage", "run"]}


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(prefix: list[str], pytest_args: list[str]) -> tuple[float, float, str]:
    """Wall-clock seconds, processor seconds and pytest's summary of one run."""
    with tempfile.TemporaryDirectory(prefix="rm_journal-bench-coverage-") as tmp:
        tests_tmp = Path(tmp) / "tmp"
        tests_tmp.mkdir()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HYPOTHESIS_PROFILE="ci")
        env.update(TMPDIR=str(tests_tmp), COVERAGE_FILE=str(Path(tmp) / "coverage" / "data"))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        started, cpu = time.perf_counter(), cpu_of_children()
        done = subprocess.run(
            [sys.executable, *prefix, "-m", "pytest", "-q", *pytest_args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds, cpu = time.perf_counter() - started, cpu_of_children() - cpu
    summary = re.findall(r"^=*\s*(\d+ passed.*?) in [\d.]+s", done.stdout, re.M)
    if done.returncode != 0 or not summary:
        sys.exit(f"{' '.join(prefix)} pytest failed:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return seconds, cpu, summary[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args, pytest_args = parser.parse_known_args()
    pytest_args = pytest_args or DEFAULT_ARGS
    times: dict[str, list[float]] = {name: [] for name in MODES}
    cpus: dict[str, list[float]] = {name: [] for name in MODES}
    for n in range(args.rounds):
        for name, prefix in MODES.items():
            seconds, cpu, summary = run(prefix, pytest_args)
            times[name].append(seconds)
            cpus[name].append(cpu)
            print(f"round {n + 1} {name}: {seconds:.1f} s, cpu {cpu:.1f} s ({summary})", flush=True)
    plain, measured = (statistics.median(times[name]) for name in MODES)
    plain_cpu, measured_cpu = (statistics.median(cpus[name]) for name in MODES)
    print(
        f"median: plain {plain:.1f} s (cpu {plain_cpu:.1f} s), "
        f"coverage {measured:.1f} s (cpu {measured_cpu:.1f} s); "
        f"coverage / plain = {measured / plain:.2f} wall, {measured_cpu / plain_cpu:.2f} cpu"
    )


if __name__ == "__main__":
    main()
