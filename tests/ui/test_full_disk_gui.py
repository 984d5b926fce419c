"""A full disk while typing: one clear sentence at once, the text kept on screen, the
page staying on it, and the save made by itself once there is room again."""

from __future__ import annotations

import contextlib
import resource
import signal

import pytest

from rm_journal.ui import session_editor
from tests.conftest import HANG_MS
from tests.ui.conftest import type_text
from tests.ui.test_flows import ready_vault, unlock  # noqa: F401 - a fixture

BIG = "Une note longue, écrite pendant que le disque est plein. " * 4000  # 230 kB


@contextlib.contextmanager
def disk_full_beyond(limit: int):
    """RLIMIT_FSIZE stands in for a full disk: a write past ``limit`` fails with EFBIG."""
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)


def unlocked_with_a_new_session(qtbot, make_window, vault_dir, monkeypatch):
    """The window unlocked with a new session open in the editor; retries every 0.2 s;
    the size of the largest file, above which the disk will be full."""
    monkeypatch.setattr(session_editor, "RETRY_MS", 200)
    window, dialogs = make_window(vault_dir)
    unlock(qtbot, window)
    dialogs.answer("regular-session")
    window.journal_page.new_session()
    largest = max(p.stat().st_size for p in vault_dir.path.rglob("*") if p.is_file())
    return window, dialogs, largest


def test_full_disk_keeps_the_text_stays_and_saves_once_there_is_room(
    qtbot,
    make_window,
    ready_vault,  # noqa: F811 - the fixture
    monkeypatch,
):
    window, dialogs, largest = unlocked_with_a_new_session(
        qtbot, make_window, ready_vault, monkeypatch
    )
    page = window.journal_page
    first = page.editor.session.uuid
    dialogs.answer("regular-session")
    page.new_session()
    editor = page.editor
    notes = editor.editors["notes"].edit
    with disk_full_beyond(largest + 4096):
        notes.setPlainText(BIG)
        # the save runs 0.4 s after the last keystroke; the sentence follows at once
        qtbot.waitUntil(lambda: "Not saved" in editor.indicator.text(), timeout=HANG_MS)
        assert "Trying again" in editor.indicator.text()
        assert "free space" in editor.indicator.text()
        # moving to another session would drop the text: the page stays, and says so
        page.sessions_view.setCurrentIndex(page.sessions_model.index(0, 0))
        assert page.editor is editor and notes.toPlainText() == BIG
        assert page.sessions_model.session_at(page.sessions_view.currentIndex()).uuid == (
            editor.session.uuid
        )
        assert dialogs.shown[-1][:2] == ("error", "Changes not saved yet")
        assert "may be full" in dialogs.shown[-1][2]
    # space is back: the editor's own retry saves it
    qtbot.waitUntil(lambda: "Saved" in editor.indicator.text(), timeout=HANG_MS)
    journal = window.vault.journal(page.pair_id)
    assert journal.fields(editor.session.uuid)["notes"] == BIG
    assert journal.integrity_problems() == []
    page.open_session(first)
    assert page.editor.session.uuid == first


@pytest.fixture(autouse=True)
def _no_limit_left():
    yield
    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] == resource.RLIM_INFINITY


def test_locking_on_a_full_disk_keeps_the_text_sealed_and_puts_it_back(
    qtbot,
    make_window,
    ready_vault,  # noqa: F811 - the fixture
    monkeypatch,
):
    from PySide6.QtWidgets import QPlainTextEdit

    window, dialogs, largest = unlocked_with_a_new_session(
        qtbot, make_window, ready_vault, monkeypatch
    )
    page = window.journal_page
    session_uuid = page.editor.session.uuid
    with disk_full_beyond(largest + 4096):
        page.editor.editors["notes"].edit.setPlainText(BIG)
        type_text(page.editor.title_edit, "Écrit disque plein")
        qtbot.waitUntil(lambda: "Not saved" in page.editor.indicator.text(), timeout=HANG_MS)
        window.lock()  # as the idle timer does: no question, no delay
        assert window.locked and window.journal_page is None
        qtbot.waitUntil(
            lambda: not [w for w in window.findChildren(QPlainTextEdit) if w.toPlainText()],
            timeout=HANG_MS,
        )
        assert window._sealed_unsaved is not None
        assert BIG[:40].encode() not in window._sealed_unsaved  # sealed, not kept in clear
    unlock(qtbot, window)  # space is back
    page = window.journal_page
    assert page.editor is not None and page.editor.session.uuid == session_uuid
    assert page.editor.editors["notes"].edit.toPlainText() == BIG
    assert dialogs.shown[-1][:2] == ("info", "Changes put back")
    qtbot.waitUntil(lambda: "Saved" in page.editor.indicator.text(), timeout=HANG_MS)
    journal = window.vault.journal(page.pair_id)
    assert journal.fields(session_uuid)["notes"] == BIG
    assert journal.session(session_uuid).title == "Écrit disque plein"
    assert window._sealed_unsaved is None
