"""The calendar file (export.calendar): any title a person types either is refused in one
sentence or comes back exactly from a real iCalendar reader; nothing else is in it."""

import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidInput
from rm_journal.core.models import Meeting, SessionStatus
from rm_journal.export import calendar

NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def meeting(number, day, status=SessionStatus.PLANNED):
    return Meeting(
        number, f"00000000-0000-4000-8000-00000000000{number}", status, day, None, "", ""
    )


@given(st.text(max_size=300))
def test_any_title_is_refused_or_read_back_exactly(title):
    try:
        checked = calendar.checked_title(title, ["Inès Zorglub", "Programme Canari"])
    except InvalidInput as exc:
        assert str(exc).endswith(".")
        return
    data = calendar.ics([meeting(1, dt.date(2026, 3, 9))], checked, NOW)
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["summary"]) == checked
    assert "zorglub" not in data.decode().casefold()


def test_the_pair_and_program_words_are_refused_whole_words_only():
    for bad in ("Point Zorglub", "ZORGLUB", "canari!", "Inès"):
        with pytest.raises(InvalidInput, match="neutral title"):
            calendar.checked_title(bad, ["Inès Zorglub", "Programme Canari"])
    assert calendar.checked_title("Zorglubette", ["Inès Zorglub"]) == "Zorglubette"
    with pytest.raises(InvalidInput):
        calendar.checked_title("   ", [])


def test_the_next_or_every_planned_session_from_today():
    meetings = [
        meeting(1, dt.date(2026, 2, 1), SessionStatus.HELD),
        meeting(2, dt.date(2026, 2, 20)),  # planned but past: not in a calendar any more
        meeting(3, dt.date(2026, 3, 9)),
        meeting(4, dt.date(2026, 4, 9)),
        meeting(5, None),
    ]
    today = dt.date(2026, 3, 1)
    assert [m.number for m in calendar.planned(meetings, today, every=False)] == [3]
    assert [m.number for m in calendar.planned(meetings, today, every=True)] == [3, 4]
    with pytest.raises(InvalidInput, match="give the next one a date"):
        calendar.planned(meetings[:2], today, every=True)


def test_an_event_carries_a_day_a_title_and_nothing_else():
    data = calendar.ics([meeting(3, dt.date(2026, 3, 9))], "Meeting", NOW)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["prodid"]) == calendar.PRODUCT_ID
    (event,) = cal.walk("VEVENT")
    assert set(event) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "CLASS", "TRANSP"}
    assert event.decoded("dtstart") == dt.date(2026, 3, 9)
    assert event.decoded("dtend") == dt.date(2026, 3, 10)
    assert str(event["uid"]) == meeting(3, None).uuid  # the same event when exported again
