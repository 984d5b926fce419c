"""What the app shows of the one rule of what leaves the device (core.sharing)."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtCore import Qt

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.vault import Vault
from rm_journal.templates.library import TemplateLibrary, start_session
from rm_journal.ui.export_dialog import ExportDialog
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile
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
