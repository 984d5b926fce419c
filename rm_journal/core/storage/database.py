"""The one place that opens a SQLCipher file and sorts its failures.

Every encrypted file (vault.db and each journal) is opened here with a raw
256-bit key (no second KDF), with the same hardening pragmas, and every
SQLite error is turned into one of our typed errors:

* damaged      the file is not a database under this key, or a page fails its HMAC
* storage      disk full, read-only, I/O error, file missing
* busy         another process holds a write lock
* bug          anything else (the message never includes user content)

A file kept open (a journal, the registry) is held by one :class:`Database`: its
connection, its write transactions and the sorting of their failures.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from rm_journal.core.errors import (
    InternalError,
    NotFound,
    RmJournalError,
    StorageUnavailable,
    UnsupportedBuild,
)
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage import platform_files, wal
from rm_journal.core.storage.fsutil import create_private_file, durable_file, storage_error

if TYPE_CHECKING:  # sqlcipher3 has no type hints; it follows the sqlite3 API exactly
    from sqlite3 import Connection
else:
    Connection = dbapi2.Connection
CACHE_KIB = 32 * 1024
BUSY_TIMEOUT_MS = 5000

_DAMAGED_CODES = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}
_STORAGE_CODES = {
    "SQLITE_FULL": "the disk is full",
    # a file-size limit (EFBIG) or a failing disk: SQLite does not tell them apart
    "SQLITE_IOERR": "the disk refused the write (it may be full or failing)",
    "SQLITE_READONLY": "the folder is read-only",
    "SQLITE_CANTOPEN": "the file cannot be opened",
    "SQLITE_PERM": "access was denied",
}
_BUSY_CODES = {"SQLITE_BUSY", "SQLITE_LOCKED"}

DamagedFactory = Callable[[], RmJournalError]


# SQLite's own sentence for each code (sqlite3ErrStr): some paths of the binding, such as
# Connection.backup, raise without the code attached.
_CODE_BY_MESSAGE = {
    "disk I/O error": "SQLITE_IOERR",
    "database or disk is full": "SQLITE_FULL",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "unable to open database file": "SQLITE_CANTOPEN",
    "access permission denied": "SQLITE_PERM",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "file is not a database": "SQLITE_NOTADB",
    "database is locked": "SQLITE_BUSY",
    "database table is locked": "SQLITE_LOCKED",
}


def _code_name(exc: dbapi2.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or _CODE_BY_MESSAGE.get(str(exc), "")
    # Extended codes (SQLITE_IOERR_WRITE, SQLITE_CORRUPT_VTAB...) sort with their base code.
    for base in (*_DAMAGED_CODES, *_STORAGE_CODES, *_BUSY_CODES):
        if name == base or name.startswith(base + "_"):
            return base
    return name


def translate(exc: dbapi2.Error, damaged: DamagedFactory, what: str) -> RmJournalError:
    """Map a SQLite error to the typed error a face can show."""
    code = _code_name(exc)
    if code in _DAMAGED_CODES:
        return damaged()
    if code in _STORAGE_CODES:
        if code == "SQLITE_FULL":
            advice = "Free some space, then try again; nothing saved before was lost."
        else:
            advice = "Check the disk's free space and the folder's permissions, then try again."
        return StorageUnavailable(f"Could not {what}: {_STORAGE_CODES[code]}. {advice}")
    if code == "SQLITE_CONSTRAINT" and "FOREIGN KEY" in str(exc):
        return NotFound(f"Could not {what}: the session or item it refers to no longer exists.")
    if code in _BUSY_CODES:
        return StorageUnavailable(
            f"Could not {what}: the file is in use by another program. Close it and try again."
        )
    return InternalError(
        f"Could not {what} because of an unexpected database error ({code or type(exc).__name__}). "
        "This is a bug in rm_journal; please report it."
    )


@contextlib.contextmanager
def translated(damaged: DamagedFactory, what: str) -> Iterator[None]:
    """Run a block, turning any SQLite error into a typed error."""
    try:
        yield
    except dbapi2.Error as exc:
        raise translate(exc, damaged, what) from exc


@functools.cache
def verify_build() -> str:
    """Refuse to run on anything but SQLCipher with FTS5; returns the cipher version."""
    return check_build(sqlcipher3.connect)


def check_build(connect: Callable[[str], Any]) -> str:
    """What verify_build checks, for any DB-API ``connect`` (tests pass plain sqlite3)."""
    conn = connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()  # plain SQLite: no row
        if not row or not row[0]:
            raise UnsupportedBuild(
                "The installed SQLite library has no encryption (SQLCipher missing); "
                "rm_journal refuses to run. Reinstall rm_journal."
            )
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        except Exception as exc:
            raise UnsupportedBuild(
                "The installed SQLCipher library lacks full-text search (FTS5); "
                "rm_journal refuses to run. Reinstall rm_journal."
            ) from exc
        return str(row[0])
    finally:
        conn.close()


def apply_key(
    conn: Connection, key: SecretKey, damaged: DamagedFactory, *, check_pages: bool
) -> None:
    """Key a fresh connection (raw key, quiet, wiped page cache) and read it once;
    ``check_pages`` verifies every page's HMAC too."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f'PRAGMA key = "{key.sqlcipher_pragma_value()}"')
    # First read: a wrong key or a damaged first page fails here.
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    if check_pages and conn.execute("PRAGMA cipher_integrity_check").fetchone():
        # SQLCipher hands back a zero-filled page, without any error, when an
        # overflow page (long text) fails its HMAC. Checking every page before
        # the first real read turns that into "damaged" instead of lost text.
        raise damaged()


