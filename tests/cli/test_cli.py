import ast
import json
import os
import subprocess
from pathlib import Path

import pytest

import rm_journal
from rm_journal import __version__, cli
from rm_journal.cli import common
from rm_journal.core.keys import crypto
from rm_journal.core.models import Language, PairProfile, Role, TakeawayStatus
from rm_journal.core.storage import header
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import CHEAP_KDF, PASSPHRASE, PYTHON, Lines, subprocess_env

PACKAGE = Path(rm_journal.__file__).parent


def test_pairs_add_list_remove(cheap_vault, capsys):
    code, out, _ = run(
        capsys,
        "pairs",
        "add",
        "--name",
        "Inès",
        "--role",
        "leader",
        "--program",
        "Orange",
        "--start",
        "2026-01-15",
        "--language",
        "fr",
    )
    assert code == 0 and "Added the pair" in out
    code, out, _ = run(capsys, "pairs", "list")
    assert code == 0 and "Inès" in out and "Orange" in out and "since 2026-01-15" in out
    code, out, err = run(capsys, "pairs", "remove", "1")
    assert code == 2 and "--yes" in err  # no terminal to confirm: refuse
    code, out, _ = run(capsys, "pairs", "remove", "1", "--yes")
    assert code == 0 and "destroyed" in out
    code, out, _ = run(capsys, "pairs")
    assert "No pairs yet" in out


def test_check_reports_a_damaged_journal_by_file_name(cheap_vault, capsys):
    root, _ = cheap_vault
    run(capsys, "pairs", "add", "--name", "A", "--role", "mentor")
    code, out, _ = run(capsys, "check")
    assert code == 0 and "Every file passed" in out
    journal = next((root / "journals").glob("*.rmj"))
    raw = bytearray(journal.read_bytes())
    raw[5000] ^= 0x40
    journal.write_bytes(bytes(raw))
    code, out, err = run(capsys, "check")
    assert code == common.EXIT_PROBLEMS_FOUND
    assert f"DAMAGED  journals/{journal.name}" in out
    assert "failed the check" in err


def test_passwd_and_recover(cheap_vault, capsys, monkeypatch):
    root, recovery_code = cheap_vault
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "second passphrase")
    assert run(capsys, "passwd")[0] == 0
    before_change = sorted((root / "backups").iterdir())
    assert [p.name.endswith("-before-passphrase-change") for p in before_change] == [True]
    code, _, err = run(capsys, "pairs")
    assert code == 1 and "passphrase is not correct" in err
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", "second passphrase")
    assert run(capsys, "pairs")[0] == 0
    monkeypatch.setenv("RM_JOURNAL_RECOVERY_CODE", recovery_code)
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "third passphrase")
    assert run(capsys, "recover")[0] == 0
    assert sorted((root / "backups").iterdir()) == before_change  # recovery writes none
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", "third passphrase")
    assert run(capsys, "pairs")[0] == 0
    # the KDF cost stays what was calibrated at creation
    assert (
        header.read(root / "vault.json").slots["passphrase"].kdf.memory_kib == CHEAP_KDF.memory_kib
    )


def test_passphrase_from_a_file_descriptor(cheap_vault, capsys, monkeypatch):
    monkeypatch.delenv("RM_JOURNAL_PASSPHRASE")
    read_end, write_end = os.pipe()
    os.write(write_end, PASSPHRASE.encode() + b"\n")
    os.close(write_end)
    try:
        code, _out, err = run(capsys, "--passphrase-fd", str(read_end), "pairs", "list")
    finally:
        os.close(read_end)
    assert code == 0, err


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["pairs"], {"RM_JOURNAL_PASSPHRASE": "nope nope nope"}, "passphrase is not correct"),
        (["recover"], {"RM_JOURNAL_RECOVERY_CODE": "ABCD"}, "has 28 letters"),
        (["pairs", "remove", "zzzz", "--yes"], {}, "No pair 'zzzz'"),
        (["pairs", "add", "--name", " ", "--role", "leader"], {}, "cannot be empty"),
        (["pairs", "add", "--name", "x", "--role", "leader", "--start", "soon"], {}, "YYYY-MM-DD"),
        (["passwd"], {"RM_JOURNAL_NEW_PASSPHRASE": "short"}, "too short"),
        (["init"], {}, "already exists"),
    ],
)
def test_errors_are_one_sentence_without_traceback(
    cheap_vault, capsys, monkeypatch, argv, env, expected
):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    code, _, err = run(capsys, *argv)
    assert code != 0
    assert expected in err
    assert err.count("\n") == 1 and err.startswith("rm-journal: ")
    assert "Traceback" not in err


