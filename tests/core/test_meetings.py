"""Meetings (issue 19): a pair's sessions are meetings holding entries; the days and the
status are the meeting's, a new entry joins a meeting by rule, the next day is proposed
from the cadence and the charter."""

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.journal import planning
from rm_journal.core.models import Cadence, Charter, EntryKind, Meeting, SessionStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.conftest import profile
from tests.data.fixture_content import PASSPHRASE

FIXTURES = Path(__file__).parent.parent / "data" / "vaults"
DAY = dt.date(2026, 3, 10)


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile()).pair_id)


def entry(journal, template_id, **kwargs):
    return start_session(journal, builtin(template_id), **kwargs)


def test_entries_of_one_meeting_share_its_status_and_days(journal):
    notes = entry(journal, "regular-session", planned_date=DAY)
    reflection = entry(journal, "leader-reflection", number=notes.number)
    assert [m.number for m in journal.meetings()] == [1]
    journal.mark_meeting(1, SessionStatus.HELD, DAY)
    again = [journal.session(notes.uuid), journal.session(reflection.uuid)]
    assert {(s.status, s.planned_date, s.held_date) for s in again} == {
        (SessionStatus.HELD, DAY, DAY)
    }
    # saving one entry (as the form does) moves the meeting, so all its entries
    journal.update_session(replace(again[1], status=SessionStatus.REFLECTED))
    assert journal.session(notes.uuid).status is SessionStatus.REFLECTED


def test_marking_held_stamps_today_unless_a_day_was_set_and_unmarking_clears_it(journal):
    journal.add_meeting(DAY)
    held = journal.mark_meeting(1, SessionStatus.HELD, DAY + dt.timedelta(days=2))
    assert held.held_date == DAY + dt.timedelta(days=2)
    journal.update_meeting(replace(held, held_date=DAY))
    assert (
        journal.mark_meeting(1, SessionStatus.REFLECTED, DAY + dt.timedelta(days=9)).held_date
        == DAY
    )
    back = journal.mark_meeting(1, SessionStatus.PLANNED, DAY)
    assert (back.status, back.planned_date, back.held_date) == (SessionStatus.PLANNED, DAY, None)


def test_a_held_day_needs_a_held_status(journal):
    planned = journal.add_meeting(DAY)
    with pytest.raises(InvalidInput, match="mark it held"):
        journal.update_meeting(replace(planned, held_date=DAY))
    assert journal.meeting(1).held_date is None


def test_new_entries_join_meetings_by_rule(journal):
    """The leader's reflection after meeting 1 joins meeting 1, not a new one; the
    mentor's preparation joins the next meeting not held yet."""
    assert journal.meeting_for(EntryKind.NOTES, "kickoff-charter") is None  # no meeting yet
    entry(journal, "kickoff-charter", number=1)
    journal.mark_meeting(1, SessionStatus.HELD, DAY)
    assert journal.meeting_for(EntryKind.REFLECTION, "leader-reflection") == 1
    entry(journal, "leader-reflection", number=1)
    # a second reflection for meeting 1 is not allowed: the rule looks elsewhere
    assert journal.meeting_for(EntryKind.REFLECTION, "leader-reflection") is None
    assert journal.meeting_for(EntryKind.PREPARATION, "mentor-preparation") is None
    journal.add_meeting(DAY + dt.timedelta(days=30))
    assert journal.meeting_for(EntryKind.PREPARATION, "mentor-preparation") == 2
    assert journal.meeting_for(EntryKind.NOTES, "regular-session") == 2
    assert journal.meeting_for(EntryKind.REVIEW, "mid-point-review") == 1
    # before any meeting was held, a reflection goes to the first one waiting
    other = journal
    other.mark_meeting(1, SessionStatus.PLANNED, DAY)
    assert other.meeting_for(EntryKind.REFLECTION, "mentor-self-check") == 1


def test_one_entry_per_template_in_a_meeting_and_moving_an_entry(journal):
    first = entry(journal, "regular-session")
    with pytest.raises(InvalidInput, match="already has an entry"):
        entry(journal, "regular-session", number=1)
    stray = entry(journal, "leader-reflection")  # made in a new meeting by mistake
    assert stray.number == 2
    moved = journal.move_entry(stray.uuid, 1)
    assert moved.number == 1
    assert [s.number for s in journal.sessions()] == [1, 1]
    with pytest.raises(InvalidInput, match="already has an entry"):
        journal.move_entry(entry(journal, "regular-session").uuid, first.number)
    with pytest.raises(InvalidInput, match="still holds entries"):
        journal.delete_meeting(1)
    journal.delete_meeting(2)  # the emptied meeting goes only on purpose
    assert [m.number for m in journal.meetings()] == [1, 3]
    with pytest.raises(NotFound):
        journal.move_entry("gone", 1)


def test_deleting_the_last_entry_keeps_the_meeting(journal):
    only = entry(journal, "regular-session", planned_date=DAY)
    journal.delete_session(only.uuid)
    assert [(m.number, m.planned_date) for m in journal.meetings()] == [(1, DAY)]
    assert journal.sessions() == []


def test_the_next_planned_date_is_the_meetings(journal):
    journal.add_meeting(DAY)
    journal.add_meeting(DAY + dt.timedelta(days=30))
    journal.mark_meeting(1, SessionStatus.HELD, DAY)
    assert journal.next_planned_date(DAY) == DAY + dt.timedelta(days=30)


