"""The command line's grammar: the global options, then each module's commands.

The desktop app starts on global options alone (:func:`parse`), so its start-up
neither builds the commands nor imports their modules: :func:`build_parser` imports
them when a command is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rm_journal import __version__
from rm_journal.cli.common import ENV_PASSPHRASE, PROG
from rm_journal.cli.desktop import cmd_open_app


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data folder (default: $RM_JOURNAL_DATA_DIR, else the platform's data folder)",
    )
    parser.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=int,
        help=f"read the passphrase from file descriptor N (else ${ENV_PASSPHRASE}, else a prompt)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (keep it private)",
    )


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The desktop app starts on global options alone, without building every command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    quick = argparse.ArgumentParser(prog=PROG, add_help=False)
    add_global_options(quick)
    known, rest = quick.parse_known_args(argv)
    if not rest:
        known.func = cmd_open_app
        return known
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    # Imported here, not at the top: the desktop app's start-up does not need them.
    from rm_journal.cli import (
        backup,
        exchange,
        lists,
        meetings,
        pairs,
        sessions,
        share,
        templates,
        topics,
        vault,
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Confidential, encrypted journals for reverse-mentoring pairs. "
        "With no command, opens the desktop app.",
    )
    add_global_options(parser)
    parser.set_defaults(func=cmd_open_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    # In the order --help lists them.
    vault.add_parsers(sub)
    pairs.add_parsers(sub)
    vault.add_check_parser(sub)
    templates.add_parsers(sub)
    sessions.add_parsers(sub)
    meetings.add_parsers(sub)
    topics.add_parsers(sub)
    lists.add_parsers(sub)
    share.add_parsers(sub)
    exchange.add_parsers(sub)
    backup.add_parsers(sub)
    sessions.add_search_parser(sub)
    vault.add_demo_parser(sub)
    return parser
