"""Key material held in mutable buffers that can be zeroed on lock.

Python cannot promise that no copy of a key survives (the AES and SQLCipher
bindings take immutable ``bytes``, and the ``PRAGMA key`` statement is a
``str``); SECURITY.md says so. What we can do is keep the long-lived copy in a
``bytearray`` we own, overwrite it when the vault locks, and drop every other
reference.
"""

from __future__ import annotations

import secrets


class SecretKey:
    """A 256-bit key that is wiped by :meth:`wipe` and refuses use afterwards."""

    __slots__ = ("_buf",)
    SIZE = 32

    def __init__(self, material: bytes | bytearray) -> None:
        if len(material) != self.SIZE:
            raise ValueError("a key is 32 bytes")
        self._buf = bytearray(material)

    @classmethod
    def generate(cls) -> SecretKey:
        return cls(secrets.token_bytes(cls.SIZE))

    @property
    def wiped(self) -> bool:
        return not self._buf

    def buffer(self) -> bytearray:
        """The live buffer; callers must not keep it beyond the current operation."""
        if not self._buf:
            raise RuntimeError("key used after it was wiped")
        return self._buf

    def sqlcipher_pragma_value(self) -> str:
        """The raw-key literal for ``PRAGMA key`` (no second KDF inside SQLCipher)."""
        return "x'" + self.buffer().hex() + "'"

    def wipe(self) -> None:
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._buf = bytearray()

    def __repr__(self) -> str:  # never print key bytes, even in a debugger
        return "SecretKey(wiped)" if self.wiped else "SecretKey(<32 bytes>)"
