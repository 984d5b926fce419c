"""Child processes for the kill tests: they write in a loop and acknowledge each write.

    python -m tests.core.kill_child fields DATA_DIR SESSION_UUID PAIR_ID START
    python -m tests.core.kill_child passwd DATA_DIR CURRENT OTHER

A line is printed only after the write returned, i.e. after it was acknowledged
to the caller; the parent SIGKILLs the child at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rm_journal.core.datadir import DataDir
from rm_journal.core.fsutil import set_private_umask
from rm_journal.core.vault import Vault

PASSPHRASE = "correct horse battery staple"


def fields(data_dir: str, session_uuid: str, pair_id: str, start: str) -> None:
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    i = int(start)
    print("ready", flush=True)
    while True:
        journal.set_field(session_uuid, f"k{i}", f"value {i} " + "é" * (i % 300))
        print(i, flush=True)
        i += 1


def passwd(data_dir: str, current: str, other: str) -> None:
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, current)
    print("ready", flush=True)
    while True:
        vault.change_passphrase(other)
        print(other, flush=True)
        current, other = other, current


if __name__ == "__main__":
    set_private_umask()
    {"fields": fields, "passwd": passwd}[sys.argv[1]](*sys.argv[2:])
