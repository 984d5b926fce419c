"""Encrypted backups of a whole vault, verified before they count, and restore.

A backup is a folder with the data folder's own layout (``vault.json``,
``vault.db``, ``journals/<id>.rmj``) plus ``manifest.json``:

    {"format": "rm_journal-backup", "format_version": 1,
     "vault_id": "<32 hex>", "created_at": "2026-11-26T15:04:05.123456Z",
     "kind": "auto" | "manual" | "before-passphrase-change" | "before-restore" | ...,
     "app_version": "0.1.0",
     "files": {"vault.db": {"bytes": 8192, "sha256": "<hex>"}, ...}}

The manifest holds no name, no count of sessions and no hash of any plaintext:
the sizes and SHA-256 of the (encrypted) files only, so a damaged or swapped
file is found before anything is opened.

Each database is copied with SQLite's online backup API from its own
connection, inside one read transaction that first hashes every table: the
copy is a consistent snapshot even while the app keeps saving. The copy is
then reopened read-only, every page's HMAC and the b-tree checked, and each
table hashed again; any difference, any plaintext header, any error, and the
backup is not written (its staging folder is removed). Only a verified backup
is renamed into place, and only then does rotation remove older ones.

A backup opens with the passphrase (and the recovery code) that were in force
when it was taken: ``vault.json`` is copied as it was.

Restore never overwrites a vault without a safety copy of it first. The
files go to a staging folder, a ``restore.pending`` marker is written, then
they are moved into place; a restore cut short (a kill, a power cut) is
finished the next time the data folder is opened (core/storage/restoring.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3

from rm_journal import __version__
from rm_journal.core import logs
from rm_journal.core.errors import (
    InvalidInput,
    NotFound,
    RmJournalError,
    StorageUnavailable,
    WrongPassphrase,
)
from rm_journal.core.keys import crypto
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage import database, header, restoring
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import (
    PRIVATE_DIR,
    atomic_write,
    create_private_file,
    ensure_private_dir,
    fsync_dir,
    fsync_file,
    storage_error,
)
from rm_journal.core.storage.layout import (
    BACKUPS_DIR,
    HEADER_NAME,
    JOURNAL_SUFFIX,
    JOURNALS_DIR,
    REGISTRY_NAME,
)
from rm_journal.core.storage.platform_files import make_private
from rm_journal.core.storage.registry import forget_file


class OpenVault(Protocol):
    """What backups need of an unlocked vault; core.vault.Vault provides it. Written here
    as a protocol so that this module does not depend on the vault, which depends on it
    (a passphrase change backs up first, removing a pair reaches every backup)."""

    @property
    def data_dir(self) -> DataDir: ...

    @property
    def vault_id(self) -> str: ...

    @property
    def locked(self) -> bool: ...

    def master_key(self) -> SecretKey: ...

    def files_steady(self) -> AbstractContextManager[None]: ...

    def journal_keys(self) -> list[tuple[str, bytes]]: ...

    def pair_file_and_key(self, pair_id: str) -> tuple[str, SecretKey]: ...

    def replacing_journal(self, pair_id: str) -> AbstractContextManager[None]: ...

    def forget_journal_state(self, pair_id: str) -> None: ...


FORMAT = "rm_journal-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
AUTO = "auto"
MANUAL = "manual"
BEFORE_PASSPHRASE_CHANGE = "before-passphrase-change"  # noqa: S105 - a kind, not a secret
BEFORE_RESTORE = "before-restore"
KINDS = (AUTO, MANUAL, BEFORE_PASSPHRASE_CHANGE, BEFORE_RESTORE)
AUTO_EVERY = dt.timedelta(hours=24)  # the app takes an automatic backup at most this often
_NAME = re.compile(r"^(\d{8}T\d{6}Z)-([a-z-]+?)(?:-\d+)?$")
_PLAINTEXT_HEADER = b"SQLite format 3\x00"
_CHUNK = 1 << 20
_DIGEST_BATCH = 512


class BackupFailed(RmJournalError):
    """A backup could not be written or verified: nothing was written, older backups stay."""


class BackupCancelled(BackupFailed):
    def __init__(self) -> None:
        super().__init__(
            "The backup was stopped because the journal locked; nothing was written, and it "
            "will be taken again after the next unlock."
        )


class BackupDamaged(RmJournalError):
    """A backup's files do not match its manifest, or it cannot be read."""


