"""The vault's index (vault.db): the one writer of its tables.

* ``pairs``      one row a pair: its journal file, its key, its place in the list, its
                 listing (the details shown before its journal is opened) and the
                 last write count its journal reached (core/storage/rollback.py)
* ``settings``   the settings that may reveal something, as JSON
* ``templates``  the custom templates' documents, as JSON
* ``identity``   this computer's signing and exchange keys (for links made before
                 links had keys of their own, core/exchange/link.py)

``rollback_state`` is core/storage/rollback.py's. As qutebrowser's ``SqlTable`` owns its
table, :class:`Registry` owns these on the live index (the vault holds it: core/vault.py);
the module functions below do the same on another connection (a staged or backed-up
copy of the index, core/backup.py and the key rotation), so no other module writes
them. ``what`` and the sentences name the task for the person, as the vault said them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rm_journal.core.errors import NotFound, VaultDamaged, VaultLocked
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import utc_now
from rm_journal.core.storage.database import Connection, Database

_PAIR_COLUMNS = "pair_id, file_id, pair_key, position, created_at, listing, write_count"
_IDENTITY = "SELECT signing_seed, exchange_secret FROM identity WHERE id = 1"


def registry_damaged() -> VaultDamaged:
    return VaultDamaged(
        "The vault's index (vault.db) is damaged, so no journal can be opened. "
        "Nothing was changed; restore the data folder from a backup."
    )


class Registry(Database):
    """The live index, opened with the master key; VaultLocked once it is closed.

    Its writes take turns between threads: the vault counts each one and records the
    count in vault.state after the commit (``count``, set by the vault)."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn, registry_damaged, closed=VaultLocked, serialized=True)

    # -- pairs ---------------------------------------------------------------------------

    def pair_ids(self) -> list[str]:
        rows = self.rows("list the pairs", "SELECT pair_id FROM pairs ORDER BY position")
        return [r[0] for r in rows]

    def pair_files(self, what: str) -> list[tuple[str, str]]:
        """(pair, journal file) of every pair, in list order."""
        rows = self.rows(what, "SELECT pair_id, file_id FROM pairs ORDER BY position")
        return [(r[0], r[1]) for r in rows]

    def listings(self) -> list[tuple[str, str]]:
        """(pair, listing) of every pair, in list order."""
        rows = self.rows("list the pairs", "SELECT pair_id, listing FROM pairs ORDER BY position")
        return [(r[0], r[1]) for r in rows]

    def pair_file_and_key(self, pair_id: str) -> tuple[str, SecretKey]:
        """The pair's journal file and key (the caller wipes the key)."""
        rows = self.rows(
            "open the pair", "SELECT file_id, pair_key FROM pairs WHERE pair_id = ?", (pair_id,)
        )
        if not rows:
            raise NotFound("This pair no longer exists.")
        file_id, raw = rows[0]
        return file_id, SecretKey(raw)

    def file_keys(self, what: str) -> list[tuple[str, bytes]]:
        """(journal file, raw key) of every pair (a backup copies each file with it)."""
        rows = self.rows(what, "SELECT file_id, pair_key FROM pairs")
        return [(str(r[0]), bytes(r[1])) for r in rows]

    def recorded_count(self, pair_id: str) -> int | None:
        """The last write count of the pair's journal this index recorded."""
        rows = self.rows(
            "open the pair", "SELECT write_count FROM pairs WHERE pair_id = ?", (pair_id,)
        )
        return rows[0][0]  # type: ignore[no-any-return]

    def add_pair(
        self, pair_id: str, file_id: str, key: SecretKey, listing: str, write_count: int | None
    ) -> None:
        """A new pair, last in the list."""
        with self.transaction("register the pair") as tx:
            position = tx.execute("SELECT coalesce(max(position), 0) + 1 FROM pairs").fetchone()[0]
            tx.execute(
                f"INSERT INTO pairs ({_PAIR_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pair_id, file_id, bytes(key.buffer()), position, utc_now(), listing, write_count),
            )

    def set_listing(self, pair_id: str, listing: str) -> None:
        """The pair's details for the list, kept equal to its journal's (no write if they are)."""
        rows = self.rows("list the pair", "SELECT listing FROM pairs WHERE pair_id = ?", (pair_id,))
        if rows and rows[0][0] == listing:
            return  # the usual case: no write transaction on every open
        with self.transaction("list the pair") as tx:
            tx.execute("UPDATE pairs SET listing = ? WHERE pair_id = ?", (listing, pair_id))

    def record_count(self, pair_id: str, count: int) -> None:
        """The record of a journal's last write (never lowered)."""
        with self.transaction("record the journal's state") as tx:
            tx.execute(
                "UPDATE pairs SET write_count = ? WHERE pair_id = ?"
                " AND (write_count IS NULL OR write_count < ?)",
                (count, pair_id, count),
            )

    def forget_count(self, pair_id: str) -> None:
        """A journal restored from a backup starts a new record."""
        with self.transaction("restore the journal") as tx:
            tx.execute("UPDATE pairs SET write_count = NULL WHERE pair_id = ?", (pair_id,))

    def remove_pair(self, pair_id: str) -> bool:
        """Delete the pair's row (its key zeroed by secure_delete), then empty the log that
        still holds it; False if another reader kept the log from being emptied."""
        with self.transaction("remove the pair") as tx:
            tx.execute("DELETE FROM pairs WHERE pair_id = ?", (pair_id,))
        return self.checkpoint("remove the pair")

    # -- this computer's identity --------------------------------------------------------------

    def identity(self, new_secret: Callable[[], bytes]) -> tuple[bytes, bytes]:
        """(signing seed, exchange secret), drawn with ``new_secret`` the first time."""
        rows = self.rows("read this computer's keys", _IDENTITY)
        if not rows:
            with self.transaction("create this computer's keys") as tx:
                insert_identity(tx, new_secret(), new_secret())
            rows = self.rows("read this computer's keys", _IDENTITY)
        return bytes(rows[0][0]), bytes(rows[0][1])

    # -- settings and custom templates -------------------------------------------------------

    def setting(self, key: str) -> str | None:
        rows = self.rows("read a setting", "SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_setting(self, key: str, encoded: str) -> None:
        with self.transaction("save a setting") as tx:
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, encoded),
            )

    def template_documents(self) -> list[str]:
        rows = self.rows("read the templates", "SELECT document FROM templates ORDER BY id")
        return [r[0] for r in rows]

    def template_document(self, template_id: str) -> str | None:
        rows = self.rows(
            "read the template", "SELECT document FROM templates WHERE id = ?", (template_id,)
        )
        return rows[0][0] if rows else None

    def save_template(self, template_id: str, version: int, encoded: str) -> None:
        with self.transaction("save the template") as tx:
            tx.execute(
                "INSERT INTO templates (id, version, document, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
                " document = excluded.document, updated_at = excluded.updated_at",
                (template_id, version, encoded, utc_now()),
            )

    def remove_template(self, template_id: str) -> None:
        with self.transaction("remove the template") as tx:
            if tx.execute("DELETE FROM templates WHERE id = ?", (template_id,)).rowcount == 0:
                raise NotFound(f"There is no custom template '{template_id}'.")


# -- the same tables on another connection (inside the caller's transaction) ------------------


def insert_identity(tx: Connection, signing_seed: bytes, exchange_secret: bytes) -> None:
    tx.execute(
        "INSERT OR IGNORE INTO identity (id, signing_seed, exchange_secret, created_at)"
        " VALUES (1, ?, ?, ?)",
        (signing_seed, exchange_secret, utc_now()),
    )


def set_pair_keys(tx: Connection, keys: Mapping[str, SecretKey]) -> None:
    """Every pair's new key, in a staged copy of the index (the key rotation)."""
    for pair_id, key in keys.items():
        tx.execute(
            "UPDATE pairs SET pair_key = ? WHERE pair_id = ?", (bytes(key.buffer()), pair_id)
        )


def forget_file(conn: Connection, file_id: str) -> int:
    """Delete the pair of this journal file from a copy of the index; how many rows went."""
    return int(conn.execute("DELETE FROM pairs WHERE file_id = ?", (file_id,)).rowcount)


__all__ = [
    "Registry",
    "forget_file",
    "insert_identity",
    "registry_damaged",
    "set_pair_keys",
]
