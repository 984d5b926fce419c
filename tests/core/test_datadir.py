"""core.storage.datadir and the work it finishes at start-up (a key rotation, a restore):
a start-up that fails lets go of the folder's lock, so the next start can try again."""

from pathlib import Path

import pytest

from rm_journal import APP_ID
from rm_journal.core.errors import StorageUnavailable
from rm_journal.core.storage import datadir, rotation
from rm_journal.core.storage.datadir import DataDir


def test_without_the_variable_the_data_folder_is_the_platforms(monkeypatch, tmp_path):
    monkeypatch.delenv(datadir.ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert datadir.default_data_dir() == tmp_path / "share" / APP_ID


def test_the_variable_names_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(datadir.ENV_DATA_DIR, str(tmp_path / "elsewhere"))
    assert datadir.default_data_dir() == tmp_path / "elsewhere"


def test_no_rotation_under_way_is_nothing_to_finish(tmp_path):
    assert rotation.finish(tmp_path) is False
    (tmp_path / datadir.ROTATING_DIR).write_bytes(b"")  # a file of that name: no rotation
    assert rotation.finish(tmp_path) is False
    with DataDir.acquire(tmp_path):
        pass
    assert (tmp_path / datadir.ROTATING_DIR).is_file()


def decided_rotation_that_cannot_finish(root: Path) -> None:
    """A decided rotation (its vault.json staged) whose journals folder became a file:
    the staged journal cannot be moved in."""
    staging = root / datadir.ROTATING_DIR
    staging.mkdir(parents=True)
    (staging / "0123.rmj").write_bytes(b"staged journal")
    (staging / datadir.HEADER_NAME).write_bytes(b"{}")
    (root / datadir.JOURNALS_DIR).write_bytes(b"not a folder")


def test_a_rotation_that_cannot_finish_is_refused_and_the_lock_let_go(tmp_path):
    decided_rotation_that_cannot_finish(tmp_path)
    for _attempt in range(2):  # the second start meets the same refusal, not "already running"
        with pytest.raises(StorageUnavailable, match=r"Could not finish the key rotation: "):
            DataDir.acquire(tmp_path)
    assert (tmp_path / datadir.ROTATING_DIR / "0123.rmj").read_bytes() == b"staged journal"


def test_a_restore_marker_that_is_not_valid_is_refused_and_the_lock_let_go(tmp_path):
    (tmp_path / datadir.RESTORE_MARKER).write_text("../../somewhere", "ascii")
    for _attempt in range(2):
        with pytest.raises(
            StorageUnavailable, match=r"restore\.pending in the data folder is not valid"
        ):
            DataDir.acquire(tmp_path)
    (tmp_path / datadir.RESTORE_MARKER).unlink()
    with DataDir.acquire(tmp_path) as dd:
        assert dd.path == tmp_path


def test_the_temporary_files_of_writes_cut_short_are_removed_at_start_up(tmp_path):
    """An atomic write killed before its rename leaves ``.<name>.<hex>.tmp`` (a part of
    vault.json, say): the next start removes it and leaves every other file alone."""
    leftover = tmp_path / ".vault.json.0123456789ab.tmp"
    leftover.write_bytes(b'{"body": ')
    (tmp_path / "vault.json").write_bytes(b"kept")
    (tmp_path / ".hidden").write_bytes(b"kept")
    with DataDir.acquire(tmp_path):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", "lock", "vault.json"]
