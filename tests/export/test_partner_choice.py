"""In a linked pair the stricter of the two members' attributions applies (never >
anonymous > named), and the mentor's talking points travel with the agenda."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from rm_journal.core.exchange import payload as pl
from rm_journal.core.journal import sharing
from rm_journal.core.models import Attribution, Role, TakeawayStatus
from rm_journal.export import summary
from rm_journal.export.selection import fingerprint, select
from rm_journal.templates.library import builtin, start_session
from tests.export.exchange_pair import MEETING_DAY, Side, mentor_prepares_meeting_one, two_sides

WORDS = "Couper les notifications le soir"
ENGLISH = summary.SummaryRequest(language="en")


def pdf_text(side: Side, tmp_path, name: str) -> str:
    prepared = summary.prepare(side.journal, ENGLISH, side.vault.identity())
    target = tmp_path / name
    summary.write(side.journal, prepared, target)
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)


def agreed_on_both_sides(leader: Side, mentor: Side) -> None:
    """The leader writes an agreed, named takeaway; the mentor agrees to it too."""
    session = start_session(leader.journal, builtin("regular-session"), planned_date=MEETING_DAY)
    leader.journal.set_fields(
        session.uuid,
        {"takeaways": [{"text": WORDS, "status": "agreed", "attribution": "named"}]},
    )
    mentor.receive(leader.send(("takeaways",), "l1.rmjx"))
    (theirs,) = mentor.journal.takeaways()
    mentor.journal.update_takeaway(
        dataclasses.replace(theirs, status=TakeawayStatus.AGREED, attribution=Attribution.NAMED)
    )
    leader.receive(mentor.send(("takeaways",), "m1.rmjx"))


def mentor_chooses(leader: Side, mentor: Side, choice: Attribution, name: str) -> None:
    (theirs,) = mentor.journal.takeaways()
    mentor.journal.update_takeaway(dataclasses.replace(theirs, attribution=choice))
    leader.receive(mentor.send(("takeaways",), f"{name}.rmjx"))


def test_the_mentors_never_exported_keeps_the_takeaway_out_of_the_leaders_pdf(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        agreed_on_both_sides(leader, mentor)
        assert WORDS in pdf_text(leader, tmp_path, "before.pdf")  # both named: printed

        mentor_chooses(leader, mentor, Attribution.NEVER, "never")
        assert WORDS not in pdf_text(leader, tmp_path, "leader.pdf")
        (mine,) = leader.journal.takeaways()
        assert mine.attribution is Attribution.NAMED  # the leader's own choice is kept...
        assert mine.partner_attribution is Attribution.NEVER  # ...the partner's beside it
        assert sharing.effective_attribution(mine) is Attribution.NEVER
        assert WORDS not in pdf_text(mentor, tmp_path, "mentor.pdf")
        assert not select(leader.journal).items

        # the leader's file back tells the mentor nothing that loosens it
        mentor.receive(leader.send(("takeaways",), "l2.rmjx"))
        assert WORDS not in pdf_text(mentor, tmp_path, "mentor2.pdf")


def test_the_mentors_anonymous_takes_the_name_off_the_leaders_pdf(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        agreed_on_both_sides(leader, mentor)
        assert "proposed by the leader" in pdf_text(leader, tmp_path, "before.pdf")

        mentor_chooses(leader, mentor, Attribution.ANONYMOUS, "anon")
        mentor.receive(leader.send(("takeaways",), "l2.rmjx"))
        text = pdf_text(leader, tmp_path, "leader.pdf")
        assert WORDS in text and "proposed by" not in text
        mentor_text = pdf_text(mentor, tmp_path, "mentor.pdf")
        assert WORDS in mentor_text and "proposed by" not in mentor_text
        # both apply the same choice, so both summaries have the same fingerprint
        assert fingerprint(select(leader.journal).items) == fingerprint(
            select(mentor.journal).items
        )


def test_the_mentors_talking_points_reach_the_leader_with_the_agenda(tmp_path):
    with two_sides(tmp_path) as (leader, mentor):
        prep = mentor_prepares_meeting_one(mentor)
        mentor.journal.set_fields(
            prep, {"pair_points": ["Parler du droit à la déconnexion", "Votre équipe ?"]}
        )
        incoming = leader.receive(mentor.send(("agenda",), "agenda.rmjx"))
        (agenda,) = leader.journal.agendas(1)
        assert agenda.talking_points == ("Parler du droit à la déconnexion", "Votre équipe ?")
        assert "Tour de table" in agenda.points
        carried = [c.incoming for c in incoming.plan.new if c.kind == "agenda"]
        assert carried[0].talking_points == agenda.talking_points
        # the mentor's points for themselves never travel
        assert all("Secretpoint" not in p for p in agenda.points + agenda.talking_points)

        # changed points replace the agenda when the leader takes them
        mentor.journal.set_fields(prep, {"pair_points": ["Un seul point"]})
        again = leader.receive(mentor.send(("agenda",), "agenda2.rmjx"), take_theirs=(prep,))
        assert [c.kind for c in again.plan.changed] == ["agenda"]
        assert leader.journal.agendas(1)[0].talking_points == ("Un seul point",)


def test_an_agenda_without_talking_points_is_written_and_read_as_before():
    old = pl.AgendaItem("0" * 8 + "-0000-4000-8000-" + "0" * 12, 1, "Titre", ("Un point",))
    data = pl.Payload(Role.MENTOR, (pl.Meeting(1, None, None, ""),), (old,)).to_bytes()
    assert b"talking_points" not in data  # what older versions write and read
    assert pl.read_payload(data).agendas == (old,)
    new = dataclasses.replace(old, talking_points=("À partager",))
    data = pl.Payload(Role.MENTOR, (pl.Meeting(1, None, None, ""),), (new,)).to_bytes()
    assert pl.read_payload(data).agendas == (new,)
