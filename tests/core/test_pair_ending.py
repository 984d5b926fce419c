"""Ending a relationship (issue 19): the journal becomes read-only until it is reopened;
reading, the sharing log and the export's record keep working, and the vault lists it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidInput, JournalEnded
from rm_journal.core.exchange import link
from rm_journal.core.journal import schema
from rm_journal.core.journal.store import Journal
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import Owner, PairProfile, Role
from rm_journal.core.vault import Vault
from tests.conftest import PASSPHRASE, SNAPSHOT, profile

START = dt.date(2026, 1, 5)
SENTENCE = "This relationship has ended: reopen it to write in its journal."


def _journal(tmp_path, name="j.rmj") -> Journal:
    return Journal.create(
        tmp_path / name,
        SecretKey.generate(),
        "pair-1",
        PairProfile("Inès", Role.LEADER, start_date=START),
    )


def test_every_write_is_refused_once_ended_and_nothing_changes(tmp_path):
    j = _journal(tmp_path)
    session = j.add_session("test-form", SNAPSHOT)
    takeaway = j.add_takeaway("kept", Role.LEADER, session_uuid=session.uuid)
    action = j.add_action("call", Owner.LEADER, session_uuid=session.uuid)
    topic = j.add_topic("AI")
    j.end(dt.date(2026, 6, 30))
    assert j.ended_on() == dt.date(2026, 6, 30)
    assert j.pair().ended_on == dt.date(2026, 6, 30)
    count = j.write_count()
    writes = [
        lambda: j.add_session("test-form", SNAPSHOT, number=2),
        lambda: j.update_session(dataclasses.replace(session, title="new")),
        lambda: j.set_field(session.uuid, "notes", "more"),
        lambda: j.delete_session(session.uuid),
        lambda: j.add_takeaway("another", Role.MENTOR),
        lambda: j.update_takeaway(dataclasses.replace(takeaway, text="changed")),
        lambda: j.add_action("another", Owner.BOTH),
        lambda: j.update_action(dataclasses.replace(action, text="changed")),
        lambda: j.delete_action(action.uuid),
        lambda: j.add_topic("another"),
        lambda: j.delete_topic(topic.uuid),
        lambda: j.update_profile(dataclasses.replace(j.pair().profile, display_name="X")),
        lambda: j.end(dt.date(2026, 7, 1)),
        lambda: link.state(j),  # the first link write
    ]
    for write in writes:
        with pytest.raises(JournalEnded) as caught:
            write()
        assert str(caught.value) == SENTENCE
    assert j.write_count() == count  # nothing was written, nothing counted
    assert [s.title for s in j.sessions()] == [session.title]
    assert [t.text for t in j.takeaways()] == ["kept"]
    assert j.pair().profile.display_name == "Inès"
    # what leaves the device is still recorded
    j.record_sharing("summary-pdf", "closing summary", "s.pdf", "ab12", 3)
    assert [r.summary for r in j.sharing_log()] == ["closing summary"]
    j.reopen()
    assert j.ended_on() is None
    j.add_topic("after reopening")
    assert [t.title for t in j.topics()] == ["AI", "after reopening"]
    j.close()


def test_the_end_survives_closing_and_reopening_the_file(tmp_path):
    key = SecretKey.generate()
    j = Journal.create(tmp_path / "j.rmj", key, "p", PairProfile("A", Role.MENTOR))
    j.end(dt.date(2026, 3, 1))
    j.close()
    again = Journal.open(tmp_path / "j.rmj", key)
    assert again.pair().ended_on == dt.date(2026, 3, 1)
    with pytest.raises(JournalEnded):
        again.add_topic("x")
    again.close()


def test_an_end_before_the_start_is_refused_in_one_sentence(tmp_path):
    j = _journal(tmp_path)
    with pytest.raises(InvalidInput, match=r"^The end date cannot be before the start date"):
        j.end(START - dt.timedelta(days=1))
    assert j.ended_on() is None
    j.close()


@settings(max_examples=25)
@given(st.one_of(st.none(), st.text(max_size=20), st.integers(), st.dates()))
def test_any_end_date_is_taken_or_refused_in_one_sentence(tmp_path_factory, day):
    j = _journal(tmp_path_factory.mktemp("end"))
    try:
        j.end(day)
    except InvalidInput as exc:
        assert "\n" not in str(exc) and str(exc).endswith((".", ")."))
        assert j.ended_on() is None
    else:
        assert isinstance(day, dt.date) and day >= START
        assert j.ended_on() == day
    j.close()


def test_a_journal_of_format_8_gains_the_column_and_is_running(tmp_path):
    key = SecretKey.generate()
    old = Journal.create(tmp_path / "old.rmj", key, "p", PairProfile("A", Role.LEADER))
    old.close()
    # take it back to format 8: the column dropped, the version set back
    j = Journal.open(tmp_path / "old.rmj", key)
    j.conn.execute("ALTER TABLE pair DROP COLUMN ended_on")
    j.conn.execute("PRAGMA user_version = 8")
    j.close()
    migrated = Journal.open(tmp_path / "old.rmj", key)
    assert schema.user_version(migrated.conn) == schema.JOURNAL_MIGRATIONS[-1][0]
    assert migrated.pair().ended_on is None
    assert (tmp_path / "old.rmj.before-v9").is_file()
    migrated.close()


def test_the_vault_lists_an_ended_pair_without_opening_its_journal(data_dir, vault):
    ended = vault.add_pair(profile("Inès"))
    running = vault.add_pair(profile("Claire"))
    assert vault.end_pair(ended.pair_id, dt.date(2026, 6, 30)).ended_on == dt.date(2026, 6, 30)
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        listed = {e.pair_id: e.pair for e in again.pairs()}
        assert listed[ended.pair_id].ended_on == dt.date(2026, 6, 30)
        assert listed[running.pair_id].ended_on is None
        assert not again.is_open(ended.pair_id)  # from the registry's listing
        with pytest.raises(JournalEnded):
            again.update_pair(ended.pair_id, profile("Renamed"))
        assert again.reopen_pair(ended.pair_id).ended_on is None
        assert again.update_pair(ended.pair_id, profile("Renamed")).profile.display_name == (
            "Renamed"
        )
