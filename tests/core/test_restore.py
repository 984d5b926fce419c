"""Journal.restore_*: a record read, deleted, then put back is the very record (the
undo of a deletion or of an edit rests on it); what it may not hold is refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.journal import records
from rm_journal.core.models import Attribution, Owner, Role, TakeawayStatus, TopicStatus
from tests.conftest import SNAPSHOT, profile
from tests.core.test_journal import STRANGE


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile()).pair_id)


@pytest.mark.parametrize("text", STRANGE)
def test_a_deleted_takeaway_put_back_is_the_same_record(journal, text):
    s = journal.add_session("test-form", SNAPSHOT)
    t = journal.add_takeaway(
        text,
        Role.MENTOR,
        session_uuid=s.uuid,
        status=TakeawayStatus.AGREED,
        attribution=Attribution.NAMED,
        agreed_on=dt.date(2026, 1, 2),
    )
    with journal.writing("what the partner said") as tx:
        records.record_partner_said(tx, t.uuid, TakeawayStatus.DROPPED, None, Attribution.NEVER)
    before = journal.takeaway(t.uuid)
    journal.delete_takeaway(t.uuid)
    with pytest.raises(NotFound):
        journal.delete_takeaway(t.uuid)
    assert journal.restore_takeaway(before) == before
    assert journal.takeaways() == [before]


def test_putting_back_over_a_record_overwrites_every_column(journal):
    t = journal.add_takeaway("Avant", Role.LEADER, status=TakeawayStatus.AGREED)
    before = journal.takeaway(t.uuid)
    journal.update_takeaway(replace(before, text="Après"))  # reopened, marked changed
    assert journal.takeaway(t.uuid).changed_after_agreement
    assert journal.restore_takeaway(before) == before


def test_actions_and_topics_come_back_whole_and_lose_links_to_rows_gone(journal):
    s = journal.add_session("test-form", SNAPSHOT)
    first = journal.add_action("Premier", Owner.LEADER, session_uuid=s.uuid)
    carried = journal.add_action(
        "Repris",
        Owner.BOTH,
        session_uuid=s.uuid,
        due_date=dt.date(2026, 3, 1),
        carried_from=first.uuid,
    )
    carried = journal.update_action(replace(carried, dropped_on=dt.date(2026, 3, 2)))
    topic = journal.add_topic(
        "Sujet",
        why="Pourquoi",
        questions=["Q ?"],
        resources=["R"],
        status=TopicStatus.PLANNED,
        planned_session_uuid=s.uuid,
    )
    journal.delete_action(carried.uuid)
    journal.delete_topic(topic.uuid)
    assert journal.restore_action(carried) == carried
    assert journal.restore_topic(topic) == topic

    journal.delete_action(carried.uuid)
    journal.delete_action(first.uuid)
    journal.delete_topic(topic.uuid)
    journal.delete_session(s.uuid)
    assert journal.restore_action(carried) == replace(carried, session_uuid=None, carried_from=None)
    assert journal.restore_topic(topic) == replace(
        topic, planned_session_uuid=None, status=TopicStatus.IDEA
    )


def test_what_a_record_may_not_hold_is_refused_and_nothing_is_written(journal):
    t = journal.add_takeaway("Bien", Role.LEADER)
    a = journal.add_action("Bien", Owner.LEADER)
    journal.delete_takeaway(t.uuid)
    journal.delete_action(a.uuid)
    with pytest.raises(InvalidInput, match="cannot be empty"):
        journal.restore_takeaway(replace(t, text="  "))
    with pytest.raises(InvalidInput, match="one of"):
        journal.restore_takeaway(replace(t, status="maybe"))
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        journal.restore_action(replace(a, due_date="tomorrow"))
    with pytest.raises(InvalidInput, match="cannot be empty"):
        journal.restore_topic(replace(journal.add_topic("T"), title=""))
    assert journal.takeaways() == [] and journal.actions() == []
