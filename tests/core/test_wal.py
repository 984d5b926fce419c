"""The write-ahead log check: every damaged frame of a real SQLCipher log is found."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import JournalDamaged
from rm_journal.core.storage import wal
from rm_journal.core.storage.datadir import DataDir
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


def last_frame(raw: bytes) -> range:
    """The bytes of the log's last frame: the one a crash may tear."""
    page_size = int.from_bytes(raw[8:12], "big")
    frame = wal.FRAME_HEADER + page_size
    count = (len(raw) - wal.HEADER) // frame
    start = wal.HEADER + (count - 1) * frame
    return range(start, start + frame)


@pytest.mark.slow
@settings(max_examples=300)
@given(data=st.data())
def test_any_flipped_bit_in_a_log_is_found_but_in_its_last_frame(crashed, tmp_path_factory, data):
    """Damage is found anywhere a crash cannot have left it. In the last frame, a flip
    looks exactly like a write cut between the frame's header and its page (a kill):
    the log then ends before that frame, as SQLite reads it."""
    _root, log = crashed
    original = log.read_bytes()
    raw = bytearray(original)
    at = data.draw(st.integers(0, len(raw) - 1))
    raw[at] ^= 1 << data.draw(st.integers(0, 7))
    damaged = tmp_path_factory.mktemp("flip") / "x.rmj-wal"
    damaged.write_bytes(bytes(raw))
    span = last_frame(original)
    if at in span:
        if at - span.start not in range(8, 16):  # its salts: an older frame, or damage
            assert wal.problem(damaged) is None, at
    else:
        assert wal.problem(damaged) is not None, at


def test_a_write_torn_between_a_frames_header_and_its_page_ends_the_log(crashed, tmp_path):
    """What a kill left once (the kill campaign, in CI): the header of the last frame
    written, its page not yet, over the bytes of an older log. The journal opens at
    its last acknowledged state instead of being refused. The torn transaction was
    never acknowledged, so the registry's record of the journal's writes is still
    the one before it (core.rollback): as the kill left it."""
    root, log = crashed
    copy = tmp_path / "data"
    shutil.copytree(root, copy)
    with (
        DataDir.acquire(copy) as dd,
        Vault.unlock(dd, PASSPHRASE) as vault,
        vault.registry.transaction("as before the torn write") as tx,
    ):
        tx.execute("UPDATE pairs SET write_count = write_count - 1")
    torn = copy / log.relative_to(root)
    raw = bytearray(torn.read_bytes())
    span = last_frame(bytes(raw))
    raw[span.start + wal.FRAME_HEADER : span.stop] = bytes(len(span) - wal.FRAME_HEADER)
    torn.write_bytes(bytes(raw))
    assert wal.problem(torn) is None
    with DataDir.acquire(copy) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        assert journal.integrity_problems() == []


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


def test_a_torn_frame_among_an_older_logs_frames_ends_the_log_zeros_do_not(crashed, tmp_path):
    """In a log reused after a checkpoint, a torn frame is followed by a frame of the
    older log (its first salt one smaller): the end of the log. Followed by zeros or
    by a frame of the current log, it is damage."""
    _root, log = crashed
    raw = bytearray(log.read_bytes())
    span = last_frame(bytes(raw))
    frame = len(span)
    raw[span.start + wal.FRAME_HEADER : span.stop] = bytes(frame - wal.FRAME_HEADER)  # torn
    first = bytearray(raw[wal.HEADER : wal.HEADER + frame])
    salt1 = int.from_bytes(first[8:12], "big")
    older = bytearray(first)
    older[8:12] = ((salt1 - 1) & 0xFFFFFFFF).to_bytes(4, "big")
    cases = {
        "an older frame": (bytes(older), None),
        "the end of the file": (b"", None),
        "zeros": (bytes(frame), "damaged"),
        "a frame of the current log": (bytes(first), "damaged"),
    }
    for name, (after, expected) in cases.items():
        path = tmp_path / f"{name}-wal"
        path.write_bytes(bytes(raw) + after)
        found = wal.problem(path)
        assert (found is None) == (expected is None), (name, found)


