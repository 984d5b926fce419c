"""An ended relationship's journal is read-only, but its summary is still exported and
recorded in its sharing log (issue 19)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.export import summary
from tests.conftest import SNAPSHOT, profile
from tests.export.test_summary import text_of


def test_an_ended_journal_exports_its_summary_and_logs_it(vault, tmp_path):
    pair = vault.add_pair(profile("Inès"))
    journal = vault.journal(pair.pair_id)
    session = journal.add_session("test-form", SNAPSHOT)
    takeaway = journal.add_takeaway("Ask before deciding", Role.LEADER, session_uuid=session.uuid)
    journal.update_takeaway(
        dataclasses.replace(takeaway, status=TakeawayStatus.AGREED, agreed_on=dt.date(2026, 6, 1))
    )
    vault.end_pair(pair.pair_id, dt.date(2026, 6, 30))
    prepared = summary.prepare(journal, summary.SummaryRequest())
    path = tmp_path / "closing.pdf"
    record = summary.write(journal, prepared, path)
    assert "Ask before deciding" in " ".join(text_of(path.read_bytes()).split())
    assert [r.uuid for r in journal.sharing_log()] == [record.uuid]
    assert journal.pair().ended_on == dt.date(2026, 6, 30)
