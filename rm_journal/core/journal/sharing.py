"""What may leave the device: the one rule every way out asks.

Two things carry journal content off this computer: the shared summary (the PDF, and
its preview in the export dialog, which is made of the same paragraphs) and the
exchange file sealed for the partner. Both ask this module, item by item, so a field
marked private, a form only one member fills or a "never exported" choice cannot be
honoured by one and forgotten by the other.

The rule, from the narrowest question up:

- a *form field* may let an item out only if it is not marked private; takeaways and
  actions must moreover be written in a form both members fill (a leader's private
  reflection or a mentor's preparation never contributes one), while the mentor's
  agenda, talking points and topic backlog come from the mentor's own form by design;
  an item written outside any form (the Takeaways, Actions or Topics views) is judged
  by its own status;
- the *attribution* that applies to a takeaway is the stricter of the two members'
  choices (never > anonymous > named): once the partner asked for "never exported" or
  "anonymous", that is what this side prints too;
- the *summary* carries agreed takeaways (agreed by both once the pair is linked)
  whose attribution is not "never", and the actions of a shared form not dropped;
- the *exchange* carries takeaways proposed or agreed (and the dropping of one the
  partner already knows), actions owned by the partner or by both, topics not
  dropped, an agenda's points and the talking points meant for the partner.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rm_journal.core.journal.fields import FieldSpec, FieldType, SnapshotCache, specs_from_snapshot
from rm_journal.core.models import (
    Action,
    Attribution,
    Owner,
    Role,
    Session,
    Takeaway,
    TakeawayStatus,
    Topic,
)

AGENDA_FIELD = "agenda"  # the mentor's agenda for the session (a list)
TALKING_POINTS_FIELD = "pair_points"  # the mentor's talking points to share with the leader

_STRICTNESS = {Attribution.NAMED: 0, Attribution.ANONYMOUS: 1, Attribution.NEVER: 2}
# A journal hands out one never-changed dict per stored snapshot: its fields are read once
# per snapshot (kept by identity, checked), not once per item of a decade of sessions.
_FIELDS: SnapshotCache[dict[str, FieldSpec]] = SnapshotCache(specs_from_snapshot)
_fields = _FIELDS.get


def field_may_leave(
    snapshot: Mapping[str, Any], key: str | None, kind: FieldType, *, shared_form: bool = True
) -> bool:
    """An item of ``kind`` written in field ``key`` of a form (``snapshot``) may leave:
    the field exists with that type and is not private, and, with ``shared_form``, the
    form is one both members fill. No field (``key`` None): the form has no say."""
    if key is None:
        return True
    if shared_form and snapshot.get("audience") != "both":
        return False
    spec = _fields(snapshot).get(key)
    return spec is not None and spec.type is kind and not spec.private


def _in_shared_field(session: Session | None, key: str | None, kind: FieldType) -> bool:
    """Written outside any session, or in a field of its session that may leave."""
    return session is None or field_may_leave(session.template_snapshot, key, kind)


# -- attribution ------------------------------------------------------------------------------


def stricter(*choices: Attribution | None) -> Attribution:
    """The strictest of the members' attributions: never > anonymous > named."""
    known = [c for c in choices if c is not None]
    return max(known, key=_STRICTNESS.__getitem__) if known else Attribution.NEVER


def effective_attribution(takeaway: Takeaway) -> Attribution:
    """What applies to a takeaway: this member's choice, or the partner's if stricter."""
    return stricter(takeaway.attribution, takeaway.partner_attribution)


def partner_is_stricter(takeaway: Takeaway) -> bool:
    """The partner asked for less than this member chose (so the partner's choice applies)."""
    return effective_attribution(takeaway) is not takeaway.attribution


# -- the shared summary -----------------------------------------------------------------------


def takeaway_in_summary(takeaway: Takeaway, session: Session | None, *, linked: bool) -> bool:
    """Printed in the shared summary of ``session`` (None: not among the chosen ones)."""
    return (
        session is not None
        and takeaway.agreed_by_both(linked)
        and effective_attribution(takeaway) is not Attribution.NEVER
        and field_may_leave(session.template_snapshot, takeaway.field_key, FieldType.TAKEAWAYS)
    )


def action_in_summary(action: Action, session: Session | None) -> bool:
    """Printed in the shared summary: recorded in a shared field of a chosen session."""
    return (
        session is not None
        and action.dropped_on is None
        and action.field_key is not None
        and field_may_leave(session.template_snapshot, action.field_key, FieldType.ACTIONS)
    )


# -- the exchange file ------------------------------------------------------------------------


def takeaway_in_exchange(takeaway: Takeaway, session: Session | None) -> bool:
    """Sent to the partner: told to them (proposed, agreed, or the dropping of one they
    know), in no form field or in one that may leave."""
    told = takeaway.status in (TakeawayStatus.PROPOSED, TakeawayStatus.AGREED)
    dropped_known = (
        takeaway.status is TakeawayStatus.DROPPED and takeaway.partner_status is not None
    )
    return (told or dropped_known) and _in_shared_field(
        session, takeaway.field_key, FieldType.TAKEAWAYS
    )


def action_in_exchange(action: Action, session: Session | None, my_role: Role) -> bool:
    """Sent to the partner: owned by the partner or by both, in a field that may leave."""
    partner = Owner.MENTOR if my_role is Role.LEADER else Owner.LEADER
    return action.owner in (partner, Owner.BOTH) and _in_shared_field(
        session, action.field_key, FieldType.ACTIONS
    )


def topic_may_leave(topic: Topic, session: Session | None) -> bool:
    """Sent to the partner (with an agenda or the backlog): not proposed in a private
    field of ``session``, the form that proposed it (the backlog is the mentor's own,
    so the form's audience does not matter)."""
    return session is None or field_may_leave(
        session.template_snapshot, topic.field_key, FieldType.TOPICS, shared_form=False
    )


def list_field_in_exchange(session: Session, key: str) -> bool:
    """An agenda or talking-points list of the member's own form that may be sent."""
    snapshot = session.template_snapshot
    return key in _fields(snapshot) and field_may_leave(
        snapshot, key, FieldType.LIST, shared_form=False
    )
