"""Child processes for the kill tests: they work in a loop and say where they are.

    python -m tests.core.kill_child fields DATA_DIR SESSION_UUID PAIR_ID
    python -m tests.core.kill_child passwd DATA_DIR CURRENT OTHER
    python -m tests.core.kill_child backup DATA_DIR
    python -m tests.core.kill_child export DATA_DIR PAIR_ID OUT_DIR
    python -m tests.core.kill_child rotate DATA_DIR N PAIR_ID SESSION_UUID

Each prints ``ready`` once set up, then ``begin`` before every operation and
``done VALUE`` only after the operation returned, i.e. after it was acknowledged to
the caller. The parent SIGKILLs the child at a moment drawn from the operation's
measured duration; a last line ``begin`` means the kill landed in the middle of one.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault

PASSPHRASE = "correct horse battery staple"
FIELDS = 150


def say(line: str) -> None:
    print(line, flush=True)


def operation(work: Callable[[], object]) -> None:
    """One acknowledged operation: ``begin``, the work, then ``done`` and its result."""
    say("begin")
    say(f"done {work()}")


def fields(data_dir: str, session_uuid: str, pair_id: str) -> None:
    """Fill fields f000..f149 of one session, acknowledging each save, then wait."""
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    say("ready")

    def save(i: int) -> int:
        journal.set_field(session_uuid, f"f{i:03d}", field_value(i))
        return i

    for i in range(FIELDS):
        operation(lambda i=i: save(i))
    say("idle")
    threading.Event().wait()  # until killed


def field_value(i: int) -> str:
    return f"value {i} " + "é" * (i * 7)


def passwd(data_dir: str, current: str, other: str) -> None:
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, current)
    say("ready")

    def change(new: str) -> str:
        vault.change_passphrase(new)
        return new

    while True:
        operation(lambda other=other: change(other))
        current, other = other, current


def rotated_passphrase(n: int) -> str:
    return PASSPHRASE if n == 0 else f"rotated passphrase number {n}"


def rotate(data_dir: str, start: str, pair_id: str, session_uuid: str) -> None:
    """Rotate every key again and again (to passphrase n+1, n+2...), acknowledging each
    rotation by its number; after each one, save field i and say ``saved i``."""
    n = int(start)
    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, rotated_passphrase(n))
    say("ready")

    def once(n: int) -> int:
        vault.rotate_keys(rotated_passphrase(n))
        return n

    for i in range(FIELDS):
        n += 1
        operation(lambda n=n: once(n))
        vault.journal(pair_id).set_field(session_uuid, f"f{i:03d}", field_value(i))
        say(f"saved {i}")


def backup_loop(data_dir: str) -> None:
    """Back up again and again, acknowledging each verified backup by its folder name."""
    from rm_journal.core import backup

    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    say("ready")
    while True:
        operation(lambda: backup.create(vault, backup.MANUAL).name)


def export(data_dir: str, pair_id: str, out_dir: str) -> None:
    """Write shared summaries one after the other, acknowledging each file once recorded."""
    from rm_journal.export import summary

    dd = DataDir.acquire(Path(data_dir))
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    prepared = summary.prepare(journal, summary.SummaryRequest())
    say("ready")

    def write(n: int) -> str:
        path = Path(out_dir) / f"summary-{n:04d}.pdf"
        summary.write(journal, prepared, path, password="a long enough password")
        return path.name

    n = 0
    while True:
        operation(lambda n=n: write(n))
        n += 1


if __name__ == "__main__":
    set_private_umask()
    modes = {
        "fields": fields,
        "passwd": passwd,
        "backup": backup_loop,
        "export": export,
        "rotate": rotate,
    }
    modes[sys.argv[1]](*sys.argv[2:])
