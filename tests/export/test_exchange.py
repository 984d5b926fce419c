"""Two members, two vaults, files carried by hand: link, agenda, takeaways, agreement."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rm_journal.core.errors import InvalidInput
from rm_journal.core.exchange import envelope, link
from rm_journal.core.exchange import merge as xc
from rm_journal.core.exchange import payload as pl
from rm_journal.core.exchange.identity import Identity, PairingRefused, new_secret, write_block
from rm_journal.core.models import Owner, Role, TakeawayStatus, TopicStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import exchange, summary, verify
from rm_journal.export.selection import fingerprint, select
from tests.conftest import CHEAP_KDF, PASSPHRASE
from tests.export.exchange_pair import (
    MEETING_DAY,
    Side,
    link_both,
    mentor_prepares_meeting_one,
    two_sides,
)

AGREED_DAY = dt.date(2026, 3, 11)


def shared_entry(side: Side, number: int):
    (entry,) = [
        s
        for s in side.journal.sessions()
        if s.number == number and s.template_snapshot["audience"] == "both"
    ]
    return entry


def leader_writes_takeaways(leader: Side) -> None:
    entry = shared_entry(leader, 1)
    leader.journal.set_fields(
        entry.uuid,
        {
            "notes": "Secretnotes du leader",
            "takeaways": [
                {"text": "Tester un assistant sur un vrai dossier", "status": "proposed"},
                {"text": "Partager nos prompts dans l'équipe", "status": "proposed"},
                {"text": "Secretprivate takeaway", "status": "private"},
            ],
            "actions": [{"text": "Envoyer trois exemples de prompts", "owner": "mentor"}],
        },
    )


def agree_all(side: Side) -> None:
    for t in side.journal.takeaways(status=TakeawayStatus.PROPOSED):
        side.journal.update_takeaway(
            dataclasses.replace(t, status=TakeawayStatus.AGREED, agreed_on=AGREED_DAY)
        )


def test_linking_shows_the_same_safety_number_and_refuses_odd_blocks(tmp_path):
    with two_sides(tmp_path, linked=False) as (leader, mentor):
        me = leader.vault.identity()
        mine = link.my_block(leader.journal, me)
        with pytest.raises(PairingRefused, match="your own"):
            link.accept_block(leader.journal, me, mine)
        with pytest.raises(PairingRefused, match="not a pairing block"):
            link.accept_block(leader.journal, me, "hello")
        # a block quoted by a mail client still reads
        theirs = link.my_block(mentor.journal, mentor.vault.identity())
        quoted = "\n".join("> " + line for line in theirs.splitlines())
        number = link.accept_block(leader.journal, me, f"Voici mon bloc :\n{quoted}\nÀ bientôt")
        assert len(number.split()) == 12 and all(len(g) == 5 for g in number.split())
        with pytest.raises(PairingRefused, match="does not match"):
            link.confirm(leader.journal, me, "12345 " * 12)
        assert not link.state(leader.journal).confirmed
        # another leader's block: refused, the role is the same as mine
        stranger = Identity(new_secret(), new_secret())
        with pytest.raises(PairingRefused, match="your own role"):
            link.accept_block(leader.journal, me, write_block(stranger, Role.LEADER, bytes(16)))
        assert link_both(leader, mentor) == number


def test_a_whole_cycle_agenda_takeaways_agreement_and_the_same_fingerprint(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        mentor_prepares_meeting_one(mentor)
        agenda_file = mentor.send(("agenda",), "agenda.rmjx")
        assert b"Secretpoint" not in agenda_file.read_bytes()
        assert b"Tour de table" not in agenda_file.read_bytes()  # encrypted, not merely hidden

        incoming = leader.receive(agenda_file)
        assert [c.kind for c in incoming.plan.new] == ["agenda", "topic"]
        (agenda,) = leader.journal.agendas()
        assert agenda.points == ("Tour de table", "Démonstration d'un assistant", "Vos questions")
        entry = shared_entry(leader, 1)
        assert entry.template_id == "regular-session" and entry.planned_date == MEETING_DAY
        (topic,) = leader.journal.topics()
        assert topic.title == "Prompts utiles" and topic.planned_session_uuid == entry.uuid
        assert topic.status is TopicStatus.PLANNED
        assert "Secretpoint" not in repr(leader.journal.fields(entry.uuid))

        leader_writes_takeaways(leader)
        to_mentor = leader.send(("takeaways", "actions"), "after-1.rmjx")
        mentor.receive(to_mentor)
        mentor_entry = shared_entry(mentor, 1)
        got = mentor.journal.takeaways(session_uuid=mentor_entry.uuid)
        assert sorted(t.text for t in got) == [
            "Partager nos prompts dans l'équipe",
            "Tester un assistant sur un vrai dossier",
        ]
        assert all(t.status is TakeawayStatus.PROPOSED for t in got)
        assert all(t.partner_status is TakeawayStatus.PROPOSED for t in got)
        assert all(t.field_key == "takeaways" for t in got)  # shown in the form too
        (action,) = mentor.journal.actions()
        assert action.owner is Owner.MENTOR and action.session_uuid == mentor_entry.uuid
        # the same ids on both sides
        assert {t.uuid for t in got} <= {t.uuid for t in leader.journal.takeaways()}

        # agreement needs both: the mentor agrees, the leader has not yet
        agree_all(mentor)
        assert select(mentor.journal).takeaways == ()
        leader.receive(mentor.send(("takeaways",), "agreed-by-mentor.rmjx"))
        assert select(leader.journal).takeaways == ()
        agree_all(leader)
        leader_items = select(leader.journal).items
        assert len(select(leader.journal).takeaways) == 2
        mentor.receive(leader.send(("takeaways",), "agreed-by-leader.rmjx"))
        mentor_items = select(mentor.journal).items
        assert [i.kind for i in mentor_items] == ["takeaway", "takeaway", "action"]
        assert fingerprint(mentor_items) == fingerprint(leader_items)

        # the sharing logs say what left and what arrived
        kinds = [r.kind for r in mentor.journal.sharing_log()]
        assert kinds.count("exchange") == 2 and kinds.count("import") == 2

        # each signs; the signatures cross; each exports the PDF on their own computer
        leader.receive(mentor.send(("signature",), "signed-by-mentor.rmjx"))
        mentor.receive(leader.send(("signature",), "signed-by-leader.rmjx"))
        pdfs, fingerprints = [], set()
        for side, language in ((leader, "fr"), (mentor, "en")):
            request = summary.SummaryRequest(language=language)
            prepared = summary.prepare(side.journal, request, side.vault.identity())
            assert [s.role for s in prepared.signatures] == [Role.LEADER, Role.MENTOR]
            path = side.folder / "synthese.pdf"
            summary.write(side.journal, prepared, path)
            verdict = verify.matches_in(side.vault, verify.read(path.read_bytes()))
            assert verdict.status is verify.Status.IDENTICAL, verdict.message
            assert verdict.signed_by == ("leader", "mentor")
            assert "Signed by both members" in verdict.message
            pdfs.append(path.read_bytes())
            fingerprints.add(prepared.fingerprint)
        assert len(fingerprints) == 1  # the same summary on both machines
        # checked in a third vault: refused, and not even a link row written in its pair
        with DataDir.acquire(tmp_path / "third") as dd:
            third, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            pair = third.add_pair(leader.journal.pair().profile)
            verdict = verify.matches_in(third, verify.read(pdfs[0]))
            assert verdict.status is verify.Status.CHANGED
            assert link.current(third.journal(pair.pair_id)) is None
            third.lock()
        # the partner's PDF (in English) checks on this machine too: same items, both signatures
        verdict = verify.matches_in(leader.vault, verify.read(pdfs[1]))
        assert verdict.status is verify.Status.SAME_CONTENT
        assert verdict.signed_by == ("leader", "mentor")
        # a changed byte: the file no longer verifies
        for offset in (len(pdfs[0]) // 3, len(pdfs[0]) // 2, len(pdfs[0]) - 200):
            changed = bytearray(pdfs[0])
            changed[offset] ^= 0x01
            try:
                found = verify.read(bytes(changed))
            except InvalidInput:
                continue  # not even readable as a PDF
            assert not verify.matches_in(leader.vault, found).status.ok


def test_an_import_changes_nothing_of_mine_unless_i_take_theirs(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        mine = leader.journal.add_topic("Une idée", why="la mienne")
        mentor_side = mentor.journal
        first = leader.send(("topics",), "topics.rmjx")
        mentor.receive(first)
        theirs = mentor_side.topic(mine.uuid)
        mentor_side.update_topic(dataclasses.replace(theirs, why="la version du mentor"))
        leader.journal.update_topic(dataclasses.replace(mine, why="ma version modifiée"))
        back = mentor.send(("topics",), "topics-back.rmjx")
        incoming = exchange.read(leader.vault, leader.pair_id, back.read_bytes(), back.name)
        (change,) = incoming.plan.changed
        assert change.kind == "topic" and change.incoming.why == "la version du mentor"
        exchange.apply(leader.vault, leader.pair_id, incoming)  # keep mine
        assert leader.journal.topic(mine.uuid).why == "ma version modifiée"
        # the next file, with theirs taken
        again = mentor.send(("topics",), "topics-again.rmjx")
        leader.receive(again, take_theirs=(mine.uuid,))
        assert leader.journal.topic(mine.uuid).why == "la version du mentor"
        # nothing is deleted when the partner no longer lists it
        mentor_side.delete_topic(mine.uuid)
        mentor_side.add_topic("Encore une")
        leader.receive(mentor.send(("topics",), "after-delete.rmjx"))
        assert leader.journal.topic(mine.uuid).title == "Une idée"


def test_replayed_and_other_pairs_files_are_refused_and_change_nothing(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        mentor.journal.add_topic("Un sujet")
        sent = mentor.send(("topics",), "t.rmjx")
        leader.receive(sent)
        with pytest.raises(envelope.ExchangeReplayed):
            exchange.read(leader.vault, leader.pair_id, sent.read_bytes())
        # the mentor's own file, imported on the mentor's side: not for this vault
        with pytest.raises(envelope.ExchangeRefused):
            exchange.read(mentor.vault, mentor.pair_id, sent.read_bytes())
        # a second pair of the leader, never linked
        other = leader.vault.add_pair(dataclasses.replace(leader.journal.pair().profile))
        with pytest.raises(envelope.ExchangeUnconfirmed):
            exchange.read(leader.vault, other.pair_id, sent.read_bytes())
        assert leader.vault.journal(other.pair_id).topics() == []


def test_sending_before_linking_is_refused_in_one_sentence(tmp_path):
    with two_sides(tmp_path, linked=False) as (leader, _mentor):
        leader.journal.add_topic("Un sujet")
        with pytest.raises(envelope.ExchangeUnconfirmed, match="safety number"):
            exchange.prepare(leader.vault, leader.pair_id, ("topics",))
        assert link.current(leader.journal) is None  # a refusal writes nothing


def test_the_sender_role_must_be_the_partners(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        journal = mentor.journal
        seq = xc.sequence_for_sending(journal)
        ctx = exchange.linked(mentor.vault, mentor.pair_id)
        payload = pl.Payload(Role.LEADER)  # claims to come from a leader
        data = envelope.seal(
            payload.to_bytes(),
            sender=ctx.me,
            link_id=ctx.link_id,
            recipient_exchange=ctx.partner.keys.exchange,
            sequence=seq,
        )
        with pytest.raises(pl.ExchangeInvalid):
            exchange.read(leader.vault, leader.pair_id, data)


def test_more_items_than_a_file_may_carry_is_refused_before_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(pl, "MAX_ITEMS", 3)
    with two_sides(tmp_path) as (leader, _mentor):
        for n in range(4):
            leader.journal.add_topic(f"Sujet {n}")
        with pytest.raises(InvalidInput, match="more than one file may carry"):
            exchange.prepare(leader.vault, leader.pair_id, ("topics",))
        assert list(leader.folder.iterdir()) == []
        # four items under sessions the file describes: the descriptions do not count
        payload = pl.Payload(
            Role.MENTOR, meetings=tuple(pl.Meeting(n, None, None, "") for n in range(1, 5))
        )
        assert pl.read_payload(payload.to_bytes()).meetings == payload.meetings
