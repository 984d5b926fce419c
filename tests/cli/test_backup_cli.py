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
    code, _out, err = run(capsys, "restore")
    assert code == 2 and "Name the backup folder" in err
    code, _out, err = run(capsys, "backup", "--keep-daily", "0", "--keep-weekly", "0")
    assert code != 0 and "at least one" in err


def test_check_names_the_backup_that_can_replace_a_damaged_journal(capsys, cheap_vault):
    root, _code = cheap_vault
    run(capsys, "pairs", "add", "--name", "A", "--role", "mentor")
    run(capsys, "sessions", "add", "1", "--text", "kept in the backup")
    journal = next((root / "journals").glob("*.rmj"))
    raw = bytearray(journal.read_bytes())
    raw[5000] ^= 0x40
    journal.write_bytes(bytes(raw))
    code, out, _ = run(capsys, "check")
    assert code == 3 and "no backup in the data folder holds a copy" in out
    code, _out, err = run(capsys, "restore", "--pair", "1")
    assert code != 0 and "No backup" in err and "Traceback" not in err

    journal.write_bytes(bytes(raw[:5000]) + bytes([raw[5000] ^ 0x40]) + bytes(raw[5001:]))
    assert run(capsys, "backup")[0] == 0
    journal.write_bytes(bytes(raw))  # damaged again, now with a backup that verifies
    made = backup.list_backups(root / "backups")[0]
    code, out, _ = run(capsys, "check")
    assert code == 3
    assert f"a copy that verifies: {made.path}" in out and "restore --pair 1" in out
    code, out, err = run(capsys, "restore", "--pair", "1")
    assert code == 0, err
    assert run(capsys, "check")[0] == 0
    code, out, _ = run(capsys, "search", "backup")
    assert code == 0 and "kept in the" in out


def test_a_backup_with_a_damaged_manifest_is_listed_as_damaged(capsys, cheap_vault):
    root, _code = cheap_vault
    run(capsys, "pairs", "add", "--name", "A", "--role", "mentor")
    assert run(capsys, "backup")[0] == 0
    assert run(capsys, "backup")[0] == 0
    damaged, whole = sorted((root / "backups").iterdir())
    (damaged / "manifest.json").write_text('{"format": "rm_journal-backup"')
    code, out, _ = run(capsys, "backups")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert any(line.startswith("DAMAGED ") and str(damaged) in line for line in lines)
    assert any(line.startswith("ok ") and str(whole) in line for line in lines)
