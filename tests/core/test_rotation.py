"""Rotating every key (issue 17, point 6), and replacing the recovery code.

A passphrase change re-wraps the same master key: whoever kept a copy of the old
vault.json and knew the old passphrase still reads what is written afterwards.
Rotation gives new keys to every file; these tests hold it to that, through the
core API on real SQLCipher files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from rm_journal.core import backup
from rm_journal.core.errors import (
    RmJournalError,
    VaultDamaged,
    VaultRolledBack,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile

NEW = "a brand new passphrase"


def _fill(vault: Vault, pairs: int = 2, sessions: int = 3) -> dict[str, list[str]]:
    written: dict[str, list[str]] = {}
    for n in range(pairs):
        pair = vault.add_pair(profile(f"Pair {n}"))
        journal = vault.journal(pair.pair_id)
        written[pair.pair_id] = []
        for s in range(sessions):
            session = journal.add_session("test-form", SNAPSHOT)
            journal.set_field(session.uuid, "notes", f"pair {n} session {s} " + "mot " * 300)
            written[pair.pair_id].append(session.uuid)
    return written


def _stolen_copy(tmp_path: Path, data: Path, old_header: bytes, name: str) -> Path:
    """The current files of ``data`` beside an old vault.json: what someone who kept a
    copy of the old key file has once they read the folder again."""
    thief = tmp_path / name
    shutil.copytree(data, thief, ignore=shutil.ignore_patterns("lock", "backups"))
    (thief / "vault.json").write_bytes(old_header)
    return thief


def test_a_passphrase_change_alone_leaves_an_old_key_file_able_to_read_new_writes(
    tmp_path, data_dir, vault
):
    """What change_passphrase does not do (said in SECURITY.md and by the faces)."""
    _fill(vault, pairs=1)
    old_header = data_dir.header_path.read_bytes()
    vault.change_passphrase(NEW, backup_first=False)
    vault.lock()
    data_dir.release()
    thief = _stolen_copy(tmp_path, data_dir.path, old_header, "thief")
    with DataDir.acquire(thief) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        assert all(entry.pair is not None for entry in v.open_all())


def test_rotation_makes_the_old_key_file_useless_for_what_is_written_after(
    tmp_path, data_dir, vault
):
    written = _fill(vault)
    old_header = data_dir.header_path.read_bytes()
    journal_names = sorted(p.name for p in data_dir.journals_path.glob("*.rmj"))
    done = []
    result = vault.rotate_keys(NEW, progress=lambda n, total: done.append((n, total)))
    assert done == [(1, 3), (2, 3), (3, 3)]
    assert result.old_backups == []
    # the same vault object keeps working, under the new keys
    pair_id = next(iter(written))
    later = vault.journal(pair_id).add_session("test-form", SNAPSHOT)
    vault.journal(pair_id).set_field(later.uuid, "notes", "written after the rotation")
    vault.lock()
    data_dir.release()

    assert sorted(p.name for p in data_dir.journals_path.glob("*.rmj")) == journal_names
    assert not (data_dir.path / "rotating").exists()
    with DataDir.acquire(data_dir.path) as dd:
        with pytest.raises(WrongPassphrase):
            Vault.unlock(dd, PASSPHRASE)
        with Vault.unlock(dd, NEW) as v:
            for pid, sessions in written.items():
                journal = v.journal(pid)
                for uuid in sessions:
                    assert journal.fields(uuid)["notes"].startswith("pair ")
            assert v.journal(pair_id).fields(later.uuid)["notes"] == "written after the rotation"
            # the search index came across whole, and takes what is written after
            assert len({hit.pair_id for hit in v.search("mot")}) == len(written)
            assert [hit.pair_id for hit in v.search("rotation")] == [pair_id]
            assert all(r.ok for r in v.check())
    thief = _stolen_copy(tmp_path, data_dir.path, old_header, "thief")
    with DataDir.acquire(thief) as dd, pytest.raises(VaultDamaged):
        Vault.unlock(dd, PASSPHRASE)


def test_rotation_gives_new_pair_keys_so_old_registry_keys_open_no_journal(
    tmp_path, data_dir, vault
):
    """Someone who read the old vault.db (old pair keys) cannot open the new journals."""
    _fill(vault, pairs=1)
    vault.lock()  # the registry whole in vault.db, as a copy of the folder would hold it
    old_header = data_dir.header_path.read_bytes()
    old_registry = data_dir.registry_path.read_bytes()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        v.rotate_keys(NEW)
    data_dir.release()
    thief = _stolen_copy(tmp_path, data_dir.path, old_header, "thief")
    (thief / "vault.db").write_bytes(old_registry)
    with DataDir.acquire(thief) as dd, pytest.raises(VaultRolledBack):
        Vault.unlock(dd, PASSPHRASE)  # the rotation was a counted write of the index
    (thief / "vault.state").unlink()  # the thief holds the folder: the record goes too
    with DataDir.acquire(thief) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        assert [entry.pair for entry in v.open_all()] == [None]


def test_rotation_issues_a_new_recovery_code_and_the_old_one_stops(data_dir):
    v, old_code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    with v:
        result = v.rotate_keys(NEW)
    assert result.recovery_code != old_code
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, old_code)
    Vault.unlock_with_recovery(data_dir, result.recovery_code).lock()


def test_rotation_names_the_backups_that_still_open_with_the_old_passphrase(data_dir, vault):
    _fill(vault, pairs=1, sessions=1)
    made = backup.create(vault, backup.MANUAL)
    result = vault.rotate_keys(NEW)
    assert result.old_backups == [made.path]
    assert backup.unlock_backup(made.path, PASSPHRASE) is not None  # still the old keys


def test_a_weak_new_passphrase_is_refused_before_anything_is_written(data_dir, vault):
    _fill(vault, pairs=1, sessions=1)
    before = data_dir.header_path.read_bytes()
    with pytest.raises(WeakPassphrase):
        vault.rotate_keys("short")
    assert data_dir.header_path.read_bytes() == before
    assert not (data_dir.path / "rotating").exists()


def test_an_abandoned_rotation_is_removed_and_the_old_keys_stay(data_dir, vault):
    """Staged files without the staged vault.json: the next start deletes them."""
    _fill(vault, pairs=1, sessions=1)
    vault.lock()
    staging = data_dir.path / "rotating"
    staging.mkdir()
    for name in ("vault.db", "0123.rmj"):
        (staging / name).write_bytes(b"half written")
    data_dir.release()
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        assert not staging.exists()
        assert all(r.ok for r in v.check())


def test_replacing_the_recovery_code_ends_the_old_one(data_dir):
    v, old_code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    with v:
        new_code = v.replace_recovery_code()
    assert new_code != old_code
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, old_code)
    Vault.unlock_with_recovery(data_dir, new_code).lock()
    Vault.unlock(data_dir, PASSPHRASE).lock()  # the passphrase is untouched


def test_a_damaged_journal_stops_the_rotation_before_any_change(data_dir, vault):
    _fill(vault, pairs=2, sessions=1)
    vault.lock()
    victim = sorted(data_dir.journals_path.glob("*.rmj"))[0]
    raw = bytearray(victim.read_bytes())
    raw[5000] ^= 0xFF
    victim.write_bytes(bytes(raw))
    before = data_dir.header_path.read_bytes()
    with Vault.unlock(data_dir, PASSPHRASE) as v, pytest.raises(RmJournalError, match="journal"):
        v.rotate_keys(NEW)
    assert data_dir.header_path.read_bytes() == before


class _Killed(BaseException):
    """The process dies here: no handler of ours may run a file operation after it."""


class _DiesAt:
    """File operations (rename, delete, folder removal) that stop the process at the
    ``at``-th one: it and every later one raise _Killed, as if nothing ran after it."""

    NAMES = ("replace", "unlink", "rename")

    def __init__(self, at: int) -> None:
        self.at, self.count, self.dead = at, 0, False
        self.real = {name: getattr(os, name) for name in self.NAMES}
        self.real_rmtree = shutil.rmtree

    def op(self, name: str):
        def run(*args, **kwargs):
            if self.dead or self.count == self.at:
                self.dead = True
                raise _Killed()
            self.count += 1
            return self.real[name](*args, **kwargs)

        return run

    def rmtree(self, *args, **kwargs):
        if self.dead:
            raise _Killed()
        return self.real_rmtree(*args, **kwargs)

    def install(self, m: pytest.MonkeyPatch) -> None:
        for name in self.NAMES:
            m.setattr(os, name, self.op(name))
        m.setattr(shutil, "rmtree", self.rmtree)


@pytest.mark.slow  # one vault made and rotated per file operation (about 17)
def test_a_crash_at_every_file_operation_of_a_rotation_leaves_one_key_set(tmp_path, monkeypatch):
    """Random kills rarely land between two renames; this stops the rotation at each of
    its file operations in turn, as a kill would, then opens the folder again: wholly
    old or wholly new, never a mix, and once new the old vault.json opens nothing."""
    k = 0
    outcomes = []
    while True:
        root = tmp_path / f"case-{k}"
        with DataDir.acquire(root) as dd:
            v, _code = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            with v:
                written = _fill(v, pairs=2, sessions=1)
        old_header = (root / "vault.json").read_bytes()
        dies = _DiesAt(k)
        dd = DataDir.acquire(root)
        v = Vault.unlock(dd, PASSPHRASE)
        with monkeypatch.context() as m:
            dies.install(m)
            with contextlib.suppress(_Killed):
                v.rotate_keys(NEW)
        v.lock()
        dd.release()
        with DataDir.acquire(root) as dd:
            assert not (root / "rotating").exists()
            opens = []
            for candidate in (PASSPHRASE, NEW):
                try:
                    Vault.unlock(dd, candidate).lock()
                    opens.append(candidate)
                except WrongPassphrase:
                    pass
            assert len(opens) == 1, (k, opens)
            with Vault.unlock(dd, opens[0]) as again:
                for pair_id, sessions in written.items():
                    assert again.journal(pair_id).fields(sessions[0])["notes"].startswith("pair")
                assert all(r.ok for r in again.check()), k
        outcomes.append(opens[0] == NEW)
        if opens == [NEW]:
            thief = _stolen_copy(tmp_path, root, old_header, f"thief-{k}")
            with DataDir.acquire(thief) as dd, pytest.raises(VaultDamaged):
                Vault.unlock(dd, PASSPHRASE)
        if not dies.dead:
            break
        k += 1
    # old until the commit, new from it on; each move and the clean-up were stopped once
    assert outcomes == sorted(outcomes) and outcomes.count(False) >= 1
    assert outcomes.count(True) >= 6, outcomes
    print(
        f"stopped at {k} file operations: {outcomes.count(False)} old, {outcomes.count(True)} new"
    )


def test_a_backup_from_before_the_rotation_gives_no_journal_back_alone(data_dir, vault):
    """Its copies hold the old pair keys: restoring one journal says why it cannot."""
    written = _fill(vault, pairs=1, sessions=1)
    made = backup.create(vault, backup.MANUAL)
    vault.rotate_keys(NEW)
    pair_id = next(iter(written))
    with pytest.raises(RmJournalError, match="before the keys were rotated"):
        backup.restore_journal(vault, pair_id, made)
    assert vault.journal(pair_id).fields(written[pair_id][0])["notes"].startswith("pair")
