"""``rm-journal rotate-keys`` and ``rm-journal recovery-code`` (issue 17, point 6)."""

from __future__ import annotations

import re
import shutil

import pytest

from rm_journal.core.errors import VaultDamaged, WrongRecoveryCode
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE

CODE = re.compile(r"^    ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){6})$", re.MULTILINE)


def test_rotate_keys_replaces_every_key_and_names_the_old_backups(
    cheap_vault, capsys, monkeypatch, tmp_path
):
    root, old_code = cheap_vault
    assert run(capsys, "pairs", "add", "--name", "Inès", "--role", "leader")[0] == 0
    assert run(capsys, "backup")[0] == 0
    old_backup = next((root / "backups").iterdir())
    old_header = (root / "vault.json").read_bytes()

    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "short")
    code, _, err = run(capsys, "rotate-keys")
    assert code != 0 and "too short" in err and "Traceback" not in err
    assert (root / "vault.json").read_bytes() == old_header

    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "a brand new passphrase")
    code, out, err = run(capsys, "rotate-keys")
    assert code == 0, err
    assert "2/2 files" in out
    assert "1 backup taken before still opens with the OLD passphrase" in out
    assert str(old_backup) in out and "rm-journal backup" in out
    (new_code,) = CODE.findall(out)
    assert new_code != old_code

    code, _, err = run(capsys, "pairs")
    assert code == 1 and "passphrase is not correct" in err
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", "a brand new passphrase")
    code, out, _ = run(capsys, "pairs")
    assert code == 0 and "Inès" in out

    thief = tmp_path / "thief"
    shutil.copytree(root, thief, ignore=shutil.ignore_patterns("lock", "backups"))
    (thief / "vault.json").write_bytes(old_header)
    with DataDir.acquire(thief) as dd, pytest.raises(VaultDamaged):
        Vault.unlock(dd, PASSPHRASE)  # the old vault.json and passphrase
    with DataDir.acquire(root) as dd:
        with pytest.raises(WrongRecoveryCode):
            Vault.unlock_with_recovery(dd, old_code)
        Vault.unlock_with_recovery(dd, new_code).lock()


def test_recovery_code_replaces_the_code(cheap_vault, capsys):
    root, old_code = cheap_vault
    code, out, err = run(capsys, "recovery-code")
    assert code == 0, err
    (new_code,) = CODE.findall(out)
    assert "no longer opens" in out
    with DataDir.acquire(root) as dd:
        with pytest.raises(WrongRecoveryCode):
            Vault.unlock_with_recovery(dd, old_code)
        Vault.unlock_with_recovery(dd, new_code).lock()


def test_passwd_says_what_it_does_not_do(cheap_vault, capsys, monkeypatch):
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "second passphrase")
    code, out, _ = run(capsys, "passwd")
    assert code == 0 and "rotate-keys" in out and "old vault.json" in out
