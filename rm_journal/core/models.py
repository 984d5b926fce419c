"""The journal's records as plain dataclasses (no Qt, no SQL).

Every row has a stable UUID so that the two members of a pair can later
exchange records between their journals. Roles are stored as "leader" or
"mentor" rather than "me" or "partner" for the same reason: a record means the
same thing in both journals, and each face shows it relative to ``my_role``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    LEADER = "leader"
    MENTOR = "mentor"


class Owner(StrEnum):
    LEADER = "leader"
    MENTOR = "mentor"
    BOTH = "both"


class Cadence(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    IRREGULAR = "irregular"


class Language(StrEnum):
    EN = "en"
    FR = "fr"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    PREPARED = "prepared"
    HELD = "held"
    REFLECTED = "reflected"


HELD_STATUSES = frozenset({SessionStatus.HELD, SessionStatus.REFLECTED})


class EntryKind(StrEnum):
    """What an entry is to its meeting; it decides which meeting a new entry joins."""

    PREPARATION = "preparation"  # before: joins the next meeting not held yet
    NOTES = "notes"  # during: the next meeting not held yet
    REFLECTION = "reflection"  # after: the last meeting held
    REVIEW = "review"  # looking back (mid-point, closing): the last meeting held


class TakeawayStatus(StrEnum):
    PRIVATE = "private"
    PROPOSED = "proposed"
    AGREED = "agreed"
    DROPPED = "dropped"


class Attribution(StrEnum):
    NAMED = "named"
    ANONYMOUS = "anonymous"
    NEVER = "never"  # never exported, even once agreed


class TopicStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    DISCUSSED = "discussed"
    DROPPED = "dropped"


def new_uuid() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """Timestamps are UTC ISO 8601 with a Z, to the millisecond; they sort as text."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class PairProfile:
    """What a pair's journal says about the pair itself."""

    display_name: str  # the partner's name or an alias: the user's choice
    my_role: Role
    program: str = ""
    start_date: dt.date | None = None
    cadence: Cadence = Cadence.MONTHLY
    language: Language = Language.EN


@dataclass(frozen=True)
class Pair:
    pair_id: str
    profile: PairProfile
    created_at: str
    ended_on: dt.date | None = None  # the relationship ended: its journal is read-only


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of the pair: its number, its days and how far it got. Its entries
    (preparation, notes, reflection, reviews) are the sessions with its number."""

    number: int
    uuid: str
    status: SessionStatus
    planned_date: dt.date | None
    held_date: dt.date | None
    created_at: str
    updated_at: str

    @property
    def day(self) -> dt.date | None:
        return self.held_date or self.planned_date

    @property
    def held(self) -> bool:
        return self.status in HELD_STATUSES


@dataclass(frozen=True)
class Charter:
    """What the pair's charter (the kick-off entry) set for the relationship."""

    meeting_count: int | None = None
    cadence: Cadence | None = None
    midpoint_date: dt.date | None = None
    closing_date: dt.date | None = None


@dataclass(frozen=True, slots=True)  # slots: a journal keeps its listed sessions
class Session:
    """One entry of a meeting, made with a template. Its status and days are its
    meeting's (every entry of meeting 3 says the same)."""

    uuid: str
    number: int
    title: str
    status: SessionStatus
    planned_date: dt.date | None
    held_date: dt.date | None
    template_id: str
    template_snapshot: dict[str, Any]  # the template as it was when the session was created
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class EntryBackup:
    """Everything an entry holds, read before it is deleted, so an undo puts it back
    whole: its row, its field values (as stored), the items it links."""

    session: Session
    values: tuple[tuple[str, str, str], ...]  # (field key, JSON value, updated at)
    linked: tuple[tuple[str, str], ...]  # (table, uuid) of the items written in it
    planned_topics: tuple[str, ...]  # topics planned for it


@dataclass(frozen=True)
class Takeaway:
    uuid: str
    session_uuid: str | None
    text: str
    proposed_by: Role
    status: TakeawayStatus
    agreed_on: dt.date | None
    attribution: Attribution
    changed_after_agreement: bool
    created_at: str
    updated_at: str
    field_key: str | None = None  # the session form field it was written in, if any
    # what the partner's last exchange file said of it (linked pairs only)
    partner_status: TakeawayStatus | None = None
    partner_agreed_on: dt.date | None = None
    partner_attribution: Attribution | None = None  # the partner's own choice (core.sharing)

    def agreed_by_both(self, linked: bool) -> bool:
        """Agreed for the shared summary: by this member, and, once the pair is linked
        across two devices, by the partner too (as their last exchange file said)."""
        if self.status is not TakeawayStatus.AGREED:
            return False
        return not linked or self.partner_status is TakeawayStatus.AGREED

    def agreement_day(self, linked: bool) -> dt.date | None:
        """The day it became agreed by both: the later of the two members' days."""
        if linked and self.partner_agreed_on and self.agreed_on:
            return max(self.agreed_on, self.partner_agreed_on)
        return self.agreed_on


@dataclass(frozen=True)
class Action:
    uuid: str
    session_uuid: str | None
    text: str
    owner: Owner
    due_date: dt.date | None
    done_date: dt.date | None
    carried_from: str | None  # the action of an earlier session this one continues
    created_at: str
    updated_at: str
    field_key: str | None = None
    dropped_on: dt.date | None = None  # given up on purpose: a commitment not kept

    @property
    def open(self) -> bool:
        return self.done_date is None and self.dropped_on is None

    def overdue(self, today: dt.date) -> bool:
        return self.open and self.due_date is not None and self.due_date < today


@dataclass(frozen=True)
class CarriedAction:
    """An open action from an earlier session, shown in a later session's form."""

    action: Action
    from_number: int


@dataclass(frozen=True)
class Commitments:
    """A pair's actions over time: what was kept, dropped, still open, overdue."""

    kept: int
    dropped: int
    open: int
    overdue: int


@dataclass(frozen=True)
class JourneyPoint:
    """One meeting on the pair's timeline, with what had accumulated by then."""

    number: int
    day: dt.date | None
    theme: str
    held: bool
    agreed_takeaways: int  # agreed on or before this day, since the start
    kept_commitments: int  # actions done on or before this day, since the start


@dataclass(frozen=True)
class Topic:
    uuid: str
    title: str
    why: str
    questions: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    status: TopicStatus = TopicStatus.IDEA
    planned_session_uuid: str | None = None
    created_at: str = ""
    updated_at: str = ""
    session_uuid: str | None = None  # the session whose form proposed it, if any
    field_key: str | None = None


@dataclass(frozen=True)
class Agenda:
    """The agenda of a session, received from the partner (linked pairs)."""

    uuid: str
    number: int
    title: str
    points: tuple[str, ...]
    talking_points: tuple[str, ...] = ()  # the mentor's points to share with the leader


@dataclass(frozen=True)
class SharingRecord:
    """One thing that left the device on purpose: append-only."""

    uuid: str
    created_at: str
    kind: str  # "pdf", "bundle", ...
    summary: str
    file_name: str
    fingerprint: str  # of the content (see export.selection), the same on both sides
    item_count: int
    file_sha256: str = ""  # of the file as written: tells an untouched copy from a changed one


@dataclass(frozen=True)
class SearchHit:
    pair_id: str
    kind: str  # "session", "field", "takeaway", "action", "topic"
    ref_uuid: str
    session_uuid: str | None
    field_key: str
    snippet: str  # matched words wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    rank: float


# Control characters that typed text practically never holds, so a face can escape the
# snippet first and then turn these into its own highlighting.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
