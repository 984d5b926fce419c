import base64
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import NewerFormat, StorageUnavailable, VaultDamaged
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


def resealed(change) -> bytes:
    """SAMPLE with its body changed and the checksum made right again: what someone who
    edits vault.json by hand writes. The structure checks must refuse it on their own."""
    doc = json.loads(SAMPLE)
    body = doc["body"]
    body = change(body) or body
    checksum = hashlib.sha256(canonical(body)).hexdigest()
    return canonical({"body": body, "checksum": checksum})


def canonical(obj) -> bytes:
    return (json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def slot(name: str):
    return lambda body: body["slots"][name]


def setting(path, value):
    def change(body):
        target = body
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


PP, REC = header.PASSPHRASE_SLOT, header.RECOVERY_SLOT
EDITS = {
    "body not an object": lambda body: ["a", "list"],
    "another format": setting(["format"], "keepass"),
    "an older version": setting(["version"], 0),
    "a version as text": setting(["version"], "1"),
    "a short vault id": setting(["vault_id"], "ab" * 15),
    "a vault id in capitals": setting(["vault_id"], "AB" * 16),
    "a slot missing": lambda body: body["slots"].pop(REC) and None,
    "slots as a list": setting(["slots"], [PP, REC]),
    "a slot not an object": setting(["slots", PP], "slot"),
    "a slot with a key more": setting(["slots", PP, "note"], "x"),
    "a kdf not an object": setting(["slots", PP, "kdf"], "argon2id"),
    "the recovery slot under argon2id": setting(["slots", REC, "kdf", "name"], crypto.ARGON2ID),
    "the passphrase slot under hkdf": setting(["slots", PP, "kdf", "name"], crypto.HKDF_SHA256),
    "a salt as a number": setting(["slots", PP, "kdf", "salt"], 12),
    "a salt not base64": setting(["slots", PP, "kdf", "salt"], "!!!!"),
    "a salt too short": setting(["slots", PP, "kdf", "salt"], base64.b64encode(b"s" * 15).decode()),
    "a salt in unpadded base64": setting(["slots", REC, "kdf", "salt"], "cnJycnJycnJycnJycnJycg"),
    "lanes as a boolean": setting(["slots", PP, "kdf", "lanes"], True),
    "no lanes": setting(["slots", PP, "kdf", "lanes"], 0),
    "iterations as text": setting(["slots", PP, "kdf", "iterations"], "3"),
    "memory below the lanes": setting(["slots", PP, "kdf", "memory_kib"], 8),
    "a recovery kdf with a cost": setting(["slots", REC, "kdf", "iterations"], 3),
    "a nonce too long": setting(["slots", PP, "nonce"], base64.b64encode(b"n" * 13).decode()),
    "a wrapped key cut": setting(
        ["slots", REC, "wrapped_key"], base64.b64encode(b"v" * 32).decode()
    ),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_edit_with_a_right_checksum_is_still_damage(edit):
    edited = resealed(edit)
    assert edited != SAMPLE
    with pytest.raises(VaultDamaged, match="is damaged or was modified"):
        header.parse(edited)


def test_the_untouched_sample_passes_the_same_resealing():
    assert resealed(lambda body: None) == SAMPLE


def test_a_key_file_larger_than_any_vault_json_is_damage():
    padded = SAMPLE[:-1] + b" " * header.MAX_HEADER_BYTES + b"\n"
    with pytest.raises(VaultDamaged):
        header.parse(padded)


def test_a_key_file_that_cannot_be_read_says_so(tmp_path):
    (tmp_path / "vault.json").mkdir()
    with pytest.raises(StorageUnavailable, match="Could not read the vault's key file: "):
        header.read(tmp_path / "vault.json")
