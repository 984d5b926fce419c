"""Backups: consistent, encrypted, verified before they count; restore keeps what it replaces."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

import pytest

from rm_journal.core import backup
from rm_journal.core.errors import InvalidInput, WrongPassphrase
from rm_journal.core.models import Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.layout import RESTORE_MARKER
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, HANG_S, PASSPHRASE, SNAPSHOT, profile
from tests.core.test_canary import encodings

NEW_PASSPHRASE = "another horse, another battery"


def fill(vault: Vault, marker: str) -> dict[str, object]:
    """Two pairs with text; returns what a reader sees, to compare after a restore."""
    for name in ("Inès", "Jules"):
        journal = vault.journal(vault.add_pair(profile(name)).pair_id)
        s = journal.add_session("test-form", SNAPSHOT, title=f"{marker} {name}")
        journal.set_field(s.uuid, "notes", f"{marker} notes of {name} — مرحبا 😀")
        journal.add_takeaway(f"{marker} takeaway", Role.LEADER, session_uuid=s.uuid)
    return content(vault)


def content(vault: Vault) -> dict[str, object]:
    out: dict[str, object] = {}
    for entry in vault.pairs():
        journal = vault.journal(entry.pair_id)
        sessions = journal.sessions()
        out[entry.pair_id] = (
            journal.pair(),
            sessions,
            [journal.fields(s.uuid) for s in sessions],
            journal.takeaways(),
        )
    return out


def files_of(root: Path, skip: str = "backups/") -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith(skip)
    }


def test_backup_is_encrypted_verified_and_restores_every_row(data_dir, vault, tmp_path):
    canary = f"Canari{secrets.token_hex(8)}é"
    before = fill(vault, canary)
    made = backup.create(vault)
    assert made.kind == backup.MANUAL and len(made.journal_files()) == 2
    assert backup.check_files(made.path) == made
    for name, data in files_of(
        made.path, skip="-"
    ).items():  # no plaintext in any file of the backup
        for needle in [*encodings(canary), b"SQLite format 3"]:
            assert needle not in data, name
    manifest = (made.path / backup.MANIFEST).read_text()
    assert "Inès" not in manifest and "Jules" not in manifest

    # changes after the backup, then restore: exactly the content at backup time
    fill(vault, "after")
    vault.lock()
    safety = backup.restore(data_dir, made.path, PASSPHRASE)
    assert safety is not None and safety.kind == backup.BEFORE_RESTORE
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert content(again) == before
        assert all(r.ok for r in again.check())


def test_a_backup_opens_with_the_passphrase_in_force_when_it_was_taken(data_dir, vault):
    fill(vault, "old")
    old = backup.create(vault)
    vault.change_passphrase(NEW_PASSPHRASE)  # takes its own backup first
    kinds = [b.kind for b in backup.list_backups(backup.backups_path(data_dir), vault.vault_id)]
    assert kinds == [backup.BEFORE_PASSPHRASE_CHANGE, backup.MANUAL]
    fill(vault, "new")
    after_change = content(vault)
    vault.lock()
    untouched = files_of(data_dir.path)
    with pytest.raises(WrongPassphrase):
        backup.restore(data_dir, old.path, NEW_PASSPHRASE)
    assert files_of(data_dir.path) == untouched  # a refused restore changes nothing

    safety = backup.restore(data_dir, old.path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, NEW_PASSPHRASE)
    Vault.unlock(data_dir, PASSPHRASE).lock()
    # the safety copy is the vault as it was, and it opens with the passphrase of then
    assert safety is not None
    backup.restore(data_dir, safety.path, NEW_PASSPHRASE)
    with Vault.unlock(data_dir, NEW_PASSPHRASE) as again:
        assert content(again) == after_change


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_a_damaged_journal_stops_the_backup_and_keeps_the_older_ones(data_dir, vault):
    fill(vault, "x")
    older = backup.create(vault)
    journal_file = sorted(data_dir.journals_path.glob("*.rmj"))[0]
    vault.lock()
    flip(journal_file, 4096 + 100)
    with (
        Vault.unlock(data_dir, PASSPHRASE) as again,
        pytest.raises(backup.BackupFailed, match="integrity check"),
    ):
        backup.create(again)
    folder = backup.backups_path(data_dir)
    assert [p.name for p in folder.iterdir()] == [older.name]  # nothing half-written
    assert backup.check_files(older.path) == older


def test_a_damaged_journal_is_restored_alone_from_the_newest_backup(data_dir, vault):
    before = fill(vault, "keep")
    made = backup.create(vault)
    pair_id = vault.pairs()[0].pair_id
    vault.lock()
    journal_file = sorted(data_dir.journals_path.glob("*.rmj"))
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        target = next(p for p in journal_file if p.stem == again.pair_file_and_key(pair_id)[0])
    flip(target, 4096 + 200)
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert [r.ok for r in again.check()].count(False) == 1
        usable = backup.newest_usable(
            backup.list_backups(backup.backups_path(data_dir), again.vault_id),
            f"journals/{target.name}",
        )
        assert usable == made
        backup.restore_journal(again, pair_id, usable)
        assert all(r.ok for r in again.check())
        assert content(again) == before
    assert target.with_name(target.name + ".damaged").exists()  # the damaged file is kept


def test_a_changed_backup_is_refused_and_nothing_changes(data_dir, vault):
    fill(vault, "x")
    made = backup.create(vault)
    vault.lock()
    untouched = files_of(data_dir.path)
    victim = made.path / made.journal_files()[0]
    flip(victim, 5000)
    with pytest.raises(backup.BackupDamaged, match="changed or damaged"):
        backup.restore(data_dir, made.path, PASSPHRASE)
    flip(victim, 5000)
    (made.path / "journals" / ("f" * 32 + ".rmj")).write_bytes(b"extra")
    with pytest.raises(backup.BackupDamaged, match="missing or were added"):
        backup.restore(data_dir, made.path, PASSPHRASE)
    assert files_of(data_dir.path) == untouched


def fake_backup(folder: Path, created: dt.datetime, kind: str, vault_id: str = "a" * 32) -> Path:
    path = folder / f"{created:%Y%m%dT%H%M%SZ}-{kind}"
    path.mkdir(parents=True)
    doc = {
        "format": backup.FORMAT,
        "format_version": 1,
        "vault_id": vault_id,
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kind": kind,
        "app_version": "0",
        "files": {
            "vault.json": {"bytes": 0, "sha256": "0" * 64},
            "vault.db": {"bytes": 0, "sha256": "0" * 64},
        },
    }
    (path / backup.MANIFEST).write_text(json.dumps(doc))
    return path


def test_rotation_keeps_seven_days_four_weeks_and_the_newest_events(tmp_path):
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    autos = [
        fake_backup(tmp_path, start + dt.timedelta(days=d, hours=h), "auto")
        for d in range(60)
        for h in (0, 5)
    ]
    events = [
        fake_backup(tmp_path, start + dt.timedelta(days=d, hours=1), "manual") for d in range(8)
    ]
    other_vault = fake_backup(tmp_path, start - dt.timedelta(days=1), "auto", vault_id="b" * 32)
    stranger = tmp_path / "my holiday photos"
    stranger.mkdir()
    removed = backup.rotate(tmp_path, "a" * 32, backup.Retention())
    left = {b.path for b in backup.list_backups(tmp_path, "a" * 32)}
    newest_per_day = [autos[2 * d + 1] for d in range(60)]
    assert set(newest_per_day[-7:]) <= left  # the last seven days
    kept_autos = sorted(p for p in left if p in autos)
    assert len(kept_autos) == 11  # 7 days + 4 older weeks
    weeks = {
        dt.date(int(p.name[:4]), int(p.name[4:6]), int(p.name[6:8])).isocalendar()[:2]
        for p in kept_autos
    }
    assert len(weeks) >= 5
    assert set(events[-5:]) <= left and not set(events[:3]) & left
    assert other_vault.exists() and stranger.exists()  # never another vault's, never unknown
    assert len(removed) == len(autos) + len(events) - 11 - 5


def test_a_removal_cut_short_never_leaves_a_backup_with_files_missing(tmp_path, monkeypatch):
    """Found by the kill campaign: rotation deleted a backup's files in place, so a kill
    mid-way left a folder that still carried a backup's name, with files missing."""
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    made = [fake_backup(tmp_path, start + dt.timedelta(hours=h), "manual") for h in range(7)]
    for path in made:
        (path / "vault.json").write_bytes(b"")
        (path / "vault.db").write_bytes(b"")

    def killed(target, *args, **kwargs):
        (Path(target) / "vault.db").unlink()  # part of the files gone, then the process dies
        raise KeyboardInterrupt

    monkeypatch.setattr(backup.shutil, "rmtree", killed)
    with pytest.raises(KeyboardInterrupt):
        backup.rotate(tmp_path, "a" * 32, backup.Retention())
    for b in backup.list_backups(tmp_path, "a" * 32):  # every backup by name is whole
        assert {p.name for p in b.path.iterdir()} == {backup.MANIFEST, "vault.json", "vault.db"}
    monkeypatch.undo()
    backup._remove_stale_staging(tmp_path)  # what the next backup does first
    assert not list(tmp_path.glob(".staging-*"))
    assert len(backup.list_backups(tmp_path, "a" * 32)) == 6


