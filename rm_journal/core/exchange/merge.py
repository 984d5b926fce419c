"""How an exchange file's payload (core.payload) merges into a journal, and the
signatures over the shared summary.

Items keep the ids they have in the sender's journal, so both journals share them.
Meetings are the pair's numbered sessions: each journal attaches an item to its own
entry for that number (a form both members fill), and creates one when it has none.

Merging never deletes: a new item is added; an item whose content differs is shown
beside the local one and changes only if the person takes theirs; what the partner
said of a takeaway (proposed, agreed, dropped) is kept beside this member's own status.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rm_journal.core import validate as v
from rm_journal.core.exchange import identity, link
from rm_journal.core.exchange.envelope import ExchangeRefused
from rm_journal.core.exchange.payload import (
    ActionItem,
    Meeting,
    Payload,
    SignatureItem,
    TakeawayItem,
    TopicItem,
)
from rm_journal.core.journal import meetings as meeting_rows
from rm_journal.core.journal import records
from rm_journal.core.journal.fields import FieldSpec, FieldType, specs_from_snapshot
from rm_journal.core.journal.store import (
    Journal,
    fill_session_days,
    insert_session,
    set_session_days,
)
from rm_journal.core.models import (
    Action,
    Role,
    Session,
    Takeaway,
    TakeawayStatus,
    Topic,
    new_uuid,
    utc_now,
)
from rm_journal.core.storage.database import Connection

_SIGNATURE_LABEL = b"rm_journal-summary-signature-v1\x00"


# -- signatures over the shared summary ------------------------------------------------------


def signed_message(link_id: bytes, fingerprint: str) -> bytes:
    return _SIGNATURE_LABEL + link_id + bytes.fromhex(fingerprint)


def sign_summary(me: identity.Identity, link_id: bytes, fingerprint: str) -> SignatureItem:
    return SignatureItem(fingerprint, me.signing_key().sign(signed_message(link_id, fingerprint)))


def verify_summary(public_signing: bytes, link_id: bytes, item: SignatureItem) -> bool:
    return identity.verify(
        public_signing, item.signature, signed_message(link_id, item.fingerprint)
    )


@dataclass(frozen=True)
class SummarySignature:
    fingerprint: str
    role: Role
    public_key: bytes
    signature: bytes


def summary_signatures(journal: Journal, fingerprint: str) -> list[SummarySignature]:
    rows = journal.read(
        "read the summary's signatures",
        lambda c: c.execute(
            "SELECT fingerprint, role, public_key, signature FROM summary_signatures"
            " WHERE fingerprint = ? ORDER BY role",
            (fingerprint,),
        ).fetchall(),
    )
    return [SummarySignature(r[0], Role(r[1]), bytes(r[2]), bytes(r[3])) for r in rows]


def keep_my_signature(journal: Journal, me: identity.Identity, item: SignatureItem) -> None:
    role = journal.pair().profile.my_role
    with journal.writing("save your signature") as tx:
        _store_signature(tx, role, me.public.signing, item)


def _store_signature(tx: Connection, role: Role, key: bytes, item: SignatureItem) -> None:
    tx.execute(
        "INSERT INTO summary_signatures (fingerprint, role, public_key, signature, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (fingerprint, role) DO UPDATE SET"
        " public_key = excluded.public_key, signature = excluded.signature",
        (item.fingerprint, role.value, key, item.signature, utc_now()),
    )


# -- comparing with the journal -------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    kind: str  # "agenda", "topic", "takeaway", "action", "session"
    uuid: str  # the item's id (a session: its number, as text)
    incoming: Any
    local: Any = None  # for a changed item, what this journal holds now


@dataclass(frozen=True)
class Plan:
    """What importing would do; nothing is written until ``apply``."""

    sequence: int
    payload: Payload
    new: tuple[Change, ...]
    changed: tuple[Change, ...]
    partner_said: tuple[Change, ...]  # takeaways whose partner status or day moves
    unchanged: int
    signatures: tuple[SignatureItem, ...]
    bad_signatures: int = 0
    meetings: dict[int, Meeting] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.partner_said or self.signatures)


def _local_rows(conn: Connection, table: str, columns: str, ids: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT uuid, {columns} FROM {table} WHERE uuid IN ({marks})", chunk
        ):
            found[row[0]] = tuple(row[1:])
    return found


def _numbers(conn: Connection) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute("SELECT uuid, number FROM sessions")}


def plan(
    journal: Journal, payload: Payload, sequence: int, partner_key: bytes, link_id: bytes
) -> Plan:
    """Compare what arrives with what this journal holds, item by item."""

    def compare(conn: Connection) -> Plan:
        number_of = _numbers(conn)
        new: list[Change] = []
        changed: list[Change] = []
        said: list[Change] = []
        same = 0

        def meeting_of(session_uuid: str | None) -> int | None:
            return None if session_uuid is None else number_of.get(session_uuid)

        d = v.date_text

        def compare_items(
            kind: str,
            table: str,
            columns: str,
            items: Iterable[Any],
            mine: Callable[[tuple[Any, ...]], tuple[Any, ...]],
            theirs: Callable[[Any], tuple[Any, ...]],
        ) -> int:
            """New and changed items of one kind; how many are the same as here."""
            items = list(items)
            local_rows = _local_rows(conn, table, columns, [i.uuid for i in items])
            unchanged = 0
            for item in items:
                local = local_rows.get(item.uuid)
                if local is None:
                    new.append(Change(kind, item.uuid, item))
                elif mine(local) != theirs(item):
                    changed.append(Change(kind, item.uuid, item, local))
                else:
                    unchanged += 1
            return unchanged

        same += compare_items(
            "agenda",
            "agendas",
            "number, title, points, talking_points",
            payload.agendas,
            lambda r: (r[0], r[1], tuple(json.loads(r[2])), tuple(json.loads(r[3]))),
            lambda a: (a.meeting, a.title, a.points, a.talking_points),
        )
        same += compare_items(
            "topic",
            "topics",
            "title, why, questions, resources, status, planned_session_uuid",
            payload.topics,
            lambda r: (
                r[0],
                r[1],
                tuple(json.loads(r[2])),
                tuple(json.loads(r[3])),
                r[4],
                meeting_of(r[5]),
            ),
            lambda t: (t.title, t.why, t.questions, t.resources, t.status.value, t.meeting),
        )
        takeaways = _local_rows(
            conn,
            "takeaways",
            "text, proposed_by, session_uuid, partner_status, partner_agreed_on,"
            " partner_attribution",
            [tk.uuid for tk in payload.takeaways],
        )
        for tk in payload.takeaways:
            local = takeaways.get(tk.uuid)
            if local is None:
                if tk.status is not TakeawayStatus.DROPPED:
                    new.append(Change("takeaway", tk.uuid, tk))
                continue
            # their attribution is what they said of it, kept beside mine (core.sharing)
            content_differs = (local[0], local[1]) != (tk.text, tk.proposed_by.value)
            if content_differs:
                changed.append(Change("takeaway", tk.uuid, tk, local))
            theirs_said = (tk.status.value, v.date_text(tk.agreed_on), tk.attribution.value)
            if tuple(local[3:6]) != theirs_said:
                said.append(Change("takeaway", tk.uuid, tk, local))
            elif not content_differs:
                same += 1
        same += compare_items(
            "action",
            "actions",
            "text, owner, due_date, done_date, dropped_on, session_uuid",
            payload.actions,
            lambda r: (r[0], r[1], r[2], r[3], r[4], meeting_of(r[5])),
            lambda a: (
                a.text,
                a.owner.value,
                d(a.due_date),
                d(a.done_date),
                d(a.dropped_on),
                a.meeting,
            ),
        )
        for m in payload.meetings:
            shared = _shared_entry(conn, m.number)
            if shared is None:
                continue
            local_dates = meeting_rows.days(conn, m.number) or (None, None)
            for mine_day, theirs_day in zip(
                local_dates, (v.date_text(m.planned_date), v.date_text(m.held_date)), strict=True
            ):
                if mine_day and theirs_day and mine_day != theirs_day:
                    changed.append(Change("session", str(m.number), m, tuple(local_dates)))
                    break
        good = tuple(s for s in payload.signatures if verify_summary(partner_key, link_id, s))
        return Plan(
            sequence,
            payload,
            tuple(new),
            tuple(changed),
            tuple(said),
            same,
            good,
            len(payload.signatures) - len(good),
            {m.number: m for m in payload.meetings},
        )

    return journal.read("compare the exchange file with the journal", compare)


# -- applying ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    added: int
    replaced: int
    kept_mine: int
    partner_said: int
    signatures: int


def apply(
    journal: Journal,
    the_plan: Plan,
    *,
    take_theirs: Iterable[str] = (),
    shared_template: tuple[str, Mapping[str, Any]],
    sharing_summary: Callable[[Applied], str],
    file_name: str,
    file_sha256: str,
    partner_key: bytes,
) -> Applied:
    """Write the plan in one transaction: new items, the changed ones the person chose,
    what the partner said, the partner's signatures, the sequence number, the log."""
    theirs = set(take_theirs)
    partner_role = the_plan.payload.sender_role
    template_id, template_doc = shared_template
    snapshot = v.json_value(dict(template_doc), "template")
    now = utc_now()
    counts = {"added": 0, "replaced": 0, "kept": 0, "said": 0}

    with journal.writing("import the exchange file") as tx:
        current = link.read_state(tx)
        if current is None or the_plan.sequence <= current.received_sequence:
            raise ExchangeRefused("This exchange file was imported meanwhile; nothing was changed.")
        entries: dict[int, tuple[str, dict[str, FieldSpec]]] = {}

        def entry(number: int | None) -> tuple[str | None, dict[str, FieldSpec]]:
            """This journal's entry for a meeting, in a form both fill (made if missing),
            with its form's fields (read once per meeting, not once per item)."""
            if number is None:
                return None, {}
            if number not in entries:
                found = _shared_entry(tx, number)
                if found is None:
                    meeting = the_plan.meetings.get(number)
                    uid = new_uuid()
                    insert_session(
                        tx,
                        uid,
                        number,
                        meeting.title if meeting else "",
                        meeting.planned_date if meeting else None,
                        template_id,
                        snapshot,
                        now,
                    )
                    found = (uid, dict(template_doc))
                entries[number] = (found[0], specs_from_snapshot(found[1]))
            return entries[number]

        def field_in(number: int | None, key: str | None, kind: FieldType) -> str | None:
            uid, specs = entry(number)
            spec = specs.get(key or "")
            return key if uid and spec is not None and spec.type is kind else None

        for change in the_plan.new:
            _insert(tx, change, entry, field_in, partner_role, now)
            counts["added"] += 1
        for change in the_plan.changed:
            if change.uuid in theirs:
                _replace(tx, change, entry, now)
                counts["replaced"] += 1
            else:
                counts["kept"] += 1
        for change in the_plan.partner_said:
            t = change.incoming
            records.record_partner_said(tx, t.uuid, t.status, t.agreed_on, t.attribution)
            counts["said"] += 1
        for number, meeting in the_plan.meetings.items():
            found = entries.get(number) or _shared_entry(tx, number)
            if found:  # fill the days this journal does not know yet; never overwrite one
                fill_session_days(tx, found[0], meeting.planned_date, meeting.held_date)
        for item in the_plan.signatures:
            _store_signature(tx, partner_role, partner_key, item)
        link.mark_received(tx, the_plan.sequence)
        applied = Applied(
            counts["added"],
            counts["replaced"],
            counts["kept"],
            counts["said"],
            len(the_plan.signatures),
        )
        journal.log_sharing(
            tx,
            "import",
            sharing_summary(applied),
            file_name,
            file_sha256[:16],
            the_plan.payload.item_count,
            file_sha256,
        )
    return applied


