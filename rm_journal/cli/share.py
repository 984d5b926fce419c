"""``export-pdf`` and ``verify-pdf``: the shared summary from the command line.

The PDF libraries are imported by the commands that use them, not by the
parser: every ``rm-journal`` start (the desktop app included) builds it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from rm_journal.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS_FOUND,
    EXIT_SAME_CONTENT,
    CliError,
    Subparsers,
    find_pair,
    secret,
    unlocked,
)
from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.models import Language

ENV_PDF_PASSWORD = "RM_JOURNAL_PDF_PASSWORD"  # noqa: S105 - a variable name


def _day(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"The {what} date must be written YYYY-MM-DD.") from None


def _numbers(text: str) -> set[int]:
    """'1,3,5-7' -> {1, 3, 5, 6, 7}."""
    numbers: set[int] = set()
    try:
        for part in filter(None, (p.strip() for p in text.split(","))):
            first, _, last = part.partition("-")
            numbers.update(range(int(first), int(last or first) + 1))
    except ValueError:
        raise InvalidInput("Sessions are numbers, for example 1,3,5-7.") from None
    return numbers


def _pdf_password(args: argparse.Namespace, out: TextIO) -> str | None:
    from rm_journal.export.summary_pdf import generate_password

    if args.generate_password:
        password = generate_password()
        print(
            f"PDF password (give it to your partner by another channel than the file):\n\n"
            f"    {password}\n",
            file=out,
        )
        return password
    if args.password_fd is not None or os.environ.get(ENV_PDF_PASSWORD) is not None:
        password = secret(args.password_fd, ENV_PDF_PASSWORD, "PDF password")
        if len(password) < 12:
            raise InvalidInput(
                "A PDF password needs at least 12 characters (PDF passwords are easy to "
                "guess by brute force); or use --generate-password."
            )
        return password
    return None


def cmd_export_pdf(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.export import summary
    from rm_journal.export.selection import short

    output = Path(args.output) if args.output else None
    if output and output.exists() and not args.force and not args.preview:
        raise CliError(f"{output} already exists: choose another name or add --force.")
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        uuids = None
        if args.sessions:
            wanted = _numbers(args.sessions)
            uuids = tuple(s.uuid for s in journal.sessions() if s.number in wanted)
            if not uuids:
                raise NotFound("None of those sessions exists; see 'rm-journal sessions list'.")
        request = summary.SummaryRequest(
            session_uuids=uuids,
            date_from=_day(args.date_from, "start"),
            date_to=_day(args.date_to, "end"),
            language=args.language or "",
            leader_name=args.leader_name or "",
            mentor_name=args.mentor_name or "",
            include_program=not args.no_program,
            signatures=not args.no_signatures,
        )
        prepared = summary.prepare(journal, request, vault.identity())
        for warning in prepared.warnings():
            print(f"Note: {warning}", file=sys.stderr)
        if args.preview:
            print(prepared.preview(), end="", file=out)
            return EXIT_OK
        output = output or Path(summary.default_file_name(prepared.options.language))
        if output.exists() and not args.force:
            raise CliError(f"{output} already exists: choose another name or add --force.")
        password = _pdf_password(args, out)
        record = summary.write(journal, prepared, output, password=password)
    print(
        f"Wrote {output} ({record.item_count} agreed item(s), fingerprint "
        f"{short(record.fingerprint)}{', AES-256 encrypted' if password else ''}); "
        "the export is in the pair's sharing log.",
        file=out,
    )
    return EXIT_OK


def cmd_verify_pdf(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.export import verify

    data = verify.read_file(Path(args.file))
    password = ""
    if args.password_fd is not None or os.environ.get(ENV_PDF_PASSWORD) is not None:
        password = secret(args.password_fd, ENV_PDF_PASSWORD, "PDF password")
    elif verify.is_encrypted(data):
        if not sys.stdin.isatty():
            raise CliError(
                "This PDF is protected by a password: pass it with --password-fd N "
                f"or ${ENV_PDF_PASSWORD}."
            )
        password = getpass.getpass("PDF password: ")
    found = verify.read(data, password)  # before the unlock: a bad file costs no KDF wait
    if found.problems:
        verdict = verify.match(found, [])
    else:
        with unlocked(args) as vault:
            verdict = verify.matches_in(vault, found)
    print(verdict.message, file=out)
    if verdict.status is verify.Status.SAME_CONTENT:
        return EXIT_SAME_CONTENT
    return EXIT_OK if verdict.status.ok else EXIT_PROBLEMS_FOUND


def add_parsers(sub: Subparsers) -> None:
    password_fd = {
        "metavar": "N",
        "type": int,
        "dest": "password_fd",
        "help": f"read the PDF password from descriptor N (else ${ENV_PDF_PASSWORD})",
    }
    p = sub.add_parser(
        "export-pdf",
        help="write the shared summary of a pair's agreed takeaways and actions",
        description="Only takeaways both people agreed on (and not marked 'never exported') "
        "and the actions of shared sessions leave the device. Use --preview to read exactly "
        "what the PDF will carry before writing it.",
    )
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("-o", "--output", metavar="FILE", help="default: shared-summary-DATE.pdf")
    p.add_argument("--sessions", metavar="LIST", help="session numbers, for example 1,3,5-7")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first session date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last session date")
    p.add_argument("--language", choices=[la.value for la in Language], help="default: the pair's")
    p.add_argument("--leader-name", metavar="NAME", help="name or alias printed for the leader")
    p.add_argument("--mentor-name", metavar="NAME", help="name or alias printed for the mentor")
    p.add_argument("--no-program", action="store_true", help="leave the program name out")
    p.add_argument("--no-signatures", action="store_true", help="no signature lines")
    p.add_argument("--preview", action="store_true", help="print the text, write nothing")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--generate-password",
        action="store_true",
        help="encrypt with AES-256 and a generated 104-bit password, printed once",
    )
    group.add_argument("--password-fd", **password_fd)  # type: ignore[arg-type]
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_export_pdf)

    p = sub.add_parser(
        "verify-pdf",
        help="check a shared summary against its fingerprint and the sharing logs",
        description="Exit status: 0 the very file exported from this vault; 4 the same agreed "
        "items in another file (your partner's export, another language, or a changed copy); "
        "3 changed, or not exported from this vault; 2 not readable.",
    )
    p.add_argument("file")
    p.add_argument("--password-fd", **password_fd)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_verify_pdf)
