"""vault.json: the only file readable without the passphrase.

It holds no names and no content, only what is needed to unwrap the master key:

    {
      "body": {
        "format": "rm_journal-vault",      file type, never changes
        "version": 1,                      layout of this document
        "vault_id": "<32 hex>",            random, identifies the vault in backups
        "slots": {
          "passphrase": {                  the everyday way in
            "kdf": {"name": "argon2id", "salt": "<b64, 16 bytes>",
                    "memory_kib": N, "iterations": N, "lanes": N},
            "nonce": "<b64, 12 bytes>",
            "wrapped_key": "<b64, 32-byte master key + 16-byte GCM tag>"
          },
          "recovery": { same shape, kdf name "hkdf-sha256" }
        }
      },
      "checksum": "<sha256 hex of the canonical body>"
    }

Each slot wraps the same master key with AES-256-GCM; its associated data is
the canonical JSON of (format, version, vault_id, slot name, kdf), so editing
any of those, or the wrapped key, makes unwrapping fail. The unkeyed checksum
and the rule that the file must be byte-for-byte canonical JSON tell accidental
damage ("damaged") apart from a wrong passphrase (the checksum is right but
the unwrap fails).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rm_journal.core.errors import NewerFormat, VaultDamaged
from rm_journal.core.keys import crypto
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.storage.fsutil import atomic_write, storage_error

FORMAT = "rm_journal-vault"
VERSION = 1
PASSPHRASE_SLOT = "passphrase"  # noqa: S105 - a slot name
RECOVERY_SLOT = "recovery"
SLOT_NAMES = (PASSPHRASE_SLOT, RECOVERY_SLOT)
MAX_HEADER_BYTES = 64 * 1024

_DAMAGED = (
    "The vault's key file (vault.json) is damaged or was modified, so the vault cannot be "
    "opened. Nothing was changed; restore the data folder from a backup."
)

_BEYOND_CALIBRATION = (
    "The vault's key file (vault.json) asks for more memory or passes than rm_journal ever "
    "sets, so it was modified and is refused; restore vault.json from a backup."
)


@dataclass(frozen=True)
class Slot:
    kdf: crypto.KdfParams
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class VaultHeader:
    vault_id: str
    slots: dict[str, Slot]

    def associated_data(self, slot_name: str) -> bytes:
        """What each slot's AES-GCM tag authenticates besides the wrapped key."""
        kdf = _kdf_to_json(self.slots[slot_name].kdf)
        return _canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "vault_id": self.vault_id,
                "slot": slot_name,
                "kdf": kdf,
            }
        )

    def with_slot(self, slot_name: str, slot: Slot) -> VaultHeader:
        return replace(self, slots={**self.slots, slot_name: slot})


def _canonical(obj: Any) -> bytes:
    return (json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _kdf_to_json(kdf: crypto.KdfParams) -> dict[str, Any]:
    out: dict[str, Any] = {"name": kdf.name, "salt": _b64(kdf.salt)}
    if kdf.name == crypto.ARGON2ID:
        out.update(memory_kib=kdf.memory_kib, iterations=kdf.iterations, lanes=kdf.lanes)
    return out


def serialize(header: VaultHeader) -> bytes:
    body = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": header.vault_id,
        "slots": {
            name: {
                "kdf": _kdf_to_json(slot.kdf),
                "nonce": _b64(slot.nonce),
                "wrapped_key": _b64(slot.wrapped_key),
            }
            for name, slot in header.slots.items()
        },
    }
    checksum = hashlib.sha256(_canonical(body)).hexdigest()
    return _canonical({"body": body, "checksum": checksum})


def write(path: Path, header: VaultHeader) -> None:
    atomic_write(path, serialize(header))


def read(path: Path) -> VaultHeader:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_HEADER_BYTES + 1)
    except OSError as exc:
        raise storage_error(exc, "read the vault's key file") from exc
    return parse(data)


