"""Durability per platform (issue 20): each system's branch takes its own calls, shown
by injecting the platform with a recorder of its system calls; the SQLite pragmas
macOS needs are real statements a real SQLCipher connection takes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage import database, fsutil, platform_files
from rm_journal.core.storage.platform_files import Platform

FD = 7


class Recorder:
    """The calls a platform branch makes, in order; ``refuse_full`` plays a network share
    on macOS (F_FULLFSYNC refused)."""

    def __init__(self, refuse_full: bool = False) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.refuse_full = refuse_full

    def open(self, path: Path, flags: int) -> int:
        self.calls.append(("open", path.name, flags))
        return FD

    def close(self, fd: int) -> None:
        self.calls.append(("close", fd))

    def fsync(self, fd: int) -> None:
        self.calls.append(("fsync", fd))

    def full_fsync(self, fd: int) -> None:
        self.calls.append(("full_fsync", fd))
        if self.refuse_full:
            raise OSError(45, "Operation not supported")

    def lock_posix(self, fd: int) -> bool:
        self.calls.append(("flock", fd))
        return True

    def lock_windows(self, fd: int) -> bool:
        self.calls.append(("msvcrt.locking", fd))
        return False


def on(system: str, **kwargs: bool) -> tuple[Platform, Recorder]:
    recorder = Recorder(**kwargs)
    return Platform(system, recorder), recorder


@pytest.mark.parametrize(
    ("system", "file_calls", "folder_calls"),
    [
        (
            "linux",
            [("open", "f", os.O_RDONLY), ("fsync", FD), ("close", FD)],
            [("open", "d", os.O_RDONLY), ("fsync", FD), ("close", FD)],
        ),
        (
            "darwin",  # through the drive's cache
            [("open", "f", os.O_RDONLY), ("full_fsync", FD), ("close", FD)],
            [("open", "d", os.O_RDONLY), ("fsync", FD), ("close", FD)],
        ),
        (
            "win32",  # FlushFileBuffers needs write access; a folder cannot be opened
            [("open", "f", os.O_RDWR), ("fsync", FD), ("close", FD)],
            [],
        ),
    ],
)
def test_each_system_flushes_files_and_folders_its_own_way(system, file_calls, folder_calls):
    platform, recorder = on(system)
    platform_files.flush_file(Path("f"), platform)
    assert recorder.calls == file_calls
    recorder.calls.clear()
    platform_files.flush_folder(Path("d"), platform)
    assert recorder.calls == folder_calls


def test_macos_falls_back_to_fsync_where_full_fsync_is_refused():
    platform, recorder = on("darwin", refuse_full=True)
    platform_files.flush(FD, platform)
    assert recorder.calls == [("full_fsync", FD), ("fsync", FD)]


def test_the_file_is_closed_even_when_the_flush_fails():
    class Failing(Recorder):
        def fsync(self, fd: int) -> None:
            super().fsync(fd)
            raise OSError(5, "Input/output error")

    recorder = Failing()
    with pytest.raises(OSError, match="Input/output"):
        platform_files.flush_file(Path("f"), Platform("linux", recorder))
    assert recorder.calls[-1] == ("close", FD)


def test_systems_are_told_apart_from_sys_platform():
    assert [platform_files.system_of(p) for p in ("linux", "freebsd14", "darwin", "win32")] == [
        "linux",
        "linux",
        "darwin",
        "win32",
    ]
    assert platform_files.sqlite_pragmas(Platform("linux")) == ()
    assert platform_files.sqlite_pragmas(Platform("win32")) == ()


def test_macos_pragmas_are_taken_by_a_real_encrypted_connection(tmp_path, monkeypatch):
    """The journal's own opening, with macOS put in place of this system: its commits
    and checkpoints ask for F_FULLFSYNC (SQLite keeps the setting on any system)."""
    monkeypatch.setattr(platform_files, "CURRENT", Platform("darwin"))
    path = tmp_path / "j.rmj"
    conn = database.open_encrypted(path, SecretKey.generate(), create=True, damaged=RuntimeError)
    try:
        assert conn.execute("PRAGMA fullfsync").fetchone()[0] == 1
        assert conn.execute("PRAGMA checkpoint_fullfsync").fetchone()[0] == 1
    finally:
        database.close(conn)
    monkeypatch.setattr(platform_files, "CURRENT", Platform("linux"))
    other = tmp_path / "k.rmj"
    conn = database.open_encrypted(other, SecretKey.generate(), create=True, damaged=RuntimeError)
    try:
        assert conn.execute("PRAGMA fullfsync").fetchone()[0] == 0
    finally:
        database.close(conn)


@pytest.mark.parametrize(
    ("system", "call", "taken"),
    [("linux", "flock", True), ("darwin", "flock", True), ("win32", "msvcrt.locking", False)],
)
def test_each_system_locks_the_data_folder_with_its_own_call(system, call, taken):
    platform, recorder = on(system)
    assert platform_files.lock(FD, platform) is taken
    assert recorder.calls == [(call, FD)]


def test_the_lock_is_real_here_and_held_against_another_descriptor(tmp_path):
    first = os.open(tmp_path / "lock", os.O_RDWR | os.O_CREAT)
    second = os.open(tmp_path / "lock", os.O_RDWR)
    try:
        assert platform_files.lock(first)
        assert not platform_files.lock(second)  # flock: per open file, as across processes
    finally:
        os.close(first)
        os.close(second)


@pytest.mark.posix_modes
@pytest.mark.parametrize("system", ["linux", "darwin"])
def test_posix_systems_make_folders_and_files_owner_only(tmp_path, system):
    platform, _recorder = on(system)
    folder = tmp_path / "wide"
    folder.mkdir()
    os.chmod(folder, 0o755)
    platform_files.private_folder(folder, platform)
    copy = folder / "copy"
    copy.write_bytes(b"x")
    os.chmod(copy, 0o644)
    platform_files.make_private(copy, platform)
    assert (os.stat(folder).st_mode & 0o777, os.stat(copy).st_mode & 0o777) == (0o700, 0o600)


def test_windows_leaves_privacy_to_the_profile_acl(tmp_path):
    """No chmod at all on Windows (it would only set the read-only flag): the modes a
    folder and a file had are left as they were, and a missing folder is still made."""
    platform, recorder = on("win32")
    folder = tmp_path / "wide"
    folder.mkdir()
    os.chmod(folder, 0o755)
    copy = folder / "copy"
    copy.write_bytes(b"x")
    os.chmod(copy, 0o644)
    before = (os.stat(folder).st_mode, os.stat(copy).st_mode)
    platform_files.private_folder(folder, platform)
    platform_files.make_private(copy, platform)
    platform_files.private_folder(tmp_path / "new" / "deeper", platform)
    assert (os.stat(folder).st_mode, os.stat(copy).st_mode) == before
    assert (tmp_path / "new" / "deeper").is_dir()
    assert recorder.calls == []


@pytest.mark.posix_modes  # a read-only file opened for writing is refused on Windows
def test_a_read_only_file_is_flushed_here_and_an_atomic_write_lands(tmp_path):
    """On this system (Linux), for real: a file made read-only is flushed through a
    read-only descriptor; an atomic write goes through the same flush."""
    copy = tmp_path / "copy.bin"
    copy.write_bytes(b"bytes")
    copy.chmod(0o400)
    fsutil.fsync_file(copy)
    fsutil.fsync_dir(tmp_path)
    fsutil.atomic_write(tmp_path / "out.bin", b"written")
    assert (tmp_path / "out.bin").read_bytes() == b"written"