def test_no_secret_and_no_terminal_is_a_clear_error(cheap_vault, capsys, monkeypatch):
    monkeypatch.delenv("RM_JOURNAL_PASSPHRASE")
    code, _, err = run(capsys, "pairs")
    assert code == common.EXIT_USAGE and "--passphrase-fd" in err


def test_missing_vault_and_second_instance(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "pairs")
    assert code == 1 and "No vault was found" in err
    with DataDir.acquire(tmp_path / "busy"):
        code, _, err = run(capsys, "--data-dir", str(tmp_path / "busy"), "pairs")
    assert code == 1 and "already open" in err


def test_no_command_opens_the_app_and_a_second_launch_says_it_is_open(tmp_path):
    env = subprocess_env(tmp_path, QT_QPA_PLATFORM="offscreen", RM_JOURNAL_LOG="info")
    command = [PYTHON, "-m", "rm_journal", "--data-dir", str(tmp_path / "data")]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as first:
        try:
            Lines(first.stderr).wait_for_line("window shown")  # logged once the window is up
            with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as second:
                line = second.stderr.readline()
                second.kill()
            assert line.startswith("rm-journal: rm_journal is already open with the data folder")
            assert first.poll() is None  # the window is still up and waiting for the user
        finally:
            first.kill()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_the_desktop_start_builds_no_command(tmp_path):
    """With no command, rm-journal opens the app: no command module, no crypto loaded."""
    code = (
        "import sys\n"
        "from rm_journal.cli import desktop, parser\n"
        "args = parser.parse(['--data-dir', 'somewhere'])\n"
        "assert args.func is desktop.cmd_open_app, args\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [PYTHON, "-c", code], env=subprocess_env(tmp_path), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "rm_journal.cli.parser" in loaded
    commands = {"backup", "exchange", "pairs", "sessions", "share", "templates", "vault"}
    heavy = {f"rm_journal.cli.{name}" for name in commands} | {
        "rm_journal.core.vault",
        "cryptography",
        "sqlcipher3",
        "PySide6",
    }
    assert loaded.isdisjoint(heavy), loaded & heavy


@pytest.mark.slow
def test_init_and_demo_never_create_a_vault_below_the_floor(tmp_path):
    """The real commands, as a user runs them: calibrated Argon2id, at or above the floor."""
    env = subprocess_env(tmp_path, RM_JOURNAL_PASSPHRASE="a real passphrase for init")
    data = tmp_path / "data"
    result = subprocess.run(
        [PYTHON, "-m", "rm_journal", "--data-dir", str(data), "init"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Recovery code" in result.stdout
    demo = tmp_path / "demo"
    result = subprocess.run(
        [PYTHON, "-m", "rm_journal", "demo", str(demo)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    demo_passphrase = result.stdout.split("Its passphrase is: ")[1].split()[0]
    for root in (data, demo):
        kdf = header.read(root / "vault.json").slots["passphrase"].kdf
        assert kdf.name == crypto.ARGON2ID and not kdf.below_floor
        assert kdf.memory_kib >= 64 * 1024 and kdf.iterations >= 3
    listing = subprocess.run(
        [PYTHON, "-m", "rm_journal", "--data-dir", str(demo), "pairs", "list"],
        env={**env, "RM_JOURNAL_PASSPHRASE": demo_passphrase},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Inès" in listing and "The CFO" in listing


def test_only_tests_pass_cheap_kdf_parameters():
    """No code in the package passes kdf_params_for_tests: the app and CLI always calibrate."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(
                k.arg == "kdf_params_for_tests" for k in node.keywords
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_templates_commands(cheap_vault, capsys, tmp_path):
    code, out, _ = run(capsys, "templates", "list")
    assert code == 0 and out.count("built-in") == 8
    code, out, _ = run(capsys, "templates", "show", "leader-reflection", "--language", "fr")
    assert code == 0 and "Une certitude ébranlée [certainty: long_text, private]" in out
    assert run(capsys, "templates", "copy", "regular-session", "monthly")[0] == 0
    target = tmp_path / "monthly.json"
    assert run(capsys, "templates", "export", "monthly", str(target))[0] == 0
    code, _, err = run(capsys, "templates", "export", "monthly", str(target))
    assert code == 2 and "--force" in err
    doc = json.loads(target.read_text("utf-8"))
    doc["version"] = 2
    doc["sections"][0]["fields"][0]["type"] = "essay"
    target.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "templates", "import", str(target))
    assert code == 2
    assert err.startswith(
        "rm-journal: In template 'monthly', field 'checkin': unknown type 'essay'"
    )
    assert err.count("\n") == 1
    doc["sections"][0]["fields"][0]["type"] = "long_text"
    target.write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = run(capsys, "templates", "import", str(target))
    assert code == 0 and "version 2" in out
    assert run(capsys, "templates", "remove", "monthly")[0] == 0
    code, _, err = run(capsys, "templates", "remove", "regular-session")
    assert code == 2 and "cannot be removed" in err


def test_sessions_commands(cheap_vault, capsys):
    root, _ = cheap_vault
    from rm_journal.templates.library import builtin, start_session

    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        j = v.journal(v.add_pair(PairProfile("Inès", Role.LEADER, language=Language.FR)).pair_id)
        s = start_session(j, builtin("regular-session"), title="Sobriété")
        j.set_fields(
            s.uuid,
            {"topic": "Sobriété numérique", "takeaways": [{"text": "Différer les mails du soir"}]},
        )
    code, out, _ = run(capsys, "sessions", "list", "1")
    assert code == 0 and "regular-session" in out and "Sobriété" in out
    code, out, _ = run(capsys, "sessions", "show", "1", "1")
    assert code == 0
    assert out.startswith("Séance 1 — Séance régulière · Sobriété")
    assert "Différer les mails du soir (privé)" in out
    code, out, _ = run(capsys, "sessions", "show", "1", "1", "--language", "en")
    assert "Takeaways:" in out
    code, _, err = run(capsys, "sessions", "show", "1", "9")
    assert code == 1 and "No session 9" in err


def test_demo_shows_every_builtin_template(tmp_path, capsys):
    from rm_journal import demo
    from rm_journal.templates.library import BUILTIN_ORDER

    with DataDir.acquire(tmp_path / "demo") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        with vault:
            demo.fill(vault)
            used = {
                s.template_id for pid in vault.pair_ids() for s in vault.journal(pid).sessions()
            }
            languages = {e.pair.profile.language for e in vault.pairs()}
            agreed = sum(
                len(vault.journal(pid).takeaways(status=TakeawayStatus.AGREED))
                for pid in vault.pair_ids()
            )
    assert used == set(BUILTIN_ORDER)
    assert languages == {Language.EN, Language.FR}
    assert agreed >= 5


@pytest.mark.parametrize("weak", ["password", "12345678", "password123", "azertyuiop"])
def test_the_cli_refuses_a_passphrase_the_app_calls_weak(cheap_vault, capsys, monkeypatch, weak):
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", weak)
    code, _, err = run(capsys, "passwd")
    assert code != 0 and "too easy to guess" in err and err.count("\n") == 1
    monkeypatch.setenv("RM_JOURNAL_DATA_DIR", str(cheap_vault[0].parent / "fresh"))
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", weak)
    code, _, err = run(capsys, "init")
    assert code != 0 and "too easy to guess" in err
    assert not (cheap_vault[0].parent / "fresh" / "vault.json").exists()


def test_a_vault_json_asking_for_an_uncalibrated_cost_is_refused_at_once(cheap_vault, capsys):
    from rm_journal.core.keys import crypto
    from rm_journal.core.storage import header

    root, _code = cheap_vault
    hdr = header.read(root / "vault.json")
    slot = hdr.slots[header.PASSPHRASE_SLOT]
    costly = crypto.KdfParams(crypto.ARGON2ID, slot.kdf.salt, 512 * 1024, 4, 4)
    hdr = hdr.with_slot(header.PASSPHRASE_SLOT, header.Slot(costly, slot.nonce, slot.wrapped_key))
    header.write(root / "vault.json", hdr)  # checksum recomputed, as an editor would
    code, _, err = run(capsys, "pairs", "list")
    assert code != 0 and err.count("\n") == 1
    assert "more memory or passes than rm_journal ever sets" in err


def test_templates_list_for_a_role_and_a_named_copy(cheap_vault, capsys):
    assert (
        run(capsys, "templates", "copy", "mentor-self-check", "my-check", "--name", "Mon point")[0]
        == 0
    )
    code, out, _ = run(capsys, "templates", "list", "--for", "leader", "--language", "fr")
    assert code == 0
    lines = out.splitlines()
    ids = [line.split()[0] for line in lines]
    cut = lines.index("-- written for the mentor --")
    assert ids[:cut] == [
        "kickoff-charter",
        "regular-session",
        "leader-reflection",
        "mid-point-review",
        "closing-retrospective",
        "group-session",
    ]
    assert ids[cut + 1 :] == ["mentor-preparation", "mentor-self-check", "my-check"]
    assert "Bilan à mi-parcours" in out and lines[-1].endswith("custom   mentor  Mon point")
    code, out, _ = run(capsys, "templates", "list", "--for", "mentor")
    lines = out.splitlines()
    cut = lines.index("-- written for the leader --")
    assert [line.split()[0] for line in lines[cut + 1 :]] == ["leader-reflection"]
    assert "my-check" in out.split("-- written")[0]
    code, _, err = run(capsys, "templates", "copy", "regular-session", "my-check")
    assert code == 2 and err.count("\n") == 1 and "already a template 'my-check'" in err
