"""``rm-journal link``, ``send`` and ``receive``: a pair's two journals, kept in step by
files the members hand to each other (no server, no network)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from rm_journal.cli.common import EXIT_OK, CliError, Subparsers, find_pair, unlocked, usage
from rm_journal.cli.text import one_line
from rm_journal.core.storage.fsutil import read_limited

MAX_BLOCK_FILE = 64 * 1024
PAIR_HELP = "the pair's number or id (see 'rm-journal pairs list')"


def _read_text(source: str) -> str:
    """A pairing block from a file, or from stdin with "-" (far larger is not one)."""
    from rm_journal.core.exchange.identity import NotAPairingBlock

    if source == "-":
        text = sys.stdin.read(MAX_BLOCK_FILE + 1)
        if len(text) > MAX_BLOCK_FILE:
            raise NotAPairingBlock()
        return text
    data = read_limited(Path(source), MAX_BLOCK_FILE, "a pairing block", NotAPairingBlock)
    return data.decode("utf-8", "replace")


def cmd_link_show(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.exchange import link

    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        me = vault.identity()
        block = link.my_block(journal, me)
        current = link.state(journal)
        number = link.safety_number(journal, me)
    print("Your pairing block for this pair (public keys only; send it to your partner):", file=out)
    print(block, file=out)
    if current.confirmed:
        print(f"Linked. Safety number: {number}", file=out)
    elif number:
        print(f"Not confirmed yet. Safety number: {number}", file=out)
        print(
            "Compare it with your partner's screen, then: rm-journal link confirm PAIR NUMBER",
            file=out,
        )
    else:
        print(
            "Not linked: add your partner's block with 'rm-journal link add PAIR FILE'.", file=out
        )
    return EXIT_OK


def cmd_link_add(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.exchange import link

    text = _read_text(args.block)
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        number = link.accept_block(journal, vault.identity(), text)
    print(f"Your partner's keys are saved. Safety number:\n\n  {number}\n", file=out)
    print(
        "Compare it with the number on your partner's screen, in person or on a call you "
        "trust. If every digit is the same: rm-journal link confirm PAIR NUMBER",
        file=out,
    )
    return EXIT_OK


def cmd_link_confirm(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.exchange import link

    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        link.confirm(journal, vault.identity(), " ".join(args.number))
    print("The pair is linked: you can now send and receive exchange files.", file=out)
    return EXIT_OK


def cmd_link_remove(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.exchange import link

    if not args.yes:
        raise CliError(
            "Unlinking refuses every file from your partner until you link again: add --yes."
        )
    with unlocked(args) as vault:
        link.unlink(vault.journal(find_pair(vault, args.pair).pair_id))
    print("Unlinked. Exchange pairing blocks again to link the pair.", file=out)
    return EXIT_OK


def cmd_send(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.export import exchange

    what = [w for w in exchange.WHAT if getattr(args, w)]
    output = Path(args.output) if args.output else Path(exchange.default_file_name())
    if output.suffix.lower() != exchange.EXTENSION:
        output = output.with_name(output.name + exchange.EXTENSION)
    if output.exists() and not args.force:
        raise CliError(f"{output} already exists: choose another name or add --force.")
    with unlocked(args) as vault:
        pair_id = find_pair(vault, args.pair).pair_id
        payload = exchange.prepare(vault, pair_id, what, meeting=args.session)
        record = exchange.write(vault, pair_id, payload, output)
    print(f"Wrote {output}: {record.summary}. Only your partner's vault can open it.", file=out)
    return EXIT_OK


def _describe(change: Any) -> str:
    item = change.incoming
    if change.kind == "session":
        return f"session {item.number}: planned {item.planned_date}, held {item.held_date}"
    if change.kind == "agenda":
        agenda = f"agenda of session {item.meeting}: " + "; ".join(item.points)
        if item.talking_points:
            agenda += "; talking points: " + "; ".join(item.talking_points)
        return agenda
    text = getattr(item, "text", None) or getattr(item, "title", "")
    return f"{change.kind} {item.uuid[:8]}: {text}"


def _local(change: Any) -> str:
    local = change.local
    if change.kind in ("takeaway", "action"):
        return str(local[0])
    if change.kind == "topic":
        return f"{local[0]} ({local[1]})" if local[1] else str(local[0])
    if change.kind == "agenda":
        return "; ".join(json.loads(local[2]))
    return f"planned {local[0]}, held {local[1]}"


def cmd_receive(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.export import exchange

    path = Path(args.file)
    data = exchange.read_file(path)
    with unlocked(args) as vault:
        pair_id = find_pair(vault, args.pair).pair_id
        incoming = exchange.read(vault, pair_id, data, path.name)
        plan = incoming.plan
        for change in plan.new:
            print(one_line(f"+ new      {_describe(change)}"), file=out)
        for change in plan.changed:
            print(one_line(f"~ changed  {_describe(change)}"), file=out)
            print(one_line(f"    yours: {_local(change)}"), file=out)
        for change in plan.partner_said:
            t = change.incoming
            day = f" on {t.agreed_on}" if t.agreed_on else ""
            print(one_line(f"= partner  {t.status.value}{day}: {t.text}"), file=out)
        if plan.signatures:
            print(
                f"# your partner signed the summary {plan.signatures[0].fingerprint[:16]}", file=out
            )
        if plan.bad_signatures:
            print(f"! {plan.bad_signatures} signature(s) that do not check were ignored", file=out)
        if plan.empty:
            print("Nothing new in this file.", file=out)
        if not args.apply:
            print(
                "Nothing was changed. Run again with --apply to import"
                + (" (add --theirs ID to take your partner's version)" if plan.changed else "")
                + ".",
                file=out,
            )
            return EXIT_OK
        theirs = _chosen(args, plan)
        applied = exchange.apply(vault, pair_id, incoming, take_theirs=theirs)
    print(
        f"Imported: {applied.added} new, {applied.replaced} replaced by your partner's version, "
        f"{applied.kept_mine} kept as yours; recorded in the pair's sharing log.",
        file=out,
    )
    return EXIT_OK


def _chosen(args: argparse.Namespace, plan: Any) -> set[str]:
    if args.all_theirs:
        return {c.uuid for c in plan.changed}
    chosen = set()
    for prefix in args.theirs or []:
        found = [c.uuid for c in plan.changed if c.uuid.startswith(prefix)]
        if len(found) != 1:
            raise CliError(f"'{prefix}' names no changed item of this file (or several).")
        chosen.add(found[0])
    return chosen


def add_parsers(sub: Subparsers) -> None:
    links = sub.add_parser("link", help="link a pair with your partner's computer")
    lsub = links.add_subparsers(dest="link_command", metavar="COMMAND")
    p = lsub.add_parser("show", help="your pairing block, and the link's state")
    p.add_argument("pair", help=PAIR_HELP)
    p.set_defaults(func=cmd_link_show)
    links.set_defaults(
        func=usage(
            "link show PAIR | link add PAIR FILE | link confirm PAIR NUMBER | link remove PAIR"
        )
    )
    p = lsub.add_parser("add", help="your partner's pairing block (a file, or - for stdin)")
    p.add_argument("pair", help=PAIR_HELP)
    p.add_argument("block", help="a file holding your partner's pairing block, or - for stdin")
    p.set_defaults(func=cmd_link_add)
    p = lsub.add_parser("confirm", help="confirm the safety number both screens show")
    p.add_argument("pair", help=PAIR_HELP)
    p.add_argument("number", nargs="+", help="the 60 digits, spaces allowed")
    p.set_defaults(func=cmd_link_confirm)
    p = lsub.add_parser("remove", help="forget your partner's keys")
    p.add_argument("pair", help=PAIR_HELP)
    p.add_argument("--yes", action="store_true")
    p.set_defaults(func=cmd_link_remove)

    p = sub.add_parser("send", help="write an exchange file for your partner (.rmjx)")
    p.add_argument("pair", help=PAIR_HELP)
    p.add_argument("--agenda", action="store_true", help="the agenda of the next session")
    p.add_argument("--session", type=int, metavar="N", help="the session whose agenda to send")
    p.add_argument("--topics", action="store_true", help="your topic backlog")
    p.add_argument("--takeaways", action="store_true", help="takeaways proposed or agreed")
    p.add_argument("--actions", action="store_true", help="actions for your partner or both")
    p.add_argument("--signature", action="store_true", help="your signature of the summary")
    p.add_argument("-o", "--output", help="the file to write (default: rm_journal-DATE.rmjx)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_send)

    p = sub.add_parser("receive", help="show, then import, an exchange file from your partner")
    p.add_argument("pair", help=PAIR_HELP)
    p.add_argument("file", help="the .rmjx file your partner sent")
    p.add_argument("--apply", action="store_true", help="import it (otherwise only show it)")
    p.add_argument(
        "--theirs", action="append", metavar="ID", help="take your partner's version of an item"
    )
    p.add_argument("--all-theirs", action="store_true", help="take every changed item")
    p.set_defaults(func=cmd_receive)
