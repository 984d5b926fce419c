"""core.storage.fsutil: owner-only files, atomic replacement, and the one sentence for
each way the disk can refuse, provoked on real files and folders."""

import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidInput, NotFound, StorageUnavailable
from rm_journal.core.storage import fsutil


class TooLarge(InvalidInput):
    def __init__(self) -> None:
        super().__init__("too large")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EFBIG])
def test_a_full_disk_says_so_and_that_nothing_was_lost(code):
    error = fsutil.storage_error(OSError(code, os.strerror(code)), "save the session")
    assert str(error) == (
        "Could not save the session: the disk is full. "
        "Free some space, then try again; nothing was lost."
    )


@settings(max_examples=50)
@given(st.integers(min_value=0, max_value=200))
def test_every_errno_gets_a_sentence_with_advice(code):
    error = fsutil.storage_error(OSError(code or None, "x"), "write vault.json")
    text = str(error)
    assert isinstance(error, StorageUnavailable)
    assert text.startswith("Could not write vault.json: ")
    assert text.endswith(
        "then try again."
        if code not in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
        else "nothing was lost."
    )
    if code == 0:
        assert "an input/output error occurred" in text


def test_a_folder_under_a_file_cannot_be_created(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(
        StorageUnavailable, match=r"Could not create the folder .*: Not a directory"
    ):
        fsutil.ensure_private_dir(tmp_path / "file" / "data")


@pytest.mark.posix_modes
def test_an_existing_folder_is_tightened_to_owner_only(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    fsutil.ensure_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.posix_modes
def test_a_private_file_is_made_owner_only(tmp_path):
    target = tmp_path / "vault.db"
    fsutil.create_private_file(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_private_file_is_never_created_over_another(tmp_path):
    target = tmp_path / "vault.db"
    fsutil.create_private_file(target)
    target.write_bytes(b"kept")
    with pytest.raises(StorageUnavailable, match=r"Could not create vault.db: File exists"):
        fsutil.create_private_file(target)
    assert target.read_bytes() == b"kept"


def test_a_failed_atomic_write_leaves_the_target_and_no_temporary_file(tmp_path):
    target = tmp_path / "vault.json"
    target.mkdir()  # a rename cannot replace a folder with a file
    with pytest.raises(StorageUnavailable, match=r"Could not write vault.json: "):
        fsutil.atomic_write(target, b"{}")
    assert target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.json"]


def test_an_atomic_write_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(StorageUnavailable, match=r"No such file or directory"):
        fsutil.atomic_write(tmp_path / "gone" / "vault.json", b"{}")
    assert list(tmp_path.iterdir()) == []


def read(path: Path, limit: int = 100) -> bytes:
    return fsutil.read_limited(path, limit, "an exchange file", TooLarge)


def test_read_limited_gives_the_whole_file_within_the_limit(tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 100)
    assert read(tmp_path / "f") == b"x" * 100


def test_read_limited_refuses_a_file_over_the_limit_from_its_size(tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 101)
    with pytest.raises(TooLarge):
        read(tmp_path / "f")


def test_read_limited_refuses_a_file_that_grows_while_read():
    # /proc files say they hold 0 bytes and give more when read
    with pytest.raises(TooLarge):
        read(Path("/proc/self/status"), limit=10)


def test_read_limited_names_a_missing_file_a_folder_and_a_path_under_a_file(tmp_path):
    with pytest.raises(NotFound, match=r"There is no file .*missing.rmjx"):
        read(tmp_path / "missing.rmjx")
    with pytest.raises(InvalidInput, match=r"is a folder, not an exchange file"):
        read(tmp_path)
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(StorageUnavailable, match=r"Could not read x.rmjx: Not a directory"):
        read(tmp_path / "file" / "x.rmjx")


def test_a_file_that_cannot_be_made_durable_is_one_sentence_naming_the_task(tmp_path):
    with pytest.raises(StorageUnavailable, match="restore the journal"):
        fsutil.durable_file(tmp_path / "gone.rmj", "restore the journal")
    kept = tmp_path / "kept.rmj"
    kept.write_bytes(b"pages")
    fsutil.durable_file(kept, "restore the journal")
    assert kept.read_bytes() == b"pages"
