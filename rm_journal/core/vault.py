"""The vault: one passphrase unlocks every pair's journal on this device.

passphrase → Argon2id → key-encryption key → unwraps the master key (vault.json)
master key → opens vault.db (SQLCipher, raw key): pair registry + one key per pair
pair key   → opens journals/<random id>.rmj (SQLCipher, raw key)

Changing the passphrase re-wraps the master key only (one small atomic write);
removing a pair destroys its key, so any copy of its journal becomes unreadable.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import secrets
import shutil
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rm_journal.core import backup, logs, process, validate
from rm_journal.core.errors import (
    InvalidInput,
    JournalDamaged,
    RmJournalError,
    StorageUnavailable,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from rm_journal.core.exchange.identity import Identity, new_secret
from rm_journal.core.journal import schema
from rm_journal.core.journal.store import Journal, KeptLists
from rm_journal.core.keys import crypto, recovery
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import (
    Cadence,
    Language,
    Pair,
    PairProfile,
    Role,
    SearchHit,
    new_uuid,
)
from rm_journal.core.storage import database, header, rollback, rotation
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import ensure_private_dir, fsync_dir
from rm_journal.core.storage.layout import HEADER_NAME, JOURNAL_SUFFIX, REGISTRY_NAME
from rm_journal.core.storage.registry import (
    Registry,
    insert_identity,
    registry_damaged,
    set_pair_keys,
)

MIN_PASSPHRASE_CHARS = validate.MIN_PASSPHRASE_CHARS
MAX_PASSPHRASE_CHARS = validate.MAX_PASSPHRASE_CHARS


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase before anything is written (the faces add a strength meter)."""
    length = len(unicodedata.normalize("NFC", passphrase))
    if length < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters "
            "(a few unrelated words are easy to remember and hard to guess)."
        )
    if length > MAX_PASSPHRASE_CHARS:
        raise WeakPassphrase(f"The passphrase is longer than {MAX_PASSPHRASE_CHARS} characters.")
    if validate.passphrase_strength(passphrase) < validate.MIN_PASSPHRASE_STRENGTH:
        raise WeakPassphrase(
            "This passphrase is too easy to guess (common words, names, dates or sequences): "
            "add a few unrelated words."
        )


@dataclass(frozen=True)
class PairEntry:
    """A pair as listed after unlock; ``problem`` is set (and ``pair`` None) if its journal
    cannot be opened, so one damaged journal never hides the others.

    ``Vault.pairs()`` lists pairs from the registry without opening their journals;
    ``problem`` is then only known for journals already tried. ``Vault.open_all()``
    opens (and verifies) every journal first."""

    pair_id: str
    pair: Pair | None
    problem: str | None = None


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    unsearched: list[str]  # pairs whose journal could not be opened, in list order


@dataclass(frozen=True)
class KeyRotation:
    """What a rotation of every key hands back to show once."""

    recovery_code: str  # the new one; the old code opens nothing written from now on
    old_backups: list[Path]  # taken before: they still open with the old passphrase


@dataclass(frozen=True)
class CheckResult:
    label: str  # what the file is, without any name from the journal
    file_name: str
    problems: list[str]
    pair_id: str | None = None  # a pair's journal: the pair, to restore it alone

    @property
    def ok(self) -> bool:
        return not self.problems


