"""``rm-journal takeaways`` and ``rm-journal actions``: a pair's two lists from the command
line, as in their tabs (list, edit, delete).

An item is named by its number in ``list`` (the list's order, oldest first). Edits go
through the same core rules as the app's: new words for an agreed takeaway reopen it
as proposed. The app can undo a deletion (Edit → Undo) while it stays unlocked; here a
deletion is final, so it asks first (``--yes`` when scripted).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from typing import Any, TextIO

from rm_journal.cli.common import EXIT_OK, CliError, Subparsers, find_pair, unlocked, usage
from rm_journal.cli.text import one_line
from rm_journal.core.errors import NotFound
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Attribution, Owner, TakeawayStatus


def _nth(items: list[Any], number: int, what: str, command: str) -> Any:
    if not 1 <= number <= len(items):
        raise NotFound(f"No {what} {number} in this pair; see 'rm-journal {command} list PAIR'.")
    return items[number - 1]


def _confirm(args: argparse.Namespace, question: str, out: TextIO) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CliError("A deletion here cannot be undone: add --yes to confirm.")
    answer = input(one_line(f"{question} [y/N] "))
    if answer.strip().lower() in {"y", "yes", "o", "oui"}:
        return True
    print("Nothing was deleted.", file=out)
    return False


def _journal(vault: Any, ref: str) -> Journal:
    journal: Journal = vault.journal(find_pair(vault, ref).pair_id)
    return journal


# -- takeaways -------------------------------------------------------------------------


def cmd_takeaways_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        numbers = {s.uuid: s.number for s in journal.sessions()}
        takeaways = journal.takeaways()
        if not takeaways:
            print("No takeaways yet.", file=out)
        for n, t in enumerate(takeaways, start=1):
            if args.status and t.status.value != args.status:
                continue
            session = numbers.get(t.session_uuid or "", "—")
            line = f"{n:>3}  {t.status.value:<9} {t.attribution.value:<9} s.{session!s:<4} {t.text}"
            print(one_line(line), file=out)
    return EXIT_OK


def cmd_takeaways_edit(args: argparse.Namespace, out: TextIO) -> int:
    if all(x is None for x in (args.text, args.status, args.attribution)):
        raise CliError("Nothing to change: give --text, --status or --attribution.")
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        takeaway = _nth(journal.takeaways(), args.number, "takeaway", "takeaways")
        saved = journal.update_takeaway(
            dataclasses.replace(
                takeaway,
                text=takeaway.text if args.text is None else args.text.strip(),
                status=takeaway.status if args.status is None else TakeawayStatus(args.status),
                attribution=(
                    takeaway.attribution
                    if args.attribution is None
                    else Attribution(args.attribution)
                ),
            )
        )
        print(
            one_line(f"Takeaway {args.number} saved ({saved.status.value}): {saved.text}"), file=out
        )
        if args.status == TakeawayStatus.AGREED.value and saved.status is not TakeawayStatus.AGREED:
            print("New words reopen an agreement: it is proposed again.", file=sys.stderr)
    return EXIT_OK


def cmd_takeaways_delete(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        takeaway = _nth(journal.takeaways(), args.number, "takeaway", "takeaways")
        if not _confirm(args, f"Delete the takeaway '{takeaway.text}'?", out):
            return EXIT_OK
        journal.delete_takeaway(takeaway.uuid)
        print(one_line(f"Deleted: {takeaway.text}"), file=out)
    return EXIT_OK


# -- actions ---------------------------------------------------------------------------


def cmd_actions_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        numbers = {s.uuid: s.number for s in journal.sessions()}
        actions = journal.actions()
        if not actions:
            print("No actions yet.", file=out)
        today = dt.date.today()
        for n, a in enumerate(actions, start=1):
            if a.done_date:
                state = f"done {a.done_date.isoformat()}"
            elif a.dropped_on:
                state = "dropped"
            else:
                state = "overdue" if a.overdue(today) else "open"
            if args.open and state not in ("open", "overdue"):
                continue
            due = a.due_date.isoformat() if a.due_date else "—"
            session = numbers.get(a.session_uuid or "", "—")
            line = f"{n:>3}  {state:<15} {a.owner.value:<6} {due:<10} s.{session!s:<4} {a.text}"
            print(one_line(line), file=out)
    return EXIT_OK


def cmd_actions_edit(args: argparse.Namespace, out: TextIO) -> int:
    if args.done and args.reopen:
        raise CliError("Give --done or --reopen, not both.")
    if all(x is None for x in (args.text, args.owner, args.due)) and not (
        args.done or args.reopen or args.no_due
    ):
        raise CliError(
            "Nothing to change: give --text, --owner, --due, --no-due, --done or --reopen."
        )
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        action = _nth(journal.actions(), args.number, "action", "actions")
        due = action.due_date
        if args.no_due:
            due = None
        elif args.due is not None:
            try:
                due = dt.date.fromisoformat(args.due)
            except ValueError:
                raise CliError(
                    f"The due date must be written YYYY-MM-DD, not {args.due!r:.40}."
                ) from None
        done = action.done_date
        if args.done:
            done = dt.date.today()
        elif args.reopen:
            done = None
        saved = journal.update_action(
            dataclasses.replace(
                action,
                text=action.text if args.text is None else args.text.strip(),
                owner=action.owner if args.owner is None else Owner(args.owner),
                due_date=due,
                done_date=done,
            )
        )
        print(one_line(f"Action {args.number} saved: {saved.text}"), file=out)
    return EXIT_OK


def cmd_actions_delete(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = _journal(vault, args.pair)
        action = _nth(journal.actions(), args.number, "action", "actions")
        if not _confirm(args, f"Delete the action '{action.text}'?", out):
            return EXIT_OK
        journal.delete_action(action.uuid)
        print(one_line(f"Deleted: {action.text}"), file=out)
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    takeaways = sub.add_parser("takeaways", help="a pair's takeaways: list, edit, delete")
    takeaways.set_defaults(func=usage("takeaways list|edit|delete ..."))
    tsub = takeaways.add_subparsers(title="takeaway commands", metavar="ACTION")
    p = tsub.add_parser("list", help="the pair's takeaways, numbered")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--status", choices=[s.value for s in TakeawayStatus])
    p.set_defaults(func=cmd_takeaways_list)
    p = tsub.add_parser("edit", help="change a takeaway's words, status or attribution")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the takeaway's number (from 'takeaways list')")
    p.add_argument("--text")
    p.add_argument("--status", choices=[s.value for s in TakeawayStatus])
    p.add_argument("--attribution", choices=[a.value for a in Attribution])
    p.set_defaults(func=cmd_takeaways_edit)
    p = tsub.add_parser("delete", help="delete a takeaway")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the takeaway's number")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_takeaways_delete)

    actions = sub.add_parser("actions", help="a pair's actions: list, edit, delete")
    actions.set_defaults(func=usage("actions list|edit|delete ..."))
    asub = actions.add_subparsers(title="action commands", metavar="ACTION")
    p = asub.add_parser("list", help="the pair's actions, numbered")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--open", action="store_true", help="only those not done nor dropped")
    p.set_defaults(func=cmd_actions_list)
    p = asub.add_parser("edit", help="change an action's words, owner, due date; mark it done")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the action's number (from 'actions list')")
    p.add_argument("--text")
    p.add_argument("--owner", choices=[o.value for o in Owner])
    p.add_argument("--due", metavar="YYYY-MM-DD")
    p.add_argument("--no-due", action="store_true", help="remove the due date")
    p.add_argument("--done", action="store_true", help="mark it done today")
    p.add_argument("--reopen", action="store_true", help="mark it not done")
    p.set_defaults(func=cmd_actions_edit)
    p = asub.add_parser("delete", help="delete an action")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the action's number")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_actions_delete)
