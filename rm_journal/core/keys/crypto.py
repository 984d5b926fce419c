"""Key derivation and key wrapping.

passphrase --Argon2id--> key-encryption key --AES-256-GCM--> master key.

Argon2id parameters are calibrated once, when a vault is created, so that one
derivation takes about half a second on that machine, and never go below the
floor (64 MiB, 3 passes). They are stored in vault.json and authenticated as
associated data of the wrapped key, so lowering them is detected.
"""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from rm_journal.core.keys.secret import SecretKey

ARGON2ID = "argon2id"
HKDF_SHA256 = "hkdf-sha256"  # only for recovery codes, which carry 130 random bits

FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
LANES = 4
TARGET_SECONDS = 0.5
MAX_CALIBRATED_MEMORY_KIB = 1024 * 1024
# Passes rise above the floor only at the memory cap, and only where 1 GiB x 3 passes
# take under 0.19 s (2.7 s here): a vault.json asking for more was never calibrated by
# rm_journal, and is refused rather than obeyed (1 GiB x 32 took 40 s per attempt).
MAX_CALIBRATED_ITERATIONS = 8
SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfParams:
    """How a wrapping key is derived; stored in (and authenticated with) vault.json."""

    name: str
    salt: bytes
    memory_kib: int = 0
    iterations: int = 0
    lanes: int = 0

    @property
    def below_floor(self) -> bool:
        return self.name == ARGON2ID and (
            self.memory_kib < FLOOR_MEMORY_KIB or self.iterations < FLOOR_ITERATIONS
        )

    @property
    def beyond_calibration(self) -> bool:
        """Costlier than anything ``calibrate_argon2id`` can return, on any machine."""
        if self.name != ARGON2ID:
            return False
        if self.memory_kib > MAX_CALIBRATED_MEMORY_KIB:
            return True
        most = MAX_CALIBRATED_ITERATIONS
        if self.memory_kib < MAX_CALIBRATED_MEMORY_KIB:
            most = FLOOR_ITERATIONS  # below the memory cap, calibration keeps the floor's passes
        return self.iterations > most

    def with_new_salt(self, salt: bytes) -> KdfParams:
        return KdfParams(self.name, salt, self.memory_kib, self.iterations, self.lanes)


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC, so "é" typed on any keyboard or system derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(secret: bytes, params: KdfParams) -> SecretKey:
    if params.name == ARGON2ID:
        kdf = Argon2id(
            salt=params.salt,
            length=SecretKey.SIZE,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        return SecretKey(kdf.derive(secret))
    if params.name == HKDF_SHA256:
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=SecretKey.SIZE,
            salt=params.salt,
            info=b"rm_journal recovery code v1",
        )
        return SecretKey(hkdf.derive(secret))
    raise ValueError(f"unknown KDF {params.name!r}")


def calibrate_argon2id(salt: bytes, target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below the floor.

    One probe at the floor gives this machine's speed; Argon2id's cost is linear
    in memory × passes, so memory is scaled up to reach the target (capped at
    1 GiB so a laptop is never starved), then passes if the cap is reached.
    """
    probe = KdfParams(ARGON2ID, salt, FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, LANES)
    start = time.perf_counter()
    derive_key(b"calibration probe", probe).wipe()
    elapsed = max(time.perf_counter() - start, 1e-3)
    scale = target_seconds / elapsed
    memory = int(FLOOR_MEMORY_KIB * scale) // 1024 * 1024
    memory = min(max(memory, FLOOR_MEMORY_KIB), MAX_CALIBRATED_MEMORY_KIB)
    iterations = FLOOR_ITERATIONS
    if memory == MAX_CALIBRATED_MEMORY_KIB:
        reached = elapsed * MAX_CALIBRATED_MEMORY_KIB / FLOOR_MEMORY_KIB
        iterations = min(
            max(FLOOR_ITERATIONS, round(FLOOR_ITERATIONS * target_seconds / reached)),
            MAX_CALIBRATED_ITERATIONS,
        )
    return KdfParams(ARGON2ID, salt, memory, iterations, LANES)


def seal(master: SecretKey, purpose: bytes, data: bytes, associated_data: bytes) -> bytes:
    """AES-256-GCM under a key derived from ``master`` for one ``purpose`` (HKDF-SHA256);
    the random nonce goes first."""
    nonce = os.urandom(12)
    key = _subkey(master, purpose)
    return nonce + AESGCM(key).encrypt(nonce, data, associated_data)


def unseal(master: SecretKey, purpose: bytes, blob: bytes, associated_data: bytes) -> bytes | None:
    """The data, or None if the key, the purpose or any byte is wrong."""
    try:
        return AESGCM(_subkey(master, purpose)).decrypt(blob[:12], blob[12:], associated_data)
    except (InvalidTag, ValueError):
        return None


def _subkey(master: SecretKey, purpose: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=SecretKey.SIZE, salt=None, info=purpose)
    return hkdf.derive(bytes(master.buffer()))


def wrap_key(kek: SecretKey, key: SecretKey, nonce: bytes, associated_data: bytes) -> bytes:
    return AESGCM(bytes(kek.buffer())).encrypt(nonce, bytes(key.buffer()), associated_data)


def unwrap_key(
    kek: SecretKey, nonce: bytes, wrapped: bytes, associated_data: bytes
) -> SecretKey | None:
    """The unwrapped key, or None if the key or any authenticated byte is wrong."""
    try:
        plain = AESGCM(bytes(kek.buffer())).decrypt(nonce, wrapped, associated_data)
    except InvalidTag:
        return None
    if len(plain) != SecretKey.SIZE:
        return None
    return SecretKey(plain)
