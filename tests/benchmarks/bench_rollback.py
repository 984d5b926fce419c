"""What seeing rollbacks costs per write (core.rollback).

    .venv/bin/python -m tests.benchmarks.bench_rollback [--rounds 40]

1. ``sessions add`` through the CLI's ``main`` in this process (unlock with a cheap
   KDF, open and check the journal, two journal writes, lock): runs on any version,
   so the same script measures the commit before the counts and the one after.
2. One durable journal write (an autosave of one field), interleaved with and
   without the registry's record of it (the record: one registry transaction and
   the atomic write of ``vault.state``); the journal's own count is in both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rm_journal import cli
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile


def stat(values: list[float]) -> str:
    values.sort()
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"{statistics.median(values) * 1e3:.2f} ms ({p95 * 1e3:.2f})"


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        with DataDir.acquire(root) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            vault.add_pair(profile())
            vault.lock()
        os.environ["RM_JOURNAL_PASSPHRASE"] = PASSPHRASE
        argv = ["--data-dir", str(root), "sessions", "add", "1", "--text", "Une séance"]
        with open(os.devnull, "w") as sink:

            def add() -> None:
                assert cli.main(argv, out=sink) == 0

            add()
            print("| operation | median (p95) |")
            print("|---|---|")
            print(f"| sessions add, in process | {stat(timed(add, args.rounds))} |", flush=True)
        with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
            pair_id = vault.pair_ids()[0]
            journal = vault.journal(pair_id)
            session = journal.add_session("test-form", SNAPSHOT)
            recorder = getattr(journal, "on_committed", None)
            if recorder is None:
                return  # a version from before the counts: part 1 only
            n = iter(range(10**9))

            def save() -> None:
                journal.set_field(session.uuid, "notes", f"autosave {next(n)}")

            recorded, bare = [], []
            save()
            for _ in range(args.rounds):
                for hook, out in ((recorder, recorded), (None, bare)):
                    journal.on_committed = hook
                    out.extend(timed(save, 1))
            journal.on_committed = recorder
            print(f"| one autosave, recorded | {stat(recorded)} |")
            print(f"| one autosave, journal count only | {stat(bare)} |")


if __name__ == "__main__":
    main()
