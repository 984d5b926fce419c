"""The vault itself: ``init``, ``passwd``, ``rotate-keys``, ``recovery-code``, ``recover``,
``check``, and ``demo`` (a vault of its own, filled with a realistic example)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from rm_journal.cli.common import (
    ENV_NEW_PASSPHRASE,
    ENV_PASSPHRASE,
    ENV_RECOVERY_CODE,
    EXIT_OK,
    EXIT_PROBLEMS_FOUND,
    Subparsers,
    data_dir,
    new_passphrase,
    read_secret_file,
    secret,
    unlocked,
)
from rm_journal.core.storage.datadir import DataDir


def _print_recovery_code(code: str, out: TextIO) -> None:
    print(
        "\nRecovery code (shown once; write it down and keep it apart from this computer):\n\n"
        f"    {code}\n\n"
        "It can open this vault and set a new passphrase if the passphrase is forgotten.\n"
        "Nobody else can recover your journals: without the passphrase or this code,\n"
        "they are lost.",
        file=out,
    )


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.vault import Vault

    with data_dir(args, create=True) as folder:
        if args.passphrase_fd is None and args.passphrase_file is not None:
            from rm_journal.core.vault import check_new_passphrase

            passphrase = read_secret_file(args.passphrase_file)
            check_new_passphrase(passphrase)
        else:
            passphrase = new_passphrase(args.passphrase_fd, ENV_PASSPHRASE)
        vault, code = Vault.create(folder, passphrase)
        with vault:
            print(f"Created an encrypted vault in {folder.path}.", file=out)
            _print_recovery_code(code, out)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:  # the current passphrase opened it: it is checked
        taken = vault.change_passphrase(new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE))
        if taken is not None:
            print(
                "A backup of the whole vault was written and checked first; it opens with the\n"
                f"OLD passphrase: {taken.path}",
                file=out,
            )
        print(
            "Passphrase changed. Use the new one from now on.\n"
            "The keys stay the same: a copy of the old vault.json (in a backup, a synced\n"
            "folder) still opens with the old passphrase, also what is written from now on.\n"
            "If someone may know the old one, run 'rm-journal rotate-keys' instead.",
            file=out,
        )
    return EXIT_OK


def cmd_rotate_keys(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        new = new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE)
        print("Re-encrypting every file under new keys...", file=out, flush=True)
        done = vault.rotate_keys(
            new, progress=lambda n, total: print(f"  {n}/{total} files", file=out, flush=True)
        )
        print(
            "Every key was replaced and every file re-encrypted. Use the new passphrase from now\n"
            "on; nothing kept from before (an old vault.json, the old recovery code) opens the\n"
            "files as they are now.",
            file=out,
        )
        _print_recovery_code(done.recovery_code, out)
        _tell_old_backups(done.old_backups, out)
    return EXIT_OK


def _tell_old_backups(old: list[Path], out: TextIO) -> None:
    if not old:
        return
    these = (
        "1 backup taken before still opens"
        if len(old) == 1
        else f"{len(old)} backups taken before still open"
    )
    print(
        f"\n{these} with the OLD passphrase and hold the old keys.\n"
        "Make a fresh backup ('rm-journal backup'), then delete these folders:",
        file=out,
    )
    for path in old:
        print(f"    {path}", file=out)


def cmd_recovery_code(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        if args.status:
            print(recovery_code_state(vault.recovery_code_made()), file=out)
            return EXIT_OK
        code = vault.replace_recovery_code()
        print(
            "A new recovery code replaces the old one, which no longer opens this vault.", file=out
        )
        _print_recovery_code(code, out)
        print(
            "\nA copy of the old vault.json (in a backup) still opens with the old code;\n"
            "'rm-journal rotate-keys' ends that too.",
            file=out,
        )
    return EXIT_OK


def recovery_code_state(made: dt.datetime | None) -> str:
    """Whether a code is set and since when; never the code, which is not kept."""
    if made is None:
        return (
            "A recovery code is set. When it was made is not recorded (before rm_journal noted\n"
            "it). It is not kept anywhere: 'rm-journal recovery-code' replaces it."
        )
    when = made.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"A recovery code is set, made on {when}. It is not kept anywhere: it cannot be\n"
        "shown again; 'rm-journal recovery-code' replaces it."
    )


def cmd_recover(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.vault import Vault

    with data_dir(args) as folder:
        code = secret(args.recovery_code_fd, ENV_RECOVERY_CODE, "recovery code")
        with Vault.unlock_with_recovery(folder, code) as vault:
            # no backup first: recovery must work with a damaged journal or a nearly full
            # disk, and such a backup would open only with the forgotten passphrase
            vault.change_passphrase(
                new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE), backup_first=False
            )
            print(
                "The vault is open again with your new passphrase. The recovery code stays valid.",
                file=out,
            )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core import backup

    with unlocked(args) as vault:
        results = vault.check()
        numbers = {pid: n for n, pid in enumerate(vault.pair_ids(), start=1)}
        copies = {
            r.pair_id: backup.newest_for_pair(vault, r.pair_id)
            for r in results
            if not r.ok and r.pair_id is not None
        }
    bad = 0
    for result in results:
        if result.ok:
            print(f"ok       {result.file_name}  ({result.label})", file=out)
            continue
        bad += 1
        print(f"DAMAGED  {result.file_name}  ({result.label}): {result.problems[0]}", file=out)
        if result.pair_id is None:
            continue
        copy = copies.get(result.pair_id)
        if copy is None:
            print("         no backup in the data folder holds a copy that verifies", file=out)
            continue
        print(
            f"         a copy that verifies: {copy.path}\n"
            f"         restore it with: rm-journal restore --pair {numbers[result.pair_id]}",
            file=out,
        )
    if bad:
        print(f"{bad} file(s) failed the check. Restore them from a backup.", file=sys.stderr)
        return EXIT_PROBLEMS_FOUND
    print("Every file passed the integrity check.", file=out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal import demo
    from rm_journal.core.vault import Vault

    with DataDir.acquire(Path(args.directory)) as folder:
        passphrase = demo.demo_passphrase()
        vault, _code = Vault.create(folder, passphrase)
        with vault:
            demo.fill(vault)
            count = len(vault.pair_ids())
    print(f"Created a demo vault with {count} pairs in {folder.path}.", file=out)
    print(f"Its passphrase is: {passphrase}", file=out)
    print(f"Try: rm-journal --data-dir {folder.path} pairs list", file=out)
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    sub.add_parser("init", help="create a vault protected by a new passphrase").set_defaults(
        func=cmd_init
    )
    new_fd = {"metavar": "N", "type": int, "help": "read the new passphrase from descriptor N"}
    p = sub.add_parser(
        "passwd", help="change the passphrase (about a second; the keys stay: see rotate-keys)"
    )
    p.add_argument("--new-passphrase-fd", **new_fd)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser(
        "rotate-keys",
        help="new keys for every file and a new passphrase and recovery code "
        "(after the old passphrase may have been seen)",
    )
    p.add_argument("--new-passphrase-fd", **new_fd)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_rotate_keys)

    p = sub.add_parser(
        "recovery-code", help="replace the recovery code (the old one stops working)"
    )
    p.add_argument(
        "--status",
        action="store_true",
        help="only say whether a recovery code is set and when it was made",
    )
    p.set_defaults(func=cmd_recovery_code)

    p = sub.add_parser("recover", help="open with the recovery code and set a new passphrase")
    p.add_argument(
        "--recovery-code-fd",
        metavar="N",
        type=int,
        help=f"read the recovery code from descriptor N (else ${ENV_RECOVERY_CODE})",
    )
    p.add_argument("--new-passphrase-fd", **new_fd)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_recover)


def add_check_parser(sub: Subparsers) -> None:
    sub.add_parser("check", help="verify every file of the vault").set_defaults(func=cmd_check)


def add_demo_parser(sub: Subparsers) -> None:
    p = sub.add_parser("demo", help="create a realistic demo vault in a folder of its own")
    p.add_argument("directory", help="an empty or new folder for the demo vault")
    p.set_defaults(func=cmd_demo)
