"""Where templates come from: the built-ins shipped with the app, and the user's own,
stored encrypted in the vault. Also the topic library that seeds a mentor's backlog.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from rm_journal.core.errors import NotFound
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import EntryKind, Meeting, Session, Topic
from rm_journal.core.vault import Vault
from rm_journal.templates.schema import (
    HELP_CHARS,
    LABEL_CHARS,
    PROMPT_CHARS,
    InvalidTemplate,
    Template,
    Text,
    Where,
    bilingual,
    dumps,
    load,
    loads,
    only_keys,
    session_template,
)

BUILTIN_ORDER = (
    "kickoff-charter",
    "mentor-preparation",
    "regular-session",
    "leader-reflection",
    "mid-point-review",
    "closing-retrospective",
    "group-session",
    "mentor-self-check",
)
TOPICS_FORMAT = "rm_journal-topics"


@functools.cache
def builtin_templates() -> tuple[Template, ...]:
    """The templates shipped with the app, in the order a pair meets them."""
    folder = resources.files("rm_journal.templates") / "builtin"
    return tuple(loads(folder.joinpath(f"{tid}.json").read_bytes()) for tid in BUILTIN_ORDER)


def builtin(template_id: str) -> Template:
    for template in builtin_templates():
        if template.id == template_id:
            return template
    raise NotFound(f"There is no built-in template '{template_id}'.")


@dataclass(frozen=True)
class Entry:
    template: Template
    builtin: bool


@dataclass(frozen=True)
class Offer:
    """Templates as offered to one role: its own and the shared ones first, then the
    ones written for the other role (shown apart, never mixed in)."""

    mine: tuple[Entry, ...]
    others: tuple[Entry, ...]

    def ordered(self) -> list[Entry]:
        return [*self.mine, *self.others]


def is_for(template: Template, role: str) -> bool:
    """Written for ``role`` ("leader" or "mentor") or for both of the pair."""
    return template.audience in ("both", role)


def offered_for(entries: Iterable[Entry], role: str) -> Offer:
    """Split ``entries`` for ``role``, keeping their order: a leader is offered leader
    and shared templates first, a mentor mentor and shared ones."""
    listed = list(entries)
    mine = tuple(e for e in listed if is_for(e.template, role))
    return Offer(mine, tuple(e for e in listed if e not in mine))


_ID_PARTS = re.compile(r"[a-z0-9]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})  # French names first


def suggest_id(name: str, taken: Iterable[str]) -> str:
    """A template id made from a name a person typed (accents dropped, lowercase,
    hyphens), not in ``taken``: "Séance d'été" gives "seance-d-ete"."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_LIGATURES))
    # accents go, other letters and signs (’, —, 日) part words like a space
    kept = "".join(
        ch if ch.isascii() else ("" if unicodedata.combining(ch) else " ") for ch in decomposed
    )
    base = "-".join(_ID_PARTS.findall(kept))[:56].strip("-")
    if not base:
        base = "my-template"
    elif not base[0].isalpha() or len(base) < 2:
        base = f"my-{base}"
    used = set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


class TemplateLibrary:
    """Built-in and custom templates for one unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def entries(self) -> list[Entry]:
        out = [Entry(t, True) for t in builtin_templates()]
        out += [Entry(load(doc), False) for doc in self._vault.template_documents()]
        return out

    def offered_for(self, role: str) -> Offer:
        return offered_for(self.entries(), role)

    def get(self, template_id: str) -> Template:
        doc = self._vault.template_document(template_id)
        if doc is not None:
            return load(doc)
        try:
            return builtin(template_id)
        except NotFound:
            raise NotFound(
                f"There is no template '{template_id}'. See 'rm-journal templates list'."
            ) from None

    def import_bytes(self, data: bytes) -> Template:
        """Validate a template file and store it in the vault (a newer version replaces)."""
        template = loads(data)
        self._check_id_free(template)
        current = self._vault.template_document(template.id)
        if current is not None:
            stored = load(current)
            if template.document() == stored.document():
                return stored
            if template.version <= stored.version:
                raise InvalidTemplate(
                    f"In template '{template.id}': version {template.version} is not newer than "
                    f"the stored version {stored.version}; raise 'version' to replace it."
                )
        self._vault.save_template_document(template.id, template.version, template.document())
        return template

    def export_bytes(self, template_id: str) -> bytes:
        return dumps(self.get(template_id))

    def copy(self, template_id: str, new_id: str, name: str | None = None) -> Template:
        """A custom template that starts as a copy of another (built-in or custom).

        ``name``, typed by the person in their language, names the copy in both
        languages until they edit the file; without it the copy is "<name> (copy)"."""
        source = self.get(template_id)
        if any(e.template.id == new_id for e in self.entries()):
            raise InvalidTemplate(
                f"There is already a template '{new_id}'; give the copy an id of its own."
            )
        if name is None:
            suffix = Text(" (copy)", " (copie)")
            new_name = Text(
                source.name.en[: LABEL_CHARS - 7] + suffix.en,
                source.name.fr[: LABEL_CHARS - 8] + suffix.fr,
            )
        else:
            new_name = Text(name.strip(), name.strip())
        copy = replace(source, id=new_id, version=1, name=new_name)
        return self.import_bytes(dumps(load(copy.document())))

    def remove(self, template_id: str) -> None:
        """Remove a custom template; sessions made from it keep their own copy."""
        if any(t.id == template_id for t in builtin_templates()):
            raise InvalidTemplate(f"The built-in template '{template_id}' cannot be removed.")
        self._vault.remove_template_document(template_id)

    def _check_id_free(self, template: Template) -> None:
        if any(t.id == template.id for t in builtin_templates()):
            raise InvalidTemplate(
                f"In template '{template.id}': this id belongs to a built-in template; "
                "give your template an id of its own (for example 'my-" + template.id + "')."
            )


def start_session(journal: Journal, template: Template, **kwargs: Any) -> Any:
    """Create a session that keeps the template's exact document."""
    return journal.add_session(template.id, template.document(), **kwargs)


