"""Exchange files between the two members of a linked pair: what to send, sending,
reading what arrived, importing it.

The person chooses what goes (``WHAT``): the agenda of a session (its points and the
topics planned for it), the topic backlog, takeaways proposed or agreed, actions
assigned to the partner or to both, and this member's signature over the shared
summary. What may go is decided item by item by ``core.sharing``, the rule the shared
summary asks too: no private takeaway, no field marked private, no takeaway or action
of a form only one member fills (an agenda and its talking points excepted).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rm_journal.core.errors import InvalidInput
from rm_journal.core.exchange import envelope, link
from rm_journal.core.exchange import merge as xc
from rm_journal.core.exchange import payload as pl
from rm_journal.core.exchange.identity import Identity, PairingBlock
from rm_journal.core.journal import sharing
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import (
    Action,
    SharingRecord,
    Takeaway,
    TopicStatus,
)
from rm_journal.core.storage.fsutil import atomic_write, read_limited
from rm_journal.core.validate import MAX_SHORT_TEXT
from rm_journal.core.vault import Vault
from rm_journal.export.selection import fingerprint, select
from rm_journal.templates.library import builtin

EXTENSION = ".rmjx"
KIND = "exchange"
WHAT = ("agenda", "topics", "takeaways", "actions", "signature")
SHARED_TEMPLATE = "regular-session"  # made on this side for a meeting it has no form for

_WORDS = {
    "en": {
        "sent": "Sent to your partner: {items}",
        "imported": "Imported from your partner: {n} new, {r} replaced, {k} kept as yours, "
        "{s} answer(s) on takeaways, {g} signature(s)",
        "agenda": "{n} agenda(s)",
        "topics": "{n} topic(s)",
        "takeaways": "{n} takeaway(s)",
        "actions": "{n} action(s)",
        "signature": "your signature",
        "nothing": "nothing",
    },
    "fr": {
        "sent": "Envoyé à votre binôme : {items}",
        "imported": "Reçu de votre binôme : {n} nouveau(x), {r} remplacé(s), {k} gardé(s) "
        "tel(s) quel(s), {s} réponse(s) sur des enseignements, {g} signature(s)",
        "agenda": "{n} ordre(s) du jour",
        "topics": "{n} sujet(s)",
        "takeaways": "{n} enseignement(s)",
        "actions": "{n} action(s)",
        "signature": "votre signature",
        "nothing": "rien",
    },
}


def _words(journal: Journal) -> dict[str, str]:
    return _WORDS.get(journal.pair().profile.language.value, _WORDS["en"])


@dataclass(frozen=True)
class Linked:
    """What sending and importing need: this device's keys and the confirmed partner."""

    journal: Journal
    me: Identity
    partner: PairingBlock
    link_id: bytes


def linked(vault: Vault, pair_id: str) -> Linked:
    journal = vault.journal(pair_id)
    me = link.my_keys(journal, vault.identity())  # the link's own keys (core.link)
    current = link.current(journal)
    link_id = link.link_id(journal, me)
    if current is None or not current.confirmed or current.partner is None or link_id is None:
        raise envelope.ExchangeUnconfirmed()
    return Linked(journal, me, current.partner, link_id)


# -- choosing what to send -------------------------------------------------------------------


def next_meeting(journal: Journal) -> int | None:
    """The first session not held yet (planned or prepared), by number."""
    waiting = [m.number for m in journal.meetings() if not m.held]
    return min(waiting) if waiting else None


