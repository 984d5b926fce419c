"""Where the fixes of issue 17 meet: key rotation with linked pairs, rollback detection,
backups, removal and migration, through the command line and the core on real files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rm_journal.core import backup
from rm_journal.core.errors import RmJournalError
from rm_journal.core.exchange import link
from rm_journal.core.journal import schema
from rm_journal.core.models import Role
from rm_journal.core.storage import database
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.cli.test_link_keys_cli import block_of, link_by_hand
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile
from tests.data.fixture_content import PASSPHRASE as OLD
from tests.data.fixture_content import describe

NUMBER = re.compile(r"((?:\d{5} ){11}\d{5})")
NEW = "a brand new passphrase"


def on(capsys, monkeypatch, root: Path, passphrase: str, *argv: str) -> str:
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", passphrase)
    code, out, err = run(capsys, "--data-dir", str(root), *argv)
    assert code == 0, err
    return out


def refused(capsys, monkeypatch, root: Path, passphrase: str, *argv: str) -> str:
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", passphrase)
    code, _, err = run(capsys, "--data-dir", str(root), *argv)
    assert code != 0 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def rotate(capsys, monkeypatch, root: Path, old: str, new: str) -> str:
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", new)
    return on(capsys, monkeypatch, root, old, "rotate-keys")


@pytest.fixture
def linked(tmp_path, capsys, monkeypatch):
    """A leader's vault and a mentor's, one pair each, linked by the pairing flow."""
    for var in ("RM_JOURNAL_DATA_DIR", "RM_JOURNAL_NEW_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)
    roots = {}
    for name, role in (("leader", Role.LEADER), ("mentor", Role.MENTOR)):
        roots[name] = tmp_path / name
        with DataDir.acquire(roots[name]) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            pair = vault.add_pair(profile("Inès", role))
            vault.journal(pair.pair_id).add_topic(f"Un sujet de {name}")
            vault.lock()
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    number = link_by_hand(tmp_path, capsys, (roots["leader"], "1"), (roots["mentor"], "1"))
    return roots["leader"], roots["mentor"], number


def test_exchange_survives_one_side_rotating_every_key(linked, tmp_path, capsys, monkeypatch):
    leader, mentor, number = linked
    first = tmp_path / "first.rmjx"
    on(capsys, monkeypatch, leader, PASSPHRASE, "send", "1", "--topics", "-o", str(first))
    on(capsys, monkeypatch, mentor, PASSPHRASE, "receive", "1", str(first), "--apply")
    before = tmp_path / "before.rmjx"
    on(capsys, monkeypatch, mentor, PASSPHRASE, "send", "1", "--topics", "-o", str(before))
    on(capsys, monkeypatch, leader, PASSPHRASE, "receive", "1", str(before), "--apply")
    block = block_of(leader, capsys, "1")

    rotate(capsys, monkeypatch, leader, PASSPHRASE, NEW)

    shown = on(capsys, monkeypatch, leader, NEW, "link", "show", "1")
    assert "Linked. Safety number" in shown and NUMBER.search(shown).group(1) == number
    assert block_of(leader, capsys, "1") == block  # the link's keys were kept
    # both ways, after the rotation
    second = tmp_path / "second.rmjx"
    on(capsys, monkeypatch, leader, NEW, "send", "1", "--topics", "-o", str(second))
    on(capsys, monkeypatch, mentor, PASSPHRASE, "receive", "1", str(second), "--apply")
    back = tmp_path / "back.rmjx"
    on(capsys, monkeypatch, mentor, PASSPHRASE, "send", "1", "--topics", "-o", str(back))
    assert "Imported:" in on(capsys, monkeypatch, leader, NEW, "receive", "1", str(back), "--apply")
    # a file imported before the rotation is still a replay after it
    for old_file in (before, back):
        err = refused(capsys, monkeypatch, leader, NEW, "receive", "1", str(old_file), "--apply")
        assert "already imported" in err


# -- rollback detection after a rotation ---------------------------------------------------


def _journal_file(root: Path) -> Path:
    return next((root / "journals").glob("*.rmj"))


def _vault_with_a_pair(root: Path) -> str:
    with DataDir.acquire(root) as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        pair_id = vault.add_pair(profile("Inès")).pair_id
        vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="before")
        vault.lock()
    return pair_id


def test_a_journal_from_before_the_rotation_put_back_is_refused_in_one_sentence(
    tmp_path, capsys, monkeypatch
):
    root = tmp_path / "data"
    _vault_with_a_pair(root)
    older = tmp_path / "older.rmj"
    shutil.copy(_journal_file(root), older)
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    _journal_file(root).with_name(_journal_file(root).name + "-wal").unlink(missing_ok=True)
    shutil.copy(older, _journal_file(root))
    err = refused(capsys, monkeypatch, root, NEW, "sessions", "list", "1")
    assert "restore" in err.lower(), err
    out_code, out, err = run(capsys, "--data-dir", str(root), "check")
    assert out_code != 0 and "Traceback" not in out + err


def test_rollback_is_still_seen_after_a_rotation(tmp_path, capsys, monkeypatch):
    root = tmp_path / "data"
    pair_id = _vault_with_a_pair(root)
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    # the record is valid after the rotation: no false alarm, also after many writes
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        for n in range(12):
            vault.journal(pair_id).add_session("test-form", SNAPSHOT, title=f"after {n}")
            vault.set_setting("program", f"Printemps {n}")
    out = on(capsys, monkeypatch, root, NEW, "check")
    assert "Traceback" not in out
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        assert len(vault.journal(pair_id).sessions()) == 13
        vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="only in the log")
        crash = tmp_path / "crashed"
        shutil.copytree(root, crash, ignore=shutil.ignore_patterns("lock"))
    next((crash / "journals").glob("*.rmj-wal")).unlink()
    err = refused(capsys, monkeypatch, crash, NEW, "sessions", "list", "1")
    assert "older than the last state" in err
    # the registry, too
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        vault.set_setting("program", "Été")
        crash2 = tmp_path / "crashed2"
        shutil.copytree(root, crash2, ignore=shutil.ignore_patterns("lock"))
    (crash2 / "vault.db-wal").unlink()
    err = refused(capsys, monkeypatch, crash2, NEW, "pairs")
    assert "older than the last state" in err


# -- backups from before a rotation --------------------------------------------------------


def test_a_whole_backup_from_before_the_rotation_restores_and_opens(tmp_path, capsys, monkeypatch):
    root = tmp_path / "data"
    _vault_with_a_pair(root)
    on(capsys, monkeypatch, root, PASSPHRASE, "backup")
    old_backup = next(p for p in (root / "backups").iterdir() if not p.name.startswith("."))
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        for n in range(5):
            vault.journal(vault.pair_ids()[0]).add_session("test-form", SNAPSHOT, title=f"a{n}")
    # restore --pair from it says why it cannot, in one sentence
    err = refused(capsys, monkeypatch, root, NEW, "restore", "--pair", "1", str(old_backup))
    assert "before the keys were rotated" in err
    # the whole backup: with the old passphrase, then no false alarm
    on(capsys, monkeypatch, root, PASSPHRASE, "restore", str(old_backup))
    out = on(capsys, monkeypatch, root, PASSPHRASE, "sessions", "list", "1")
    assert "before" in out and "a4" not in out
    on(capsys, monkeypatch, root, PASSPHRASE, "check")
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        vault.journal(vault.pair_ids()[0]).add_session("test-form", SNAPSHOT, title="again")
    on(capsys, monkeypatch, root, PASSPHRASE, "check")
    on(capsys, monkeypatch, root, PASSPHRASE, "sessions", "list", "1")


# -- removal after a rotation --------------------------------------------------------------


def test_removing_a_pair_after_a_rotation_leaves_nothing_that_fails_later(
    linked, tmp_path, capsys, monkeypatch
):
    leader, _mentor, _number = linked
    on(
        capsys,
        monkeypatch,
        leader,
        PASSPHRASE,
        "pairs",
        "add",
        "--name",
        "Malik",
        "--role",
        "leader",
    )
    on(capsys, monkeypatch, leader, PASSPHRASE, "backup")  # of the old keys
    rotate(capsys, monkeypatch, leader, PASSPHRASE, NEW)
    on(capsys, monkeypatch, leader, NEW, "backup")  # under the new keys: removal reaches it
    with DataDir.acquire(leader) as dd, Vault.unlock(dd, NEW) as vault:
        first = vault.pair_ids()[0]
        assert link.current(vault.journal(first)).my_keys is not None
        file_id = vault.pair_file_and_key(first)[0]
    on(capsys, monkeypatch, leader, NEW, "pairs", "remove", "1", "--yes")
    # the link's keys lived in the pair's journal: no copy of it, nor of its key, is left
    assert not [p for p in leader.rglob(f"*{file_id}*")]
    copies = [p for p in (leader / "backups").iterdir()]
    assert len(copies) == 1  # those of the old keys were deleted, this one updated
    master = backup.unlock_backup(copies[0], NEW)
    try:
        conn = database.open_read_only(
            copies[0] / "vault.db", master, damaged=backup.registry_unreadable
        )
        try:
            rows = conn.execute("SELECT file_id FROM pairs").fetchall()
        finally:
            conn.close()
    finally:
        master.wipe()
    assert len(rows) == 1 and file_id not in rows[0]
    on(capsys, monkeypatch, leader, NEW, "check")
    on(capsys, monkeypatch, leader, NEW, "pairs", "add", "--name", "Zoé", "--role", "leader")
    with DataDir.acquire(leader) as dd, Vault.unlock(dd, NEW) as vault:
        for pair_id in vault.pair_ids():
            vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="later")
    on(capsys, monkeypatch, leader, NEW, "check")
    on(capsys, monkeypatch, leader, NEW, "backup")
    on(capsys, monkeypatch, leader, NEW, "check")


# -- check reports all well after each step ------------------------------------------------


def test_check_is_all_well_after_rotation_removal_restore_and_a_new_recovery_code(
    tmp_path, capsys, monkeypatch
):
    root = tmp_path / "data"
    _vault_with_a_pair(root)
    on(capsys, monkeypatch, root, PASSPHRASE, "pairs", "add", "--name", "Malik", "--role", "leader")
    on(capsys, monkeypatch, root, PASSPHRASE, "check")
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    on(capsys, monkeypatch, root, NEW, "check")
    on(capsys, monkeypatch, root, NEW, "backup")
    taken = next(p for p in (root / "backups").iterdir() if not p.name.startswith("."))
    on(capsys, monkeypatch, root, NEW, "pairs", "remove", "2", "--yes")
    on(capsys, monkeypatch, root, NEW, "check")
    on(capsys, monkeypatch, root, NEW, "recovery-code")
    on(capsys, monkeypatch, root, NEW, "check")
    on(capsys, monkeypatch, root, NEW, "restore", str(taken))
    on(capsys, monkeypatch, root, NEW, "check")
    on(capsys, monkeypatch, root, NEW, "recovery-code")
    on(capsys, monkeypatch, root, NEW, "check")
    out = on(capsys, monkeypatch, root, NEW, "pairs")
    assert "Inès" in out and "Malik" not in out  # the removal reached the backup too


# -- vaults of older formats ---------------------------------------------------------------

VAULTS = Path(__file__).resolve().parents[1] / "data" / "vaults"
LINKED_FIXTURE = Path(__file__).resolve().parents[1] / "data" / "linked" / "format-4"


@pytest.mark.parametrize("fixture", ["format-4", "format-5"])
def test_an_older_vault_migrates_then_rotates_links_and_sees_rollback(
    fixture, tmp_path, capsys, monkeypatch
):

    monkeypatch.delenv("RM_JOURNAL_DATA_DIR", raising=False)
    root = tmp_path / "old"
    shutil.copytree(VAULTS / fixture, root)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, OLD) as vault:
        expected = describe(vault)
        assert schema.user_version(vault.registry.conn) == schema.REGISTRY_MIGRATIONS[-1][0]
        for pair_id in vault.pair_ids():
            assert (
                schema.user_version(vault.journal(pair_id).conn)
                == (schema.JOURNAL_MIGRATIONS[-1][0])
            )
    rotate(capsys, monkeypatch, root, OLD, NEW)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        assert describe(vault) == expected
        assert all(r.ok for r in vault.check())
    on(capsys, monkeypatch, root, NEW, "check")
    # link its first pair with a new mentor's vault, exchange both ways
    mentor = tmp_path / "mentor"
    with DataDir.acquire(mentor) as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        vault.journal(vault.add_pair(profile("Inès", Role.MENTOR)).pair_id).add_topic("Un sujet")
        vault.lock()
    numbers = []
    for here, pw, there, pw_there in (
        (root, NEW, mentor, PASSPHRASE),
        (mentor, PASSPHRASE, root, NEW),
    ):
        monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", pw_there)
        theirs = tmp_path / f"block-of-{there.name}.txt"
        theirs.write_text(block_of(there, capsys, "1"))
        out = on(capsys, monkeypatch, here, pw, "link", "add", "1", str(theirs))
        numbers.append(NUMBER.search(out).group(1))
    assert numbers[0] == numbers[1]
    on(capsys, monkeypatch, root, NEW, "link", "confirm", "1", *numbers[0].split())
    on(capsys, monkeypatch, mentor, PASSPHRASE, "link", "confirm", "1", *numbers[0].split())
    to_mentor, to_leader = tmp_path / "to-mentor.rmjx", tmp_path / "to-leader.rmjx"
    on(capsys, monkeypatch, root, NEW, "send", "1", "--topics", "-o", str(to_mentor))
    on(capsys, monkeypatch, mentor, PASSPHRASE, "receive", "1", str(to_mentor), "--apply")
    on(capsys, monkeypatch, mentor, PASSPHRASE, "send", "1", "--topics", "-o", str(to_leader))
    on(capsys, monkeypatch, root, NEW, "receive", "1", str(to_leader), "--apply")
    err = refused(capsys, monkeypatch, root, NEW, "receive", "1", str(to_leader), "--apply")
    assert "already imported" in err
    # rollback: a journal's log lost after a write, and the registry's
    with DataDir.acquire(root) as dd, Vault.unlock(dd, NEW) as vault:
        first = vault.pair_ids()[0]
        file_id = vault.pair_file_and_key(first)[0]
        vault.journal(first).add_session("test-form", SNAPSHOT, title="only in the log")
        vault.set_setting("program", "Été")
        crash = tmp_path / "crashed"
        shutil.copytree(root, crash, ignore=shutil.ignore_patterns("lock"))
        shutil.copytree(root, tmp_path / "crashed2", ignore=shutil.ignore_patterns("lock"))
    (crash / "journals" / f"{file_id}.rmj-wal").unlink()
    err = refused(capsys, monkeypatch, crash, NEW, "sessions", "list", "1")
    assert "older than the last state" in err
    (tmp_path / "crashed2" / "vault.db-wal").unlink()
    err = refused(capsys, monkeypatch, tmp_path / "crashed2", NEW, "pairs")
    assert "older than the last state" in err


def test_a_link_of_the_vaults_identity_survives_a_rotation(tmp_path, capsys, monkeypatch):
    shutil.copytree(LINKED_FIXTURE, tmp_path / "old")
    leader, mentor = tmp_path / "old" / "leader", tmp_path / "old" / "mentor"
    number = NUMBER.search(on(capsys, monkeypatch, leader, OLD, "link", "show", "1")).group(1)
    rotate(capsys, monkeypatch, leader, OLD, NEW)
    out = on(capsys, monkeypatch, leader, NEW, "link", "show", "1")
    assert "Linked. Safety number" in out and NUMBER.search(out).group(1) == number
    back = tmp_path / "back.rmjx"
    on(capsys, monkeypatch, leader, NEW, "send", "1", "--topics", "-o", str(back))
    assert "Imported:" in on(capsys, monkeypatch, mentor, OLD, "receive", "1", str(back), "--apply")
    again = tmp_path / "again.rmjx"
    on(capsys, monkeypatch, mentor, OLD, "send", "1", "--topics", "-o", str(again))
    on(capsys, monkeypatch, leader, NEW, "receive", "1", str(again), "--apply")
    on(capsys, monkeypatch, leader, NEW, "check")


def test_rotation_names_every_copy_of_the_old_keys_also_damaged_or_unfinished(
    tmp_path, capsys, monkeypatch
):
    """A backup whose manifest is damaged, and the staging folder a killed backup leaves,
    hold the old keys as much as a sound backup: the rotation names them too."""
    root = tmp_path / "data"
    _vault_with_a_pair(root)
    on(capsys, monkeypatch, root, PASSPHRASE, "backup")
    on(capsys, monkeypatch, root, PASSPHRASE, "backup")
    sound, damaged = sorted(p for p in (root / "backups").iterdir())
    (damaged / "manifest.json").write_text("{not json")
    unfinished = root / "backups" / ".staging-0123456789abcdef"
    shutil.copytree(sound, unfinished)
    (unfinished / "manifest.json").unlink()
    for copy in (damaged, unfinished):
        backup.unlock_backup(copy, PASSPHRASE).wipe()  # the old passphrase opens it
    out = rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    assert "3 backups taken before still open with the OLD passphrase" in out
    for copy in (sound, damaged, unfinished):
        assert f"    {copy}\n" in out


@pytest.mark.parametrize("what", ["registry", "journal"])
def test_a_save_made_while_the_keys_are_rotated_is_never_lost(tmp_path, what):
    """A save that lands while the files are being re-encrypted (another thread of the
    app) is either in the rotated vault, or the rotation changes nothing: never a
    rotated vault without it, nor one the rollback check then calls older."""
    root = tmp_path / "data"
    pair_id = _vault_with_a_pair(root)
    saved = []

    def save_meanwhile(done: int, total: int) -> None:
        if done == 1 and not saved:  # the index is re-encrypted, the journal not yet
            if what == "registry":
                vault.set_setting("program", "saved meanwhile")
            else:
                vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="meanwhile")
            saved.append(done)

    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        try:
            vault.rotate_keys(NEW, progress=save_meanwhile)
            passphrase = NEW
        except RmJournalError as exc:
            assert "nothing was changed" in str(exc).lower()
            passphrase = PASSPHRASE
    assert saved and not (root / "rotating").exists()
    with DataDir.acquire(root) as dd, Vault.unlock(dd, passphrase) as vault:
        if what == "registry":
            assert vault.setting("program") == "saved meanwhile"
        else:
            titles = [s.title for s in vault.journal(pair_id).sessions()]
            assert titles == ["before", "meanwhile"]
        assert all(r.ok for r in vault.check())


def test_an_index_from_before_the_rotation_put_back_is_refused_in_one_sentence(
    tmp_path, capsys, monkeypatch
):
    root = tmp_path / "data"
    _vault_with_a_pair(root)
    old = {name: (root / name).read_bytes() for name in ("vault.db", "vault.json")}
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    (root / "vault.db").write_bytes(old["vault.db"])
    refused(capsys, monkeypatch, root, NEW, "pairs")
    # with its key file too: older than vault.state records
    (root / "vault.json").write_bytes(old["vault.json"])
    err = refused(capsys, monkeypatch, root, PASSPHRASE, "pairs")
    assert "older than the last state" in err


def test_rollback_is_seen_again_after_restoring_a_backup_from_before_the_rotation(
    tmp_path, capsys, monkeypatch
):
    root = tmp_path / "data"
    pair_id = _vault_with_a_pair(root)
    on(capsys, monkeypatch, root, PASSPHRASE, "backup")
    taken = next((root / "backups").iterdir())
    rotate(capsys, monkeypatch, root, PASSPHRASE, NEW)
    on(capsys, monkeypatch, root, PASSPHRASE, "restore", str(taken))
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="after the restore")
        crash = tmp_path / "crashed"
        shutil.copytree(root, crash, ignore=shutil.ignore_patterns("lock"))
    next((crash / "journals").glob("*.rmj-wal")).unlink()
    err = refused(capsys, monkeypatch, crash, PASSPHRASE, "sessions", "list", "1")
    assert "older than the last state" in err
    on(capsys, monkeypatch, root, PASSPHRASE, "check")


_KILLED_MID_WRITE = """
import os, sys, sqlcipher3
from rm_journal.core.storage import database
from rm_journal.core.keys.secret import SecretKey
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
database.apply_key(conn, SecretKey(bytes.fromhex(sys.argv[2])), RuntimeError, check_pages=False)
conn.execute("PRAGMA cache_size = 1")  # pages reach the file before the commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("CREATE TABLE killed (x)")
for _ in range(2000):
    conn.execute("INSERT INTO killed VALUES (randomblob(500))")