def entry_kind(session: Session) -> EntryKind:
    """What an entry is to its meeting. Snapshots taken before templates said it (the
    built-ins' version 1) take what their built-in says now."""
    if "entry" not in session.template_snapshot:
        with contextlib.suppress(NotFound):
            return builtin(session.template_id).entry
    return session_template(session).entry


def unprepared_soon(journal: Journal, today: dt.date, days: int = 2) -> list[Meeting]:
    """Meetings planned from today to ``days`` ahead, not held, with no preparation
    entry yet: the note shown at unlock."""
    soon = [
        m
        for m in journal.meetings()
        if not m.held and m.planned_date and 0 <= (m.planned_date - today).days <= days
    ]
    if not soon:
        return []
    prepared = {s.number for s in journal.sessions() if entry_kind(s) is EntryKind.PREPARATION}
    return [m for m in soon if m.number not in prepared]


# -- topic library ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryTopic:
    key: str
    title: Text
    why: Text
    questions: tuple[Text, ...]
    resources: tuple[Text, ...]


def parse_topic_library(data: bytes) -> tuple[LibraryTopic, ...]:
    where = Where("topics")
    try:
        doc = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        raise InvalidTemplate(f"The topic library is not valid JSON ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != TOPICS_FORMAT:
        raise where.fail(f"'format' must be \"{TOPICS_FORMAT}\"")
    only_keys(doc, {"format", "format_version", "topics"}, where, "")
    if doc.get("format_version") != 1 or not isinstance(doc.get("topics"), list):
        raise where.fail("'format_version' must be 1 and 'topics' a list")
    out, keys = [], set()
    for item in doc["topics"]:
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            raise where.fail("each topic needs a key")
        part = f"topic '{item['key']}'"
        if item["key"] in keys:
            raise where.fail("this key is used twice", part)
        keys.add(item["key"])
        only_keys(item, {"key", "title", "why", "questions", "resources"}, where, part)
        lists = {}
        for name in ("questions", "resources"):
            if not isinstance(item.get(name), list):
                raise where.fail(f"'{name}' must be a list", part)
            lists[name] = tuple(bilingual(x, where, part, name, PROMPT_CHARS) for x in item[name])
        out.append(
            LibraryTopic(
                key=item["key"],
                title=bilingual(item.get("title"), where, part, "title", LABEL_CHARS),
                why=bilingual(item.get("why"), where, part, "why", HELP_CHARS),
                questions=lists["questions"],
                resources=lists["resources"],
            )
        )
    return tuple(out)


@functools.cache
def topic_library() -> tuple[LibraryTopic, ...]:
    data = (resources.files("rm_journal.templates") / "builtin" / "topics.json").read_bytes()
    return parse_topic_library(data)


def seed_topics(journal: Journal, keys: list[str] | None, language: str) -> list[Topic]:
    """Add library topics to the mentor's backlog, skipping titles already there."""
    chosen = [t for t in topic_library() if keys is None or t.key in keys]
    unknown = set(keys or ()) - {t.key for t in chosen}
    if unknown:
        raise NotFound(f"The topic library has no topic '{sorted(unknown)[0]}'.")
    present = {t.title for t in journal.topics()}
    added = []
    for item in chosen:
        title = item.title.get(language)
        if title in present:
            continue
        added.append(
            journal.add_topic(
                title,
                why=item.why.get(language),
                questions=[q.get(language) for q in item.questions],
                resources=[r.get(language) for r in item.resources],
            )
        )
    return added
