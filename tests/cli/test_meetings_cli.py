"""``rm-journal meetings`` and ``sessions add --meeting`` (issue 19): what the Sessions tab
does, a script does: sessions with their days, entries joining them by rule, the
calendar file that names nobody."""

import datetime as dt

import icalendar

from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE

NAME, PROGRAM, CANARY = "Inès Zorglub", "Programme Canari", "canary-text-4417"


def _journal_state(root):
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        meetings = [
            (m.number, m.status.value, m.planned_date, m.held_date) for m in journal.meetings()
        ]
        entries = [(s.number, s.template_id) for s in journal.sessions()]
        log = [(r.kind, r.item_count) for r in journal.sharing_log()]
    return meetings, entries, log


def test_a_leaders_meetings_from_the_command_line(cheap_vault, capsys, tmp_path):
    root, _code = cheap_vault
    assert (
        run(
            capsys,
            "pairs",
            "add",
            "--name",
            NAME,
            "--role",
            "leader",
            "--program",
            PROGRAM,
            "--cadence",
            "monthly",
        )[0]
        == 0
    )
    today = ["--today", "2026-03-02"]
    code, out, _ = run(capsys, "meetings", "add", "1", *today)
    assert (code, out) == (0, "Planned session 1 for 2026-03-02.\n")
    assert (
        run(
            capsys,
            "sessions",
            "add",
            "1",
            "--template",
            "kickoff-charter",
            "--set",
            f"purpose={CANARY}",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "meetings", "held", "1", "1", "--on", "2026-03-03")
    assert out == "Session 1 held on 2026-03-03.\n"
    # the reflection after meeting 1 joins meeting 1, not a new number
    assert run(capsys, "sessions", "add", "1", "--template", "leader-reflection")[1] == (
        "Added session 1 (leader-reflection).\n"
    )
    code, out, _ = run(capsys, "meetings", "add", "1", *today)
    assert out == "Planned session 2 for 2026-04-03.\n"
    # a typed wrong date: one sentence, nothing changed
    code, out, err = run(capsys, "meetings", "edit", "1", "2", "--planned", "2026-02-30")
    assert code != 0 and "YYYY-MM-DD" in err and "Traceback" not in err
    assert run(capsys, "meetings", "edit", "1", "2", "--planned", "2026-04-07")[0] == 0
    assert (
        run(capsys, "sessions", "add", "1", "--template", "regular-session", "--meeting", "new")[0]
        == 0
    )
    code, out, _ = run(capsys, "meetings", "list", "1", *today)
    assert out.splitlines() == [
        "       1  held       planned 2026-03-02, held 2026-03-03   kickoff-charter, leader-reflection",
        "       2  planned    planned 2026-04-07                    no entry yet",
        "       3  planned    planned —                             regular-session",
        "Next session proposed for 2026-05-07.",
    ]
    assert (
        run(capsys, "meetings", "move", "1", "3", "--template", "regular-session", "--to", "2")[0]
        == 0
    )
    assert run(capsys, "meetings", "delete", "1", "3")[0] == 0
    meetings, entries, _log = _journal_state(root)
    assert meetings == [
        (1, "held", dt.date(2026, 3, 2), dt.date(2026, 3, 3)),
        (2, "planned", dt.date(2026, 4, 7), None),
    ]
    assert entries == [(1, "kickoff-charter"), (1, "leader-reflection"), (2, "regular-session")]

    # the calendar: one event for the next session, named nobody, nothing else
    target = tmp_path / "next.ics"
    code, out, err = run(
        capsys, "meetings", "calendar", "1", "-o", str(target), "--title", NAME, *today
    )
    assert code != 0 and "neutral title" in err and not target.exists()
    code, out, _ = run(capsys, "meetings", "calendar", "1", "-o", str(target), *today)
    assert code == 0, out
    data = target.read_bytes()
    for secret in (NAME, "Inès", PROGRAM, CANARY, "rm_journal", "rm-journal", "mentor", "leader"):
        assert secret.encode() not in data and secret.lower().encode() not in data.lower()
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("Meeting", dt.date(2026, 4, 7))
    ]
    assert {k for k in events[0]} <= {
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "CLASS",
        "TRANSP",
    }
    assert _journal_state(root)[2] == [("calendar", 1)]


def test_marking_held_without_a_day_stamps_today(cheap_vault, capsys):
    assert run(capsys, "pairs", "add", "--name", NAME, "--role", "leader")[0] == 0
    assert run(capsys, "sessions", "add", "1")[0] == 0
    code, out, _ = run(capsys, "meetings", "held", "1", "1", "--today", "2026-05-05")
    assert out == "Session 1 held on 2026-05-05.\n"
    code, out, err = run(
        capsys, "meetings", "calendar", "1", "-o", "x.ics", "--today", "2026-05-05"
    )
    assert code != 0 and "give the next one a date" in err
