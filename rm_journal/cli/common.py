"""What every command shares: its exit codes, its secrets, its data folder and vault,
and how it finds a pair or says it was called wrongly.

Secrets come from a no-echo prompt, from a file descriptor (``--passphrase-fd``)
or from the environment (``RM_JOURNAL_PASSPHRASE``), as borg and restic do. A command
raises an :class:`~rm_journal.core.errors.RmJournalError` (a :class:`CliError` for a
command called wrongly); :func:`rm_journal.cli.main` prints it as one line on stderr
and exits with its ``exit_code``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from rm_journal.core.errors import NotFound, RmJournalError
from rm_journal.core.storage.datadir import DataDir, default_data_dir

if TYPE_CHECKING:
    from rm_journal.core.vault import PairEntry, Vault

PROG = "rm-journal"
ENV_PASSPHRASE = "RM_JOURNAL_PASSPHRASE"  # noqa: S105 - a variable name
ENV_NEW_PASSPHRASE = "RM_JOURNAL_NEW_PASSPHRASE"  # noqa: S105 - a variable name
ENV_RECOVERY_CODE = "RM_JOURNAL_RECOVERY_CODE"
ENV_DEBUG = "RM_JOURNAL_DEBUG"
SECRET_FILE_LIMIT = 4096  # a passphrase file holds one line

# Exit codes scripts can rely on. A failure exits with its error's exit_code: 1
# (EXIT_FAILED) for an RmJournalError, 2 (EXIT_USAGE) for a CliError or refused input.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PROBLEMS_FOUND, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_SAME_CONTENT = 4  # verify-pdf: the agreed items match, the file is not the one written

# A command: the parsed arguments and the stream to print on, to an exit code.
Command: TypeAlias = Callable[[argparse.Namespace, TextIO], int]
# What argparse's add_subparsers() returns, for the modules that add their commands.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CliError(RmJournalError):
    """A problem with how the command was called (missing secret, unknown pair...)."""

    exit_code = EXIT_USAGE


def usage_error(usage: str) -> int:
    """Refuse a command group given without its action (``rm-journal sessions``)."""
    raise CliError(f"Usage: rm-journal {usage}.")


def usage(text: str) -> Command:
    """The command of a group given alone: it says how the group is used."""
    return lambda _args, _out: usage_error(text)


# -- secrets -----------------------------------------------------------------------------


def read_fd(fd: int) -> str:
    """One line from an inherited file descriptor, without its line ending."""
    try:
        with open(fd, "rb", closefd=False) as stream:
            line = stream.readline()
    except OSError as exc:
        raise CliError(f"Could not read from file descriptor {fd}: {exc.strerror}.") from exc
    return line.rstrip(b"\r\n").decode("utf-8")


def prompt(label: str) -> str:
    """A secret typed at a no-echo prompt; refused when there is no terminal to ask."""
    if not sys.stdin.isatty():
        raise CliError(
            f"No {label} given and no terminal to ask for it: use --passphrase-fd N, "
            f"--passphrase-file FILE or the environment variable {ENV_PASSPHRASE}."
        )
    try:
        return getpass.getpass(f"{label[0].upper()}{label[1:]}: ")
    except EOFError:
        raise CliError(f"No {label} was entered.") from None


def secret(fd: int | None, env: str, label: str) -> str:
    """A secret from the descriptor if one is given, else the environment, else a prompt."""
    if fd is not None:
        return read_fd(fd)
    value = os.environ.get(env)
    if value is not None:
        return value
    return prompt(label)


def read_secret_file(path: str) -> str:
    """The first line of a file the person keeps the passphrase in (``--passphrase-file``:
    on Windows, where handing a script a file descriptor is impractical)."""
    from rm_journal.core.storage.fsutil import read_limited

    def too_large() -> CliError:
        return CliError(f"{path} is too large to hold a passphrase.")

    data = read_limited(Path(path), SECRET_FILE_LIMIT, "a passphrase file", too_large)
    try:
        return data.splitlines()[0].decode("utf-8") if data else ""
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text.") from None


def passphrase(args: argparse.Namespace) -> str:
    """The vault's passphrase, from ``--passphrase-fd``, ``--passphrase-file``, the
    environment or a prompt."""
    if args.passphrase_fd is None and getattr(args, "passphrase_file", None) is not None:
        return read_secret_file(args.passphrase_file)
    return secret(args.passphrase_fd, ENV_PASSPHRASE, "passphrase")


def new_passphrase(fd: int | None, env: str) -> str:
    """A new passphrase: from fd/env as given, or typed twice at a prompt."""
    from rm_journal.core.vault import check_new_passphrase

    if fd is not None or os.environ.get(env) is not None:
        value = secret(fd, env, "new passphrase")
        check_new_passphrase(value)
        return value
    first = prompt("new passphrase")
    check_new_passphrase(first)
    if prompt("new passphrase again") != first:
        raise CliError("The two passphrases differ; nothing was changed. Try again.")
    return first


# -- the data folder, the vault, a pair -----------------------------------------------------


def data_dir(args: argparse.Namespace, *, create: bool = False) -> DataDir:
    """The data folder, locked; only the commands that make a vault create a missing one."""
    path = Path(args.data_dir) if args.data_dir else default_data_dir()
    return DataDir.acquire(path, create=create)


@contextlib.contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[Vault]:
    """The data folder, locked for this process, and its vault, unlocked; both released."""
    # Imported here: cryptography and SQLCipher are not needed to start the desktop app.
    from rm_journal.core.vault import Vault

    with data_dir(args) as folder, Vault.unlock(folder, passphrase(args)) as vault:
        yield vault


def find_pair(vault: Vault, ref: str) -> PairEntry:
    """The pair a user named by its number in 'pairs list' or by 4+ characters of its id."""
    entries = vault.pairs()
    if ref.isdigit() and 1 <= int(ref) <= len(entries):
        return entries[int(ref) - 1]
    matches = [e for e in entries if len(ref) >= 4 and e.pair_id.startswith(ref.lower())]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise CliError(f"'{ref}' matches several pairs; give more characters of the id.")
    raise NotFound(f"No pair '{ref}'. See 'rm-journal pairs list' for numbers and ids.")
