"""What a verified backup costs, next to copying the same files with the OS.

    .venv/bin/python -m tests.benchmarks.bench_backup [--sizes s,l] [--rounds 3]

For each generated vault (``corpus``): ``backup.create`` into a temporary
folder (snapshot of every file through SQLite's backup API, reopened and
compared table by table, manifest, fsync), ``backup.restore`` of that backup
into another folder (files checked against the manifest, every database
opened with the backup's passphrase, safety copy, install), and, side by
side, a plain ``shutil.copytree`` of the same data folder: the floor of any
backup. Medians of ``--rounds``; ratio against the copy in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rm_journal.core import backup
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.benchmarks import corpus
from tests.benchmarks.bench_suite import master_key


def median_of(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    values = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return statistics.median(values)


def measure(name: str, rounds: int) -> str:
    size = corpus.SIZES[name]
    data = corpus.build(size)
    megabytes = corpus.describe(size)["bytes"] / 1e6
    counter = iter(range(10**6))
    with tempfile.TemporaryDirectory() as scratch, DataDir.acquire(data) as dd:
        hdr, raw = master_key(dd)
        vault = Vault._open_registry(dd, hdr, SecretKey(raw))
        made: list[backup.Backup] = []

        def copy() -> None:
            target = Path(scratch) / f"copy-{next(counter)}"
            shutil.copytree(data, target, ignore=lambda *_: ["lock"])

        def back_up() -> None:
            dest = Path(scratch) / f"backups-{next(counter)}"
            made.append(backup.create(vault, backup.MANUAL, dest=dest))

        copied = median_of(copy, rounds)
        backed = median_of(back_up, rounds)
        vault.lock()

        def restore() -> None:
            with DataDir.acquire(Path(scratch) / f"restored-{next(counter)}") as target:
                backup.restore(target, made[-1].path, corpus.PASSPHRASE)

        restored = median_of(restore, rounds)
    return (
        f"| {name} | {megabytes:.0f} MB | {copied:.2f} s | {backed:.2f} s "
        f"| {backed / copied:.1f}× | {restored:.2f} s |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="s,l")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("| size | on disk | plain copy | verified backup | ratio | restore |")
    print("|---|---|---|---|---|---|")
    for name in args.sizes.split(","):
        print(measure(name, args.rounds), flush=True)


if __name__ == "__main__":
    main()
