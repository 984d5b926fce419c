"""What an exchange file carries (the payload inside core.envelope), and how it is read.

Version 1, UTF-8 JSON with sorted keys:

    {"format": "rm_journal-exchange", "version": 1, "from": "leader" | "mentor",
     "meetings":   [{"number", "planned_date", "held_date", "title"}],
     "agendas":    [{"uuid", "meeting", "title", "points": [text],
                     "talking_points": [text]  (optional, written only when there are some)}],
     "topics":     [{"uuid", "title", "why", "questions", "resources", "status", "meeting"}],
     "takeaways":  [{"uuid", "text", "proposed_by", "status", "agreed_on", "attribution",
                     "meeting", "field"}],
     "actions":    [{"uuid", "text", "owner", "due_date", "done_date", "dropped_on",
                     "meeting", "field"}],
     "signatures": [{"fingerprint", "signature"}]}

Every key is required (but ``talking_points``, new in 1.x: a file without them reads as
before, and one without any is what older versions wrote) and no other is allowed; texts, lists, counts and nesting are
bounded; ids are UUIDs, dates ISO, choices from their list. A payload that breaks
any rule is refused whole (``ExchangeInvalid``), so nothing of it is written.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rm_journal.core import validate as v
from rm_journal.core.errors import InvalidInput
from rm_journal.core.exchange import identity
from rm_journal.core.exchange.envelope import ExchangeNewerFormat, ExchangeRefused
from rm_journal.core.models import Attribution, Owner, Role, TakeawayStatus, TopicStatus

FORMAT = "rm_journal-exchange"
VERSION = 1
MAX_ITEMS = 5_000  # in one file, all kinds together
MAX_SIGNATURES = 16
MAX_MEETING = 100_000
MAX_DEPTH = 5  # root object > list > item > list > text
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_FIELD = re.compile(r"[a-z][a-z0-9_]{0,63}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class ExchangeInvalid(ExchangeRefused):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This exchange file holds something rm_journal cannot use ({detail}), so "
            "nothing was imported. Ask your partner to update rm_journal and send it again."
        )


# -- the payload ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    number: int
    planned_date: dt.date | None
    held_date: dt.date | None
    title: str


@dataclass(frozen=True)
class AgendaItem:
    uuid: str
    meeting: int
    title: str
    points: tuple[str, ...]
    talking_points: tuple[str, ...] = ()  # the mentor's points meant for the leader


@dataclass(frozen=True)
class TopicItem:
    uuid: str
    title: str
    why: str
    questions: tuple[str, ...]
    resources: tuple[str, ...]
    status: TopicStatus
    meeting: int | None


@dataclass(frozen=True)
class TakeawayItem:
    uuid: str
    text: str
    proposed_by: Role
    status: TakeawayStatus
    agreed_on: dt.date | None
    attribution: Attribution
    meeting: int | None
    field: str | None


@dataclass(frozen=True)
class ActionItem:
    uuid: str
    text: str
    owner: Owner
    due_date: dt.date | None
    done_date: dt.date | None
    dropped_on: dt.date | None
    meeting: int | None
    field: str | None


@dataclass(frozen=True)
class SignatureItem:
    fingerprint: str  # SHA-256 of the shared summary's canonical items, hex
    signature: bytes  # Ed25519 over the label, the link id and the fingerprint


@dataclass(frozen=True)
class Payload:
    sender_role: Role
    meetings: tuple[Meeting, ...] = ()
    agendas: tuple[AgendaItem, ...] = ()
    topics: tuple[TopicItem, ...] = ()
    takeaways: tuple[TakeawayItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    signatures: tuple[SignatureItem, ...] = ()

    @property
    def item_count(self) -> int:
        return len(self.agendas) + len(self.topics) + len(self.takeaways) + len(self.actions)

    def to_bytes(self) -> bytes:
        d = v.date_text
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "from": self.sender_role.value,
            "meetings": [
                {
                    "number": m.number,
                    "planned_date": d(m.planned_date),
                    "held_date": d(m.held_date),
                    "title": m.title,
                }
                for m in self.meetings
            ],
            "agendas": [_agenda_doc(a) for a in self.agendas],
            "topics": [
                {
                    "uuid": t.uuid,
                    "title": t.title,
                    "why": t.why,
                    "questions": list(t.questions),
                    "resources": list(t.resources),
                    "status": t.status.value,
                    "meeting": t.meeting,
                }
                for t in self.topics
            ],
            "takeaways": [
                {
                    "uuid": t.uuid,
                    "text": t.text,
                    "proposed_by": t.proposed_by.value,
                    "status": t.status.value,
                    "agreed_on": d(t.agreed_on),
                    "attribution": t.attribution.value,
                    "meeting": t.meeting,
                    "field": t.field,
                }
                for t in self.takeaways
            ],
            "actions": [
                {
                    "uuid": a.uuid,
                    "text": a.text,
                    "owner": a.owner.value,
                    "due_date": d(a.due_date),
                    "done_date": d(a.done_date),
                    "dropped_on": d(a.dropped_on),
                    "meeting": a.meeting,
                    "field": a.field,
                }
                for a in self.actions
            ],
            "signatures": [
                {"fingerprint": s.fingerprint, "signature": base64.b64encode(s.signature).decode()}
                for s in self.signatures
            ],
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _agenda_doc(a: AgendaItem) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "uuid": a.uuid,
        "meeting": a.meeting,
        "title": a.title,
        "points": list(a.points),
    }
    if a.talking_points:  # absent otherwise: the file stays readable by older versions
        doc["talking_points"] = list(a.talking_points)
    return doc


# -- reading a payload: everything checked, nothing trusted ----------------------------------


def json_depth(data: bytes) -> int:
    """How deeply arrays and objects nest, counted on the raw text (json.loads recurses,
    so a deep enough file would exhaust the stack before any check could run)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ExchangeInvalid(f"the key {key!r:.40} appears twice")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ExchangeInvalid(f"the number {name}")


