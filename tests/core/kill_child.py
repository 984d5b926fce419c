"""Child processes for the kill tests: they write in a loop and acknowledge each write.

    python -m tests.core.kill_child fields DATA_DIR SESSION_UUID PAIR_ID
    python -m tests.core.kill_child passwd DATA_DIR CURRENT OTHER
    python -m tests.core.kill_child backup DATA_DIR
    python -m tests.core.kill_child export DATA_DIR PAIR_ID OUT_DIR

A line is printed only after the write returned, i.e. after it was acknowledged
to the caller; the parent SIGKILLs the child at random moments.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rm_journal.core.datadir import DataDir
from rm_journal.core.fsutil import set_private_umask
from rm_journal.core.vault import Vault

PASSPHRASE = "correct horse battery staple"


def fields(data_dir: str, session_uuid: str, pair_id: str) -> None:
    """Fill fields f000..f149 of one session, acknowledging each save, then wait."""
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    print("ready", flush=True)
    for i in range(150):
        journal.set_field(session_uuid, f"f{i:03d}", f"value {i} " + "é" * (i * 7))
        print(i, flush=True)
    time.sleep(60)


def passwd(data_dir: str, current: str, other: str) -> None:
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, current)
    print("ready", flush=True)
    while True:
        vault.change_passphrase(other)
        print(other, flush=True)
        current, other = other, current


def backup_loop(data_dir: str) -> None:
    """Back up again and again, acknowledging each verified backup by its folder name."""
    from rm_journal.core import backup

    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    print("ready", flush=True)
    while True:
        made = backup.create(vault, backup.MANUAL)
        print(made.name, flush=True)


def export(data_dir: str, pair_id: str, out_dir: str) -> None:
    """Write shared summaries one after the other, acknowledging each file once recorded."""
    from rm_journal.export import summary

    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    prepared = summary.prepare(journal, summary.SummaryRequest())
    print("ready", flush=True)
    n = 0
    while True:
        path = Path(out_dir) / f"summary-{n:04d}.pdf"
        summary.write(journal, prepared, path, password="a long enough password")
        print(path.name, flush=True)
        n += 1


if __name__ == "__main__":
    set_private_umask()
    modes = {"fields": fields, "passwd": passwd, "backup": backup_loop, "export": export}
    modes[sys.argv[1]](*sys.argv[2:])
