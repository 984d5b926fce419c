"""The command line: a thin face over the same core as the desktop app.

Secrets come from a no-echo prompt, from a file descriptor (``--passphrase-fd``)
or from the environment (``RM_JOURNAL_PASSPHRASE``), as borg and restic do.
Every failure is one line on stderr and a non-zero exit status; a traceback is
shown only with ``RM_JOURNAL_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rm_journal import __version__
from rm_journal.cli_text import one_line, visible_output
from rm_journal.core import logs
from rm_journal.core.errors import InvalidInput, NotFound, RmJournalError
from rm_journal.core.storage.datadir import DataDir, default_data_dir
from rm_journal.core.storage.fsutil import set_private_umask

if TYPE_CHECKING:
    from rm_journal.core.vault import PairEntry, Vault

PROG = "rm-journal"
ENV_PASSPHRASE = "RM_JOURNAL_PASSPHRASE"  # noqa: S105 - a variable name
ENV_NEW_PASSPHRASE = "RM_JOURNAL_NEW_PASSPHRASE"  # noqa: S105 - a variable name
ENV_RECOVERY_CODE = "RM_JOURNAL_RECOVERY_CODE"
ENV_DEBUG = "RM_JOURNAL_DEBUG"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PROBLEMS_FOUND, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class CliError(RmJournalError):
    """A problem with how the command was called (missing secret, unknown pair...)."""

    exit_code = EXIT_USAGE


# -- secrets -----------------------------------------------------------------------------


def _read_fd(fd: int) -> str:
    """One line from an inherited file descriptor, without its line ending."""
    try:
        with open(fd, "rb", closefd=False) as stream:
            line = stream.readline()
    except OSError as exc:
        raise CliError(f"Could not read from file descriptor {fd}: {exc.strerror}.") from exc
    return line.rstrip(b"\r\n").decode("utf-8")


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            f"No {label} given and no terminal to ask for it: use --passphrase-fd N "
            f"or the environment variable {ENV_PASSPHRASE}."
        )
    try:
        return getpass.getpass(f"{label[0].upper()}{label[1:]}: ")
    except EOFError:
        raise CliError(f"No {label} was entered.") from None


def _secret(fd: int | None, env: str, label: str) -> str:
    if fd is not None:
        return _read_fd(fd)
    value = os.environ.get(env)
    if value is not None:
        return value
    return _prompt(label)


def _passphrase(args: argparse.Namespace) -> str:
    return _secret(args.passphrase_fd, ENV_PASSPHRASE, "passphrase")


def _new_passphrase(fd: int | None, env: str) -> str:
    """A new passphrase: from fd/env as given, or typed twice at a prompt."""
    from rm_journal.core.vault import check_new_passphrase

    if fd is not None or os.environ.get(env) is not None:
        value = _secret(fd, env, "new passphrase")
        check_new_passphrase(value)
        return value
    first = _prompt("new passphrase")
    check_new_passphrase(first)
    if _prompt("new passphrase again") != first:
        raise CliError("The two passphrases differ; nothing was changed. Try again.")
    return first


# -- commands ------------------------------------------------------------------------------


def _data_dir(args: argparse.Namespace, *, create: bool = False) -> DataDir:
    """The data folder, locked; only the commands that make a vault create a missing one."""
    path = Path(args.data_dir) if args.data_dir else default_data_dir()
    return DataDir.acquire(path, create=create)


@contextlib.contextmanager
def _unlocked(args: argparse.Namespace) -> Iterator[Vault]:
    """The data folder, locked for this process, and its vault, unlocked; both released."""
    # Imported here: cryptography and SQLCipher are not needed to start the desktop app.
    from rm_journal.core.vault import Vault

    with _data_dir(args) as data_dir, Vault.unlock(data_dir, _passphrase(args)) as vault:
        yield vault


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

    with _data_dir(args, create=True) as data_dir:
        passphrase = _new_passphrase(args.passphrase_fd, ENV_PASSPHRASE)
        vault, code = Vault.create(data_dir, passphrase)
        with vault:
            print(f"Created an encrypted vault in {data_dir.path}.", file=out)
            _print_recovery_code(code, out)
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace, out: TextIO) -> int:
    with _unlocked(args) as vault:
        vault.change_passphrase(_new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE))
        print(
            "Passphrase changed. Use the new one from now on.\n"
            "The keys stay the same: a copy of the old vault.json (in a backup, a synced\n"
            "folder) still opens with the old passphrase, also what is written from now on.\n"
            "If someone may know the old one, run 'rm-journal rotate-keys' instead.",
            file=out,
        )
    return EXIT_OK


def cmd_rotate_keys(args: argparse.Namespace, out: TextIO) -> int:
    with _unlocked(args) as vault:
        new = _new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE)
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
    with _unlocked(args) as vault:
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


def cmd_recover(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.vault import Vault

    with _data_dir(args) as data_dir:
        code = _secret(args.recovery_code_fd, ENV_RECOVERY_CODE, "recovery code")
        with Vault.unlock_with_recovery(data_dir, code) as vault:
            # no backup first: recovery must work with a damaged journal or a nearly full
            # disk, and such a backup would open only with the forgotten passphrase
            vault.change_passphrase(
                _new_passphrase(args.new_passphrase_fd, ENV_NEW_PASSPHRASE), backup_first=False
            )
            print(
                "The vault is open again with your new passphrase. The recovery code stays valid.",
                file=out,
            )
    return EXIT_OK


def _describe(number: int, entry: PairEntry) -> str:
    short = entry.pair_id[:8]
    if entry.pair is None:
        return f"{number:>3}  {short}  (cannot be opened: {entry.problem})"
    p = entry.pair.profile
    details = [f"I am the {p.my_role.value}", p.cadence.value, p.language.value]
    if p.program:
        details.insert(0, p.program)
    if p.start_date:
        details.append(f"since {p.start_date.isoformat()}")
    return one_line(f"{number:>3}  {short}  {p.display_name}  ({', '.join(details)})")


def cmd_pairs_list(args: argparse.Namespace, out: TextIO) -> int:
    with _unlocked(args) as vault:
        entries = vault.open_all()  # says which journals are damaged
        if not entries:
            print("No pairs yet. Add one with 'rm-journal pairs add'.", file=out)
        for number, entry in enumerate(entries, start=1):
            print(_describe(number, entry), file=out)
    return EXIT_OK


def cmd_pairs_add(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.models import Cadence, Language, PairProfile, Role

    start = None
    if args.start:
        try:
            start = dt.date.fromisoformat(args.start)
        except ValueError:
            raise InvalidInput("The start date must be written YYYY-MM-DD.") from None
    profile = PairProfile(
        display_name=args.name,
        my_role=Role(args.role),
        program=args.program,
        start_date=start,
        cadence=Cadence(args.cadence),
        language=Language(args.language),
    )
    with _unlocked(args) as vault:
        pair = vault.add_pair(profile)
        print(f"Added the pair {pair.pair_id[:8]} with its own journal and key.", file=out)
    return EXIT_OK


def _find_pair(vault: Vault, ref: str) -> PairEntry:
    entries = vault.pairs()
    if ref.isdigit() and 1 <= int(ref) <= len(entries):
        return entries[int(ref) - 1]
    matches = [e for e in entries if len(ref) >= 4 and e.pair_id.startswith(ref.lower())]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise CliError(f"'{ref}' matches several pairs; give more characters of the id.")
    raise NotFound(f"No pair '{ref}'. See 'rm-journal pairs list' for numbers and ids.")


def cmd_pairs_remove(args: argparse.Namespace, out: TextIO) -> int:
    with _unlocked(args) as vault:
        entry = _find_pair(vault, args.pair)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("Removing a pair cannot be undone: add --yes to confirm.")
            label = one_line(entry.pair.profile.display_name) if entry.pair else entry.pair_id[:8]
            answer = input(f"Remove the pair '{label}' and destroy its journal for good? [y/N] ")
            if answer.strip().lower() not in {"y", "yes", "o", "oui"}:
                print("Nothing was removed.", file=out)
                return EXIT_OK
        forgotten = vault.remove_pair(entry.pair_id)
        print(
            "The pair's key was destroyed and its journal deleted; the copies of that "
            "journal in this data folder can no longer be opened.",
            file=out,
        )
        if forgotten.deleted:
            n = len(forgotten.deleted)
            these = "1 copy of the vault" if n == 1 else f"{n} copies of the vault"
            print(
                f"{these} could not be read with the current keys to remove the pair's key "
                "(damaged, unfinished, or taken before the keys were rotated), so "
                f"{'it was' if n == 1 else 'they were'} deleted: {', '.join(forgotten.deleted)}.",
                file=out,
            )
        print(
            "Copies kept elsewhere (other disks, synced folders, 'rm-journal backup DEST') "
            "still hold the key; delete them too.",
            file=out,
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core import backup

    with _unlocked(args) as vault:
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


def cmd_templates_list(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with _unlocked(args) as vault:
        for entry in TemplateLibrary(vault).entries():
            t = entry.template
            origin = "built-in" if entry.builtin else "custom"
            row = f"{t.id:<24} v{t.version:<3} {origin:<8} {t.audience:<7} {t.name.en}"
            print(one_line(row), file=out)
    return EXIT_OK


def cmd_templates_show(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with _unlocked(args) as vault:
        t = TemplateLibrary(vault).get(args.id)
    lang = args.language
    print(f"{t.name.get(lang)} ({t.id}, version {t.version}, for {t.audience})", file=out)
    print(t.description.get(lang), file=out)
    for section in t.sections:
        print(f"\n{section.title.get(lang)}", file=out)
        for f in section.fields:
            flags = (
                [f.type.value]
                + (["required"] if f.required else [])
                + (["private"] if f.private else [])
            )
            print(f"  - {f.label.get(lang)} [{f.key}: {', '.join(flags)}]", file=out)
    return EXIT_OK


def cmd_templates_import(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise CliError(f"Could not read {args.file}: {exc.strerror}.") from None
    with _unlocked(args) as vault:
        t = TemplateLibrary(vault).import_bytes(data)
    print(f"Imported the template '{t.id}' (version {t.version}) into the vault.", file=out)
    return EXIT_OK


def cmd_templates_export(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.storage.fsutil import atomic_write
    from rm_journal.templates.library import TemplateLibrary

    with _unlocked(args) as vault:
        data = TemplateLibrary(vault).export_bytes(args.id)
    target = Path(args.file)
    if target.exists() and not args.force:
        raise CliError(f"{target} already exists; add --force to replace it.")
    atomic_write(target, data)
    print(
        f"Wrote the template '{args.id}' to {target}. It holds the form, no journal content.",
        file=out,
    )
    return EXIT_OK


def cmd_templates_copy(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with _unlocked(args) as vault:
        t = TemplateLibrary(vault).copy(args.id, args.new_id)
    print(f"Created the custom template '{t.id}' from '{args.id}'.", file=out)
    return EXIT_OK


def cmd_templates_remove(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with _unlocked(args) as vault:
        TemplateLibrary(vault).remove(args.id)
    print(
        f"Removed the template '{args.id}'. Sessions written with it keep their own copy.", file=out
    )
    return EXIT_OK


def cmd_sessions_list(args: argparse.Namespace, out: TextIO) -> int:
    with _unlocked(args) as vault:
        journal = vault.journal(_find_pair(vault, args.pair).pair_id)
        sessions = journal.sessions(last=args.last) if args.last else journal.sessions()
        if not sessions:
            print("No sessions yet.", file=out)
        for s in sessions:
            when = (s.held_date or s.planned_date or "").__str__()
            print(
                one_line(
                    f"{s.number:>3}  {s.template_id:<24} {s.status.value:<9} {when:<10}  {s.title}"
                ),
                file=out,
            )
    return EXIT_OK


def cmd_sessions_show(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.render import render_session

    with _unlocked(args) as vault:
        entry = _find_pair(vault, args.pair)
        journal = vault.journal(entry.pair_id)
        chosen = [s for s in journal.sessions() if s.number == args.number]
        if args.template:
            chosen = [s for s in chosen if s.template_id == args.template]
        if not chosen:
            raise NotFound(f"No session {args.number} in this pair; see 'rm-journal sessions'.")
        language = args.language or (entry.pair.profile.language.value if entry.pair else "en")
        for i, session in enumerate(chosen):
            if i:
                print("", file=out)
            text = render_session(
                session,
                journal.fields(session.uuid),
                language,
                missing_required=journal.missing_required(session.uuid),
            )
            print(text, end="", file=out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal import demo
    from rm_journal.core.vault import Vault

    with DataDir.acquire(Path(args.directory)) as data_dir:
        passphrase = demo.demo_passphrase()
        vault, _code = Vault.create(data_dir, passphrase)
        with vault:
            demo.fill(vault)
            count = len(vault.pair_ids())
    print(f"Created a demo vault with {count} pairs in {data_dir.path}.", file=out)
    print(f"Its passphrase is: {passphrase}", file=out)
    print(f"Try: rm-journal --data-dir {data_dir.path} pairs list", file=out)
    return EXIT_OK


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


# -- parsing --------------------------------------------------------------------------------


def _usage_error(usage: str) -> int:
    raise CliError(f"Usage: rm-journal {usage}.")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
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


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The desktop app starts on global options alone, without building every command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    quick = argparse.ArgumentParser(prog=PROG, add_help=False)
    _add_global_options(quick)
    known, rest = quick.parse_known_args(argv)
    if not rest:
        known.func = cmd_open_app
        return known
    return build_parser().parse_args(argv)


def build_parser() -> argparse.ArgumentParser:
    from rm_journal.core.models import Cadence, Language, Role  # for the choices

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Confidential, encrypted journals for reverse-mentoring pairs. "
        "With no command, opens the desktop app.",
    )
    _add_global_options(parser)
    parser.set_defaults(func=cmd_open_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

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

    sub.add_parser(
        "recovery-code", help="replace the recovery code (the old one stops working)"
    ).set_defaults(func=cmd_recovery_code)

    p = sub.add_parser("recover", help="open with the recovery code and set a new passphrase")
    p.add_argument(
        "--recovery-code-fd",
        metavar="N",
        type=int,
        help=f"read the recovery code from descriptor N (else ${ENV_RECOVERY_CODE})",
    )
    p.add_argument("--new-passphrase-fd", **new_fd)  # type: ignore[arg-type]
    p.set_defaults(func=cmd_recover)

    pairs = sub.add_parser("pairs", help="list, add or remove mentoring pairs")
    pairs.set_defaults(func=cmd_pairs_list)
    psub = pairs.add_subparsers(title="pair commands", metavar="ACTION")
    psub.add_parser("list", help="list the pairs").set_defaults(func=cmd_pairs_list)
    p = psub.add_parser("add", help="add a pair with its own encrypted journal")
    p.add_argument("--name", required=True, help="the partner's name or an alias")
    p.add_argument("--role", required=True, choices=[r.value for r in Role], help="your role")
    p.add_argument("--program", default="", help="the mentoring program")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the first session's date")
    p.add_argument("--cadence", default=Cadence.MONTHLY.value, choices=[c.value for c in Cadence])
    p.add_argument("--language", default=Language.EN.value, choices=[la.value for la in Language])
    p.set_defaults(func=cmd_pairs_add)
    p = psub.add_parser("remove", help="destroy a pair's key and journal (cannot be undone)")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_pairs_remove)

    sub.add_parser("check", help="verify every file of the vault").set_defaults(func=cmd_check)

    templates = sub.add_parser("templates", help="list, show, import, export or copy templates")
    templates.set_defaults(func=cmd_templates_list)
    tsub = templates.add_subparsers(title="template commands", metavar="ACTION")
    tsub.add_parser("list", help="built-in and custom templates").set_defaults(
        func=cmd_templates_list
    )
    p = tsub.add_parser("show", help="a template's sections and fields")
    p.add_argument("id")
    p.add_argument("--language", default="en", choices=[la.value for la in Language])
    p.set_defaults(func=cmd_templates_show)
    p = tsub.add_parser("import", help="validate a template file and keep it in the vault")
    p.add_argument("file")
    p.set_defaults(func=cmd_templates_import)
    p = tsub.add_parser("export", help="write a template to a file")
    p.add_argument("id")
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(func=cmd_templates_export)
    p = tsub.add_parser("copy", help="start a custom template as a copy of another")
    p.add_argument("id")
    p.add_argument("new_id")
    p.set_defaults(func=cmd_templates_copy)
    p = tsub.add_parser("remove", help="remove a custom template (sessions keep their copy)")
    p.add_argument("id")
    p.set_defaults(func=cmd_templates_remove)

    sessions = sub.add_parser("sessions", help="list a pair's sessions or show one")
    ssub = sessions.add_subparsers(title="session commands", metavar="ACTION")
    p = ssub.add_parser("list", help="the sessions of a pair")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--last", type=int, metavar="N", help="only the N most recent entries")
    p.set_defaults(func=cmd_sessions_list)
    p = ssub.add_parser("show", help="a session, laid out by its own template")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the session number")
    p.add_argument("--template", help="only the entry made with this template")
    p.add_argument("--language", choices=[la.value for la in Language])
    p.set_defaults(func=cmd_sessions_show)
    sessions.set_defaults(
        func=lambda _a, _o: _usage_error(
            "sessions list PAIR | sessions show PAIR N | sessions add PAIR"
        )
    )

    from rm_journal import (  # here: they build on this module's helpers
        cli_backup,
        cli_entries,
        cli_exchange,
        cli_share,
    )

    cli_share.add_parsers(sub)
    cli_exchange.add_parsers(sub)
    cli_backup.add_parsers(sub)
    cli_entries.add_parsers(sub, ssub)

    p = sub.add_parser("demo", help="create a realistic demo vault in a folder of its own")
    p.add_argument("directory", help="an empty or new folder for the demo vault")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    set_private_umask()
    logs.configure()  # off unless $RM_JOURNAL_LOG asks (logging is then not even imported)
    # Everything a command prints, on either stream, shows control characters visibly:
    # a partner's text or a pair's name cannot forge lines in the terminal (cli_text).
    out = visible_output(out or sys.stdout)
    args = parse(argv)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(visible_output(sys.stderr)):
        return _run(args, out)  # print() and input() prompts included


def _run(args: argparse.Namespace, out: TextIO) -> int:
    func: Callable[[argparse.Namespace, TextIO], int] = args.func
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
