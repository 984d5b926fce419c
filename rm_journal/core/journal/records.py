"""Rows of the pair's lists (takeaways, actions, topics): SQL and validation.

The one module that writes these three tables (as qutebrowser's ``SqlTable`` owns its
table): the journal (core/journal/store.py) and the merge of a partner's exchange
file (core/exchange/merge.py) call it. Each function takes a connection that is
already inside a transaction (or reads outside one), so the journal can combine
several of them atomically, as saving a session form does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from rm_journal.core import validate as v
from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.models import (
    Action,
    Attribution,
    Owner,
    Role,
    Takeaway,
    TakeawayStatus,
    Topic,
    TopicStatus,
    new_uuid,
    utc_now,
)
from rm_journal.core.storage.database import Connection

# -- shared row plumbing ---------------------------------------------------------------


def _insert(conn: Connection, table: str, columns: Sequence[str], values: Sequence[Any]) -> str:
    """Insert a new row with a fresh uuid and timestamps; returns the uuid."""
    uid, now = new_uuid(), utc_now()
    names = ", ".join((*columns, "uuid", "created_at", "updated_at"))
    marks = ", ".join("?" * (len(columns) + 3))
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", (*values, uid, now, now))
    return uid


def _update(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    values: Sequence[Any],
    uuid: str,
    what: str,
) -> None:
    assignments = ", ".join(f"{c} = ?" for c in (*columns, "updated_at"))
    cur = conn.execute(
        f"UPDATE {table} SET {assignments} WHERE uuid = ?", (*values, utc_now(), uuid)
    )
    if cur.rowcount == 0:
        raise NotFound(f"This {what} no longer exists.")


def _delete(conn: Connection, table: str, uuid: str, what: str) -> None:
    if conn.execute(f"DELETE FROM {table} WHERE uuid = ?", (uuid,)).rowcount == 0:
        raise NotFound(f"This {what} no longer exists.")


def _get(conn: Connection, table: str, columns: str, uuid: str, what: str) -> Sequence[Any]:
    row = conn.execute(f"SELECT {columns} FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
    if row is None:
        raise NotFound(f"This {what} no longer exists.")
    return row  # type: ignore[no-any-return]


# -- takeaways ---------------------------------------------------------------------

TAKEAWAY_COLS = (
    "uuid, session_uuid, text, proposed_by, status, agreed_on, attribution,"
    " changed_after_agreement, created_at, updated_at, field_key, partner_status,"
    " partner_agreed_on, partner_attribution"
)


def takeaway_from_row(r: Sequence[Any]) -> Takeaway:
    return Takeaway(
        uuid=r[0],
        session_uuid=r[1],
        text=r[2],
        proposed_by=Role(r[3]),
        status=TakeawayStatus(r[4]),
        agreed_on=v.parse_date(r[5]),
        attribution=Attribution(r[6]),
        changed_after_agreement=bool(r[7]),
        created_at=r[8],
        updated_at=r[9],
        field_key=r[10],
        partner_status=None if r[11] is None else TakeawayStatus(r[11]),
        partner_agreed_on=v.parse_date(r[12]),
        partner_attribution=None if r[13] is None else Attribution(r[13]),
    )


def _agreed_date(status: TakeawayStatus, agreed_on: dt.date | None) -> dt.date | None:
    """Agreed takeaways always carry the day of agreement; others never do."""
    if status is TakeawayStatus.AGREED:
        return agreed_on or dt.date.today()
    return None


def insert_takeaway(conn: Connection, t: Takeaway) -> str:
    text = v.text(t.text, "takeaway", required=True)
    role = v.choice(t.proposed_by, Role, "proposer")
    status = v.choice(t.status, TakeawayStatus, "takeaway status")
    attribution = v.choice(t.attribution, Attribution, "attribution")
    agreed = _agreed_date(status, v.optional_date(t.agreed_on, "agreement date"))
    uid, now = new_uuid(), utc_now()
    conn.execute(
        f"INSERT INTO takeaways ({TAKEAWAY_COLS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, NULL, NULL)",
        (
            uid,
            t.session_uuid,
            text,
            role.value,
            status.value,
            v.date_text(agreed),
            attribution.value,
            now,
            now,
            t.field_key,
        ),
    )
    return uid


def get_takeaway(conn: Connection, uuid: str) -> Takeaway:
    return takeaway_from_row(_get(conn, "takeaways", TAKEAWAY_COLS, uuid, "takeaway"))


def update_takeaway(conn: Connection, t: Takeaway) -> None:
    """Changing the words of an agreed takeaway reopens it as proposed: what was
    agreed is exactly what may reach the shared summary, nothing else."""
    text = v.text(t.text, "takeaway", required=True)
    status = v.choice(t.status, TakeawayStatus, "takeaway status")
    attribution = v.choice(t.attribution, Attribution, "attribution")
    role = v.choice(t.proposed_by, Role, "proposer")
    agreed = v.optional_date(t.agreed_on, "agreement date")
    current = get_takeaway(conn, t.uuid)
    changed = current.changed_after_agreement
    if current.status is TakeawayStatus.AGREED and text != current.text:
        changed = True
        if status is TakeawayStatus.AGREED:
            status, agreed = TakeawayStatus.PROPOSED, None
    partner = current.partner_status
    if partner is TakeawayStatus.AGREED and text != current.text:
        partner = TakeawayStatus.PROPOSED  # the partner agreed to other words
    agreed = _agreed_date(status, agreed)
    conn.execute(
        "UPDATE takeaways SET session_uuid = ?, text = ?, proposed_by = ?, status = ?,"
        " agreed_on = ?, attribution = ?, changed_after_agreement = ?, field_key = ?,"
        " partner_status = ?, updated_at = ? WHERE uuid = ?",
        (
            t.session_uuid,
            text,
            role.value,
            status.value,
            v.date_text(agreed),
            attribution.value,
            int(changed),
            t.field_key,
            None if partner is None else partner.value,
            utc_now(),
            t.uuid,
        ),
    )


def delete_takeaway(conn: Connection, uuid: str) -> None:
    _delete(conn, "takeaways", uuid, "takeaway")


def _still_there(conn: Connection, table: str, uuid: str | None) -> str | None:
    """A link to a row that was deleted meanwhile is dropped, as deleting it would have."""
    if uuid is None:
        return None
    found = conn.execute(f"SELECT 1 FROM {table} WHERE uuid = ?", (uuid,)).fetchone()
    return uuid if found else None


def _put_back(conn: Connection, table: str, columns: str, values: Sequence[Any]) -> None:
    """Write a record exactly as it was: re-created under its own uuid if it was deleted,
    every column overwritten if it exists (an undo puts the earlier state back whole)."""
    names = [c.strip() for c in columns.split(",")]
    marks = ", ".join("?" * len(names))
    assignments = ", ".join(f"{c} = excluded.{c}" for c in names if c != "uuid")
    conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
        f" ON CONFLICT (uuid) DO UPDATE SET {assignments}",
        tuple(values),
    )


def restore_takeaway(conn: Connection, t: Takeaway) -> None:
    """Put a takeaway back as it was read (an undo): same uuid, status, attribution,
    partner fields, field and session link, timestamps."""
    _put_back(
        conn,
        "takeaways",
        TAKEAWAY_COLS,
        (
            v.short_text(t.uuid, "takeaway id", required=True),
            _still_there(conn, "sessions", t.session_uuid),
            v.text(t.text, "takeaway", required=True),
            v.choice(t.proposed_by, Role, "proposer").value,
            v.choice(t.status, TakeawayStatus, "takeaway status").value,
            v.date_text(v.optional_date(t.agreed_on, "agreement date")),
            v.choice(t.attribution, Attribution, "attribution").value,
            int(bool(t.changed_after_agreement)),
            t.created_at,
            t.updated_at,
            t.field_key,
            None if t.partner_status is None else t.partner_status.value,
            v.date_text(v.optional_date(t.partner_agreed_on, "partner's agreement date")),
            None if t.partner_attribution is None else t.partner_attribution.value,
        ),
    )


def insert_received_takeaway(conn: Connection, t: Takeaway) -> None:
    """A takeaway the partner sent, with its own id: proposed here, what the partner
    said of it kept beside (``partner_*``); checked when its file was read."""
    conn.execute(
        "INSERT INTO takeaways (uuid, session_uuid, text, proposed_by, status, agreed_on,"
        " attribution, changed_after_agreement, field_key, created_at, updated_at,"
        " partner_status, partner_agreed_on, partner_attribution)"
        " VALUES (?, ?, ?, ?, 'proposed', NULL, ?, 0, ?, ?, ?, ?, ?, ?)",
        (
            t.uuid,
            t.session_uuid,
            t.text,
            t.proposed_by.value,
            t.attribution.value,
            t.field_key,
            t.created_at,
            t.updated_at,
            None if t.partner_status is None else t.partner_status.value,
            v.date_text(t.partner_agreed_on),
            None if t.partner_attribution is None else t.partner_attribution.value,
        ),
    )


def record_partner_said(
    conn: Connection,
    uuid: str,
    status: TakeawayStatus,
    agreed_on: dt.date | None,
    attribution: Attribution,
) -> None:
    """What the partner's last file said of a takeaway, kept beside this member's own."""
    conn.execute(
        "UPDATE takeaways SET partner_status = ?, partner_agreed_on = ?,"
        " partner_attribution = ? WHERE uuid = ?",
        (status.value, v.date_text(agreed_on), attribution.value, uuid),
    )


def take_partner_words(conn: Connection, uuid: str, text: str, proposed_by: Role, now: str) -> None:
    """The partner's words replace mine: an agreement of mine was to other words, so it
    reopens; my attribution stays mine (theirs is kept beside it, the stricter applies)."""
    conn.execute(
        "UPDATE takeaways SET text = ?, proposed_by = ?,"
        " status = CASE WHEN status = 'agreed' THEN 'proposed' ELSE status END,"
        " agreed_on = CASE WHEN status = 'agreed' THEN NULL ELSE agreed_on END,"
        " changed_after_agreement = changed_after_agreement OR status = 'agreed',"
        " updated_at = ? WHERE uuid = ?",
        (text, proposed_by.value, now, uuid),
    )


# -- actions ---------------------------------------------------------------------------

ACTION_COLS = (
    "uuid, session_uuid, text, owner, due_date, done_date, carried_from, created_at,"
    " updated_at, field_key, dropped_on"
)


def action_from_row(r: Sequence[Any]) -> Action:
    return Action(
        uuid=r[0],
        session_uuid=r[1],
        text=r[2],
        owner=Owner(r[3]),
        due_date=v.parse_date(r[4]),
        done_date=v.parse_date(r[5]),
        carried_from=r[6],
        created_at=r[7],
        updated_at=r[8],
        field_key=r[9],
        dropped_on=v.parse_date(r[10]),
    )


_ACTION_WRITABLE = (
    "session_uuid",
    "text",
    "owner",
    "due_date",
    "done_date",
    "carried_from",
    "field_key",
    "dropped_on",
)


def _action_values(a: Action) -> tuple[Any, ...]:
    return (
        a.session_uuid,
        v.text(a.text, "action", required=True),
        v.choice(a.owner, Owner, "owner").value,
        v.date_text(v.optional_date(a.due_date, "due date")),
        v.date_text(v.optional_date(a.done_date, "completion date")),
        a.carried_from,
        a.field_key,
        v.date_text(v.optional_date(a.dropped_on, "date it was dropped")),
    )


def insert_action(conn: Connection, a: Action) -> str:
    return _insert(conn, "actions", _ACTION_WRITABLE, _action_values(a))


def get_action(conn: Connection, uuid: str) -> Action:
    return action_from_row(_get(conn, "actions", ACTION_COLS, uuid, "action"))


def update_action(conn: Connection, a: Action) -> None:
    _update(conn, "actions", _ACTION_WRITABLE, _action_values(a), a.uuid, "action")


def delete_action(conn: Connection, uuid: str) -> None:
    _delete(conn, "actions", uuid, "action")


def restore_action(conn: Connection, a: Action) -> None:
    """Put an action back as it was read (an undo), under its own uuid."""
    _put_back(
        conn,
        "actions",
        ACTION_COLS,
        (
            v.short_text(a.uuid, "action id", required=True),
            _still_there(conn, "sessions", a.session_uuid),
            v.text(a.text, "action", required=True),
            v.choice(a.owner, Owner, "owner").value,
            v.date_text(v.optional_date(a.due_date, "due date")),
            v.date_text(v.optional_date(a.done_date, "completion date")),
            _still_there(conn, "actions", a.carried_from),
            a.created_at,
            a.updated_at,
            a.field_key,
            v.date_text(v.optional_date(a.dropped_on, "date it was dropped")),
        ),
    )


def insert_received_action(conn: Connection, a: Action) -> None:
    """An action the partner sent, with its own id (checked when its file was read)."""
    conn.execute(
        "INSERT INTO actions (uuid, session_uuid, text, owner, due_date, done_date,"
        " dropped_on, carried_from, field_key, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
        (
            a.uuid,
            a.session_uuid,
            a.text,
            a.owner.value,
            v.date_text(a.due_date),
            v.date_text(a.done_date),
            v.date_text(a.dropped_on),
            a.field_key,
            a.created_at,
            a.updated_at,
        ),
    )


def take_partner_action(conn: Connection, a: Action) -> None:
    """The partner's version of an action replaces mine; it stays in my session when
    the partner's names none (``session_uuid`` None)."""
    conn.execute(
        "UPDATE actions SET text = ?, owner = ?, due_date = ?, done_date = ?, dropped_on = ?,"
        " session_uuid = coalesce(?, session_uuid), updated_at = ? WHERE uuid = ?",
        (
            a.text,
            a.owner.value,
            v.date_text(a.due_date),
            v.date_text(a.done_date),
            v.date_text(a.dropped_on),
            a.session_uuid,
            a.updated_at,
            a.uuid,
        ),
    )


