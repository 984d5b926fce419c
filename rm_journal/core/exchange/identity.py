"""This device's keys, and how two members of a pair learn and confirm each other's.

Each link of a pair has an identity of its own (core.link): an Ed25519 key that
signs and an X25519 key that exchange files are encrypted to, drawn with the link
and kept in the pair's journal (SQLCipher, the pair's key), so two pairs' blocks and
files show no common key. The vault's own identity (vault.db, master key) is kept
only for links confirmed before links had keys of their own.

Linking a pair (no server, no account):

1. each member writes a *pairing block* for the pair: a few lines of text holding
   their role, their two public keys and a random per-pair nonce, signed with the
   signing key (it proves nothing about the person, only that the block is whole);
2. each pastes the other's block into their journal of the pair;
3. both compute the same *safety number* from the two blocks and compare it in
   person (or on a call they trust). Only then does each confirm, and the pair is
   linked. A block swapped on the way gives different numbers on the two screens.

The link id (SHA-256 over both blocks' keys and nonces) names the pair in every
exchange file, so a file for another pair of the same two people is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from rm_journal.core.errors import QT_TRANSLATE_NOOP, RmJournalError
from rm_journal.core.models import Role

KEY_BYTES = 32
NONCE_BYTES = 16
BEGIN = "-----BEGIN RM_JOURNAL PAIRING-----"
END = "-----END RM_JOURNAL PAIRING-----"
MAX_BLOCK_CHARS = 2_000  # a block is about 300 characters; anything longer is not one

# Pairing block, version 1, before base64 (all integers big-endian):
#   0   4  magic "RMJP"
#   4   1  version (1)
#   5   1  role (1 leader, 2 mentor)
#   6  32  Ed25519 public key (signing)
#  38  32  X25519 public key (exchange)
#  70  16  random nonce of this member for this pair
#  86  64  Ed25519 signature over bytes 0..85
_BLOCK = struct.Struct(">4sBB32s32s16s")
_MAGIC = b"RMJP"
_VERSION = 1
_ROLES = {Role.LEADER: 1, Role.MENTOR: 2}
SIGNATURE_BYTES = 64


class PairingRefused(RmJournalError):
    """A pairing block that cannot be used, or a link step out of order; nothing changed.

    Each case is its own class with a fixed sentence, so the app can say it in French."""

    exit_code = 2


class NotAPairingBlock(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a pairing block: it starts with the line -----BEGIN RM_JOURNAL PAIRING----- and ends with -----END RM_JOURNAL PAIRING-----. Paste the whole block.",
    )


class PairingBlockDamaged(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pairing block is damaged (some characters are missing or changed). Ask your partner to send it again.",
    )


class PairingBlockNewer(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pairing block was made by a newer version of rm_journal. Install the latest version, then paste it again.",
    )


class OwnPairingBlock(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This is your own pairing block. Paste the block your partner sent you.",
    )


class SameRoleBlock(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This block comes from someone with your own role in the pair (two leaders or two mentors). Check that it is your partner's block for this pair.",
    )


class AlreadyLinked(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pair is already linked to your partner's confirmed keys. Unlink it first if your partner really has new keys (a new computer or a new vault).",
    )


class NoPartnerBlock(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "Paste your partner's pairing block first; then compare the safety number.",
    )


class SafetyNumberMismatch(PairingRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This safety number does not match the one computed here, so the pair was not linked. Someone may have changed a pairing block on the way: exchange them again.",
    )


@dataclass(frozen=True)
class Identity:
    """A key pair of this device: one link's (its journal) or the vault's (vault.db)."""

    signing_seed: bytes
    exchange_secret: bytes

    def signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.signing_seed)

    def exchange_key(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(self.exchange_secret)

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(
            _raw_public(self.signing_key().public_key()),
            _raw_public(self.exchange_key().public_key()),
        )


@dataclass(frozen=True)
class PublicKeys:
    signing: bytes  # Ed25519, 32 bytes
    exchange: bytes  # X25519, 32 bytes


@dataclass(frozen=True)
class PairingBlock:
    role: Role
    keys: PublicKeys
    nonce: bytes


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def new_secret() -> bytes:
    """32 random bytes from the operating system: a private key of either kind."""
    return os.urandom(KEY_BYTES)


def verify(public_signing: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_signing).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- pairing blocks ----------------------------------------------------------------------


def write_block(identity: Identity, role: Role, nonce: bytes) -> str:
    """The text a member hands to the other: public keys only, no name, no content."""
    keys = identity.public
    body = _BLOCK.pack(_MAGIC, _VERSION, _ROLES[role], keys.signing, keys.exchange, nonce)
    signed = body + identity.signing_key().sign(body)
    encoded = base64.b64encode(signed).decode("ascii")
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


def read_block(text: str) -> PairingBlock:
    """Parse a pasted pairing block (surrounding text, quoting and spaces are tolerated)."""
    if not isinstance(text, str) or len(text) > MAX_BLOCK_CHARS * 4:
        raise NotAPairingBlock()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise NotAPairingBlock()
    inner = text[start + len(BEGIN) : end]
    # mail clients quote with "> " and may re-wrap lines: keep base64 characters only
    compact = "".join(ch for ch in inner if ch.isascii() and (ch.isalnum() or ch in "+/="))
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raise PairingBlockDamaged() from None
    if len(raw) != _BLOCK.size + SIGNATURE_BYTES or raw[:4] != _MAGIC:
        raise PairingBlockDamaged()
    _magic, version, role_code, signing, exchange, nonce = _BLOCK.unpack(raw[: _BLOCK.size])
    if version != _VERSION:
        raise PairingBlockNewer()
    roles = {code: role for role, code in _ROLES.items()}
    if role_code not in roles:
        raise PairingBlockDamaged()
    if not verify(signing, raw[_BLOCK.size :], raw[: _BLOCK.size]):
        raise PairingBlockDamaged()
    return PairingBlock(roles[role_code], PublicKeys(signing, exchange), nonce)


# -- what both sides compute alike -----------------------------------------------------------


def _ordered(a: PairingBlock, b: PairingBlock) -> bytes:
    """Both blocks' keys and nonces, leader first: the same bytes on both devices."""
    leader, mentor = (a, b) if a.role is Role.LEADER else (b, a)
    return b"".join((x.keys.signing + x.keys.exchange + x.nonce) for x in (leader, mentor))


def link_id(a: PairingBlock, b: PairingBlock) -> bytes:
    return hashlib.sha256(b"rm_journal-link-v1\x00" + _ordered(a, b)).digest()


def safety_number(a: PairingBlock, b: PairingBlock) -> str:
    """Twelve groups of five digits, the same on both screens; 60 digits ≈ 199 bits.

    Like Signal's safety numbers: each group is five digits from 5 bytes of an
    iterated SHA-512, so reading them aloud compares the whole of both keys.
    """
    digest = b"rm_journal-safety-v1\x00" + _ordered(a, b)
    for _ in range(5200):  # slows a search for a colliding key, costs ~3 ms
        digest = hashlib.sha512(digest).digest()
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 60, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def normalize_safety_number(text: str) -> str:
    """What a person typed or pasted, as digits in groups of five."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))