class _Reader:
    """Typed access to one untrusted object; every failure names what was wrong."""

    def __init__(self, obj: Any, what: str, keys: Iterable[str]) -> None:
        if not isinstance(obj, dict):
            raise ExchangeInvalid(f"{what} is not an object")
        expected = set(keys)
        if set(obj) != expected:
            odd = sorted(set(obj) ^ expected)[0]
            raise ExchangeInvalid(f"{what} has a missing or unknown key {odd!r:.40}")
        self.obj, self.what = obj, what

    def _check(self, key: str, check: Callable[[Any, str], Any]) -> Any:
        try:
            return check(self.obj[key], f"{key} of {self.what}")
        except InvalidInput as exc:
            raise ExchangeInvalid(str(exc).rstrip(".")) from None

    def text(self, key: str, *, short: bool = False, required: bool = False) -> str:
        if short:
            return str(self._check(key, lambda x, w: v.short_text(x, w, required=required)))
        return str(self._check(key, lambda x, w: v.text(x, w, required=required)))

    def texts(self, key: str) -> tuple[str, ...]:
        return tuple(self._check(key, v.text_list))

    def date(self, key: str) -> dt.date | None:
        value = self.obj[key]
        if value is not None and (not isinstance(value, str) or len(value) != 10):
            raise ExchangeInvalid(f"{key} of {self.what} is not a date")
        return self._check(key, v.optional_date)  # type: ignore[no-any-return]

    def choice(self, key: str, enum: Any) -> Any:
        return self._check(key, lambda x, w: v.choice(x, enum, w))

    def uuid(self, key: str = "uuid") -> str:
        value = self.obj[key]
        if not isinstance(value, str) or not _UUID.fullmatch(value):
            raise ExchangeInvalid(f"{key} of {self.what} is not an id")
        return value

    def meeting(self, key: str = "meeting", *, required: bool = False) -> int | None:
        value = self.obj[key]
        if value is None and not required:
            return None
        if type(value) is not int or not 1 <= value <= MAX_MEETING:
            raise ExchangeInvalid(f"{key} of {self.what} is not a session number")
        return value

    def field_key(self) -> str | None:
        value = self.obj["field"]
        if value is not None and (not isinstance(value, str) or not _FIELD.fullmatch(value)):
            raise ExchangeInvalid(f"field of {self.what} is not a form field's name")
        return value


def _list(doc: dict[str, Any], key: str, limit: int = MAX_ITEMS) -> list[Any]:
    value = doc[key]
    if not isinstance(value, list):
        raise ExchangeInvalid(f"{key} is not a list")
    if len(value) > limit:
        raise ExchangeInvalid(f"more than {limit:,} {key}")
    return value


