"""A session as readable text, laid out by the template it was written with.

Rendering reads the session's own snapshot, never the current template: a
session written with version 1 reads the same after the template moves on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rm_journal.core.journal.fields import FieldType
from rm_journal.core.models import Session, SessionStatus
from rm_journal.templates.schema import Field, session_template

_STATUS = {
    "en": {"private": "private", "proposed": "proposed", "agreed": "agreed", "dropped": "dropped"},
    "fr": {"private": "privé", "proposed": "proposé", "agreed": "validé", "dropped": "abandonné"},
}
_WORDS = {
    "en": {"session": "Session", "due": "due", "done": "done"},
    "fr": {"session": "Séance", "due": "échéance", "done": "fait"},
}
_STILL_EMPTY = {  # the session editor says the same under its status buttons
    "en": {
        SessionStatus.HELD: "Marked held, but required fields are still empty: {}.",
        SessionStatus.REFLECTED: "Marked reflected, but required fields are still empty: {}.",
    },
    "fr": {
        SessionStatus.HELD: "Marquée comme tenue, mais des champs obligatoires sont encore vides\u00a0: {}.",
        SessionStatus.REFLECTED: "Marquée comme analysée, mais des champs obligatoires sont encore vides\u00a0: {}.",
    },
}
_OWNERS = {
    "en": {"leader": "leader", "mentor": "mentor", "both": "both"},
    "fr": {"leader": "dirigeant", "mentor": "mentor", "both": "les deux"},
}


def render_session(
    session: Session,
    values: dict[str, Any],
    language: str,
    *,
    missing_required: Sequence[str] = (),
) -> str:
    """``missing_required`` (Journal.missing_required) is named under the heading of a
    session marked held or reflected."""
    template = session_template(session)
    words = _WORDS["fr" if language == "fr" else "en"]
    head = f"{words['session']} {session.number} — {template.name.get(language)}"
    title = " ".join(session.title.splitlines())  # a title is one line: it cannot forge more
    lines = [head + (f" · {title}" if title else "")]
    still_empty = _STILL_EMPTY["fr" if language == "fr" else "en"].get(session.status)
    if still_empty and missing_required:
        labels = {f.key: " ".join(f.label.get(language).splitlines()) for f in template.fields()}
        lines.append(still_empty.format(", ".join(labels.get(k, k) for k in missing_required)))
    lines.append("")
    for section in template.sections:
        body = [_render_field(f, values.get(f.key), language) for f in section.fields]
        body = [b for b in body if b]
        if not body:
            continue
        title = section.title.get(language)
        lines += [title, "=" * len(title), *body]
    return "\n".join(lines).rstrip() + "\n"


def _render_field(field: Field, value: Any, language: str) -> str:
    if value in (None, "", []):
        return ""
    label = field.label.get(language)
    words = _WORDS["fr" if language == "fr" else "en"]
    kind = field.type
    if kind in (FieldType.TEXT, FieldType.DATE):
        body = [str(value)]
    elif kind is FieldType.LONG_TEXT:
        body = str(value).splitlines() or [""]
    elif kind is FieldType.LIST:
        body = [f"- {item}" for item in value]
    elif kind is FieldType.CHECKLIST:
        body = [
            ("[x] " if c.key in value else "[ ] ") + c.label.get(language) for c in field.choices
        ]
    elif kind is FieldType.RATING:
        body = [f"{value}/5 — {field.scale[int(value) - 1].get(language)}"]
    elif kind is FieldType.CHOICE:
        chosen = next((c for c in field.choices if c.key == value), None)
        body = [chosen.label.get(language) if chosen else str(value)]
    elif kind is FieldType.TAKEAWAYS:
        status = _STATUS["fr" if language == "fr" else "en"]
        body = [f"- {item['text']} ({status[item['status']]})" for item in value]
    elif kind is FieldType.ACTIONS:
        body = []
        for item in value:
            extra = [_OWNERS["fr" if language == "fr" else "en"][item["owner"]]]
            if item.get("due_date"):
                extra.append(f"{words['due']} {item['due_date']}")
            if item.get("done_date"):
                extra.append(f"{words['done']} {item['done_date']}")
            body.append(f"- {item['text']} ({', '.join(extra)})")
    else:
        body = [f"- {item['title']}" for item in value]
    colon = "\u00a0:" if language == "fr" else ":"  # French puts a space before the colon
    # every line of the content is indented, a line break inside a value included, so
    # nothing a person typed can pass for a section heading or another field
    content = [part for line in body for part in (line.splitlines() or [""])]
    return "\n".join([f"{label}{colon}", *(f"  {line}" for line in content), ""])
