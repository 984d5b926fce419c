"""The Exchange tab, driven as a person would: link, import an agenda, choose between
two versions, write a file for the partner; the mentor's side is a second vault."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from rm_journal.core.exchange import link
from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import exchange
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.export.exchange_pair import Side, mentor_prepares_meeting_one
from tests.ui.test_flows import unlock


def _setup(qtbot, make_window, data_dir, tmp_path):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    vault.add_pair(profile("Claire", Role.LEADER))
    vault.lock()
    mentor_dir = DataDir.acquire(tmp_path / "mentor")
    mentor_vault, _ = Vault.create(mentor_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    pair = mentor_vault.add_pair(profile("Inès", Role.MENTOR))
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    mentor = Side(mentor_vault, pair.pair_id, outbox)
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    page = window.journal_page
    page.tabs.setCurrentWidget(page.partner)
    return window, dialogs, page.partner, mentor, mentor_dir


def test_linking_importing_and_sending_from_the_exchange_tab(
    qtbot, make_window, data_dir, tmp_path
):
    window, dialogs, tab, mentor, mentor_dir = _setup(qtbot, make_window, data_dir, tmp_path)
    try:
        assert not tab.send_box.isEnabled() and "Not linked" in tab.link_status.text()
        copied = []
        tab.copy_text = copied.append
        tab.copy_button.click()
        assert copied and copied[0].startswith("-----BEGIN RM_JOURNAL PAIRING-----")
        link.accept_block(mentor.journal, mentor.vault.identity(), copied[0])

        dialogs.answer("not a block")
        tab.paste_button.click()
        assert dialogs.shown[-1][0] == "error" and "not a pairing block" in dialogs.shown[-1][2]
        dialogs.answer(link.my_block(mentor.journal, mentor.vault.identity()))
        tab.paste_button.click()
        shown = tab.number.text()
        assert shown == link.safety_number(mentor.journal, mentor.vault.identity())
        assert tab.confirm_button.isVisible() and not tab.send_box.isEnabled()
        dialogs.answer(False)  # not sure: nothing happens
        tab.confirm_button.click()
        assert not tab.send_box.isEnabled()
        dialogs.answer(True)
        tab.confirm_button.click()
        assert tab.send_box.isEnabled() and "Linked" in tab.link_status.text()
        link.confirm(mentor.journal, mentor.vault.identity(), shown)

        # the mentor's agenda arrives
        mentor_prepares_meeting_one(mentor)
        agenda_file = mentor.send(("agenda",), "agenda.rmjx")
        dialogs.answer(str(agenda_file))
        tab.import_button.click()
        dialog = dialogs.opened[-1]
        assert dialog.new_list.count() == 2 and dialog.changed.rowCount() == 0
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert "Tour de table" in tab.agendas.toPlainText()
        page = window.journal_page
        assert page.sessions_model.rowCount() == 1  # session 1 now exists on this side
        # the session's form shows the agenda to prepare from
        page.open_session(page.current_journal().sessions()[0].uuid)
        shown = [label.text() for label in page.editor.planned_labels]
        assert any(
            "Démonstration d&#x27;un assistant" in t or "Démonstration d'un assistant" in t
            for t in shown
        ), shown
        page.tabs.setCurrentWidget(tab)

        # a topic changed on both sides: the person takes the partner's words
        journal = window.vault.journal(page.pair_id)
        (topic,) = journal.topics()
        journal.update_topic(dataclasses.replace(topic, why="ma version"))
        theirs = mentor.journal.topic(topic.uuid)
        mentor.journal.update_topic(dataclasses.replace(theirs, why="la version du mentor"))
        dialogs.answer(str(mentor.send(("topics",), "topics.rmjx")))
        tab.import_button.click()
        dialog = dialogs.opened[-1]
        assert dialog.changed.rowCount() == 1
        assert dialog.changed.item(0, 1).text() == "Prompts utiles — ma version"
        assert dialog.changed.item(0, 2).text() == "Prompts utiles — la version du mentor"
        dialog.changed.item(0, 2).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert journal.topic(topic.uuid).why == "la version du mentor"

        # a takeaway for the mentor, written to a file the mentor imports
        entry = journal.sessions()[0]
        journal.set_fields(
            entry.uuid, {"takeaways": [{"text": "Essayer un assistant", "status": "proposed"}]}
        )
        tab.takeaways.setChecked(True)
        target = tmp_path / "for-mentor.rmjx"
        dialogs.answer(str(target))
        tab.write_button.click()
        assert target.is_file()
        incoming = exchange.read(mentor.vault, mentor.pair_id, target.read_bytes())
        assert [c.incoming.text for c in incoming.plan.new] == ["Essayer un assistant"]
        assert page.lists.sharing_model.rowCount() == 3  # two imports, one file written

        # the mentor agrees; the leader's list of takeaways says so once the file is in
        exchange.apply(mentor.vault, mentor.pair_id, incoming)
        (theirs_t,) = mentor.journal.takeaways()
        mentor.journal.update_takeaway(dataclasses.replace(theirs_t, status=TakeawayStatus.AGREED))
        dialogs.answer(str(mentor.send(("takeaways",), "agreed.rmjx")))
        tab.import_button.click()
        qtbot.mouseClick(dialogs.opened[-1].import_button, Qt.MouseButton.LeftButton)
        page.tabs.setCurrentIndex(1)
        model = page.lists.takeaways_model
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        column = headers.index("Your partner")
        assert model.data(model.index(0, column)) == "Agreed"
        # my own status no longer claims "by both": the partner's word is beside it
        status = headers.index("Status")
        assert model.data(model.index(0, status)) == "Proposed — a draft for the pair"
        (mine,) = journal.takeaways()
        journal.update_takeaway(dataclasses.replace(mine, status=TakeawayStatus.AGREED))
        page.lists.refresh()
        assert model.data(model.index(0, status)) == "Agreed by me"
        page.tabs.setCurrentWidget(tab)

        # locking closes an open import dialog and forgets the vault
        dialogs.answer(str(mentor.send(("topics",), "again.rmjx")))
        tab.import_button.click()
        window.lock()
        assert tab.vault is None and tab.import_dialog is None
        assert not [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowTitle() == "Import from your partner"
        ]
    finally:
        mentor.vault.lock()
        mentor_dir.release()


def test_a_refused_file_says_why_in_one_sentence_and_changes_nothing(
    qtbot, make_window, data_dir, tmp_path
):
    _window, dialogs, tab, mentor, mentor_dir = _setup(qtbot, make_window, data_dir, tmp_path)
    try:
        junk = tmp_path / "junk.rmjx"
        junk.write_bytes(b"PK\x03\x04 a zip file")
        dialogs.answer(str(junk))
        tab.import_button.click()  # disabled: the pair is not linked
        assert dialogs.shown == [] or dialogs.shown[-1][0] != "run"
        tab.import_file()
        kind, _title, text = dialogs.shown[-1]
        assert kind == "error" and "not an rm_journal" in text and "\n" not in text
        assert [b for b in tab.findChildren(QPushButton) if b.text() == "Import"] == []
    finally:
        mentor.vault.lock()
        mentor_dir.release()


def test_check_a_pdf_says_who_signed_it(qapp):
    from rm_journal.core.models import SharingRecord
    from rm_journal.export import verify
    from rm_journal.ui.pdf_check import verdict_text

    signers = (verify.Signer("leader", bytes(32)), verify.Signer("mentor", bytes(32)))
    found = verify.SummaryFile("ab" * 32, "cd" * 32, 2, (), bytes(32), signers)
    record = SharingRecord("u", "2026-03-11T10:00:00.000Z", "pdf", "", "s.pdf", "ab" * 32, 2)
    both = verify.Verdict(verify.Status.IDENTICAL, found, record, "p", ("leader", "mentor"))
    assert "Signed by both members" in verdict_text(both)
    mine = dataclasses.replace(
        both, summary=dataclasses.replace(found, signers=signers[:1]), signed_by=("leader",)
    )
    assert "Signed by you only" in verdict_text(mine)
    foreign = verify.Verdict(
        verify.Status.CHANGED,
        dataclasses.replace(
            found,
            problems=("it is signed with keys that are not those of a pair linked in this vault.",),
        ),
    )
    text = verdict_text(foreign)
    assert "signatures are not those of a pair linked" in text and "Signed by" not in text
    unsigned = dataclasses.replace(both, summary=dataclasses.replace(found, signers=()))
    assert "Signed" not in verdict_text(unsigned)
