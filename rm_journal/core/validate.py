"""Checks on values entering the core, each failing with a sentence a person can act on."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Any, TypeVar

from rm_journal.core.errors import InvalidInput

MIN_PASSPHRASE_CHARS = 8
MAX_PASSPHRASE_CHARS = 1024
MAX_SHORT_TEXT = 500
MAX_LONG_TEXT = 1_000_000  # about 500 pages; laid out in chunks by the PDF export
MAX_JSON_BYTES = 4 * 1024 * 1024
MAX_LIST_ITEMS = 1000
MIN_PASSPHRASE_STRENGTH = 2  # zxcvbn's "fair": the app's meter and the CLI refuse below

E = TypeVar("E", bound=StrEnum)


def passphrase_strength(text: str) -> int:
    """0 (very weak) to 4 (very strong), by zxcvbn's guess-count estimate: the one rule
    the app's meter shows and every new passphrase must pass (``vault.check_new_passphrase``)."""
    if len(text) < MIN_PASSPHRASE_CHARS:
        return 0
    if len(text) > 72:  # zxcvbn's limit; a passphrase that long is strong enough
        return 4
    from zxcvbn import zxcvbn  # imported on first use: not paid for at every start

    return int(zxcvbn(text)["score"])


def text(value: Any, what: str, *, max_len: int = MAX_LONG_TEXT, required: bool = False) -> str:
    """Any Unicode is kept as typed (RTL, emoji, NUL, markup); only the size is bounded."""
    if not isinstance(value, str):
        raise InvalidInput(f"The {what} must be text.")
    if required and not value.strip():
        raise InvalidInput(f"The {what} cannot be empty.")
    if len(value) > max_len:
        raise InvalidInput(
            f"The {what} is too long ({len(value):,} characters; the limit is {max_len:,}). "
            "Split it into several entries."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            f"The {what} contains an invalid character (a lone surrogate) and was not saved."
        ) from None
    return value


def short_text(value: Any, what: str, *, required: bool = False) -> str:
    return text(value, what, max_len=MAX_SHORT_TEXT, required=required)


def text_list(value: Any, what: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise InvalidInput(f"The {what} must be a list of texts.")
    if len(value) > MAX_LIST_ITEMS:
        raise InvalidInput(f"The {what} has more than {MAX_LIST_ITEMS} items.")
    return [text(item, what) for item in value]


def choice(value: Any, enum: type[E], what: str) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidInput(f"The {what} must be one of: {allowed} (got {value!r:.40}).") from None


def optional_date(value: Any, what: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput(f"The {what} must be a date written YYYY-MM-DD (got {value!r:.40}).")


def json_value(value: Any, what: str) -> str:
    """The canonical JSON text of a field value, bounded in size."""
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise InvalidInput(
            f"The {what} holds something that is not text, a number or a list."
        ) from exc
    try:
        encoded.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            f"The {what} contains an invalid character (a lone surrogate) and was not saved."
        ) from None
    if len(encoded.encode("utf-8")) > MAX_JSON_BYTES:
        raise InvalidInput(
            f"The {what} is too large (over {MAX_JSON_BYTES // (1024 * 1024)} MiB). "
            "Split it into several entries."
        )
    return encoded


def date_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
