"""What encryption costs: the app's operations on a journal, with and without a key.

    .venv/bin/python -m tests.benchmarks.bench_overhead [--size one-1000] [--rounds 30]

The generated journal (``corpus``) is exported with ``sqlcipher_export`` into a
plain SQLite file of the very same schema and content; the same ``Journal``
methods then run on both, interleaved, with the same pragmas (WAL, synchronous
FULL, the same page cache), after a warm-up read so the OS page cache holds
both files. Ratios encrypted / plain, medians and p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from rm_journal.core.journal.store import Journal
from rm_journal.core.storage import database
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.benchmarks import corpus


def plain_copy(journal: Journal, target: Path) -> Journal:
    """The same journal in a plain SQLite file, opened with the app's pragmas."""
    conn = journal.conn
    conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plaintext')")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA plaintext.user_version = {int(version)}")
    conn.execute("DETACH DATABASE plaintext")
    plain = sqlcipher3.connect(str(target), isolation_level=None, check_same_thread=False)
    for pragma in (
        "temp_store = MEMORY",
        "secure_delete = ON",
        "foreign_keys = ON",
        f"cache_size = -{database.CACHE_KIB}",
        "journal_mode = WAL",
        "synchronous = FULL",
    ):
        plain.execute(f"PRAGMA {pragma}")
    return Journal(plain, target)


def interleaved(
    a: Callable[[], Any], b: Callable[[], Any], rounds: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    a()
    b()
    ta, tb = [], []
    for _ in range(rounds):
        for fn, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)

    def stat(values: list[float]) -> tuple[float, float]:
        values.sort()
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        return statistics.median(values), p95

    return stat(ta), stat(tb)


def operations(journal: Journal, rng: random.Random) -> dict[str, Callable[[], Any]]:
    sessions = journal.sessions()
    regular = [s for s in sessions if s.template_id == "regular-session"]
    target = regular[len(regular) // 2].uuid
    text = journal.fields(target)["notes"]
    counter = iter(range(10**9))
    return {
        "list every session": journal.sessions,
        "the last 10 entries with their text": lambda: [
            journal.fields(s.uuid) for s in journal.sessions(last=10)
        ],
        "open one session's fields": lambda: journal.fields(rng.choice(sessions).uuid),
        "takeaways list": journal.takeaways,
        "actions list": journal.actions,
        "search a rare word": lambda: journal.search(corpus.RARE_WORD),
        "search a common word": lambda: journal.search("équipe"),
        "autosave one field (durable)": lambda: journal.set_field(
            target, "notes", f"{text} {next(counter)}"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="one-1000")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    data = corpus.build(corpus.SIZES[args.size])
    with (
        tempfile.TemporaryDirectory() as tmp,
        DataDir.acquire(data) as dd,
        Vault.unlock(dd, corpus.PASSPHRASE) as vault,
    ):
        encrypted = vault.journal(vault.pair_ids()[0])
        plain = plain_copy(encrypted, Path(tmp) / "plain.db")
        ops_e = operations(encrypted, random.Random(3))
        ops_p = operations(plain, random.Random(3))
        size = encrypted.path.stat().st_size / 1e6
        print(f"journal: {size:.0f} MB, {len(encrypted.sessions())} entries")
        print("| operation | encrypted, median (p95) | plain, median (p95) | ratio |")
        print("|---|---|---|---|")
        for name in ops_e:
            (em, ep), (pm, pp) = interleaved(ops_e[name], ops_p[name], args.rounds)
            print(
                f"| {name} | {em * 1e3:.2f} ms ({ep * 1e3:.2f}) "
                f"| {pm * 1e3:.2f} ms ({pp * 1e3:.2f}) | **{em / pm:.2f}** |",
                flush=True,
            )
        plain.close()


if __name__ == "__main__":
    main()
