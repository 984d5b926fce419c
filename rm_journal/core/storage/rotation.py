"""Rotating every key: the files of the new key set are staged, then switched in.

    <data dir>/rotating/          0700, exists only while a rotation is under way
      vault.db                    the registry re-encrypted under the new master key
      <file id>.rmj               each journal re-encrypted under its new pair key
      vault.json                  the new header: written last, atomically; its
                                  presence is the commit point of the rotation

Before ``rotating/vault.json`` exists, the vault is wholly the old one and the
folder is an abandoned rotation: it is deleted. Once it exists, the rotation is
decided: :func:`finish` moves each staged file over the one it replaces (the old
file's log first, so it is never replayed into the new file) and vault.json last.
Every step can be run again after a kill, so the next start completes it; the
vault never opens with a mix of old and new keys.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from rm_journal.core.storage.fsutil import fsync_dir, storage_error
from rm_journal.core.storage.layout import (
    HEADER_NAME,
    JOURNAL_SUFFIX,
    JOURNALS_DIR,
    REGISTRY_NAME,
    ROTATING_DIR,
)


def staging_path(data_dir: Path) -> Path:
    return data_dir / ROTATING_DIR


def finish(data_dir: Path) -> bool:
    """Complete a decided rotation, or delete an abandoned one; whether it was completed."""
    staging = staging_path(data_dir)
    if not staging.is_dir():
        return False
    try:
        decided = (staging / HEADER_NAME).is_file()
        if decided:
            journals = data_dir / JOURNALS_DIR
            for staged in sorted(staging.glob(f"*{JOURNAL_SUFFIX}")):
                _replace(staged, journals / staged.name)
            fsync_dir(journals)
            staged_registry = staging / REGISTRY_NAME
            if staged_registry.exists():
                _replace(staged_registry, data_dir / REGISTRY_NAME)
            os.replace(staging / HEADER_NAME, data_dir / HEADER_NAME)  # the last move
            fsync_dir(data_dir)
        shutil.rmtree(staging)
        fsync_dir(data_dir)
    except OSError as exc:
        raise storage_error(exc, "finish the key rotation") from exc
    return decided


def _replace(staged: Path, target: Path) -> None:
    """Move a staged file over ``target``, removing the old file's log and index first."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()
    os.replace(staged, target)