def _agenda(journal: Journal, number: int) -> tuple[list[pl.AgendaItem], list[str]]:
    """This member's agenda points for a meeting, and the ids of its entries."""
    entries = [s for s in journal.sessions() if s.number == number]
    items = []
    for entry in entries:
        if not sharing.list_field_in_exchange(entry, sharing.AGENDA_FIELD):
            continue
        values = journal.fields(entry.uuid)
        points, topic = values.get(sharing.AGENDA_FIELD) or [], values.get("topic")
        talking: list[str] = []
        if sharing.list_field_in_exchange(entry, sharing.TALKING_POINTS_FIELD):
            talking = values.get(sharing.TALKING_POINTS_FIELD) or []
        title = entry.title or (topic if isinstance(topic, str) else "")
        if points or title or talking:
            items.append(
                pl.AgendaItem(
                    entry.uuid,
                    number,
                    title[:MAX_SHORT_TEXT],
                    tuple(map(str, points)),
                    tuple(map(str, talking)),
                )
            )
    return items, [e.uuid for e in entries]


def prepare(
    vault: Vault, pair_id: str, what: Iterable[str], *, meeting: int | None = None
) -> pl.Payload:
    """The payload for the chosen kinds of things; InvalidInput if there is nothing."""
    chosen = set(what)
    unknown = chosen - set(WHAT)
    if unknown or not chosen:
        raise InvalidInput(f"Choose what to send among: {', '.join(WHAT)}.")
    ctx = linked(vault, pair_id)
    journal = ctx.journal
    role = journal.pair().profile.my_role
    sessions = {s.uuid: s for s in journal.sessions()}
    agendas: list[pl.AgendaItem] = []
    topics = []
    if "agenda" in chosen:
        number = meeting if meeting is not None else next_meeting(journal)
        if number is None:
            raise InvalidInput("No session is planned yet: plan the next session first.")
        agendas, entry_ids = _agenda(journal, number)
        topics = [
            t
            for t in journal.topics()
            if t.planned_session_uuid in entry_ids
            and sharing.topic_may_leave(t, sessions.get(t.session_uuid or ""))
        ]
        if not agendas and not topics:
            raise InvalidInput(
                f"Session {number} has no agenda yet: write its agenda points, or plan "
                "topics for it, first."
            )
    if "topics" in chosen:
        seen = {t.uuid for t in topics}
        topics += [
            t
            for t in journal.topics()
            if t.status is not TopicStatus.DROPPED
            and t.uuid not in seen
            and sharing.topic_may_leave(t, sessions.get(t.session_uuid or ""))
        ]
    takeaways: list[Takeaway] = []
    if "takeaways" in chosen:
        takeaways = [
            t
            for t in journal.takeaways()
            if sharing.takeaway_in_exchange(t, sessions.get(t.session_uuid or ""))
        ]
    actions: list[Action] = []
    if "actions" in chosen:
        actions = [
            a
            for a in journal.actions()
            if sharing.action_in_exchange(a, sessions.get(a.session_uuid or ""), role)
        ]
    signatures: tuple[pl.SignatureItem, ...] = ()
    if "signature" in chosen:
        selection = select(journal)
        if not selection.items:
            raise InvalidInput("There is nothing agreed by both of you to sign yet.")
        item = xc.sign_summary(ctx.me, ctx.link_id, fingerprint(selection.items))
        xc.keep_my_signature(journal, ctx.me, item)
        signatures = (item,)
    t_items, a_items, p_items = xc.as_items(
        journal, takeaways=takeaways, actions=actions, topics=topics
    )
    numbers = {a.meeting for a in agendas}
    numbers |= {t.meeting for t in t_items if t.meeting is not None}
    numbers |= {a.meeting for a in a_items if a.meeting is not None}
    numbers |= {p.meeting for p in p_items if p.meeting is not None}
    payload = pl.Payload(
        role, xc.meetings(journal, numbers), tuple(agendas), p_items, t_items, a_items, signatures
    )
    if not payload.item_count and not signatures:
        raise InvalidInput("There is nothing of that kind to send yet.")
    if payload.item_count > pl.MAX_ITEMS:
        raise InvalidInput(
            f"That is {payload.item_count:,} items, more than one file may carry "
            f"({pl.MAX_ITEMS:,}): send one kind at a time."
        )
    return payload


