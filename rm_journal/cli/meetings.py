"""``rm-journal meetings``: a pair's meetings, their days and status, their entries, and
the calendar file that names nobody (the app's Sessions tab, for scripts)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from rm_journal.cli.common import EXIT_OK, Subparsers, find_pair, unlocked, usage
from rm_journal.cli.text import one_line
from rm_journal.core.errors import InvalidInput
from rm_journal.core.models import Meeting, SessionStatus

NONE = "none"


def _day(text: str | None, what: str) -> dt.date | None:
    if text is None or text == NONE:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"The {what} must be written YYYY-MM-DD (or '{NONE}').") from None


def _today(args: argparse.Namespace) -> dt.date:
    return _day(args.today, "date of today") or dt.date.today()


def _row(m: Meeting, count: int | None, templates: list[str]) -> str:
    number = f"{m.number} of {count}" if count else str(m.number)
    days = f"planned {m.planned_date or '—'}" + (f", held {m.held_date}" if m.held_date else "")
    entries = ", ".join(templates) or "no entry yet"
    return one_line(f"{number:>8}  {m.status.value:<9}  {days:<36}  {entries}")


def cmd_meetings_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        meetings = journal.meetings()
        count = journal.charter().meeting_count
        entries: dict[int, list[str]] = {}
        for s in journal.sessions():
            entries.setdefault(s.number, []).append(s.template_id)
        if not meetings:
            print("No sessions yet.", file=out)
        for m in meetings:
            print(_row(m, count, entries.get(m.number, [])), file=out)
        proposed = journal.propose_next_date(_today(args))
        if proposed:
            print(f"Next session proposed for {proposed.isoformat()}.", file=out)
    return EXIT_OK


def cmd_meetings_add(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        day = _day(args.planned, "planned date") if args.planned else None
        if args.planned is None:
            day = journal.propose_next_date(_today(args))
        meeting = journal.add_meeting(day)
        when = f" for {meeting.planned_date}" if meeting.planned_date else " with no date yet"
        print(f"Planned session {meeting.number}{when}.", file=out)
    return EXIT_OK


def cmd_meetings_edit(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        meeting = journal.meeting(args.number)
        if args.status:
            meeting = journal.mark_meeting(args.number, SessionStatus(args.status), _today(args))
        planned = meeting.planned_date
        held = meeting.held_date
        if args.planned is not None:
            planned = _day(args.planned, "planned date")
        if args.held is not None:
            held = _day(args.held, "held date")
            if held is not None and not meeting.held:  # a held day means it was held
                meeting = journal.mark_meeting(args.number, SessionStatus.HELD, held)
        meeting = journal.update_meeting(
            Meeting(
                meeting.number,
                meeting.uuid,
                meeting.status,
                planned,
                held,
                meeting.created_at,
                meeting.updated_at,
            )
        )
        print(_row(meeting, None, []).split("  no entry yet")[0].rstrip(), file=out)
    return EXIT_OK


def cmd_meetings_held(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        on = _day(args.on, "held date") if args.on else None
        meeting = journal.meeting(args.number)
        if on is not None:
            meeting = journal.mark_meeting(args.number, SessionStatus.HELD, on)
            meeting = journal.update_meeting(
                Meeting(
                    meeting.number,
                    meeting.uuid,
                    meeting.status,
                    meeting.planned_date,
                    on,
                    meeting.created_at,
                    meeting.updated_at,
                )
            )
        else:
            meeting = journal.mark_meeting(args.number, SessionStatus.HELD, _today(args))
        print(f"Session {meeting.number} held on {meeting.held_date}.", file=out)
    return EXIT_OK


def cmd_meetings_delete(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        journal.delete_meeting(args.number)
        print(f"Deleted session {args.number}, which held no entry.", file=out)
    return EXIT_OK


def cmd_meetings_move(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        chosen = [
            s
            for s in journal.sessions()
            if s.number == args.number and s.template_id == args.template
        ]
        if not chosen:
            raise InvalidInput(
                f"Session {args.number} has no entry made with '{args.template}'; "
                "see 'rm-journal meetings list'."
            )
        moved = journal.move_entry(chosen[0].uuid, args.to)
        print(f"Moved the {args.template} entry to session {moved.number}.", file=out)
    return EXIT_OK


def cmd_meetings_calendar(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.export import calendar

    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        chosen = calendar.export(
            journal,
            Path(args.output),
            args.title,
            _today(args),
            every=args.all,
            summary=lambda n: (
                f"Calendar file: the planned day of {n} session, nothing else"
                if n == 1
                else f"Calendar file: the planned days of {n} sessions, nothing else"
            ),
        )
        which = "session" if len(chosen) == 1 else "sessions"
        print(f"Wrote {len(chosen)} {which} to {args.output}, titled '{args.title}'.", file=out)
    return EXIT_OK


def _add_today(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the date of today (default: the system's)"
    )


def add_parsers(sub: Subparsers) -> None:
    meetings = sub.add_parser("meetings", help="a pair's sessions: days, status, entries")
    msub = meetings.add_subparsers(title="meeting commands", metavar="ACTION")

    p = msub.add_parser("list", help="the sessions of a pair with their entries")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    _add_today(p)
    p.set_defaults(func=cmd_meetings_list)

    p = msub.add_parser("add", help="plan the next session (on the proposed day by default)")
    p.add_argument("pair")
    p.add_argument("--planned", metavar="YYYY-MM-DD", help=f"its day, or '{NONE}'")
    _add_today(p)
    p.set_defaults(func=cmd_meetings_add)

    p = msub.add_parser("edit", help="change a session's days or status")
    p.add_argument("pair")
    p.add_argument("number", type=int)
    p.add_argument("--planned", metavar="YYYY-MM-DD", help=f"the planned day, or '{NONE}'")
    p.add_argument("--held", metavar="YYYY-MM-DD", help=f"the day it was held, or '{NONE}'")
    p.add_argument("--status", choices=[s.value for s in SessionStatus])
    _add_today(p)
    p.set_defaults(func=cmd_meetings_edit)

    p = msub.add_parser("held", help="mark a session held (today unless --on)")
    p.add_argument("pair")
    p.add_argument("number", type=int)
    p.add_argument("--on", metavar="YYYY-MM-DD")
    _add_today(p)
    p.set_defaults(func=cmd_meetings_held)

    p = msub.add_parser("delete", help="delete a session that holds no entry")
    p.add_argument("pair")
    p.add_argument("number", type=int)
    p.set_defaults(func=cmd_meetings_delete)

    p = msub.add_parser("move", help="move an entry to another session")
    p.add_argument("pair")
    p.add_argument("number", type=int, help="the session the entry is in")
    p.add_argument("--template", required=True, help="the entry's template")
    p.add_argument("--to", type=int, required=True, help="the session to move it to")
    p.set_defaults(func=cmd_meetings_move)

    p = msub.add_parser(
        "calendar", help="the next session (or all planned) as an .ics that names nobody"
    )
    p.add_argument("pair")
    p.add_argument("-o", "--output", required=True, help="the .ics file to write")
    p.add_argument("--all", action="store_true", help="every planned session, not only the next")
    p.add_argument("--title", default="Meeting", help="the events' neutral title")
    _add_today(p)
    p.set_defaults(func=cmd_meetings_calendar)

    meetings.set_defaults(func=usage("meetings list|add|edit|held|delete|move|calendar PAIR ..."))