# -- topics ----------------------------------------------------------------------------

TOPIC_COLS = (
    "uuid, title, why, questions, resources, status, planned_session_uuid, created_at,"
    " updated_at, session_uuid, field_key"
)


def topic_from_row(r: Sequence[Any]) -> Topic:
    return Topic(
        uuid=r[0],
        title=r[1],
        why=r[2],
        questions=json.loads(r[3]),
        resources=json.loads(r[4]),
        status=TopicStatus(r[5]),
        planned_session_uuid=r[6],
        created_at=r[7],
        updated_at=r[8],
        session_uuid=r[9],
        field_key=r[10],
    )


_TOPIC_WRITABLE = (
    "title",
    "why",
    "questions",
    "resources",
    "status",
    "planned_session_uuid",
    "session_uuid",
    "field_key",
)


def _topic_values(t: Topic) -> tuple[Any, ...]:
    return (
        v.short_text(t.title, "topic title", required=True),
        v.text(t.why, "reason for the topic"),
        json.dumps(v.text_list(t.questions, "questions"), ensure_ascii=False),
        json.dumps(v.text_list(t.resources, "resources"), ensure_ascii=False),
        v.choice(t.status, TopicStatus, "topic status").value,
        t.planned_session_uuid,
        t.session_uuid,
        t.field_key,
    )


