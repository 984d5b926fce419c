"""A pair's meetings: SQL and rules (the one writer of the ``meetings`` table).

A meeting is numbered from 1 and keeps its status and its two days once; its entries
(the mentor's preparation, the notes, the leader's reflection, reviews) are the rows
of ``sessions`` with its number. The journal (core/journal/store.py) and the merge of
a partner's exchange file (core/exchange/merge.py) call these functions inside their
own transactions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from rm_journal.core import validate as v
from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.models import (
    HELD_STATUSES,
    EntryKind,
    Meeting,
    SessionStatus,
    new_uuid,
    utc_now,
)
from rm_journal.core.storage.database import Connection

COLUMNS = "number, uuid, status, planned_date, held_date, created_at, updated_at"
_GONE = "This session no longer exists."


def from_row(r: Sequence[Any]) -> Meeting:
    return Meeting(
        number=r[0],
        uuid=r[1],
        status=SessionStatus(r[2]),
        planned_date=v.parse_date(r[3]),
        held_date=v.parse_date(r[4]),
        created_at=r[5],
        updated_at=r[6],
    )


def all_meetings(conn: Connection) -> list[Meeting]:
    rows = conn.execute(f"SELECT {COLUMNS} FROM meetings ORDER BY number").fetchall()
    return [from_row(r) for r in rows]


def get(conn: Connection, number: int) -> Meeting:
    row = conn.execute(f"SELECT {COLUMNS} FROM meetings WHERE number = ?", (number,)).fetchone()
    if row is None:
        raise NotFound(_GONE)
    return from_row(row)


def next_number(conn: Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(number), 0) + 1 FROM meetings").fetchone()[0])


def ensure(conn: Connection, number: int, planned: dt.date | None, now: str) -> None:
    """The meeting an entry joins, made if it is new (an entry never floats alone)."""
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise InvalidInput("A session number is a whole number from 1.")
    conn.execute(
        f"INSERT OR IGNORE INTO meetings ({COLUMNS}) VALUES (?, ?, 'planned', ?, NULL, ?, ?)",
        (number, new_uuid(), v.date_text(planned), now, now),
    )


def add(conn: Connection, planned: dt.date | None) -> int:
    """A new meeting after the last one; returns its number."""
    number = next_number(conn)
    ensure(conn, number, planned, utc_now())
    return number


def checked(meeting: Meeting) -> tuple[SessionStatus, dt.date | None, dt.date | None]:
    status = v.choice(meeting.status, SessionStatus, "session status")
    planned = v.optional_date(meeting.planned_date, "planned date")
    held = v.optional_date(meeting.held_date, "held date")
    if held is not None and status not in HELD_STATUSES:
        raise InvalidInput(
            "A session with a held date is held: mark it held, or clear the held date."
        )
    return status, planned, held


def update(conn: Connection, meeting: Meeting) -> None:
    status, planned, held = checked(meeting)
    cur = conn.execute(
        "UPDATE meetings SET status = ?, planned_date = ?, held_date = ?, updated_at = ?"
        " WHERE number = ?",
        (status.value, v.date_text(planned), v.date_text(held), utc_now(), meeting.number),
    )
    if cur.rowcount == 0:
        raise NotFound(_GONE)


def marked(meeting: Meeting, status: SessionStatus, today: dt.date) -> Meeting:
    """The meeting with a new status: held (or reflected) on today unless it has a held
    day already; back to planned or prepared, it was not held, so it has no held day."""
    held = (meeting.held_date or today) if status in HELD_STATUSES else None
    return Meeting(
        meeting.number,
        meeting.uuid,
        status,
        meeting.planned_date,
        held,
        meeting.created_at,
        meeting.updated_at,
    )


def delete_empty(conn: Connection, number: int) -> None:
    if conn.execute("SELECT 1 FROM sessions WHERE number = ? LIMIT 1", (number,)).fetchone():
        raise InvalidInput("This session still holds entries: delete or move them first.")
    if conn.execute("DELETE FROM meetings WHERE number = ?", (number,)).rowcount == 0:
        raise NotFound(_GONE)


def fill_days(conn: Connection, number: int, planned: dt.date | None, held: dt.date | None) -> None:
    """Give a meeting the days it does not know yet (the partner's); never overwrite one.
    A held day from the partner means the meeting was held."""
    conn.execute(
        "UPDATE meetings SET planned_date = coalesce(planned_date, ?),"
        " held_date = coalesce(held_date, ?),"
        " status = CASE WHEN ? IS NOT NULL AND status IN ('planned', 'prepared') THEN 'held'"
        " ELSE status END WHERE number = ?",
        (v.date_text(planned), v.date_text(held), v.date_text(held), number),
    )


def set_days(
    conn: Connection, number: int, planned: dt.date | None, held: dt.date | None, now: str
) -> None:
    """A meeting's days replaced by the partner's (the person chose theirs)."""
    conn.execute(
        "UPDATE meetings SET planned_date = ?, held_date = ?, updated_at = ?,"
        " status = CASE WHEN ? IS NOT NULL AND status IN ('planned', 'prepared') THEN 'held'"
        " WHEN ? IS NULL AND status IN ('held', 'reflected') THEN 'planned' ELSE status END"
        " WHERE number = ?",
        (
            v.date_text(planned),
            v.date_text(held),
            now,
            v.date_text(held),
            v.date_text(held),
            number,
        ),
    )


def days(conn: Connection, number: int) -> tuple[str | None, str | None] | None:
    row = conn.execute(
        "SELECT planned_date, held_date FROM meetings WHERE number = ?", (number,)
    ).fetchone()
    return None if row is None else (row[0], row[1])


def meeting_for(conn: Connection, kind: EntryKind, template_id: str) -> int | None:
    """The meeting a new entry of this kind joins by rule, or None for a new meeting.

    Before and during (a preparation, notes): the first meeting not held yet. After (a
    reflection, a review): the last meeting held, else the first one not held. A meeting
    already holding an entry made with this template is passed over (one per template).
    """
    rows = conn.execute(
        "SELECT m.number, m.status IN ('held', 'reflected'),"
        " EXISTS (SELECT 1 FROM sessions AS s WHERE s.number = m.number AND s.template_id = ?)"
        " FROM meetings AS m ORDER BY m.number",
        (template_id,),
    ).fetchall()
    waiting = [r[0] for r in rows if not r[1] and not r[2]]
    if kind in (EntryKind.REFLECTION, EntryKind.REVIEW):
        held = [r for r in rows if r[1]]
        if held and not held[-1][2]:
            return int(held[-1][0])
    return int(waiting[0]) if waiting else None