def _cut_short(conn: Connection, path: Path) -> bool:
    """Whether pages the database counts are neither in the file nor in its log.

    A file cut at a page boundary still passes every page's HMAC; its b-tree then
    points past the end, found only by a full structure check (170 ms for 26 MB)
    or when a read lands there. Counting pages costs nothing.
    """
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    counted = int(conn.execute("PRAGMA page_count").fetchone()[0])
    on_disk = path.stat().st_size // page_size
    if counted <= on_disk:
        return False
    return not set(range(on_disk + 1, counted + 1)) <= wal.pages(path.with_name(path.name + "-wal"))


def _refuse_damaged_log(path: Path, damaged: DamagedFactory) -> None:
    """SQLite would drop a damaged log's frames without a word (see core/storage/wal.py)."""
    if wal.problem(path.with_name(path.name + "-wal")) is not None:
        raise damaged()


_Opener = TypeVar("_Opener", bound=Callable[..., Connection])


def _leaves_no_sidecars(opener: _Opener) -> _Opener:
    """A refused file keeps no ``-wal``/``-shm`` that opening it made: SQLite makes both
    as soon as it reads a WAL-mode first page, before a later page fails its HMAC."""

    @functools.wraps(opener)
    def wrapper(path: Path, *args: Any, **kwargs: Any) -> Connection:
        sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        new = [p for p in sidecars if not p.exists()]
        try:
            return opener(path, *args, **kwargs)
        except BaseException:
            for made in new:  # its connection is closed: nothing else was using them
                with contextlib.suppress(OSError):
                    if made.name.endswith("-shm") or made.stat().st_size == 0:
                        made.unlink()
            raise

    return cast(_Opener, wrapper)


@_leaves_no_sidecars
def open_encrypted(
    path: Path,
    key: SecretKey,
    *,
    create: bool,
    damaged: DamagedFactory,
    check_log: bool = True,
    before_writing: Callable[[Connection], None] | None = None,
) -> Connection:
    """Open (or create) an encrypted file with a raw key and the hardening pragmas.

    ``create=True`` requires that the file does not exist; ``create=False``
    requires that it does, and verifies the HMAC of every page before returning
    (about 2.5 ms per MB here), after refusing a damaged write-ahead log
    (``check_log=False`` only for a second connection to a file this process
    already holds open, whose log is being written). ``before_writing`` runs on
    that read-only connection, so what it refuses (core/storage/rollback.py) is left as it
    was too. Neither ever recreates, "repairs" or changes a file it refuses.
    """
    verify_build()
    if create:
        create_private_file(path)
    elif not path.is_file():
        raise StorageUnavailable(
            f"The file {path.name} is missing from the data folder. Restore it from a backup."
        )
    else:
        # Every page is checked through a read-only connection first: it cannot
        # checkpoint, so a file refused here keeps its log, and both stay byte for
        # byte as they were (a read-write connection, on close, folds the log into
        # the damaged file). Its page cache goes with it.
        checked = open_read_only(path, key, damaged=damaged, check_log=check_log, structure=False)
        try:
            if before_writing is not None:
                with translated(damaged, f"open {path.name}"):
                    before_writing(checked)
        finally:
            checked.close()
    with translated(damaged, f"open {path.name}"):
        conn = cast(
            Connection,
            sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False),
        )
    try:
        with translated(damaged, f"open {path.name}"):
            apply_key(conn, key, damaged, check_pages=False)
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            require_wal(
                conn,
                f"Could not open {path.name} in safe-write mode. "
                "Check that the data folder is on a local disk.",
            )
            conn.execute("PRAGMA synchronous = FULL")
            for pragma in platform_files.sqlite_pragmas():  # macOS: through the drive's cache
                conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


