import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import NewerFormat, VaultDamaged
from rm_journal.core.keys import crypto
from rm_journal.core.storage import header


def sample_header() -> header.VaultHeader:
    kdf = crypto.KdfParams(crypto.ARGON2ID, b"s" * 16, 65536, 3, 4)
    rec = crypto.KdfParams(crypto.HKDF_SHA256, b"r" * 16)
    return header.VaultHeader(
        vault_id="ab" * 16,
        slots={
            header.PASSPHRASE_SLOT: header.Slot(kdf, b"n" * 12, b"w" * 48),
            header.RECOVERY_SLOT: header.Slot(rec, b"m" * 12, b"v" * 48),
        },
    )


SAMPLE = header.serialize(sample_header())


def test_roundtrip():
    assert header.parse(SAMPLE) == sample_header()


def test_header_reveals_no_content():
    doc = json.loads(SAMPLE)
    assert set(doc["body"]) == {"format", "version", "vault_id", "slots"}


@settings(max_examples=300)
@given(st.data())
def test_any_changed_byte_is_reported_as_damage(data):
    pos = data.draw(st.integers(0, len(SAMPLE) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != SAMPLE[pos]))
    mutated = SAMPLE[:pos] + bytes([new]) + SAMPLE[pos + 1 :]
    with pytest.raises(VaultDamaged):
        header.parse(mutated)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(blob):
    with pytest.raises((VaultDamaged, NewerFormat)):
        header.parse(blob)


def test_truncated_file_is_damaged():
    for cut in (0, 1, len(SAMPLE) // 2, len(SAMPLE) - 1):
        with pytest.raises(VaultDamaged):
            header.parse(SAMPLE[:cut])


def test_newer_version_is_named_as_such():
    doc = json.loads(SAMPLE)
    doc["body"]["version"] = 99
    doc["checksum"] = __import__("hashlib").sha256(header._canonical(doc["body"])).hexdigest()
    with pytest.raises(NewerFormat):
        header.parse(header._canonical(doc))


def test_associated_data_covers_kdf_parameters():
    h = sample_header()
    weaker = h.with_slot(
        header.PASSPHRASE_SLOT,
        header.Slot(crypto.KdfParams(crypto.ARGON2ID, b"s" * 16, 8, 1, 1), b"n" * 12, b"w" * 48),
    )
    assert h.associated_data(header.PASSPHRASE_SLOT) != weaker.associated_data(
        header.PASSPHRASE_SLOT
    )


def with_cost(memory_kib: int, iterations: int) -> bytes:
    hdr = sample_header()
    slot = hdr.slots[header.PASSPHRASE_SLOT]
    kdf = crypto.KdfParams(crypto.ARGON2ID, slot.kdf.salt, memory_kib, iterations, 4)
    return header.serialize(
        hdr.with_slot(header.PASSPHRASE_SLOT, header.Slot(kdf, b"n" * 12, b"w" * 48))
    )


@pytest.mark.parametrize(
    ("memory_kib", "iterations"),
    [(1024 * 1024, 32), (512 * 1024, 4), (2 * 1024 * 1024, 3), (4 * 1024 * 1024, 64)],
)
def test_a_cost_no_calibration_could_give_is_refused(memory_kib, iterations):
    with pytest.raises(VaultDamaged, match="more memory or passes than rm_journal ever sets"):
        header.parse(with_cost(memory_kib, iterations))


def test_what_this_machine_calibrates_is_accepted():
    calibrated = crypto.calibrate_argon2id(b"s" * 16)
    header.parse(with_cost(calibrated.memory_kib, calibrated.iterations))
    header.parse(with_cost(crypto.MAX_CALIBRATED_MEMORY_KIB, crypto.MAX_CALIBRATED_ITERATIONS))
