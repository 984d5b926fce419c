"""``rm-journal pairs``: list, add, edit, end, reopen or remove mentoring pairs, each with
its own journal."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any, TextIO

from rm_journal.cli.common import EXIT_OK, CliError, Subparsers, find_pair, unlocked
from rm_journal.cli.text import one_line
from rm_journal.core.errors import InvalidInput

if TYPE_CHECKING:
    from rm_journal.core.models import Pair
    from rm_journal.core.vault import PairEntry, Vault


def _describe(number: int, entry: PairEntry) -> str:
    short = entry.pair_id[:8]
    if entry.pair is None:
        return f"{number:>3}  {short}  (cannot be opened: {entry.problem})"
    p = entry.pair.profile
    details = [f"I am the {p.my_role.value}", p.cadence.value, p.language.value]
    if p.program:
        details.insert(0, p.program)
    if p.start_date:
        details.append(f"since {p.start_date.isoformat()}")
    if entry.pair.ended_on:
        details.append(f"ended {entry.pair.ended_on.isoformat()}, read-only")
    return one_line(f"{number:>3}  {short}  {p.display_name}  ({', '.join(details)})")


def cmd_pairs_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        entries = vault.open_all()  # says which journals are damaged
        if not entries:
            print("No pairs yet. Add one with 'rm-journal pairs add'.", file=out)
        for number, entry in enumerate(entries, start=1):
            print(_describe(number, entry), file=out)
    return EXIT_OK


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"The {what} must be written YYYY-MM-DD.") from None


def cmd_pairs_add(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.models import Cadence, Language, PairProfile, Role

    profile = PairProfile(
        display_name=args.name,
        my_role=Role(args.role),
        program=args.program,
        start_date=_date(args.start, "start date") if args.start else None,
        cadence=Cadence(args.cadence),
        language=Language(args.language),
    )
    with unlocked(args) as vault:
        pair = vault.add_pair(profile)
        print(f"Added the pair {pair.pair_id[:8]} with its own journal and key.", file=out)
    return EXIT_OK


def _running_pair(vault: Vault, ref: str) -> Pair:
    """The named pair as its journal holds it (a damaged journal says so, in one line)."""
    return vault.journal(find_pair(vault, ref).pair_id).pair()


def cmd_pairs_edit(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.models import Cadence, Language

    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["display_name"] = args.name
    if args.program is not None:
        changes["program"] = args.program
    if args.start is not None:
        changes["start_date"] = _date(args.start, "start date") if args.start else None
    if args.cadence is not None:
        changes["cadence"] = Cadence(args.cadence)
    if args.language is not None:
        changes["language"] = Language(args.language)
    if not changes:
        raise CliError(
            "Nothing to change: give --name, --program, --start, --cadence or --language."
        )
    with unlocked(args) as vault:
        pair = _running_pair(vault, args.pair)
        saved = vault.update_pair(pair.pair_id, dataclasses.replace(pair.profile, **changes))
        print(
            one_line(f"Saved the pair {saved.pair_id[:8]}: {saved.profile.display_name}."),
            file=out,
        )
    return EXIT_OK


def cmd_pairs_end(args: argparse.Namespace, out: TextIO) -> int:
    day = _date(args.on, "end date") if args.on else dt.date.today()
    with unlocked(args) as vault:
        pair = _running_pair(vault, args.pair)
        ended = vault.end_pair(pair.pair_id, day)
        assert ended.ended_on is not None
        print(
            f"The relationship {ended.pair_id[:8]} ended on {ended.ended_on.isoformat()}: its "
            "journal is read-only until 'rm-journal pairs reopen'; it can still be read and "
            "exported.",
            file=out,
        )
    return EXIT_OK


def cmd_pairs_reopen(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        pair = _running_pair(vault, args.pair)
        if pair.ended_on is None:
            print(f"The relationship {pair.pair_id[:8]} has not ended; nothing changed.", file=out)
            return EXIT_OK
        vault.reopen_pair(pair.pair_id)
        print(
            f"The relationship {pair.pair_id[:8]} is reopened: its journal takes writes again.",
            file=out,
        )
    return EXIT_OK


def cmd_pairs_remove(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        entry = find_pair(vault, args.pair)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("Removing a pair cannot be undone: add --yes to confirm.")
            label = one_line(entry.pair.profile.display_name) if entry.pair else entry.pair_id[:8]
            answer = input(f"Remove the pair '{label}' and destroy its journal for good? [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "o", "oui"}:
                print("Nothing was removed.", file=out)
                return EXIT_OK
        forgotten = vault.remove_pair(entry.pair_id)
        print(
            "The pair's key was destroyed and its journal deleted; the copies of that "
            "journal in this data folder can no longer be opened.",
            file=out,
        )
        if forgotten.deleted:
            n = len(forgotten.deleted)
            these = "1 copy of the vault" if n == 1 else f"{n} copies of the vault"
            print(
                f"{these} could not be read with the current keys to remove the pair's key "
                "(damaged, unfinished, or taken before the keys were rotated), so "
                f"{'it was' if n == 1 else 'they were'} deleted: {', '.join(forgotten.deleted)}.",
                file=out,
            )
        print(
            "Copies kept elsewhere (other disks, synced folders, 'rm-journal backup DEST') "
            "still hold the key; delete them too.",
            file=out,
        )
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    from rm_journal.core.models import Cadence, Language, Role  # for the choices

    pairs = sub.add_parser("pairs", help="list, add, edit, end or remove mentoring pairs")
    pairs.set_defaults(func=cmd_pairs_list)
    psub = pairs.add_subparsers(title="pair commands", metavar="ACTION")
    psub.add_parser("list", help="list the pairs").set_defaults(func=cmd_pairs_list)
    p = psub.add_parser("add", help="add a pair with its own encrypted journal")
    p.add_argument("--name", required=True, help="the partner's name or an alias")
    p.add_argument("--role", required=True, choices=[r.value for r in Role], help="your role")
    p.add_argument("--program", default="", help="the mentoring program")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the first session's date")
    p.add_argument("--cadence", default=Cadence.MONTHLY.value, choices=[c.value for c in Cadence])
    p.add_argument("--language", default=Language.EN.value, choices=[la.value for la in Language])
    p.set_defaults(func=cmd_pairs_add)
    p = psub.add_parser("edit", help="change a pair's name or alias, program, dates, cadence")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--name", help="the partner's name or an alias")
    p.add_argument("--program", help="the mentoring program ('' for none)")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the first session's date ('' for none)")
    p.add_argument("--cadence", choices=[c.value for c in Cadence])
    p.add_argument("--language", choices=[la.value for la in Language])
    p.set_defaults(func=cmd_pairs_edit)
    p = psub.add_parser(
        "end", help="end a relationship: its journal becomes read-only until reopened"
    )
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the day it ended (default: today)")
    p.set_defaults(func=cmd_pairs_end)
    p = psub.add_parser("reopen", help="reopen an ended relationship: its journal takes writes")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.set_defaults(func=cmd_pairs_reopen)
    p = psub.add_parser("remove", help="destroy a pair's key and journal (cannot be undone)")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_pairs_remove)
