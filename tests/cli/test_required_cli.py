"""sessions show names the required fields still empty of a session marked held or
reflected, as the session editor does (no command marks a session held: the app does)."""

from __future__ import annotations

from dataclasses import replace

from rm_journal.core.models import SessionStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE


def mark(root, status: SessionStatus, **fields) -> None:
    """What the app does when the Held or Reflected button is clicked (and fields typed)."""
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pairs()[0].pair_id)
        session = journal.sessions()[0]
        journal.update_session(replace(session, status=status))
        if fields:
            journal.set_fields(session.uuid, fields)


def test_sessions_show_names_the_empty_required_fields_of_a_held_session(cheap_vault, capsys):
    root, _ = cheap_vault
    assert run(capsys, "pairs", "add", "--name", "Inès", "--role", "leader")[0] == 0
    assert run(capsys, "sessions", "add", "1", "--text", "On a parlé des mails.")[0] == 0
    _, planned, _ = run(capsys, "sessions", "show", "1", "1", "--language", "en")
    assert "required" not in planned  # planned: nothing is asked yet

    mark(root, SessionStatus.HELD)
    code, out, _ = run(capsys, "sessions", "show", "1", "1", "--language", "en")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Session 1 — Regular session",
        "Marked held, but required fields are still empty: Topic.",
    ]
    _, french, _ = run(capsys, "sessions", "show", "1", "1", "--language", "fr")
    assert (
        "Marquée comme tenue, mais des champs obligatoires sont encore vides\u00a0: Sujet."
        in french
    )

    mark(root, SessionStatus.REFLECTED, topic="Sobriété numérique")
    _, filled, _ = run(capsys, "sessions", "show", "1", "1", "--language", "en")
    assert "required" not in filled and "Sobriété numérique" in filled
