"""Global search: every field type found, highlighted safely, opened at the right place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from rm_journal.ui.search import HIT_ROLE, snippet_html
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.conftest import type_text
from tests.ui.test_flows import unlock


def test_snippets_are_escaped_before_highlighting():
    assert snippet_html("<img src=x> \x02réunion\x03 & co") == (
        "&lt;img src=x&gt; <b>réunion</b> &amp; co"
    )


def test_search_finds_each_kind_and_opens_it(qtbot, make_window, data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    a = vault.add_pair(profile("Inès"))
    b = vault.add_pair(profile("Sam"))
    ja, jb = vault.journal(a.pair_id), vault.journal(b.pair_id)
    charter = start_session(ja, builtin("kickoff-charter"), title="Charte zèbre")
    ja.set_fields(
        charter.uuid,
        {
            "purpose": "Comprendre le zèbre de la finance",  # long text
            "place": "Café zèbre",  # short text
            "goals": ["Un objectif zèbre"],  # list
            "notes": "private_each",  # choice (not searchable text; shown by label)
            "takeaways": [{"text": "Un enseignement zèbre"}],
            "actions": [{"text": "Une action zèbre", "owner": "leader"}],
        },
    )
    jb.add_topic("Sujet zèbre", why="parce que")
    vault.lock()
    window, _ = make_window(data_dir)
    unlock(qtbot, window)
    QTest.keySequence(window, QKeySequence("Ctrl+K"))
    dialog = window.journal_page.search
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.box, "zebre")  # accents ignored
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 2, timeout=HANG_MS)
    hits = {}
    for g in range(dialog.results.topLevelItemCount()):
        group = dialog.results.topLevelItem(g)
        for c in range(group.childCount()):
            item = group.child(c)
            hits[item.text(0).split(" — ")[0]] = item
    assert {
        "Session 1 · The purpose of this pairing",
        "Session 1 · Where we meet",
        "Session 1 · Up to three goals",
        "Session 1",
        "Takeaway",
        "Action",
        "Topic",
    } <= set(hits)
    assert "<b>zèbre</b>" in hits["Session 1 · Where we meet"].text(0)

    dialog.results.itemActivated.emit(hits["Session 1 · Where we meet"], 0)
    page = window.journal_page
    assert page.tabs.currentIndex() == 0 and page.editor.session.uuid == charter.uuid
    qtbot.waitUntil(lambda: page.editor.editors["place"].edit.hasFocus(), timeout=HANG_MS)

    dialog.results.itemActivated.emit(hits["Topic"], 0)
    assert page.tabs.currentIndex() == 3
    assert page.pair_id == b.pair_id
    selected = page.lists.topics.view.selectionModel().selectedRows()
    assert page.lists.topics_model.record(selected[0].row()).title == "Sujet zèbre"
    hit = hits["Action"].data(0, HIT_ROLE)
    assert hit.kind == "action"

    # locking drops the dialog and what it showed
    window.lock()
    assert window.journal_page is None
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_A)


def test_search_names_the_pairs_it_could_not_search(qtbot, make_window, data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    for name in ("Inès", "Sam"):
        journal = vault.journal(vault.add_pair(profile(name)).pair_id)
        journal.add_topic("Sujet zèbre", why="parce que " + "z" * 9000)
    damaged = vault.data_dir.journal_path(vault.pair_file_and_key(vault.pair_ids()[1])[0])
    vault.lock()
    raw = bytearray(damaged.read_bytes())
    raw[5000] ^= 0x40
    damaged.write_bytes(bytes(raw))
    window, _ = make_window(data_dir)
    unlock(qtbot, window)
    QTest.keySequence(window, QKeySequence("Ctrl+K"))
    dialog = window.journal_page.search
    type_text(dialog.box, "zebre")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 1, timeout=HANG_MS)
    assert "Not searched: pair 2 in the list" in dialog.status.text()