def insert_topic(conn: Connection, t: Topic) -> str:
    return _insert(conn, "topics", _TOPIC_WRITABLE, _topic_values(t))


def get_topic(conn: Connection, uuid: str) -> Topic:
    return topic_from_row(_get(conn, "topics", TOPIC_COLS, uuid, "topic"))


def update_topic(conn: Connection, t: Topic) -> None:
    _update(conn, "topics", _TOPIC_WRITABLE, _topic_values(t), t.uuid, "topic")


def delete_topic(conn: Connection, uuid: str) -> None:
    _delete(conn, "topics", uuid, "topic")


def restore_topic(conn: Connection, t: Topic) -> None:
    """Put a topic back as it was read (an undo), under its own uuid."""
    planned = _still_there(conn, "sessions", t.planned_session_uuid)
    status = v.choice(t.status, TopicStatus, "topic status")
    if status is TopicStatus.PLANNED and planned is None:
        status = TopicStatus.IDEA  # its session was deleted meanwhile
    _put_back(
        conn,
        "topics",
        TOPIC_COLS,
        (
            v.short_text(t.uuid, "topic id", required=True),
            v.short_text(t.title, "topic title", required=True),
            v.text(t.why, "reason for the topic"),
            json.dumps(v.text_list(t.questions, "questions"), ensure_ascii=False),
            json.dumps(v.text_list(t.resources, "resources"), ensure_ascii=False),
            status.value,
            planned,
            t.created_at,
            t.updated_at,
            _still_there(conn, "sessions", t.session_uuid),
            t.field_key,
        ),
    )


