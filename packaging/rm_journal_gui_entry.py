"""The windowed program's entry point (Windows: rm-journal.exe): always the desktop app.

A windowed Windows program has no standard streams (sys.stdout and sys.stderr are
None), so they go to os.devnull: a line the app logs or prints finds somewhere to go.
Explorer starts it with the file double-clicked (an .rmjx, by the installer's file
association) as its only argument; the app does not open a file given that way (an
exchange file is read from the Exchange tab), so a document argument is dropped and the
app opens. The global options before it (--data-dir...) are kept.
"""

import os
import sys

from rm_journal.cli import main

# rm_journal.cli.parser's global options that take a value (a test keeps them in step)
OPTIONS_WITH_A_VALUE = ("--data-dir", "--passphrase-fd", "--passphrase-file")


def app_arguments(argv: list[str]) -> list[str]:
    """``argv`` without the documents a file association passes (not options)."""
    kept = []
    for index, arg in enumerate(argv):
        follows_option = index > 0 and argv[index - 1] in OPTIONS_WITH_A_VALUE
        if arg.startswith("-") or follows_option:
            kept.append(arg)
    return kept


if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main(app_arguments(sys.argv[1:])))
