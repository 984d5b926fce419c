"""What a fixture vault holds, as plain JSON: written by the version that made the fixture,
read back by every later version (tests/core/test_fixtures.py).

Only attributes every version since the first has had are read, by name, so
the expectation stays comparable when models gain fields.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

PASSPHRASE = "fixture passphrase, never a real one"


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _pick(obj: Any, *names: str) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in names}


def describe(vault: Any) -> dict[str, Any]:
    pairs = {}
    for pair_id in vault.pair_ids():
        journal = vault.journal(pair_id)
        pair = journal.pair()
        sessions = journal.sessions()
        pairs[pair_id] = {
            "profile": _pick(
                pair.profile,
                "display_name",
                "my_role",
                "program",
                "start_date",
                "cadence",
                "language",
            ),
            "sessions": [
                {
                    **_pick(
                        s,
                        "uuid",
                        "number",
                        "title",
                        "status",
                        "planned_date",
                        "held_date",
                        "template_id",
                        "template_snapshot",
                    ),
                    "fields": _plain(journal.fields(s.uuid)),
                }
                for s in sessions
            ],
            "takeaways": [
                _pick(t, "uuid", "session_uuid", "text", "proposed_by", "status", "agreed_on")
                for t in journal.takeaways()
            ],
            "actions": [
                _pick(a, "uuid", "session_uuid", "text", "owner", "due_date", "done_date")
                for a in journal.actions()
            ],
            "topics": [
                _pick(t, "uuid", "title", "why", "questions", "status") for t in journal.topics()
            ],
            "sharing_log": [
                _pick(r, "uuid", "kind", "summary", "file_name", "fingerprint")
                for r in journal.sharing_log()
            ],
        }
    return {"pairs": pairs}
