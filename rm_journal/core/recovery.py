"""Recovery codes: 135 random bits a person can copy by hand without error.

Format: 27 symbols of Crockford's base32 (5 bits each) followed by one check
symbol computed with the Luhn mod N algorithm (N = 32), shown as seven groups
of four: ``7K3Q-M2XH-...``. Luhn mod N catches every single-symbol typo and
every swap of two adjacent symbols, so a mistyped code is reported as a typo
instead of as "wrong code". Reading is forgiving: case, spaces and hyphens
are ignored, and I/L read as 1 and O as 0, as Crockford's alphabet intends.
"""

from __future__ import annotations

import secrets

from rm_journal.core.errors import InvalidRecoveryCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_SYMBOLS = 27
BITS = DATA_SYMBOLS * 5
GROUP = 4
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def _check_symbol(symbols: str) -> str:
    """Luhn mod 32 over ``symbols``: the symbol that makes the whole string valid."""
    n = len(ALPHABET)
    factor = 2
    total = 0
    for ch in reversed(symbols):
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def generate() -> str:
    """A new code in display form (grouped)."""
    value = secrets.randbits(BITS)
    data = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(DATA_SYMBOLS)))
    return format_code(data + _check_symbol(data))


def format_code(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def normalize(text: str) -> str:
    """The canonical 28-symbol form of a typed code, or InvalidRecoveryCode."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    cleaned = "".join(_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != DATA_SYMBOLS + 1:
        raise InvalidRecoveryCode(
            f"A recovery code has {DATA_SYMBOLS + 1} letters and digits; "
            f"this one has {len(cleaned)}. Copy it again from your recovery sheet."
        )
    bad = sorted({ch for ch in cleaned if ch not in _VALUE})
    if bad:
        raise InvalidRecoveryCode(
            f"A recovery code never contains {', '.join(repr(c) for c in bad)}. "
            "Copy it again from your recovery sheet."
        )
    if _check_symbol(cleaned[:-1]) != cleaned[-1]:
        raise InvalidRecoveryCode(
            "This recovery code contains a typo (its check letter does not match). "
            "Compare it group by group with your recovery sheet."
        )
    return cleaned
