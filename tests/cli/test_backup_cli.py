"""rm-journal backup / backups / restore, driven as a user would."""

from rm_journal.core import backup
from tests.cli.conftest import run


def test_backup_list_and_restore_from_the_command_line(capsys, cheap_vault, tmp_path):
    root, _code = cheap_vault
    assert run(capsys, "pairs", "add", "--name", "Inès", "--role", "leader")[0] == 0
    code, out, err = run(capsys, "backup")
    assert code == 0, err
    assert "written and verified" in out and "1 journal(s)" in out
    made = backup.list_backups(root / "backups")[0]
    assert str(made.path) in out

    elsewhere = tmp_path / "usb"
    code, out, _ = run(capsys, "backup", str(elsewhere))
    assert code == 0 and str(elsewhere) in out

    assert run(capsys, "pairs", "add", "--name", "Jules", "--role", "leader")[0] == 0
    code, out, _ = run(capsys, "backups")
    assert code == 0 and out.startswith("ok ") and "manual" in out

    code, out, err = run(capsys, "restore", str(made.path))
    assert code == 0, err
    assert "kept in" in out and "Restored" in out
    code, out, _ = run(capsys, "pairs", "list")
    assert "Inès" in out and "Jules" not in out


def test_restore_of_something_else_says_so_in_one_line(capsys, cheap_vault, tmp_path):
    code, _out, err = run(capsys, "restore", str(tmp_path))
    assert code != 0
    assert err.count("\n") == 1 and "no manifest" in err and "Traceback" not in err
    code, _out, err = run(capsys, "backup", "--keep-daily", "0", "--keep-weekly", "0")
    assert code != 0 and "at least one" in err
