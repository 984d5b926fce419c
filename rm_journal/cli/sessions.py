"""``rm-journal sessions`` (list, show, add) and ``search``: read, write and find a pair's
entries from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, TextIO

from rm_journal.cli.common import EXIT_OK, Subparsers, find_pair, unlocked, usage
from rm_journal.cli.text import one_line
from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.journal.fields import FieldType
from rm_journal.core.models import HIGHLIGHT_END, HIGHLIGHT_START
from rm_journal.core.storage.fsutil import read_limited
from rm_journal.core.validate import MAX_LONG_TEXT


def cmd_sessions_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        sessions = journal.sessions(last=args.last) if args.last else journal.sessions()
        if not sessions:
            print("No sessions yet.", file=out)
        for s in sessions:
            when = (s.held_date or s.planned_date or "").__str__()
            print(
                one_line(
                    f"{s.number:>3}  {s.template_id:<24} {s.status.value:<9} {when:<10}  {s.title}"
                ),
                file=out,
            )
    return EXIT_OK


def cmd_sessions_show(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.render import render_session

    with unlocked(args) as vault:
        entry = find_pair(vault, args.pair)
        journal = vault.journal(entry.pair_id)
        chosen = [s for s in journal.sessions() if s.number == args.number]
        if args.template:
            chosen = [s for s in chosen if s.template_id == args.template]
        if not chosen:
            raise NotFound(f"No session {args.number} in this pair; see 'rm-journal sessions'.")
        language = args.language or (entry.pair.profile.language.value if entry.pair else "en")
        for i, session in enumerate(chosen):
            if i:
                print("", file=out)
            text = render_session(
                session,
                journal.fields(session.uuid),
                language,
                missing_required=journal.missing_required(session.uuid),
            )
            print(text, end="", file=out)
    return EXIT_OK


def _snippet(text: str) -> str:
    """One line, matched words in [brackets]."""
    flat = " ".join(text.split())
    return flat.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    words = " ".join(args.words)
    with unlocked(args) as vault:
        numbers = {pid: n for n, pid in enumerate(vault.pair_ids(), start=1)}
        found = vault.search_all(words, limit=args.limit)
        hits = found.hits
        if found.unsearched:
            skipped = ", ".join(str(numbers[pid]) for pid in found.unsearched)
            which = "pair" if len(found.unsearched) == 1 else "pairs"
            print(
                f"Not searched: {which} {skipped}, whose journal could not be opened "
                "(see 'rm-journal check').",
                file=sys.stderr,
            )
        if not hits:
            print(f"Nothing matches '{words}'.", file=out)
        for hit in hits:
            where = hit.kind
            if hit.session_uuid:
                session = vault.journal(hit.pair_id).session(hit.session_uuid)
                where = f"session {session.number} ({session.template_id})"
            field = f" {hit.field_key}:" if hit.field_key else ":"
            row = f"{numbers[hit.pair_id]:>3}  {where}{field} {_snippet(hit.snippet)}"
            print(one_line(row), file=out)
    return EXIT_OK


def _values(args: argparse.Namespace, fields: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for assignment in args.set or []:
        key, sep, value = assignment.partition("=")
        if not sep or key not in fields:
            known = ", ".join(fields)
            raise InvalidInput(f"Use --set KEY=TEXT with one of this template's fields: {known}.")
        values[key] = value
    text = _text(args)
    if text is not None:
        long_texts = [k for k, f in fields.items() if f.type is FieldType.LONG_TEXT]
        if not long_texts:
            raise InvalidInput("This template has no long text field for --text; use --set.")
        values[long_texts[0]] = text
    return values


def _text(args: argparse.Namespace) -> str | None:
    """--text, or --text-file (a file, or - for stdin): long text need not fit in argv."""
    if args.text_file is None:
        return args.text  # type: ignore[no-any-return]
    if args.text is not None:
        raise InvalidInput("Give the text with --text or with --text-file, not both.")
    limit = 4 * MAX_LONG_TEXT  # UTF-8 takes at most 4 bytes a character
    if args.text_file == "-":
        text = sys.stdin.read(MAX_LONG_TEXT + 1)
    else:

        def too_large() -> InvalidInput:
            return InvalidInput(f"{args.text_file} is too large for one field.")

        data = read_limited(Path(args.text_file), limit, "a text file", too_large)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"{args.text_file} is not UTF-8 text.") from None
    return str(text)


def cmd_sessions_add(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary, start_session

    day = None
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError:
            raise InvalidInput("The date must be written YYYY-MM-DD.") from None
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        try:
            template = TemplateLibrary(vault).get(args.template)
        except NotFound:
            raise NotFound(
                f"No template '{args.template}'; see 'rm-journal templates list'."
            ) from None
        fields = {f.key: f for f in template.fields()}
        values = _values(args, fields)
        if args.meeting == "new":
            number = None
        elif args.meeting is None:  # by rule: a reflection joins the last meeting held...
            number = journal.meeting_for(template.entry, template.id)
        elif args.meeting.isdigit() and int(args.meeting) >= 1:
            number = int(args.meeting)
        else:
            raise InvalidInput("--meeting takes a session number from 1, or 'new'.")
        session = start_session(
            journal, template, title=args.title or "", planned_date=day, number=number
        )
        try:
            if values:
                journal.set_fields(session.uuid, values)  # checked by type: may refuse
        except BaseException:
            journal.delete_session(session.uuid)  # all or nothing
            raise
        print(f"Added session {session.number} ({template.id}).", file=out)
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    from rm_journal.core.models import Language  # for the choices

    sessions = sub.add_parser("sessions", help="list a pair's sessions or show one")
    ssub = sessions.add_subparsers(title="session commands", metavar="ACTION")
    p = ssub.add_parser("list", help="the sessions of a pair")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--last", type=int, metavar="N", help="only the N most recent entries")
    p.set_defaults(func=cmd_sessions_list)
    p = ssub.add_parser("show", help="a session, laid out by its own template")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the session number")
    p.add_argument("--template", help="only the entry made with this template")
    p.add_argument("--language", choices=[la.value for la in Language])
    p.set_defaults(func=cmd_sessions_show)
    sessions.set_defaults(
        func=usage("sessions list PAIR | sessions show PAIR N | sessions add PAIR")
    )

    p = ssub.add_parser("add", help="start a session from a template, with some text")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("--template", default="regular-session", help="default: regular-session")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the planned day of a new session")
    p.add_argument(
        "--meeting",
        metavar="N|new",
        help="the session the entry joins (default: by rule: a reflection or a review joins "
        "the last session held, a preparation or notes the next one not held yet)",
    )
    p.add_argument("--title")
    p.add_argument("--text", help="text for the template's first long text field")
    p.add_argument("--text-file", metavar="FILE", help="the same text from a file, or - for stdin")
    p.add_argument("--set", action="append", metavar="KEY=TEXT", help="a field's text")
    p.set_defaults(func=cmd_sessions_add)


def add_search_parser(sub: Subparsers) -> None:
    p = sub.add_parser("search", help="search every pair's journal")
    p.add_argument("words", nargs="+", help="words to find (prefixes match as you type them)")
    p.add_argument("--limit", type=int, default=50, help="at most this many results")
    p.set_defaults(func=cmd_search)