def insert_received_topic(conn: Connection, t: Topic) -> None:
    """A topic the partner sent, with its own id (checked when its file was read)."""
    conn.execute(
        "INSERT INTO topics (uuid, title, why, questions, resources, status,"
        " planned_session_uuid, session_uuid, field_key, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
        (
            t.uuid,
            t.title,
            t.why,
            json.dumps(list(t.questions)),
            json.dumps(list(t.resources)),
            t.status.value,
            t.planned_session_uuid,
            t.created_at,
            t.updated_at,
        ),
    )


def take_partner_topic(conn: Connection, t: Topic) -> None:
    """The partner's version of a topic replaces mine."""
    conn.execute(
        "UPDATE topics SET title = ?, why = ?, questions = ?, resources = ?, status = ?,"
        " planned_session_uuid = ?, updated_at = ? WHERE uuid = ?",
        (
            t.title,
            t.why,
            json.dumps(list(t.questions)),
            json.dumps(list(t.resources)),
            t.status.value,
            t.planned_session_uuid,
            t.updated_at,
            t.uuid,
        ),
    )


# -- items of a session form's structured field -------------------------------------------

_ITEM_TABLE = {"takeaways": "takeaways", "actions": "actions", "topics": "topics"}


def _item_fields(item: Any, allowed: set[str], what: str) -> dict[str, Any]:
    if not isinstance(item, Mapping):
        raise InvalidInput(f"Each item of the {what} must be an object with its text.")
    unknown = sorted(set(item) - allowed - {"uuid"})
    if unknown:
        raise InvalidInput(f"The {what} items have no property {unknown[0]!r:.40}.")
    return dict(item)


