"""``rm-journal templates``: list, show, import, export, copy or remove session templates."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from rm_journal.cli.common import EXIT_OK, CliError, Subparsers, unlocked
from rm_journal.cli.text import one_line


def cmd_templates_list(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    role = getattr(args, "for_role", None)
    language = getattr(args, "language", "en")
    with unlocked(args) as vault:
        library = TemplateLibrary(vault)
        if role is None:
            groups = [library.entries()]
        else:
            offer = library.offered_for(role)
            groups = [list(offer.mine), list(offer.others)]
    for index, group in enumerate(groups):
        if index and group:
            other = "mentor" if role == "leader" else "leader"
            print(f"-- written for the {other} --", file=out)
        for entry in group:
            t = entry.template
            origin = "built-in" if entry.builtin else "custom"
            row = f"{t.id:<24} v{t.version:<3} {origin:<8} {t.audience:<7} {t.name.get(language)}"
            print(one_line(row), file=out)
    return EXIT_OK


def cmd_templates_show(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with unlocked(args) as vault:
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
    with unlocked(args) as vault:
        t = TemplateLibrary(vault).import_bytes(data)
    print(f"Imported the template '{t.id}' (version {t.version}) into the vault.", file=out)
    return EXIT_OK


def cmd_templates_export(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.core.storage.fsutil import atomic_write
    from rm_journal.templates.library import TemplateLibrary

    with unlocked(args) as vault:
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

    with unlocked(args) as vault:
        t = TemplateLibrary(vault).copy(args.id, args.new_id, args.name)
    print(f"Created the custom template '{t.id}' from '{args.id}'.", file=out)
    return EXIT_OK


def cmd_templates_remove(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import TemplateLibrary

    with unlocked(args) as vault:
        TemplateLibrary(vault).remove(args.id)
    print(
        f"Removed the template '{args.id}'. Sessions written with it keep their own copy.", file=out
    )
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    from rm_journal.core.models import Language, Role  # for the choices

    templates = sub.add_parser("templates", help="list, show, import, export or copy templates")
    templates.set_defaults(func=cmd_templates_list)
    tsub = templates.add_subparsers(title="template commands", metavar="ACTION")
    p = tsub.add_parser("list", help="built-in and custom templates")
    p.add_argument(
        "--for",
        dest="for_role",
        choices=[r.value for r in Role],
        help="as offered to a leader or a mentor: theirs and the shared ones first",
    )
    p.add_argument("--language", default="en", choices=[la.value for la in Language])
    p.set_defaults(func=cmd_templates_list)
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
    p.add_argument("--name", help="the copy's name (else the original's, marked as a copy)")
    p.set_defaults(func=cmd_templates_copy)
    p = tsub.add_parser("remove", help="remove a custom template (sessions keep their copy)")
    p.add_argument("id")
    p.set_defaults(func=cmd_templates_remove)
