"""A person's text cannot forge lines in the terminal: controls are shown, not obeyed.

The text is stored through the command line itself (pair names, session titles, a
long text from stdin) or arrives in an exchange file from a real partner vault; every
listing then prints none of the characters a terminal would act on.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.cli.text import one_line, visible
from rm_journal.core.models import Owner, Role, TakeawayStatus
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE
from tests.export.exchange_pair import mentor_prepares_meeting_one, two_sides

BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029}


def obeyed(text: str, *, newlines: bool) -> list[str]:
    """The characters of ``text`` a terminal would act on (tab allowed, newline if asked)."""
    allowed = {"\t", "\n"} if newlines else {"\t"}
    return [
        ch
        for ch in text
        if ch not in allowed
        and (
            ord(ch) < 0x20
            or 0x7F <= ord(ch) <= 0x9F
            or ord(ch) in BIDI
            or 0xD800 <= ord(ch) < 0xE000
        )
    ]


HOSTILE = (
    "\x1b[2J\x1b[HLinked. Safety number: 00000"  # clear the screen, then a fake line
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # an OSC 8 hyperlink
    "all is well\rFORGED"  # carriage return: overwrite the line
    "\x07\x00\x7f\x85\x9b"  # BEL, NUL, DEL, NEL, CSI (C1)
    "\u202eevil\u202c\u2066x\u2069\u200f"  # bidi override, isolate, mark
)


def test_visible_shows_each_kind_of_control():
    assert visible("\x1b[2J") == "^[[2J"
    link = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    assert visible(link) == "^[]8;;https://evil.example/^[\\click^[]8;;^[\\"
    assert visible("all is well\rFORGED") == "all is well^MFORGED"
    assert visible("ding\x07") == "ding^G"
    assert visible("\u202eevil") == "<U+202E>evil"
    assert visible("\x00\x7f\x85\x9b\u2066\u2069") == "^@^?<U+0085><U+009B><U+2066><U+2069>"
    # newlines are content in a body, not in one line of a listing; tabs stay
    assert visible("a\nb\tc") == "a\nb\tc"
    assert one_line("a\nb\tc") == "a^Jb\tc"
    # ordinary text of every script is left alone, and a second pass changes nothing
    plain = "Inès — 中文 עברית مرحبا 🙂 l'été"
    assert visible(plain) == plain
    assert visible(visible(HOSTILE)) == visible(HOSTILE)
    assert obeyed(visible(HOSTILE), newlines=True) == []
    assert obeyed(one_line(HOSTILE + "\nsecond"), newlines=False) == []


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))

    return feed


hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\r", "\n", "\x07", "\x9b", "\u202e", "\u2066", "\x00", "\t"]),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=15)
@given(name=hostile_text, title=hostile_text, body=hostile_text)
def test_every_listing_shows_stored_text_without_its_controls(
    cheap_vault, capsys, stdin, name, title, body
):
    code, _, err = run(capsys, "pairs", "add", "--name", f"P {name}", "--role", "leader")
    assert code == 0, err
    code, out, _ = run(capsys, "pairs", "list")
    number = str(len(out.splitlines()))  # the pair just added is the last one
    stdin(f"needle {body} needle")
    code, _, err = run(capsys, "sessions", "add", number, f"--title={title}", "--text-file", "-")
    assert code == 0, err
    listings = {
        "pairs list": (["pairs", "list"], int(number)),
        "sessions list": (["sessions", "list", number], 1),
        "search": (["search", "needle", "--limit", "500"], None),
        "templates list": (["templates", "list"], None),
        "sessions show": (["sessions", "show", number, "1"], None),
    }
    for what, (argv, rows) in listings.items():
        code, out, err = run(capsys, *argv)
        assert code == 0, (what, err)
        assert obeyed(out, newlines=True) == [], what
        assert obeyed(err, newlines=True) == [], what
        if rows is not None:  # one line per row: a stored newline cannot add one
            assert len(out.splitlines()) == rows, (what, out)
        if what == "search":  # each hit on a line of its own, starting with its pair number
            assert all(re.match(r" *\d+  \S", line) for line in out.splitlines()), out
    code, out, _ = run(capsys, "sessions", "show", number, "1")
    # every line of a session's text is indented under its field: none passes for a heading
    heading, blank, *_body = out.splitlines()
    assert heading.startswith("Session 1 — ") and blank == ""


def test_a_hostile_exchange_file_from_the_partner_prints_nothing_raw(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    with two_sides(tmp_path) as (_leader, mentor):
        prep = mentor_prepares_meeting_one(mentor)
        mentor.journal.set_fields(prep, {"agenda": [HOSTILE, "second\nline"]})
        mentor.journal.add_topic(HOSTILE, why=HOSTILE)
        mentor.journal.add_takeaway(HOSTILE, Role.MENTOR, status=TakeawayStatus.PROPOSED)
        mentor.journal.add_action(HOSTILE, Owner.BOTH)
        sent = mentor.send(("agenda", "topics", "takeaways", "actions"), "hostile.rmjx")
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "leader"), "receive", "1", str(sent))
    assert code == 0, err
    assert obeyed(out, newlines=True) == [] and obeyed(err, newlines=True) == []
    assert "^[[2J" in out and "<U+202E>evil" in out and "well^MFORGED" in out
    assert "second^Jline" in out  # an agenda point cannot start a line of its own
    assert not any(line.startswith("Linked.") for line in out.splitlines())
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path / "leader"), "receive", "1", str(sent), "--apply"
    )
    assert code == 0 and "Imported:" in out


class _Terminal(io.StringIO):
    """A keyboard that answers one line: stdin as a person's terminal."""

    def isatty(self) -> bool:
        return True


def test_a_question_naming_the_pair_shows_its_controls(cheap_vault, capsys, monkeypatch):
    code, _, err = run(capsys, "pairs", "add", "--name", HOSTILE + "\nok", "--role", "leader")
    assert code == 0, err
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    code, out, err = run(capsys, "pairs", "remove", "1")
    assert code == 0 and "Nothing was removed." in out, err
    assert obeyed(out, newlines=True) == [] and "<U+202E>evil" in out and "^Jok" in out
