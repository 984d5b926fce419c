"""The command line: a thin face over the same core as the desktop app.

Every failure is one line on stderr and a non-zero exit status; a traceback is
shown only with ``RM_JOURNAL_DEBUG=1``.

The package, from the bottom up: :mod:`~rm_journal.cli.text` (what reaches the
terminal), :mod:`~rm_journal.cli.common` (what the commands share: exit codes,
secrets, the unlocked vault, finding a pair), one module of commands per subject
(``vault``, ``pairs``, ``templates``, ``sessions``, ``topics``, ``share``, ``exchange``,
``backup``, ``desktop``), :mod:`~rm_journal.cli.parser` (the grammar tying them),
and here :func:`main`, which runs one command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from rm_journal.cli.common import ENV_DEBUG, EXIT_FAILED, EXIT_INTERRUPTED, PROG, Command
from rm_journal.cli.parser import parse
from rm_journal.cli.text import utf8_streams, visible_output
from rm_journal.core import logs
from rm_journal.core.errors import RmJournalError
from rm_journal.core.storage.fsutil import set_private_umask

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    set_private_umask()
    logs.configure()  # off unless $RM_JOURNAL_LOG asks (logging is then not even imported)
    # Everything a command prints, on either stream, shows control characters visibly:
    # a partner's text or a pair's name cannot forge lines in the terminal (cli.text).
    utf8_streams([sys.stdout, sys.stderr])  # Windows: a redirect writes UTF-8, never fails
    out = visible_output(out or sys.stdout)
    args = parse(argv)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(visible_output(sys.stderr)):
        return _run(args, out)  # print() and input() prompts included


def _run(args: argparse.Namespace, out: TextIO) -> int:
    func: Command = args.func
    try:
        return func(args, out)
    except RmJournalError as exc:
        logs.info("command failed", exc_info=True)
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: say so in one line, never leak content in a traceback
        if os.environ.get(ENV_DEBUG):
            raise
        print(
            f"{PROG}: unexpected error ({type(exc).__name__}). This is a bug in rm_journal; "
            f"please report it (set {ENV_DEBUG}=1 to see the details).",
            file=sys.stderr,
        )
        return EXIT_FAILED