def _shared_entry(tx: Connection, number: int) -> tuple[str, dict[str, Any]] | None:
    """The first entry for this meeting made with a form both members fill."""
    for uid, document in tx.execute(
        "SELECT s.uuid, n.document FROM sessions AS s JOIN snapshots AS n ON n.id = s.snapshot_id"
        " WHERE s.number = ? ORDER BY s.created_at, s.rowid",
        (number,),
    ):
        doc = json.loads(document)
        if doc.get("audience") == "both":
            return uid, doc
    return None


def _insert(
    tx: Connection,
    change: Change,
    entry: Callable[[int | None], tuple[str | None, dict[str, FieldSpec]]],
    field_in: Callable[[int | None, str | None, FieldType], str | None],
    partner_role: Role,
    now: str,
) -> None:
    item = change.incoming
    if change.kind == "agenda":
        tx.execute(
            "INSERT INTO agendas (uuid, number, title, points, talking_points, from_role,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.uuid,
                item.meeting,
                item.title,
                json.dumps(list(item.points)),
                json.dumps(list(item.talking_points)),
                partner_role.value,
                now,
                now,
            ),
        )
        entry(item.meeting)  # the meeting now exists on this side too
    elif change.kind == "topic":
        session, _ = entry(item.meeting)
        records.insert_received_topic(tx, _topic(item, session, now))
    elif change.kind == "takeaway":
        session, _ = entry(item.meeting)
        records.insert_received_takeaway(
            tx,
            Takeaway(
                uuid=item.uuid,
                session_uuid=session,
                text=item.text,
                proposed_by=item.proposed_by,
                status=TakeawayStatus.PROPOSED,
                agreed_on=None,
                attribution=item.attribution,
                changed_after_agreement=False,
                created_at=now,
                updated_at=now,
                field_key=field_in(item.meeting, item.field, FieldType.TAKEAWAYS),
                partner_status=item.status,
                partner_agreed_on=item.agreed_on,
                partner_attribution=item.attribution,
            ),
        )
    else:
        session, _ = entry(item.meeting)
        field_key = field_in(item.meeting, item.field, FieldType.ACTIONS)
        records.insert_received_action(tx, _action(item, session, now, field_key))


