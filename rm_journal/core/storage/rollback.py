"""Seeing a file go back in time: a lost or older log, or an older copy of a file.

Every page of a file passes its HMAC after a rollback: an older copy, or a file
whose ``-wal`` was deleted, cut or replaced by an older one, is a valid database
of an earlier state. SQLite cannot tell; a count kept by three files can:

* each journal counts its own write transactions (``write_count``, bumped inside
  the same transaction as the write it counts);
* the registry records each journal's last count (``pairs.write_count``, written
  after the journal's commit) and counts its own write transactions
  (``rollback_state.counter``);
* ``vault.state`` records the registry's last count, with an HMAC under a random
  key kept in the registry, written after the registry's commit into one of two
  slots (the count's parity) and fsynced: a write torn by a power cut leaves the
  other slot, one count behind, which is accepted. In place, one ``fsync``: the
  atomic replace of the whole file (create, rename, fsync the folder) cost
  5.5 ms a write here, this 0.1 ms.

A file whose count is below what the next file recorded is older than a state
this vault reached: it is refused before anything writes to it. A count above
the record is what a kill between the two writes leaves; it is accepted and
recorded. A count not recorded yet (a vault or journal from before this) starts
counting. The state lives in rows, so a whole-database copy carries it.

What no count can see: a consistent rollback of the whole data folder (every
file, ``vault.state`` included, from the same older copy), or ``vault.state``
deleted together with the registry's log (SECURITY.md states the price).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from sqlcipher3 import dbapi2

from rm_journal.core.errors import JournalRolledBack, VaultRolledBack
from rm_journal.core.storage.database import Connection
from rm_journal.core.storage.fsutil import atomic_write, storage_error

STATE_NAME = "vault.state"
_FORMAT = "rm_journal-state"
_VERSION = 1
SLOT_BYTES = 256


def journal_rolled_back() -> JournalRolledBack:
    return JournalRolledBack()  # its class's sentence (core/errors.py)


def registry_rolled_back() -> VaultRolledBack:
    return VaultRolledBack()


def _missing_table(exc: dbapi2.Error) -> bool:
    return "no such table" in str(exc)


# -- journals ----------------------------------------------------------------------------


def journal_count(conn: Connection) -> int | None:
    """The journal's write count; None before its migration added one."""
    try:
        row = conn.execute("SELECT counter FROM write_count WHERE id = 1").fetchone()
    except dbapi2.OperationalError as exc:
        if _missing_table(exc):
            return None
        raise
    return None if row is None else int(row[0])


def bump_journal(tx: Connection) -> int:
    """Count one more write, inside the write's own transaction."""
    tx.execute("UPDATE write_count SET counter = counter + 1 WHERE id = 1")
    return int(tx.execute("SELECT counter FROM write_count WHERE id = 1").fetchone()[0])


def check_journal(conn: Connection, recorded: int | None) -> None:
    """Refuse a journal behind what the registry recorded of it."""
    if recorded is None:
        return  # not recorded yet: it starts counting
    if (journal_count(conn) or 0) < recorded:
        raise journal_rolled_back()


# -- the registry ------------------------------------------------------------------------


def registry_state(conn: Connection) -> tuple[int, bytes] | None:
    """The registry's write count and state key; None before they exist."""
    try:
        row = conn.execute("SELECT counter, state_key FROM rollback_state WHERE id = 1").fetchone()
    except dbapi2.OperationalError as exc:
        if _missing_table(exc):
            return None
        raise
    return None if row is None else (int(row[0]), bytes(row[1]))


def start_registry(tx: Connection) -> None:
    """Give a registry its count and state key (a new vault, or one from before them)."""
    tx.execute(
        "INSERT OR IGNORE INTO rollback_state (id, counter, state_key) VALUES (1, 0, ?)",
        (secrets.token_bytes(32),),
    )


def bump_registry(tx: Connection) -> int:
    tx.execute("UPDATE rollback_state SET counter = counter + 1 WHERE id = 1")
    return int(tx.execute("SELECT counter FROM rollback_state WHERE id = 1").fetchone()[0])


def _mac(key: bytes, vault_id: str, counter: int) -> str:
    body = json.dumps([_FORMAT, _VERSION, vault_id, counter]).encode("ascii")
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def _slot(key: bytes, vault_id: str, counter: int) -> bytes:
    doc = {
        "format": _FORMAT,
        "version": _VERSION,
        "counter": counter,
        "mac": _mac(key, vault_id, counter),
    }
    return (json.dumps(doc, sort_keys=True) + "\n").encode("ascii").ljust(SLOT_BYTES)


def write_state(data_path: Path, vault_id: str, key: bytes, counter: int) -> None:
    """Record the registry's count, durably, in the slot of its parity."""
    path = data_path / STATE_NAME
    slot = _slot(key, vault_id, counter)
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        atomic_write(path, slot + slot)  # the first record: both slots, one file whole
        return
    except OSError as exc:
        raise storage_error(exc, f"write {STATE_NAME}") from exc
    try:
        os.lseek(fd, (counter % 2) * SLOT_BYTES, os.SEEK_SET)
        view = memoryview(slot)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        raise storage_error(exc, f"write {STATE_NAME}") from exc
    finally:
        os.close(fd)


def _slot_count(raw: bytes, vault_id: str, key: bytes) -> int | None:
    try:
        doc = json.loads(raw.decode("ascii").strip())
        counter = doc["counter"]
        mac = doc["mac"]
    except (ValueError, KeyError, TypeError):
        return None
    valid = (
        doc.get("format") == _FORMAT
        and type(counter) is int
        and isinstance(mac, str)
        and hmac.compare_digest(mac, _mac(key, vault_id, counter))
    )
    return counter if valid else None


def recorded_count(data_path: Path, vault_id: str, key: bytes | None) -> int | None:
    """The registry count ``vault.state`` vouches for; None when there is no such file.

    A file that does not verify under the registry's key (or a registry with no key
    while the file exists) means the registry is not the one that wrote it: refused."""
    path = data_path / STATE_NAME
    try:
        with path.open("rb") as file:
            raw = file.read(2 * SLOT_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise storage_error(exc, f"read {STATE_NAME}") from exc
    if key is None:
        raise registry_rolled_back()  # a registry from before it counted, after it did
    counts = [
        count
        for count in (_slot_count(raw[i : i + SLOT_BYTES], vault_id, key) for i in (0, SLOT_BYTES))
        if count is not None
    ]
    if not counts:
        raise registry_rolled_back()
    return max(counts)


def check_registry(conn: Connection, data_path: Path, vault_id: str) -> None:
    """Refuse a registry behind the count ``vault.state`` recorded."""
    state = registry_state(conn)
    recorded = recorded_count(data_path, vault_id, None if state is None else state[1])
    if recorded is not None and state is not None and state[0] < recorded:
        raise registry_rolled_back()


def forget_state(data_path: Path) -> None:
    """A restored registry starts a new record (the old one counted the replaced vault)."""
    (data_path / STATE_NAME).unlink(missing_ok=True)
