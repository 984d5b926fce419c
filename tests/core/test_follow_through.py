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
