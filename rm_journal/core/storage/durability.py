"""Making written bytes reach the disk, per platform: the one place that knows how.

- Linux (and other POSIX systems): ``fsync`` on the file, opened read-only, which is
  enough there; ``fsync`` on its folder after a rename or a new file.
- macOS: ``fsync`` leaves the bytes in the drive's cache; ``fcntl(F_FULLFSYNC)``
  flushes it (and where a file system refuses it, fsync is what is left, as SQLite
  does). SQLite connections get ``PRAGMA fullfsync`` and ``checkpoint_fullfsync``.
- Windows: ``os.fsync`` is ``FlushFileBuffers``, which needs a handle with write
  access, so a file is opened read-write to be flushed; a folder cannot be opened
  to be flushed, and NTFS journals a rename's metadata itself.

Callers use :func:`flush`, :func:`flush_file`, :func:`flush_folder` and
:func:`sqlite_pragmas`, for this system (:data:`CURRENT`, read at each call); tests
pass a :class:`Platform` of another system with a recorder for its system calls, or
put one in :data:`CURRENT`, so each branch is shown taking the right calls.
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