@dataclass(frozen=True)
class Retention:
    """How many automatic backups rotation keeps: one per day for ``daily`` days, one per
    week for ``weekly`` weeks beyond, and the ``events`` newest of the other kinds."""

    daily: int = 7
    weekly: int = 4
    events: int = 5

    def __post_init__(self) -> None:
        for name in ("daily", "weekly", "events"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000:
                raise InvalidInput(f"Backups to keep ({name}): a whole number from 0 to 1000.")
        if self.daily + self.weekly == 0:
            raise InvalidInput("Keep at least one daily or weekly backup.")


@dataclass(frozen=True)
class Backup:
    path: Path
    vault_id: str
    created_at: dt.datetime
    kind: str
    files: dict[str, tuple[int, str]]  # relative path -> (bytes, sha256)

    @property
    def name(self) -> str:
        return self.path.name

    def journal_files(self) -> list[str]:
        return sorted(f for f in self.files if f.startswith(JOURNALS_DIR + "/"))


def backups_path(data_dir: DataDir) -> Path:
    return data_dir.path / BACKUPS_DIR


# -- reading -------------------------------------------------------------------------------


def _damaged(path: Path, why: str) -> BackupDamaged:
    return BackupDamaged(
        f"The backup {path.name} cannot be used: {why}. Choose another backup; nothing was changed."
    )


def _utc(text: str) -> dt.datetime:
    shape = "%Y-%m-%dT%H:%M:%S.%fZ" if "." in text else "%Y-%m-%dT%H:%M:%SZ"
    return dt.datetime.strptime(text, shape).replace(tzinfo=dt.UTC)


def read_manifest(path: Path) -> Backup:
    """The backup's manifest, checked for shape (not yet against the files)."""
    try:
        raw = (path / MANIFEST).read_bytes()
    except FileNotFoundError:
        raise _damaged(path, "it has no manifest (is this an rm_journal backup folder?)") from None
    except OSError as exc:
        raise storage_error(exc, f"read the backup {path.name}") from exc
    if len(raw) > 1_000_000:
        raise _damaged(path, "its manifest is too large")
    try:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError
        if doc.get("format_version") != FORMAT_VERSION:
            raise _damaged(path, "it was written by a newer version of rm_journal")
        vault_id, kind, version = doc["vault_id"], doc["kind"], doc["app_version"]
        if not (isinstance(vault_id, str) and re.fullmatch(r"[0-9a-f]{32}", vault_id)):
            raise ValueError
        if kind not in KINDS or not isinstance(version, str):
            raise ValueError
        created = _utc(doc["created_at"])
        files: dict[str, tuple[int, str]] = {}
        for name, entry in doc["files"].items():
            if not _allowed_file(name):
                raise ValueError
            size, digest = entry["bytes"], entry["sha256"]
            if not isinstance(size, int) or not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise ValueError
            files[name] = (size, digest)
        if HEADER_NAME not in files or REGISTRY_NAME not in files:
            raise ValueError
    except BackupDamaged:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise _damaged(path, "its manifest is not valid") from None
    return Backup(path, vault_id, created, kind, files)


def _allowed_file(name: Any) -> bool:
    """Only the data folder's own files, never a path that leaves the backup."""
    if not isinstance(name, str):
        return False
    if name in (HEADER_NAME, REGISTRY_NAME, REGISTRY_NAME + "-wal"):
        return True
    return bool(re.fullmatch(rf"{JOURNALS_DIR}/[0-9a-f]{{32}}\{JOURNAL_SUFFIX}(-wal)?", name))


def _sha256(path: Path) -> tuple[int, str]:
    h, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return size, h.hexdigest()


def check_files(path: Path) -> Backup:
    """Manifest, then every file's size and SHA-256, and no file the manifest does not list."""
    backup = read_manifest(path)
    try:
        present = {
            p.relative_to(path).as_posix()
            for p in path.rglob("*")
            if p.is_file() and p.name != MANIFEST
        }
        if present != set(backup.files):
            raise _damaged(path, "files are missing or were added")
        for name, expected in backup.files.items():
            if _sha256(path / name) != expected:
                raise _damaged(path, f"the file {name} was changed or damaged")
    except OSError as exc:
        raise storage_error(exc, f"read the backup {path.name}") from exc
    return backup


def list_backups(folder: Path, vault_id: str | None = None) -> list[Backup]:
    """Backups in ``folder`` with a readable manifest (of ``vault_id`` if given), newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.iterdir():
            if not entry.is_dir() or not _NAME.match(entry.name):
                continue
            try:
                backup = read_manifest(entry)
            except RmJournalError:
                continue
            if vault_id is None or backup.vault_id == vault_id:
                found.append(backup)
    return sorted(found, key=lambda b: (b.created_at, b.name), reverse=True)


@dataclass(frozen=True)
class Listed:
    """A folder in the backups folder as ``rm-journal backups`` shows it: ``backup`` is
    None when its manifest cannot be read; ``problem`` says why it cannot be used."""

    path: Path
    backup: Backup | None
    problem: str | None


def survey(folder: Path, vault_id: str | None = None) -> list[Listed]:
    """Every backup in ``folder``, damaged ones included (each with its problem), of
    ``vault_id`` if given (a damaged one whose key file names another vault is left
    out), newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.iterdir():
            if not entry.is_dir() or not _NAME.match(entry.name):
                continue
            try:
                backup: Backup | None = check_files(entry)
                problem = None
            except RmJournalError as exc:
                problem = str(exc)
                try:
                    backup = read_manifest(entry)
                except RmJournalError:
                    backup = None
            if vault_id is not None:
                owner = backup.vault_id if backup is not None else _owner(entry)
                if owner not in (vault_id, None):
                    continue
            found.append(Listed(entry, backup, problem))
    return sorted(found, key=lambda item: item.path.name, reverse=True)


def held_copies(folder: Path, vault_id: str) -> list[Path]:
    """Every folder in ``folder`` that may hold this vault's keys, in any state: backups,
    those whose manifest is damaged, and the staging folders a killed backup leaves (a
    folder that says it is of another vault is left out); published ones newest first."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.iterdir():
            copy = _NAME.match(entry.name) or entry.name.startswith(".staging-")
            if copy and entry.is_dir() and not _of_another_vault(entry, vault_id):
                found.append(entry)
    return sorted(found, key=lambda p: (not p.name.startswith("."), p.name), reverse=True)


def _owner(folder: Path) -> str | None:
    with contextlib.suppress(RmJournalError, OSError):
        return header.read(folder / HEADER_NAME).vault_id
    return None


def unlock_backup(path: Path, passphrase: str) -> SecretKey:
    """The master key of a backup, from the passphrase that was in force when it was taken."""
    hdr = header.read(path / HEADER_NAME)
    master = header.unwrap_slot(
        hdr, header.PASSPHRASE_SLOT, crypto.normalize_passphrase(passphrase)
    )
    if master is None:
        raise WrongPassphrase()
    return master


def verify_with_key(backup: Backup, master: SecretKey) -> None:
    """Open every database of the backup with its key: pages, b-tree, and the pair list."""
    with _readable_copy(backup.path, REGISTRY_NAME, backup.files) as registry_path:
        reg = database.open_read_only(registry_path, master, damaged=lambda: _damaged_file(backup))
        try:
            rows = reg.execute("SELECT file_id, pair_key FROM pairs").fetchall()
        except sqlcipher3.dbapi2.Error:
            raise _damaged_file(backup) from None
        finally:
            reg.close()
    listed = {f"{JOURNALS_DIR}/{file_id}{JOURNAL_SUFFIX}": raw for file_id, raw in rows}
    present = {name for name in backup.journal_files() if not name.endswith("-wal")}
    if set(listed) != present:
        raise _damaged(backup.path, "its journals do not match its pair list")
    for name, raw in listed.items():
        key = SecretKey(raw)
        try:
            with _readable_copy(backup.path, name, backup.files) as journal_path:
                database.open_read_only(
                    journal_path, key, damaged=lambda: _damaged_file(backup)
                ).close()
        finally:
            key.wipe()


def _damaged_file(backup: Backup) -> BackupDamaged:
    return _damaged(backup.path, "one of its files does not open with its key")


@contextlib.contextmanager
def _readable_copy(folder: Path, name: str, files: dict[str, tuple[int, str]]) -> Iterator[Path]:
    """The file itself, or, when the backup holds its write-ahead log too (a safety copy of a
    vault that was not closed cleanly), a private temporary copy of both to read from."""
    if name + "-wal" not in files or files[name + "-wal"][0] == 0:
        yield folder / name
        return
    with tempfile.TemporaryDirectory(prefix="rmj-check-") as tmp:
        make_private(Path(tmp))
        target = Path(tmp) / Path(name).name
        shutil.copyfile(folder / name, target)
        shutil.copyfile(folder / (name + "-wal"), target.with_name(target.name + "-wal"))
        yield target  # the read-only connection reads through the log


# -- writing -------------------------------------------------------------------------------


def _digest(conn: database.Connection) -> dict[str, tuple[int, str]]:
    """Rows and a hash of every real table, read in key order (identical for equal content)."""
    out = {}
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        if str(sql).upper().startswith("CREATE VIRTUAL TABLE"):
            continue  # its shadow tables are real tables and are hashed
        h, count = hashlib.sha256(), 0
        cursor = conn.execute(f'SELECT * FROM "{name}"')
        while batch := cursor.fetchmany(_DIGEST_BATCH):  # one repr per batch: 2x faster
            h.update(repr(batch).encode("utf-8", "surrogatepass"))
            count += len(batch)
        out[name] = (count, h.hexdigest())
    return out


def _snapshot(source: Path, key: SecretKey, target: Path) -> None:
    """Copy one live database into ``target`` and prove the copy equal and encrypted."""

    def failed() -> BackupFailed:
        return BackupFailed(
            f"The backup was not written: {source.name} failed its integrity check. "
            "Run “rm-journal check”; older backups were kept."
        )

    # a second connection to a file the vault holds open: its log is checked by the first
    src = database.open_encrypted(source, key, create=False, damaged=failed, check_log=False)
    try:
        with database.translated(failed, "back up the vault"):
            src.execute("BEGIN")
            expected = _digest(src)  # this read transaction is the snapshot copied below
            create_private_file(target)
            dst = sqlcipher3.connect(str(target), isolation_level=None)
            try:
                database.apply_key(dst, key, failed, check_pages=False)
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one file, readable read-only
            finally:
                dst.close()
            src.execute("COMMIT")
    finally:
        src.close()
    fsync_file(target)
    with target.open("rb") as f:
        if f.read(len(_PLAINTEXT_HEADER)) == _PLAINTEXT_HEADER:
            raise BackupFailed("The backup was not written: a copy was not encrypted.")
    # every page's HMAC, then every row compared: the b-tree was read whole on the way
    copy = database.open_read_only(target, key, damaged=failed, structure=False)
    try:
        with database.translated(failed, "check the backup"):
            if _digest(copy) != expected:
                raise BackupFailed(
                    "The backup was not written: a copy differs from the vault. "
                    "Try again; older backups were kept."
                )
    finally:
        copy.close()


def _copy_private(source: Path, target: Path) -> None:
    """Copy a file as owner-only and make it durable before anyone relies on it."""
    shutil.copyfile(source, target)
    make_private(target)
    fsync_file(target)


def _new_name(folder: Path, created: dt.datetime, kind: str) -> str:
    stem = f"{created:%Y%m%dT%H%M%SZ}-{kind}"
    name, n = stem, 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}"
    return name


def _stop_if(cancelled: Callable[[], bool], vault: OpenVault) -> None:
    if cancelled() or vault.locked:
        raise BackupCancelled()


def _write_manifest(
    staging: Path,
    vault_id: str,
    created: dt.datetime,
    kind: str,
    known: dict[str, tuple[int, str]] | None = None,
) -> None:
    """Hash every file of ``staging``, or take the sizes and hashes ``known`` as given."""
    if known is None:
        known = {
            p.relative_to(staging).as_posix(): _sha256(p)
            for p in sorted(staging.rglob("*"))
            if p.is_file() and p.name != MANIFEST
        }
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "vault_id": vault_id,
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),  # orders two in one second
        "kind": kind,
        "app_version": __version__,
        "files": {
            name: dict(zip(("bytes", "sha256"), entry, strict=True))
            for name, entry in sorted(known.items())
        },
    }
    atomic_write(staging / MANIFEST, json.dumps(doc, indent=1, sort_keys=True).encode())


@contextlib.contextmanager
def _staging(folder: Path) -> Iterator[Path]:
    """A private folder removed on any failure; the caller renames it on success."""
    ensure_private_dir(folder)
    staging = folder / f".staging-{secrets.token_hex(8)}"
    try:
        staging.mkdir(mode=PRIVATE_DIR)
        (staging / JOURNALS_DIR).mkdir(mode=PRIVATE_DIR)
        yield staging
    except (OSError, StorageUnavailable) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        reason = storage_error(exc, "write the backup") if isinstance(exc, OSError) else exc
        raise BackupFailed(f"{reason} Nothing was written; older backups were kept.") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _publish(staging: Path, folder: Path, name: str) -> Path:
    for sub in (staging / JOURNALS_DIR, staging):
        fsync_dir(sub)
    final = folder / name
    os.rename(staging, final)
    fsync_dir(folder)
    return final


def _remove_stale_staging(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.glob(".staging-*"):
            shutil.rmtree(entry, ignore_errors=True)


def create(
    vault: OpenVault,
    kind: str = MANUAL,
    *,
    dest: Path | None = None,
    now: dt.datetime | None = None,
    retention: Retention | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Backup:
    """Back up the unlocked vault into ``dest`` (default: the data folder's backups).

    Rotation runs afterwards, in the data folder's backups only, and only once
    the new backup is verified. Each file is copied while the vault's opening
    lock is held (no pair is opened, removed or locked away mid-copy); between
    files, a lock of the vault or ``cancelled()`` stops it (BackupCancelled), so
    locking waits for one file at most.
    """
    if kind not in KINDS:
        raise InvalidInput(f"Unknown kind of backup: {kind}.")
    master = vault.master_key()
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    folder = dest if dest is not None else backups_path(vault.data_dir)
    data = vault.data_dir
    _remove_stale_staging(folder)
    with _staging(folder) as staging:
        with vault.files_steady():
            _stop_if(cancelled, vault)
            header_bytes = data.header_path.read_bytes()
            pairs = vault.journal_keys()
            atomic_write(staging / HEADER_NAME, header_bytes)
            _snapshot(data.registry_path, master, staging / REGISTRY_NAME)
        for file_id, raw in pairs:
            key = SecretKey(raw)
            try:
                name = f"{file_id}{JOURNAL_SUFFIX}"
                with vault.files_steady():
                    _stop_if(cancelled, vault)
                    _snapshot(data.journals_path / name, key, staging / JOURNALS_DIR / name)
            finally:
                key.wipe()
        _stop_if(cancelled, vault)
        _write_manifest(staging, vault.vault_id, created, kind)
        final = _publish(staging, folder, _new_name(folder, created, kind))
    backup = check_files(final)
    logs.info(
        "backup written and verified: %d journal(s), %.0f ms",
        len(backup.journal_files()),
        (dt.datetime.now(dt.UTC) - created).total_seconds() * 1e3,
    )
    if dest is None:
        rotate(folder, vault.vault_id, retention or Retention(), keep=final)
    return backup


def due(vault: OpenVault, now: dt.datetime | None = None) -> bool:
    """Whether an automatic backup is due: none of this vault in the last 24 hours."""
    now = now or dt.datetime.now(dt.UTC)
    autos = [
        b for b in list_backups(backups_path(vault.data_dir), vault.vault_id) if b.kind == AUTO
    ]
    return not autos or now - autos[0].created_at >= AUTO_EVERY


def rotate(
    folder: Path, vault_id: str, retention: Retention, keep: Path | None = None
) -> list[Path]:
    """Remove the automatic backups beyond the daily and weekly ones to keep, and the other
    kinds beyond the newest ``events``; returns what was removed. Unknown folders stay."""
    backups = list_backups(folder, vault_id)
    kept: set[Path] = {keep} if keep is not None else set()
    autos = [b for b in backups if b.kind == AUTO]
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for b in autos:  # newest first: the newest backup of each day, then of each week
        day = b.created_at.date()
        week = (day.isocalendar().year, day.isocalendar().week)
        if day in days:
            continue
        if len(days) < retention.daily:
            days.append(day)
            kept.add(b.path)
        elif (
            week not in weeks
            and len(weeks) < retention.weekly
            and all((d.isocalendar().year, d.isocalendar().week) != week for d in days)
        ):
            weeks.append(week)
            kept.add(b.path)
    kept.update(b.path for b in [b for b in backups if b.kind != AUTO][: retention.events])
    removed = []
    for b in backups:
        if b.path not in kept:
            _remove_backup(b.path)
            removed.append(b.path)
    return removed


def _remove_backup(path: Path) -> None:
    """Take the backup's name away first (one rename), then delete its files: a kill
    in between leaves a staging folder, removed by the next backup, never a backup
    with files missing under its name (found by tests/core/test_kill.py)."""
    doomed = path.with_name(f".staging-removed-{path.name}")
    try:
        os.rename(path, doomed)
    except FileNotFoundError:
        return
    fsync_dir(path.parent)
    shutil.rmtree(doomed, ignore_errors=True)


# -- restoring -----------------------------------------------------------------------------


def newest_usable(backups: list[Backup], file_name: str) -> Backup | None:
    """The newest backup whose files verify and that holds ``file_name``."""
    for b in backups:
        if file_name in b.files:
            try:
                check_files(b.path)
            except RmJournalError:
                continue
            return b
    return None


def newest_for_pair(vault: OpenVault, pair_id: str) -> Backup | None:
    """The newest backup in the data folder that verifies and holds this pair's journal."""
    file_id, key = vault.pair_file_and_key(pair_id)
    key.wipe()
    backups = list_backups(backups_path(vault.data_dir), vault.vault_id)
    return newest_usable(backups, f"{JOURNALS_DIR}/{file_id}{JOURNAL_SUFFIX}")


def restore(data_dir: DataDir, source: Path, passphrase: str) -> Backup | None:
    """Replace the vault in ``data_dir`` (locked, held by this process) with a backup.

    The backup is checked file by file and opened with ``passphrase`` — the one in
    force when it was taken — before anything changes. The current vault, if any, is
    first copied into the backups folder as it is (kind "before-restore"); that copy
    is returned.
    """
    backup = check_files(source)
    master = unlock_backup(source, passphrase)
    try:
        verify_with_key(backup, master)
        safety = _safety_copy(data_dir) if _has_files(data_dir) else None
        _install(data_dir, backup, master)
    finally:
        master.wipe()
    logs.info("backup restored: %d file(s)", len(backup.files))
    return safety


def _has_files(data_dir: DataDir) -> bool:
    journals = data_dir.journals_path
    return (
        data_dir.header_path.exists()
        or data_dir.registry_path.exists()
        or (journals.is_dir() and any(journals.iterdir()))
    )


def _current_files(data_dir: DataDir) -> list[str]:
    names = [HEADER_NAME, REGISTRY_NAME, REGISTRY_NAME + "-wal"]
    if data_dir.journals_path.is_dir():
        names += [
            f"{JOURNALS_DIR}/{p.name}"
            for p in sorted(data_dir.journals_path.iterdir())
            if _allowed_file(f"{JOURNALS_DIR}/{p.name}")
        ]
    return [n for n in names if (data_dir.path / n).is_file()]


def _safety_copy(data_dir: DataDir) -> Backup:
    """The current vault's files as they are (it may be damaged or its passphrase unknown:
    it cannot be opened to be snapshotted). Verified by hashes against the originals."""
    folder = backups_path(data_dir)
    created = dt.datetime.now(dt.UTC)
    try:
        vault_id = header.read(data_dir.header_path).vault_id
    except RmJournalError:
        vault_id = "0" * 32  # unreadable header: still copied, marked as of no known vault
    _remove_stale_staging(folder)
    with _staging(folder) as staging:
        names = _current_files(data_dir)
        for name in names:
            _copy_private(data_dir.path / name, staging / name)
        if HEADER_NAME not in names or REGISTRY_NAME not in names:
            # a folder without its key file or registry: keep what there is, manifest-valid
            for missing in {HEADER_NAME, REGISTRY_NAME} - set(names):
                atomic_write(staging / missing, b"")
        _write_manifest(staging, vault_id, created, BEFORE_RESTORE)
        for name in names:
            if _sha256(staging / name) != _sha256(data_dir.path / name):
                raise BackupFailed(
                    "The restore was stopped: the copy of the current vault does not match it. "
                    "Nothing was changed."
                )
        final = _publish(staging, folder, _new_name(folder, created, BEFORE_RESTORE))
    return check_files(final)


def _install(data_dir: DataDir, backup: Backup, master: SecretKey) -> None:
    staging = restoring.new_staging_path(data_dir.path)
    try:
        staging.mkdir(mode=PRIVATE_DIR)
        (staging / JOURNALS_DIR).mkdir(mode=PRIVATE_DIR)
        for name in backup.files:
            _copy_private(backup.path / name, staging / name)
        for name, expected in backup.files.items():
            if _sha256(staging / name) != expected:
                raise _damaged(backup.path, f"the file {name} could not be copied faithfully")
        _into_wal(staging, master)
        fsync_dir(staging / JOURNALS_DIR)
        fsync_dir(staging)
        restoring.mark_staged(data_dir.path, staging)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise storage_error(exc, "restore the backup (nothing was changed)") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    restoring.finish(data_dir.path)


def _into_wal(staging: Path, master: SecretKey) -> None:
    """The staged files in WAL mode before they are switched in (database.into_wal): a
    backup's files are in rollback mode, and a kill during their first open would leave
    a hot journal no later open gets past."""
    registry = staging / REGISTRY_NAME
    if (staging / (REGISTRY_NAME + "-wal")).exists():
        return  # a backup of an older version kept the log: the first open folds it in
    conn = database.open_read_only(registry, master, damaged=registry_unreadable)
    try:
        with database.translated(registry_unreadable, "restore the backup"):
            pairs = conn.execute("SELECT file_id, pair_key FROM pairs").fetchall()
    finally:
        conn.close()
    database.into_wal(registry, master, registry_unreadable, "restore the backup")
    for file_id, raw in pairs:
        journal = staging / JOURNALS_DIR / f"{file_id}{JOURNAL_SUFFIX}"
        if journal.is_file() and not journal.with_name(journal.name + "-wal").exists():
            key = SecretKey(raw)
            try:
                database.into_wal(journal, key, registry_unreadable, "restore the backup")
            finally:
                key.wipe()


def restore_journal(vault: OpenVault, pair_id: str, backup: Backup) -> None:
    """Replace one pair's (damaged) journal with its copy in ``backup``.

    The copy must open with the pair's key, which changes only when every key is
    rotated (a backup from before then gives no journal back alone); the damaged
    file is kept beside it as ``<id>.rmj.damaged`` until the user removes the pair
    or restores again.
    """
    file_id, key = vault.pair_file_and_key(pair_id)
    name = f"{JOURNALS_DIR}/{file_id}{JOURNAL_SUFFIX}"
    try:
        if name not in backup.files:
            raise NotFound("This backup was taken before the pair existed; choose a newer one.")
        check_files(backup.path)
        with _readable_copy(backup.path, name, backup.files) as copy:
            # its bytes match the manifest (check_files): a copy that does not open with
            # the pair's key is one from before the keys were rotated
            database.open_read_only(copy, key, damaged=_older_keys).close()
            with vault.replacing_journal(pair_id):
                target = vault.data_dir.journal_path(file_id)
                tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
                vault.forget_journal_state(pair_id)  # first: the copy is older than the record
                try:
                    _copy_private(copy, tmp)
                    database.into_wal(
                        tmp, key, lambda: _damaged_file(backup), "restore the journal"
                    )
                    if target.exists():
                        os.replace(target, target.with_name(target.name + ".damaged"))
                    for suffix in ("-wal", "-shm"):
                        with contextlib.suppress(FileNotFoundError):
                            target.with_name(target.name + suffix).unlink()
                    os.replace(tmp, target)
                    fsync_dir(target.parent)
                except OSError as exc:
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                    raise storage_error(exc, "restore the journal") from exc
    finally:
        key.wipe()


def _older_keys() -> RmJournalError:
    return InvalidInput(
        "This backup was taken before the keys were rotated: it holds the old keys, so it "
        "can only be restored whole, with the passphrase of then ('restore' without --pair)."
    )


@dataclass(frozen=True)
class Forgotten:
    """What removing a pair did to the copies of the vault that the data folder holds."""

    updated: int  # copies that held the pair's key and no longer do
    deleted: tuple[str, ...]  # copies that could not be read to remove it, deleted whole


def forget_pair(vault: OpenVault, file_id: str) -> Forgotten:
    """Remove a pair's key from every copy of the vault's index in the data folder.

    Removing a pair promises that no copy of its journal can be opened again, so
    every copy of vault.db the data folder holds is reached, in any state: the
    published backups, those whose manifest is damaged, the safety copies taken
    before a restore, the staging folders a killed backup leaves, and the copies
    taken before a format update (``vault.db.before-v*``). Where the key row can
    be erased (secure_delete, then the file vacuumed) the pair's journal goes too;
    a copy that cannot be read with this vault's key (damaged, unfinished) is
    deleted whole, and named in the result. Copies elsewhere (``rm-journal backup
    DEST``, other disks, synced folders) are out of reach: SECURITY.md says so.
    """
    master = vault.master_key()
    data = vault.data_dir
    updated, deleted, stuck = 0, [], []
    for copy in sorted(data.path.glob(f"{REGISTRY_NAME}.before-v*")):
        if copy.name.endswith(("-wal", "-shm")):
            continue
        erased = _erase_key(copy, master, file_id)
        if erased is None:
            if _delete_copy(copy):
                deleted.append(copy.name)
            else:
                stuck.append(copy.name)
        updated += bool(erased)
    folder = backups_path(data)
    entries = sorted(folder.iterdir()) if folder.is_dir() else []
    for entry in entries:
        if not entry.is_dir() or _of_another_vault(entry, vault.vault_id):
            continue
        shown = f"{BACKUPS_DIR}/{entry.name}"
        unfinished = entry.name.startswith(".staging-")  # never restored: nothing to keep
        erased = None if unfinished else _forget_in_backup(entry, master, file_id)
        if erased is None:
            if _delete_copy(entry):
                deleted.append(shown)
            else:
                stuck.append(shown)
        updated += bool(erased)
    if stuck:
        raise StorageUnavailable(
            "The pair was removed, but these copies of its key could not be deleted: "
            f"{', '.join(stuck)}. Delete them from the data folder by hand."
        )
    return Forgotten(updated, tuple(deleted))


def _of_another_vault(folder: Path, vault_id: str) -> bool:
    """Whether the copy says, in its key file or its manifest, it is of another vault."""
    with contextlib.suppress(RmJournalError, OSError):
        return header.read(folder / HEADER_NAME).vault_id != vault_id
    with contextlib.suppress(RmJournalError, OSError):
        other = read_manifest(folder).vault_id
        return other not in (vault_id, "0" * 32)  # zeros: a safety copy of an unknown vault
    return False


def _erase_key(registry: Path, master: SecretKey, file_id: str) -> bool | None:
    """Erase the pair's key row from one copy of vault.db: True if it was there, False if
    not, None if the copy cannot be read with the master key (then it must go whole)."""
    if not registry.is_file():
        return None
    has_log = registry.with_name(registry.name + "-wal").exists()
    if registry.stat().st_size == 0 and not has_log:
        return False  # an empty stand-in (see _safety_copy): it holds no key
    if not has_log and _holds_no_key(registry, master, file_id):
        return False  # unchanged: a backup taken before the pair stays byte for byte
    try:
        conn = database.open_encrypted(registry, master, create=False, damaged=registry_unreadable)
    except RmJournalError:
        return None
    try:
        with database.translated(registry_unreadable, "update a copy of the vault"):
            found = forget_file(conn, file_id)
            if found:
                conn.execute("VACUUM")
            conn.execute("PRAGMA journal_mode = DELETE")  # the log folded in and removed
    except RmJournalError:
        return None
    finally:
        conn.close()
    return bool(found)


def _holds_no_key(registry: Path, master: SecretKey, file_id: str) -> bool:
    """Whether a readable copy lacks the pair, found without writing to it."""
    try:
        conn = database.open_read_only(registry, master, damaged=registry_unreadable)
    except RmJournalError:
        return False  # the read-write attempt decides
    try:
        with database.translated(registry_unreadable, "read a copy of the vault"):
            query = "SELECT count(*) FROM pairs WHERE file_id = ?"
            return int(conn.execute(query, (file_id,)).fetchone()[0]) == 0
    except RmJournalError:
        return False
    finally:
        conn.close()


def registry_unreadable() -> BackupDamaged:
    return BackupDamaged("A copy of the vault's index cannot be read with its key.")


def _forget_in_backup(folder: Path, master: SecretKey, file_id: str) -> bool | None:
    """``_erase_key`` on a backup, then its journal copy removed and its manifest updated
    for those files only: a file that no longer matched its manifest still does not."""
    try:
        before: Backup | None = read_manifest(folder)
    except RmJournalError:
        before = None  # damaged manifest: the backup stays listed as damaged
    registry = folder / REGISTRY_NAME
    index = (REGISTRY_NAME, REGISTRY_NAME + "-wal")
    if before is not None and _on_disk(folder, index) != _listed(before, index):
        before = None  # a changed index is not blessed by a new manifest
    erased = _erase_key(registry, master, file_id)
    if erased is None:
        return None
    name = f"{JOURNALS_DIR}/{file_id}{JOURNAL_SUFFIX}"
    journal_copy = [folder / (name + suffix) for suffix in ("", "-wal")]
    for path in [*journal_copy, folder / (REGISTRY_NAME + "-shm")]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    changed = any(n.startswith(name) for n in before.files) if before is not None else False
    if before is not None and (changed or _on_disk(folder, index) != _listed(before, index)):
        files = {n: e for n, e in before.files.items() if not n.startswith((name, REGISTRY_NAME))}
        for n in (REGISTRY_NAME, REGISTRY_NAME + "-wal"):
            if (folder / n).is_file():
                files[n] = _sha256(folder / n)
        _write_manifest(folder, before.vault_id, before.created_at, before.kind, files)
    fsync_dir(folder)
    return erased


def _on_disk(folder: Path, names: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    return {n: _sha256(folder / n) for n in names if (folder / n).is_file()}


def _listed(backup: Backup, names: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    return {n: backup.files[n] for n in names if n in backup.files}


def _delete_copy(path: Path) -> bool:
    """Delete a copy (a file, or a folder renamed first as _remove_backup does); False if
    something of it is still there."""
    if path.is_dir():
        _remove_backup(path)
        return not path.exists() and not path.with_name(f".staging-removed-{path.name}").exists()
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    fsync_dir(path.parent)
    return not path.exists()
