"""A realistic demo vault: what a few months of reverse mentoring look like.

Used by ``rm-journal demo`` and by screenshots. Everything here is invented;
the themes are those reverse-mentoring programs report (digital sobriety,
working time, hierarchy, meetings, inclusion, meaning of work).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import replace
from typing import Any

from rm_journal.core.models import (
    Attribution,
    Cadence,
    Language,
    Owner,
    PairProfile,
    Role,
    SessionStatus,
    TakeawayStatus,
    TopicStatus,
)
from rm_journal.core.vault import Vault

WORDS = (
    "cedre",
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

# The session form used by the demo entries: the fields a regular session records.
DEMO_TEMPLATE: dict[str, Any] = {
    "id": "demo-regular-session",
    "version": 1,
    "name": {"en": "Regular session", "fr": "Séance régulière"},
    "fields": [
        {"key": "topic", "type": "text", "label": {"en": "Topic", "fr": "Thème"}},
        {
            "key": "notes",
            "type": "long_text",
            "label": {"en": "What we discussed", "fr": "Ce dont nous avons parlé"},
        },
        {
            "key": "surprised",
            "type": "long_text",
            "label": {"en": "What surprised me", "fr": "Ce qui m'a surpris"},
        },
        {
            "key": "shaken",
            "type": "long_text",
            "label": {"en": "A certainty that was shaken", "fr": "Une certitude ébranlée"},
        },
        {
            "key": "try_next",
            "type": "list",
            "label": {"en": "What I will try", "fr": "Ce que je vais essayer"},
        },
    ],
}

_FR_SESSIONS = [
    (
        "Sobriété numérique",
        "Nous avons passé en revue une semaine de mes mails : 40 % partent en copie "
        "à plus de dix personnes. Inès m'a montré comment son équipe décide en fil de "
        "discussion, sans réunion, et combien de temps cela libère.",
        "Qu'un message de ma part à 22 h soit lu comme une demande urgente, même quand je "
        "précise « pas urgent ».",
        "Je pensais que répondre vite montrait de l'engagement.",
        ["Programmer mes envois du soir pour le lendemain 8 h", "Une réunion d'équipe sans écrans"],
    ),
    (
        "Rapport à la hiérarchie",
        "Discussion franche sur les comités : les jeunes recrues n'osent pas "
        "contredire un directeur en séance, mais le font volontiers par écrit.",
        "Le silence en réunion n'est pas un accord.",
        "Je croyais ma porte ouverte ; elle ne l'est que pour ceux qui osent frapper.",
        ["Demander un avis contraire avant de conclure"],
    ),
    (
        "Temps de travail et sens",
        "Inès explique pourquoi sa génération refuse les « urgences » qui "
        "reviennent chaque vendredi soir, et ce qui donne du sens à une mission.",
        "Le télétravail est vécu comme une preuve de confiance, pas comme un confort.",
        "Le présentéisme ne mesure rien.",
        ["Supprimer le point du vendredi 18 h"],
    ),
    (
        "Conduite des réunions",
        "Nous avons réécrit ensemble l'ordre du jour du comité de direction : "
        "trois décisions, vingt-cinq minutes, un compte rendu en cinq lignes.",
        "Qu'on puisse tenir une réunion debout.",
        "Une réunion longue n'est pas une réunion sérieuse.",
        ["Ordre du jour envoyé 48 h avant", "Compte rendu en cinq lignes"],
    ),
]

_EN_SESSIONS = [
    (
        "Inclusion in everyday language",
        "We went through last quarter's town-hall slides. Sam "
        "pointed out the words that make part of the audience feel it is not addressed.",
        "How much jargon I use without noticing it.",
        "I thought inclusion was an HR topic.",
        ["Ask Sam to review the next all-hands deck"],
    ),
    (
        "CSR and the transition",
        "What young employees expect from a company's climate commitments, "
        "and why vague pledges cost more trust than they earn.",
        "They read our CSR report more closely than our shareholders do.",
        "That communicating more is always better.",
        ["Publish one measurable target per quarter"],
    ),
    (
        "Non-hierarchical communication",
        "Sam described how his team uses open channels where anyone "
        "can ask the director a question, and what makes people actually use them.",
        "People wait for permission to speak even when it was given.",
        "That an open-door policy is enough.",
        ["Answer three open questions a week in public"],
    ),
]


def demo_passphrase() -> str:
    """Four random words and a number: memorable enough for a demo, never reused."""
    return "-".join(secrets.choice(WORDS) for _ in range(4)) + f"-{secrets.randbelow(100):02d}"


def _fill_pair(
    vault: Vault,
    profile: PairProfile,
    sessions: list[tuple[str, str, str, str, list[str]]],
    takeaways: list[tuple[str, TakeawayStatus]],
    topics: list[tuple[str, str, list[str]]],
) -> None:
    pair = vault.add_pair(profile)
    journal = vault.journal(pair.pair_id)
    start = profile.start_date or dt.date(2026, 1, 15)
    created = []
    for i, (topic, notes, surprised, shaken, try_next) in enumerate(sessions):
        day = start + dt.timedelta(days=30 * i)
        session = journal.add_session(
            DEMO_TEMPLATE["id"], DEMO_TEMPLATE, title=topic, planned_date=day
        )
        held = i < len(sessions) - 1
        journal.update_session(
            replace(
                session,
                status=SessionStatus.REFLECTED if held else SessionStatus.PREPARED,
                held_date=day if held else None,
            )
        )
        if held:
            journal.set_fields(
                session.uuid,
                {
                    "topic": topic,
                    "notes": notes,
                    "surprised": surprised,
                    "shaken": shaken,
                    "try_next": try_next,
                },
            )
        created.append(session)
    for i, (text, status) in enumerate(takeaways):
        journal.add_takeaway(
            text,
            Role.MENTOR if i % 2 else Role.LEADER,
            session_uuid=created[i % max(len(created) - 1, 1)].uuid,
            status=status,
            attribution=Attribution.ANONYMOUS if i % 3 == 0 else Attribution.NAMED,
            agreed_on=start + dt.timedelta(days=30 * (i % 3))
            if status is TakeawayStatus.AGREED
            else None,
        )
    for i, (_topic, _notes, _s, _sh, try_next) in enumerate(sessions[:-1]):
        for j, action in enumerate(try_next):
            made = journal.add_action(
                action,
                Owner.LEADER,
                session_uuid=created[i].uuid,
                due_date=start + dt.timedelta(days=30 * i + 21),
            )
            if (i + j) % 2 == 0:
                journal.update_action(
                    replace(made, done_date=start + dt.timedelta(days=30 * i + 14))
                )
    for title, why, questions in topics:
        journal.add_topic(
            title,
            why=why,
            questions=questions,
            status=TopicStatus.PLANNED if title == topics[0][0] else TopicStatus.IDEA,
            planned_session_uuid=created[-1].uuid if title == topics[0][0] else None,
        )


def fill(vault: Vault) -> None:
    """Add three pairs with a few months of sessions, in French and in English."""
    _fill_pair(
        vault,
        PairProfile(
            "Inès (alias)",
            Role.LEADER,
            "Mentorat inversé — Direction des opérations",
            dt.date(2026, 1, 15),
            Cadence.MONTHLY,
            Language.FR,
        ),
        _FR_SESSIONS,
        [
            (
                "Un mail envoyé le soir est lu comme une urgence : différer l'envoi.",
                TakeawayStatus.AGREED,
            ),
            (
                "Demander explicitement un avis contraire avant de conclure une réunion.",
                TakeawayStatus.AGREED,
            ),
            ("Le silence en comité n'est pas un accord.", TakeawayStatus.PROPOSED),
            ("Je dois revoir ma façon de déléguer.", TakeawayStatus.PRIVATE),
        ],
        [
            (
                "Intelligence artificielle au quotidien",
                "Le comité en parle sans l'utiliser.",
                ["Quels usages avez-vous déjà ?", "Qu'est-ce qui vous inquiète ?"],
            )
        ],
    )
    _fill_pair(
        vault,
        PairProfile(
            "Sam",
            Role.LEADER,
            "Reverse mentoring — Finance",
            dt.date(2026, 3, 2),
            Cadence.MONTHLY,
            Language.EN,
        ),
        _EN_SESSIONS,
        [
            ("Jargon excludes people who would otherwise speak up.", TakeawayStatus.AGREED),
            ("One measurable climate target beats three vague pledges.", TakeawayStatus.AGREED),
            ("Answer open questions in public, not in private.", TakeawayStatus.PROPOSED),
        ],
        [
            (
                "Feedback across generations",
                "He asks for feedback but rarely gets any.",
                ["When did someone last tell you that you were wrong?"],
            )
        ],
    )
    _fill_pair(
        vault,
        PairProfile(
            "The CFO (alias)",
            Role.MENTOR,
            "Reverse mentoring — Finance",
            dt.date(2026, 2, 10),
            Cadence.FORTNIGHTLY,
            Language.EN,
        ),
        _EN_SESSIONS[:2],
        [("Prepare concrete examples rather than principles.", TakeawayStatus.PRIVATE)],
        [
            (
                "Digital sobriety",
                "Her team sends 300 emails a day.",
                [
                    "Which messages could be a shared document?",
                    "What would a no-meeting day change?",
                ],
            ),
            (
                "Hybrid work and trust",
                "She still counts desks on Fridays.",
                ["What does presence prove to you?"],
            ),
        ],
    )
