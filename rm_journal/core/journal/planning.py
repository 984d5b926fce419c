"""When the next meeting falls: the pair's cadence and what its charter set.

Pure rules over the meetings already in the journal, so the app and the CLI propose
the same day. The charter is the kick-off entry: its fields ``meeting_count`` (how
many meetings the pair agreed on, a choice such as ``m6``), ``cadence``,
``midpoint_date`` and ``closing_date``; the latest charter entry wins.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Sequence

from rm_journal.core import validate as v
from rm_journal.core.models import Cadence, Charter, Meeting
from rm_journal.core.storage.database import Connection

CHARTER_FIELDS = ("meeting_count", "cadence", "midpoint_date", "closing_date")
_COUNT = re.compile(r"[a-z_]*?(\d{1,2})")
_STEP_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14}


def read_charter(conn: Connection) -> Charter:
    marks = ", ".join("?" * len(CHARTER_FIELDS))
    rows = conn.execute(
        "SELECT f.field_key, f.value FROM field_values AS f"
        " JOIN sessions AS s ON s.uuid = f.session_uuid"
        f" WHERE f.field_key IN ({marks}) ORDER BY s.created_at, s.rowid",
        CHARTER_FIELDS,
    ).fetchall()
    found: dict[str, object] = {}
    for key, value in rows:
        found[key] = json.loads(value)
    return charter_from(found)


def charter_from(values: dict[str, object]) -> Charter:
    """The charter from its field values; a value of another shape counts as unset."""
    count = values.get("meeting_count")
    matched = _COUNT.fullmatch(count) if isinstance(count, str) else None
    cadence = values.get("cadence")
    return Charter(
        meeting_count=int(matched.group(1)) if matched and int(matched.group(1)) else None,
        cadence=Cadence(cadence) if isinstance(cadence, str) and cadence in set(Cadence) else None,
        midpoint_date=_day(values.get("midpoint_date")),
        closing_date=_day(values.get("closing_date")),
    )


def _day(value: object) -> dt.date | None:
    try:
        return v.parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def after(day: dt.date, cadence: Cadence) -> dt.date | None:
    """One cadence step after ``day``; irregular pairs have no next day by rule."""
    if cadence in _STEP_DAYS:
        return day + dt.timedelta(days=_STEP_DAYS[cadence])
    if cadence is Cadence.MONTHLY:
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return day.replace(
            year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
        )
    return None


def propose_next(
    meetings: Sequence[Meeting], cadence: Cadence, charter: Charter, today: dt.date
) -> dt.date | None:
    """The day proposed for a meeting after the last one.

    One step of the charter's cadence (else the pair's) after the last meeting's day,
    never before today. A charter day (mid-point, closing) still ahead and falling before
    that step, or within half a step after it, is proposed instead: that meeting is the
    one the charter named. A first meeting is proposed today. None: an irregular pair
    with no charter day ahead.
    """
    days = [m.day for m in meetings if m.day is not None]
    last = max(days) if days else None
    step = after(last, charter.cadence or cadence) if last else today
    if step is not None and step < today:
        step = today
    taken = set(days)
    ahead = [
        d
        for d in (charter.midpoint_date, charter.closing_date)
        if d is not None and d >= today and (last is None or d > last) and d not in taken
    ]
    if ahead:
        first = min(ahead)
        if step is None:
            return first
        slack = (step - (last or today)) / 2
        if first <= step + slack:
            return first
    return step
