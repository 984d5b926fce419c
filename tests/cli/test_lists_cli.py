"""takeaways and actions list, edit, delete from the command line, on a real vault."""

from __future__ import annotations

import pytest

from rm_journal.core.models import Attribution, Owner, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE, profile


@pytest.fixture
def filled(cheap_vault):
    root, _code = cheap_vault
    with DataDir.acquire(root) as dd:
        vault = Vault.unlock(dd, PASSPHRASE)
        pair = vault.add_pair(profile("Inès"))
        journal = vault.journal(pair.pair_id)
        session = start_session(journal, builtin("regular-session"))
        journal.set_fields(
            session.uuid,
            {
                "takeaways": [
                    {"text": "Différer les mails du soir", "status": "agreed"},
                    {"text": "Dire non une fois par semaine"},
                ],
                "actions": [{"text": "Programmer les envois", "owner": "leader"}],
            },
        )
        vault.lock()
    return root


def read(root):
    with DataDir.acquire(root) as dd:
        vault = Vault.unlock(dd, PASSPHRASE)
        journal = vault.journal(vault.pairs()[0].pair_id)
        found = journal.takeaways(), journal.actions()
        vault.lock()
    return found


def test_list_edit_and_delete_takeaways(filled, capsys):
    code, out, err = run(capsys, "takeaways", "list", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["1", "agreed", "anonymous"] and "mails du soir" in lines[0]
    assert "s.1" in lines[1] and lines[1].endswith("Dire non une fois par semaine")
    code, out, _ = run(capsys, "takeaways", "list", "1", "--status", "agreed")
    assert len(out.splitlines()) == 1

    code, out, err = run(
        capsys, "takeaways", "edit", "1", "1", "--text", "Couper les mails", "--status", "agreed"
    )
    assert code == 0 and "Takeaway 1 saved (proposed): Couper les mails" in out
    assert "reopen an agreement" in err  # the core's rule, said
    code, _, err = run(capsys, "takeaways", "edit", "1", "2", "--attribution", "never")
    assert code == 0, err
    takeaways, _ = read(filled)
    assert takeaways[0].status is TakeawayStatus.PROPOSED and takeaways[0].changed_after_agreement
    assert takeaways[1].attribution is Attribution.NEVER

    code, out, _ = run(capsys, "takeaways", "delete", "1", "2", "--yes")
    assert code == 0 and out == "Deleted: Dire non une fois par semaine\n"
    takeaways, _ = read(filled)
    assert [t.text for t in takeaways] == ["Couper les mails"]


def test_list_edit_and_delete_actions(filled, capsys):
    code, out, _ = run(capsys, "actions", "list", "1")
    assert code == 0 and out.split()[:4] == ["1", "open", "leader", "—"]
    code, out, err = run(
        capsys, "actions", "edit", "1", "1", "--owner", "both", "--due", "2026-02-01", "--done"
    )
    assert code == 0 and "Action 1 saved" in out, err
    _, actions = read(filled)
    assert actions[0].owner is Owner.BOTH and actions[0].due_date.isoformat() == "2026-02-01"
    assert actions[0].done_date is not None
    code, out, _ = run(capsys, "actions", "list", "1", "--open")
    assert out == ""
    assert run(capsys, "actions", "edit", "1", "1", "--reopen", "--no-due")[0] == 0
    _, actions = read(filled)
    assert actions[0].done_date is None and actions[0].due_date is None
    code, out, _ = run(capsys, "actions", "delete", "1", "1", "--yes")
    assert code == 0 and read(filled)[1] == []
    code, out, _ = run(capsys, "actions", "list", "1")
    assert out == "No actions yet.\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["takeaways", "delete", "1", "9", "--yes"], "No takeaway 9 in this pair"),
        (["takeaways", "delete", "1", "1"], "add --yes to confirm"),
        (["takeaways", "edit", "1", "1"], "Nothing to change"),
        (["takeaways", "edit", "1", "1", "--text", " "], "cannot be empty"),
        (["actions", "edit", "1", "1", "--due", "demain"], "YYYY-MM-DD"),
        (["actions", "edit", "1", "1", "--done", "--reopen"], "not both"),
        (["actions", "delete", "1", "0", "--yes"], "No action 0 in this pair"),
    ],
)
def test_bad_requests_are_refused_in_one_sentence_and_change_nothing(
    filled, capsys, argv, expected
):
    before = read(filled)
    code, _out, err = run(capsys, *argv)
    assert code != 0 and expected in err and err.count("\n") == 1, err
    assert read(filled) == before
