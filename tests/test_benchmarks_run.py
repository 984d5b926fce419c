"""The benchmark scripts still run (smallest sizes, one round): they are measured by
hand, but must not rot between measurements. Timings are not checked here."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import PYTHON, subprocess_env

pytestmark = pytest.mark.slow  # each runs a benchmark script in a process of its own

SCRIPTS = [
    ["tests.benchmarks.bench_suite", "--sizes", "xs", "--rounds", "1", "--skip-processes"],
    ["tests.benchmarks.bench_overhead", "--size", "xs", "--rounds", "1"],
    ["tests.benchmarks.bench_export", "--sizes", "10", "--rounds", "1"],
    ["tests.benchmarks.bench_backup", "--sizes", "xs", "--rounds", "1"],
    ["tests.benchmarks.bench_rotation", "--sizes", "xs", "--rounds", "1"],
    ["tests.benchmarks.bench_exchange", "--sizes", "10", "--rounds", "1"],
    ["tests.benchmarks.bench_rollback", "--rounds", "1"],
    ["tests.benchmarks.corpus", "xs"],
    ["tests.benchmarks.bench_compare", "--against", "HEAD", "--size", "xs", "--rounds", "1"],
]


@pytest.mark.parametrize("argv", SCRIPTS, ids=[a[0].rsplit(".", 1)[1] for a in SCRIPTS])
def test_benchmark_script_runs(tmp_path, argv):
    env = subprocess_env(tmp_path, RM_JOURNAL_BENCH_CACHE=str(tmp_path / "cache"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [PYTHON, "-m", *argv], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "|" in done.stdout or "'size': 'xs'" in done.stdout