def test_retention_is_checked():
    with pytest.raises(InvalidInput):
        backup.Retention(daily=-1)
    with pytest.raises(InvalidInput):
        backup.Retention(daily=0, weekly=0)


def test_an_interrupted_restore_is_finished_when_the_folder_is_next_opened(tmp_path):
    data = tmp_path / "data"
    with DataDir.acquire(data) as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        before = fill(vault, "one")
        made = backup.create(vault)
        fill(vault, "two")
        vault.lock()
        # stage the restore as _install does, then stop before anything moves
        staging = dd.path / f".restore-{secrets.token_hex(8)}"
        (staging / "journals").mkdir(parents=True)
        for name in made.files:
            (staging / name).write_bytes((made.path / name).read_bytes())
        (dd.path / RESTORE_MARKER).write_text(staging.name)
        # and a half-done move: the journals already swapped in
        (dd.path / "journals").rename(dd.path / f"{staging.name}.replaced")
        (staging / "journals").rename(dd.path / "journals")
    with DataDir.acquire(data) as dd:
        assert not (dd.path / RESTORE_MARKER).exists()
        assert not staging.exists()
        with Vault.unlock(dd, PASSPHRASE) as again:
            assert content(again) == before


def test_removing_a_pair_removes_it_from_every_backup_kept_here(data_dir, vault):
    fill(vault, "x")
    gone, kept = vault.pairs()
    first = backup.create(vault)
    second = backup.create(vault)
    file_id = vault.pair_file_and_key(gone.pair_id)[0]
    vault.remove_pair(gone.pair_id)
    for made in (first, second):
        again = backup.check_files(made.path)  # still whole: manifest rewritten
        assert f"journals/{file_id}.rmj" not in again.files
        assert len(again.journal_files()) == 1
        backup.verify_with_key(again, vault.master_key())  # pair list matches the files
    vault.lock()
    backup.restore(data_dir, first.path, PASSPHRASE)
    with Vault.unlock(data_dir, PASSPHRASE) as restored:
        assert [e.pair_id for e in restored.pairs()] == [kept.pair_id]


