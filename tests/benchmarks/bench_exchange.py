"""Exchange files at 10, 1,000 and 5,000 takeaways (the most one file may carry); by hand.

    .venv/bin/python -m tests.benchmarks.bench_exchange [--rounds 5] [--sizes 10,1000,5000]

Two linked vaults (cheap KDF); the leader's pair has SIZE proposed takeaways, ten per
session (French and English prose of 15 to 40 words). Stages, medians and p95 over
the rounds: choosing what to send, writing the file (seal, atomic write, log),
reading it on the mentor's side (checks, decryption, payload, comparison with the
journal). The first import (everything new) changes the journal, so it is timed
once per size; reading an import (which writes nothing) is timed over the rounds.
Next to them, in the same run, the floor: the same payload bytes through
AES-256-GCM and json.loads alone, with none of our checks.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from rm_journal.core.journal import records
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.export import exchange
from rm_journal.templates.library import builtin, start_session
from tests.benchmarks.bench_large_vault import EN, FR, prose, timed
from tests.conftest import profile
from tests.export.exchange_pair import two_sides


def fill(journal: Journal, count: int, rng: random.Random) -> None:
    template = builtin("regular-session")
    session = None
    for n in range(count):
        if n % 10 == 0:
            session = start_session(journal, template)
        assert session is not None
        journal.add_takeaway(
            prose(rng, FR if n % 2 else EN, rng.randint(15, 40)),
            Role.LEADER,
            session_uuid=session.uuid,
            status=TakeawayStatus.PROPOSED,
        )


def measure(size: int, rounds: int, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp, two_sides(Path(tmp)) as (leader, mentor):
        fill(leader.journal, size, rng)
        payload = exchange.prepare(leader.vault, leader.pair_id, ("takeaways",))
        raw = payload.to_bytes()
        key = AESGCM.generate_key(bit_length=256)
        sealed = AESGCM(key).encrypt(bytes(12), raw, None)

        def floor() -> None:
            json.loads(AESGCM(key).decrypt(bytes(12), sealed, None))

        floor_median = timed(floor, rounds)[0]
        target = Path(tmp) / "x.rmjx"
        exchange.write(leader.vault, leader.pair_id, payload, target)
        first = target.read_bytes()
        # floor of an import: the same takeaways saved by the journal's own code, in one
        # transaction, into a scratch pair of the same vault
        scratch = mentor.vault.journal(mentor.vault.add_pair(profile("S", Role.MENTOR)).pair_id)
        start = time.perf_counter()
        with scratch.writing("bench") as tx:
            for t in leader.journal.takeaways():
                records.insert_takeaway(tx, dataclasses.replace(t, session_uuid=None))
        insert_floor = time.perf_counter() - start
        start = time.perf_counter()
        incoming = exchange.read(mentor.vault, mentor.pair_id, first, "x.rmjx")
        exchange.apply(mentor.vault, mentor.pair_id, incoming)
        first_import = time.perf_counter() - start
        files = []

        def write() -> None:
            path = Path(tmp) / f"r{len(files)}.rmjx"
            exchange.write(leader.vault, leader.pair_id, payload, path)
            files.append(path.read_bytes())

        stages = [
            (
                "choose what to send",
                lambda: exchange.prepare(leader.vault, leader.pair_id, ("takeaways",)),
            ),
            ("write: seal, atomic write, log", write),
            (
                "read an import: checks, decrypt, payload, compare",
                lambda: exchange.read(mentor.vault, mentor.pair_id, files[-1], "r"),
            ),
        ]
        kib = len(first) / 1024
        for name, fn in stages:
            median, p95 = timed(fn, rounds)
            print(
                f"| {size} | {kib:.0f} KiB | {name} | {median * 1e3:.1f} ms "
                f"| {p95 * 1e3:.1f} ms | {median / floor_median:.1f} |"
            )
        print(
            f"| {size} | {kib:.0f} KiB | first import, all new (once) | "
            f"{first_import * 1e3:.1f} ms | — | {first_import / floor_median:.1f} |"
        )
        print(
            f"| {size} | {kib:.0f} KiB | floor of an import: the journal's own inserts of the "
            f"same takeaways, one transaction | {insert_floor * 1e3:.1f} ms | — | "
            f"import ÷ this: {first_import / insert_floor:.2f} |"
        )
        print(
            f"| {size} | {kib:.0f} KiB | floor: AES-256-GCM + json.loads of the same payload | "
            f"{floor_median * 1e3:.1f} ms | — | 1.0 |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="10,1000,5000")
    args = parser.parse_args()
    set_private_umask()
    rng = random.Random(7)
    print("| takeaways | file | stage | median | p95 | × floor |")
    print("|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size, args.rounds, rng)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
