"""Deterministic, realistic vaults for the benchmarks (generated, cached, never committed).

    .venv/bin/python -m tests.benchmarks.corpus [SIZE ...]   # build (or reuse) and describe

A pair's journal follows a real programme: a kick-off charter, regular
sessions, the leader's reflection after each one (every other session) and
the mentor's preparation before it (every third), a mid-point review, a group
session now and then, and a closing retrospective. Every field gets prose of a
realistic length for its kind, in the pair's language (French or English,
alternating), with takeaways moving through private / proposed / agreed,
actions with owners and due dates, and topics. One rare word
(``ornithorynque``) is planted in one session of the first pair; "équipe" and
"team" are in most sessions.

The same sentence generator feeds ``entries()``, the text given to jrnl in the
side-by-side benchmark, so both tools search and list the same words.

Vaults are built once per generator version under ``$RM_JOURNAL_BENCH_CACHE``
(default ``~/.cache/rm_journal-bench``), with cheap KDF parameters (the KDF is
measured on its own) and ``synchronous = OFF`` while building (the build is
not what is measured).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rm_journal.core.journal.fields import FieldType
from rm_journal.core.journal.store import Journal
from rm_journal.core.keys import crypto
from rm_journal.core.models import Cadence, Language, PairProfile, Role, SessionStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin

GENERATOR_VERSION = 4  # bump when the generator or the journal schema changes
PASSPHRASE = "benchmark passphrase"
CHEAP = crypto.KdfParams(crypto.ARGON2ID, b"", memory_kib=8 * 1024, iterations=1, lanes=1)
RARE_WORD = "ornithorynque"
COMMON = {"fr": "équipe", "en": "team"}


@dataclass(frozen=True)
class Size:
    name: str
    pairs: int
    sessions: int  # per pair

    @property
    def total(self) -> int:
        return self.pairs * self.sessions


SIZES = {
    s.name: s
    for s in (
        Size("xs", 1, 10),
        Size("s", 10, 100),
        Size("m", 25, 200),
        Size("l", 50, 400),
        Size("one-1000", 1, 1000),
    )
}

# Sentences are assembled from parts, so that text reads like notes, not word salad.
PARTS = {
    "fr": {
        "subjects": [
            "l’équipe",
            "le comité de direction",
            "mon mentor",
            "la dirigeante",
            "notre binôme",
            "les plus jeunes de l’équipe",
            "le service client",
            "la direction financière",
            "les managers de proximité",
            "le réseau interne",
        ],
        "verbs": [
            "préfère",
            "découvre",
            "remet en question",
            "attend",
            "ne comprend pas toujours",
            "apprécie",
            "utilise déjà",
            "hésite à proposer",
            "voudrait tester",
            "redoute",
        ],
        "objects": [
            "les réunions sans ordre du jour",
            "les messages envoyés le soir",
            "l’usage de l’IA générative pour les comptes rendus",
            "le télétravail deux jours par semaine",
            "les décisions prises sans contradiction",
            "un canal d’équipe plutôt que les mails",
            "la sobriété numérique",
            "les retours directs en comité",
            "le mentorat inversé comme pratique durable",
            "les outils collaboratifs",
        ],
        "tails": [
            "depuis notre dernière séance",
            "et cela change la façon de décider",
            "sans oser le dire en réunion",
            "ce qui m’a surpris",
            "alors que je pensais l’inverse",
            "et nous en reparlerons le mois prochain",
            "surtout le lundi matin",
            "quand l’équipe est sous pression",
        ],
    },
    "en": {
        "subjects": [
            "the team",
            "the executive committee",
            "my mentor",
            "the leader",
            "our pair",
            "the youngest people on the team",
            "customer service",
            "the finance department",
            "first-line managers",
            "the internal network",
        ],
        "verbs": [
            "prefers",
            "is discovering",
            "questions",
            "expects",
            "does not always understand",
            "values",
            "already uses",
            "hesitates to suggest",
            "would like to try",
            "is wary of",
        ],
        "objects": [
            "meetings without an agenda",
            "emails sent late in the evening",
            "generative AI for meeting notes",
            "two days a week of remote work",
            "decisions taken without dissent",
            "a team channel rather than email",
            "digital sobriety",
            "direct feedback in committee",
            "reverse mentoring as a lasting practice",
            "collaborative tools",
        ],
        "tails": [
            "since our last session",
            "and it changes how decisions are made",
            "without daring to say so in meetings",
            "which surprised me",
            "although I thought the opposite",
            "and we will come back to it next month",
            "especially on Monday mornings",
            "when the team is under pressure",
        ],
    },
}


def sentence(rng: random.Random, lang: str) -> str:
    p = PARTS[lang]
    words = [rng.choice(p["subjects"]), rng.choice(p["verbs"]), rng.choice(p["objects"])]
    if rng.random() < 0.6:
        words.append(rng.choice(p["tails"]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def prose(rng: random.Random, lang: str, words: int) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        s = sentence(rng, lang)
        out.append(s)
        count += len(s.split())
    return " ".join(out)


def short(rng: random.Random, lang: str) -> str:
    return sentence(rng, lang)[:-1]


LONG_WORDS = {"notes": (120, 260), "checkin": (30, 70), "feedback": (30, 80)}


def _count(field: Any, rng: random.Random, low: int, high: int) -> int:
    if field.max_items:
        high = min(high, field.max_items)
    return rng.randint(min(low, high), high)


def value_for(field: Any, rng: random.Random, lang: str, day: dt.date) -> Any:
    kind = field.type
    if kind is FieldType.TEXT:
        return short(rng, lang)
    if kind is FieldType.LONG_TEXT:
        low, high = LONG_WORDS.get(field.key, (40, 140))
        return prose(rng, lang, rng.randint(low, high))
    if kind is FieldType.LIST:
        return [short(rng, lang) for _ in range(_count(field, rng, 2, 5))]
    if kind is FieldType.CHECKLIST:
        return [c.key for c in field.choices if rng.random() < 0.5]
    if kind is FieldType.RATING:
        return rng.randint(1, 5)
    if kind is FieldType.CHOICE:
        return rng.choice(field.choices).key
    if kind is FieldType.DATE:
        return (day + dt.timedelta(days=90)).isoformat()
    if kind is FieldType.TAKEAWAYS:
        return [
            {
                "text": sentence(rng, lang),
                "status": rng.choice(["private", "proposed", "agreed", "agreed"]),
            }
            for _ in range(_count(field, rng, 1, 3))
        ]
    if kind is FieldType.ACTIONS:
        return [
            {
                "text": short(rng, lang),
                "owner": rng.choice(["leader", "mentor", "both"]),
                "due_date": (day + dt.timedelta(days=rng.randint(7, 40))).isoformat(),
            }
            for _ in range(_count(field, rng, 0, 2))
        ]
    if kind is FieldType.TOPICS:
        return [
            {"title": short(rng, lang), "why": sentence(rng, lang)}
            for _ in range(_count(field, rng, 0, 1))
        ]
    raise AssertionError(kind)


def plan(number: int, total: int) -> list[str]:
    """The entries (templates) of session ``number``."""
    if number == 1:
        return ["kickoff-charter"]
    if number == total:
        return ["closing-retrospective"]
    main = "mid-point-review" if number == total // 2 else "regular-session"
    if number % 7 == 0:
        main = "group-session"
    entries = [main]
    if number % 2 == 0:
        entries.append("leader-reflection")
    if number % 3 == 0:
        entries.append("mentor-preparation")
    if number % 10 == 0:
        entries.append("mentor-self-check")
    return entries


def fill_pair(journal: Journal, index: int, sessions: int, rng: random.Random) -> None:
    lang = journal.pair().profile.language.value
    start = dt.date(2020, 1, 6) + dt.timedelta(days=index)
    for number in range(1, sessions + 1):
        day = start + dt.timedelta(days=14 * (number - 1))
        for template_id in plan(number, sessions):
            template = builtin(template_id)
            session = journal.add_session(
                template.id, template.document(), number=number, planned_date=day
            )
            values = {f.key: value_for(f, rng, lang, day) for f in template.fields()}
            if index == 0 and number == sessions // 2 + 1 and template_id == "regular-session":
                values["notes"] += f" Un mot rare : {RARE_WORD}."
            journal.set_fields(session.uuid, values)
            if number < sessions:
                held = replace(session, status=SessionStatus.HELD, held_date=day)
                journal.update_session(held)


def cache_root() -> Path:
    default = Path.home() / ".cache" / "rm_journal-bench"
    return Path(os.environ.get("RM_JOURNAL_BENCH_CACHE", default))


def vault_dir(size: Size) -> Path:
    return cache_root() / f"{size.name}-g{GENERATOR_VERSION}"


def build(size: Size) -> Path:
    """The data folder of a vault of this size, built if it is not cached yet."""
    set_private_umask()
    root = vault_dir(size)
    done = root / "built.json"
    root.parent.mkdir(parents=True, exist_ok=True)
    with (root.parent / f"{root.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another run building the same size: wait for it
        if not done.exists():
            _build(size, root)
    return root / "data"


def _build(size: Size, root: Path) -> None:
    done = root / "built.json"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    started = time.perf_counter()
    rng = random.Random(f"rm_journal-bench-{size.name}")
    with DataDir.acquire(root / "data") as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP)
        with vault:
            for p in range(size.pairs):
                lang = Language.FR if p % 2 == 0 else Language.EN
                profile = PairProfile(
                    f"Pair {p}",
                    Role.LEADER if p % 3 else Role.MENTOR,
                    "Programme 2026",
                    dt.date(2020, 1, 6),
                    Cadence.FORTNIGHTLY,
                    lang,
                )
                journal = vault.journal(vault.add_pair(profile).pair_id)
                journal.conn.execute("PRAGMA synchronous = OFF")  # building, not measuring
                fill_pair(journal, p, size.sessions, rng)
                journal.conn.execute("PRAGMA synchronous = FULL")
    files = [p for p in (root / "data").rglob("*") if p.is_file()]
    done.write_text(
        json.dumps(
            {
                "size": size.name,
                "pairs": size.pairs,
                "sessions": size.total,
                "bytes": sum(p.stat().st_size for p in files),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )


def describe(size: Size) -> dict[str, Any]:
    build(size)
    info: dict[str, Any] = json.loads((vault_dir(size) / "built.json").read_text())
    return info


def entries(count: int, lang: str = "en", seed: int = 5) -> Iterator[tuple[dt.datetime, str]]:
    """Journal entries for jrnl from the same generator: a title sentence and a body."""
    rng = random.Random(f"jrnl-{seed}-{lang}")
    when = dt.datetime(2000, 1, 1, 9, 0)
    for n in range(count):
        body = prose(rng, lang, rng.randint(60, 180))
        if n == count // 2:
            body += f" {RARE_WORD}."
        yield when + dt.timedelta(hours=6 * n), f"{sentence(rng, lang)} {body}"


if __name__ == "__main__":
    for name in sys.argv[1:] or list(SIZES):
        print(describe(SIZES[name]))
