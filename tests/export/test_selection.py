"""Only what both agreed on is selected; the fingerprint depends on content alone."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rm_journal.core.models import Attribution, Role, TakeawayStatus
from rm_journal.export.selection import SharedItem, canonical, fingerprint, select, short
from rm_journal.templates.library import builtin, start_session
from tests.conftest import profile


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)


def canary() -> str:
    return f"Canari{secrets.token_hex(6)}"


def test_only_agreed_shared_items_of_the_chosen_sessions(journal):
    hidden = []

    def c() -> str:
        hidden.append(canary())
        return hidden[-1]

    s1 = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 1, 10))
    s2 = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 2, 10))
    journal.set_fields(
        s1.uuid,
        {
            "notes": c(),
            "takeaways": [
                {"text": "Différer les mails du soir", "status": "agreed"},
                {"text": c(), "status": "proposed"},
                {"text": c(), "status": "private"},
                {"text": c(), "status": "dropped"},
            ],
            "actions": [
                {"text": "Programmer les envois", "owner": "leader", "due_date": "2026-02-01"}
            ],
        },
    )
    never = journal.add_takeaway(
        c(),
        Role.MENTOR,
        session_uuid=s1.uuid,
        status=TakeawayStatus.AGREED,
        attribution=Attribution.NEVER,
    )
    dropped = journal.add_action(c(), "both", session_uuid=s1.uuid)
    journal.update_action(replace(dropped, dropped_on=dt.date(2026, 1, 20)))
    reflection = start_session(journal, builtin("leader-reflection"), number=1)
    journal.set_fields(
        reflection.uuid, {"surprised": c(), "commitments": [{"text": c(), "owner": "leader"}]}
    )
    journal.set_fields(s2.uuid, {"takeaways": [{"text": c(), "status": "agreed"}]})

    chosen = select(journal, session_uuids=[s1.uuid, reflection.uuid])
    texts = [i.text for i in chosen.items]
    assert texts == ["Différer les mails du soir", "Programmer les envois"]
    everything = repr(chosen)
    assert not any(h in everything for h in hidden)
    assert never.uuid
    by_dates = select(journal, date_from=dt.date(2026, 2, 1))
    assert [i.session_number for i in by_dates.items] == [2]
    assert len(select(journal).takeaways) == 2


def test_attribution_names_the_proposer_only_when_asked(journal):
    s = start_session(journal, builtin("regular-session"))
    journal.add_takeaway(
        "Nommé",
        Role.MENTOR,
        session_uuid=s.uuid,
        status=TakeawayStatus.AGREED,
        attribution=Attribution.NAMED,
    )
    journal.add_takeaway(
        "Anonyme",
        Role.MENTOR,
        session_uuid=s.uuid,
        status=TakeawayStatus.AGREED,
        attribution=Attribution.ANONYMOUS,
    )
    owners = {i.text: i.owner for i in select(journal).items}
    assert owners == {"Nommé": "mentor", "Anonyme": ""}


items = st.builds(
    SharedItem,
    kind=st.sampled_from(["takeaway", "action"]),
    text=st.text(min_size=1, max_size=40),
    session_number=st.integers(1, 50),
    session_day=st.none(),
    day=st.none() | st.dates(),
    attribution=st.sampled_from(["named", "anonymous", ""]),
    owner=st.sampled_from(["leader", "mentor", "both", ""]),
)


@given(st.lists(items, max_size=12), st.randoms())
def test_fingerprint_ignores_order_and_local_numbering(selection, rnd):
    shuffled = list(selection)
    rnd.shuffle(shuffled)
    renumbered = [replace(i, session_number=i.session_number + 7) for i in shuffled]
    assert fingerprint(selection) == fingerprint(shuffled) == fingerprint(renumbered)


@given(st.lists(items, min_size=1, max_size=8), st.data())
def test_any_change_of_content_changes_the_fingerprint(selection, data):
    index = data.draw(st.integers(0, len(selection) - 1))
    item = selection[index]
    changed = replace(item, text=item.text + "!")
    altered = [*selection[:index], changed, *selection[index + 1 :]]
    assert fingerprint(altered) != fingerprint(selection)
    assert fingerprint(selection[:index] + selection[index + 1 :]) != fingerprint(selection)


def test_same_words_typed_differently_match():
    a = SharedItem("takeaway", "Écouter  d’abord", 1, None, None, "anonymous", "")
    b = replace(a, text="E\u0301couter d’abord ", session_number=3)
    assert canonical([a]) == canonical([b])
    assert short("ab" * 32) == "ABAB ABAB ABAB ABAB"
