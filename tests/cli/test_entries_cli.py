"""search, sessions add and sessions list --last, on a real vault."""

from __future__ import annotations

import pytest

from rm_journal.cli import common
from tests.cli.conftest import run


@pytest.fixture
def pair(cheap_vault, capsys):
    code, _, err = run(capsys, "pairs", "add", "--name", "Inès", "--role", "leader")
    assert code == 0, err
    return cheap_vault


def test_add_then_find_then_list_the_last(pair, capsys):
    code, out, err = run(
        capsys,
        "sessions",
        "add",
        "1",
        "--date",
        "2026-03-01",
        "--text",
        "Le comité préfère les réunions courtes ; ornithorynque.",
        "--set",
        "topic=Réunions",
    )
    assert code == 0 and "Added session 1 (regular-session)" in out, err
    for n in range(2, 5):
        assert run(capsys, "sessions", "add", "1", "--text", f"Séance {n}")[0] == 0
    code, out, _ = run(capsys, "search", "ornithorynque")
    assert code == 0
    assert "  1  session 1 (regular-session) checkin:" in out and "[ornithorynque]" in out
    code, out, _ = run(capsys, "search", "introuvable")
    assert code == 0 and "Nothing matches" in out
    code, out, _ = run(capsys, "sessions", "list", "1", "--last", "2")
    assert [line.split()[0] for line in out.splitlines()] == ["3", "4"]
    code, out, _ = run(capsys, "sessions", "show", "1", "1")
    assert "Réunions" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["sessions", "add", "1", "--set", "nope=x"], "one of this template's fields"),
        (["sessions", "add", "1", "--set", "novalue"], "--set KEY=TEXT"),
        (
            ["sessions", "add", "1", "--template", "mentor-self-check", "--set", "clarity=x"],
            "rating",
        ),
        (["sessions", "add", "1", "--template", "zzz"], "No template 'zzz'"),
        (["sessions", "add", "1", "--date", "demain"], "YYYY-MM-DD"),
    ],
)
def test_bad_entries_are_refused_in_one_sentence(pair, capsys, argv, expected):
    code, _out, err = run(capsys, *argv)
    assert code != 0 and expected in err and err.count("\n") == 1
    assert run(capsys, "sessions", "list", "1")[1].strip() == "No sessions yet."
    assert common.EXIT_USAGE == 2
