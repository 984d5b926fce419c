"""Decrypt SQLCipher 4 pages ourselves, to look for secrets in free and stale pages.

SQLCipher 4 with a raw key: AES-256-CBC with the key as given; each 4096-byte
page ends with a 16-byte IV and a 64-byte HMAC-SHA512 (80 reserved bytes);
page 1 starts with the 16-byte file salt, which stays unencrypted.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from rm_journal.core.keys.secret import SecretKey

PAGE = 4096
RESERVE = 80
IV = 16


def decrypted_pages(path: Path, key: SecretKey) -> list[bytes]:
    raw = path.read_bytes()
    pages = []
    for n in range(len(raw) // PAGE):
        page = raw[n * PAGE : (n + 1) * PAGE]
        start = 16 if n == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
        body = page[start : PAGE - RESERVE]
        dec = Cipher(algorithms.AES(bytes(key.buffer())), modes.CBC(iv)).decryptor()
        pages.append(dec.update(body) + dec.finalize())
    return pages
