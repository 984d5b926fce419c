"""Write a fixture vault with the rm_journal that is on the path, and its expectation.

    PYTHONPATH=<a checkout of the version>:. python tests/data/make_fixture.py OUT_DIR

Run once per format, from the commit that writes it; commit the folder and
OUT_DIR.expected.json. Uses only core calls every version has had. The KDF is
cheap (these are test data, under a published passphrase).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from rm_journal import __version__
from rm_journal.core.journal import schema
from rm_journal.core.keys import crypto
from rm_journal.core.models import (
    Attribution,
    Cadence,
    Language,
    Owner,
    PairProfile,
    Role,
    SessionStatus,
    TakeawayStatus,
)
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.data.fixture_content import PASSPHRASE, describe

CHEAP = crypto.KdfParams(crypto.ARGON2ID, b"", memory_kib=8 * 1024, iterations=1, lanes=1)
STRANGE = "مرحبا — 😀👩🏽‍💻 e\u0301te\u0301 <b>&amp;</b> ; DROP TABLE sessions; --"


def fill(vault: Vault) -> None:
    leader = vault.add_pair(
        PairProfile(
            display_name="Inès (fixture)",
            my_role=Role.LEADER,
            program="Programme fixture",
            start_date=dt.date(2026, 1, 5),
            cadence=Cadence.MONTHLY,
            language=Language.FR,
        )
    )
    journal = vault.journal(leader.pair_id)
    kickoff = start_session(
        journal, builtin("kickoff-charter"), title="Lancement", planned_date=dt.date(2026, 1, 5)
    )
    journal.update_session(
        replace(kickoff, status=SessionStatus.HELD, held_date=dt.date(2026, 1, 6))
    )
    regular = start_session(
        journal, builtin("regular-session"), title="Sobriété numérique", number=2
    )
    journal.set_fields(
        regular.uuid,
        {
            "topic": "Sobriété numérique",
            "notes": "Les mails du soir. " + STRANGE,
            "takeaways": [{"text": "Différer les envois du soir", "status": "agreed"}],
            "actions": [
                {"text": "Programmer les envois", "owner": "leader", "due_date": "2026-02-01"}
            ],
        },
    )
    journal.add_takeaway(
        "Écouter avant de répondre",
        Role.MENTOR,
        session_uuid=regular.uuid,
        status=TakeawayStatus.PRIVATE,
        attribution=Attribution.NEVER,
    )
    journal.add_action("Lire le rapport", Owner.BOTH, due_date=dt.date(2026, 3, 1))
    journal.add_topic(
        "Rapport à la hiérarchie", why="Le silence en comité", questions=["Qui parle en premier ?"]
    )
    start_session(journal, builtin("leader-reflection"), number=2)

    mentor = vault.add_pair(
        PairProfile(
            display_name="The CFO (alias)",
            my_role=Role.MENTOR,
            program="",
            start_date=None,
            cadence=Cadence.IRREGULAR,
            language=Language.EN,
        )
    )
    other = vault.journal(mentor.pair_id)
    prep = start_session(other, builtin("mentor-preparation"), title="First prep")
    other.set_fields(
        prep.uuid,
        {"why_now": "Bring the onboarding example. " + STRANGE, "questions": ["Why now?", STRANGE]},
    )


def main() -> None:
    out = Path(sys.argv[1]).absolute()
    if out.exists():
        raise SystemExit(f"{out} exists")
    with DataDir.acquire(out) as dd:
        vault, _code = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP)
        fill(vault)
        expected = describe(vault)
        first = vault.journal(vault.pair_ids()[0])
        expected["formats"] = {
            "registry": schema.user_version(vault.registry.conn),
            # the connection's name changed over the versions
            "journal": schema.user_version(getattr(first, "conn", None) or first._conn),
            "written_by": __version__,
        }
        vault.lock()
    (out / "lock").unlink()
    text = json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    out.with_name(out.name + ".expected.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
