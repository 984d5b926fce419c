"""The export dialog driven as a person would: choose, read the preview, save, check."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.vault import Vault
from rm_journal.export import verify
from rm_journal.templates.library import builtin, start_session
from rm_journal.ui.export_dialog import CHOSEN, ExportDialog
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile
from tests.ui.conftest import type_text
from tests.ui.test_flows import unlock

AGREED = "Différer les mails du soir : « pas urgent »"


@pytest.fixture
def exporting(qtbot, make_window, data_dir):
    canary = f"Canari{secrets.token_hex(5)}"
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    journal = vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)
    s1 = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 1, 15))
    journal.set_fields(
        s1.uuid,
        {
            "notes": canary,
            "takeaways": [
                {"text": AGREED, "status": "agreed"},
                {"text": canary + " proposé", "status": "proposed"},
            ],
        },
    )
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    window.export_action.trigger()
    dialog = dialogs.opened[-1]
    assert isinstance(dialog, ExportDialog)
    return window, dialogs, dialog, canary


def test_preview_then_save_an_encrypted_pdf_that_verifies(qtbot, exporting, tmp_path):
    window, dialogs, dialog, canary = exporting
    preview = dialog.preview.toPlainText()
    assert AGREED in preview and canary not in preview and "Inès" not in preview
    assert dialog.pdf_language.currentData() == "fr"  # the pair's language
    dialog.pdf_language.setCurrentIndex(dialog.pdf_language.findData("en"))
    dialog.names.setChecked(True)
    type_text(dialog.leader_name, "Jeanne")
    dialog.refresh()
    assert "Leader: Jeanne" in dialog.preview.toPlainText()
    assert "Mentor: Inès" in dialog.preview.toPlainText()  # the partner, prefilled
    password = dialog.password.text()
    assert dialog.protect.isChecked() and len(password.replace("-", "")) >= 21

    dialogs.answer(str(tmp_path / "summary"))  # no suffix: .pdf is added
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "summary.pdf"
    assert saved.exists()
    assert dialogs.shown[-1][:2] == ("info", "Summary saved")
    assert not dialog.isVisible()
    reader = PdfReader(saved)
    assert reader.is_encrypted and reader.decrypt(password)
    pages = [p.extract_text() for p in reader.pages]
    body_preview = "\n".join(preview_lines(dialog)[1:-1])
    assert verify.skeleton(body_preview) == verify.skeleton(verify._strip_page_furniture(pages))
    journal = window.vault.journal(window.journal_page.pair_id)
    log = journal.sharing_log()
    assert log[-1].file_name == "summary.pdf" and "password-protected" in log[-1].summary
    found = verify.read(saved.read_bytes(), password)
    assert verify.match(found, [("", log)]).status is verify.Status.IDENTICAL
    window.journal_page.tabs.setCurrentIndex(4)
    assert window.journal_page.lists.sharing_model.rowCount() == 1


def preview_lines(dialog):
    return dialog.preview.toPlainText().splitlines()


def test_nothing_chosen_means_nothing_to_save(exporting):
    _window, _dialogs, dialog, _ = exporting
    dialog.scope.setCurrentIndex(CHOSEN)
    assert dialog.session_list.isVisible()
    dialog.session_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.refresh()
    assert not dialog.save_button.isEnabled()
    assert "nothing to export" in dialog.status.text()
    dialog.session_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.refresh()
    assert dialog.save_button.isEnabled()


def test_a_short_password_is_refused_before_saving(exporting):
    _window, _dialogs, dialog, _ = exporting
    dialog.password.setText("short")
    dialog.refresh()
    assert not dialog.save_button.isEnabled() and "12 characters" in dialog.status.text()
    dialog.protect.setChecked(False)
    dialog.refresh()
    assert dialog.save_button.isEnabled()


def test_a_failed_save_says_so_and_records_nothing(qtbot, exporting, tmp_path):
    window, dialogs, dialog, _ = exporting
    taken = tmp_path / "taken.pdf"
    (taken / "inside").mkdir(parents=True)
    dialogs.answer(str(taken))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Summary not saved")
    assert "Could not write" in text and "Traceback" not in text
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert window.vault.journal(window.journal_page.pair_id).sharing_log() == []


def test_locking_closes_the_dialog_and_forgets_the_preview(qtbot, exporting):
    window, _dialogs, dialog, _ = exporting
    window.lock()
    assert not dialog.isVisible()
    assert window.journal_page is None or window.journal_page.export_dialog is None


def test_characters_the_pdf_cannot_draw_are_announced(exporting):
    window, _dialogs, dialog, _ = exporting
    journal = window.vault.journal(window.journal_page.pair_id)
    session = journal.sessions()[0]
    journal.add_takeaway(
        "会议 🎉 שלום", Role.LEADER, session_uuid=session.uuid, status=TakeawayStatus.AGREED
    )
    dialog.refresh()
    status = dialog.status.text()
    assert "empty boxes: 会 议 🎉" in status
    assert "Right-to-left" in status
    assert dialog.save_button.isEnabled()  # a note, not a refusal


def _export(qtbot, dialog, dialogs, target, protect=True):
    dialog.protect.setChecked(protect)
    dialog.refresh()
    password = dialog.password.text()
    dialogs.answer(str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    return password


def test_check_a_pdf_from_the_sharing_log(qtbot, exporting, tmp_path):
    window, dialogs, dialog, _ = exporting
    target = tmp_path / "s.pdf"
    password = _export(qtbot, dialog, dialogs, target)
    page = window.journal_page

    dialogs.answer(str(target), password)
    page.check_pdf()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "info" and "not a byte has changed" in text

    dialogs.answer(str(target), "wrong password, sorry")
    page.check_pdf()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "not the PDF's password" in text

    dialogs.answer(str(target), None)  # the person cancels the password question
    before = len(dialogs.shown)
    page.check_pdf()
    assert [k for k, *_ in dialogs.shown[before:]] == ["open_file", "ask_secret"]

    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + secrets.token_bytes(500))
    dialogs.answer(str(junk))
    page.check_pdf()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "not a PDF that can be read" in text


def test_check_tells_a_changed_copy(qtbot, exporting, tmp_path):
    window, dialogs, dialog, _ = exporting
    target = tmp_path / "open.pdf"
    _export(qtbot, dialog, dialogs, target, protect=False)
    changed = tmp_path / "changed.pdf"
    reader = PdfReader(target)
    writer = PdfWriter(clone_from=reader)
    writer.add_blank_page()
    with changed.open("wb") as out:
        writer.write(out)
    dialogs.answer(str(changed))
    window.journal_page.check_pdf()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "changed after it was exported" in text


def test_sessions_between_two_typed_dates(qtbot, exporting):
    """The dates are typed (the pair's session is on 15 January 2026); a wrong one is
    refused and stops the export until it is corrected or emptied."""
    _window, _dialogs, dialog, _ = exporting
    dialog.scope.setCurrentIndex(dialog.scope.findText("Sessions between two dates"))
    assert dialog.date_from.isVisible() and dialog.date_from.edit.text() == "1/15/2026"
    for field, typed in ((dialog.date_from, "2026-01-16"), (dialog.date_to, "3/31/2026")):
        qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
        field.edit.selectAll()
        type_text(field.edit, typed + "\n")
    dialog.refresh()
    assert dialog.request().date_from == dt.date(2026, 1, 16)
    assert dialog.request().date_to == dt.date(2026, 3, 31)
    assert "nothing to export" in dialog.status.text()
    dialog.date_from.edit.selectAll()
    type_text(dialog.date_from.edit, "1/32/2026\n")
    assert dialog.date_from.refused() and dialog.date_from.value() == dt.date(2026, 1, 16)
    dialog.refresh()
    assert not dialog.save_button.isEnabled() and "not accepted" in dialog.status.text()
    dialog.date_from.edit.selectAll()
    QTest.keyClick(dialog.date_from.edit, Qt.Key.Key_Backspace)  # emptied: no lower limit
    QTest.keyClick(dialog.date_from.edit, Qt.Key.Key_Return)
    dialog.refresh()
    assert dialog.date_from.value() is None and dialog.save_button.isEnabled()
    assert "Agreed items: 1" in dialog.status.text()
