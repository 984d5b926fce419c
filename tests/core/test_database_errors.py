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