def sqlite_checksum(data: bytes, s0: int, s1: int, order: str) -> tuple[int, int]:
    """SQLite's WAL checksum written out from the file-format page, word by word: an
    implementation of its own, to check wal.py's against."""
    for i in range(0, len(data), 8):
        x0 = int.from_bytes(data[i : i + 4], order)
        x1 = int.from_bytes(data[i + 4 : i + 8], order)
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def as_big_endian(raw: bytes) -> bytes:
    """The same log as a big-endian machine writes it: magic 0x377f0683, every checksum
    over big-endian words (the fields stay big-endian, as on every machine)."""
    out = bytearray(raw)
    out[0:4] = (0x377F0683).to_bytes(4, "big")
    s0, s1 = sqlite_checksum(bytes(out[:24]), 0, 0, "big")
    out[24:32] = s0.to_bytes(4, "big") + s1.to_bytes(4, "big")
    frame = wal.FRAME_HEADER + int.from_bytes(raw[8:12], "big")
    for start in range(wal.HEADER, len(raw) - frame + 1, frame):
        s0, s1 = sqlite_checksum(bytes(out[start : start + 8]), s0, s1, "big")
        s0, s1 = sqlite_checksum(bytes(out[start + 24 : start + frame]), s0, s1, "big")
        out[start + 16 : start + 24] = s0.to_bytes(4, "big") + s1.to_bytes(4, "big")
    return bytes(out)


def test_the_reference_checksum_agrees_with_the_log_sqlite_wrote(crashed):
    _root, log = crashed
    raw = log.read_bytes()
    assert int.from_bytes(raw[:4], "big") == 0x377F0682  # this machine: little-endian sums
    assert sqlite_checksum(raw[:24], 0, 0, "little") == (
        int.from_bytes(raw[24:28], "big"),
        int.from_bytes(raw[28:32], "big"),
    )


def test_a_log_written_on_a_big_endian_machine_is_read_alike(crashed, tmp_path):
    _root, log = crashed
    big = tmp_path / "big-wal"
    big.write_bytes(as_big_endian(log.read_bytes()))
    assert wal.problem(big) is None
    assert wal.pages(big) == wal.pages(log)
    raw = bytearray(big.read_bytes())
    raw[wal.HEADER + wal.FRAME_HEADER + 100] ^= 0x01  # a page of the first frame
    big.write_bytes(bytes(raw))
    assert wal.problem(big) == "frame 1 is damaged"


def test_a_header_failing_its_checksum_is_damage_only_with_a_frame_after_it(crashed, tmp_path):
    _root, log = crashed
    raw = log.read_bytes()
    frame = wal.FRAME_HEADER + int.from_bytes(raw[8:12], "big")
    header = bytearray(raw[: wal.HEADER])
    header[31] ^= 0x01
    cut = tmp_path / "cut-wal"
    cut.write_bytes(bytes(header) + raw[wal.HEADER : wal.HEADER + frame - 1])
    assert wal.inspect(cut) == (None, set())  # no whole frame: nothing was committed to it
    cut.write_bytes(bytes(header) + raw[wal.HEADER : wal.HEADER + frame])
    assert wal.problem(cut) == "its header is damaged"


def test_a_frame_whose_salt_was_damaged_before_later_frames_is_damage(crashed, tmp_path):
    _root, log = crashed
    raw = bytearray(log.read_bytes())
    frame = wal.FRAME_HEADER + int.from_bytes(raw[8:12], "big")
    raw[wal.HEADER + frame + 8] ^= 0x01  # frame 2's first salt: frames 3 and on follow
    damaged = tmp_path / "salt-wal"
    damaged.write_bytes(bytes(raw))
    assert wal.problem(damaged) == "frame 2 is damaged"
