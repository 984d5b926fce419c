"""What the app shows of the one rule of what leaves the device (core.sharing)."""

from __future__ import annotations

import dataclasses
import json

from pypdf import PdfReader
from PySide6.QtCore import Qt

from rm_journal.core.models import Attribution, Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import TemplateLibrary, start_session
from rm_journal.ui.export_dialog import ExportDialog
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.export.exchange_pair import Side, link_both, mentor_prepares_meeting_one
from tests.export.test_partner_choice import WORDS, agreed_on_both_sides
from tests.export.test_sharing_rule import canary, custom_template
from tests.ui.test_flows import unlock


def test_the_export_preview_leaves_out_a_private_fields_agreed_takeaway(
    qtbot, make_window, data_dir, tmp_path
):
    secret = canary()
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    template = TemplateLibrary(vault).import_bytes(
        json.dumps(custom_template("private-takeaways").document()).encode()
    )
    journal = vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)
    session = start_session(journal, template)
    journal.set_fields(session.uuid, {"takeaways": [{"text": secret, "status": "agreed"}]})
    journal.add_takeaway(
        "Accord visible", Role.LEADER, session_uuid=session.uuid, status=TakeawayStatus.AGREED
    )
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    window.export_action.trigger()
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, ExportDialog)
    preview = dialog.preview.toPlainText()
    assert "Accord visible" in preview
    assert secret not in preview
    dialog.protect.setChecked(False)
    dialog.refresh()
    dialogs.answer(str(tmp_path / "summary.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    assert "Accord visible" in text and secret not in text


def test_the_leaders_app_shows_the_mentors_stricter_choice_applies_and_their_talking_points(
    qtbot, make_window, data_dir, tmp_path
):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    leader = Side(vault, vault.add_pair(profile("Claire", Role.LEADER)).pair_id, tmp_path)
    with DataDir.acquire(tmp_path / "mentor") as mentor_dir:
        mentor_vault, _ = Vault.create(mentor_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        outbox = tmp_path / "outbox"
        outbox.mkdir()
        mentor = Side(
            mentor_vault, mentor_vault.add_pair(profile("Inès", Role.MENTOR)).pair_id, outbox
        )
        link_both(leader, mentor)
        agreed_on_both_sides(leader, mentor)
        prep = mentor_prepares_meeting_one(mentor)
        mentor.journal.set_fields(prep, {"pair_points": ["Parler du droit à la déconnexion"]})
        number = mentor.journal.session(prep).number
        leader.receive(mentor.send(("agenda",), "agenda.rmjx", meeting=number))
        (theirs,) = mentor.journal.takeaways()
        mentor.journal.update_takeaway(dataclasses.replace(theirs, attribution=Attribution.NEVER))
        never_file = mentor.send(("takeaways",), "never.rmjx")
        mentor_vault.lock()
    vault.lock()

    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.journal_page is not None, timeout=HANG_MS)
    page = window.journal_page
    page.tabs.setCurrentWidget(page.partner)
    dialogs.answer(str(never_file))  # the mentor's "never exported" arrives by the app
    page.partner.import_button.click()
    importing = dialogs.opened[-1]
    said = [importing.said_list.item(i).text() for i in range(importing.said_list.count())]
    assert said == [f"Your partner agrees: {WORDS} — never exported, as your partner asks"]
    qtbot.mouseClick(importing.import_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentIndex(1)
    model = page.lists.takeaways_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index("In the shared summary")
    (row,) = [r for r in range(model.rowCount()) if model.record(r).text == WORDS]
    assert model.data(model.index(row, column)) == "Never exported: your partner asked for it"
    assert model.data(model.index(row, column), Qt.ItemDataRole.EditRole) == "named"  # mine

    page.tabs.setCurrentWidget(page.partner)
    assert "Parler du droit à la déconnexion" in page.partner.agendas.toPlainText()
    assert "Talking points your partner shares with you" in page.partner.agendas.toPlainText()
    # and in the form of that session, to prepare from
    (entry,) = [e for e in page.current_journal().sessions() if e.number == number]
    page.open_session(entry.uuid)
    shown = " ".join(label.text() for label in page.editor.planned_labels)
    assert "Talking points your partner shares with you" in shown
    assert "Parler du droit à la déconnexion" in shown
    window.export_action.trigger()
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, ExportDialog) and WORDS not in dialog.preview.toPlainText()
