"""The data folder, and the lock that lets one process at a time use it.

    <data dir>/            0700
      lock                 empty; held with an OS lock while a process uses the folder
      vault.json           KDF parameters + wrapped master key (see header.py)
      vault.db             SQLCipher (master key): pair registry and pair keys
      journals/<id>.rmj    SQLCipher (pair key): one journal per pair
      rotating/            only while keys are rotated (see rotation.py)

(layout.py names them all.)

The lock is an OS lock (flock on POSIX, msvcrt on Windows: platform_files), so the
kernel releases it when a process dies: a lock left by a killed process is
simply taken over. The file stays empty so that nothing in the folder changes
when a process only reads.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_data_dir

from rm_journal import APP_ID
from rm_journal.core.errors import AlreadyRunning, StorageUnavailable, VaultMissing
from rm_journal.core.storage import platform_files
from rm_journal.core.storage.fsutil import PRIVATE_FILE, ensure_private_dir, storage_error
from rm_journal.core.storage.layout import (
    HEADER_NAME,
    JOURNAL_SUFFIX,
    JOURNALS_DIR,
    LOCK_NAME,
    REGISTRY_NAME,
    RESTORE_MARKER,
    ROTATING_DIR,
)

ENV_DATA_DIR = "RM_JOURNAL_DATA_DIR"


def default_data_dir() -> Path:
    """``RM_JOURNAL_DATA_DIR`` if set, else the platform's per-user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_ID, appauthor=False, roaming=False))


def _refuse_a_file(path: Path) -> None:
    """A data folder (or a folder above it) that is a file, named as such."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            if not candidate.is_dir():
                raise StorageUnavailable(
                    f"The data folder cannot be used: {candidate} is a file, not a folder. "
                    "Choose another data folder."
                )
            return


def _remove_interrupted_writes(path: Path) -> None:
    """Temporary files of atomic writes cut short by a crash (see fsutil.atomic_write)."""
    for leftover in path.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


class DataDir:
    """A data folder held by this process; create with :meth:`acquire`, end with :meth:`release`."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_fd: int | None = lock_fd

    @classmethod
    def acquire(cls, path: Path, *, create: bool = True) -> DataDir:
        """Create the folder if needed (0700) and take its lock, or raise AlreadyRunning.

        ``create=False`` (commands that only read) leaves a missing folder missing:
        VaultMissing, and nothing written."""
        path = path.expanduser().absolute()
        _refuse_a_file(path)
        if not create and not path.is_dir():
            raise VaultMissing(str(path))
        ensure_private_dir(path)
        try:
            fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            raise storage_error(exc, "use the data folder") from exc
        if not platform_files.lock(fd):
            os.close(fd)
            raise AlreadyRunning(str(path))
        _remove_interrupted_writes(path)
        if (path / ROTATING_DIR).exists():
            from rm_journal.core.storage import rotation  # rare: keep start-up light

            try:
                rotation.finish(path)
            except BaseException:
                os.close(fd)
                raise
        if (path / RESTORE_MARKER).exists():
            from rm_journal.core.storage import restoring  # rare: keep start-up light

            try:
                restoring.finish(path)
            except BaseException:
                os.close(fd)
                raise
        return cls(path, fd)

    def release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor drops the OS lock
            self._lock_fd = None

    def __enter__(self) -> DataDir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    @property
    def header_path(self) -> Path:
        return self.path / HEADER_NAME

    @property
    def registry_path(self) -> Path:
        return self.path / REGISTRY_NAME

    @property
    def journals_path(self) -> Path:
        return self.path / JOURNALS_DIR

    def journal_path(self, file_id: str) -> Path:
        return self.journals_path / f"{file_id}{JOURNAL_SUFFIX}"

    def has_vault(self) -> bool:
        return self.header_path.exists()
