"""A flipped byte anywhere in an encrypted file is reported as damage, never read as data."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import JournalDamaged, VaultDamaged
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role
from rm_journal.core.vault import Vault
from tests.conftest import PASSPHRASE, SNAPSHOT, profile

SLOW = settings(max_examples=80)


def dump(j: Journal) -> tuple:
    sessions = j.sessions()
    return (
        j.pair(),
        sessions,
        [j.fields(s.uuid) for s in sessions],
        j.takeaways(),
        j.actions(),
        j.topics(),
        j.sharing_log(),
        j.search("réunion"),
    )


@pytest.fixture(scope="module")
def journal_file(tmp_path_factory):
    from rm_journal.core.storage.datadir import DataDir
    from tests.conftest import CHEAP_KDF

    root = tmp_path_factory.mktemp("tamper")
    with DataDir.acquire(root / "data") as dd:
        v, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        pair = v.add_pair(profile())
        j = v.journal(pair.pair_id)
        for n in range(30):
            s = j.add_session("test-form", SNAPSHOT, title=f"Séance {n}")
            j.set_fields(s.uuid, {"notes": f"réunion {n} " + "texte " * 200})
            j.add_takeaway(f"Retenu {n}", Role.LEADER, session_uuid=s.uuid)
        file_id, key = v.pair_file_and_key(pair.pair_id)
        path = dd.journal_path(file_id)
        v.lock()
        original = Journal.open(path, key)
        expected = dump(original)
        original.close()
        return path.read_bytes(), key, expected, root


@pytest.mark.slow
@SLOW
@given(data=st.data())
def test_flipped_byte_in_a_journal_is_detected(journal_file, tmp_path, data):
    raw, key, expected, _root = journal_file
    pos = data.draw(st.integers(0, len(raw) - 1), label="offset")
    flip = data.draw(st.integers(1, 255), label="xor")
    copy = Path(tempfile.mkdtemp(dir=tmp_path)) / "copy.rmj"  # fresh: no -wal from a replay
    mutated = bytearray(raw)
    mutated[pos] ^= flip
    copy.write_bytes(bytes(mutated))
    try:
        j = Journal.open(copy, key)
    except JournalDamaged:
        return
    try:
        got = dump(j)
    except JournalDamaged:
        j.close()
        return
    problems = j.integrity_problems()
    j.close()
    assert got == expected  # whatever could be read is exactly what was written
    assert problems, f"a flip at offset {pos} went unnoticed"


@pytest.mark.slow
@settings(max_examples=40)
@given(data=st.data())
def test_flipped_byte_in_the_registry_is_detected(tmp_path_factory, data):
    from rm_journal.core.storage.datadir import DataDir
    from tests.conftest import CHEAP_KDF

    root = tmp_path_factory.mktemp("reg")
    with DataDir.acquire(root) as dd:
        v, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        v.add_pair(profile())
        v.lock()
        raw = bytearray(dd.registry_path.read_bytes())
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] ^= data.draw(st.integers(1, 255))
        dd.registry_path.write_bytes(bytes(raw))
        try:
            v = Vault.unlock(dd, PASSPHRASE)
        except VaultDamaged:
            return
        with v:
            assert any(not r.ok for r in v.check())


def test_a_journal_swapped_with_another_pairs_file_is_damage(data_dir, vault):
    a, b = vault.add_pair(profile("A")), vault.add_pair(profile("B"))
    fa = data_dir.journal_path(vault.pair_file_and_key(a.pair_id)[0])
    fb = data_dir.journal_path(vault.pair_file_and_key(b.pair_id)[0])
    vault.lock()
    raw_a = fa.read_bytes()
    fa.write_bytes(fb.read_bytes())
    fb.write_bytes(raw_a)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert all(e.pair is None for e in v.open_all())
    assert isinstance(Path(fa), Path)
