"""Child processes for the kill tests: they write in a loop and acknowledge each write.

    python -m tests.core.kill_child fields DATA_DIR SESSION_UUID PAIR_ID
    python -m tests.core.kill_child passwd DATA_DIR CURRENT OTHER

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


if __name__ == "__main__":
    set_private_umask()
    {"fields": fields, "passwd": passwd}[sys.argv[1]](*sys.argv[2:])
