"""Planning a topic for a session fills the session's topic field only when it is blank."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import NotFound
from rm_journal.core.models import Role, TopicStatus
from rm_journal.templates.library import builtin, start_session
from rm_journal.templates.planning import plan_topic, topic_field_key
from tests.conftest import profile


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile("Inès", Role.MENTOR)).pair_id)


@pytest.mark.parametrize(
    ("template_id", "key"),
    [
        ("mentor-preparation", "topic"),
        ("regular-session", "topic"),
        ("group-session", "theme"),
        ("leader-reflection", None),
    ],
)
def test_the_topic_field_of_each_built_in(journal, template_id, key):
    session = start_session(journal, builtin(template_id))
    assert topic_field_key(journal, session.uuid) == key


def test_a_blank_field_takes_the_title_and_a_written_one_stays(journal):
    prep = start_session(journal, builtin("mentor-preparation"))
    first = journal.add_topic("Droit à la déconnexion")
    second = journal.add_topic("Réunions")
    planned = plan_topic(journal, first.uuid, prep.uuid)
    assert planned.status is TopicStatus.PLANNED and planned.planned_session_uuid == prep.uuid
    assert journal.fields(prep.uuid)["topic"] == "Droit à la déconnexion"
    plan_topic(journal, second.uuid, prep.uuid)  # the field is no longer blank
    assert journal.fields(prep.uuid)["topic"] == "Droit à la déconnexion"
    assert [t.title for t in journal.planned_topics(prep.uuid)] == [
        "Droit à la déconnexion",
        "Réunions",
    ]


def test_a_template_without_a_topic_field_only_plans(journal):
    reflection = start_session(journal, builtin("leader-reflection"))
    topic = journal.add_topic("Sujet")
    plan_topic(journal, topic.uuid, reflection.uuid)
    assert journal.fields(reflection.uuid).get("topic") is None
    assert journal.planned_topics(reflection.uuid)[0].uuid == topic.uuid


def test_a_session_gone_is_refused_and_nothing_changes(journal):
    topic = journal.add_topic("Sujet")
    with pytest.raises(NotFound):
        plan_topic(journal, topic.uuid, "no-such-session")
    assert journal.topic(topic.uuid).status is TopicStatus.IDEA


@settings(max_examples=25)
@given(typed=st.text(max_size=40))
def test_only_whitespace_counts_as_blank(journal, typed):
    session = start_session(journal, builtin("regular-session"))
    journal.set_fields(session.uuid, {"topic": typed})
    topic = journal.add_topic("Le titre")
    plan_topic(journal, topic.uuid, session.uuid)
    expected = typed if typed.strip() else "Le titre"
    assert journal.fields(session.uuid)["topic"] == expected