def describe(journal: Journal, payload: pl.Payload) -> str:
    words = _words(journal)
    parts = [
        words[kind].format(n=len(getattr(payload, attr)))
        for kind, attr in (
            ("agenda", "agendas"),
            ("topics", "topics"),
            ("takeaways", "takeaways"),
            ("actions", "actions"),
        )
        if getattr(payload, attr)
    ]
    if payload.signatures:
        parts.append(words["signature"])
    return words["sent"].format(items=", ".join(parts) or words["nothing"])


def default_file_name(today: dt.date | None = None) -> str:
    """Names nobody: the app, the day."""
    return f"rm_journal-{(today or dt.date.today()).isoformat()}{EXTENSION}"


def write(vault: Vault, pair_id: str, payload: pl.Payload, path: Path) -> SharingRecord:
    """Seal the payload for the partner, write it atomically, record it in the log."""
    ctx = linked(vault, pair_id)
    if path.suffix.lower() != EXTENSION:
        path = path.with_name(path.name + EXTENSION)
    sequence = xc.sequence_for_sending(ctx.journal)
    data = envelope.seal(
        payload.to_bytes(),
        sender=ctx.me,
        link_id=ctx.link_id,
        recipient_exchange=ctx.partner.keys.exchange,
        sequence=sequence,
    )
    atomic_write(path, data)
    digest = hashlib.sha256(data).hexdigest()
    return ctx.journal.record_sharing(
        KIND,
        describe(ctx.journal, payload),
        path.name,
        digest[:16],
        payload.item_count,
        digest,
    )


# -- receiving -------------------------------------------------------------------------------


def read_file(path: Path) -> bytes:
    """An exchange file's bytes; a file larger than any exchange file is not read."""
    return read_limited(
        path, envelope.MAX_FILE_BYTES, "an exchange file", envelope.ExchangeTooLarge
    )


@dataclass(frozen=True)
class Incoming:
    plan: xc.Plan
    file_sha256: str
    file_name: str


def read(vault: Vault, pair_id: str, data: bytes, file_name: str = "") -> Incoming:
    """Check the file and compare it with the journal; nothing is written."""
    journal = vault.journal(pair_id)
    me = link.my_keys(journal, vault.identity())  # the link's own keys (core.link)
    envelope.read_header(data)  # not an exchange file at all: say so before anything else
    current = link.current(journal)  # reading writes nothing, even a first nonce
    link_id = link.link_id(journal, me)
    if current is None or current.partner is None or link_id is None:
        raise envelope.ExchangeUnconfirmed()
    opened = envelope.open_(
        data,
        me=me,
        link_id=link_id,
        partner_signing=current.partner.keys.signing,
        confirmed=current.confirmed,
        last_sequence=current.received_sequence,
    )
    payload = pl.read_payload(opened.payload)
    if payload.sender_role is not current.partner.role:
        raise pl.ExchangeInvalid("a sender role that is not your partner's")
    the_plan = xc.plan(
        journal, payload, opened.header.sequence, current.partner.keys.signing, link_id
    )
    return Incoming(the_plan, hashlib.sha256(data).hexdigest(), file_name)


def apply(
    vault: Vault, pair_id: str, incoming: Incoming, *, take_theirs: Iterable[str] = ()
) -> xc.Applied:
    journal = vault.journal(pair_id)
    current = link.current(journal)
    assert current is not None and current.partner is not None  # read() checked both
    words = _words(journal)
    template = builtin(SHARED_TEMPLATE)

    def summary(applied: xc.Applied) -> str:
        return words["imported"].format(
            n=applied.added,
            r=applied.replaced,
            k=applied.kept_mine,
            s=applied.partner_said,
            g=applied.signatures,
        )

    return xc.apply(
        journal,
        incoming.plan,
        take_theirs=take_theirs,
        shared_template=(template.id, template.document()),
        sharing_summary=summary,
        file_name=incoming.file_name,
        file_sha256=incoming.file_sha256,
        partner_key=current.partner.keys.signing,
    )
