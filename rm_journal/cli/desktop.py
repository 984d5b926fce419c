"""``rm-journal`` with no command: the desktop app.

Qt is imported only here, inside the command: every other command starts without it.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from rm_journal.cli.common import EXIT_OK


def cmd_open_app(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from rm_journal.ui.app import run  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print(
            "The desktop window is not part of this version yet. The journal works from the "
            "command line: see 'rm-journal --help'.",
            file=out,
        )
        return EXIT_OK
    return int(run(args))