os._exit(0)  # as a kill leaves it: mid-transaction
"""


@pytest.mark.parametrize("whole", [True, False], ids=["restore", "restore-pair"])
def test_a_restored_journal_survives_a_kill_during_its_first_write(
    whole, tmp_path, capsys, monkeypatch
):
    """A backup keeps its files in rollback mode; put back as they are, the first write
    to one (its switch to WAL at the first open) left, if killed, a hot journal that
    every later open refused ("the folder is read-only"). The rotation's kill campaign
    met this for re-encrypted files; restored files are now in WAL mode at rest too."""
    import subprocess
    import sys

    root = tmp_path / "data"
    pair_id = _vault_with_a_pair(root)
    on(capsys, monkeypatch, root, PASSPHRASE, "backup")
    taken = next((root / "backups").iterdir())
    if whole:
        on(capsys, monkeypatch, root, PASSPHRASE, "restore", str(taken))
    else:
        on(capsys, monkeypatch, root, PASSPHRASE, "restore", "--pair", "1", str(taken))
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        file_id, key = vault.pair_file_and_key(pair_id)
        raw = bytes(key.buffer()).hex()
        key.wipe()
    journal = root / "journals" / f"{file_id}.rmj"
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(journal), raw],
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    out = on(capsys, monkeypatch, root, PASSPHRASE, "sessions", "list", "1")
    assert "before" in out
    on(capsys, monkeypatch, root, PASSPHRASE, "check")