def test_the_safety_copy_of_a_vault_left_open_keeps_what_its_log_held(tmp_path):
    """A vault whose process died keeps recent saves only in its -wal files; the copy
    taken before a restore must carry them, verify with them, and restore them."""
    import shutil

    crashed = tmp_path / "crashed"
    with DataDir.acquire(tmp_path / "live") as live:
        vault, _ = Vault.create(live, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        fill(vault, "first")
        made = backup.create(vault)
        latest = fill(vault, "only in the log")
        # the files as a kill would leave them: nothing checkpointed
        shutil.copytree(live.path, crashed, ignore=shutil.ignore_patterns("backups", "lock"))
        vault.lock()
    assert any(p.stat().st_size for p in crashed.rglob("*-wal"))
    with DataDir.acquire(crashed) as dd:
        safety = backup.restore(dd, made.path, PASSPHRASE)
        assert safety is not None
        assert any(name.endswith("-wal") and size for name, (size, _) in safety.files.items())
        backup.restore(dd, safety.path, PASSPHRASE)  # verified through its logs, then installed
        with Vault.unlock(dd, PASSPHRASE) as again:
            assert content(again) == latest


def test_a_full_disk_during_a_backup_writes_nothing_and_keeps_the_older_ones(data_dir, vault):
    import resource
    import signal

    fill(vault, "x")
    older = backup.create(vault)
    # the largest file a backup writes (not a log in the data folder, which a backup
    # folds in and may be larger than any copy)
    largest = max(p.stat().st_size for p in older.path.rglob("*") if p.is_file())
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest // 2, hard))  # a copy cannot finish
    try:
        with pytest.raises(backup.BackupFailed) as failed:
            backup.create(vault)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert str(failed.value).startswith("Could not back up the vault: the disk refused the write")
    assert str(failed.value).endswith("Nothing was written; older backups were kept.")
    folder = backup.backups_path(data_dir)
    assert [p.name for p in folder.iterdir()] == [older.name]  # no staging left behind
    assert backup.check_files(older.path) == older
    assert backup.create(vault).kind == backup.MANUAL  # and once there is room, it works


def test_an_automatic_backup_is_due_once_a_day(vault):
    start = dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC)
    assert backup.due(vault, start)
    backup.create(vault, backup.MANUAL, now=start)
    assert backup.due(vault, start)  # only automatic ones count
    backup.create(vault, backup.AUTO, now=start)
    assert not backup.due(vault, start + dt.timedelta(hours=23))
    assert backup.due(vault, start + dt.timedelta(hours=24))


def test_a_backup_stops_between_files_when_asked_or_when_the_vault_locks(data_dir, vault):
    import threading

    fill(vault, "x")
    folder = backup.backups_path(data_dir)
    with pytest.raises(backup.BackupCancelled):
        backup.create(vault, cancelled=lambda: True)
    asked = iter([False, False, True])  # stops after the index and one journal
    with pytest.raises(backup.BackupCancelled):
        backup.create(vault, cancelled=lambda: next(asked))
    assert not list(folder.iterdir())  # nothing half-written, no staging left

    # a lock from another thread while the backup runs: it stops, or it had finished whole
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(backup.create(vault))
        except backup.BackupCancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    vault.lock()
    worker.join(timeout=HANG_S)
    assert not worker.is_alive() and len(outcome) == 1
    assert not list(folder.glob(".staging-*"))
    if isinstance(outcome[0], backup.Backup):
        backup.check_files(outcome[0].path)
