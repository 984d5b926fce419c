"""A journal or registry older than the last state this vault recorded is refused (core.rollback).

Real data folders: a crash is a copy of the folder taken while the vault is open
(recent saves only in the -wal files); a rollback is that copy with a log deleted,
or a file replaced by an older copy of itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rm_journal.core import backup
from rm_journal.core.errors import JournalRolledBack, StorageUnavailable, VaultRolledBack
from rm_journal.core.exchange import envelope, link
from rm_journal.core.models import Role
from rm_journal.core.storage import rollback
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import exchange
from rm_journal.templates.library import builtin, start_session
from tests.cli.conftest import run
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile
from tests.data.fixture_content import PASSPHRASE as FIXTURE_PASSPHRASE


def _crash_copy(dd: DataDir, target: Path) -> Path:
    shutil.copytree(dd.path, target, ignore=shutil.ignore_patterns("lock"))
    return target


def _files(root: Path) -> dict[str, bytes]:
    """Each database and its log (an absent log reads as empty: SQLite may leave an
    empty one, and rebuilds its -shm index, when it reads a file)."""
    out = {}
    for db in [root / "vault.db", *sorted((root / "journals").glob("*.rmj"))]:
        log = db.with_name(db.name + "-wal")
        out[db.name] = db.read_bytes()
        out[log.name] = log.read_bytes() if log.exists() else b""
    return out


def _journal_file(root: Path) -> Path:
    return next((root / "journals").glob("*.rmj"))


@pytest.fixture
def crashed(tmp_path):
    """A folder saved cleanly, then two more saves made and the folder copied as a kill
    leaves it; ``older`` is the journal file as it was before those two saves."""
    with DataDir.acquire(tmp_path / "live") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        pair_id = vault.add_pair(profile("Inès")).pair_id
        vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="kept")
        vault.lock()
    older = tmp_path / "older.rmj"
    shutil.copy(_journal_file(tmp_path / "live"), older)
    with DataDir.acquire(tmp_path / "live") as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(pair_id)
        journal.add_session("test-form", SNAPSHOT, title="only in the log")
        journal.add_session("test-form", SNAPSHOT, title="only in the log too")
        root = _crash_copy(dd, tmp_path / "crashed")
    return root, older


def _titles(root: Path) -> list[str]:
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        return [s.title for s in vault.journal(vault.pair_ids()[0]).sessions()]


def test_a_crash_copy_opens_with_every_save(crashed):
    root, _older = crashed
    assert _titles(root) == ["kept", "only in the log", "only in the log too"]


def _refused_as_rolled_back(root: Path) -> None:
    before = _files(root)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        with pytest.raises(JournalRolledBack, match="older than the last state"):
            vault.journal(vault.pair_ids()[0])
        [result] = [r for r in vault.check() if r.pair_id is not None]
        assert result.problems == [str(rollback.journal_rolled_back())]
    after = _files(root)
    assert {k: v for k, v in after.items() if ".rmj" in k} == {
        k: v for k, v in before.items() if ".rmj" in k
    }


def test_a_journal_whose_log_was_deleted_is_refused_and_left_as_it_was(crashed):
    root, _older = crashed
    next((root / "journals").glob("*-wal")).unlink()
    _refused_as_rolled_back(root)


def test_a_journal_whose_log_was_cut_at_a_frame_is_refused(crashed):
    root, _older = crashed
    log = next((root / "journals").glob("*-wal"))
    raw = log.read_bytes()
    frame = 24 + int.from_bytes(raw[8:12], "big")
    log.write_bytes(raw[: 32 + frame * 2])  # a whole-frame cut: SQLite takes it as it is
    _refused_as_rolled_back(root)


def test_a_journal_replaced_by_an_older_copy_is_refused(crashed):
    root, older = crashed
    next((root / "journals").glob("*-wal")).unlink()
    shutil.copy(older, _journal_file(root))
    _refused_as_rolled_back(root)


def test_a_journal_ahead_of_the_record_is_what_a_kill_leaves_and_opens(crashed, tmp_path):
    """A kill between a journal's commit and the registry's record of it: the journal is
    one write ahead; it opens with every save, and the record catches up."""
    root, _older = crashed
    with (
        DataDir.acquire(root) as dd,
        Vault.unlock(dd, PASSPHRASE) as vault,
        vault.registry.transaction("as a kill before the record leaves it") as tx,
    ):
        tx.execute("UPDATE pairs SET write_count = write_count - 1")
    assert _titles(root)[-1] == "only in the log too"
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        recorded = vault.registry.rows("read", "SELECT write_count FROM pairs")[0][0]
        assert recorded == journal.write_count()


def test_a_registry_whose_log_was_deleted_is_refused(tmp_path, capsys, monkeypatch):
    with DataDir.acquire(tmp_path / "live") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        vault.lock()
    with DataDir.acquire(tmp_path / "live") as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        vault.set_setting("program", "Printemps")
        root = _crash_copy(dd, tmp_path / "crashed")
    (root / "vault.db-wal").unlink()
    before = _files(root)
    with DataDir.acquire(root) as dd, pytest.raises(VaultRolledBack, match="older than"):
        Vault.unlock(dd, PASSPHRASE)
    assert _files(root) == before
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--data-dir", str(root), "check")
    assert code != 0 and not out
    assert err.strip() == "rm-journal: " + str(rollback.registry_rolled_back())


def test_a_record_torn_by_a_power_cut_keeps_the_other_slot(tmp_path):
    """vault.state is written in place, in the slot of the count's parity: a torn write
    leaves the other slot, one count behind the registry, which is accepted."""
    with DataDir.acquire(tmp_path / "live") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        for n in range(3):
            vault.set_setting("program", f"Printemps {n}")
        vault.lock()
    state = tmp_path / "live" / rollback.STATE_NAME
    raw = bytearray(state.read_bytes())
    assert len(raw) == 2 * rollback.SLOT_BYTES
    newest = max((0, 1), key=lambda i: json.loads(raw[i * 256 : (i + 1) * 256])["counter"])
    raw[newest * 256 + 10 : newest * 256 + 60] = bytes(50)  # the last write, torn
    state.write_bytes(bytes(raw))
    with DataDir.acquire(tmp_path / "live") as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        assert vault.setting("program") == "Printemps 2"
    state.write_bytes(bytes(2 * rollback.SLOT_BYTES))  # nothing valid left: refused
    with DataDir.acquire(tmp_path / "live") as dd, pytest.raises(VaultRolledBack):
        Vault.unlock(dd, PASSPHRASE)


def test_a_registry_with_an_older_log_is_refused(tmp_path):
    with DataDir.acquire(tmp_path / "live") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        vault.lock()
    with DataDir.acquire(tmp_path / "live") as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        vault.set_setting("program", "Printemps")
        stale = (dd.registry_path.with_name("vault.db-wal")).read_bytes()
        vault.set_setting("program", "Été")
        root = _crash_copy(dd, tmp_path / "crashed")
    (root / "vault.db-wal").write_bytes(stale)
    with DataDir.acquire(root) as dd, pytest.raises(VaultRolledBack):
        Vault.unlock(dd, PASSPHRASE)


def test_a_vault_from_before_counts_opens_and_starts_counting(tmp_path):
    root = tmp_path / "old"
    shutil.copytree(Path(__file__).parents[1] / "data" / "vaults" / "format-4", root)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, FIXTURE_PASSPHRASE) as vault:
        pair_id = vault.pair_ids()[0]
        journal = vault.journal(pair_id)
        journal.add_session("test-form", SNAPSHOT, title="counted")
        counted = journal.write_count()
        assert counted == 1
    assert (root / rollback.STATE_NAME).is_file()
    with DataDir.acquire(root) as dd, Vault.unlock(dd, FIXTURE_PASSPHRASE) as vault:
        assert vault.journal(pair_id).write_count() == counted


def test_restoring_a_rolled_back_journal_from_a_backup_opens_it(crashed):
    root, _older = crashed
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        made = backup.create(vault)
        pair_id = vault.pair_ids()[0]
        vault.journal(pair_id).add_session("test-form", SNAPSHOT, title="after the backup")
        vault.lock()
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        backup.restore_journal(vault, pair_id, made)
        assert [s.title for s in vault.journal(pair_id).sessions()][-1] == "only in the log too"


def test_restoring_a_whole_backup_opens_it(crashed, tmp_path):
    root, _older = crashed
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        made = backup.create(vault, dest=tmp_path / "elsewhere")
        vault.set_setting("program", "after the backup")
        vault.journal(vault.pair_ids()[0]).add_session("test-form", SNAPSHOT, title="after")
    with DataDir.acquire(root) as dd:
        backup.restore(dd, made.path, PASSPHRASE)
    assert _titles(root)[-1] == "only in the log too"


# -- the replay protection lives in the journal: it survives a rollback ------------------


def _linked_pair(tmp_path: Path) -> dict[Role, Path]:
    roots = {role: tmp_path / role.value for role in (Role.LEADER, Role.MENTOR)}
    blocks = {}
    for role, name in ((Role.LEADER, "Inès"), (Role.MENTOR, "Claire")):
        with DataDir.acquire(roots[role]) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            journal = vault.journal(vault.add_pair(profile(name, role)).pair_id)
            blocks[role] = link.my_block(journal, vault.identity())
            vault.lock()
    for role, other in ((Role.LEADER, Role.MENTOR), (Role.MENTOR, Role.LEADER)):
        with DataDir.acquire(roots[role]) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
            journal = vault.journal(vault.pair_ids()[0])
            link.accept_block(journal, vault.identity(), blocks[other])
            link.confirm(journal, vault.identity())
    with DataDir.acquire(roots[Role.MENTOR]) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        pair_id = vault.pair_ids()[0]
        prep = start_session(vault.journal(pair_id), builtin("mentor-preparation"))
        vault.journal(pair_id).set_fields(prep.uuid, {"agenda": ["Ce qui a changé"]})
        payload = exchange.prepare(vault, pair_id, ["agenda"])
        exchange.write(vault, pair_id, payload, tmp_path / "agenda.rmjx")
    return roots


def test_an_exchange_file_imported_before_a_rollback_is_refused_after_it(
    tmp_path, capsys, monkeypatch
):
    roots = _linked_pair(tmp_path)
    leader = roots[Role.LEADER]
    older = tmp_path / "leader-journal-before-import.rmj"
    shutil.copy(_journal_file(leader), older)
    data = (tmp_path / "agenda.rmjx").read_bytes()
    with DataDir.acquire(leader) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        pair_id = vault.pair_ids()[0]
        exchange.apply(vault, pair_id, exchange.read(vault, pair_id, data, "agenda.rmjx"))
        with pytest.raises(envelope.ExchangeReplayed):
            exchange.read(vault, pair_id, data, "agenda.rmjx")
        crashed = _crash_copy(dd, tmp_path / "crashed")
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    receive = ["receive", "1", str(tmp_path / "agenda.rmjx"), "--apply"]
    # the log that held the import is lost
    next((crashed / "journals").glob("*-wal")).unlink()
    code, _out, err = run(capsys, "--data-dir", str(crashed), *receive)
    assert code != 0 and err.strip() == "rm-journal: " + str(rollback.journal_rolled_back()), err
    code, out, err = run(capsys, "--data-dir", str(crashed), "check")
    assert code != 0 and str(rollback.journal_rolled_back()) in out + err
    # the whole journal replaced by its copy from before the import: refused too
    shutil.copy(older, _journal_file(leader))
    code, _out, err = run(capsys, "--data-dir", str(leader), *receive)
    assert code != 0 and err.strip() == "rm-journal: " + str(rollback.journal_rolled_back()), err


# -- the counters' edges, on real SQLCipher connections and real files ---------------------


def test_a_count_table_of_another_shape_is_an_error_not_a_missing_count():
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE write_count (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE rollback_state (id INTEGER PRIMARY KEY)")
        with pytest.raises(sqlcipher3.dbapi2.OperationalError, match=r"no such column"):
            rollback.journal_count(conn)
        with pytest.raises(sqlcipher3.dbapi2.OperationalError, match=r"no such column"):
            rollback.registry_state(conn)
    finally:
        conn.close()


def test_a_state_file_that_is_a_folder_cannot_be_written_or_read(tmp_path):
    (tmp_path / rollback.STATE_NAME).mkdir()
    with pytest.raises(StorageUnavailable, match=r"Could not write vault\.state: "):
        rollback.write_state(tmp_path, "ab" * 16, b"k" * 32, 2)
    with pytest.raises(StorageUnavailable, match=r"Could not read vault\.state: "):
        rollback.recorded_count(tmp_path, "ab" * 16, b"k" * 32)


def test_a_state_record_the_disk_refuses_says_the_disk_is_full(tmp_path):
    (tmp_path / rollback.STATE_NAME).symlink_to("/dev/full")  # opens, refuses every write
    with pytest.raises(StorageUnavailable, match=r"Could not write vault\.state: the disk is full"):
        rollback.write_state(tmp_path, "ab" * 16, b"k" * 32, 3)


def test_a_state_file_beside_a_registry_that_never_counted_is_a_rollback(tmp_path):
    rollback.write_state(tmp_path, "ab" * 16, b"k" * 32, 1)
    assert rollback.recorded_count(tmp_path, "ab" * 16, b"k" * 32) == 1
    with pytest.raises(VaultRolledBack):
        rollback.recorded_count(tmp_path, "ab" * 16, None)
