"""Field types and the shape of their values.

A session's form is described by the template snapshot it was created from
(see ``rm_journal.templates``); the core only needs each field's key, type and
choices to refuse a value of the wrong shape before it is saved. Reading that
from the stored snapshot, rather than from the current template, is what keeps
old sessions valid after a template changes.

Values as stored (JSON):

    text, long_text   a string
    list              a list of strings
    checklist         a list of the keys of the ticked items
    rating            an integer from 1 to 5
    choice            the key of the chosen option
    date              "YYYY-MM-DD"
    takeaways, actions, topics
                      not stored as values: each item is a row of the pair's
                      takeaways, actions or topics, linked to (session, field)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from rm_journal.core import validate as v
from rm_journal.core.errors import InvalidInput

MAX_TEXT_FIELD = 2_000
MAX_LIST_ITEM = 10_000
RATING_MIN, RATING_MAX = 1, 5


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    LIST = "list"
    CHECKLIST = "checklist"
    RATING = "rating"
    CHOICE = "choice"
    DATE = "date"
    TAKEAWAYS = "takeaways"
    ACTIONS = "actions"
    TOPICS = "topics"


STRUCTURED = frozenset({FieldType.TAKEAWAYS, FieldType.ACTIONS, FieldType.TOPICS})


@dataclass(frozen=True)
class FieldSpec:
    key: str
    type: FieldType
    choices: tuple[str, ...] = ()
    required: bool = False
    max_items: int | None = None
    private: bool = False  # never leaves this journal (core.sharing)

    @property
    def structured(self) -> bool:
        return self.type in STRUCTURED


def specs_from_snapshot(snapshot: Mapping[str, Any]) -> dict[str, FieldSpec]:
    """The fields of a stored template document, by key (empty if it has none)."""
    specs: dict[str, FieldSpec] = {}
    sections = snapshot.get("sections")
    if not isinstance(sections, list):
        return specs
    for section in sections:
        fields = section.get("fields") if isinstance(section, dict) else None
        for field in fields if isinstance(fields, list) else []:
            try:
                kind = FieldType(field["type"])
                choices = tuple(str(c["key"]) for c in field.get("choices", []))
                max_items = field.get("max_items")
                specs[str(field["key"])] = FieldSpec(
                    str(field["key"]),
                    kind,
                    choices,
                    bool(field.get("required")),
                    max_items if isinstance(max_items, int) else None,
                    bool(field.get("private", False)),
                )
            except (KeyError, TypeError, ValueError):
                continue  # validated when the template was loaded; never trust blindly
    return specs


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def check_count(spec: FieldSpec, items: Any) -> None:
    """A list-like field holds at most the number of items its template allows."""
    if (
        spec.max_items is not None
        and isinstance(items, list | tuple)
        and len(items) > spec.max_items
    ):
        raise InvalidInput(f"The field '{spec.key}' takes at most {spec.max_items} items.")


def check_value(spec: FieldSpec, value: Any) -> Any:
    """The value to store for ``spec``, or InvalidInput naming the field and the problem."""
    what = f"field '{spec.key}'"
    kind = spec.type
    check_count(spec, value)
    if kind is FieldType.TEXT:
        return v.text(value, what, max_len=MAX_TEXT_FIELD)
    if kind is FieldType.LONG_TEXT:
        return v.text(value, what)
    if kind is FieldType.LIST:
        items = v.text_list(value, what)
        for item in items:
            v.text(item, what, max_len=MAX_LIST_ITEM)
        return items
    if kind is FieldType.CHECKLIST:
        ticked = v.text_list(value, what)
        unknown = [t for t in ticked if t not in spec.choices]
        if unknown:
            raise InvalidInput(f"The {what} has no item {unknown[0]!r:.40}.")
        return [c for c in spec.choices if c in ticked]  # template order, no duplicates
    if kind is FieldType.RATING:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"The {what} takes a rating from {RATING_MIN} to {RATING_MAX}.")
        if not RATING_MIN <= value <= RATING_MAX:
            raise InvalidInput(f"The {what} takes a rating from {RATING_MIN} to {RATING_MAX}.")
        return value
    if kind is FieldType.CHOICE:
        if value not in spec.choices:
            allowed = ", ".join(spec.choices)
            raise InvalidInput(f"The {what} must be one of: {allowed} (got {value!r:.40}).")
        return value
    if kind is FieldType.DATE:
        date = v.optional_date(value, what)
        return date.isoformat() if isinstance(date, dt.date) else None
    raise InvalidInput(f"The {what} holds a list of items; save them one by one.")


T = TypeVar("T")


class SnapshotCache(Generic[T]):
    """What is derived from a stored template snapshot, kept by the snapshot object's
    identity (checked, not assumed): a journal hands out one shared, never-changed dict
    per stored snapshot, so a lookup replaces a validation. Bounded: cleared when full.
    """

    def __init__(self, build: Callable[[Any], T], limit: int = 256) -> None:
        self._build = build
        self._limit = limit
        self._kept: dict[int, tuple[object, T]] = {}

    def get(self, snapshot: Any) -> T:
        known = self._kept.get(id(snapshot))
        if known is not None and known[0] is snapshot:
            return known[1]
        value = self._build(snapshot)
        if len(self._kept) >= self._limit:
            self._kept.clear()
        self._kept[id(snapshot)] = (snapshot, value)
        return value
