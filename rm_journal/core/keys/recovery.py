"""Recovery codes: 130 random bits a person can copy by hand without error.

Format: 26 symbols of Crockford's base32 (5 bits each) and 2 check symbols,
shown as seven groups of four: ``7K3Q-M2XH-...``. The check symbols make the
weighted sum of all 28 symbol values (weights 1 to 28) a multiple of the prime
977. Because 977 is larger than 28 × 31, every single mistyped symbol changes
that sum by a non-multiple of 977, and so does every swap of two neighbouring
symbols (the sum changes by their difference): those typos are always caught
and reported as typos, not as "wrong code". Other errors slip through with a
chance of about 1 in 977, and then simply fail to unlock.

(Luhn mod 32, tried first, misses the swap of "0" and "Z"; the tests found it.)

Reading is forgiving: case, spaces and hyphens are ignored, and I/L read as 1
and O as 0, as Crockford's alphabet intends.
"""

from __future__ import annotations

import secrets

from rm_journal.core.errors import InvalidRecoveryCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_SYMBOLS = 26
CHECK_SYMBOLS = 2
LENGTH = DATA_SYMBOLS + CHECK_SYMBOLS
BITS = DATA_SYMBOLS * 5
GROUP = 4
MODULUS = 977
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# For each residue r, the two check values (a, b) with 27a + 28b = r (mod 977).
_CHECK = {
    (DATA_SYMBOLS + 1) * a + (DATA_SYMBOLS + 2) * b: (a, b) for a in range(32) for b in range(32)
}
_CHECK_BY_RESIDUE = {r % MODULUS: ab for r, ab in sorted(_CHECK.items(), reverse=True)}


def _weighted_sum(symbols: str) -> int:
    return sum((i + 1) * _VALUE[ch] for i, ch in enumerate(symbols)) % MODULUS


def _with_check(data: str) -> str:
    a, b = _CHECK_BY_RESIDUE[(-_weighted_sum(data)) % MODULUS]
    return data + ALPHABET[a] + ALPHABET[b]


def from_int(value: int) -> str:
    """The code (display form) carrying ``value``, 0 <= value < 2**130."""
    data = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(DATA_SYMBOLS)))
    return format_code(_with_check(data))


def generate() -> str:
    """A new code in display form (grouped)."""
    return from_int(secrets.randbits(BITS))


def format_code(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def normalize(text: str) -> str:
    """The canonical 28-symbol form of a typed code, or InvalidRecoveryCode."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    cleaned = "".join(_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != LENGTH:
        raise InvalidRecoveryCode(
            f"A recovery code has {LENGTH} letters and digits; "
            f"this one has {len(cleaned)}. Copy it again from your recovery sheet."
        )
    bad = sorted({ch for ch in cleaned if ch not in _VALUE})
    if bad:
        raise InvalidRecoveryCode(
            f"A recovery code never contains {', '.join(repr(c) for c in bad)}. "
            "Copy it again from your recovery sheet."
        )
    if _weighted_sum(cleaned) != 0:
        raise InvalidRecoveryCode(
            "This recovery code contains a typo (its check letters do not match). "
            "Compare it group by group with your recovery sheet."
        )
    return cleaned