def parse(data: bytes) -> VaultHeader:
    """Parse and check vault.json; any deviation is VaultDamaged (or NewerFormat)."""
    if len(data) > MAX_HEADER_BYTES:
        raise VaultDamaged(_DAMAGED)
    try:
        doc = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise VaultDamaged(_DAMAGED) from exc
    if not isinstance(doc, dict) or _canonical(doc) != data:
        raise VaultDamaged(_DAMAGED)
    _expect_keys(doc, {"body", "checksum"})
    body = doc["body"]
    if not isinstance(body, dict):
        raise VaultDamaged(_DAMAGED)
    if hashlib.sha256(_canonical(body)).hexdigest() != doc["checksum"]:
        raise VaultDamaged(_DAMAGED)
    if body.get("format") != FORMAT:
        raise VaultDamaged(_DAMAGED)
    version = body.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise NewerFormat(
            "This vault was created by a newer version of rm_journal. "
            "Install the latest version to open it."
        )
    _expect_keys(body, {"format", "version", "vault_id", "slots"})
    if version != VERSION:
        raise VaultDamaged(_DAMAGED)
    vault_id = body["vault_id"]
    if not (isinstance(vault_id, str) and len(vault_id) == 32 and _is_hex(vault_id)):
        raise VaultDamaged(_DAMAGED)
    slots_doc = body["slots"]
    if not isinstance(slots_doc, dict) or set(slots_doc) != set(SLOT_NAMES):
        raise VaultDamaged(_DAMAGED)
    slots = {name: _parse_slot(slots_doc[name], name) for name in SLOT_NAMES}
    return VaultHeader(vault_id=vault_id, slots=slots)


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)


def _expect_keys(obj: dict[str, Any], keys: set[str]) -> None:
    if set(obj) != keys:
        raise VaultDamaged(_DAMAGED)


def _unb64(value: Any, length: int) -> bytes:
    if not isinstance(value, str):
        raise VaultDamaged(_DAMAGED)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VaultDamaged(_DAMAGED) from exc
    if len(raw) != length or _b64(raw) != value:
        raise VaultDamaged(_DAMAGED)
    return raw


def _int_in(value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise VaultDamaged(_DAMAGED)
    return value


def _parse_slot(doc: Any, name: str) -> Slot:
    if not isinstance(doc, dict):
        raise VaultDamaged(_DAMAGED)
    _expect_keys(doc, {"kdf", "nonce", "wrapped_key"})
    kdf_doc = doc["kdf"]
    if not isinstance(kdf_doc, dict):
        raise VaultDamaged(_DAMAGED)
    expected = crypto.ARGON2ID if name == PASSPHRASE_SLOT else crypto.HKDF_SHA256
    if kdf_doc.get("name") != expected:
        raise VaultDamaged(_DAMAGED)
    salt = _unb64(kdf_doc.get("salt"), crypto.SALT_BYTES)
    if expected == crypto.ARGON2ID:
        _expect_keys(kdf_doc, {"name", "salt", "memory_kib", "iterations", "lanes"})
        lanes = _int_in(kdf_doc["lanes"], 1, 64)
        kdf = crypto.KdfParams(
            crypto.ARGON2ID,
            salt,
            memory_kib=_int_in(kdf_doc["memory_kib"], 8 * lanes, 2**32 - 1),
            iterations=_int_in(kdf_doc["iterations"], 1, 2**32 - 1),
            lanes=lanes,
        )
        if kdf.beyond_calibration:
            raise VaultDamaged(_BEYOND_CALIBRATION)
    else:
        _expect_keys(kdf_doc, {"name", "salt"})
        kdf = crypto.KdfParams(crypto.HKDF_SHA256, salt)
    return Slot(
        kdf=kdf,
        nonce=_unb64(doc["nonce"], crypto.NONCE_BYTES),
        wrapped_key=_unb64(doc["wrapped_key"], 32 + 16),
    )


def unwrap_slot(hdr: VaultHeader, slot_name: str, secret: bytes) -> SecretKey | None:
    """The master key wrapped in one slot, or None if ``secret`` is not that slot's."""
    slot = hdr.slots[slot_name]
    kek = crypto.derive_key(secret, slot.kdf)
    try:
        return crypto.unwrap_key(kek, slot.nonce, slot.wrapped_key, hdr.associated_data(slot_name))
    finally:
        kek.wipe()
