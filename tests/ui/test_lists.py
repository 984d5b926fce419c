"""The pair's lists driven as a person would, and every item model under qtmodeltester."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QLabel, QLineEdit

from rm_journal.core.models import Owner, Role, SessionStatus, TakeawayStatus, TopicStatus
from rm_journal.core.vault import PairEntry, Vault
from rm_journal.templates.library import builtin, start_session
from rm_journal.ui.item_models import PairListModel, SessionTableModel
from rm_journal.ui.record_models import (
    RecordTableModel,
    action_columns,
    sharing_columns,
    takeaway_columns,
    topic_columns,
)
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile
from tests.ui.conftest import settle, type_text
from tests.ui.test_flows import unlock


@pytest.fixture
def open_window(qtbot, make_window, data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    pair = vault.add_pair(profile("Inès"))
    journal = vault.journal(pair.pair_id)
    s1 = start_session(journal, builtin("regular-session"), title="Sobriété")
    journal.set_fields(
        s1.uuid,
        {
            "takeaways": [{"text": "Différer les mails du soir", "status": "private"}],
            "actions": [
                {"text": "Programmer les envois", "owner": "leader", "due_date": "2026-01-10"}
            ],
        },
    )
    journal.add_topic("Rapport à la hiérarchie", why="Le silence en comité")
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    return window, dialogs


def edit_cell(qtbot, view, row, column, text=None, choice=None):
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    if choice is not None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(choice))
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        type_text(editor, text)
    # what the delegate does on Enter or a click elsewhere: commit, then close the editor
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def test_propose_agree_edit_reopens_agree_again(qtbot, open_window):
    window, _ = open_window
    page = window.journal_page
    page.tabs.setCurrentIndex(1)
    view = page.lists.takeaways.view
    model = page.lists.takeaways_model
    assert model.rowCount() == 1
    journal = window.vault.journal(page.pair_id)
    uuid = model.record(0).uuid

    edit_cell(qtbot, view, 0, 2, choice="proposed")
    assert journal.takeaway(uuid).status is TakeawayStatus.PROPOSED
    edit_cell(qtbot, view, 0, 2, choice="agreed")
    agreed = journal.takeaway(uuid)
    assert agreed.status is TakeawayStatus.AGREED and agreed.agreed_on == dt.date.today()
    edit_cell(qtbot, view, 0, 0, text="Différer tous les mails du soir")
    reopened = journal.takeaway(uuid)
    assert reopened.status is TakeawayStatus.PROPOSED and reopened.changed_after_agreement
    assert model.data(model.index(0, 5)) == "Yes"
    edit_cell(qtbot, view, 0, 2, choice="agreed")
    edit_cell(qtbot, view, 0, 4, choice="never")
    final = journal.takeaway(uuid)
    assert final.status is TakeawayStatus.AGREED and final.attribution.value == "never"
    # the filter shows one layer at a time
    combo = page.lists.status_filter
    combo.setCurrentIndex(combo.findData("private"))
    assert model.rowCount() == 0
    combo.setCurrentIndex(combo.findData("agreed"))
    assert model.rowCount() == 1


def test_action_carried_into_the_next_session_and_done_there(qtbot, open_window):
    window, dialogs = open_window
    page = window.journal_page
    dialogs.answer("regular-session")
    page.new_session()
    editor = page.editor
    assert len(editor.carried_boxes) == 1
    box = editor.carried_boxes[0]
    assert "carried from session 1" in box.accessibleName()  # its words, in a label beside
    assert box.property("overdue") is True  # coloured by the style sheet; due 2026-01-10
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    journal = window.vault.journal(page.pair_id)
    assert journal.actions()[0].done_date == dt.date.today()
    page.tabs.setCurrentIndex(2)
    counts = page.lists.commitments.text()
    assert counts.startswith("Kept 1 · Dropped 0 · Open 0")
    assert (
        page.lists.actions_model.data(
            page.lists.actions_model.index(0, 0), Qt.ItemDataRole.CheckStateRole
        )
        == Qt.CheckState.Checked
    )
    dialogs.answer("regular-session")
    page.new_session()
    assert page.editor.carried_boxes == []  # done: no longer carried


def test_topic_planned_into_a_sessions_preparation(qtbot, open_window):
    window, dialogs = open_window
    page = window.journal_page
    dialogs.answer("mentor-preparation")
    page.new_session()
    prep = page.editor.session
    page.tabs.setCurrentIndex(3)
    lists = page.lists
    lists.topics.view.setCurrentIndex(lists.topics_model.index(0, 0))
    lists.plan_target.setCurrentIndex(lists.plan_target.findData(prep.uuid))
    lists.plan_selected()
    journal = window.vault.journal(page.pair_id)
    assert [t.title for t in journal.planned_topics(prep.uuid)] == ["Rapport à la hiérarchie"]
    assert journal.topics()[0].status is TopicStatus.PLANNED
    # the preparation joined session 1, the one not held yet, by rule
    assert lists.topics_model.data(lists.topics_model.index(0, 3)) == "Planned for session 1"
    page.tabs.setCurrentIndex(0)
    page.open_session(prep.uuid)
    assert [lbl.accessibleName() for lbl in page.editor.planned_labels] == [
        "Rapport à la hiérarchie"
    ]
    assert "Le silence en comité" in page.editor.planned_labels[0].text()
    page.tabs.setCurrentIndex(3)
    lists.pick_from_library()
    picker = dialogs.opened[-1]
    for row in range(picker.list.count()):
        picker.list.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(picker.add_checked, Qt.MouseButton.LeftButton)
    assert lists.topics_model.rowCount() == 11
    assert not picker.add_checked.isEnabled()  # every one is in the backlog now
    picker.close()


def test_sharing_log_lists_what_left_the_device(qtbot, open_window):
    window, _ = open_window
    page = window.journal_page
    journal = window.vault.journal(page.pair_id)
    journal.record_sharing("pdf", "3 agreed takeaways", "synthese.pdf", "ab12cd34ef56" * 5, 3)
    page.tabs.setCurrentIndex(4)
    model = page.lists.sharing_model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in (1, 2, 3)] == [
        "3 agreed takeaways",
        "synthese.pdf",
        "AB12 CD34 EF56 AB12",  # as printed on the PDF's pages
    ]


def test_every_model_passes_qtmodeltester(qtmodeltester, vault):
    journal = vault.journal(vault.add_pair(profile("Inès")).pair_id)
    s = start_session(journal, builtin("regular-session"))
    journal.set_fields(
        s.uuid,
        {
            "takeaways": [{"text": "Un"}, {"text": "Deux"}],
            "actions": [{"text": "Faire", "owner": "both"}],
            "next_topics": [{"title": "Sujet"}],
        },
    )
    journal.record_sharing("pdf", "x", "x.pdf", "00" * 32, 1)
    numbers = {s.uuid: 1}
    models = [
        RecordTableModel(takeaway_columns(numbers), journal.update_takeaway),
        RecordTableModel(
            action_columns(numbers, Role.LEADER, dt.date.today()), journal.update_action
        ),
        RecordTableModel(topic_columns(numbers), journal.update_topic),
        RecordTableModel(sharing_columns()),
    ]
    models[0].set_records(journal.takeaways())
    models[1].set_records(journal.actions())
    models[2].set_records(journal.topics())
    models[3].set_records(journal.sharing_log())
    pairs = PairListModel()
    pairs.set_pairs([PairEntry(pid, vault.journal(pid).pair()) for pid in vault.pair_ids()], {})
    sessions = SessionTableModel()
    sessions.set_sessions(journal.sessions(), {"regular-session": "Regular session"})
    for model in [*models, pairs, sessions]:
        qtmodeltester.check(model, force_py=True)


def test_the_journey_tab_draws_the_pair_over_time(qtbot, open_window):
    window, _ = open_window
    page = window.journal_page
    page.tabs.setCurrentWidget(page.journey)
    assert [p.number for p in page.journey.points] == [1]
    description = page.journey.accessibleDescription()
    assert description.startswith("Session 1: 0 takeaways agreed and 0 commitments kept")
    image = page.journey.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3  # something was drawn, not an empty widget
    window.lock()
    assert window.journal_page is None


def test_a_long_backlog_of_open_actions_shows_the_newest_and_says_how_many_more(qtbot, open_window):
    window, _ = open_window
    page = window.journal_page
    journal = window.vault.journal(page.pair_id)
    first = journal.sessions()[0]
    for n in range(40):
        journal.add_action(f"Action ouverte {n}", Owner.LEADER, session_uuid=first.uuid)
    later = start_session(journal, builtin("regular-session"))
    page.refresh_sessions(select=later.uuid)
    page.open_session(later.uuid)
    editor = page.editor
    assert len(editor.carried_boxes) == 30
    assert "Action ouverte 39" in editor.carried_boxes[-1].accessibleName()
    hints = [w.text() for w in editor.findChildren(QLabel) if w.objectName() == "hint"]
    assert any(h.startswith("11 older open actions") for h in hints), hints


def test_a_long_carried_action_wraps_instead_of_widening_the_form(qtbot, open_window):
    """A check box cannot wrap: its words once pushed the form past its pane (seen in a
    screenshot); they are a wrapping label beside it now, and clicking them ticks it."""
    window, _ = open_window
    page = window.journal_page
    journal = window.vault.journal(page.pair_id)
    first = journal.sessions()[0]
    long_text = "Demander un avis contraire en comité avant chaque décision " * 6
    journal.add_action(long_text, Owner.LEADER, session_uuid=first.uuid)
    later = start_session(journal, builtin("regular-session"))
    page.refresh_sessions(select=later.uuid)
    page.open_session(later.uuid)
    editor = page.editor
    settle()
    assert editor.scroll_area.horizontalScrollBar().maximum() == 0
    (box,) = [b for b in editor.carried_boxes if long_text[:40] in b.accessibleName()]
    (words,) = [w for w in editor.findChildren(QLabel) if w.buddy() is box]
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert box.isChecked()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_narrow_session_columns_fit_every_text_they_can_hold(
    qtbot, make_window, data_dir, language
):
    """The number, date and status columns are sized from their possible texts, not by
    measuring rows: they must still be as wide as Qt's own measure of every row."""
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    journal = vault.journal(vault.add_pair(profile("Inès")).pair_id)
    for number, status in ((1, "planned"), (999, "prepared"), (1000, "reflected")):
        s = start_session(
            journal, builtin("regular-session"), number=number, planned_date=dt.date(2026, 12, 28)
        )
        journal.update_session(replace(s, status=SessionStatus(status)))
    start_session(journal, builtin("mentor-preparation"), number=1001)  # no date: "—"
    vault.lock()
    window, _ = make_window(data_dir, language)
    unlock(qtbot, window)
    view = window.journal_page.sessions_view
    header = view.header()
    assert view.model().rowCount() == 4
    for column in (0, 1, 3):
        needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= needed, (language, column)
        assert header.sectionSize(column) <= needed + 24, (language, column)  # and not loose