@_leaves_no_sidecars
def open_read_only(
    path: Path,
    key: SecretKey,
    *,
    damaged: DamagedFactory,
    check_log: bool = True,
    structure: bool = True,
) -> Connection:
    """Open a file that must not change: no write, no checkpoint, every page's HMAC
    checked, and SQLite's quick structure check unless ``structure=False``.

    Backups are stored in rollback-journal mode, so a read-only connection
    needs nothing beside the file itself.
    """
    verify_build()
    if not path.is_file():
        raise StorageUnavailable(f"The file {path.name} is missing. Restore it from a backup.")
    if path.stat().st_size == 0:
        raise damaged()  # SQLite would take it for a new, empty database, and write to it
    if check_log:
        _refuse_damaged_log(path, damaged)
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        conn = cast(
            Connection,
            sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False),
        )
    except dbapi2.Error as exc:
        raise translate(exc, damaged, f"open {path.name}") from exc
    try:
        with translated(damaged, f"open {path.name}"):
            apply_key(conn, key, damaged, check_pages=True)
            if structure and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise damaged()
            if _cut_short(conn, path):
                raise damaged()
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def close(conn: Connection) -> None:
    """Checkpoint the WAL into the main file, then close: at rest the WAL is empty."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except dbapi2.Error:
        pass  # a failed checkpoint leaves a valid WAL that the next open replays
    finally:
        conn.close()


def require_wal(conn: Connection, refused: str) -> None:
    """Switch ``conn`` to write-ahead logging, or raise ``refused``: SQLite answers with
    the mode it kept where WAL is not possible (a file system without shared memory, a
    database in memory) instead of failing, and every file here relies on WAL."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StorageUnavailable(refused)


