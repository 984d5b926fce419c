"""What may leave the device in a shared summary, and its fingerprint.

Only what both people agreed on is selected, item by item as ``core.sharing`` (the one
rule every way off the device asks) decides: agreed takeaways (by the partner too
once the pair is linked, dated the later of the two days) whose attribution, the
stricter of the two members' choices, is not *never exported*, and actions of a form
both fill, never from a field marked private. The user picks sessions or a date
range; nothing else is ever included.

The fingerprint is SHA-256 over a canonical form of the selected items that
depends on their content only (kind, words, dates, owner, attribution), sorted,
so the two members of a pair get the same fingerprint for the same summary
whatever the order, the local ids or the way each journal numbers its entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rm_journal.core.exchange import link
from rm_journal.core.journal import sharing
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Attribution, Session, TakeawayStatus

FINGERPRINT_VERSION = "rm_journal-summary-v1"
SHORT = 16  # hex characters printed on every page


@dataclass(frozen=True)
class SharedItem:
    kind: str  # "takeaway" or "action"
    text: str
    session_number: int | None
    session_day: dt.date | None
    day: dt.date | None  # agreed on (takeaway) or due (action)
    attribution: str  # takeaways: named | anonymous; actions: ""
    owner: str  # actions: leader | mentor | both; takeaways: the proposer's role if named


@dataclass(frozen=True)
class Selection:
    items: tuple[SharedItem, ...]
    sessions: tuple[Session, ...]

    @property
    def takeaways(self) -> tuple[SharedItem, ...]:
        return tuple(i for i in self.items if i.kind == "takeaway")

    @property
    def actions(self) -> tuple[SharedItem, ...]:
        return tuple(i for i in self.items if i.kind == "action")


def _session_day(session: Session) -> dt.date | None:
    return session.held_date or session.planned_date


def select(
    journal: Journal,
    *,
    session_uuids: Iterable[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Selection:
    """The agreed items of the chosen sessions (all sessions if none is chosen)."""
    wanted = set(session_uuids) if session_uuids is not None else None
    sessions = []
    for candidate in journal.sessions():
        day = _session_day(candidate)
        if wanted is not None and candidate.uuid not in wanted:
            continue
        if date_from and (day is None or day < date_from):
            continue
        if date_to and (day is None or day > date_to):
            continue
        sessions.append(candidate)
    by_uuid = {s.uuid: s for s in sessions}
    items: list[SharedItem] = []
    linked = link.is_confirmed(journal)  # then both members must have agreed
    for t in journal.takeaways(status=TakeawayStatus.AGREED):
        session = by_uuid.get(t.session_uuid or "")
        if session is None or not sharing.takeaway_in_summary(t, session, linked=linked):
            continue
        attribution = sharing.effective_attribution(t)
        named = attribution is Attribution.NAMED
        items.append(
            SharedItem(
                "takeaway",
                t.text,
                session.number,
                _session_day(session),
                t.agreement_day(linked),
                attribution.value,
                t.proposed_by.value if named else "",
            )
        )
    for a in journal.actions():
        session = by_uuid.get(a.session_uuid or "")
        if session is None or not sharing.action_in_summary(a, session):
            continue
        items.append(
            SharedItem(
                "action",
                a.text,
                session.number,
                _session_day(session),
                a.due_date,
                "",
                a.owner.value,
            )
        )
    items.sort(key=lambda i: (i.session_number or 0, i.kind != "takeaway"))
    return Selection(tuple(items), tuple(sessions))


def _canonical_text(text: str) -> str:
    """NFC and collapsed whitespace: the same words typed on two keyboards match."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def canonical(items: Iterable[SharedItem]) -> bytes:
    rows = sorted(
        [
            i.kind,
            _canonical_text(i.text),
            i.day.isoformat() if i.day else "",
            i.attribution,
            i.owner,
        ]
        for i in items
    )
    return json.dumps(
        {"format": FINGERPRINT_VERSION, "items": rows},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    ).encode("utf-8")


def fingerprint(items: Iterable[SharedItem]) -> str:
    return hashlib.sha256(canonical(items)).hexdigest()


def short(fingerprint_hex: str) -> str:
    """The form printed on every page: groups of four, easy to read aloud."""
    head = fingerprint_hex[:SHORT].upper()
    return " ".join(head[i : i + 4] for i in range(0, SHORT, 4))
