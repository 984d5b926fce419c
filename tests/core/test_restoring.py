"""core.storage.restoring: a restore cut short is finished, or refused in one sentence,
by the next start; what an earlier attempt left behind never stops it."""

from __future__ import annotations

import pytest

from rm_journal.core.errors import StorageUnavailable
from rm_journal.core.storage import restoring
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.layout import JOURNALS_DIR, RESTORE_MARKER


def staged(folder):
    """A data folder with a decided restore: a staging folder holding journals, named by
    the marker; the folder's own journals still in place."""
    folder.mkdir()
    (folder / JOURNALS_DIR).mkdir()
    (folder / JOURNALS_DIR / "current.rmj").write_bytes(b"the journal being replaced")
    staging = restoring.new_staging_path(folder)
    (staging / JOURNALS_DIR).mkdir(parents=True)
    (staging / JOURNALS_DIR / "restored.rmj").write_bytes(b"the journal restored")
    restoring.mark_staged(folder, staging)
    return staging


def test_what_an_earlier_attempt_left_beside_the_journals_is_cleared_first(tmp_path):
    folder = tmp_path / "data"
    staging = staged(folder)
    left = folder / f"{staging.name}.replaced"
    (left / JOURNALS_DIR).mkdir(parents=True)  # an attempt killed after its first rename
    restoring.finish(folder)
    assert sorted(p.name for p in (folder / JOURNALS_DIR).iterdir()) == ["restored.rmj"]
    assert not left.exists() and not staging.exists()
    assert not (folder / RESTORE_MARKER).exists()


def test_a_move_the_disk_refuses_is_one_sentence_and_the_restore_stays_decided(tmp_path):
    folder = tmp_path / "data"
    staging = staged(folder)
    (folder / f"{staging.name}.replaced").write_bytes(b"")  # a file where a folder goes
    with pytest.raises(StorageUnavailable, match="finish restoring a backup"):
        restoring.finish(folder)
    assert (folder / RESTORE_MARKER).exists() and staging.is_dir()  # the next start retries
    (folder / f"{staging.name}.replaced").unlink()
    with DataDir.acquire(folder):
        assert sorted(p.name for p in (folder / JOURNALS_DIR).iterdir()) == ["restored.rmj"]


def test_a_marker_that_cannot_be_read_is_refused_in_one_sentence(tmp_path):
    folder = tmp_path / "data"
    (folder / RESTORE_MARKER).mkdir(parents=True)  # a folder where the marker file goes
    with pytest.raises(StorageUnavailable, match="finish restoring a backup"):
        restoring.finish(folder)
    with pytest.raises(StorageUnavailable):
        DataDir.acquire(folder)
    (folder / RESTORE_MARKER).rmdir()
    with DataDir.acquire(folder):  # the lock was let go: the next start opens it
        pass


def test_no_restore_under_way_is_nothing_to_finish(tmp_path):
    restoring.finish(tmp_path)  # run again after a finished restore: no marker, no change
    assert list(tmp_path.iterdir()) == []
