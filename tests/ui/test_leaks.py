"""After a scripted GUI session with canary text and a canary pair name, nothing
readable is left anywhere Qt, the desktop or the app write."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from rm_journal.core.models import Role
from rm_journal.core.vault import Vault
from rm_journal.ui.dialogs import Dialogs
from tests.conftest import CHEAP_KDF, HANG_MS, ISOLATED_HOME, PASSPHRASE, profile
from tests.ui.conftest import settle, type_text
from tests.ui.test_flows import unlock


def accept_file_dialog_with(path: Path) -> None:
    """Answer the next real QFileDialog as a person would: type a name, press Save."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(str(path))
        dialog.accept()

    QTimer.singleShot(50, answer)


def scan(roots: list[Path], canaries: list[str], skip: list[Path]) -> list[str]:
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or any(path.is_relative_to(s) for s in skip):
                continue
            data = path.read_bytes()
            for canary in canaries:
                for encoded in (
                    canary.encode(),
                    canary.encode("utf-16-le"),
                    canary.encode("utf-16-be"),
                ):
                    if encoded in data:
                        hits.append(f"{canary} in {path}")
    return hits


def test_no_canary_outside_the_encrypted_files(qtbot, make_window, data_dir, tmp_path, prefs):
    token = secrets.token_hex(6)
    name, text, folder = f"Canaripair{token}", f"Canaritext{token}", f"Canarifolder{token}"
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    dialogs.answer(profile(name, Role.LEADER))
    window.journal_page.new_pair()
    dialogs.answer("regular-session")
    window.journal_page.new_session()
    editor = window.journal_page.editor
    type_text(editor.editors["notes"].edit, f"{text} é")
    type_text(editor.title_edit, f"{text} title")
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    assert window.windowTitle() == "rm_journal"  # never a pair name, even unlocked

    # a real Qt file dialog, into a folder whose name is a canary
    exports = tmp_path / folder
    exports.mkdir()
    accept_file_dialog_with(exports / "export.pdf")
    chosen = Dialogs().save_file(window, "Save", "export.pdf", "PDF (*.pdf)")
    assert chosen == exports / "export.pdf"
    chosen.write_bytes(b"%PDF-1.4 exported on purpose")
    settle()

    window.copy_selection()
    window.lock()
    assert window.windowTitle() == "rm_journal"
    assert window.isWindowModified() is False

    pytest_tmp = next(ISOLATED_HOME.joinpath("tmp").glob("pytest-of-*"))
    roots = [data_dir.path, ISOLATED_HOME, Path(prefs.file_name()).parent]
    canaries = [name, text, folder]
    assert scan([data_dir.path, Path(prefs.file_name()).parent], canaries, [exports]) == []
    assert scan([ISOLATED_HOME], canaries, [pytest_tmp]) == []  # config, data, cache, tmp
    assert len([p for p in data_dir.path.rglob("*") if p.is_file()]) >= 4
    assert roots
    qt_conf = list(ISOLATED_HOME.rglob("QtProject.conf"))
    for conf in qt_conf:
        assert folder not in conf.read_text(errors="replace")
    assert not list(ISOLATED_HOME.rglob("recently-used.xbel"))


@pytest.mark.parametrize("has_documents", [True, False])
def test_file_dialogs_open_in_documents_never_in_the_working_folder(
    qtbot, tmp_path, monkeypatch, has_documents
):
    """The Flatpak reaches Documents and Downloads only; everyone expects Documents."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True) if has_documents else home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME")  # so no user-dirs.dirs moves Documents
    monkeypatch.chdir(tmp_path)
    opened_in = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look)
            return
        opened_in.append(Path(dialog.directory().absolutePath()))
        dialog.reject()

    for show in (
        lambda: Dialogs().save_file(None, "Save", "export.pdf", "PDF (*.pdf)"),
        lambda: Dialogs().open_file(None, "Open", "PDF (*.pdf)"),
    ):
        QTimer.singleShot(50, look)
        assert show() is None
    expected = home / "Documents" if has_documents else home
    assert opened_in == [expected, expected]
