"""The exchange file (.rmjx): encrypted to the partner, signed by the sender.

Layout, version 1 (integers big-endian):

    offset  size  field
         0     4  magic "RMJX"
         4     1  format version (1)
         5     1  suite (1: HPKE RFC 9180 with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
                  AES-256-GCM; Ed25519 signature)
         6     2  flags (0; any other value is refused)
         8    32  link id of the pair (see core.identity)
        40    32  sender's Ed25519 public key
        72    32  recipient's X25519 public key
       104     8  sequence number of this file, from this sender on this link (from 1)
       112     4  n, the length of the sealed payload
       116     n  HPKE ciphertext (32-byte encapsulated key, then AES-256-GCM output)
     116+n    64  Ed25519 signature

The whole header (bytes 0–115) is HPKE's `info`, so the payload decrypts only
under the header it was sealed with; the signature covers the header and the
ciphertext, under a label, so the file comes from the key it names. The file is
exactly 180 + n bytes: a byte more or less is refused. The header is in clear
(authenticated, not encrypted): it tells whoever holds the file which link and
keys it belongs to, how many files came before it, and the payload's size; no
name, no date, no content.

Opening checks in this order, and stops at the first failure, before any
decryption: size, magic, version, suite, flags, length; then this pair's link id,
this device's key, the partner's confirmed key; then the signature; then that the
sequence number is newer than the last one imported; then decryption.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from rm_journal.core.errors import QT_TRANSLATE_NOOP, RmJournalError
from rm_journal.core.exchange.identity import Identity, verify

MAGIC = b"RMJX"
VERSION = 1
SUITE_HPKE_X25519_AES256GCM_ED25519 = 1
_HEADER = struct.Struct(">4sBBH32s32s32sQI")
HEADER_BYTES = _HEADER.size  # 116
SIGNATURE_BYTES = 64
MAX_PAYLOAD_BYTES = 8 * 1024 * 1024
_SEAL_OVERHEAD = 32 + 16  # encapsulated key, GCM tag
MAX_FILE_BYTES = HEADER_BYTES + MAX_PAYLOAD_BYTES + _SEAL_OVERHEAD + SIGNATURE_BYTES
_LABEL = b"rm_journal-exchange-v1\x00"
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)


class ExchangeRefused(RmJournalError):
    """An exchange file that was not imported; the journal is unchanged."""

    exit_code = 2


class NotAnExchangeFile(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This is not an rm_journal exchange file (.rmjx). Choose the file your partner sent.",
    )


class ExchangeDamaged(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file is damaged or was changed after it was written, so it was not imported. Ask your partner to send it again.",
    )


class ExchangeTooLarge(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This file is far larger than any exchange file can be, so it was not opened.",
    )


class ExchangeNewerFormat(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was written by a newer version of rm_journal. Install the latest version, then import it again.",
    )


class ExchangeOtherPair(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file belongs to another pair, so it was not imported. Import it into the pair it was sent for.",
    )


class ExchangeNotForYou(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was encrypted for someone else (another device or another vault), so it cannot be read here. Ask your partner to send it to this vault.",
    )


class ExchangeUnknownSender(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was not sent by your partner's confirmed key, so it was not imported. If your partner has a new computer, link the pair again.",
    )


class ExchangeUnconfirmed(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This pair is not linked yet: compare the safety number with your partner and confirm it first, then import the file.",
    )


class ExchangeReplayed(ExchangeRefused):
    sentence = QT_TRANSLATE_NOOP(
        "Messages",
        "This exchange file was already imported, or is older than one already imported from your partner; nothing was changed.",
    )


@dataclass(frozen=True)
class Header:
    link_id: bytes
    sender_signing: bytes
    recipient_exchange: bytes
    sequence: int
    sealed_length: int


@dataclass(frozen=True)
class Opened:
    header: Header
    payload: bytes


def seal(
    payload: bytes,
    *,
    sender: Identity,
    link_id: bytes,
    recipient_exchange: bytes,
    sequence: int,
) -> bytes:
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ExchangeTooLarge()
    sealed_length = len(payload) + _SEAL_OVERHEAD
    header = _HEADER.pack(
        MAGIC,
        VERSION,
        SUITE_HPKE_X25519_AES256GCM_ED25519,
        0,
        link_id,
        sender.public.signing,
        recipient_exchange,
        sequence,
        sealed_length,
    )
    recipient = X25519PublicKey.from_public_bytes(recipient_exchange)
    sealed = _SUITE.encrypt(payload, recipient, info=_LABEL + header)
    assert len(sealed) == sealed_length
    signature = sender.signing_key().sign(_LABEL + header + sealed)
    return header + sealed + signature


def read_header(data: bytes) -> Header:
    """The header of a well-formed file, or a typed refusal; nothing is decrypted."""
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeTooLarge()
    if len(data) < 4 or data[:4] != MAGIC:
        raise NotAnExchangeFile()
    if len(data) < HEADER_BYTES:
        raise ExchangeDamaged()
    _magic, version, suite, flags, link, sender, recipient, sequence, length = _HEADER.unpack(
        data[:HEADER_BYTES]
    )
    if version != VERSION:
        raise ExchangeNewerFormat() if version > VERSION else ExchangeDamaged()
    if suite != SUITE_HPKE_X25519_AES256GCM_ED25519 or flags != 0:
        raise ExchangeDamaged()
    if length < _SEAL_OVERHEAD or len(data) != HEADER_BYTES + length + SIGNATURE_BYTES:
        raise ExchangeDamaged()
    return Header(link, sender, recipient, sequence, length)


def open_(
    data: bytes,
    *,
    me: Identity,
    link_id: bytes,
    partner_signing: bytes,
    confirmed: bool,
    last_sequence: int,
) -> Opened:
    """Check everything, then decrypt: the payload of a file from the confirmed partner."""
    header = read_header(data)
    if header.link_id != link_id:
        raise ExchangeOtherPair()
    if header.recipient_exchange != me.public.exchange:
        raise ExchangeNotForYou()
    if header.sender_signing != partner_signing:
        raise ExchangeUnknownSender()
    if not confirmed:
        raise ExchangeUnconfirmed()
    signed_end = HEADER_BYTES + header.sealed_length
    if not verify(partner_signing, data[signed_end:], _LABEL + data[:signed_end]):
        raise ExchangeDamaged()
    if header.sequence <= last_sequence:
        raise ExchangeReplayed()
    try:
        payload = _SUITE.decrypt(
            data[HEADER_BYTES:signed_end], me.exchange_key(), info=_LABEL + data[:HEADER_BYTES]
        )
    except (InvalidTag, ValueError):
        raise ExchangeDamaged() from None
    return Opened(header, payload)
