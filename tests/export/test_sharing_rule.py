"""One rule decides what may leave the device (core.sharing); the shared summary (PDF and
preview) and the exchange file both ask it, so they never disagree."""

from __future__ import annotations

import copy
import io
import json
import secrets
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from rm_journal.core.errors import InvalidInput
from rm_journal.core.journal import sharing
from rm_journal.core.models import Attribution, Role, TakeawayStatus
from rm_journal.export import exchange, summary
from rm_journal.export.selection import select
from rm_journal.templates.library import TemplateLibrary, builtin, start_session
from rm_journal.templates.schema import Template, load
from tests.conftest import profile
from tests.export.exchange_pair import two_sides


def canary() -> str:
    return f"Canari{secrets.token_hex(6)}"


def custom_template(
    template_id: str,
    *,
    audience: str = "both",
    private: frozenset[str] = frozenset({"takeaways"}),
) -> Template:
    """The regular session as a user's own template, with the named fields private."""
    doc: dict[str, Any] = copy.deepcopy(builtin("regular-session").document())
    doc["id"], doc["audience"] = template_id, audience
    for section in doc["sections"]:
        for field in section["fields"]:
            field["private"] = field["key"] in private
    return load(doc)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_agreed_takeaway_of_a_private_field_is_not_in_the_pdf_nor_its_preview(vault, tmp_path):
    template = TemplateLibrary(vault).import_bytes(
        json.dumps(custom_template("private-takeaways").document()).encode()
    )
    journal = vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)
    session = start_session(journal, template)
    secret = canary()
    journal.set_fields(session.uuid, {"takeaways": [{"text": secret, "status": "agreed"}]})
    shared = journal.add_takeaway(
        "Accord visible", Role.LEADER, session_uuid=session.uuid, status=TakeawayStatus.AGREED
    )
    assert journal.takeaways(status=TakeawayStatus.AGREED)[0].field_key == "takeaways"

    prepared = summary.prepare(journal, summary.SummaryRequest())
    assert [i.text for i in prepared.selection.takeaways] == [shared.text]
    assert secret not in prepared.preview()
    target = tmp_path / "summary.pdf"
    summary.write(journal, prepared, target)
    text = pdf_text(target.read_bytes())
    assert "Accord visible" in text
    assert secret not in text


def test_send_omits_the_same_takeaway_and_refuses_when_it_is_all_there_is(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        session = start_session(leader.journal, custom_template("private-takeaways"))
        secret = canary()
        leader.journal.set_fields(
            session.uuid, {"takeaways": [{"text": secret, "status": "agreed"}]}
        )
        with pytest.raises(InvalidInput, match="nothing of that kind"):
            exchange.prepare(leader.vault, leader.pair_id, ["takeaways"])
        leader.journal.add_takeaway(
            "Proposé à partager", Role.LEADER, status=TakeawayStatus.PROPOSED
        )
        path = leader.send(("takeaways",), "t.rmjx")
        mentor.receive(path)
        assert [t.text for t in mentor.journal.takeaways()] == ["Proposé à partager"]
        assert all(secret not in t.text for t in mentor.journal.takeaways())


# -- the PDF selection and the exchange selection agree with the rule, whatever the form --

FIELDS = {"takeaways": "takeaways", "actions": "actions"}
item = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["takeaway", "action"]),
        "in_form": st.booleans(),
        "status": st.sampled_from(list(TakeawayStatus)),
        "attribution": st.sampled_from(list(Attribution)),
        "owner": st.sampled_from(["leader", "mentor", "both"]),
    }
)
forms = st.fixed_dictionaries(
    {
        "audience": st.sampled_from(["both", "leader", "mentor"]),
        "private": st.frozensets(st.sampled_from(["takeaways", "actions"])),
        "items": st.lists(item, min_size=1, max_size=6),
    }
)


@pytest.fixture(scope="module")
def sides(tmp_path_factory):
    with two_sides(tmp_path_factory.mktemp("rule")) as pair:
        yield pair