def _topic(item: TopicItem, session_uuid: str | None, now: str) -> Topic:
    """A received topic as this journal holds it, planned for its meeting's entry."""
    return Topic(
        uuid=item.uuid,
        title=item.title,
        why=item.why,
        questions=list(item.questions),
        resources=list(item.resources),
        status=item.status,
        planned_session_uuid=session_uuid,
        created_at=now,
        updated_at=now,
    )


def _action(
    item: ActionItem, session_uuid: str | None, now: str, field_key: str | None = None
) -> Action:
    """A received action as this journal holds it, in its meeting's entry."""
    return Action(
        uuid=item.uuid,
        session_uuid=session_uuid,
        text=item.text,
        owner=item.owner,
        due_date=item.due_date,
        done_date=item.done_date,
        carried_from=None,
        created_at=now,
        updated_at=now,
        field_key=field_key,
        dropped_on=item.dropped_on,
    )


def _replace(
    tx: Connection,
    change: Change,
    entry: Callable[[int | None], tuple[str | None, dict[str, FieldSpec]]],
    now: str,
) -> None:
    item = change.incoming
    if change.kind == "agenda":
        tx.execute(
            "UPDATE agendas SET number = ?, title = ?, points = ?, talking_points = ?,"
            " updated_at = ? WHERE uuid = ?",
            (
                item.meeting,
                item.title,
                json.dumps(list(item.points)),
                json.dumps(list(item.talking_points)),
                now,
                item.uuid,
            ),
        )
    elif change.kind == "topic":
        records.take_partner_topic(tx, _topic(item, entry(item.meeting)[0], now))
    elif change.kind == "takeaway":
        records.take_partner_words(tx, item.uuid, item.text, item.proposed_by, now)
    elif change.kind == "action":
        records.take_partner_action(tx, _action(item, entry(item.meeting)[0], now))
    else:  # a session's days
        uid = _shared_entry(tx, item.number)
        if uid is not None:
            set_session_days(tx, uid[0], item.planned_date, item.held_date, now)


