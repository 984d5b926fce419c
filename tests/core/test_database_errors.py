"""Every SQLite failure reaches the user as a typed error with a sentence, code or not."""

import pytest
from sqlcipher3 import dbapi2

from rm_journal.core.errors import InternalError, JournalDamaged, StorageUnavailable
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
