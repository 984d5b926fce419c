"""The template document: its schema, its validation, and its canonical form.

A template is a JSON document (``format`` "rm_journal-template", ``format_version`` 1):

    {
      "format": "rm_journal-template", "format_version": 1,
      "id": "regular-session",          lowercase letters, digits and hyphens
      "version": 3,                     raised on every change
      "audience": "both",               leader | mentor | both
      "name": {"en": "...", "fr": "..."},
      "description": {"en": "...", "fr": "..."},
      "sections": [{
        "key": "during", "title": {...}, "help": {...}?,
        "fields": [{
          "key": "notes", "type": "long_text", "label": {...}, "help": {...}?,
          "prompts": [{...}]?,          guiding questions, shown as placeholders
          "required": false, "private": false,
          "choices": [{"key": "...", "label": {...}}]?   choice and checklist only
          "scale": [{...} x 5]?                         rating only: labels for 1..5
          "max_items": 3?                               list-like types only
        }]
      }]
    }

Every text a person reads exists in English and French. Validation names the
template, the section or field, and the problem, in one sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from rm_journal.core.errors import RmJournalError
from rm_journal.core.journal.fields import FieldType, SnapshotCache
from rm_journal.core.models import EntryKind, Language, Session

FORMAT = "rm_journal-template"
FORMAT_VERSION = 1
AUDIENCES = ("leader", "mentor", "both")
LANGUAGES = tuple(lang.value for lang in Language)
MAX_DOCUMENT_BYTES = 256 * 1024
MAX_DEPTH = 10  # counting the leaves: a choice label sits 9 levels down
MAX_SECTIONS = 20
MAX_FIELDS = 200
MAX_PROMPTS = 12
MAX_CHOICES = 30
MAX_ITEMS_LIMIT = 100
LABEL_CHARS = 200
HELP_CHARS = 2000
PROMPT_CHARS = 400
RATING_STEPS = 5

_ID = re.compile(r"[a-z][a-z0-9-]{1,63}")
_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
LIST_LIKE = frozenset(
    {FieldType.LIST, FieldType.CHECKLIST, FieldType.TAKEAWAYS, FieldType.ACTIONS, FieldType.TOPICS}
)
WITH_CHOICES = frozenset({FieldType.CHOICE, FieldType.CHECKLIST})


class InvalidTemplate(RmJournalError):
    """A template document that cannot be used; the message says where and why."""

    exit_code = 2


@dataclass(frozen=True)
class Text:
    """A text in every language the app ships."""

    en: str
    fr: str

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    def document(self) -> dict[str, str]:
        return {"en": self.en, "fr": self.fr}


@dataclass(frozen=True)
class Choice:
    key: str
    label: Text


@dataclass(frozen=True)
class Field:
    key: str
    type: FieldType
    label: Text
    help: Text | None = None
    prompts: tuple[Text, ...] = ()
    required: bool = False
    private: bool = False
    choices: tuple[Choice, ...] = ()
    scale: tuple[Text, ...] = ()
    max_items: int | None = None

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "key": self.key,
            "type": self.type.value,
            "label": self.label.document(),
        }
        if self.help is not None:
            doc["help"] = self.help.document()
        if self.prompts:
            doc["prompts"] = [p.document() for p in self.prompts]
        doc["required"] = self.required
        doc["private"] = self.private
        if self.choices:
            doc["choices"] = [{"key": c.key, "label": c.label.document()} for c in self.choices]
        if self.scale:
            doc["scale"] = [s.document() for s in self.scale]
        if self.max_items is not None:
            doc["max_items"] = self.max_items
        return doc


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    fields: tuple[Field, ...]
    help: Text | None = None

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"key": self.key, "title": self.title.document()}
        if self.help is not None:
            doc["help"] = self.help.document()
        doc["fields"] = [f.document() for f in self.fields]
        return doc


@dataclass(frozen=True)
class Template:
    id: str
    version: int
    audience: str
    name: Text
    description: Text
    sections: tuple[Section, ...] = field(default_factory=tuple)
    entry: EntryKind = EntryKind.NOTES  # which meeting a new entry joins (core.journal.meetings)

    def document(self) -> dict[str, Any]:
        """The canonical document: what is exported, imported and kept with each session."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "id": self.id,
            "version": self.version,
            "audience": self.audience,
            "name": self.name.document(),
            "description": self.description.document(),
            "entry": self.entry.value,
            "sections": [s.document() for s in self.sections],
        }

    def fields(self) -> Iterator[Field]:
        for section in self.sections:
            yield from section.fields

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields() if f.key == key), None)


