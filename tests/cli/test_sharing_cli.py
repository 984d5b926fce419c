"""export-pdf asks the one rule of what may leave the device (core.sharing)."""

from __future__ import annotations

import json

from pypdf import PdfReader

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import TemplateLibrary, start_session
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE, profile
from tests.export.test_sharing_rule import canary, custom_template


def test_export_pdf_leaves_out_an_agreed_takeaway_of_a_private_field(cheap_vault, capsys, tmp_path):
    root, _ = cheap_vault
    secret = canary()
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        template = TemplateLibrary(vault).import_bytes(
            json.dumps(custom_template("private-takeaways").document()).encode()
        )
        journal = vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)
        session = start_session(journal, template)
        journal.set_fields(session.uuid, {"takeaways": [{"text": secret, "status": "agreed"}]})
        journal.add_takeaway(
            "Accord visible", Role.LEADER, session_uuid=session.uuid, status=TakeawayStatus.AGREED
        )

    code, out, err = run(capsys, "export-pdf", "1", "--preview")
    assert code == 0, err
    assert "Accord visible" in out and secret not in out
    target = tmp_path / "summary.pdf"
    code, out, err = run(capsys, "export-pdf", "1", "-o", str(target))
    assert code == 0, err
    assert "1 agreed item(s)" in out
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Accord visible" in text
    assert secret not in text
