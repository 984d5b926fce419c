"""The README's pictures show what a person gets (issue 19): packaging/screenshot_scene.py
reaches each scene from an empty data folder by driving the window, never by filling a
vault through the core."""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from tests.ui.test_date_field import POPUP_WARNINGS

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "screenshot_scene.py"
# what creates or changes a journal's content through the core, or fills one wholesale
WRITERS = {
    "fill",
    "add_pair",
    "add_session",
    "add_meeting",
    "update_session",
    "update_meeting",
    "set_fields",
    "add_takeaway",
    "update_takeaway",
    "add_topic",
    "update_topic",
    "record_sharing",
    "start_session",
    "seed_topics",
    "accept_block",
    "apply",
    "prepare",
    "create",
}
ALLOWED_CORE = {"rm_journal.core.models", "rm_journal.core.storage.datadir"}
ALLOWED_CORE |= {"rm_journal.core.storage.fsutil"}
ALLOWED_CORE |= {"rm_journal.core.journal"}  # `records`, for its clock (Calendar) only


def scene_module():
    spec = importlib.util.spec_from_file_location("screenshot_scene", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_scene_script_never_fills_a_vault_through_the_core():
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert "rm_journal.demo" not in imported
    reaching = {m for m in imported if m.startswith(("rm_journal.core", "rm_journal.export"))}
    reaching |= {m for m in imported if m.startswith("rm_journal.templates")}
    assert reaching <= ALLOWED_CORE, reaching - ALLOWED_CORE
    called = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not called & WRITERS, called & WRITERS


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_meeting_scene_shows_the_days_typed_in_french(qapp, tmp_path):
    module = scene_module()
    story = module.scene("meeting", "fr", tmp_path, qapp)
    try:
        editor = story.page.editor
        header = editor.meeting_header
        assert editor.template.id == "leader-reflection" and editor.session.number == 2
        assert header.planned.edit.text() == header.held.edit.text() == "15/09/2026"
        journal = story.window.vault.journal(story.page.pair_id)  # what the core holds
        days = [(m.number, m.planned_date, m.held_date) for m in journal.meetings()]
        assert days[:2] == [
            (1, dt.date(2026, 8, 18), dt.date(2026, 8, 18)),
            (2, dt.date(2026, 9, 15), dt.date(2026, 9, 15)),
        ]
        surprised = journal.fields(editor.session.uuid)["surprised"]
        assert surprised.startswith("Que mes mails du soir empêchent des gens de dormir")
        assert {t.text for t in journal.takeaways() if t.status.value == "agreed"} >= {
            "Demander explicitement un avis contraire avant de conclure."
        }
    finally:
        story.window.close()
        story.window.lock()


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_date_picker_scene_has_the_calendar_open_on_the_planned_day(qapp, tmp_path):
    module = scene_module()
    story = module.scene("datepicker", "en", tmp_path, qapp)
    try:
        meeting = story.page.meeting_page
        planned = meeting.header.planned
        assert meeting.header.meeting.number == 5 and planned.edit.text() == "12/8/2026"
        assert planned.popup.isVisible()
        assert planned.popup.calendar.selectedDate().toPython() == dt.date(2026, 12, 8)
    finally:
        story.window.close()
        story.window.lock()
