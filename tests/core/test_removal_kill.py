"""A backup killed mid-way leaves a staging folder holding the pair's key: removal reaches it."""

from __future__ import annotations

import random

import pytest

from rm_journal.core import backup
from rm_journal.core.errors import RmJournalError
from rm_journal.core.storage import database
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.test_removal_cli import pairs_restored_from
from tests.conftest import PASSPHRASE, SNAPSHOT, profile, subprocess_env
from tests.core.test_kill import measure, run_and_kill

TRIES = 30


def keys_in(copy) -> set[str]:
    """The journals whose key a copy's vault.db holds, opened with the passphrase."""
    master = backup.unlock_backup(copy, PASSPHRASE)
    try:
        conn = database.open_read_only(
            copy / "vault.db", master, damaged=lambda: RmJournalError("damaged")
        )
        try:
            return {row[0] for row in conn.execute("SELECT file_id FROM pairs")}
        finally:
            conn.close()
    finally:
        master.wipe()


def holds(copy, file_id) -> bool:
    try:
        return file_id in keys_in(copy)
    except RmJournalError:
        return False  # killed while its vault.db was being written


@pytest.mark.slow
def test_removal_reaches_the_staging_folder_of_a_killed_backup(tmp_path, data_dir, vault):
    gone = vault.add_pair(profile("Gone"))
    kept = vault.add_pair(profile("Kept"))
    for pair in (gone, kept):
        journal = vault.journal(pair.pair_id)
        for n in range(10):
            s = journal.add_session("test-form", SNAPSHOT)
            journal.set_field(s.uuid, "notes", f"session {n} " + "texte " * 2000)
    gone_file = vault.pair_file_and_key(gone.pair_id)[0]
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    args = ["backup", str(data_dir.path)]
    folder = backup.backups_path(data_dir)
    timing, _ = measure(args, env)
    rng = random.Random(17)
    staged = []
    for _ in range(TRIES):  # kills inside the first backup: some land before its rename
        run_and_kill(args, env, rng.uniform(0.3 * timing.first, timing.first))
        staged = [p for p in folder.glob(".staging-*") if holds(p, gone_file)]
        if staged:
            break
    assert staged, f"no kill in {TRIES} left a staging folder holding the pair's key"
    stolen = tmp_path / "stolen"
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        vault_id = v.vault_id
        forgotten = v.remove_pair(gone.pair_id)
    if staged[0].exists():  # as someone holding the folder would try
        assert gone_file not in keys_in(staged[0])
        assert gone.pair_id not in pairs_restored_from(staged[0], vault_id, tmp_path, 0)
    assert f"backups/{staged[0].name}" in forgotten.deleted
    assert not staged[0].exists()
    for copy in folder.iterdir():  # what is left holds the kept pair only
        if copy.name.startswith("."):
            continue
        with DataDir.acquire(stolen / copy.name) as dd:
            try:
                backup.restore(dd, copy, PASSPHRASE)
            except RmJournalError:
                continue
            with Vault.unlock(dd, PASSPHRASE) as v:
                assert [e.pair_id for e in v.pairs()] == [kept.pair_id]
