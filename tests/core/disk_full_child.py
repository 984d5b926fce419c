"""Child for the disk-full tests.

    python -m tests.core.disk_full_child rlimit DATA_DIR PAIR_ID SESSION_UUID
    python -m tests.core.disk_full_child tmpfs  DATA_DIR PAIR_ID SESSION_UUID

``rlimit``: a file size limit (EFBIG) stands in for a full disk.
``tmpfs``: run inside ``unshare --user --map-root-user --mount``; copies the data
folder onto a 1 MiB tmpfs, a genuinely full disk (ENOSPC), then frees space.

    python -m tests.core.disk_full_child readonly DATA_DIR PAIR_ID SESSION_UUID

``readonly``: the data folder on a tmpfs mounted read-only (EROFS: root cannot
write either). Linux refuses to make a file system read-only under files open
for writing, so this is the folder being read-only when the app opens it.
"""

from __future__ import annotations

import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from rm_journal.core.errors import StorageUnavailable
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault

PASSPHRASE = "correct horse battery staple"


def main(mode: str, data_dir: str, pair_id: str, session_uuid: str) -> None:
    root = Path(data_dir)
    filler = None
    if mode == "tmpfs":
        mount = root.parent / "small-disk"
        mount.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
        shutil.copytree(root, mount / "data")
        root = mount / "data"
        filler = mount / "filler"
    dd = DataDir.acquire(root)
    vault = Vault.unlock(dd, PASSPHRASE)
    journal = vault.journal(pair_id)
    journal.set_field(session_uuid, "f000", "saved before the disk filled up")
    restore = None
    if mode == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        limit = max(p.stat().st_size for p in root.rglob("*") if p.is_file()) + 64 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        restore = (soft, hard)
    else:
        assert filler is not None
        with filler.open("wb") as fh:  # leave ~100 KiB free, too little for the save
            free = shutil.disk_usage(filler.parent).free
            fh.write(b"\0" * max(free - 100 * 1024, 0))
    try:
        journal.set_field(session_uuid, "f001", "x" * 900_000)
    except StorageUnavailable as exc:
        print("refused:", exc)
    else:
        print("written despite the full disk")
    print("kept:", journal.fields(session_uuid).get("f000"))
    print("big:", "f001" in journal.fields(session_uuid))
    if restore is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, restore)
    if filler is not None:
        filler.unlink()
    if mode == "tmpfs":
        journal.set_field(session_uuid, "f001", "x" * 200_000)  # what fits on this small disk
    else:
        journal.set_field(session_uuid, "f001", "x" * 900_000)
    print("retried:", len(journal.fields(session_uuid)["f001"]))
    print("integrity:", journal.integrity_problems() or "ok")
    vault.lock()


def readonly(data_dir: str, pair_id: str, session_uuid: str) -> None:
    from rm_journal.core.errors import RmJournalError

    root = Path(data_dir)
    mount = root.parent / "read-only-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    shutil.copytree(root, mount / "data")
    root = mount / "data"
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    try:
        with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE):
            print("opened a read-only folder")
    except RmJournalError as exc:
        print("refused:", exc)
    print("unchanged:", before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()})
    subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(pair_id)
        journal.set_field(session_uuid, "f001", "saved once the folder is writable")
        print("retried:", journal.fields(session_uuid)["f001"])


if __name__ == "__main__":
    if sys.argv[1] == "readonly":
        readonly(*sys.argv[2:])
    else:
        main(*sys.argv[1:])
