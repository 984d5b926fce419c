"""Owner-only files and atomic replacement.

On POSIX every file rm_journal creates is 0600 and every folder 0700, whatever the
umask; the faces also set a process-wide umask of 077 so files created by SQLite
itself (``-wal``, ``-shm``, temporary copies) are owner-only too. On Windows the
profile folder's ACL does this (platform_files says how each system differs).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from rm_journal.core.errors import InvalidInput, NotFound, RmJournalError, StorageUnavailable
from rm_journal.core.storage import platform_files

PRIVATE_FILE = platform_files.PRIVATE_FILE
PRIVATE_DIR = platform_files.PRIVATE_DIR
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def set_private_umask() -> int:
    """Make every file this process creates owner-only; returns the old umask."""
    return os.umask(0o077)


def storage_error(exc: OSError, what: str) -> StorageUnavailable:
    """Turn an OSError into the sentence a user can act on."""
    if exc.errno in _NO_SPACE:
        reason = "the disk is full"
        advice = "Free some space, then try again; nothing was lost."
    elif exc.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        reason = "the folder is read-only or not accessible"
        advice = "Check the folder's permissions, then try again."
    else:
        reason = os.strerror(exc.errno) if exc.errno else "an input/output error occurred"
        advice = "Check the disk, then try again."
    return StorageUnavailable(f"Could not {what}: {reason}. {advice}")


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) owner-only; tighten an existing folder we own."""
    try:
        platform_files.private_folder(path)
    except OSError as exc:
        raise storage_error(exc, f"create the folder {path}") from exc


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file that must not exist yet (SQLite then inherits
    its mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except OSError as exc:
        raise storage_error(exc, f"create {path.name}") from exc
    os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file durable by syncing its folder (where a system can)."""
    platform_files.flush_folder(path)


def fsync_file(path: Path) -> None:
    """Make a file's bytes durable (a copy written with shutil, for one)."""
    platform_files.flush_file(path)


def durable_file(path: Path, what: str) -> None:
    """:func:`fsync_file`, its failure said in one sentence naming ``what``."""
    try:
        fsync_file(path)
    except OSError as exc:
        raise storage_error(exc, what) from exc


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file.

    The bytes go to a 0600 temporary file in the same folder, are fsynced, then
    renamed over the target, and the folder is fsynced. On any error the
    temporary file is removed and the old file is untouched.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            platform_files.flush(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc, f"write {path.name}") from exc


def read_limited(
    path: Path, limit: int, what: str, too_large: Callable[[], RmJournalError]
) -> bytes:
    """A file the person chose, whole, with one sentence for each way this can fail;
    a file over ``limit`` bytes is refused from its size, before it is read."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                raise too_large()
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise NotFound(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not {what}.") from None
    except OSError as exc:
        raise storage_error(exc, f"read {path.name}") from exc
    if len(data) > limit:  # it grew while being read
        raise too_large()
    return data
