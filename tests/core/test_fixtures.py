"""Vaults written by earlier versions (tests/data/vaults) open, migrate with a backup of
each file first, and read back exactly what their version wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rm_journal.core.journal import schema
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.data.fixture_content import PASSPHRASE, describe

VAULTS = Path(__file__).resolve().parents[1] / "data" / "vaults"
FIXTURES = sorted(p for p in VAULTS.iterdir() if p.is_dir())
LATEST = {
    "registry": schema.REGISTRY_MIGRATIONS[-1][0],
    "journal": schema.JOURNAL_MIGRATIONS[-1][0],
}


def test_there_are_fixtures_of_an_old_and_of_the_current_format():
    formats = [
        json.loads(p.with_name(p.name + ".expected.json").read_text())["formats"] for p in FIXTURES
    ]
    assert any(f["journal"] < LATEST["journal"] for f in formats)
    assert any(f == {**f, **LATEST} for f in formats)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_opens_migrates_and_reads_back_equal(fixture, tmp_path):
    expected = json.loads(fixture.with_name(fixture.name + ".expected.json").read_text())
    formats = expected.pop("formats")
    root = tmp_path / "data"
    shutil.copytree(fixture, root)
    journals = sorted((root / "journals").glob("*.rmj"))
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        assert describe(vault) == expected
        assert all(r.ok for r in vault.check())
        assert schema.user_version(vault.registry.conn) == LATEST["registry"]
        for pair_id in vault.pair_ids():
            assert schema.user_version(vault.journal(pair_id).conn) == LATEST["journal"]
    # each migrated file was copied first, encrypted, at its old version
    migrated = []
    if formats["registry"] < LATEST["registry"]:
        migrated.append(schema.backup_path(root / "vault.db", formats["registry"]))
    if formats["journal"] < LATEST["journal"]:
        migrated += [schema.backup_path(j, formats["journal"]) for j in journals]
    for copy in migrated:
        assert copy.is_file(), copy.name
        assert not copy.read_bytes().startswith(b"SQLite format 3")
    leftovers = {p.name for p in root.rglob("*before-v*")}
    assert leftovers == {p.name for p in migrated}
    # and a second opening changes nothing more
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        assert describe(vault) == expected
