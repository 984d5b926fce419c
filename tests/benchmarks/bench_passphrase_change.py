"""Passphrase change cost against journal size (run by hand, not in the test suite).

    .venv/bin/python -m tests.benchmarks.bench_passphrase_change [--rounds 5]

Creates two vaults with the calibrated Argon2id cost, one empty and one with a
large journal, and times unlock, change_passphrase and the KDF alone in the same
run, so the ratio (large / empty) is meaningful on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from rm_journal.core.keys import crypto
from rm_journal.core.models import PairProfile, Role
from rm_journal.core.storage import header
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault

PASSPHRASES = ("first benchmark passphrase", "second benchmark passphrase")


def make_vault(root: Path, megabytes: int, kdf: crypto.KdfParams | None = None) -> DataDir:
    """A vault with the calibrated cost, or with ``kdf`` so two vaults cost the same."""
    dd = DataDir.acquire(root)
    vault, _ = Vault.create(dd, PASSPHRASES[0], kdf_params_for_tests=kdf)
    if megabytes:
        journal = vault.journal(vault.add_pair(PairProfile("Bench", Role.LEADER)).pair_id)
        session = journal.add_session("regular", {"id": "regular"})
        chunk = "Une phrase de journal réaliste, avec des accents. " * 20_000  # ~1 MB
        for i in range(megabytes):
            journal.set_field(session.uuid, f"f{i}", chunk)
    vault.lock()
    return dd


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--megabytes", type=int, default=50)
    args = parser.parse_args()
    set_private_umask()
    with tempfile.TemporaryDirectory() as tmp:
        empty = make_vault(Path(tmp) / "empty", 0)
        kdf = header.read(empty.header_path).slots["passphrase"].kdf
        vaults = {
            "empty": empty,
            f"{args.megabytes} MB": make_vault(Path(tmp) / "large", args.megabytes, kdf),
        }
        print(
            f"Argon2id calibrated: {kdf.memory_kib // 1024} MiB, {kdf.iterations} passes, "
            f"{kdf.lanes} lanes"
        )
        times: dict[str, dict[str, list[float]]] = {
            n: {"kdf": [], "unlock": [], "change": []} for n in vaults
        }
        for r in range(args.rounds):
            for name, dd in vaults.items():
                old, new = PASSPHRASES[r % 2], PASSPHRASES[(r + 1) % 2]
                params = header.read(dd.header_path).slots["passphrase"].kdf
                t0 = time.perf_counter()
                crypto.derive_key(crypto.normalize_passphrase(old), params).wipe()
                t1 = time.perf_counter()
                vault = Vault.unlock(dd, old)
                t2 = time.perf_counter()
                vault.change_passphrase(new, backup_first=False)  # the re-wrap alone
                t3 = time.perf_counter()
                vault.lock()
                times[name]["kdf"].append(t1 - t0)
                times[name]["unlock"].append(t2 - t1)
                times[name]["change"].append(t3 - t2)
        size = {
            n: sum(p.stat().st_size for p in dd.path.rglob("*") if p.is_file())
            for n, dd in vaults.items()
        }
        print(f"\n{'vault':<8} {'size':>9} {'op':<7} {'median s':>9} {'p95 s':>7}")
        for name, ops in times.items():
            for op, vals in ops.items():
                print(
                    f"{name:<8} {size[name] / 1e6:>8.1f}M {op:<7} {statistics.median(vals):>9.3f} "
                    f"{percentile(vals, 0.95):>7.3f}"
                )
        names = list(vaults)
        ratio = statistics.median(times[names[1]]["change"]) / statistics.median(
            times[names[0]]["change"]
        )
        print(f"\nchange_passphrase, large / empty (median): {ratio:.2f}")
        for dd in vaults.values():
            dd.release()


if __name__ == "__main__":
    main()