def read_payload(data: bytes) -> Payload:
    """The payload, checked whole; ``ExchangeInvalid`` at the first broken rule."""
    if json_depth(data) > MAX_DEPTH:
        raise ExchangeInvalid("values nested too deeply")
    try:
        doc = json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ExchangeInvalid("text that is not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeInvalid("no exchange content")
    version = doc.get("version")
    if type(version) is int and version > VERSION:
        raise ExchangeNewerFormat()
    root = _Reader(
        doc,
        "the file",
        (
            "format",
            "version",
            "from",
            "meetings",
            "agendas",
            "topics",
            "takeaways",
            "actions",
            "signatures",
        ),
    )
    if version != VERSION:
        raise ExchangeInvalid("an unknown version")
    sender = root.choice("from", Role)
    lists = {k: _list(doc, k) for k in ("meetings", "agendas", "topics", "takeaways", "actions")}
    if sum(len(v) for k, v in lists.items() if k != "meetings") > MAX_ITEMS:
        raise ExchangeInvalid(f"more than {MAX_ITEMS:,} items")
    meetings = tuple(_meeting(m) for m in lists["meetings"])
    numbers = [m.number for m in meetings]
    if len(set(numbers)) != len(numbers):
        raise ExchangeInvalid("a session described twice")
    payload = Payload(
        sender,
        meetings,
        tuple(_agenda(a) for a in lists["agendas"]),
        tuple(_topic(t) for t in lists["topics"]),
        tuple(_takeaway(t) for t in lists["takeaways"]),
        tuple(_action(a) for a in lists["actions"]),
        tuple(_signature(s) for s in _list(doc, "signatures", MAX_SIGNATURES)),
    )
    for kind in ("agendas", "topics", "takeaways", "actions"):
        ids = [item.uuid for item in getattr(payload, kind)]
        if len(set(ids)) != len(ids):
            raise ExchangeInvalid(f"two {kind} with the same id")
    referenced = {
        i.meeting
        for k in ("agendas", "topics", "takeaways", "actions")
        for i in getattr(payload, k)
    } - {None}
    if not referenced <= set(numbers):
        raise ExchangeInvalid("an item in a session the file does not describe")
    return payload


def _meeting(obj: Any) -> Meeting:
    r = _Reader(obj, "a session", ("number", "planned_date", "held_date", "title"))
    return Meeting(
        r.meeting("number", required=True) or 0,
        r.date("planned_date"),
        r.date("held_date"),
        r.text("title", short=True),
    )


_AGENDA_KEYS = ("uuid", "meeting", "title", "points")


def _agenda(obj: Any) -> AgendaItem:
    talking = isinstance(obj, dict) and "talking_points" in obj
    r = _Reader(obj, "an agenda", _AGENDA_KEYS + (("talking_points",) if talking else ()))
    return AgendaItem(
        r.uuid(),
        r.meeting(required=True) or 0,
        r.text("title", short=True),
        r.texts("points"),
        r.texts("talking_points") if talking else (),
    )


def _topic(obj: Any) -> TopicItem:
    r = _Reader(
        obj, "a topic", ("uuid", "title", "why", "questions", "resources", "status", "meeting")
    )
    return TopicItem(
        r.uuid(),
        r.text("title", short=True, required=True),
        r.text("why"),
        r.texts("questions"),
        r.texts("resources"),
        r.choice("status", TopicStatus),
        r.meeting(),
    )


def _takeaway(obj: Any) -> TakeawayItem:
    r = _Reader(
        obj,
        "a takeaway",
        ("uuid", "text", "proposed_by", "status", "agreed_on", "attribution", "meeting", "field"),
    )
    status = r.choice("status", TakeawayStatus)
    if status is TakeawayStatus.PRIVATE:
        raise ExchangeInvalid("a private takeaway")
    agreed = r.date("agreed_on")
    if (status is TakeawayStatus.AGREED) != (agreed is not None):
        raise ExchangeInvalid("an agreed takeaway without its day, or a day without agreement")
    return TakeawayItem(
        r.uuid(),
        r.text("text", required=True),
        r.choice("proposed_by", Role),
        status,
        agreed,
        r.choice("attribution", Attribution),
        r.meeting(),
        r.field_key(),
    )


def _action(obj: Any) -> ActionItem:
    r = _Reader(
        obj,
        "an action",
        ("uuid", "text", "owner", "due_date", "done_date", "dropped_on", "meeting", "field"),
    )
    return ActionItem(
        r.uuid(),
        r.text("text", required=True),
        r.choice("owner", Owner),
        r.date("due_date"),
        r.date("done_date"),
        r.date("dropped_on"),
        r.meeting(),
        r.field_key(),
    )


def _signature(obj: Any) -> SignatureItem:
    r = _Reader(obj, "a signature", ("fingerprint", "signature"))
    fingerprint = r.obj["fingerprint"]
    if not isinstance(fingerprint, str) or not _HEX64.fullmatch(fingerprint):
        raise ExchangeInvalid("a signature of something that is not a summary fingerprint")
    encoded = r.obj["signature"]
    try:
        raw = base64.b64decode(encoded, validate=True) if isinstance(encoded, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != identity.SIGNATURE_BYTES:
        raise ExchangeInvalid("a signature that is not one")
    return SignatureItem(fingerprint, raw)
