"""What each operating system does differently with files, in one place: durability,
the data folder's lock, and private permissions.

Durability (bytes that reach the disk):
- Linux (and other POSIX systems): ``fsync`` on the file, opened read-only, which is
  enough there; ``fsync`` on its folder after a rename or a new file.
- macOS: ``fsync`` leaves the bytes in the drive's cache; ``fcntl(F_FULLFSYNC)`` flushes
  it (and where a file system refuses it, fsync is what is left, as SQLite does).
  SQLite connections get ``PRAGMA fullfsync`` and ``checkpoint_fullfsync``.
- Windows: ``os.fsync`` is ``FlushFileBuffers``, which needs a handle with write
  access, so a file is opened read-write to be flushed; a folder cannot be opened to
  be flushed, and NTFS journals a rename's metadata itself.

The lock (one process per data folder): ``flock`` on POSIX, ``msvcrt.locking`` on
Windows; both are released by the kernel when a process dies.

Private permissions: on POSIX every file is 0600 and every folder 0700 (modes given at
creation, and tightened where a folder exists). Windows has no such modes (``chmod``
only sets the read-only flag): the data folder is under the user's profile
(``%LOCALAPPDATA%``), whose ACL gives the user, SYSTEM and Administrators access and
nobody else, and every file inherits it (SECURITY.md says so).

Callers use the functions below, for this system (:data:`CURRENT`, read at each call);
tests pass a :class:`Platform` of another system with a recorder for its system calls,
or put one in :data:`CURRENT` (tests/winrules.py does, for a whole run), so each branch
is shown taking the right calls.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

# fcntl's F_FULLFSYNC on macOS (sys/fcntl.h); Python's fcntl has the name only there
F_FULLFSYNC = 51


class Syscalls(Protocol):
    """The few calls durability needs, so a test can record them."""

    def open(self, path: Path, flags: int) -> int: ...

    def close(self, fd: int) -> None: ...

    def fsync(self, fd: int) -> None: ...

    def full_fsync(self, fd: int) -> None: ...

    def lock_posix(self, fd: int) -> bool: ...

    def lock_windows(self, fd: int) -> bool: ...


class RealSyscalls:
    def open(self, path: Path, flags: int) -> int:
        return os.open(path, flags)

    def close(self, fd: int) -> None:
        os.close(fd)

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def full_fsync(self, fd: int) -> None:  # pragma: no cover -- macOS: its fcntl only
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_FULLFSYNC", F_FULLFSYNC))

    def lock_posix(self, fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def lock_windows(self, fd: int) -> bool:  # pragma: no cover -- Windows: msvcrt only
        import msvcrt

        try:  # one byte at the start, past the end of the empty file: Windows allows it
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class Platform:
    """How one system makes bytes durable (``system``: sys.platform's family)."""

    system: str  # "linux", "darwin" or "win32"
    calls: Syscalls = field(default_factory=RealSyscalls, compare=False)

    @property
    def full_flush(self) -> bool:
        return self.system == "darwin"

    @property
    def syncs_folders(self) -> bool:
        return self.system != "win32"

    @property
    def flush_needs_write(self) -> bool:
        return self.system == "win32"

    @property
    def posix_modes(self) -> bool:
        return self.system != "win32"


def system_of(platform: str) -> str:
    """sys.platform's value reduced to the three families durability tells apart."""
    return platform if platform in ("darwin", "win32") else "linux"


CURRENT = Platform(system_of(sys.platform))


def _here(platform: Platform | None) -> Platform:
    return CURRENT if platform is None else platform


def flush(fd: int, platform: Platform | None = None) -> None:
    """An open file's bytes to the disk itself."""
    platform = _here(platform)
    if platform.full_flush:
        try:
            platform.calls.full_fsync(fd)
            return
        except OSError:
            pass  # a file system without F_FULLFSYNC (network shares): fsync is left
    platform.calls.fsync(fd)


def flush_file(path: Path, platform: Platform | None = None) -> None:
    """A closed file's bytes to the disk (a copy written with shutil, for one)."""
    platform = _here(platform)
    flags = os.O_RDWR if platform.flush_needs_write else os.O_RDONLY
    fd = platform.calls.open(path, flags)
    try:
        flush(fd, platform)
    finally:
        platform.calls.close(fd)


def flush_folder(path: Path, platform: Platform | None = None) -> None:
    """A rename or a new file in ``path`` made durable, where a folder can be synced."""
    platform = _here(platform)
    if not platform.syncs_folders:
        return
    fd = platform.calls.open(path, os.O_RDONLY)
    try:
        platform.calls.fsync(fd)
    finally:
        platform.calls.close(fd)


def sqlite_pragmas(platform: Platform | None = None) -> tuple[str, ...]:
    """What a SQLite connection needs, beyond ``synchronous = FULL``, for its commits
    and checkpoints to reach the disk on this system."""
    if _here(platform).full_flush:
        return ("PRAGMA fullfsync = ON", "PRAGMA checkpoint_fullfsync = ON")
    return ()


def lock(fd: int, platform: Platform | None = None) -> bool:
    """Take the OS lock on an open file without waiting; False if another process holds it."""
    platform = _here(platform)
    if platform.system == "win32":
        return platform.calls.lock_windows(fd)
    return platform.calls.lock_posix(fd)


PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_folder(path: Path, platform: Platform | None = None) -> None:
    """Make ``path`` (and its parents) a folder only its owner can use: 0700 on POSIX,
    tightened if it exists wider; on Windows, the profile's ACL (see above)."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if _here(platform).posix_modes and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR)


def make_private(path: Path, platform: Platform | None = None) -> None:
    """Owner-only for a file or a folder that was made another way (a copy, a rename)."""
    if _here(platform).posix_modes:
        path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)
