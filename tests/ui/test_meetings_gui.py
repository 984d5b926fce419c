"""Meetings in the app (issue 19), from an empty data folder, by widgets only: a leader's
six sessions with their charter, reflections, mid-point and closing, their days typed
or stamped; then what the core holds and what the exported PDF says.

The app's clock (``page.today``) is set by the test, as a person's calendar moves on:
the sessions are months apart."""

from __future__ import annotations

import datetime as dt
import secrets

import icalendar
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from rm_journal.core.models import EntryKind, Role, SessionStatus
from rm_journal.templates.library import builtin_templates
from rm_journal.ui.date_field import DateField
from rm_journal.ui.export_dialog import ExportDialog
from rm_journal.ui.forms import TemplatePicker
from rm_journal.ui.meeting_page import CalendarDialog
from tests.conftest import HANG_MS
from tests.ui.conftest import settle, type_text
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock
from tests.ui.test_pseudo import clipped, pseudo_strings  # noqa: F401 - a fixture


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_date(qtbot, field: DateField, text: str) -> None:
    """Into the field's text, as typed, then Enter."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    type_text(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Arrow keys on the closed combo box until it shows ``text``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def new_entry(window, dialogs, template_id: str):
    """Ctrl+N, the template picked; its session by the rule."""
    dialogs.answer(template_id)
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    editor = window.journal_page.editor
    assert editor is not None and editor.template.id == template_id
    return editor


def status(editor, text: str):
    return next(b for b in editor.status_group.buttons() if b.text() == text)


def write(qtbot, editor, key: str, text: str) -> None:
    widget = editor.editors[key]
    target = getattr(widget, "edit", widget)
    target.setFocus()
    type_text(target, text)
    qtbot.waitUntil(lambda: editor.flush() and not editor.dirty, timeout=HANG_MS)


def agreed_takeaway(qtbot, editor, text: str) -> None:
    items = editor.editors["takeaways"]
    click(qtbot, items.add_button)
    row = items.rows[-1]
    type_text(row.text, text)
    choose(qtbot, row.status, "Agreed")
    qtbot.waitUntil(lambda: editor.flush() and not editor.dirty, timeout=HANG_MS)


def click_row(qtbot, page, index) -> None:
    """A row of the Sessions list clicked, as a person does."""
    view = page.sessions_view
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def open_entry(qtbot, page, uuid: str):
    click_row(qtbot, page, page.sessions_model.index_of_session(uuid))
    qtbot.waitUntil(
        lambda: page.editor is not None and page.editor.session.uuid == uuid, timeout=HANG_MS
    )
    return page.editor


def plan_next(qtbot, page):
    click(qtbot, page.plan_button)
    assert page.meeting_page is not None
    return page.meeting_page


def test_a_leaders_six_sessions_numbered_and_dated_by_meeting(
    qtbot, make_window, data_dir, tmp_path
):
    canary = f"Canari{secrets.token_hex(4)}"
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")  # a leader, monthly by default
    page = window.journal_page
    clock = Clock(dt.date(2026, 1, 5))
    page.today = clock

    # session 1: planned for a typed day, the charter written in it, held on that day
    meeting = plan_next(qtbot, page)
    assert meeting.header.planned.value() == dt.date(2026, 1, 5)  # a first one: today
    type_date(qtbot, meeting.header.planned, "2026-01-12")
    qtbot.waitUntil(
        lambda: page.current_journal().meeting(1).planned_date == dt.date(2026, 1, 12),
        timeout=HANG_MS,
    )
    charter = new_entry(window, dialogs, "kickoff-charter")
    assert charter.session.number == 1
    choose(qtbot, charter.editors["meeting_count"].combo, "6 sessions")
    write(qtbot, charter, "purpose", canary)
    clock.day = dt.date(2026, 1, 12)
    click(qtbot, status(charter, "Held"))  # stamps today
    assert charter.meeting_header.held.value() == dt.date(2026, 1, 12)
    reflection = new_entry(window, dialogs, "leader-reflection")
    assert reflection.session.number == 1  # after session 1: in session 1, not a new one
    write(qtbot, reflection, "surprised", "Le silence a duré")

    # sessions 2 to 6, a month apart: planned on the proposed day, notes, held, reflected
    for number in range(2, 7):
        meeting = plan_next(qtbot, page)
        proposed = meeting.header.planned.value()
        assert proposed == dt.date(2026, number, 12), number  # a month after the last
        clock.day = proposed
        notes = new_entry(window, dialogs, "regular-session")
        assert notes.session.number == number
        write(qtbot, notes, "topic", f"Sujet {number}")
        agreed_takeaway(qtbot, notes, f"Retenu en séance {number}")
        click(qtbot, status(notes, "Held"))
        review = {3: "mid-point-review", 6: "closing-retrospective"}.get(number)
        if review:
            assert new_entry(window, dialogs, review).session.number == number
        late = new_entry(window, dialogs, "leader-reflection")
        assert late.session.number == number
        click(qtbot, status(late, "Reflected"))

    # the list: six sessions, "of 6" from the charter, each with its entries
    model = page.sessions_model
    assert model.rowCount() == 6
    assert model.index(0, 2).data() == "Session 1 of 6"
    assert [model.rowCount(model.index(r, 0)) for r in range(6)] == [2, 2, 3, 2, 2, 3]

    # what the core holds
    journal = window.vault.journal(page.pair_id)
    meetings = journal.meetings()
    assert [(m.number, m.held_date) for m in meetings] == [
        (1, dt.date(2026, 1, 12)),
        *((n, dt.date(2026, n, 12)) for n in range(2, 7)),
    ]
    assert [m.status for m in meetings] == [SessionStatus.HELD] + [SessionStatus.REFLECTED] * 5
    by_meeting: dict[int, list[str]] = {}
    for s in journal.sessions():
        by_meeting.setdefault(s.number, []).append(s.template_id)
    assert by_meeting[3] == ["regular-session", "mid-point-review", "leader-reflection"]
    assert journal.charter().meeting_count == 6

    # what the exported PDF says: the period, and the sessions numbered by meeting
    window.export_action.trigger()
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, ExportDialog)
    dialog.protect.setChecked(False)
    dialogs.answer(str(tmp_path / "summary.pdf"))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: (tmp_path / "summary.pdf").exists(), timeout=HANG_MS)
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    assert "Period: 12 January 2026 – 12 June 2026" in text
    for number in range(2, 7):
        assert f"Session {number}" in text and f"Retenu en séance {number}" in text
    assert canary not in text and "Le silence a duré" not in text


def test_a_typed_wrong_day_is_refused_and_nothing_is_saved(qtbot, make_window, data_dir):
    window, _dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    page = window.journal_page
    page.today = Clock(dt.date(2026, 3, 1))
    meeting = plan_next(qtbot, page)
    type_date(qtbot, meeting.header.planned, "31/02/2026")
    assert meeting.header.planned.refused()
    assert not meeting.header.planned.error.isHidden()
    assert page.current_journal().meeting(1).planned_date == dt.date(2026, 3, 1)
    # a held day on a session not held yet marks it held
    type_date(qtbot, meeting.header.held, "2026-03-02")
    qtbot.waitUntil(lambda: page.current_journal().meeting(1).held, timeout=HANG_MS)
    assert page.current_journal().meeting(1).held_date == dt.date(2026, 3, 2)


def test_the_calendar_file_names_nobody(qtbot, make_window, data_dir, tmp_path):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Zorglub Inès")
    page = window.journal_page
    page.today = Clock(dt.date(2026, 4, 1))
    plan_next(qtbot, page)
    second = plan_next(qtbot, page)
    click(qtbot, second.header.calendar_button)
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, CalendarDialog)
    # a title naming the pair is refused, in one sentence, and nothing is written
    dialog.title_edit.selectAll()
    type_text(dialog.title_edit, "Point Zorglub")
    target = tmp_path / "agenda.ics"
    dialogs.answer(str(target))
    click(qtbot, dialog.save_button)
    assert "neutral title" in dialog.problem.text() and not target.exists()
    dialog.title_edit.selectAll()
    type_text(dialog.title_edit, "Point")
    click(qtbot, dialog.every)
    dialogs.answer(str(target))
    click(qtbot, dialog.save_button)
    assert dialogs.shown[-1][:2] == ("info", "Calendar file saved")
    data = target.read_bytes()
    for secret in ("Zorglub", "Inès", "rm_journal", "rm-journal", "leader", "mentor", "session"):
        assert secret.lower().encode() not in data.lower(), secret
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("Point", dt.date(2026, 4, 1)),
        ("Point", dt.date(2026, 5, 1)),
    ]
    assert all(str(e["class"]) == "PRIVATE" and "DESCRIPTION" not in e for e in events)
    log = window.vault.journal(page.pair_id).sharing_log()
    assert [(r.kind, r.item_count, r.file_name) for r in log] == [("calendar", 2, "agenda.ics")]


def test_the_entry_picker_proposes_the_session_by_rule(qtbot):
    templates = list(builtin_templates())
    rules = {EntryKind.REFLECTION: 2, EntryKind.REVIEW: 2, EntryKind.PREPARATION: 3}
    picker = TemplatePicker(
        templates,
        Role.LEADER,
        "en",
        meetings=[(2, "Session 2 · held"), (3, "Session 3 · planned")],
        rule=lambda t: rules.get(t.entry),
    )
    qtbot.addWidget(picker)
    picker.show()
    picker.list.setFocus()
    ids = [picker.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(picker.list.count())]
    while picker.chosen_id() != "leader-reflection":
        qtbot.keyClick(picker.list, Qt.Key.Key_Down)
    assert picker.chosen_meeting() == 2
    qtbot.keyClick(picker.list, Qt.Key.Key_Home)
    assert picker.chosen_id() == ids[0] == "kickoff-charter"
    assert picker.meeting.currentText() == "A new session"  # notes: none waiting here
    assert picker.chosen_meeting() is None
    choose(qtbot, picker.meeting, "Session 3 · planned")  # the person's own choice
    assert picker.chosen_meeting() == 3


def test_unlock_notes_a_session_soon_with_nothing_prepared(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre", role=Role.MENTOR)
    page = window.journal_page
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    meeting = plan_next(qtbot, page)
    type_date(qtbot, meeting.header.planned, tomorrow.isoformat())
    qtbot.waitUntil(lambda: not page.notice.isHidden(), timeout=HANG_MS)
    day = QLocale("en").toString(tomorrow, "dddd d MMMM")
    note = f"Session 1 with Cèdre is planned for {day}, and nothing is prepared yet."
    assert page.notice.text() == note
    # locked, then unlocked: the note is there again, from the journals as they open
    QTest.keySequence(window, QKeySequence("Ctrl+L"))
    qtbot.waitUntil(lambda: window.journal_page is None, timeout=HANG_MS)
    unlock(qtbot, window)
    qtbot.waitUntil(
        lambda: window.journal_page is not None and window.journal_page.notice.text() == note,
        timeout=HANG_MS,
    )
    assert window.windowTitle() == "rm_journal"  # the note names the pair in the app only
    # prepared: the note goes
    new_entry(window, dialogs, "mentor-preparation")
    assert window.journal_page.notice.isHidden()


def test_an_entry_moved_to_its_session_then_deleted(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    page = window.journal_page
    page.today = Clock(dt.date(2026, 5, 4))
    new_entry(window, dialogs, "regular-session")
    # the person files a reflection in a new session by mistake
    dialogs.answer(("leader-reflection", None))
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    stray = page.editor
    assert stray.session.number == 2
    write(qtbot, stray, "surprised", "Rangé au mauvais endroit")
    dialogs.answer(0)  # the first session offered: session 1
    window.move_entry_action.trigger()
    journal = window.vault.journal(page.pair_id)
    assert [(s.number, s.template_id) for s in journal.sessions()] == [
        (1, "regular-session"),
        (1, "leader-reflection"),
    ]
    assert page.editor is not None and page.editor.session.number == 1
    assert journal.fields(page.editor.session.uuid)["surprised"] == "Rangé au mauvais endroit"
    # the emptied session 2 is deleted on purpose, from its page
    click_row(qtbot, page, page.sessions_model.index_of_meeting(2))
    assert page.meeting_page is not None and page.meeting_page.delete_button.isVisible()
    click(qtbot, page.meeting_page.delete_button)
    assert [m.number for m in journal.meetings()] == [1]
    # deleting an entry: at once, and Edit → Undo puts it back whole, items linked again
    reflection = journal.sessions()[1]
    editor = open_entry(qtbot, page, reflection.uuid)
    commitments = editor.editors["commitments"]
    click(qtbot, commitments.add_button)
    type_text(commitments.rows[-1].text, "Dire non une fois")
    qtbot.waitUntil(lambda: editor.flush() and not editor.dirty, timeout=HANG_MS)
    before = journal.session_backup(reflection.uuid)
    assert [table for table, _uuid in before.linked] == ["actions"]
    window.delete_entry_action.trigger()
    assert [s.template_id for s in journal.sessions()] == ["regular-session"]
    assert journal.actions()[0].session_uuid is None  # the item stays, unattached
    assert window.statusBar().currentMessage() == "Entry deleted. Undo with Ctrl+Z."
    assert window.undo_action.text() == "&Undo delete entry"
    page.sessions_view.setFocus()
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    qtbot.waitUntil(lambda: len(journal.sessions()) == 2, timeout=HANG_MS)
    assert journal.session_backup(reflection.uuid) == before
    assert journal.fields(reflection.uuid)["surprised"] == "Rangé au mauvais endroit"
    qtbot.waitUntil(
        lambda: page.sessions_model.index_of_session(reflection.uuid).isValid(), timeout=HANG_MS
    )
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+Z"))
    assert [s.template_id for s in journal.sessions()] == ["regular-session"]


def test_the_meeting_header_fits_a_laptop_screen_in_longer_translations(
    qtbot,
    pseudo_strings,  # noqa: F811 - the fixture
    make_window,
    data_dir,
):
    """Pseudo-French (every string 40 % longer): an entry with its session's header, and
    a session's own page, fit a 1280-px-wide window with no label clipped."""
    window, dialogs = make_window(data_dir)
    window.resize(1280, 800)
    window.show()
    first_run(qtbot, window, "Cèdre")
    page = window.journal_page
    editor = new_entry(window, dialogs, "regular-session")
    settle()
    assert window.minimumSizeHint().width() <= 1280
    assert clipped(editor.meeting_header) == []
    meeting = plan_next(qtbot, page)
    settle()
    assert window.minimumSizeHint().width() <= 1280
    assert clipped(meeting) == []