def item_to_dict(record: Takeaway | Action | Topic) -> dict[str, Any]:
    """How a form sees one item of a structured field (JSON-friendly)."""
    if isinstance(record, Takeaway):
        return {
            "uuid": record.uuid,
            "text": record.text,
            "status": record.status.value,
            "attribution": record.attribution.value,
            "proposed_by": record.proposed_by.value,
            "agreed_on": v.date_text(record.agreed_on),
        }
    if isinstance(record, Action):
        return {
            "uuid": record.uuid,
            "text": record.text,
            "owner": record.owner.value,
            "due_date": v.date_text(record.due_date),
            "done_date": v.date_text(record.done_date),
            "carried_from": record.carried_from,
            "dropped_on": v.date_text(record.dropped_on),
        }
    return {
        "uuid": record.uuid,
        "title": record.title,
        "why": record.why,
        "questions": list(record.questions),
        "status": record.status.value,
    }


def sync_items(
    conn: Connection,
    kind: str,
    session_uuid: str,
    field_key: str,
    items: Any,
    default_role: Role,
) -> None:
    """Make the rows linked to (session, field) match ``items``: update those with a
    known uuid, insert those without, delete the rows no longer listed."""
    table = _ITEM_TABLE[kind]
    what = f"field '{field_key}'"
    if not isinstance(items, list | tuple):
        raise InvalidInput(f"The {what} holds a list of items.")
    if len(items) > v.MAX_LIST_ITEMS:
        raise InvalidInput(f"The {what} has more than {v.MAX_LIST_ITEMS} items.")
    existing = {
        r[0]
        for r in conn.execute(
            f"SELECT uuid FROM {table} WHERE session_uuid = ? AND field_key = ?",
            (session_uuid, field_key),
        )
    }
    kept: set[str] = set()
    for raw in items:
        uid = raw.get("uuid") if isinstance(raw, Mapping) else None
        if uid is not None and not isinstance(uid, str):
            raise InvalidInput(f"An item of the {what} has an invalid id.")
        if uid is not None and uid not in existing:
            raise NotFound(f"An item of the {what} was deleted elsewhere; reload the session.")
        if uid is not None:
            kept.add(uid)
        if kind == "takeaways":
            _sync_takeaway(conn, raw, uid, session_uuid, field_key, default_role, what)
        elif kind == "actions":
            _sync_action(conn, raw, uid, session_uuid, field_key, what)
        else:
            _sync_topic(conn, raw, uid, session_uuid, field_key, what)
    for uid in existing - kept:
        conn.execute(f"DELETE FROM {table} WHERE uuid = ?", (uid,))