class Vault:
    """An unlocked vault. :meth:`lock` wipes the keys and closes every file."""

    def __init__(
        self,
        data_dir: DataDir,
        hdr: header.VaultHeader,
        master: SecretKey,
        registry: Registry,
    ) -> None:
        self.data_dir = data_dir
        self._header = hdr
        self._master: SecretKey | None = master
        # registry writes take turns, each counted and recorded in vault.state (core.rollback)
        registry.count = self._count_registry_write
        self._registry: Registry | None = registry
        self._journals: dict[str, Journal] = {}
        self._pair_keys: dict[str, SecretKey] = {}
        self._problems: dict[str, str] = {}  # journals that failed to open, this unlock
        self._lists = KeptLists()  # the open journals that keep their session list
        # Journals may be opened from a worker (prefetch) and the GUI thread at once, and
        # the vault may be locked meanwhile: opening and locking take turns.
        self._opening = threading.Lock()

    # -- creating and unlocking ------------------------------------------------------

    @classmethod
    def create(
        cls,
        data_dir: DataDir,
        passphrase: str,
        *,
        kdf_params_for_tests: crypto.KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """A new vault and its recovery code (to show once, never stored in clear).

        The passphrase slot's Argon2id cost is calibrated here; only tests pass
        cheaper parameters, and opening reads them from the authenticated header.
        """
        check_new_passphrase(passphrase)
        process.harden()
        _refuse_existing(data_dir)
        salt = secrets.token_bytes(crypto.SALT_BYTES)
        kdf = (
            kdf_params_for_tests.with_new_salt(salt)
            if kdf_params_for_tests is not None
            else crypto.calibrate_argon2id(salt)
        )
        code = recovery.generate()
        master = SecretKey.generate()
        vault_id = secrets.token_hex(16)
        hdr = header.VaultHeader(vault_id=vault_id, slots={})
        hdr = _wrap_slot(
            hdr, header.PASSPHRASE_SLOT, kdf, crypto.normalize_passphrase(passphrase), master
        )
        hdr = _wrap_recovery(hdr, code, master)
        registry: Registry | None = None
        try:
            ensure_private_dir(data_dir.journals_path)
            registry = Registry(
                database.open_encrypted(
                    data_dir.registry_path, master, create=True, damaged=registry_damaged
                )
            )
            schema.migrate(
                registry.conn, data_dir.registry_path, schema.REGISTRY_MIGRATIONS, registry_damaged
            )
            with registry.transaction("create this computer's keys") as tx:
                insert_identity(tx, new_secret(), new_secret())
            _note_recovery_code(registry, hdr)
            _record_registry(registry, data_dir, vault_id)
            header.write(data_dir.header_path, hdr)  # last: the vault exists once this lands
        except BaseException:
            if registry is not None:
                registry.conn.close()
            _remove_partial_vault(data_dir)
            master.wipe()
            raise
        return cls(data_dir, hdr, master, registry), code

    @classmethod
    def unlock(cls, data_dir: DataDir, passphrase: str) -> Vault:
        """Open with the passphrase. A wrong one changes no byte of any file."""
        process.harden()
        hdr = _read_header(data_dir)
        started = time.perf_counter()
        master = header.unwrap_slot(
            hdr, header.PASSPHRASE_SLOT, crypto.normalize_passphrase(passphrase)
        )
        logs.debug("passphrase slot tried: KDF %.0f ms", (time.perf_counter() - started) * 1e3)
        if master is None:
            raise WrongPassphrase()
        vault = cls._open_registry(data_dir, hdr, master)
        logs.debug("vault unlocked in %.0f ms", (time.perf_counter() - started) * 1e3)
        return vault

    @classmethod
    def unlock_with_recovery(cls, data_dir: DataDir, code: str) -> Vault:
        """Open with the recovery code (then set a new passphrase with change_passphrase)."""
        process.harden()
        hdr = _read_header(data_dir)
        normalized = recovery.normalize(code)
        master = header.unwrap_slot(hdr, header.RECOVERY_SLOT, normalized.encode("ascii"))
        if master is None:
            raise WrongRecoveryCode()
        return cls._open_registry(data_dir, hdr, master)

    @classmethod
    def _open_registry(cls, data_dir: DataDir, hdr: header.VaultHeader, master: SecretKey) -> Vault:
        try:
            conn = database.open_encrypted(
                data_dir.registry_path,
                master,
                create=False,
                damaged=registry_damaged,
                before_writing=lambda checked: rollback.check_registry(
                    checked, data_dir.path, hdr.vault_id
                ),
            )
            try:
                if schema.user_version(conn) == 0:
                    raise registry_damaged()
                schema.migrate(
                    conn, data_dir.registry_path, schema.REGISTRY_MIGRATIONS, registry_damaged
                )
                registry = Registry(conn)
                _record_registry(registry, data_dir, hdr.vault_id)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            master.wipe()
            raise
        return cls(data_dir, hdr, master, registry)

    # -- passphrase --------------------------------------------------------------------

    def change_passphrase(
        self, new_passphrase: str, *, current: str | None = None, backup_first: bool = True
    ) -> backup.Backup | None:
        """Re-wrap the master key under a new passphrase: one atomic write of vault.json.

        No journal is touched, so a crash leaves vault.json either wholly old or
        wholly new. With ``current``, a wrong current passphrase is refused
        (WrongPassphrase) before anything is written. A verified backup is taken
        first and returned (it opens with the old passphrase: see SECURITY.md);
        if it cannot be written, nothing changes.
        """
        check_new_passphrase(new_passphrase)
        self.master_key()
        if current is not None:
            self.verify_passphrase(current)
        taken = backup.create(self, backup.BEFORE_PASSPHRASE_CHANGE) if backup_first else None
        kdf = self._header.slots[header.PASSPHRASE_SLOT].kdf.with_new_salt(
            secrets.token_bytes(crypto.SALT_BYTES)
        )
        # the app runs this in a worker: a lock (idle, sleep) waits until the key file is
        # written, or comes first and this stops (VaultLocked), never wrapping a wiped key
        with self._opening:
            hdr = _wrap_slot(
                self._header,
                header.PASSPHRASE_SLOT,
                kdf,
                crypto.normalize_passphrase(new_passphrase),
                self.master_key(),
            )
            header.write(self.data_dir.header_path, hdr)
            self._header = hdr
        return taken

    def verify_passphrase(self, passphrase: str) -> None:
        """WrongPassphrase unless ``passphrase`` opens this vault's passphrase slot (the
        whole KDF: about half a second). Reads nothing from disk, writes nothing."""
        self.master_key()  # VaultLocked rather than a verdict on a locked vault
        found = header.unwrap_slot(
            self._header, header.PASSPHRASE_SLOT, crypto.normalize_passphrase(passphrase)
        )
        if found is None:
            raise WrongPassphrase()
        found.wipe()

    def replace_recovery_code(self) -> str:
        """A new recovery code (to show once) wrapping the same master key; the old code no
        longer opens this vault.json. A copy of an older vault.json still opens with the
        old code (see SECURITY.md): rotate_keys is what ends that."""
        with self._opening:  # as in change_passphrase: a lock comes before or after
            hdr = _wrap_recovery(self._header, code := recovery.generate(), self.master_key())
            header.write(self.data_dir.header_path, hdr)
            self._header = hdr
        with contextlib.suppress(RmJournalError):  # the code is replaced: say so, note or not
            _note_recovery_code(self.registry, hdr)
        return code

    def recovery_code_made(self) -> dt.datetime | None:
        """When the recovery code in force was made, or None if not known (a vault made
        before this was recorded, or a note that failed to be written). The code itself is
        never kept; the note names the recovery slot's salt, so a note left from an older
        code never dates the new one."""
        note = self.setting(RECOVERY_NOTE)
        salt = _b64(self._header.slots[header.RECOVERY_SLOT].kdf.salt)
        if not isinstance(note, dict) or note.get("salt") != salt:
            return None
        try:
            made = dt.datetime.fromisoformat(str(note.get("made")))
        except ValueError:
            return None
        return made if made.tzinfo is not None else None

    # -- rotating every key ---------------------------------------------------------------

    def rotate_keys(
        self,
        new_passphrase: str,
        *,
        progress: Callable[[int, int], None] = lambda done, total: None,
    ) -> KeyRotation:
        """A new master key, a new key for every pair, every file re-encrypted under them,
        and a new passphrase and recovery code: nothing kept from before (vault.json,
        backups) opens what is written afterwards. See core/storage/rotation.py for why a kill at
        any moment leaves the vault wholly old or wholly new.

        ``progress(done, total)`` is called after each file. No backup is taken first: it
        would hold the old keys. The backups already made are returned, to be named to
        the user: they still open with the old passphrase.
        """
        from rm_journal.core.journal.store import journal_damaged

        check_new_passphrase(new_passphrase)
        self.master_key()
        if any(entry.problem for entry in self.open_all()):
            raise JournalDamaged(
                "A pair's journal cannot be opened, so no key was rotated. Restore it "
                "('restore --pair') or remove the pair, then rotate the keys again."
            )
        # any copy holds the old keys, also one whose manifest is damaged or unfinished
        old_backups = backup.held_copies(backup.backups_path(self.data_dir), self.vault_id)
        rows = self.registry.pair_files("rotate the keys")
        staging = rotation.staging_path(self.data_dir.path)
        master = SecretKey.generate()
        keys = {pair_id: SecretKey.generate() for pair_id, _ in rows}
        code = recovery.generate()
        total = len(rows) + 1
        try:
            if staging.exists():
                shutil.rmtree(staging)
            ensure_private_dir(staging)
            with self._opening:
                staged_counts: dict[str | None, int | None] = {None: self._registry_count()}
                self._stage_registry(staging / REGISTRY_NAME, master, keys)
            progress(1, total)
            for done, (pair_id, file_id) in enumerate(rows, start=2):
                target = staging / f"{file_id}{JOURNAL_SUFFIX}"
                with self._opening:
                    journal = self._journal_open(pair_id)
                    staged_counts[pair_id] = journal.write_count()
                    database.reencrypt(
                        journal.conn, target, keys[pair_id], journal_damaged, "rotate the keys"
                    )
                database.open_read_only(target, keys[pair_id], damaged=journal_damaged).close()
                progress(done, total)
            self._refuse_writes_since(staged_counts)
            kdf = self.kdf_params.with_new_salt(secrets.token_bytes(crypto.SALT_BYTES))
            hdr = _wrap_slot(
                self._header,
                header.PASSPHRASE_SLOT,
                kdf,
                crypto.normalize_passphrase(new_passphrase),
                master,
            )
            hdr = _wrap_recovery(hdr, code, master)
            fsync_dir(staging)
            header.write(staging / HEADER_NAME, hdr)  # the commit point
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            master.wipe()
            for key in keys.values():
                key.wipe()
            raise
        for key in keys.values():
            key.wipe()
        self.lock()  # every file closed before it is replaced
        try:
            rotation.finish(self.data_dir.path)
            registry = Registry(
                database.open_encrypted(
                    self.data_dir.registry_path, master, create=False, damaged=registry_damaged
                )
            )
            self._registry = registry
            _record_registry(registry, self.data_dir, hdr.vault_id)  # the counted switch
            registry.count = self._count_registry_write
        except BaseException:
            master.wipe()
            raise
        self._master, self._header = master, hdr
        with contextlib.suppress(RmJournalError):  # the keys are rotated, note or not
            _note_recovery_code(registry, hdr)
        logs.info("keys rotated: %d journal(s)", len(rows))
        return KeyRotation(code, old_backups)

    def _registry_count(self) -> int | None:
        state = self.registry.read("rotate the keys", rollback.registry_state)
        return None if state is None else state[0]

    def _refuse_writes_since(self, staged: dict[str | None, int | None]) -> None:
        """A save that landed after its file was re-encrypted (another thread) would be
        lost with the old file, and the index put in would be older than vault.state
        records: the rotation is given up before its commit point instead."""
        with self._opening:
            now = {
                pair_id: self._registry_count()
                if pair_id is None
                else self._journal_open(pair_id).write_count()
                for pair_id in staged
            }
        if now != staged:
            raise StorageUnavailable(
                "A save was made while the keys were being rotated, so nothing was changed. "
                "Rotate the keys again."
            )

    def _journal_open(self, pair_id: str) -> Journal:
        journal = self._journals.get(pair_id)
        if journal is None:
            raise VaultLocked()  # locked (or the pair removed) while the keys were rotated
        return journal

    def _stage_registry(self, target: Path, master: SecretKey, keys: dict[str, SecretKey]) -> None:
        database.reencrypt(self.registry.conn, target, master, registry_damaged, "rotate the keys")
        conn = database.open_encrypted(target, master, create=False, damaged=registry_damaged)
        try:
            with database.transaction(conn, registry_damaged, "rotate the keys") as tx:
                set_pair_keys(tx, keys)
                # a counted write: the index from before (with its key file) is then older
                # than vault.state records, and refused as such if it is ever put back
                rollback.bump_registry(tx)
        finally:
            database.close(conn)
        database.open_read_only(target, master, damaged=registry_damaged).close()

    # -- what must survive a lock in memory only ------------------------------------------

    _SEAL_PURPOSE = b"rm_journal v1: unsaved edits held across a lock"

    def seal(self, data: bytes) -> bytes:
        """Encrypt ``data`` for this vault's next unlock, to be kept in memory, never on disk:
        once the vault is locked and its key wiped, only unlocking it again opens it."""
        return crypto.seal(self.master_key(), self._SEAL_PURPOSE, data, self.vault_id.encode())

    def unseal(self, blob: bytes) -> bytes | None:
        """What :meth:`seal` sealed, or None if it was sealed by another vault or changed."""
        return crypto.unseal(self.master_key(), self._SEAL_PURPOSE, blob, self.vault_id.encode())

    @property
    def kdf_params(self) -> crypto.KdfParams:
        return self._header.slots[header.PASSPHRASE_SLOT].kdf

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    # -- locking -----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._master is None

    def lock(self) -> None:
        """Checkpoint and close every file, then zero every key buffer we hold."""
        with self._opening:  # a journal being opened in a worker finishes first
            logs.debug("locking: %d journal(s) to close", len(self._journals))
            for journal in self._journals.values():
                journal.close()
            self._journals.clear()
            if self._registry is not None:
                self._registry.close()
                self._registry = None
            for key in self._pair_keys.values():
                key.wipe()
            self._pair_keys.clear()
            if self._master is not None:
                self._master.wipe()
                self._master = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def master_key(self) -> SecretKey:
        """The unlocked master key, lent: never wipe it, never keep it past a lock."""
        if self._master is None:
            raise VaultLocked()
        return self._master

    @property
    def registry(self) -> Registry:
        """The registry (vault.db): its connection, its counted write transactions, and
        its failures as our errors. VaultLocked once the vault is locked."""
        if self._registry is None:
            raise VaultLocked()
        return self._registry

    def _count_registry_write(self, tx: database.Connection) -> Callable[[], None]:
        """Count a registry write inside its transaction; vault.state records the count
        after the commit (a kill in between leaves the registry ahead, which is accepted)."""
        counter = rollback.bump_registry(tx)
        state = rollback.registry_state(tx)
        assert state is not None  # made when the registry was opened
        key = state[1]
        return lambda: rollback.write_state(self.data_dir.path, self.vault_id, key, counter)

    def _recorder(self, pair_id: str) -> Callable[[int], None]:
        """The registry's record of the journal's last write, after each of its writes."""
        return lambda count: self.registry.record_count(pair_id, count)

    def forget_journal_state(self, pair_id: str) -> None:
        """A journal restored from a backup starts a new record (call before replacing it)."""
        self.registry.forget_count(pair_id)

    # -- what backups need (core.backup.OpenVault) -------------------------------------

    @contextlib.contextmanager
    def files_steady(self) -> Iterator[None]:
        """While held, no journal is opened, removed or closed by a lock: a backup copies
        one file at a time under it, so locking waits for one file at most."""
        with self._opening:
            yield

    def journal_keys(self) -> list[tuple[str, bytes]]:
        """Every pair's journal file id and raw key, as the registry holds them."""
        return self.registry.file_keys("list the pairs")

    @contextlib.contextmanager
    def replacing_journal(self, pair_id: str) -> Iterator[None]:
        """Hold the files steady with this pair's journal closed and its last failure to
        open forgotten, while its file is replaced."""
        with self._opening:
            journal = self._journals.pop(pair_id, None)
            if journal is not None:
                journal.close()
            self._problems.pop(pair_id, None)
            yield

    # -- pairs -------------------------------------------------------------------------

    def add_pair(self, profile: PairProfile) -> Pair:
        """A new pair with its own random key and its own journal file."""
        self.master_key()
        pair_id, file_id = new_uuid(), secrets.token_hex(16)
        key = SecretKey.generate()
        path = self.data_dir.journal_path(file_id)
        try:
            journal = Journal.create(path, key, pair_id, profile, lists=self._lists)
        except BaseException:
            _unlink_journal_files(path)  # a file cut short (disk full) must not stay orphan
            key.wipe()
            raise
        try:
            self.registry.add_pair(
                pair_id, file_id, key, _listing(journal.pair()), journal.write_count()
            )
            journal.on_committed = self._recorder(pair_id)
        except BaseException:
            journal.close()
            _unlink_journal_files(path)
            key.wipe()
            raise
        self._journals[pair_id] = journal
        self._pair_keys[pair_id] = key
        return journal.pair()

    def pair_ids(self) -> list[str]:
        return self.registry.pair_ids()

    def pairs(self) -> list[PairEntry]:
        """Every pair, from the registry: no journal is opened (see ``open_all``)."""
        rows = self.registry.listings()
        entries = []
        for pair_id, listing in rows:
            problem = self._problems.get(pair_id)
            pair = None if problem else _parse_listing(pair_id, listing)
            if pair is None and problem is None:
                entries.append(self._open_entry(pair_id))  # listed by an older version
            else:
                entries.append(PairEntry(pair_id, pair, problem))
        return entries

    def open_all(self) -> list[PairEntry]:
        """Every pair with its journal opened and verified; damaged ones say why."""
        return [self._open_entry(pair_id) for pair_id in self.pair_ids()]

    def _open_entry(self, pair_id: str) -> PairEntry:
        try:
            return PairEntry(pair_id, self.journal(pair_id).pair())
        except (JournalDamaged, StorageUnavailable) as exc:
            return PairEntry(pair_id, None, str(exc))

    def is_open(self, pair_id: str) -> bool:
        return pair_id in self._journals

    def journal(self, pair_id: str) -> Journal:
        """The pair's open journal (kept open: one long-lived connection per file).

        The first call opens it and checks every page's HMAC. It may be called
        from a worker thread (to open journals ahead of need) while the GUI thread
        uses the vault: opening one journal, and locking, take turns.
        """
        journal = self._journals.get(pair_id)
        if journal is not None:
            return journal
        with self._opening:
            journal = self._journals.get(pair_id)
            if journal is not None:
                return journal
            file_id, key = self.registry.pair_file_and_key(pair_id)  # VaultLocked once locked
            recorded = self.registry.recorded_count(pair_id)
            started = time.perf_counter()
            try:
                journal = Journal.open(
                    self.data_dir.journal_path(file_id),
                    key,
                    recorded_count=recorded,
                    lists=self._lists,
                )
                try:
                    count = journal.write_count()
                    if count is not None and (recorded is None or count > recorded):
                        self.registry.record_count(pair_id, count)  # new, or killed before it
                except BaseException:
                    journal.close()
                    raise
                journal.on_committed = self._recorder(pair_id)
            except (JournalDamaged, StorageUnavailable) as exc:
                logs.info("journal %s could not be opened", file_id, exc_info=True)
                self._problems[pair_id] = str(exc)
                key.wipe()
                raise
            logs.debug(
                "journal %s opened and checked in %.1f ms",
                file_id,
                (time.perf_counter() - started) * 1e3,
            )
            self._problems.pop(pair_id, None)
            self._journals[pair_id] = journal
            self._pair_keys[pair_id] = key
            self._refresh_listing(pair_id, journal)  # before lock() may close the registry
        return journal

    def update_pair(self, pair_id: str, profile: PairProfile) -> Pair:
        """Change a pair's details in its journal and in the registry's listing."""
        journal = self.journal(pair_id)
        journal.update_profile(profile)
        self._refresh_listing(pair_id, journal)
        return journal.pair()

    def end_pair(self, pair_id: str, day: dt.date) -> Pair:
        """End the relationship: its journal is read-only until :meth:`reopen_pair`."""
        journal = self.journal(pair_id)
        journal.end(day)
        self._refresh_listing(pair_id, journal)
        return journal.pair()

    def reopen_pair(self, pair_id: str) -> Pair:
        journal = self.journal(pair_id)
        journal.reopen()
        self._refresh_listing(pair_id, journal)
        return journal.pair()

    def _refresh_listing(self, pair_id: str, journal: Journal) -> None:
        """Keep the registry's copy of the pair's details equal to the journal's."""
        self.registry.set_listing(pair_id, _listing(journal.pair()))

    def pair_file_and_key(self, pair_id: str) -> tuple[str, SecretKey]:
        """The pair's journal file id and a copy of its key (the caller wipes it)."""
        return self.registry.pair_file_and_key(pair_id)

    def remove_pair(self, pair_id: str) -> backup.Forgotten:
        """Destroy the pair's key, then delete its files.

        Once the key row is deleted (secure_delete zeroes it) and the WAL is
        truncated, no copy or backup of that journal can be opened again; every
        copy of the index in the data folder loses the key too, or is deleted
        (the result names those).
        """
        file_id, key = self.registry.pair_file_and_key(pair_id)
        key.wipe()
        journal = self._journals.pop(pair_id, None)
        if journal is not None:
            journal.close()
        held = self._pair_keys.pop(pair_id, None)
        if held is not None:
            held.wipe()
        if not self.registry.remove_pair(pair_id):
            raise StorageUnavailable(
                "The pair was removed, but its key could not yet be purged from the vault's "
                "log file. Close other programs using the data folder and lock the vault."
            )
        _unlink_journal_files(self.data_dir.journal_path(file_id))
        return backup.forget_pair(self, file_id)

    # -- this device's identity, for exchanges within a pair (core.identity) -----------

    def identity(self) -> Identity:
        """This vault's signing and exchange keys (made now for a vault from before them):
        only links confirmed before links had keys of their own use them (core.link)."""
        return Identity(*self.registry.identity(new_secret))

    # -- settings (only those that may reveal something; plain ones live with the face) --

    def setting(self, key: str, default: Any = None) -> Any:
        found = self.registry.setting(key)
        return default if found is None else json.loads(found)

    def set_setting(self, key: str, value: Any) -> None:
        self.registry.set_setting(key, validate.json_value(value, "setting"))

    # -- custom templates (validated by rm_journal.templates; stored here, encrypted) ----

    def template_documents(self) -> list[dict[str, Any]]:
        return [json.loads(document) for document in self.registry.template_documents()]

    def template_document(self, template_id: str) -> dict[str, Any] | None:
        found = self.registry.template_document(template_id)
        return None if found is None else json.loads(found)

    def save_template_document(self, template_id: str, version: int, document: Any) -> None:
        encoded = validate.json_value(document, "template")
        self.registry.save_template(template_id, version, encoded)

    def remove_template_document(self, template_id: str) -> None:
        self.registry.remove_template(template_id)

    # -- search and checks ------------------------------------------------------------

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Search every readable journal; best matches first across pairs."""
        return self.search_all(text, limit=limit).hits

    def search_all(self, text: str, *, limit: int = 50) -> SearchResults:
        """``search``, and which pairs could not be searched (their journal does not open)."""
        started = time.perf_counter()
        hits: list[SearchHit] = []
        unsearched: list[str] = []
        per_pair = max(5, limit // 5)  # results are shown grouped by pair
        for pair_id in self.pair_ids():
            try:
                journal = self.journal(pair_id)
            except (JournalDamaged, StorageUnavailable):
                unsearched.append(pair_id)  # the others are searched all the same
                continue
            hits.extend(journal.search(text, pair_id=pair_id, limit=per_pair))
        hits.sort(key=lambda h: h.rank)
        logs.debug("search: %d hit(s) in %.1f ms", len(hits), (time.perf_counter() - started) * 1e3)
        return SearchResults(hits[:limit], unsearched)

    def check(self) -> list[CheckResult]:
        """Verify every page of every file (HMAC) and SQLite's structure."""
        try:
            header.read(self.data_dir.header_path)
            problems: list[str] = []
        except RmJournalError as exc:
            problems = [str(exc)]
        results = [CheckResult("vault key file", self.data_dir.header_path.name, problems)]
        try:
            problems = self.registry.integrity_problems("check the vault index")
        except RmJournalError as exc:
            problems = [str(exc)]
        results.append(CheckResult("vault index", self.data_dir.registry_path.name, problems))
        known = set()
        try:
            rows = self.registry.pair_files("list the pairs")
        except RmJournalError as exc:
            if not problems:
                results[-1] = CheckResult(
                    "vault index", self.data_dir.registry_path.name, [str(exc)]
                )
            return results
        for number, (pair_id, file_id) in enumerate(rows, start=1):
            path = self.data_dir.journal_path(file_id)
            known.add(path.name)
            try:
                problems = self.journal(pair_id).integrity_problems()
            except RmJournalError as exc:
                problems = [str(exc)]
            results.append(
                CheckResult(f"journal of pair {number}", f"journals/{path.name}", problems, pair_id)
            )
        for path in sorted(self.data_dir.journals_path.glob(f"*{JOURNAL_SUFFIX}")):
            if path.name not in known:
                results.append(
                    CheckResult(
                        "unreferenced journal",
                        f"journals/{path.name}",
                        ["no pair uses this file (an interrupted operation left it)"],
                    )
                )
        return results


def _record_registry(registry: database.Database, data_dir: DataDir, vault_id: str) -> None:
    """Give the registry its count if it has none yet (a new vault, or one from before
    counts), and bring vault.state up to it (a kill between a commit and its record).

    Called before the vault counts the registry's writes (the count starts here)."""
    state = registry.read("record the vault's state", rollback.registry_state)
    if state is None:
        with registry.transaction("record the vault's state") as tx:
            rollback.start_registry(tx)
            state = rollback.registry_state(tx)
        assert state is not None
    counter, key = state
    recorded = rollback.recorded_count(data_dir.path, vault_id, key)
    if recorded is None or recorded < counter:
        rollback.write_state(data_dir.path, vault_id, key, counter)


def _read_header(data_dir: DataDir) -> header.VaultHeader:
    if not data_dir.has_vault():
        if data_dir.registry_path.exists():
            raise VaultDamaged(
                "The vault's key file (vault.json) is missing, so the vault cannot be opened. "
                "Nothing was changed; restore the data folder from a backup."
            )
        raise VaultMissing(str(data_dir.path))
    return header.read(data_dir.header_path)


def _wrap_slot(
    hdr: header.VaultHeader,
    slot_name: str,
    kdf: crypto.KdfParams,
    secret: bytes,
    master: SecretKey,
) -> header.VaultHeader:
    placeholder = header.Slot(kdf=kdf, nonce=b"", wrapped_key=b"")
    hdr = hdr.with_slot(slot_name, placeholder)  # the associated data covers the kdf
    kek = crypto.derive_key(secret, kdf)
    try:
        nonce = secrets.token_bytes(crypto.NONCE_BYTES)
        wrapped = crypto.wrap_key(kek, master, nonce, hdr.associated_data(slot_name))
    finally:
        kek.wipe()
    return hdr.with_slot(slot_name, header.Slot(kdf=kdf, nonce=nonce, wrapped_key=wrapped))


def _wrap_recovery(hdr: header.VaultHeader, code: str, master: SecretKey) -> header.VaultHeader:
    kdf = crypto.KdfParams(crypto.HKDF_SHA256, secrets.token_bytes(crypto.SALT_BYTES))
    return _wrap_slot(
        hdr, header.RECOVERY_SLOT, kdf, recovery.normalize(code).encode("ascii"), master
    )


RECOVERY_NOTE = "recovery_code_made"  # a registry setting: {"made": iso date, "salt": b64}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _note_recovery_code(registry: Registry, hdr: header.VaultHeader) -> None:
    """Record (encrypted, in the registry) when the recovery code in ``hdr`` was made."""
    salt = _b64(hdr.slots[header.RECOVERY_SLOT].kdf.salt)
    made = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    registry.set_setting(RECOVERY_NOTE, json.dumps({"made": made, "salt": salt}))


def _listing(pair: Pair) -> str:
    """The pair's details as the registry keeps them for the pair list (encrypted there)."""
    p = pair.profile
    return json.dumps(
        {
            "display_name": p.display_name,
            "my_role": p.my_role.value,
            "program": p.program,
            "start_date": p.start_date.isoformat() if p.start_date else None,
            "cadence": p.cadence.value,
            "language": p.language.value,
            "created_at": pair.created_at,
            "ended_on": pair.ended_on.isoformat() if pair.ended_on else None,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _parse_listing(pair_id: str, listing: str) -> Pair | None:
    """The listed pair, or None if there is no usable listing (then the journal is read)."""
    try:
        d = json.loads(listing)
        profile = PairProfile(
            display_name=str(d["display_name"]),
            my_role=Role(d["my_role"]),
            program=str(d["program"]),
            start_date=validate.parse_date(d["start_date"]),
            cadence=Cadence(d["cadence"]),
            language=Language(d["language"]),
        )
        ended = validate.parse_date(d.get("ended_on"))  # listed before v8: none
        return Pair(pair_id, profile, str(d["created_at"]), ended)
    except (ValueError, KeyError, TypeError, InvalidInput):
        return None


def _refuse_existing(data_dir: DataDir) -> None:
    journals = data_dir.journals_path
    if (
        data_dir.header_path.exists()
        or data_dir.registry_path.exists()
        or (journals.is_dir() and any(journals.iterdir()))
    ):
        raise VaultExists(str(data_dir.path))


def _remove_partial_vault(data_dir: DataDir) -> None:
    """Undo a creation that failed before vault.json was written (nothing else existed)."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{data_dir.registry_path}{suffix}").unlink()
    with contextlib.suppress(OSError):
        rollback.forget_state(data_dir.path)
    with contextlib.suppress(OSError):
        data_dir.journals_path.rmdir()


def _unlink_journal_files(path: Path) -> None:
    for candidate in [
        path,
        Path(f"{path}-wal"),
        Path(f"{path}-shm"),
        *path.parent.glob(f"{path.name}.before-v*"),
        Path(f"{path}.damaged"),  # kept by backup.restore_journal
    ]:
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
    fsync_dir(path.parent)
