"""Planning a backlog topic for a session: the topic joins the session's preparation,
and the session's own topic field, when the template has one and it is still blank,
takes the topic's title.

The fill lives here, not in the core, because only a template says which of a
session's fields names its topic; the desktop app and ``rm-journal topics plan``
both come through :func:`plan_topic`, so they behave the same.
"""

from __future__ import annotations

from rm_journal.core.journal.fields import FieldType
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Topic
from rm_journal.templates.schema import session_template

# The field that names a session's topic: "topic" in the mentor's preparation and the
# regular session, "theme" in a group session. A one-line text field, the first found.
TOPIC_FIELD_KEYS = ("topic", "theme")


def topic_field_key(journal: Journal, session_uuid: str) -> str | None:
    """The key of the session's topic field, or None if its template has none."""
    template = session_template(journal.session(session_uuid))
    for key in TOPIC_FIELD_KEYS:
        field = template.field(key)
        if field is not None and field.type is FieldType.TEXT:
            return key
    return None


def plan_topic(journal: Journal, topic_uuid: str, session_uuid: str) -> Topic:
    """Plan the topic for the session; fill the session's topic field if it is blank.

    What the person wrote in that field is never replaced: only an empty (or
    whitespace-only) field takes the title.
    """
    topic = journal.plan_topic(topic_uuid, session_uuid)
    key = topic_field_key(journal, session_uuid)
    if key is not None:
        current = journal.fields(session_uuid).get(key)
        if not (isinstance(current, str) and current.strip()):
            journal.set_fields(session_uuid, {key: topic.title})
    return topic
