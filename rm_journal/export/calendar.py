"""Planned meetings as an iCalendar file that says nothing (RFC 5545, via ``icalendar``).

A leader's calendar is often read by an assistant, synced to a phone, shared with a
team. An event written here carries a day and a neutral title the person chose, and
nothing else: no partner, no program, no topic, no description or place, no
attendee; ``CLASS:PRIVATE`` asks calendar servers to hide even the title from
delegates. The event's UID is the meeting's random id, so exporting again updates the
same event instead of adding one. The product id names no app.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import icalendar

from rm_journal.core import validate as v
from rm_journal.core.errors import InvalidInput
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Meeting
from rm_journal.core.storage.fsutil import atomic_write

PRODUCT_ID = "-//Private//Calendar//EN"
KIND = "calendar"  # in the sharing log
_WORD = re.compile(r"\w+")


def planned(meetings: Iterable[Meeting], today: dt.date, *, every: bool) -> list[Meeting]:
    """The meetings to export: the next one not held with a planned day from today on,
    or every such one."""
    waiting = sorted(
        (m for m in meetings if not m.held and m.planned_date and m.planned_date >= today),
        key=lambda m: (m.planned_date, m.number),
    )
    if not waiting:
        raise InvalidInput(
            "No upcoming session has a planned date: give the next one a date first."
        )
    return waiting if every else waiting[:1]


def checked_title(title: str, private_words: Iterable[str]) -> str:
    """The event's title, refused if it holds a word of what the calendar must not show
    (the pair's name or alias, its program: each word of three letters or more)."""
    text = v.short_text(title, "calendar title", required=True)
    if any(ch in text for ch in "\r\n"):
        raise InvalidInput("The calendar title is one line.")
    said = {w.casefold() for w in _WORD.findall(text)}
    for phrase in private_words:
        if any(len(w) >= 3 and w.casefold() in said for w in _WORD.findall(phrase)):
            raise InvalidInput(
                "The calendar title names your pair or its program: choose a neutral title."
            )
    return text


def ics(meetings: Sequence[Meeting], title: str, now: dt.datetime) -> bytes:
    """One all-day event per meeting, on its planned day."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    for meeting in meetings:
        if meeting.planned_date is None:
            raise InvalidInput("A session without a planned date cannot go in a calendar.")
        event = icalendar.Event()
        event.add("uid", meeting.uuid)
        event.add("dtstamp", now.astimezone(dt.UTC))
        event.add("dtstart", meeting.planned_date)
        event.add("dtend", meeting.planned_date + dt.timedelta(days=1))
        event.add("summary", title)
        event.add("class", "PRIVATE")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return bytes(cal.to_ical())


def export(
    journal: Journal,
    path: Path,
    title: str,
    today: dt.date,
    *,
    every: bool,
    summary: Callable[[int], str],
) -> list[Meeting]:
    """Write the calendar file for the next (or every) planned meeting and record it in
    the sharing log, as everything that leaves the device is; ``summary(count)`` is the
    log's line in the person's language."""
    profile = journal.pair().profile
    text = checked_title(title, [profile.display_name, profile.program])
    chosen = planned(journal.meetings(), today, every=every)
    data = ics(chosen, text, dt.datetime.now(dt.UTC))
    atomic_write(path, data)
    digest = hashlib.sha256(data).hexdigest()
    journal.record_sharing(KIND, summary(len(chosen)), path.name, digest[:16], len(chosen), digest)
    return chosen
