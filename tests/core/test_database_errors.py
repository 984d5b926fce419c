"""Every SQLite failure reaches the user as a typed error with a sentence, code or not."""

import os
import resource

import pytest
import sqlcipher3
from sqlcipher3 import dbapi2

from rm_journal.core.errors import (
    InternalError,
    JournalDamaged,
    StorageUnavailable,
    UnsupportedBuild,
)
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage import database


def damaged() -> JournalDamaged:
    return JournalDamaged("damaged")


@pytest.mark.parametrize(
    ("message", "kind", "words"),
    [
        ("disk I/O error", StorageUnavailable, "may be full"),
        ("database or disk is full", StorageUnavailable, "the disk is full"),
        ("attempt to write a readonly database", StorageUnavailable, "read-only"),
        ("database disk image is malformed", JournalDamaged, "damaged"),
        ("file is not a database", JournalDamaged, "damaged"),
        ("database is locked", StorageUnavailable, "in use by another program"),
        ("something SQLite never says", InternalError, "This is a bug"),
    ],
)
def test_errors_without_a_code_are_sorted_by_sqlites_own_sentence(message, kind, words):
    # Connection.backup raises like this: no sqlite_errorname on the exception
    error = database.translate(dbapi2.OperationalError(message), damaged, "back up the vault")
    assert isinstance(error, kind) and words in str(error)


# -- the object that owns an open file (database.Database) --------------------------------


@pytest.fixture
def counted(tmp_path):
    """A real encrypted file whose writes are counted as a journal's are: inside the
    write's transaction, and what the count returns run once it is committed."""
    from rm_journal.core.keys.secret import SecretKey

    conn = database.open_encrypted(
        tmp_path / "owned.db", SecretKey.generate(), create=True, damaged=damaged
    )
    conn.execute("CREATE TABLE notes (body TEXT NOT NULL)")
    conn.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
    conn.execute("INSERT INTO counter VALUES (0)")
    recorded: list[int] = []

    def count(tx):
        tx.execute("UPDATE counter SET n = n + 1")
        n = tx.execute("SELECT n FROM counter").fetchone()[0]
        return lambda: recorded.append(n)

    db = database.Database(conn, damaged, count=count, serialized=True)
    yield db, recorded
    db.close()


def _write(db, body, *, then=None):
    with db.transaction("save a note") as tx:
        tx.execute("INSERT INTO notes VALUES (?)", (body,))
        if then is not None:
            raise then


def test_a_write_is_counted_and_recorded_only_once_committed(counted):
    db, recorded = counted
    with pytest.raises(ZeroDivisionError):
        _write(db, "half written", then=ZeroDivisionError())
    assert db.rows("read", "SELECT count(*) FROM notes") == [(0,)]
    assert db.rows("read", "SELECT n FROM counter") == [(0,)] and recorded == []
    before = db.changes
    _write(db, "kept")
    assert db.rows("read", "SELECT n FROM counter") == [(1,)] and recorded == [1]
    assert db.changes > before  # what a cache of rows read before it checks


def test_the_owner_sorts_sqlite_failures_and_names_the_task(counted):
    db, recorded = counted
    with pytest.raises(InternalError, match="Could not read the notes"):
        db.rows("read the notes", "SELECT body FROM no_such_table")
    with pytest.raises(InternalError, match="Could not save a note"):
        _write(db, None)  # NOT NULL: a bug, never a sentence with the text
    assert db.rows("read", "SELECT n FROM counter") == [(0,)] and recorded == []


def test_a_closed_database_raises_its_owners_error(tmp_path):
    from rm_journal.core.errors import VaultLocked
    from rm_journal.core.keys.secret import SecretKey

    conn = database.open_encrypted(
        tmp_path / "closed.db", SecretKey.generate(), create=True, damaged=damaged
    )
    db = database.Database(conn, damaged, closed=VaultLocked)
    db.close()
    db.close()  # twice: nothing more happens
    assert db.closed
    with pytest.raises(VaultLocked):
        db.rows("read", "SELECT 1")


# -- opening and writing real SQLCipher files ------------------------------------------


def a_file(path, key) -> None:
    """A real SQLCipher file at ``path`` with one table and an index over a few rows."""
    conn = database.open_encrypted(path, key, create=True, damaged=damaged)
    with database.transaction(conn, damaged, "fill the file"):
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("CREATE INDEX notes_body ON notes (body)")
        conn.executemany("INSERT INTO notes VALUES (?)", [(f"note {n}",) for n in range(300)])
    database.close(conn)


def test_a_file_missing_from_the_data_folder_is_named(tmp_path):
    with pytest.raises(
        StorageUnavailable, match=r"The file gone\.db is missing from the data folder"
    ):
        database.open_encrypted(
            tmp_path / "gone.db", SecretKey.generate(), create=False, damaged=damaged
        )
    assert list(tmp_path.iterdir()) == []


def test_a_write_on_a_read_only_connection_is_refused_before_it_begins(tmp_path):
    key = SecretKey.generate()
    a_file(tmp_path / "a.db", key)
    before = (tmp_path / "a.db").read_bytes()
    conn = database.open_read_only(tmp_path / "a.db", key, damaged=damaged)
    try:
        with (
            pytest.raises(
                StorageUnavailable, match=r"Could not save the session: the folder is read-only"
            ),
            database.transaction(conn, damaged, "save the session"),
        ):
            conn.execute("INSERT INTO notes VALUES ('never')")
    finally:
        conn.close()
    assert (tmp_path / "a.db").read_bytes() == before


