"""A rolled-back file in the window: the one sentence at unlock (the registry) and on the
pair's page (a journal, with its newest backup offered), in English and in French."""

from __future__ import annotations

import shutil

import pytest

from rm_journal.core import backup
from rm_journal.core.models import Role
from rm_journal.core.storage import rollback
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.test_flows import unlock
from tests.ui.test_i18n import french  # noqa: F401 - the French translation, installed


@pytest.fixture
def kept(data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    journal = vault.journal(vault.add_pair(profile("Inès")).pair_id)
    session = start_session(journal, builtin("regular-session"), title="Sobriété")
    journal.set_fields(session.uuid, {"notes": "à garder"})
    vault.lock()
    return data_dir


def test_a_rolled_back_registry_is_refused_at_unlock_in_one_sentence(qtbot, make_window, kept):
    with Vault.unlock(kept, PASSPHRASE) as vault:
        vault.set_setting("program", "Printemps")
        older_log = kept.registry_path.with_name("vault.db-wal").read_bytes()
        vault.set_setting("program", "Été")
        # as a crash leaves it, then the log replaced by the older one
        shutil.copy(kept.registry_path, kept.path / "vault.db.crashed")
    kept.registry_path.unlink()
    (kept.path / "vault.db.crashed").rename(kept.registry_path)
    kept.registry_path.with_name("vault.db-wal").write_bytes(older_log)
    window, _dialogs = make_window(kept)
    unlock(qtbot, window)
    page = window.unlock_page
    sentence = str(rollback.registry_rolled_back())
    qtbot.waitUntil(lambda: page.message.text() == sentence, timeout=HANG_MS)
    assert window.locked


def test_a_rolled_back_journal_says_so_and_offers_its_newest_copy(qtbot, make_window, kept):
    with Vault.unlock(kept, PASSPHRASE) as vault:
        backup.create(vault)
    journal_file = next(kept.journals_path.glob("*.rmj"))
    older = journal_file.read_bytes()
    with Vault.unlock(kept, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        start_session(journal, builtin("regular-session"), title="after the backup")
    journal_file.write_bytes(older)  # the whole journal replaced by an older copy
    window, dialogs = make_window(kept)
    unlock(qtbot, window)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.restore_button.isVisible(), timeout=HANG_MS)
    assert page.placeholder.text() == str(rollback.journal_rolled_back())
    dialogs.answer(True)  # "Restore"
    page.restore_button.click()
    assert page.editor is not None and not page.restore_button.isVisible()
    assert page.editor.editors["notes"].value() == "à garder"


@pytest.mark.usefixtures("french")
def test_the_sentence_is_french_in_a_french_window(qtbot, make_window, kept):
    journal_file = next(kept.journals_path.glob("*.rmj"))
    older = journal_file.read_bytes()
    with Vault.unlock(kept, PASSPHRASE) as vault:
        vault.journal(vault.pair_ids()[0]).add_takeaway("plus tard", Role.LEADER)
    journal_file.write_bytes(older)
    window, _dialogs = make_window(kept, language="fr")
    unlock(qtbot, window)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.restore_button.isVisible(), timeout=HANG_MS)
    assert "plus ancien" in page.placeholder.text()
    assert "restaurez ce binôme" in page.placeholder.text()
