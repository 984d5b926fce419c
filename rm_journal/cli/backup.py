"""``rm-journal backup``, ``backups`` and ``restore``: encrypted, verified copies of the vault."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from rm_journal.cli.common import (
    EXIT_OK,
    CliError,
    Subparsers,
    data_dir,
    find_pair,
    passphrase,
    unlocked,
)


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core import backup

    dest = Path(args.dest).expanduser().absolute() if args.dest else None
    retention = backup.Retention(args.keep_daily, args.keep_weekly, args.keep_events)
    with unlocked(args) as vault:
        made = backup.create(vault, backup.MANUAL, dest=dest, retention=retention)
    size = sum(entry[0] for entry in made.files.values())
    print(
        f"Backup written and verified: {made.path} ({len(made.journal_files())} journal(s), "
        f"{size / 1e6:.1f} MB).\nIt opens with the passphrase in force today.",
        file=out,
    )
    return EXIT_OK


def cmd_backups_list(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core import backup
    from rm_journal.core.storage import header

    with data_dir(args) as folder:
        vault_id = header.read(folder.header_path).vault_id if folder.has_vault() else None
        found = backup.survey(backup.backups_path(folder), vault_id)
        if not found:
            print(f"No backup yet in {backup.backups_path(folder)}.", file=out)
            return EXIT_OK
        for item in found:
            state = "ok" if item.problem is None else "DAMAGED"
            b = item.backup
            when = f"{b.created_at:%Y-%m-%d %H:%M} UTC" if b else "unknown time    "
            kind = b.kind if b else "(manifest unreadable)"
            print(f"{state:8} {when}  {kind:26} {item.path}", file=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core import backup

    if args.pair is not None:
        return _restore_pair(args, out)
    if args.source is None:
        raise CliError("Name the backup folder to restore (see 'rm-journal backups').")
    source = Path(args.source).expanduser().absolute()
    with data_dir(args, create=True) as folder:
        print(
            "The backup opens with the passphrase that was in force when it was taken.",
            file=out,
        )
        safety = backup.restore(folder, source, passphrase(args))
    if safety is not None:
        print(f"The vault as it was is kept in {safety.path}.", file=out)
    print("Restored. Unlock with the backup's passphrase.", file=out)
    return EXIT_OK


def _restore_pair(args: argparse.Namespace, out: TextIO) -> int:
    """One pair's journal from a backup (the newest that verifies unless one is named)."""
    from rm_journal.core import backup

    with unlocked(args) as vault:
        entry = find_pair(vault, args.pair)
        if args.source is not None:
            chosen: backup.Backup | None = backup.check_files(
                Path(args.source).expanduser().absolute()
            )
        else:
            chosen = backup.newest_for_pair(vault, entry.pair_id)
            if chosen is None:
                raise CliError(
                    "No backup in the data folder holds a copy of this journal that verifies."
                )
        assert chosen is not None
        backup.restore_journal(vault, entry.pair_id, chosen)
    print(f"The pair's journal was restored from {chosen.path}.", file=out)
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    p = sub.add_parser("backup", help="write an encrypted, verified backup of the whole vault")
    p.add_argument(
        "dest", nargs="?", help="a folder to write it in (default: the data folder's backups)"
    )
    p.add_argument("--keep-daily", type=int, default=7, metavar="N", help="default 7")
    p.add_argument("--keep-weekly", type=int, default=4, metavar="N", help="default 4")
    p.add_argument(
        "--keep-events",
        type=int,
        default=5,
        metavar="N",
        help="manual and before-change backups kept (default 5)",
    )
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list the backups in the data folder")
    p.set_defaults(func=cmd_backups_list)

    p = sub.add_parser(
        "restore",
        help="replace the vault with a backup (the current vault is kept as a backup first)",
    )
    p.add_argument("source", nargs="?", help="the backup folder")
    p.add_argument(
        "--pair",
        metavar="PAIR",
        help="restore only this pair's journal (number or id), by default from the newest "
        "backup that verifies; the rest of the vault is left as it is",
    )
    p.set_defaults(func=cmd_restore)
