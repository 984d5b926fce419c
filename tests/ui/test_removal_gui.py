"""Removing a pair from the app reaches the copies kept in the data folder, and says so."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from rm_journal.core import backup
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, HANG_MS, PASSPHRASE, profile
from tests.ui.conftest import type_text
from tests.ui.test_flows import unlock


def test_removing_a_pair_in_the_app_names_the_copies_it_deleted(
    qtbot, make_window, data_dir, tmp_path
):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    gone = vault.add_pair(profile("Inès"))
    kept = vault.add_pair(profile("Sam"))
    made = backup.create(vault)
    unfinished = backup.create(vault, dest=tmp_path / "elsewhere")
    staging = backup.backups_path(data_dir) / ".staging-00112233aabbccdd"
    shutil.copytree(unfinished.path, staging)
    (staging / "manifest.json").unlink()  # as a backup killed before its manifest
    vault.lock()
    window, dialogs = make_window(data_dir)
    unlock(qtbot, window)
    page = window.journal_page
    qtbot.waitUntil(lambda: page.pair_id == gone.pair_id, timeout=HANG_MS)
    window.remove_pair_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.opened), timeout=HANG_MS)
    confirm = dialogs.opened[-1]
    type_text(confirm.typed, "Inès")  # the pair's name, as the dialog asks
    qtbot.mouseClick(confirm.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.shown and dialogs.shown[-1][0] == "info", timeout=HANG_MS)
    _kind, title, text = dialogs.shown[-1]
    assert title == "Pair removed"
    assert (
        "One copy of the vault could not be read" in text
        and "backups/.staging-00112233aabbccdd" in text
    )
    assert "elsewhere" in text
    assert page.pairs_model.rowCount() == 1 and page.pair_id == kept.pair_id
    assert not staging.exists()
    assert len(backup.check_files(made.path).journal_files()) == 1