def _sync_takeaway(
    conn: Connection,
    raw: Any,
    uid: str | None,
    session_uuid: str,
    field_key: str,
    role: Role,
    what: str,
) -> None:
    item = _item_fields(raw, {"text", "status", "attribution", "proposed_by", "agreed_on"}, what)
    if uid is None:
        base = Takeaway(
            "",
            session_uuid,
            "",
            role,
            TakeawayStatus.PRIVATE,
            None,
            Attribution.ANONYMOUS,
            False,
            "",
            "",
            field_key,
        )
    else:
        base = get_takeaway(conn, uid)
    merged = replace(
        base,
        text=item.get("text", base.text),
        status=v.choice(item.get("status", base.status), TakeawayStatus, "takeaway status"),
        attribution=v.choice(item.get("attribution", base.attribution), Attribution, "attribution"),
        proposed_by=v.choice(item.get("proposed_by", base.proposed_by), Role, "proposer"),
        agreed_on=v.optional_date(item.get("agreed_on", base.agreed_on), "agreement date"),
    )
    if uid is None:
        insert_takeaway(conn, merged)
    else:
        update_takeaway(conn, merged)


def _sync_action(
    conn: Connection, raw: Any, uid: str | None, session_uuid: str, field_key: str, what: str
) -> None:
    item = _item_fields(
        raw, {"text", "owner", "due_date", "done_date", "carried_from", "dropped_on"}, what
    )
    if uid is None:
        base = Action("", session_uuid, "", Owner.LEADER, None, None, None, "", "", field_key)
    else:
        base = get_action(conn, uid)
    merged = replace(
        base,
        text=item.get("text", base.text),
        owner=v.choice(item.get("owner", base.owner), Owner, "owner"),
        due_date=v.optional_date(item.get("due_date", base.due_date), "due date"),
        done_date=v.optional_date(item.get("done_date", base.done_date), "completion date"),
        carried_from=item.get("carried_from", base.carried_from),
        dropped_on=v.optional_date(item.get("dropped_on", base.dropped_on), "date it was dropped"),
    )
    if uid is None:
        insert_action(conn, merged)
    else:
        update_action(conn, merged)


def _sync_topic(
    conn: Connection, raw: Any, uid: str | None, session_uuid: str, field_key: str, what: str
) -> None:
    item = _item_fields(raw, {"title", "why", "questions", "status"}, what)
    if uid is None:
        base = Topic("", "", "", [], [], TopicStatus.IDEA, None, "", "", session_uuid, field_key)
    else:
        base = get_topic(conn, uid)
    merged = replace(
        base,
        title=item.get("title", base.title),
        why=item.get("why", base.why),
        questions=v.text_list(item.get("questions", base.questions), "questions"),
        status=v.choice(item.get("status", base.status), TopicStatus, "topic status"),
    )
    if uid is None:
        insert_topic(conn, merged)
    else:
        update_topic(conn, merged)


# -- an entry put back (an undo of its deletion) -------------------------------------------

LINKED_TABLES = ("takeaways", "actions", "topics")


def linked_to(conn: Connection, session_uuid: str) -> tuple[tuple[str, str], ...]:
    """The items written in an entry's form: (table, uuid)."""
    found: list[tuple[str, str]] = []
    for table in LINKED_TABLES:
        rows = conn.execute(
            f"SELECT uuid FROM {table} WHERE session_uuid = ? ORDER BY rowid", (session_uuid,)
        )
        found.extend((table, r[0]) for r in rows)
    return tuple(found)


def planned_for(conn: Connection, session_uuid: str) -> tuple[str, ...]:
    rows = conn.execute(
        "SELECT uuid FROM topics WHERE planned_session_uuid = ? ORDER BY rowid", (session_uuid,)
    )
    return tuple(r[0] for r in rows)


def relink(
    conn: Connection,
    session_uuid: str,
    linked: Sequence[tuple[str, str]],
    planned: Sequence[str],
) -> None:
    """Items of an entry put back point to it again (those deleted meanwhile stay gone);
    a topic planned for it is planned again if it was not planned elsewhere since."""
    for table, uuid in linked:
        if table not in LINKED_TABLES:
            raise InvalidInput("An entry links takeaways, actions and topics only.")
        conn.execute(
            f"UPDATE {table} SET session_uuid = ? WHERE uuid = ? AND session_uuid IS NULL",
            (session_uuid, uuid),
        )
    for uuid in planned:
        conn.execute(
            "UPDATE topics SET planned_session_uuid = ?, status = 'planned'"
            " WHERE uuid = ? AND planned_session_uuid IS NULL AND status IN ('idea', 'planned')",
            (session_uuid, uuid),
        )
