"""A restore, switched into the data folder in steps that survive a kill.

A backup being restored is first copied into a staging folder beside the vault
(``.restore-<16 hex>``), checked and put in WAL mode there (core/backup.py); then
``restore.pending`` names it, and :func:`finish` moves its files over the current
ones: the journals folder in one rename, the registry's log and the registry, and
vault.json last. Every step can run again, so a kill at any point is completed
the next time the data folder is acquired (datadir.DataDir.acquire), before any
file is read.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path

from rm_journal.core.errors import StorageUnavailable
from rm_journal.core.storage import rollback
from rm_journal.core.storage.fsutil import atomic_write, fsync_dir, storage_error
from rm_journal.core.storage.layout import HEADER_NAME, JOURNALS_DIR, REGISTRY_NAME, RESTORE_MARKER

_STAGING = re.compile(r"\.restore-[0-9a-f]{16}")


def new_staging_path(path: Path) -> Path:
    """A fresh name, in the data folder ``path``, for the files of a restore to stage."""
    return path / f".restore-{secrets.token_hex(8)}"


def mark_staged(path: Path, staging: Path) -> None:
    """Decide the restore: from here on, the staged files replace the vault's."""
    atomic_write(path / RESTORE_MARKER, staging.name.encode("ascii"))


def finish(path: Path) -> None:
    """Move a staged restore into place; safe to run again after any interruption."""
    marker = path / RESTORE_MARKER
    try:
        staging_name = marker.read_text("ascii").strip()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise storage_error(exc, "finish restoring a backup") from exc
    if not _STAGING.fullmatch(staging_name):
        raise StorageUnavailable(
            f"The file {RESTORE_MARKER} in the data folder is not valid. Remove it, then open "
            "rm_journal again."
        )
    staging = path / staging_name
    old = path / f"{staging_name}.replaced"
    try:
        if staging.is_dir():
            # the record of the replaced vault's writes would call the restored one old
            rollback.forget_state(path)
            staged_journals = staging / JOURNALS_DIR
            if staged_journals.is_dir():
                if (path / JOURNALS_DIR).exists():
                    if old.exists():
                        shutil.rmtree(old)
                    os.rename(path / JOURNALS_DIR, old)
                os.rename(staged_journals, path / JOURNALS_DIR)
            for name in (REGISTRY_NAME + "-wal", REGISTRY_NAME + "-shm"):
                # a log (or its index) of the replaced vault.db must never meet the restored one
                if name.endswith("-shm") or not (staging / name).exists():
                    with contextlib.suppress(FileNotFoundError):
                        (path / name).unlink()
            for name in (REGISTRY_NAME + "-wal", REGISTRY_NAME, HEADER_NAME):  # key file last
                if (staging / name).exists():
                    os.replace(staging / name, path / name)
            fsync_dir(path)
        marker.unlink()
        fsync_dir(path)
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise storage_error(exc, "finish restoring a backup (run rm_journal again)") from exc
