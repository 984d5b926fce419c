"""The CLI twin of Settings → Security (issue 19): ``passwd`` says what the backup-first
step did and refuses a wrong current passphrase; ``recovery-code --status`` says whether a
code is set and when it was made, never the code."""

from __future__ import annotations

import re

from tests.cli.conftest import run

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}")


def test_passwd_names_the_backup_it_took_first(cheap_vault, capsys, monkeypatch):
    root, _code = cheap_vault
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "second passphrase")
    code, out, err = run(capsys, "passwd")
    assert code == 0, err
    (taken,) = (root / "backups").iterdir()
    assert "written and checked first" in out and "OLD passphrase" in out
    assert str(taken) in out


def test_passwd_with_a_wrong_current_passphrase_changes_nothing(cheap_vault, capsys, monkeypatch):
    root, _code = cheap_vault
    before = (root / "vault.json").read_bytes()
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", "not the one at all")
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "second passphrase")
    code, _, err = run(capsys, "passwd")
    assert code == 1 and "passphrase is not correct" in err and "Traceback" not in err
    assert err.count("\n") == 1  # one sentence
    assert (root / "vault.json").read_bytes() == before
    assert not (root / "backups").exists()


def test_recovery_code_status_dates_the_code_and_never_shows_it(cheap_vault, capsys):
    _root, first = cheap_vault
    code, out, err = run(capsys, "recovery-code", "--status")
    assert code == 0, err
    assert re.search(r"A recovery code is set, made on \d{4}-\d\d-\d\d \d\d:\d\d\.", out)
    assert not CODE.search(out) and first not in out
    code, out, _ = run(capsys, "recovery-code")
    (second,) = CODE.findall(out)
    code, out, _ = run(capsys, "recovery-code", "--status")
    assert code == 0 and "made on" in out and second not in out
