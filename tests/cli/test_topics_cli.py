"""``rm-journal topics``: the Topics tab's twin, on a real vault."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.models import TopicStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import topic_library
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE


@pytest.fixture
def pair(cheap_vault, capsys):
    code, _, err = run(
        capsys, "pairs", "add", "--name", "Inès", "--role", "mentor", "--language", "fr"
    )
    assert code == 0, err
    return cheap_vault


def journal_of(root):
    """The journal as the core holds it, opened after the commands ran."""
    with DataDir.acquire(root) as dd:
        vault = Vault.unlock(dd, PASSPHRASE)
        try:
            journal = vault.journal(vault.pair_ids()[0])
            sessions = journal.sessions()
            return journal.topics(), {s.number: journal.fields(s.uuid) for s in sessions}
        finally:
            vault.lock()


def test_the_backlog_from_the_command_line(pair, capsys):
    root, _ = pair
    code, out, err = run(
        capsys,
        "topics",
        "add",
        "1",
        "--title",
        "Droit à la déconnexion",
        "--why",
        "Il répond à minuit",
        "--question",
        "Quand coupez-vous ?",
        "--question",
        " ",
        "--question",
        "Qui vous écrit ?",
    )
    assert code == 0 and "Added topic 1: Droit à la déconnexion" in out, err
    assert run(capsys, "topics", "add", "1", "--title", "Réunions debout")[0] == 0
    key = topic_library()[2].key
    code, out, _ = run(capsys, "topics", "add", "1", "--library", key)
    library_title = topic_library()[2].title.get("fr")  # the pair's language
    assert code == 0 and f"Added: {library_title}" in out
    code, out, _ = run(capsys, "topics", "add", "1", "--library", key)
    assert code == 0 and "1 already in the backlog" in out

    code, out, _ = run(capsys, "topics", "edit", "1", "2", "--title", "Réunions de 15 minutes")
    assert code == 0 and "Topic 2 saved: Réunions de 15 minutes" in out
    assert run(capsys, "topics", "drop", "1", "3")[0] == 0
    code, out, _ = run(capsys, "topics", "list", "1", "--status", "dropped")
    assert out.split() == ["3", "dropped", *library_title.split()]
    assert run(capsys, "topics", "drop", "1", "3", "--back")[0] == 0
    assert run(capsys, "topics", "drop", "1", "3")[0] == 0
    code, out, err = run(capsys, "topics", "delete", "1", "2", "--yes")
    assert code == 0 and "Deleted: Réunions de 15 minutes" in out, err

    assert run(capsys, "sessions", "add", "1", "--template", "mentor-preparation")[0] == 0
    code, out, err = run(capsys, "topics", "plan", "1", "1", "1")
    assert code == 0 and "planned for session 1" in out, err
    code, out, _ = run(capsys, "topics", "list", "1", "--details")
    assert "planned for session 1" in out and "? Qui vous écrit ?" in out

    topics, fields = journal_of(root)
    assert [(t.title, t.status) for t in topics] == [
        ("Droit à la déconnexion", TopicStatus.PLANNED),
        (library_title, TopicStatus.DROPPED),
    ]
    assert topics[0].questions == ["Quand coupez-vous ?", "Qui vous écrit ?"]
    assert fields[1]["topic"] == "Droit à la déconnexion"  # the blank field took the title


def test_planning_keeps_a_typed_topic_and_unplans(pair, capsys):
    root, _ = pair
    argv = ["sessions", "add", "1", "--template", "mentor-preparation", "--set", "topic=Le mien"]
    assert run(capsys, *argv)[0] == 0
    assert run(capsys, "topics", "add", "1", "--title", "Autre")[0] == 0
    assert run(capsys, "topics", "plan", "1", "1", "1")[0] == 0
    topics, fields = journal_of(root)
    assert fields[1]["topic"] == "Le mien"
    assert topics[0].status is TopicStatus.PLANNED
    assert run(capsys, "topics", "plan", "1", "1", "--idea")[0] == 0
    topics, _ = journal_of(root)
    assert topics[0].status is TopicStatus.IDEA and topics[0].planned_session_uuid is None


def test_the_library_lists_its_keys(cheap_vault, capsys):
    code, out, _ = run(capsys, "topics", "library", "--language", "fr", "--details")
    assert code == 0
    first = topic_library()[0]
    assert out.splitlines()[0].split()[0] == first.key and first.title.get("fr") in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["topics", "add", "1"], "Give either --title"),
        (["topics", "add", "1", "--title", "x", "--library", "ai_at_work"], "Give either"),
        (["topics", "add", "1", "--title", "   "], "cannot be empty"),
        (["topics", "add", "1", "--library", "nope"], "no topic 'nope'"),
        (["topics", "edit", "1", "9", "--title", "x"], "No topic 9"),
        (["topics", "drop", "1", "0"], "No topic 0"),
        (["topics", "plan", "1", "1"], "Give the session number"),
        (["topics", "plan", "1", "1", "4"], "No session 4"),
        (["topics", "delete", "1", "1"], "add --yes"),
        (["topics", "edit", "1", "1"], "Nothing to change"),
    ],
)
def test_wrong_calls_say_why_in_one_line(pair, capsys, argv, expected):
    if argv[1] in ("edit", "drop", "plan", "delete"):
        assert run(capsys, "topics", "add", "1", "--title", "Un sujet")[0] == 0
    code, _, err = run(capsys, *argv)
    assert code != 0 and expected in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@settings(max_examples=15)
@given(title=st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_title_goes_in_and_comes_back(pair, capsys, title):
    code, _, err = run(capsys, "topics", "add", "1", f"--title={title}")
    assert code == 0, err
    topics, _ = journal_of(pair[0])
    assert topics[-1].title == title.strip()
