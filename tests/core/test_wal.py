"""The write-ahead log check: every damaged frame of a real SQLCipher log is found."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rm_journal.core import wal
from rm_journal.core.datadir import DataDir
from rm_journal.core.errors import JournalDamaged
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile


@pytest.fixture(scope="module")
def crashed(tmp_path_factory):
    """A data folder as a kill leaves it: saves in a journal's log, not yet in the file."""
    root = tmp_path_factory.mktemp("wal")
    with DataDir.acquire(root / "live") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        journal = vault.journal(vault.add_pair(profile()).pair_id)
        for n in range(5):
            s = journal.add_session("test-form", SNAPSHOT)
            journal.set_field(s.uuid, "notes", f"only in the log {n} " * 200)
        shutil.copytree(dd.path, root / "crashed", ignore=shutil.ignore_patterns("lock"))
        vault.lock()
    log = next((root / "crashed" / "journals").glob("*-wal"))
    assert log.stat().st_size > 10 * 4096
    return root / "crashed", log


def test_a_sound_log_passes_and_lists_its_pages(crashed):
    _root, log = crashed
    assert wal.problem(log) is None
    assert 1 in wal.pages(log)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_flipped_bit_in_a_log_is_found(crashed, tmp_path_factory, data):
    _root, log = crashed
    raw = bytearray(log.read_bytes())
    at = data.draw(st.integers(0, len(raw) - 1))
    raw[at] ^= 1 << data.draw(st.integers(0, 7))
    damaged = tmp_path_factory.mktemp("flip") / "x.rmj-wal"
    damaged.write_bytes(bytes(raw))
    assert wal.problem(damaged) is not None, at


def test_a_journal_with_a_damaged_log_is_refused_and_left_as_it_was(crashed, tmp_path):
    root, log = crashed
    copy = tmp_path / "data"
    shutil.copytree(root, copy)
    damaged_log = copy / log.relative_to(root)
    raw = bytearray(damaged_log.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    damaged_log.write_bytes(bytes(raw))
    before = {p: p.read_bytes() for p in damaged_log.parent.iterdir()}
    with (
        DataDir.acquire(copy) as dd,
        Vault.unlock(dd, PASSPHRASE) as vault,
        pytest.raises(JournalDamaged),
    ):
        vault.journal(vault.pair_ids()[0])
    assert {p: p.read_bytes() for p in damaged_log.parent.iterdir()} == before


def test_short_or_foreign_logs_hold_nothing(tmp_path):
    empty = tmp_path / "a-wal"
    empty.write_bytes(b"")
    assert wal.inspect(empty) == (None, set())
    assert wal.inspect(tmp_path / "absent-wal") == (None, set())
    torn = tmp_path / "b-wal"
    torn.write_bytes(b"\x37\x7f\x06\x82" + bytes(20))  # cut inside the header: never used
    assert wal.problem(torn) is None
    junk = tmp_path / "c-wal"
    junk.write_bytes(bytes(range(256)) * 40)  # no header, whole frames' worth of bytes
    assert wal.problem(junk) == "its header is damaged"