def _write(journal: Any, form: dict[str, Any], template: Template) -> tuple[str, set[str]]:
    """One session of ``template`` holding the drawn items; their texts."""
    session = start_session(journal, template)
    values: dict[str, list[dict[str, Any]]] = {"takeaways": [], "actions": []}
    texts = set()
    for drawn in form["items"]:
        text = canary()
        texts.add(text)
        if drawn["kind"] == "takeaway":
            if drawn["in_form"]:
                values["takeaways"].append(
                    {
                        "text": text,
                        "status": drawn["status"].value,
                        "attribution": drawn["attribution"].value,
                    }
                )
            else:
                journal.add_takeaway(
                    text,
                    Role.LEADER,
                    session_uuid=session.uuid,
                    status=drawn["status"],
                    attribution=drawn["attribution"],
                )
        elif drawn["in_form"]:
            values["actions"].append({"text": text, "owner": drawn["owner"]})
        else:
            journal.add_action(text, drawn["owner"], session_uuid=session.uuid)
    journal.set_fields(session.uuid, {k: v for k, v in values.items() if v})
    return session.uuid, texts


@settings(max_examples=25)
@given(form=forms)
def test_pdf_and_exchange_selections_agree_with_the_one_rule(sides, form):
    leader, _ = sides
    template = custom_template(
        f"t{secrets.token_hex(4)}", audience=form["audience"], private=form["private"]
    )
    vault = leader.vault
    solo = vault.journal(vault.add_pair(profile("Solo", Role.LEADER)).pair_id)  # not linked
    session_uuid, texts = _write(solo, form, template)
    session = solo.session(session_uuid)
    in_pdf = {i.text for i in select(solo, session_uuids=[session_uuid]).items}
    rule_pdf = {
        t.text
        for t in solo.takeaways()
        if t.text in texts and sharing.takeaway_in_summary(t, session, linked=False)
    }
    rule_pdf |= {
        a.text for a in solo.actions() if a.text in texts and sharing.action_in_summary(a, session)
    }
    assert in_pdf == rule_pdf

    linked_uuid, linked_texts = _write(leader.journal, form, template)
    linked_session = leader.journal.session(linked_uuid)
    try:
        payload = exchange.prepare(vault, leader.pair_id, ["takeaways", "actions"])
        sent = {t.text for t in payload.takeaways} | {a.text for a in payload.actions}
    except InvalidInput:
        sent = set()
    sent &= linked_texts
    rule_sent = {
        t.text
        for t in leader.journal.takeaways()
        if t.text in linked_texts and sharing.takeaway_in_exchange(t, linked_session)
    }
    rule_sent |= {
        a.text
        for a in leader.journal.actions()
        if a.text in linked_texts and sharing.action_in_exchange(a, linked_session, Role.LEADER)
    }
    assert sent == rule_sent

    # and the rule itself, stated independently: a private field, or a form only one
    # member fills, lets nothing out; "never exported" never reaches the PDF
    for journal, chosen, out, is_pdf in (
        (solo, texts, in_pdf, True),
        (leader.journal, linked_texts, sent, False),
    ):
        for t in journal.takeaways():
            if t.text not in chosen or t.text not in out:
                continue
            if t.field_key is not None:
                assert form["audience"] == "both" and "takeaways" not in form["private"]
            assert t.status is not TakeawayStatus.PRIVATE
            if is_pdf:
                assert t.status is TakeawayStatus.AGREED
                assert t.attribution is not Attribution.NEVER
        for a in journal.actions():
            if a.text in chosen and a.text in out and a.field_key is not None:
                assert form["audience"] == "both" and "actions" not in form["private"]
    # what the PDF may print, the exchange may carry (an agreed takeaway goes both ways)
    assert all(
        sharing.takeaway_in_exchange(t, session) for t in solo.takeaways() if t.text in in_pdf
    )