def test_a_file_whose_pages_are_authentic_but_whose_structure_is_broken_is_damaged(tmp_path):
    """The key is right and every page's HMAC holds (the file was written through
    SQLCipher), yet the index's root page is the table's: SQLite's structure check
    must refuse it."""
    key = SecretKey.generate()
    a_file(tmp_path / "a.db", key)
    conn = database.open_encrypted(tmp_path / "a.db", key, create=False, damaged=damaged)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master WHERE name = 'notes')"
        " WHERE name = 'notes_body'"
    )
    conn.execute("PRAGMA writable_schema = OFF")
    database.close(conn)
    with pytest.raises(JournalDamaged):
        database.open_read_only(tmp_path / "a.db", key, damaged=damaged)


def test_a_flipped_page_read_by_a_connection_already_open_is_reported(tmp_path):
    key = SecretKey.generate()
    a_file(tmp_path / "a.db", key)
    conn = database.open_read_only(tmp_path / "a.db", key, damaged=damaged)
    try:
        assert database.integrity_problems(conn) == []
        raw = bytearray((tmp_path / "a.db").read_bytes())
        raw[3 * 4096 + 100] ^= 0x01  # inside page 4, after the connection checked it
        (tmp_path / "a.db").write_bytes(bytes(raw))
        conn.execute("PRAGMA cache_size = 0")  # read the page again from the disk
        problems = database.integrity_problems(conn)
    finally:
        conn.close()
    assert problems and any("4" in problem for problem in problems)


def no_descriptor_beyond(spare: int) -> tuple[int, int]:
    """Let this process open only ``spare`` more files (a leak, a low ``ulimit -n``);
    returns the limits to restore."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lowest_free = os.dup(0)
    os.close(lowest_free)
    resource.setrlimit(resource.RLIMIT_NOFILE, (lowest_free + spare, hard))
    return soft, hard


def test_a_process_out_of_file_descriptors_is_told_the_file_cannot_be_opened(tmp_path):
    """SQLite cannot open the file, and the person reads a sentence, not an
    OperationalError."""
    key = SecretKey.generate()
    a_file(tmp_path / "a.db", key)
    database.verify_build()  # done once per process, before any file is opened
    limits = no_descriptor_beyond(0)
    try:
        with pytest.raises(
            StorageUnavailable, match=r"^Could not open a\.db: the file cannot be opened\."
        ):
            database.open_read_only(tmp_path / "a.db", key, damaged=damaged, check_log=False)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, limits)
    database.open_read_only(tmp_path / "a.db", key, damaged=damaged).close()


def test_a_new_file_whose_log_cannot_be_opened_is_refused_and_its_connection_closed(tmp_path):
    """One descriptor left: the new file opens, its write-ahead log cannot. The open
    fails with a sentence, and the connection it made is closed (the descriptor is
    free again: the next open succeeds)."""
    database.verify_build()
    limits = no_descriptor_beyond(1)
    try:
        with pytest.raises(
            StorageUnavailable, match=r"^Could not open new\.db: the file cannot be opened\."
        ):
            database.open_encrypted(
                tmp_path / "new.db", SecretKey.generate(), create=True, damaged=damaged
            )
        probe = os.open(tmp_path / "new.db", os.O_RDONLY)  # the one descriptor is free again
        os.close(probe)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, limits)


def test_a_read_only_open_names_a_missing_file_and_refuses_an_empty_one(tmp_path):
    key = SecretKey.generate()
    with pytest.raises(StorageUnavailable, match=r"^The file gone\.db is missing\."):
        database.open_read_only(tmp_path / "gone.db", key, damaged=damaged)
    (tmp_path / "empty.db").write_bytes(b"")  # SQLite would take it for a new database
    with pytest.raises(JournalDamaged):
        database.open_read_only(tmp_path / "empty.db", key, damaged=damaged)
    assert (tmp_path / "empty.db").read_bytes() == b""


def test_a_file_cut_at_a_page_boundary_is_damaged_though_every_page_left_is_authentic(tmp_path):
    key = SecretKey.generate()
    a_file(tmp_path / "a.db", key)
    raw = (tmp_path / "a.db").read_bytes()
    assert len(raw) % 4096 == 0 and len(raw) > 2 * 4096
    (tmp_path / "a.db").write_bytes(raw[:-4096])
    with pytest.raises(JournalDamaged):
        database.open_encrypted(tmp_path / "a.db", key, create=False, damaged=damaged)
    assert (tmp_path / "a.db").read_bytes() == raw[:-4096]  # refused, not "repaired"


def test_a_connection_that_keeps_another_mode_than_wal_is_refused_in_our_words():
    """SQLite answers ``PRAGMA journal_mode = WAL`` with the mode it kept where WAL is not
    possible (here a database in memory, as on a file system without shared memory)."""
    conn = sqlcipher3.connect(":memory:")
    try:
        with pytest.raises(StorageUnavailable, match="the data folder does not allow"):
            database.require_wal(conn, "Could not test: the data folder does not allow it.")
    finally:
        conn.close()


def test_a_build_that_cannot_make_a_full_text_table_is_refused(tmp_path):
    """check_build's second refusal, on a real SQLCipher connection that cannot create the
    FTS5 probe (a read-only one: the same refusal a build without FTS5 meets)."""
    empty = tmp_path / "empty.db"
    sqlcipher3.connect(str(empty)).close()

    def read_only(_name):
        return sqlcipher3.connect(f"file:{empty}?mode=ro", uri=True)

    with pytest.raises(UnsupportedBuild, match="lacks full-text search"):
        database.check_build(read_only)
