"""A realistic demo vault: what a few months of reverse mentoring look like.

Used by ``rm-journal demo`` and for screenshots. Every built-in template appears
with content written as a leader or a mentor would write it. Everything is
invented; the themes are those reverse-mentoring programs report.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import replace
from typing import Any

from rm_journal.core.journal.store import Journal
from rm_journal.core.models import (
    Attribution,
    Cadence,
    Language,
    PairProfile,
    Role,
    SessionStatus,
    TakeawayStatus,
)
from rm_journal.core.vault import Vault
from rm_journal.export import summary
from rm_journal.templates.library import builtin, seed_topics

WORDS = (
    "cèdre",
    "orage",
    "lampe",
    "violon",
    "marée",
    "ruche",
    "prisme",
    "falaise",
    "grenier",
    "comète",
    "sentier",
    "boussole",
    "jardin",
    "écluse",
    "tilleul",
    "horizon",
)


def fr(text: str) -> str:
    """French typography: ’ for apostrophes, thin no-break spaces before ? ! ; and : ."""
    text = text.replace("'", "\u2019")
    for mark in "?!;":
        text = text.replace(" " + mark, "\u202f" + mark)
    return text.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def demo_passphrase() -> str:
    """Four random words and a number: memorable enough for a demo, never reused."""
    return "-".join(secrets.choice(WORDS) for _ in range(4)) + f"-{secrets.randbelow(100):02d}"


def _entry(
    journal: Journal,
    number: int,
    template_id: str,
    day: dt.date,
    status: SessionStatus,
    title: str,
    values: dict[str, Any],
) -> str:
    template = builtin(template_id)
    session = journal.add_session(
        template.id, template.document(), title=title, planned_date=day, number=number
    )
    held = status in (SessionStatus.HELD, SessionStatus.REFLECTED)
    journal.update_session(replace(session, status=status, held_date=day if held else None))
    if values:
        journal.set_fields(session.uuid, values)
    return session.uuid


def _agree(journal: Journal, session_uuid: str, on: dt.date, named: bool = False) -> None:
    for t in journal.takeaways(session_uuid=session_uuid):
        if t.status is TakeawayStatus.PROPOSED:
            journal.update_takeaway(
                replace(
                    t,
                    status=TakeawayStatus.AGREED,
                    agreed_on=on,
                    attribution=Attribution.NAMED if named else Attribution.ANONYMOUS,
                )
            )


def _leader_pair_fr(vault: Vault) -> None:
    start = dt.date(2026, 1, 15)
    pair = vault.add_pair(
        PairProfile(
            "Inès (alias)",
            Role.LEADER,
            fr("Mentorat inversé — Direction des opérations"),
            start,
            Cadence.MONTHLY,
            Language.FR,
        )
    )
    j = vault.journal(pair.pair_id)
    s1 = _entry(
        j,
        1,
        "kickoff-charter",
        start,
        SessionStatus.REFLECTED,
        fr("Notre charte"),
        {
            "purpose": fr(
                "Comprendre comment travaillent et décident les équipes de moins de trente ans, "
                "que je dirige sans vraiment les connaître. Pour Inès : voir comment se prennent "
                "les décisions au niveau d'un comité de direction."
            ),
            "leader_expects": fr("Qu'on me dise ce que personne n'ose me dire en réunion."),
            "mentor_expects": fr(
                "Comprendre pourquoi certaines décisions mettent six mois à descendre "
                "jusqu'aux équipes."
            ),
            "goals": [
                fr("Réduire de moitié les réunions que j'impose à mes équipes"),
                fr("Utiliser moi-même les outils collaboratifs de l'équipe"),
                fr("Savoir recevoir une contradiction en comité sans la désamorcer"),
            ],
            "starting_point": fr(
                "Quatorze réunions récurrentes par semaine. Je ne sais pas ouvrir le "
                "canal de discussion de l'équipe. En comité, personne ne me contredit "
                "depuis un an — je le prenais pour un accord."
            ),
            "stays_between_us": fr(
                "Tout ce qui concerne des personnes nommées, mes doutes sur "
                "l'organisation, et ce qu'Inès me dit de son équipe."
            ),
            "may_be_shared": fr(
                "Les enseignements que nous validons ensemble, sans nom, avec l'équipe "
                "du programme."
            ),
            "notes": "private_each",
            "off_limits": [fr("L'évaluation annuelle d'Inès")],
            "cadence": "monthly",
            "length": "min60",
            "place": fr("Le café du rez-de-chaussée, pas mon bureau"),
            "feedback": fr(
                "Inès me dit les choses directement, en séance ; je m'engage à ne pas "
                "me justifier avant d'avoir posé une question."
            ),
            "ending": fr("Chacun peut arrêter par un simple message, sans explication."),
            "midpoint_date": "2026-04-15",
            "closing_date": "2026-07-15",
            "takeaways": [
                {
                    "text": fr(
                        "Ce qui se dit ici reste ici ; seuls nos enseignements validés en sortent."
                    ),
                    "status": "proposed",
                },
                {
                    "text": fr(
                        "Inès peut me contredire à tout moment, et je commence par une question."
                    ),
                    "status": "proposed",
                },
            ],
            "actions": [
                {
                    "text": fr("Lister mes réunions récurrentes avec leur durée"),
                    "owner": "leader",
                    "due_date": "2026-02-10",
                    "done_date": "2026-02-06",
                }
            ],
        },
    )
    _agree(j, s1, start)
    day2 = dt.date(2026, 2, 16)
    s2 = _entry(
        j,
        2,
        "regular-session",
        day2,
        SessionStatus.REFLECTED,
        fr("Sobriété numérique"),
        {
            "checkin": fr(
                "Semaine chargée pour moi (clôture annuelle), Inès sort d'un lancement produit."
            ),
            "actions_review": fr(
                "Liste faite : 14 réunions, 17 heures par semaine. Je n'en avais estimé que dix."
            ),
            "topic": fr("Sobriété numérique"),
            "notes": fr(
                "Nous avons passé en revue une semaine de mes mails : 40 % partent en copie à "
                "plus de dix personnes. Inès m'a montré comment son équipe décide en fil de "
                "discussion, sans réunion, et combien de temps cela libère."
            ),
            "assumptions": fr(
                "Je pensais que répondre vite montrait de l'engagement. Pour l'équipe, "
                "un mail de moi à 22 h est une urgence, même si j'écris « pas urgent »."
            ),
            "feedback": fr("Mes relances du soir mettent une pression que je ne vois pas."),
            "takeaways": [
                {
                    "text": fr(
                        "Un mail envoyé le soir est lu comme une urgence : différer l'envoi."
                    ),
                    "status": "proposed",
                },
                {"text": fr("Je dois revoir ma façon de déléguer."), "status": "private"},
            ],
            "actions": [
                {
                    "text": fr("Programmer mes envois du soir pour le lendemain 8 h"),
                    "owner": "leader",
                    "due_date": "2026-03-01",
                    "done_date": "2026-02-20",
                },
                {
                    "text": fr("Une réunion d'équipe sans écrans"),
                    "owner": "leader",
                    "due_date": "2026-03-10",
                },
            ],
            "next_topics": [
                {
                    "title": fr("Rapport à la hiérarchie"),
                    "why": fr("Le silence en comité m'intrigue."),
                }
            ],
        },
    )
    _agree(j, s2, day2)
    _entry(
        j,
        2,
        "leader-reflection",
        day2 + dt.timedelta(days=1),
        SessionStatus.REFLECTED,
        "",
        {
            "surprised": fr(
                "Que mes mails du soir empêchent des gens de dormir. Personne ne me l'avait "
                "jamais dit."
            ),
            "certainty": fr("« Être joignable, c'est être un bon chef. » Je n'en suis plus sûr."),
            "meaning": fr("Ma disponibilité crée une obligation de disponibilité chez les autres."),
            "will_try": [
                fr("Programmer l'envoi de tous mes mails après 19 h"),
                fr("Dire en comité que je ne lirai plus rien le week-end"),
            ],
            "candour": 4,
            "candour_why": fr(
                "Inès a osé la remarque sur les mails du soir dès la deuxième séance."
            ),
        },
    )
    day3 = dt.date(2026, 3, 16)
    s3 = _entry(
        j,
        3,
        "regular-session",
        day3,
        SessionStatus.REFLECTED,
        fr("Rapport à la hiérarchie"),
        {
            "topic": fr("Rapport à la hiérarchie"),
            "notes": fr(
                "Les jeunes recrues n'osent pas contredire un directeur en séance, mais le font "
                "volontiers par écrit, après. Inès décrit les comités comme des lieux où l'on "
                "présente des décisions déjà prises."
            ),
            "assumptions": fr("Le silence en réunion n'est pas un accord."),
            "feedback": fr(
                "Quand je dis « des questions ? », je regarde déjà l'ordre du jour suivant."
            ),
            "takeaways": [
                {
                    "text": fr("Demander explicitement un avis contraire avant de conclure."),
                    "status": "proposed",
                }
            ],
            "actions": [
                {
                    "text": fr("Demander un avis contraire en comité avant chaque décision"),
                    "owner": "leader",
                    "due_date": "2026-04-10",
                }
            ],
        },
    )
    _agree(j, s3, day3, named=True)
    _entry(
        j,
        3,
        "leader-reflection",
        day3 + dt.timedelta(days=2),
        SessionStatus.REFLECTED,
        "",
        {
            "surprised": fr("Qu'on puisse me trouver intimidant alors que je me crois accessible."),
            "certainty": fr("Ma porte ouverte ne l'est que pour ceux qui osent frapper."),
            "will_try": [
                fr("Finir chaque comité par un tour de table, en commençant par le plus jeune")
            ],
            "candour": 5,
        },
    )
    _entry(
        j,
        4,
        "mid-point-review",
        dt.date(2026, 4, 15),
        SessionStatus.HELD,
        fr("Mi-parcours"),
        {
            "goals_revisited": fr(
                "Réunions : de 14 à 9 par semaine. Outils : j'utilise le canal de "
                "l'équipe, encore timidement. Contradiction : deux fois en comité ce "
                "mois-ci, et je n'ai rien désamorcé."
            ),
            "progress": 3,
            "kept": [fr("Envois du soir programmés"), fr("Tour de table en fin de comité")],
            "dropped": [fr("Réunion sans écrans : l'équipe préfère un ordre du jour plus court")],
            "working_well": fr(
                "Le café du rez-de-chaussée ; la règle « une question avant de me justifier »."
            ),
            "change": fr("Inès propose d'assister à un comité, puis de m'en faire le récit."),
        },
    )
    # what a shared summary export records: the real fingerprint of sessions 1 to 3
    shared = summary.prepare(
        j,
        summary.SummaryRequest(session_uuids=tuple(s.uuid for s in j.sessions() if s.number <= 3)),
    )
    j.record_sharing(
        summary.KIND,
        fr(f"Synthèse partagée : {shared.item_count} éléments validés, séances 1 à 3"),
        "synthese-partagee-2026-04-02.pdf",
        shared.fingerprint,
        shared.item_count,
    )
    _entry(
        j,
        5,
        "regular-session",
        dt.date(2026, 5, 18),
        SessionStatus.PLANNED,
        fr("Conduite des réunions"),
        {},
    )


def _mentor_pair_en(vault: Vault) -> None:
    start = dt.date(2026, 2, 10)
    pair = vault.add_pair(
        PairProfile(
            "The CFO (alias)",
            Role.MENTOR,
            "Reverse mentoring — Finance",
            start,
            Cadence.FORTNIGHTLY,
            Language.EN,
        )
    )
    j = vault.journal(pair.pair_id)
    seed_topics(j, ["digital_sobriety", "ai_at_work", "working_time_meaning"], "en")
    s1 = _entry(
        j,
        1,
        "kickoff-charter",
        start,
        SessionStatus.REFLECTED,
        "Our charter",
        {
            "purpose": "She wants to understand how people my age work with AI and why they leave "
            "within two years; I want to see how a finance division is actually steered.",
            "goals": [
                "Try three AI tools on her own real tasks",
                "Understand what makes young analysts stay",
            ],
            "starting_point": "Has never used an AI assistant; loses a third of new analysts in "
            "their first 18 months.",
            "stays_between_us": "Everything about named colleagues and about her team's turnover.",
            "notes": "private_each",
            "cadence": "fortnightly",
            "length": "min45",
            "feedback": "I say it plainly; she asks me to repeat it in one sentence.",
            "ending": "Either of us says so by message; no reason needed.",
            "takeaways": [
                {"text": "We meet outside her office, every other Tuesday.", "status": "proposed"}
            ],
        },
    )
    _agree(j, s1, start)
    day2 = dt.date(2026, 2, 24)
    _entry(
        j,
        2,
        "mentor-preparation",
        day2 - dt.timedelta(days=2),
        SessionStatus.PREPARED,
        "AI at work",
        {
            "topic": "AI at work",
            "why_now": "She said last time that AI 'is for the IT department'. "
            "Her analysts already use it every day, quietly.",
            "questions": [
                "Which tasks in your week would you hand to an assistant tomorrow?",
                "What would you need to trust its output?",
            ],
            "examples": [
                "How I draft variance commentary with an assistant, then check every figure"
            ],
            "resources": ["The company's current policy on AI tools"],
            "silence": "Let her find the first use case herself; do not pitch.",
            "private_points": ["Do not mention that two of her analysts told me they use it"],
            "pair_points": ["A live try on a non-confidential task"],
            "agenda": ["Check-in", "Live try", "What worries you?", "Next step"],
        },
    )
    s2 = _entry(
        j,
        2,
        "regular-session",
        day2,
        SessionStatus.HELD,
        "AI at work",
        {
            "checkin": "Budget season; she had twenty minutes less than planned.",
            "topic": "AI at work",
            "notes": "We summarised a public annual report together. She checked three figures and "
            "found them right, then asked who in her team already does this.",
            "assumptions": "That AI use is a future decision; it is already a daily practice.",
            "feedback": "She interrupts when an answer goes where she did not expect.",
            "takeaways": [
                {
                    "text": "Ask the team how they already use AI before writing a policy.",
                    "status": "proposed",
                }
            ],
            "actions": [
                {
                    "text": "Ask two analysts to show their AI workflow",
                    "owner": "leader",
                    "due_date": "2026-03-06",
                }
            ],
        },
    )
    _agree(j, s2, day2)
    _entry(
        j,
        2,
        "mentor-self-check",
        day2,
        SessionStatus.REFLECTED,
        "",
        {
            "listening": 3,
            "silences": 2,
            "clarity": 4,
            "practice": ["open_questions", "own_examples", "kept_time"],
            "differently": "I filled her first silence with an example. Next time, count to five.",
            "support": "A short session on active listening with the program team.",
        },
    )
    _entry(
        j,
        3,
        "mentor-preparation",
        dt.date(2026, 3, 8),
        SessionStatus.PREPARED,
        "Working time and meaning",
        {
            "topic": "Working time and the meaning of tasks",
            "why_now": "Her turnover figures: analysts leave after the second closing season.",
            "questions": ["What does presence prove to you?"],
        },
    )


def _group_pair_en(vault: Vault) -> None:
    start = dt.date(2026, 1, 20)
    pair = vault.add_pair(
        PairProfile(
            "Volunteers' circle",
            Role.LEADER,
            "Reverse mentoring circle — Operations",
            start,
            Cadence.MONTHLY,
            Language.EN,
        )
    )
    j = vault.journal(pair.pair_id)
    g1 = _entry(
        j,
        1,
        "group-session",
        start,
        SessionStatus.REFLECTED,
        "Hybrid work",
        {
            "theme": "Hybrid work and trust",
            "participants": "A., K., L., M. and S.",
            "proposals": [
                "Two fixed office days for everyone",
                "Team-chosen office days, reviewed each quarter",
            ],
            "challenges": [
                "Fixed days feel like control, not trust",
                "Commutes of 90 minutes make Monday meetings costly",
            ],
            "blind_spots": ["Nobody knew the meeting rooms are full on Tuesdays only"],
            "takeaways": [
                {
                    "text": "Let each team choose its office days and review them quarterly.",
                    "status": "proposed",
                }
            ],
            "actions": [
                {
                    "text": "Publish room occupancy by day",
                    "owner": "leader",
                    "due_date": "2026-02-15",
                    "done_date": "2026-02-12",
                }
            ],
        },
    )
    _agree(j, g1, start, named=True)
    _entry(
        j,
        2,
        "group-session",
        dt.date(2026, 2, 17),
        SessionStatus.HELD,
        "Inclusion",
        {
            "theme": "Inclusion in everyday language",
            "proposals": ["Review the all-hands deck with two volunteers before each event"],
            "blind_spots": ["Acronyms in every slide title", "Meetings at 6 pm exclude parents"],
        },
    )
    c3 = _entry(
        j,
        3,
        "closing-retrospective",
        dt.date(2026, 6, 16),
        SessionStatus.HELD,
        "Closing",
        {
            "goals_vs_start": "We set out to test three decisions with the circle before "
            "announcing them; we tested five, and changed two.",
            "leader_changed": "I now present options, not decisions, to the circle.",
            "mentor_learned": "How long a good decision takes to reach the teams, and why.",
            "kept": ["Room occupancy published monthly", "Deck reviewed before all-hands"],
            "dropped": ["A shared chat channel with the whole division: too noisy"],
            "continues": "A circle every quarter, with new volunteers each year.",
            "stay_in_touch": "occasional",
            "takeaways": [
                {"text": "Present options to the circle, not decisions.", "status": "proposed"}
            ],
        },
    )
    _agree(j, c3, dt.date(2026, 6, 16), named=True)


def fill(vault: Vault) -> None:
    """Three pairs covering every built-in template, in French and in English."""
    _leader_pair_fr(vault)
    _mentor_pair_en(vault)
    _group_pair_en(vault)