# -- what this member sends ----------------------------------------------------------------


def meetings(journal: Journal, numbers: Iterable[int]) -> tuple[Meeting, ...]:
    """Each meeting's days and title, from this journal's first entry for it."""
    wanted = set(numbers)
    by_number: dict[int, list[Session]] = {}
    for s in journal.sessions():
        if s.number in wanted:
            by_number.setdefault(s.number, []).append(s)
    out = []
    for number, entries in sorted(by_number.items()):
        shared = [s for s in entries if s.template_snapshot.get("audience") == "both"]
        source = (shared or entries)[0]
        title = next((s.title for s in (shared or entries) if s.title), "")
        out.append(
            Meeting(number, source.planned_date, source.held_date, title[: v.MAX_SHORT_TEXT])
        )
    return tuple(out)


def mapping_number(journal: Journal) -> Mapping[str, int]:
    return journal.read("read the sessions", _numbers)


def sequence_for_sending(journal: Journal) -> int:
    with journal.writing("number the exchange file") as tx:
        return link.take_sequence(tx)


def as_items(
    journal: Journal,
    *,
    takeaways: Iterable[Any] = (),
    actions: Iterable[Any] = (),
    topics: Iterable[Any] = (),
) -> tuple[tuple[TakeawayItem, ...], tuple[ActionItem, ...], tuple[TopicItem, ...]]:
    """Journal records as payload items (sessions named by their number)."""
    number_of = mapping_number(journal)

    def num(uid: str | None) -> int | None:
        return None if uid is None else number_of.get(uid)

    t_items = tuple(
        TakeawayItem(
            t.uuid,
            t.text,
            t.proposed_by,
            t.status,
            t.agreed_on,
            t.attribution,
            num(t.session_uuid),
            t.field_key,
        )
        for t in takeaways
    )
    a_items = tuple(
        ActionItem(
            a.uuid,
            a.text,
            a.owner,
            a.due_date,
            a.done_date,
            a.dropped_on,
            num(a.session_uuid),
            a.field_key,
        )
        for a in actions
    )
    p_items = tuple(
        TopicItem(
            t.uuid,
            t.title[: v.MAX_SHORT_TEXT],
            t.why,
            tuple(t.questions),
            tuple(t.resources),
            t.status,
            num(t.planned_session_uuid),
        )
        for t in topics
    )
    return t_items, a_items, p_items
