"""`pairs edit`, `pairs end`, `pairs reopen` (issue 19): the app's edit, end and reopen
of a pair, from the command line, read back from the core."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import JournalEnded
from rm_journal.core.models import Cadence, Language
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE

SENTENCE = "This relationship has ended: reopen it to write in its journal."


def _add(capsys, name="Inès"):
    code, _out, _err = run(
        capsys, "pairs", "add", "--name", name, "--role", "leader", "--start", "2026-01-05"
    )
    assert code == 0


def _pair(root, number=0):
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        pair_id = vault.pair_ids()[number]
        return vault.journal(pair_id).pair()


def test_edit_changes_only_what_is_given(cheap_vault, capsys):
    root, _code = cheap_vault
    _add(capsys)
    code, out, err = run(
        capsys,
        "pairs",
        "edit",
        "1",
        "--name",
        "Claire",
        "--program",
        "Pilote 2027",
        "--cadence",
        "fortnightly",
        "--language",
        "fr",
        "--start",
        "2026-02-01",
    )
    assert (code, err) == (0, "")
    assert "Saved the pair" in out and "Claire" in out
    p = _pair(root)
    assert p.profile.display_name == "Claire"
    assert p.profile.program == "Pilote 2027"
    assert p.profile.cadence is Cadence.FORTNIGHTLY
    assert p.profile.language is Language.FR
    assert p.profile.start_date == dt.date(2026, 2, 1)
    code, _out, _err = run(capsys, "pairs", "edit", "1", "--program", "")
    assert code == 0
    p = _pair(root)
    assert (p.profile.program, p.profile.display_name) == ("", "Claire")
    code, out, _err = run(capsys, "pairs", "list")
    assert "Claire" in out


def test_edit_refusals_are_one_line_and_change_nothing(cheap_vault, capsys):
    root, _code = cheap_vault
    _add(capsys)
    for argv, words in (
        (("pairs", "edit", "1"), "Nothing to change"),
        (("pairs", "edit", "1", "--name", "  "), "name"),
        (("pairs", "edit", "1", "--start", "5 janvier"), "YYYY-MM-DD"),
        (("pairs", "edit", "7", "--name", "X"), "No pair '7'"),
    ):
        code, _out, err = run(capsys, *argv)
        assert code == 2 if words != "No pair '7'" else code == 1, argv
        assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert _pair(root).profile.display_name == "Inès"


@settings(max_examples=20)
@given(name=st.text(min_size=1, max_size=90).filter(lambda t: "\x00" not in t))
def test_edit_takes_any_name_or_refuses_it_in_one_line(cheap_vault, capsys, name):
    _root, _code = cheap_vault
    if not run(capsys, "pairs", "list")[1].strip().startswith("1"):
        _add(capsys)
    code, _out, err = run(capsys, "pairs", "edit", "1", f"--name={name}")
    if code == 0:
        assert err == ""
    else:
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_end_makes_the_journal_read_only_and_reopen_undoes_it(cheap_vault, capsys):
    root, _code = cheap_vault
    _add(capsys)
    _add(capsys, "Claire")
    code, out, err = run(capsys, "pairs", "end", "1", "--on", "2026-06-30")
    assert (code, err) == (0, "")
    assert "ended on 2026-06-30" in out and "read-only" in out
    assert _pair(root).ended_on == dt.date(2026, 6, 30)
    assert _pair(root, 1).ended_on is None
    code, out, _err = run(capsys, "pairs", "list")
    assert "ended 2026-06-30, read-only" in out.splitlines()[0]
    assert "ended" not in out.splitlines()[1]
    # every write refused, in the one sentence
    for argv in (
        ("pairs", "edit", "1", "--name", "X"),
        ("pairs", "end", "1"),
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1 and err == f"rm-journal: {SENTENCE}\n", argv
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        with pytest.raises(JournalEnded):
            journal.add_topic("refused")
        assert journal.topics() == []
    code, out, err = run(capsys, "pairs", "reopen", "1")
    assert (code, err) == (0, "") and "reopened" in out
    assert _pair(root).ended_on is None
    code, out, _err = run(capsys, "pairs", "reopen", "1")
    assert code == 0 and "has not ended" in out
    assert run(capsys, "pairs", "edit", "1", "--name", "Inès B.")[0] == 0
    assert _pair(root).profile.display_name == "Inès B."


def test_end_refusals_are_one_line(cheap_vault, capsys):
    root, _code = cheap_vault
    _add(capsys)
    for day, words in (("30/06/2026", "YYYY-MM-DD"), ("2025-12-31", "before the start date")):
        code, _out, err = run(capsys, "pairs", "end", "1", "--on", day)
        assert code == 2 and words in err and err.count("\n") == 1
    assert _pair(root).ended_on is None
