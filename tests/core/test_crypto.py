import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from rm_journal.core.keys import crypto
from rm_journal.core.keys.secret import SecretKey


def test_calibration_never_goes_below_the_floor():
    # Even asking for a tiny target, the floor holds.
    params = crypto.calibrate_argon2id(b"s" * 16, target_seconds=0.001)
    assert params.memory_kib >= crypto.FLOOR_MEMORY_KIB
    assert params.iterations >= crypto.FLOOR_ITERATIONS
    assert not params.below_floor


def test_calibration_scales_memory_up_to_reach_the_target():
    small = crypto.calibrate_argon2id(b"s" * 16, target_seconds=0.001)
    large = crypto.calibrate_argon2id(b"s" * 16, target_seconds=5.0)
    assert large.memory_kib > small.memory_kib
    assert large.memory_kib <= crypto.MAX_CALIBRATED_MEMORY_KIB


def test_calibration_past_the_memory_cap_adds_passes_up_to_their_cap():
    """A target no machine reaches with 1 GiB: memory stops at its cap, then passes grow
    to theirs. Whether 5 s reaches the cap depends on the machine's speed at that moment
    (a loaded machine does not), so the cap is tested with a target that always does."""
    params = crypto.calibrate_argon2id(b"s" * 16, target_seconds=1e6)
    assert params.memory_kib == crypto.MAX_CALIBRATED_MEMORY_KIB
    assert params.iterations == crypto.MAX_CALIBRATED_ITERATIONS
    assert not params.below_floor and not params.beyond_calibration


def test_passphrases_are_nfc_normalized():
    composed, decomposed = "caf\u00e9", "cafe\u0301"
    assert crypto.normalize_passphrase(composed) == crypto.normalize_passphrase(decomposed)


def test_wrap_unwrap_roundtrip_and_failures():
    kek, master = SecretKey.generate(), SecretKey.generate()
    nonce = b"n" * 12
    wrapped = crypto.wrap_key(kek, master, nonce, b"header")
    got = crypto.unwrap_key(kek, nonce, wrapped, b"header")
    assert got is not None and got.buffer() == master.buffer()
    assert crypto.unwrap_key(SecretKey.generate(), nonce, wrapped, b"header") is None
    assert crypto.unwrap_key(kek, nonce, wrapped, b"HEADER") is None


def test_wiped_key_is_zero_and_unusable():
    key = SecretKey(b"k" * 32)
    buf = key.buffer()
    key.wipe()
    assert buf == bytearray(32)
    assert key.wiped
    with pytest.raises(RuntimeError):
        key.buffer()
    assert "k" not in repr(key)


def test_a_recovery_code_kdf_is_never_beyond_calibration():
    # HKDF derives recovery-code keys: no cost to bound, so nothing to refuse
    params = crypto.KdfParams(crypto.HKDF_SHA256, b"s" * 16)
    assert not params.beyond_calibration
    assert not params.below_floor


def test_an_unknown_kdf_is_refused_not_guessed():
    with pytest.raises(ValueError, match="unknown KDF 'scrypt'"):
        crypto.derive_key(b"secret", crypto.KdfParams("scrypt", b"s" * 16, 1024, 1, 1))


def test_a_wrapped_blob_of_the_wrong_length_is_no_key():
    # authenticated under the right key, yet 16 bytes: not a master key
    kek = SecretKey.generate()
    nonce = b"n" * 12
    wrapped = AESGCM(bytes(kek.buffer())).encrypt(nonce, b"k" * 16, b"header")
    assert crypto.unwrap_key(kek, nonce, wrapped, b"header") is None


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_a_key_is_exactly_32_bytes(size):
    with pytest.raises(ValueError, match="a key is 32 bytes"):
        SecretKey(b"k" * size)
