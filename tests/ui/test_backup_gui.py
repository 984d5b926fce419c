"""Backups in the window: daily and on demand, a damaged journal restored from the newest
copy, and the whole vault restored from a backup folder — locked or not."""

from __future__ import annotations

import pytest

from rm_journal.core import backup
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.test_flows import unlock


@pytest.fixture
def kept(data_dir):
    """A vault with one pair and a session whose notes must survive."""
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    journal = vault.journal(vault.add_pair(profile("Inès")).pair_id)
    session = start_session(journal, builtin("regular-session"), title="Sobriété")
    journal.set_fields(session.uuid, {"notes": "à garder"})
    vault.lock()
    return data_dir


def test_daily_and_on_demand_backups(qtbot, make_window, kept):
    window, dialogs = make_window(kept)
    unlock(qtbot, window)
    page = window.journal_page
    assert page._backup_timer.isActive()  # "every day" is the default
    folder = backup.backups_path(kept)
    page.backup_if_due()
    page.backup_if_due()  # one a day, not one a call
    assert [b.kind for b in backup.list_backups(folder)] == [backup.AUTO]
    window.backup_action.trigger()
    assert [b.kind for b in backup.list_backups(folder)] == [backup.MANUAL, backup.AUTO]
    assert dialogs.shown[-1][:2] == ("info", "Backup written")
    assert "current passphrase" in dialogs.shown[-1][2]


def test_a_damaged_journal_offers_its_newest_copy(qtbot, make_window, kept):
    with Vault.unlock(kept, PASSPHRASE) as vault:
        backup.create(vault)
    journal_file = next(kept.journals_path.glob("*.rmj"))
    raw = bytearray(journal_file.read_bytes())
    raw[5000] ^= 0x20
    journal_file.write_bytes(bytes(raw))
    window, dialogs = make_window(kept)
    unlock(qtbot, window)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.restore_button.isVisible(), timeout=HANG_MS)
    assert "damaged" in page.placeholder.text()
    dialogs.answer(True)  # "Restore"
    page.restore_button.click()
    assert dialogs.shown[-1][:2] == ("confirm", "Restore this journal")
    assert page.editor is not None and not page.restore_button.isVisible()
    assert page.editor.editors["notes"].value() == "à garder"
    assert journal_file.with_name(journal_file.name + ".damaged").exists()


def test_the_whole_vault_is_restored_from_the_menu(qtbot, make_window, kept):
    window, dialogs = make_window(kept)
    unlock(qtbot, window)
    made = backup.create(window.vault)
    window.vault.add_pair(profile("Jules"))  # after the backup: not in it
    dialogs.answer(str(made.path / backup.MANIFEST), True, PASSPHRASE)
    window.restore_action.trigger()
    assert [kind for kind, *_ in dialogs.shown[-4:]] == [
        "open_file",
        "confirm",
        "ask_secret",
        "info",
    ]
    assert window.locked and dialogs.shown[-1][1] == "Vault restored"
    unlock(qtbot, window)
    assert window.journal_page.pairs_model.rowCount() == 1
    kinds = [b.kind for b in backup.list_backups(backup.backups_path(kept))]
    assert backup.BEFORE_RESTORE in kinds  # the vault as it was, kept first


def test_a_wrong_backup_passphrase_changes_nothing(qtbot, make_window, kept):
    window, dialogs = make_window(kept)
    unlock(qtbot, window)
    made = backup.create(window.vault)
    dialogs.answer(str(made.path / backup.MANIFEST), True, "not the passphrase of then")
    window.restore_action.trigger()
    assert dialogs.shown[-1][:2] == ("error", "Vault not restored")
    assert "passphrase is not correct" in dialogs.shown[-1][2]
    assert window.unlock_page.isEnabled()
    unlock(qtbot, window)
    assert window.journal_page.pairs_model.rowCount() == 1
