"""The undo history's commands on a real vault: a deletion undone puts back the very
record (same uuid, every field), redone takes it away again; an edit undone writes the
record as it was before, whole; a failure leaves the history as it was."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from dataclasses import replace

import pytest

from rm_journal.core.errors import NotFound
from rm_journal.core.journal import records
from rm_journal.core.models import Attribution, Owner, Role, TakeawayStatus, TopicStatus
from rm_journal.templates.library import builtin, start_session
from rm_journal.ui.undo import (
    DeleteAction,
    DeleteTakeaway,
    DeleteTopic,
    EditAction,
    EditTakeaway,
    EditTopic,
    UndoHistory,
)
from tests.conftest import profile


@pytest.fixture
def filled(qapp, vault):
    """A pair with a session whose form holds a takeaway, an action and a topic, the
    takeaway agreed, named, and already answered by the partner."""
    pair = vault.add_pair(profile("Inès"))
    journal = vault.journal(pair.pair_id)
    session = start_session(journal, builtin("regular-session"), title="Sobriété")
    journal.set_fields(
        session.uuid,
        {
            "takeaways": [{"text": "Différer les mails du soir", "status": "agreed"}],
            "actions": [
                {"text": "Programmer les envois", "owner": "both", "due_date": "2026-01-10"}
            ],
            "next_topics": [{"title": "Rapport à la hiérarchie", "why": "Le silence"}],
        },
    )
    takeaway = journal.takeaways()[0]
    journal.update_takeaway(replace(takeaway, attribution=Attribution.NAMED))
    with journal.writing("record what the partner said") as tx:
        records.record_partner_said(
            tx, takeaway.uuid, TakeawayStatus.AGREED, dt.date(2026, 1, 3), Attribution.NEVER
        )
    action = journal.actions()[0]
    journal.update_action(replace(action, done_date=dt.date(2026, 1, 8)))
    topic = journal.topics()[0]
    journal.update_topic(
        replace(
            topic,
            questions=["Qui décide ?"],
            resources=["Un livre"],
            status=TopicStatus.PLANNED,
            planned_session_uuid=session.uuid,
        )
    )
    history = UndoHistory(vault)
    yield vault, pair.pair_id, journal, session, history
    history.clear()


def test_deleting_a_takeaway_undone_puts_back_the_very_record(filled):
    vault, pair_id, journal, session, history = filled
    before = journal.takeaways()[0]
    assert before.partner_status is TakeawayStatus.AGREED and before.field_key == "takeaways"
    history.perform(DeleteTakeaway(vault, pair_id, before.uuid))
    assert journal.takeaways() == []
    assert history.undo_text() == "delete takeaway"

    assert history.undo()
    assert journal.takeaway(before.uuid) == before  # uuid, status, partner, field, session
    assert journal.fields(session.uuid)["takeaways"][0]["uuid"] == before.uuid
    assert [h.ref_uuid for h in journal.search("mails")] == [before.uuid]  # indexed again
    assert not history.can_undo() and history.redo_text() == "delete takeaway"

    assert history.redo()
    with pytest.raises(NotFound):
        journal.takeaway(before.uuid)
    assert journal.search("mails") == []


def test_deleting_an_action_and_a_topic_undone_puts_them_back(filled):
    vault, pair_id, journal, session, history = filled
    action, topic = journal.actions()[0], journal.topics()[0]
    assert action.owner is Owner.BOTH and action.done_date is not None
    assert topic.planned_session_uuid == session.uuid and topic.field_key == "next_topics"
    history.perform(DeleteAction(vault, pair_id, action.uuid))
    history.perform(DeleteTopic(vault, pair_id, topic.uuid))
    assert journal.actions() == [] and journal.topics() == []
    assert history.undo_text() == "delete topic"

    assert history.undo() and history.undo()
    assert journal.actions() == [action] and journal.topics() == [topic]
    assert journal.planned_topics(session.uuid) == [topic]
    assert history.redo()
    assert journal.actions() == [] and journal.topics() == [topic]


def test_undoing_an_edit_writes_the_earlier_record_back_whole(filled):
    vault, pair_id, journal, _session, history = filled
    before = journal.takeaways()[0]
    command = EditTakeaway(vault, pair_id, replace(before, text="Couper les mails le soir"))
    history.perform(command)
    after = journal.takeaway(before.uuid)
    # the core's rule: new words reopen an agreement, the partner's too
    assert after.status is TakeawayStatus.PROPOSED and after.changed_after_agreement
    assert after.partner_status is TakeawayStatus.PROPOSED and command.saved == after
    assert history.undo_text() == "edit takeaway"

    assert history.undo()
    assert journal.takeaway(before.uuid) == before
    assert history.redo()
    redone = journal.takeaway(before.uuid)
    assert (redone.text, redone.status, redone.partner_status) == (
        "Couper les mails le soir",
        TakeawayStatus.PROPOSED,
        TakeawayStatus.PROPOSED,
    )


def test_undoing_action_and_topic_edits_gives_the_old_values(filled):
    vault, pair_id, journal, _session, history = filled
    action, topic = journal.actions()[0], journal.topics()[0]
    history.perform(EditAction(vault, pair_id, replace(action, owner=Owner.MENTOR, text="Autre")))
    history.perform(EditTopic(vault, pair_id, replace(topic, title="Autre", why="")))
    assert journal.action(action.uuid).owner is Owner.MENTOR
    assert journal.topic(topic.uuid).title == "Autre"
    assert history.undo() and history.undo()
    assert journal.action(action.uuid) == action and journal.topic(topic.uuid) == topic


def test_a_record_whose_session_went_meanwhile_comes_back_unattached(filled):
    vault, pair_id, journal, session, history = filled
    takeaway, topic = journal.takeaways()[0], journal.topics()[0]
    history.perform(DeleteTakeaway(vault, pair_id, takeaway.uuid))
    history.perform(DeleteTopic(vault, pair_id, topic.uuid))
    journal.delete_session(session.uuid)
    assert history.undo() and history.undo()
    assert journal.takeaway(takeaway.uuid) == replace(takeaway, session_uuid=None)
    assert journal.topic(topic.uuid) == replace(
        topic, session_uuid=None, planned_session_uuid=None, status=TopicStatus.IDEA
    )


def test_undo_works_from_another_pair_and_names_a_removed_pair(filled):
    vault, pair_id, journal, _session, history = filled
    other = vault.add_pair(profile("Sam", Role.MENTOR))
    other_journal = vault.journal(other.pair_id)
    kept = other_journal.add_takeaway("À garder", Role.MENTOR)
    history.perform(DeleteTakeaway(vault, other.pair_id, kept.uuid))
    gone = journal.takeaways()[0]
    history.perform(DeleteTakeaway(vault, pair_id, gone.uuid))
    failures: list[str] = []
    history.failed.connect(failures.append)

    vault.remove_pair(pair_id)
    assert not history.undo()
    assert failures == ["The pair this change belongs to was removed; there is nothing to undo."]
    assert history.stack.index() == 2  # the history stays as it was

    history.clear()  # as the window does when a pair is removed
    assert other_journal.takeaways() == []
    b = other_journal.add_takeaway("B", Role.MENTOR)
    history.perform(DeleteTakeaway(vault, other.pair_id, b.uuid))
    assert history.undo() and other_journal.takeaways() == [b]


def test_an_undo_the_journal_refuses_is_said_and_changes_nothing(filled):
    vault, pair_id, journal, _session, history = filled
    takeaway = journal.takeaways()[0]
    history.perform(EditTakeaway(vault, pair_id, replace(takeaway, text="Autre chose")))
    journal.delete_takeaway(takeaway.uuid)  # elsewhere meanwhile (the form, an exchange)
    failures: list[str] = []
    history.failed.connect(failures.append)
    assert not history.undo()
    assert failures == ["Could not undo: This takeaway no longer exists."]
    assert history.can_undo() and not history.can_redo()  # nothing moved
    with pytest.raises(NotFound):
        journal.takeaway(takeaway.uuid)  # an edit's undo never re-creates a record


def test_clearing_drops_every_step_and_the_records_they_held(filled):
    vault, pair_id, journal, _session, history = filled
    deleted = DeleteTakeaway(vault, pair_id, journal.takeaways()[0].uuid)
    history.perform(deleted)
    history.perform(EditAction(vault, pair_id, replace(journal.actions()[0], text="Autre")))
    held = weakref.ref(deleted.record)
    kept = weakref.ref(deleted)
    del deleted
    gc.collect()
    assert held() is not None  # the stack keeps the step, and its record, for an undo
    history.clear()
    gc.collect()
    assert not history.can_undo() and not history.can_redo()
    assert history.stack.count() == 0
    assert kept() is None and held() is None  # nothing of the deleted takeaway is left
