"""What makes a journal cumulative: actions carried over, commitments, planned topics."""

import datetime as dt
from dataclasses import replace

import pytest

from rm_journal.core.errors import NotFound
from rm_journal.core.models import Owner, TopicStatus
from tests.conftest import SNAPSHOT, profile


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile()).pair_id)


def test_open_actions_are_carried_into_later_sessions_until_done(journal):
    s1 = journal.add_session("test-form", SNAPSHOT)
    s2 = journal.add_session("test-form", SNAPSHOT)
    s3 = journal.add_session("test-form", SNAPSHOT)
    journal.set_field(
        s1.uuid,
        "actions",
        [
            {"text": "Programmer les mails du soir", "owner": "leader", "due_date": "2026-02-01"},
            {"text": "Déjà fait", "owner": "leader", "done_date": "2026-01-20"},
        ],
    )
    carried = journal.carried_actions(s2.uuid)
    assert [(c.action.text, c.from_number) for c in carried] == [
        ("Programmer les mails du soir", 1)
    ]
    assert journal.carried_actions(s1.uuid) == []  # never into its own or an earlier session
    # marked done in session 2: the same action, so it is done everywhere
    journal.update_action(replace(carried[0].action, done_date=dt.date(2026, 2, 3)))
    assert journal.carried_actions(s3.uuid) == []
    assert journal.fields(s1.uuid)["actions"][0]["done_date"] == "2026-02-03"


def test_only_the_newest_carried_actions_when_asked(journal):
    sessions = [journal.add_session("test-form", SNAPSHOT) for _ in range(4)]
    for n, s in enumerate(sessions[:3], start=1):
        journal.add_action(f"Action {n}a", Owner.LEADER, session_uuid=s.uuid)
        journal.add_action(f"Action {n}b", Owner.MENTOR, session_uuid=s.uuid)
    last = sessions[3].uuid
    everything = [c.action.text for c in journal.carried_actions(last)]
    assert everything == [
        "Action 1a",
        "Action 1b",
        "Action 2a",
        "Action 2b",
        "Action 3a",
        "Action 3b",
    ]
    newest = journal.carried_actions(last, newest=3)
    assert [c.action.text for c in newest] == everything[-3:]  # still oldest first
    assert [c.from_number for c in newest] == [2, 3, 3]
    assert journal.count_carried_actions(last) == 6
    assert journal.carried_actions(last, newest=0) == []


def test_commitments_count_kept_dropped_open_and_late(journal):
    s = journal.add_session("test-form", SNAPSHOT)
    kept = journal.add_action("Tenu", Owner.LEADER, session_uuid=s.uuid)
    journal.update_action(replace(kept, done_date=dt.date(2026, 1, 5)))
    dropped = journal.add_action("Abandonné", Owner.BOTH, session_uuid=s.uuid)
    journal.update_action(replace(dropped, dropped_on=dt.date(2026, 1, 6)))
    journal.add_action("En retard", Owner.MENTOR, due_date=dt.date(2026, 1, 1))
    journal.add_action("À venir", Owner.LEADER, due_date=dt.date(2027, 1, 1))
    c = journal.commitments(today=dt.date(2026, 6, 1))
    assert (c.kept, c.dropped, c.open, c.overdue) == (1, 1, 2, 1)
    late = next(a for a in journal.actions() if a.text == "En retard")
    assert late.overdue(dt.date(2026, 6, 1)) and not journal.action(kept.uuid).open
    assert journal.carried_actions(journal.add_session("test-form", SNAPSHOT).uuid) == []


def test_a_planned_topic_appears_in_that_sessions_preparation(journal):
    s = journal.add_session("test-form", SNAPSHOT)
    topic = journal.add_topic("Rapport à la hiérarchie", questions=["Qui ose contredire ?"])
    planned = journal.plan_topic(topic.uuid, s.uuid)
    assert planned.status is TopicStatus.PLANNED
    assert [t.title for t in journal.planned_topics(s.uuid)] == ["Rapport à la hiérarchie"]
    back = journal.plan_topic(topic.uuid, None)
    assert back.status is TopicStatus.IDEA and journal.planned_topics(s.uuid) == []
    with pytest.raises(NotFound):
        journal.plan_topic(topic.uuid, "no-such-session")


def test_the_journey_accumulates_agreements_and_kept_commitments(journal):
    from rm_journal.core.models import SessionStatus, TakeawayStatus

    days = [dt.date(2026, 1, 15), dt.date(2026, 2, 16), dt.date(2026, 3, 16)]
    sessions = [
        journal.add_session("test-form", SNAPSHOT, planned_date=d, title=f"Thème {i}")
        for i, d in enumerate(days, start=1)
    ]
    journal.add_session("other-form", SNAPSHOT, number=2)  # a second entry of meeting 2
    journal.update_session(replace(sessions[0], status=SessionStatus.HELD, held_date=days[0]))
    t = journal.add_takeaway("Un", "leader", status=TakeawayStatus.AGREED, agreed_on=days[0])
    journal.add_takeaway("Deux", "leader", status=TakeawayStatus.AGREED, agreed_on=days[2])
    journal.add_takeaway("Pas validé", "leader")
    a = journal.add_action("Fait en février", Owner.LEADER)
    journal.update_action(replace(a, done_date=dt.date(2026, 2, 1)))
    points = journal.journey()
    assert [p.number for p in points] == [1, 2, 3]
    assert [(p.agreed_takeaways, p.kept_commitments) for p in points] == [(1, 0), (1, 1), (2, 1)]
    assert [p.held for p in points] == [True, False, False]
    assert points[0].theme == "Thème 1" and points[1].day == days[1]
    assert t.uuid


def test_next_planned_meeting(journal):
    from rm_journal.core.models import SessionStatus

    today = dt.date(2026, 3, 1)
    assert journal.next_planned_date(today) is None
    past = journal.add_session("test-form", SNAPSHOT, planned_date=dt.date(2026, 2, 1))
    later = journal.add_session("test-form", SNAPSHOT, planned_date=dt.date(2026, 4, 1))
    soon = journal.add_session("test-form", SNAPSHOT, planned_date=dt.date(2026, 3, 15))
    assert journal.next_planned_date(today) == dt.date(2026, 3, 15)
    journal.update_session(replace(soon, status=SessionStatus.HELD))
    assert journal.next_planned_date(today) == dt.date(2026, 4, 1)
    assert past.uuid and later.uuid
