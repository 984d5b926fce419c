"""What rotating every key costs, next to copying the same files with the OS.

    .venv/bin/python -m tests.benchmarks.bench_rotation [--sizes s,m] [--rounds 3]

For each generated vault (``corpus``), each round copies the cached data folder
(rotation changes it), then times ``Vault.rotate_keys``: the registry and every
journal re-encrypted under new keys (``sqlcipher_export``), each copy reopened with
every page's HMAC checked, the staged vault.json written, the files switched in
and the registry reopened. The corpus vaults use a cheap KDF; the real one adds one
Argon2id run (about 0.5 s, see "Passphrase change") to wrap the new master key.
Medians of ``--rounds``; ratio against the plain copy in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.benchmarks import corpus


def measure(name: str, rounds: int) -> str:
    size = corpus.SIZES[name]
    data = corpus.build(size)
    megabytes = corpus.describe(size)["bytes"] / 1e6
    copies, rotations = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(rounds):
            target = Path(scratch) / f"round-{n}"
            started = time.perf_counter()
            shutil.copytree(data, target, ignore=lambda *_: ["lock"])
            copies.append(time.perf_counter() - started)
            with DataDir.acquire(target) as dd, Vault.unlock(dd, corpus.PASSPHRASE) as vault:
                started = time.perf_counter()
                vault.rotate_keys("the benchmark's new passphrase")
                rotations.append(time.perf_counter() - started)
            shutil.rmtree(target)
    copied, rotated = statistics.median(copies), statistics.median(rotations)
    return (
        f"| {name} | {size.pairs} | {megabytes:.0f} MB | {copied:.2f} s | {rotated:.2f} s "
        f"({max(rotations):.2f} s) | {rotated / copied:.1f}× |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="s,m")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print("| size | pairs | on disk | plain copy | rotate every key, median (max) | ratio |")
    print("|---|---|---|---|---|---|")
    for name in args.sizes.split(","):
        print(measure(name, args.rounds), flush=True)


if __name__ == "__main__":
    main()
