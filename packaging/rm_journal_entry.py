"""The bundle's entry point: the same as the ``rm-journal`` console script."""

import sys

from rm_journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
