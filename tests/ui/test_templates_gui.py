"""Journal → Templates…, from an empty data folder as a person goes: look at the
built-ins, import a file, have a broken one refused in one sentence, copy a built-in
to adapt, export it, remove it; and the new-session list ordered by the pair's role."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMenu

from rm_journal.core.models import Role
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin
from rm_journal.ui.forms import TemplatePicker
from rm_journal.ui.template_manager import ID_ROLE, TemplateManager
from tests.conftest import HANG_MS, PASSPHRASE
from tests.ui.conftest import settle
from tests.ui.test_copy import first_run
from tests.ui.test_pseudo import clipped, pseudo_strings  # noqa: F401 - a fixture

LEADER_FIRST = [
    "kickoff-charter",
    "regular-session",
    "leader-reflection",
    "mid-point-review",
    "closing-retrospective",
    "group-session",
]


def open_manager(window, dialogs) -> TemplateManager:
    journal_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == window.tr("&Journal")
    )
    assert isinstance(journal_menu, QMenu) and window.templates_action in journal_menu.actions()
    assert window.templates_action.isEnabled()
    window.templates_action.trigger()
    manager = dialogs.opened[-1]
    assert isinstance(manager, TemplateManager) and manager.isVisible()
    return manager


def rows(manager: TemplateManager) -> list[tuple[str, str | None]]:
    """(first column, template id or None for a heading), top to bottom."""
    tree = manager.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(item.text(0), item.data(0, ID_ROLE)) for item in items]


def click_row(qtbot, manager: TemplateManager, template_id: str) -> None:
    tree = manager.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, ID_ROLE) == template_id:
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert manager.current_id() == template_id
            return
    raise AssertionError(f"no row for {template_id}")


def outside_file(path, **changes) -> dict:
    """A template file someone wrote elsewhere, as JSON on disk."""
    doc = builtin("regular-session").document()
    doc.update(
        id="team-retro", version=1, audience="leader", name={"en": "Team retro", "fr": "Rétro"}
    )
    doc.update(changes)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return doc


def test_templates_managed_in_the_app_from_an_empty_folder(qtbot, make_window, data_dir, tmp_path):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre", Role.LEADER)
    manager = open_manager(window, dialogs)

    # a leader sees leader and shared templates first, the mentor's under a heading
    listed = rows(manager)
    assert listed[0] == ("For a leader, and shared", None)
    cut = listed.index(("Written for the mentor", None))
    assert [tid for _, tid in listed[1:cut]] == LEADER_FIRST
    assert [tid for _, tid in listed[cut + 1 :]] == ["mentor-preparation", "mentor-self-check"]
    assert manager.current_id() == "kickoff-charter"

    # a readable preview: sections, fields with their kinds and marks, no JSON
    click_row(qtbot, manager, "leader-reflection")
    preview = manager.preview.toPlainText()
    assert preview.startswith(builtin("leader-reflection").name.en + "\n")
    assert "For: Leader · version 2 · built-in" in preview
    assert "long text, private, never shared" in preview
    assert "{" not in preview and '"key"' not in preview
    assert not manager.remove_button.isEnabled()
    assert "cannot be removed" in manager.remove_button.toolTip()
    click_row(qtbot, manager, "mid-point-review")
    assert "required" in manager.preview.toPlainText()

    # import a file someone wrote
    good = tmp_path / "team-retro.json"
    doc = outside_file(good)
    dialogs.answer(str(good))
    qtbot.mouseClick(manager.import_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "open_file"
    assert manager.message.text() == "Imported “Team retro”, version 1."
    assert manager.current_id() == "team-retro" and manager.remove_button.isEnabled()
    assert manager.tree.currentItem().text(3) == "Your own"

    # a broken next version: one sentence naming the field, nothing imported
    doc["version"] = 2
    doc["sections"][0]["fields"][0]["type"] = "essay"
    bad = tmp_path / "team-retro-2.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    dialogs.answer(str(bad))
    qtbot.mouseClick(manager.import_button, Qt.MouseButton.LeftButton)
    said = manager.message.text()
    assert said.startswith("In template 'team-retro', field 'checkin': unknown type 'essay'")
    assert said.endswith(").") and said.count(". ") == 0 and "\n" not in said
    assert manager.message.isVisible() and "Traceback" not in said
    assert manager.tree.currentItem().text(2) == "1"
    assert [e for e in dialogs.shown if e[0] == "error"] == []  # said in the dialog itself

    # copy a built-in to adapt, under a name typed in French
    click_row(qtbot, manager, "regular-session")
    dialogs.answer("Séance d’été")
    qtbot.mouseClick(manager.copy_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1] == ("ask_name", "Copy to adapt", "Regular session (my version)")
    assert manager.current_id() == "seance-d-ete"
    assert manager.message.text().startswith("Created “Séance d’été”, your own template.")

    # export it, and read the file back
    target = tmp_path / "out" / "summer.json"
    target.parent.mkdir()
    dialogs.answer(str(target))
    qtbot.mouseClick(manager.export_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1] == ("save_file", "Export the template", "seance-d-ete.json")
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["id"] == "seance-d-ete" and exported["version"] == 1
    assert exported["name"] == {"en": "Séance d’été", "fr": "Séance d’été"}
    assert exported["sections"] == builtin("regular-session").document()["sections"]
    assert manager.message.text() == "Wrote summer.json. It holds the form only, no journal text."

    # remove the copy: asked first; a "no" keeps it
    dialogs.answer(False)
    qtbot.mouseClick(manager.remove_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "confirm" and "Séance d’été" in dialogs.shown[-1][2]
    assert "seance-d-ete" in [tid for _, tid in rows(manager)]
    dialogs.answer(True)
    qtbot.mouseClick(manager.remove_button, Qt.MouseButton.LeftButton)
    assert "seance-d-ete" not in [tid for _, tid in rows(manager)]
    assert manager.message.text() == "Removed “Séance d’été”."

    # the new-session list offers the imported leader template among the leader's own
    manager.reject()
    dialogs.answer(None)  # the picker is shown, then cancelled
    window.new_session_action.trigger()
    offered = dialogs.shown[-1][2].split(",")
    assert offered[:7] == [*LEADER_FIRST, "team-retro"]
    assert offered[7:] == ["mentor-preparation", "mentor-self-check"]

    # what the vault holds: the imported file, once, unchanged
    window.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as vault:
        held = vault.template_documents()
    assert [(d["id"], d["version"]) for d in held] == [("team-retro", 1)]
    assert held[0]["sections"][0]["fields"][0]["type"] != "essay"


def test_the_manager_closes_on_lock(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    manager = open_manager(window, dialogs)
    window.lock()
    assert window.template_manager is None and not manager.isVisible()
    assert not window.templates_action.isEnabled()


def test_the_manager_by_keyboard(qtbot, make_window, data_dir):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre", Role.MENTOR)
    manager = open_manager(window, dialogs)
    listed = rows(manager)
    assert listed[0] == ("For a mentor, and shared", None)
    cut = listed.index(("Written for the leader", None))
    assert [tid for _, tid in listed[cut + 1 :]] == ["leader-reflection"]
    manager.activateWindow()  # run() of the real dialogs is modal: the manager has the keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manager, timeout=HANG_MS)
    manager.tree.setFocus()
    manager.tree.setCurrentItem(manager.tree.topLevelItem(cut - 1))
    QTest.keyClick(manager.tree, Qt.Key.Key_Down)  # over the heading
    assert manager.current_id() == "leader-reflection"
    reached = []
    for _ in range(8):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    for widget in (
        manager.preview,
        manager.import_button,
        manager.copy_button,
        manager.export_button,
    ):
        assert widget in reached and widget.accessibleName()
    assert manager.tree.accessibleName() == "Templates"


def offered_in_picker(role: Role) -> list[str | None]:
    templates = [builtin(tid) for tid in (*LEADER_FIRST, "mentor-preparation", "mentor-self-check")]
    picker = TemplatePicker(templates, role, "en")
    view = picker.findChild(QListWidget)
    listed = [view.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.count())]
    picker.deleteLater()
    return listed


def test_a_leader_and_a_mentor_see_their_templates_first_when_starting_a_session(
    qtbot, make_window, data_dir
):
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre", Role.MENTOR)
    dialogs.answer(None)
    window.new_session_action.trigger()
    offered = [builtin(tid) for tid in dialogs.shown[-1][2].split(",")]
    audiences = [t.audience for t in offered]
    assert set(audiences[:-1]) == {"mentor", "both"} and audiences[-1] == "leader"
    assert offered_in_picker(Role.MENTOR)[-2:] == [None, "leader-reflection"]  # a heading
    leader_view = offered_in_picker(Role.LEADER)
    assert leader_view[:7] == [*LEADER_FIRST, None]


def test_the_manager_fits_in_pseudo_french(
    qtbot,
    pseudo_strings,  # noqa: F811 - the fixture
    make_window,
    data_dir,
):
    """Every string 40 % longer: no label cut, the buttons on one row within a laptop
    screen, the preview's marks whole."""
    window, dialogs = make_window(data_dir)
    first_run(qtbot, window, "Cèdre")
    manager = open_manager(window, dialogs)
    dialogs.answer(str(data_dir.path / "missing.json"))
    qtbot.mouseClick(manager.import_button, Qt.MouseButton.LeftButton)  # a message shown
    settle()
    assert manager.message.isVisible() and clipped(manager) == []
    assert manager.minimumSizeHint().width() <= 1280
    buttons = (manager.import_button, manager.copy_button, manager.export_button)
    assert all(b.width() >= b.sizeHint().width() for b in buttons)
    click_row(qtbot, manager, "mid-point-review")
    assert "[" in manager.preview.toPlainText()  # the kinds and marks, translated too