def dumps(template: Template) -> bytes:
    """Canonical bytes of a template file: exporting twice gives identical files."""
    return (json.dumps(template.document(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- loading ----------------------------------------------------------------------------


class Where:
    """Builds "template 'x', field 'y': ..." messages."""

    def __init__(self, template_id: str | None) -> None:
        self.template = f"template '{template_id}'" if template_id else "the template"

    def fail(self, problem: str, part: str = "") -> InvalidTemplate:
        place = f"{self.template}, {part}" if part else self.template
        return InvalidTemplate(f"In {place}: {problem}.")


def loads(data: bytes | str) -> Template:
    """Parse and validate a template file."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidTemplate(
            f"The template file is too large ({len(raw):,} bytes; the limit is "
            f"{MAX_DOCUMENT_BYTES:,}). A template describes a form; it holds no notes."
        )
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidTemplate("The template file is not UTF-8 text.") from None
    except RecursionError:
        raise InvalidTemplate("The template file is nested too deeply.") from None
    except ValueError as exc:
        raise InvalidTemplate(f"The template file is not valid JSON ({exc}).") from None
    return load(doc)


_SNAPSHOTS_PARSED: SnapshotCache[Template] = SnapshotCache(lambda doc: load(doc))


def session_template(session: Session) -> Template:
    """The template a session was made with, validated once per snapshot.

    A journal hands out one shared, never-changed dict per stored snapshot, so
    the parsed template is kept by that object's identity (checked, not
    assumed): listing a thousand sessions, opening an editor or a search hit
    then costs a dictionary lookup instead of a validation (about 0.5 ms).
    """
    return _SNAPSHOTS_PARSED.get(session.template_snapshot)


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def load(doc: Any) -> Template:
    """Validate a parsed document (a session snapshot, an import, a built-in)."""
    if not isinstance(doc, dict):
        raise InvalidTemplate("A template file holds one JSON object.")
    raw_id = doc.get("id")
    where = Where(raw_id if isinstance(raw_id, str) and len(raw_id) <= 64 else None)
    if _depth(doc) > MAX_DEPTH:
        raise where.fail(f"the document is nested more than {MAX_DEPTH} levels deep")
    only_keys(
        doc,
        {
            "format",
            "format_version",
            "id",
            "version",
            "audience",
            "name",
            "description",
            "entry",
            "sections",
        },
        where,
        "",
    )
    if doc.get("format") != FORMAT:
        raise where.fail(f"'format' must be \"{FORMAT}\" (is this a template file?)")
    fv = doc.get("format_version")
    if _is_int(fv) and fv > FORMAT_VERSION:
        raise where.fail("it was written by a newer version of rm_journal; update the app")
    if fv != FORMAT_VERSION:
        raise where.fail(f"'format_version' must be {FORMAT_VERSION}")
    if not isinstance(raw_id, str) or not _ID.fullmatch(raw_id):
        raise where.fail(
            "'id' must be 2 to 64 lowercase letters, digits or hyphens, starting with a letter"
        )
    version = doc.get("version")
    if not _is_int(version) or not 1 <= version <= 1_000_000:
        raise where.fail("'version' must be a whole number from 1")
    audience = doc.get("audience")
    if audience not in AUDIENCES:
        raise where.fail(f"'audience' must be one of {', '.join(AUDIENCES)} (got {audience!r:.40})")
    entry = doc.get("entry", EntryKind.NOTES.value)
    if not isinstance(entry, str) or entry not in {k.value for k in EntryKind}:
        kinds = ", ".join(k.value for k in EntryKind)
        raise where.fail(f"'entry' must be one of {kinds} (got {entry!r:.40})")
    name = bilingual(doc.get("name"), where, "", "name", LABEL_CHARS)
    description = bilingual(doc.get("description"), where, "", "description", HELP_CHARS)
    sections_doc = doc.get("sections")
    if not isinstance(sections_doc, list) or not 1 <= len(sections_doc) <= MAX_SECTIONS:
        raise where.fail(f"'sections' must be a list of 1 to {MAX_SECTIONS} sections")
    seen_sections: set[str] = set()
    seen_fields: set[str] = set()
    sections = tuple(_section(s, where, seen_sections, seen_fields) for s in sections_doc)
    if len(seen_fields) > MAX_FIELDS:
        raise where.fail(f"a template has at most {MAX_FIELDS} fields")
    return Template(raw_id, version, audience, name, description, sections, EntryKind(entry))


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def only_keys(obj: Mapping[str, Any], allowed: set[str], where: Where, part: str) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise where.fail(
            f"unknown property {unknown[0]!r:.40} (expected {', '.join(sorted(allowed))})", part
        )


def bilingual(value: Any, where: Where, part: str, what: str, limit: int) -> Text:
    if not isinstance(value, dict):
        raise where.fail(
            f'\'{what}\' must give the text in English and French ({{"en": "...", "fr": "..."}})',
            part,
        )
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise where.fail(f"'{what}' has no {_LANGUAGE_NAMES[lang]} text ('{lang}')", part)
        if len(text) > limit:
            raise where.fail(f"'{what}' ('{lang}') is longer than {limit} characters", part)
    extra = sorted(set(value) - set(LANGUAGES))
    if extra:
        raise where.fail(
            f"'{what}' has an unsupported language {extra[0]!r:.20} "
            f"(expected {', '.join(LANGUAGES)})",
            part,
        )
    return Text(en=value["en"], fr=value["fr"])


_LANGUAGE_NAMES = {"en": "English", "fr": "French"}


def _section(doc: Any, where: Where, seen_sections: set[str], seen_fields: set[str]) -> Section:
    if not isinstance(doc, dict):
        raise where.fail("each section must be an object with a key, a title and fields")
    key = doc.get("key")
    part = f"section '{key}'" if isinstance(key, str) and len(key) <= 40 else "a section"
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise where.fail(
            "a section key must be lowercase letters, digits or _ "
            "(at most 40, starting with a letter)",
            part,
        )
    if key in seen_sections:
        raise where.fail("this section key is used twice", part)
    seen_sections.add(key)
    only_keys(doc, {"key", "title", "help", "fields"}, where, part)
    title = bilingual(doc.get("title"), where, part, "title", LABEL_CHARS)
    help_text = bilingual(doc["help"], where, part, "help", HELP_CHARS) if "help" in doc else None
    fields_doc = doc.get("fields")
    if not isinstance(fields_doc, list) or not fields_doc:
        raise where.fail("'fields' must be a non-empty list", part)
    fields = tuple(_field(f, where, seen_fields) for f in fields_doc)
    return Section(key, title, fields, help_text)


def _field(doc: Any, where: Where, seen: set[str]) -> Field:
    if not isinstance(doc, dict):
        raise where.fail("each field must be an object with a key, a type and a label")
    key = doc.get("key")
    part = f"field '{key}'" if isinstance(key, str) and len(key) <= 40 else "a field"
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise where.fail(
            "a field key must be lowercase letters, digits or _ "
            "(at most 40, starting with a letter)",
            part,
        )
    if key in seen:
        raise where.fail("this key is used by two fields; each field needs its own", part)
    seen.add(key)
    only_keys(
        doc,
        {
            "key",
            "type",
            "label",
            "help",
            "prompts",
            "required",
            "private",
            "choices",
            "scale",
            "max_items",
        },
        where,
        part,
    )
    try:
        kind = FieldType(str(doc.get("type")))
    except ValueError:
        expected = ", ".join(t.value for t in FieldType)
        raise where.fail(
            f"unknown type {doc.get('type')!r:.40} (expected one of {expected})", part
        ) from None
    label = bilingual(doc.get("label"), where, part, "label", LABEL_CHARS)
    help_text = bilingual(doc["help"], where, part, "help", HELP_CHARS) if "help" in doc else None
    prompts_doc = doc.get("prompts", [])
    if not isinstance(prompts_doc, list) or len(prompts_doc) > MAX_PROMPTS:
        raise where.fail(f"'prompts' must be a list of at most {MAX_PROMPTS} questions", part)
    prompts = tuple(bilingual(p, where, part, "prompts", PROMPT_CHARS) for p in prompts_doc)
    flags = {}
    for flag in ("required", "private"):
        flags[flag] = doc.get(flag, False)
        if not isinstance(flags[flag], bool):
            raise where.fail(f"'{flag}' must be true or false", part)
    return Field(
        key=key,
        type=kind,
        label=label,
        help=help_text,
        prompts=prompts,
        required=flags["required"],
        private=flags["private"],
        choices=_choices(doc, kind, where, part),
        scale=_scale(doc, kind, where, part),
        max_items=_max_items(doc, kind, where, part),
    )


def _choices(doc: dict[str, Any], kind: FieldType, where: Where, part: str) -> tuple[Choice, ...]:
    if kind not in WITH_CHOICES:
        if "choices" in doc:
            raise where.fail(f"a {kind.value} field takes no 'choices'", part)
        return ()
    raw = doc.get("choices")
    if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_CHOICES:
        raise where.fail(
            f"a {kind.value} field needs 'choices': a list of 2 to {MAX_CHOICES}", part
        )
    out, keys = [], set()
    for choice in raw:
        if not isinstance(choice, dict):
            raise where.fail("each choice must be an object with a key and a label", part)
        only_keys(choice, {"key", "label"}, where, part)
        ckey = choice.get("key")
        if not isinstance(ckey, str) or not _KEY.fullmatch(ckey):
            raise where.fail("a choice key must be lowercase letters, digits or _", part)
        if ckey in keys:
            raise where.fail(f"the choice '{ckey}' appears twice", part)
        keys.add(ckey)
        out.append(
            Choice(ckey, bilingual(choice.get("label"), where, part, "choices", LABEL_CHARS))
        )
    return tuple(out)


def _scale(doc: dict[str, Any], kind: FieldType, where: Where, part: str) -> tuple[Text, ...]:
    if kind is not FieldType.RATING:
        if "scale" in doc:
            raise where.fail(f"a {kind.value} field takes no 'scale'", part)
        return ()
    raw = doc.get("scale")
    if not isinstance(raw, list) or len(raw) != RATING_STEPS:
        raise where.fail(
            f"a rating needs 'scale': {RATING_STEPS} labels, for 1 to {RATING_STEPS}", part
        )
    return tuple(bilingual(s, where, part, "scale", LABEL_CHARS) for s in raw)


def _max_items(doc: dict[str, Any], kind: FieldType, where: Where, part: str) -> int | None:
    if "max_items" not in doc:
        return None
    if kind not in LIST_LIKE:
        raise where.fail(f"a {kind.value} field takes no 'max_items'", part)
    value = doc["max_items"]
    if not _is_int(value) or not 1 <= value <= MAX_ITEMS_LIMIT:
        raise where.fail(f"'max_items' must be a whole number from 1 to {MAX_ITEMS_LIMIT}", part)
    return int(value)
