"""Changing the passphrase against the current one, and when the recovery code was made
(issue 19: Settings → Security)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core import backup
from rm_journal.core.errors import WrongPassphrase, WrongRecoveryCode
from rm_journal.core.vault import RECOVERY_NOTE, Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE

NEW = "lanterne violon écluse 7"


def test_a_wrong_current_passphrase_changes_nothing(data_dir, vault):
    before = data_dir.header_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase(NEW, current="not the passphrase at all")
    assert data_dir.header_path.read_bytes() == before
    assert not backup.backups_path(data_dir).exists()  # not even the backup-first step ran
    vault.lock()
    Vault.unlock(data_dir, PASSPHRASE).lock()


def test_the_change_hands_back_the_backup_taken_first(data_dir, vault):
    taken = vault.change_passphrase(NEW, current=PASSPHRASE)
    assert taken is not None and taken.kind == backup.BEFORE_PASSPHRASE_CHANGE
    assert taken.path.parent == backup.backups_path(data_dir)
    backup.unlock_backup(taken.path, PASSPHRASE).wipe()  # the backup keeps the old one
    with pytest.raises(WrongPassphrase):
        backup.unlock_backup(taken.path, NEW)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    Vault.unlock(data_dir, NEW).lock()


def test_without_the_backup_first_nothing_is_handed_back(vault):
    assert vault.change_passphrase(NEW, backup_first=False) is None


@settings(max_examples=25)
@given(st.text(max_size=80))
def test_only_the_passphrase_itself_verifies(vault, typed):
    if typed == PASSPHRASE:
        vault.verify_passphrase(typed)
        return
    with pytest.raises(WrongPassphrase):
        vault.verify_passphrase(typed)


def test_the_recovery_code_is_dated_when_made_and_when_replaced(data_dir):
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    vault, first = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    with vault:
        made = vault.recovery_code_made()
        assert made is not None and start <= made <= dt.datetime.now(dt.UTC)
        old_note = vault.setting(RECOVERY_NOTE)
        assert first.replace("-", "") not in json.dumps(old_note).replace("-", "")  # no code
        second = vault.replace_recovery_code()
        assert vault.recovery_code_made() is not None
        assert vault.setting(RECOVERY_NOTE) != old_note
        # a note left from the older code never dates the new one
        vault.set_setting(RECOVERY_NOTE, old_note)
        assert vault.recovery_code_made() is None
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, first).lock()
    Vault.unlock_with_recovery(data_dir, second).lock()


@pytest.mark.parametrize("note", [None, "2026-01-01", {"made": "yesterday"}, [1, 2]])
def test_an_unknown_or_odd_note_dates_nothing(vault, note):
    vault.set_setting(RECOVERY_NOTE, note)
    assert vault.recovery_code_made() is None


def test_rotating_every_key_dates_the_new_code(vault):
    vault.set_setting(RECOVERY_NOTE, None)
    vault.rotate_keys(NEW)
    assert vault.recovery_code_made() is not None