def test_the_charter_sets_the_count_the_cadence_and_the_days(journal):
    charter = entry(journal, "kickoff-charter")
    journal.set_fields(
        charter.uuid,
        {
            "meeting_count": "m6",
            "cadence": "fortnightly",
            "midpoint_date": "2026-05-01",
            "closing_date": "2026-07-01",
        },
    )
    assert journal.charter() == Charter(
        6, Cadence.FORTNIGHTLY, dt.date(2026, 5, 1), dt.date(2026, 7, 1)
    )
    journal.mark_meeting(1, SessionStatus.HELD, DAY)
    # fortnightly from the charter, although the pair was made monthly
    assert journal.propose_next_date(DAY) == DAY + dt.timedelta(days=14)


def _meeting(number, day, status=SessionStatus.HELD):
    held = day if status in (SessionStatus.HELD, SessionStatus.REFLECTED) else None
    planned = None if held else day
    return Meeting(number, f"u{number}", status, planned, held, "", "")


def test_proposals_follow_the_cadence_and_month_ends():
    monthly = [_meeting(1, dt.date(2026, 1, 31))]
    today = dt.date(2026, 2, 1)
    assert planning.propose_next(monthly, Cadence.MONTHLY, Charter(), today) == dt.date(2026, 2, 28)
    assert planning.propose_next(monthly, Cadence.WEEKLY, Charter(), today) == dt.date(2026, 2, 7)
    dec = [_meeting(1, dt.date(2026, 12, 15))]
    assert planning.propose_next(dec, Cadence.MONTHLY, Charter(), today) == dt.date(2027, 1, 15)
    assert planning.propose_next([], Cadence.MONTHLY, Charter(), today) == today
    assert planning.propose_next(monthly, Cadence.IRREGULAR, Charter(), today) is None
    # long after the last meeting: never a day in the past
    late = dt.date(2026, 6, 1)
    assert planning.propose_next(monthly, Cadence.MONTHLY, Charter(), late) == late


def test_a_charter_day_ahead_is_proposed_when_it_falls_near_the_next_step():
    meetings = [_meeting(1, dt.date(2026, 3, 1)), _meeting(2, dt.date(2026, 4, 1))]
    today = dt.date(2026, 4, 2)
    near = Charter(midpoint_date=dt.date(2026, 5, 10))
    assert planning.propose_next(meetings, Cadence.MONTHLY, near, today) == dt.date(2026, 5, 10)
    far = Charter(closing_date=dt.date(2026, 9, 1))
    assert planning.propose_next(meetings, Cadence.MONTHLY, far, today) == dt.date(2026, 5, 1)
    irregular = planning.propose_next(meetings, Cadence.IRREGULAR, far, today)
    assert irregular == dt.date(2026, 9, 1)


@given(
    days=st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), max_size=6),
    cadence=st.sampled_from(list(Cadence)),
    today=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    midpoint=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
)
def test_a_proposal_is_never_in_the_past(days, cadence, today, midpoint):
    meetings = [_meeting(n, d) for n, d in enumerate(days, start=1)]
    proposed = planning.propose_next(meetings, cadence, Charter(midpoint_date=midpoint), today)
    assert proposed is None or proposed >= today
    if proposed is None:
        assert cadence is Cadence.IRREGULAR and days


@given(st.dictionaries(st.sampled_from(planning.CHARTER_FIELDS), st.from_type(object) | st.text()))
def test_a_charter_of_any_values_reads_without_raising(values):
    charter = planning.charter_from(values)
    assert charter.meeting_count is None or 1 <= charter.meeting_count <= 99


def test_format_7_opens_with_one_meeting_per_number_and_their_days(tmp_path):
    """A journal written before meetings: entries with the same number become one
    meeting, with the furthest status and their days; nothing else changes."""
    copy = tmp_path / "format-7"
    shutil.copytree(FIXTURES / "format-7", copy)
    with DataDir.acquire(copy) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        for pair_id in vault.pair_ids():
            journal = vault.journal(pair_id)
            sessions = journal.sessions()
            numbers = sorted({s.number for s in sessions})
            assert [m.number for m in journal.meetings()] == numbers
            for m in journal.meetings():
                mine = [s for s in sessions if s.number == m.number]
                assert all(
                    (s.status, s.planned_date, s.held_date)
                    == (m.status, m.planned_date, m.held_date)
                    for s in mine
                )


def test_an_entry_deleted_then_put_back_is_whole_and_found_again(journal):
    notes = entry(journal, "regular-session", planned_date=DAY)
    journal.set_fields(
        notes.uuid,
        {
            "notes": "Le mot canari-7781",
            "takeaways": [{"text": "Retenu", "status": "agreed"}],
            "next_topics": [{"title": "Sobriété"}],
        },
    )
    topic = journal.add_topic("Prévu pour elle")
    journal.plan_topic(topic.uuid, notes.uuid)
    kept = journal.session_backup(notes.uuid)
    fields = journal.fields(notes.uuid)
    journal.delete_session(notes.uuid)
    journal.delete_meeting(1)  # its session too, meanwhile
    assert journal.search("canari") == []
    back = journal.restore_session(kept)
    # its session was made again, without the day it had lost: the rest is as it was
    assert back == replace(kept.session, planned_date=None)
    assert journal.fields(notes.uuid) == fields
    assert journal.session_backup(notes.uuid) == replace(kept, session=back)
    assert [h.session_uuid for h in journal.search("canari")] == [notes.uuid]
    assert journal.meeting(1).planned_date is None  # made again, without the lost day
    assert [t.title for t in journal.planned_topics(notes.uuid)] == ["Prévu pour elle"]
    with pytest.raises(InvalidInput, match="already in the journal"):
        journal.restore_session(kept)


def test_the_charter_read_once_is_read_again_after_a_write(journal):
    charter = entry(journal, "kickoff-charter")
    assert journal.charter() == Charter()
    assert journal.charter() is journal.charter()  # kept until the next write
    journal.set_fields(charter.uuid, {"meeting_count": "m8"})
    assert journal.charter().meeting_count == 8
