"""``rm-journal topics``: the mentor's backlog from the command line, as in the Topics tab
(list, the library, add, edit, set aside, delete, plan for a session).

A topic is named by its number in ``topics list`` (the backlog's order, oldest first).
Planning goes through the same function as the app's (``templates.planning``): the
session's topic field, when blank, takes the topic's title.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TextIO

from rm_journal.cli.common import EXIT_OK, CliError, Subparsers, find_pair, unlocked, usage
from rm_journal.cli.text import one_line
from rm_journal.core.errors import NotFound
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Topic, TopicStatus


def _topic(journal: Journal, number: int) -> Topic:
    topics = journal.topics()
    if not 1 <= number <= len(topics):
        raise NotFound(f"No topic {number} in this backlog; see 'rm-journal topics list PAIR'.")
    return topics[number - 1]


def _items(given: list[str]) -> list[str]:
    return [item.strip() for item in given if item.strip()]


def _session_uuid(journal: Journal, number: int, template: str | None) -> str:
    """The entry numbered so (and made with ``template``, when a meeting has several)."""
    chosen = [s for s in journal.sessions() if s.number == number]
    if template:
        chosen = [s for s in chosen if s.template_id == template]
    if not chosen:
        raise NotFound(f"No session {number} in this pair; see 'rm-journal sessions list PAIR'.")
    if len(chosen) > 1:
        kinds = ", ".join(s.template_id for s in chosen)
        raise CliError(f"Session {number} has {len(chosen)} entries ({kinds}): add --template.")
    return chosen[0].uuid


def cmd_topics_list(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        numbers = {s.uuid: s.number for s in journal.sessions()}
        topics = journal.topics()
        if not topics:
            print("No topics yet: 'rm-journal topics add PAIR --title ...'.", file=out)
        for n, t in enumerate(topics, start=1):
            if args.status and t.status.value != args.status:
                continue
            state = t.status.value
            if t.status is TopicStatus.PLANNED and t.planned_session_uuid in numbers:
                state = f"planned for session {numbers[t.planned_session_uuid]}"
            print(one_line(f"{n:>3}  {state:<24} {t.title}"), file=out)
            if args.details:
                for line in ([t.why] if t.why else []) + [f"? {q}" for q in t.questions]:
                    print(one_line(f"       {line}"), file=out)
    return EXIT_OK


def cmd_topics_library(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import topic_library

    for topic in topic_library():
        print(one_line(f"{topic.key:<22} {topic.title.get(args.language)}"), file=out)
        if args.details:
            print(one_line(f"{'':<22} {topic.why.get(args.language)}"), file=out)
            for q in topic.questions:
                print(one_line(f"{'':<22} ? {q.get(args.language)}"), file=out)
    return EXIT_OK


def cmd_topics_add(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.library import seed_topics

    if bool(args.title is not None) == bool(args.library):
        raise CliError(
            "Give either --title (your own topic) or --library KEY (see 'topics library')."
        )
    with unlocked(args) as vault:
        entry = find_pair(vault, args.pair)
        journal = vault.journal(entry.pair_id)
        if args.library:
            language = args.language or (entry.pair.profile.language.value if entry.pair else "en")
            added = seed_topics(journal, args.library, language)
            skipped = len(set(args.library)) - len(added)
            for t in added:
                print(one_line(f"Added: {t.title}"), file=out)
            if skipped:
                print(f"{skipped} already in the backlog (same title): not added again.", file=out)
        else:
            t = journal.add_topic(
                args.title.strip(),
                why=(args.why or "").strip(),
                questions=_items(args.question or []),
                resources=_items(args.resource or []),
            )
            print(one_line(f"Added topic {len(journal.topics())}: {t.title}"), file=out)
    return EXIT_OK


def cmd_topics_edit(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        topic = _topic(journal, args.number)
        if all(x is None for x in (args.title, args.why, args.question, args.resource)):
            raise CliError("Nothing to change: give --title, --why, --question or --resource.")
        saved = journal.update_topic(  # a list given replaces the old one
            dataclasses.replace(
                topic,
                title=topic.title if args.title is None else args.title.strip(),
                why=topic.why if args.why is None else args.why.strip(),
                questions=topic.questions if args.question is None else _items(args.question),
                resources=topic.resources if args.resource is None else _items(args.resource),
            )
        )
        print(one_line(f"Topic {args.number} saved: {saved.title}"), file=out)
    return EXIT_OK


def cmd_topics_drop(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        topic = _topic(journal, args.number)
        status = TopicStatus.IDEA if args.back else TopicStatus.DROPPED
        journal.update_topic(dataclasses.replace(topic, status=status, planned_session_uuid=None))
        done = "brought back among the ideas" if args.back else "set aside (still listed)"
        print(one_line(f"Topic {args.number} {done}: {topic.title}"), file=out)
    return EXIT_OK


def cmd_topics_delete(args: argparse.Namespace, out: TextIO) -> int:
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        topic = _topic(journal, args.number)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError(
                    "Deleting a topic cannot be undone here: add --yes to confirm "
                    "(or 'topics drop' to set it aside)."
                )
            answer = input(one_line(f"Delete the topic '{topic.title}'? [y/N] "))
            if answer.strip().lower() not in {"y", "yes", "o", "oui"}:
                print("Nothing was deleted.", file=out)
                return EXIT_OK
        journal.delete_topic(topic.uuid)
        print(one_line(f"Deleted: {topic.title}"), file=out)
    return EXIT_OK


def cmd_topics_plan(args: argparse.Namespace, out: TextIO) -> int:
    from rm_journal.templates.planning import plan_topic

    if (args.session is None) == (not args.idea):
        raise CliError("Give the session number to plan for, or --idea to unplan it.")
    with unlocked(args) as vault:
        journal = vault.journal(find_pair(vault, args.pair).pair_id)
        topic = _topic(journal, args.number)
        if args.idea:
            journal.plan_topic(topic.uuid, None)
            print(one_line(f"Topic {args.number} is an idea again: {topic.title}"), file=out)
            return EXIT_OK
        session_uuid = _session_uuid(journal, args.session, args.template)
        plan_topic(journal, topic.uuid, session_uuid)
        print(
            one_line(f"Topic {args.number} planned for session {args.session}: {topic.title}"),
            file=out,
        )
    return EXIT_OK


def add_parsers(sub: Subparsers) -> None:
    from rm_journal.core.models import Language  # for the choices

    languages = [la.value for la in Language]
    topics = sub.add_parser("topics", help="the mentor's backlog of topics")
    topics.set_defaults(func=usage("topics list|library|add|edit|drop|delete|plan ..."))
    tsub = topics.add_subparsers(title="topic commands", metavar="ACTION")

    p = tsub.add_parser("list", help="the pair's topics, numbered")
    p.add_argument("pair", help="the pair's number or id (from 'pairs list')")
    p.add_argument("--status", choices=[s.value for s in TopicStatus])
    p.add_argument("--details", action="store_true", help="with why and the questions")
    p.set_defaults(func=cmd_topics_list)

    p = tsub.add_parser("library", help="the topic library's keys, for 'topics add --library'")
    p.add_argument("--language", default="en", choices=languages)
    p.add_argument("--details", action="store_true", help="with why and the questions")
    p.set_defaults(func=cmd_topics_library)

    def texts(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--title")
        parser.add_argument("--why", help="why it matters to this leader")
        parser.add_argument("--question", action="append", metavar="TEXT", help="repeat: several")
        parser.add_argument("--resource", action="append", metavar="TEXT", help="repeat: several")

    p = tsub.add_parser("add", help="add your own topic, or library topics by key")
    p.add_argument("pair", help="the pair's number or id")
    texts(p)
    p.add_argument("--library", action="append", metavar="KEY", help="a library topic's key")
    p.add_argument("--language", choices=languages, help="library text (default: the pair's)")
    p.set_defaults(func=cmd_topics_add)

    p = tsub.add_parser("edit", help="change a topic (a list given replaces the old one)")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the topic's number (from 'topics list')")
    texts(p)
    p.set_defaults(func=cmd_topics_edit)

    p = tsub.add_parser("drop", help="set a topic aside (still listed); --back undoes it")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the topic's number")
    p.add_argument("--back", action="store_true", help="bring it back among the ideas")
    p.set_defaults(func=cmd_topics_drop)

    p = tsub.add_parser("delete", help="delete a topic from the backlog")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the topic's number")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_topics_delete)

    p = tsub.add_parser("plan", help="plan a topic for a session (fills its blank topic field)")
    p.add_argument("pair", help="the pair's number or id")
    p.add_argument("number", type=int, help="the topic's number")
    p.add_argument("session", type=int, nargs="?", help="the session's number")
    p.add_argument("--template", help="the entry made with this template, if several")
    p.add_argument("--idea", action="store_true", help="unplan it: back among the ideas")
    p.set_defaults(func=cmd_topics_plan)