@contextlib.contextmanager
def transaction(conn: Connection, damaged: DamagedFactory, what: str) -> Iterator[Any]:
    """BEGIN IMMEDIATE … COMMIT; rolls back and raises a typed error on failure.

    When the block returns, the write is durable (WAL + synchronous=FULL): an
    acknowledged save survives a kill or a power cut.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except dbapi2.Error as exc:
        raise translate(exc, damaged, what) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except dbapi2.Error as exc:
        _rollback(conn)
        raise translate(exc, damaged, what) from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Connection) -> None:
    with contextlib.suppress(dbapi2.Error):
        if conn.in_transaction:
            conn.execute("ROLLBACK")


_T = TypeVar("_T")
# Counts a write inside its own transaction; returns what to do once it is committed.
WriteCounter = Callable[[Connection], Callable[[], None] | None]


class Database:
    """One open file: its connection, its write transactions, and its failures in our words.

    Every read and write of a journal or of the registry goes through the one object
    that holds the connection (as qutebrowser's ``misc/sql.py`` ``Database``), so no
    caller wraps SQL in :func:`translated` itself. ``count`` (core/storage/rollback.py)
    runs inside every write transaction, just before its commit; what it returns runs
    once the write is committed (the registry records the count there). With
    ``serialized``, writes from several threads take turns, their record included.
    """

    def __init__(
        self,
        conn: Connection,
        damaged: DamagedFactory,
        *,
        closed: Callable[[], Exception] = lambda: RuntimeError("database used after close"),
        count: WriteCounter | None = None,
        serialized: bool = False,
    ) -> None:
        self._conn: Connection | None = conn
        self.damaged = damaged
        self._closed = closed
        self.count = count
        self._lock: contextlib.AbstractContextManager[Any] = (
            threading.RLock() if serialized else contextlib.nullcontext()
        )
        # how many write transactions began or ended: a cache of rows built at one
        # value is stale at any other (the journal's session list)
        self.changes = 0

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise self._closed()
        return self._conn

    @property
    def closed(self) -> bool:
        return self._conn is None

    def rows(self, what: str, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """Every row of one query; ``what`` names the task in an error's sentence."""
        with translated(self.damaged, what):
            return self.conn.execute(sql, tuple(params)).fetchall()

    def read(self, what: str, reader: Callable[[Connection], _T]) -> _T:
        """``reader``'s answer, from several queries, outside any write transaction."""
        with translated(self.damaged, what):
            return reader(self.conn)

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[Connection]:
        """A durable, counted write: all of it or none of it (see :func:`transaction`)."""
        with self._lock:
            self.changes += 1
            try:
                with transaction(self.conn, self.damaged, what) as tx:
                    yield tx
                    committed = self.count(tx) if self.count is not None else None
            finally:
                self.changes += 1
            if committed is not None:
                committed()

    def integrity_problems(self, what: str) -> list[str]:
        with translated(self.damaged, what):
            return integrity_problems(self.conn)

    def checkpoint(self, what: str) -> bool:
        """Fold the log into the file and empty it; False if another reader kept it busy."""
        with translated(self.damaged, what):
            return not self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]

    def close(self) -> None:
        """Checkpoint and close (see :func:`close`); closing twice does nothing."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            close(conn)


def reencrypt(
    conn: Connection, target: Path, key: SecretKey, damaged: DamagedFactory, what: str
) -> None:
    """Copy the open database ``conn`` into the new file ``target``, encrypted under ``key``.

    The one function every whole-database re-encryption goes through: every table,
    index and search index (``sqlcipher_export``), and the header fields it does not
    carry (``user_version``, ``application_id``). ``target`` must not exist; the copy
    is written without a journal (a copy cut short is discarded, never replayed), then
    put in WAL mode, closed and fsynced. Open it to verify it.
    """
    create_private_file(target)
    with translated(damaged, what):
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application = int(conn.execute("PRAGMA application_id").fetchone()[0])
        conn.execute(
            "ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), key.sqlcipher_pragma_value())
        )
        try:
            # a new file, fsynced whole below and verified by the caller before it counts:
            # no journal of its own (an interrupted copy is discarded, never replayed)
            conn.execute("PRAGMA rekeyed.journal_mode = OFF")
            conn.execute("PRAGMA rekeyed.synchronous = OFF")
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            conn.execute(f"PRAGMA rekeyed.user_version = {version}")
            conn.execute(f"PRAGMA rekeyed.application_id = {application}")
        finally:
            conn.execute("DETACH DATABASE rekeyed")
    into_wal(target, key, damaged, what)


def into_wal(target: Path, key: SecretKey, damaged: DamagedFactory, what: str) -> None:
    """Put a file not yet in use (re-encrypted, or copied from a backup, which is kept in
    rollback mode) in WAL mode, as every file is at rest, and fsync it: switching a
    file's mode at its first open writes its header under a rollback journal, and a
    kill there leaves a hot journal that the read-only check of every later open cannot
    roll back (the kill campaign met it). The caller checks the pages."""
    switch = cast(Connection, sqlcipher3.connect(str(target), isolation_level=None))
    try:
        with translated(damaged, what):
            apply_key(switch, key, damaged, check_pages=False)
            require_wal(
                switch,
                f"Could not {what}: the data folder does not allow safe-write mode. "
                "Check that it is on a local disk.",
            )
    finally:
        switch.close()
    durable_file(target, what)


def integrity_problems(conn: Connection) -> list[str]:
    """Every page's HMAC (cipher_integrity_check), then SQLite's own structure check."""
    problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    if problems:
        return problems
    rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


__all__ = [
    "Connection",
    "Database",
    "close",
    "integrity_problems",
    "into_wal",
    "open_encrypted",
    "reencrypt",
    "storage_error",
    "transaction",
    "translate",
    "translated",
    "verify_build",
]
