import datetime as dt
import json
from dataclasses import replace

import pytest

from rm_journal.core.errors import InvalidInput, NewerFormat, NotFound
from rm_journal.core.journal import schema
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import (
    Attribution,
    Owner,
    Role,
    SessionStatus,
    TakeawayStatus,
    TopicStatus,
)
from rm_journal.core.vault import Vault
from tests.conftest import PASSPHRASE, SNAPSHOT, profile

TEMPLATE = SNAPSHOT
STRANGE = [
    "مرحبا بالعالم — שלום",  # right-to-left
    "😀👩🏽‍💻🇫🇷",  # emoji, ZWJ sequences, flags
    "nul\x00inside",  # NUL
    "<b>bold</b> <img src='/etc/passwd'> &amp; ' \" ; DROP TABLE sessions; --",
    "e\u0301te\u0301 vs été",  # combining marks
    "\u202eRTL override",
]


@pytest.fixture
def journal(vault):
    return vault.journal(vault.add_pair(profile()).pair_id)


def test_profile_roundtrip_and_update(journal):
    pair = journal.pair()
    assert pair.profile.display_name == "Camille"
    journal.update_profile(
        replace(pair.profile, program="Orange 2027", start_date=dt.date(2027, 1, 4))
    )
    assert journal.pair().profile.start_date == dt.date(2027, 1, 4)


def test_sessions_are_numbered_and_keep_their_template(journal):
    s1 = journal.add_session(
        "test-form", TEMPLATE, title="Kick-off", planned_date=dt.date(2026, 1, 5)
    )
    s2 = journal.add_session("test-form", {**TEMPLATE, "version": 4})
    assert (s1.number, s2.number) == (1, 2)
    assert journal.session(s1.uuid).template_snapshot == TEMPLATE
    held = journal.update_session(
        replace(
            s1,
            status=SessionStatus.HELD,
            held_date=dt.date(2026, 1, 6),
            template_snapshot={"changed": True},
        )
    )
    assert held.status is SessionStatus.HELD
    assert held.template_snapshot == TEMPLATE  # the snapshot never changes after creation
    with pytest.raises(InvalidInput, match="Session 2 already has an entry made with this"):
        journal.add_session("test-form", TEMPLATE, number=2)
    other = journal.add_session("other-form", TEMPLATE, number=2)  # another entry, same session
    assert other.number == 2
    assert [(s.number, s.template_id) for s in journal.sessions()] == [
        (1, "test-form"),
        (2, "test-form"),
        (2, "other-form"),
    ]


def test_the_listed_sessions_follow_every_write(journal, vault):
    """sessions() is kept between writes: every kind of write must show in the next listing."""
    first = journal.add_session("test-form", TEMPLATE, title="one")
    assert [s.title for s in journal.sessions()] == ["one"]
    journal.add_session("test-form", TEMPLATE, title="two")
    assert [s.title for s in journal.sessions()] == ["one", "two"]
    assert [s.title for s in journal.sessions(last=1)] == ["two"]
    assert journal.sessions(last=0) == [] and len(journal.sessions(last=50)) == 2
    journal.update_session(replace(first, status=SessionStatus.HELD, title="one, held"))
    listed_first = journal.sessions()[0]
    assert (listed_first.title, listed_first.status) == ("one, held", SessionStatus.HELD)
    with pytest.raises(InvalidInput):  # a refused write leaves the listing true too
        journal.add_session("test-form", TEMPLATE, number=1)
    journal.delete_session(first.uuid)
    assert [s.title for s in journal.sessions()] == ["two"]
    listed = journal.sessions()
    listed.clear()  # the caller's copy, not the journal's
    assert [s.title for s in journal.sessions()] == ["two"]
    # and a journal opened afresh lists the same thing
    pair_id = journal.pair().pair_id
    vault.lock()
    again = Vault.unlock(vault.data_dir, PASSPHRASE)
    try:
        assert [s.title for s in again.journal(pair_id).sessions()] == ["two"]
    finally:
        again.lock()


def test_field_values_roundtrip_and_clear(journal):
    s = journal.add_session("test-form", TEMPLATE)
    journal.set_fields(
        s.uuid,
        {
            "notes": "texte",
            "rating": 4,
            "list": ["a", "b"],
            "checklist": ["c", "a"],
            "choice": "y",
            "date": "2026-03-01",
        },
    )
    got = journal.fields(s.uuid)
    assert got["checklist"] == ["a", "c"]  # template order
    assert (got["rating"], got["choice"], got["date"]) == (4, "y", "2026-03-01")
    journal.set_field(s.uuid, "notes", None)
    journal.set_field(s.uuid, "list", [])
    assert "notes" not in journal.fields(s.uuid)
    assert "list" not in journal.fields(s.uuid)
    with pytest.raises(NotFound):
        journal.set_field("no-such-session", "notes", "lost?")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("nope", "x", "has no field 'nope'"),
        ("rating", 6, "rating from 1 to 5"),
        ("rating", True, "rating from 1 to 5"),
        ("choice", "z", "must be one of: x, y"),
        ("checklist", ["d"], "has no item 'd'"),
        ("list", ["1", "2", "3", "4", "5", "6"], "at most 5 items"),
        ("list", "not a list", "list of texts"),
        ("date", "31/12/2026", "YYYY-MM-DD"),
        ("text", "x" * 2001, "too long"),
        ("takeaways", "text", "list of items"),
        ("takeaways", [{"text": "ok", "colour": "red"}], "no property 'colour'"),
        ("takeaways", [{"text": "   "}], "cannot be empty"),
        ("actions", [{"text": "ok", "owner": "boss"}], "one of: leader, mentor, both"),
    ],
)
def test_values_of_the_wrong_shape_are_refused_and_nothing_is_saved(journal, key, value, message):
    s = journal.add_session("test-form", TEMPLATE)
    journal.set_field(s.uuid, "notes", "kept")
    with pytest.raises(InvalidInput, match=message):
        journal.set_fields(s.uuid, {"notes": "changed", key: value})
    assert journal.fields(s.uuid) == {"notes": "kept"}  # one transaction: all or nothing


def test_structured_fields_and_the_pairs_lists_agree(journal):
    s = journal.add_session("test-form", TEMPLATE)
    journal.set_fields(
        s.uuid,
        {
            "takeaways": [{"text": "Écouter avant de répondre"}, {"text": "Moins de réunions"}],
            "actions": [
                {"text": "Annuler deux réunions", "owner": "leader", "due_date": "2026-05-01"}
            ],
            "topics": [{"title": "Hiérarchie", "questions": ["Qui ose contredire ?"]}],
        },
    )
    form = journal.fields(s.uuid)
    assert [t.text for t in journal.takeaways(session_uuid=s.uuid)] == [
        i["text"] for i in form["takeaways"]
    ]
    assert all(t.field_key == "takeaways" for t in journal.takeaways())
    assert journal.takeaways()[0].proposed_by is Role.LEADER  # my role in this pair
    assert journal.actions()[0].due_date == dt.date(2026, 5, 1)
    assert journal.topics()[0].session_uuid == s.uuid

    # edit one, delete one, add one: the lists follow
    first, second = form["takeaways"]
    journal.set_fields(
        s.uuid,
        {
            "takeaways": [
                {"uuid": first["uuid"], "text": "Écouter jusqu'au bout", "status": "proposed"},
                {"text": "Un avis contraire avant de conclure"},
            ]
        },
    )
    texts = [t.text for t in journal.takeaways()]
    assert texts == ["Écouter jusqu'au bout", "Un avis contraire avant de conclure"]
    assert journal.takeaway(first["uuid"]).status is TakeawayStatus.PROPOSED
    assert second["uuid"] not in {t.uuid for t in journal.takeaways()}

    # a change made in the list shows in the form
    t = journal.takeaway(first["uuid"])
    journal.update_takeaway(replace(t, status=TakeawayStatus.AGREED))
    assert journal.fields(s.uuid)["takeaways"][0]["status"] == "agreed"
    # editing the words from the form reopens the agreement, as everywhere
    third = journal.fields(s.uuid)["takeaways"][1]["uuid"]
    journal.set_fields(
        s.uuid,
        {
            "takeaways": [
                {"uuid": first["uuid"], "text": "Écouter vraiment jusqu'au bout"},
                {"uuid": third},
            ]
        },
    )
    assert journal.takeaway(first["uuid"]).status is TakeawayStatus.PROPOSED

    # deleting from the list removes it from the form
    journal.delete_action(journal.actions()[0].uuid)
    assert "actions" not in journal.fields(s.uuid)
    # clearing the field deletes its items
    journal.set_field(s.uuid, "topics", [])
    assert journal.topics() == []
    # an item deleted elsewhere cannot be resurrected by a stale form
    with pytest.raises(NotFound, match="deleted elsewhere"):
        journal.set_fields(s.uuid, {"takeaways": [{"uuid": second["uuid"], "text": "x"}]})


def test_deleting_a_session_keeps_its_takeaways_unattached(journal):
    s = journal.add_session("test-form", TEMPLATE)
    journal.set_field(s.uuid, "notes", "gone with the session")
    t = journal.add_takeaway("stays", Role.LEADER, session_uuid=s.uuid)
    journal.delete_session(s.uuid)
    assert journal.takeaway(t.uuid).session_uuid is None
    assert journal.search("gone") == []
    with pytest.raises(NotFound):
        journal.session(s.uuid)


def test_takeaway_agreement_rules(journal):
    t = journal.add_takeaway("Les mails du soir attendent le matin", Role.MENTOR)
    assert t.status is TakeawayStatus.PRIVATE and t.agreed_on is None
    agreed = journal.update_takeaway(replace(t, status=TakeawayStatus.AGREED))
    assert agreed.agreed_on == dt.date.today()
    # editing the words of an agreed takeaway reopens it: what was agreed is what is shared
    edited = journal.update_takeaway(replace(agreed, text="Les mails du soir partent le matin"))
    assert edited.status is TakeawayStatus.PROPOSED
    assert edited.agreed_on is None and edited.changed_after_agreement
    # changing only the attribution keeps the agreement
    again = journal.update_takeaway(replace(edited, status=TakeawayStatus.AGREED))
    kept = journal.update_takeaway(replace(again, attribution=Attribution.NEVER))
    assert kept.status is TakeawayStatus.AGREED and kept.attribution is Attribution.NEVER
    assert [x.uuid for x in journal.takeaways(status=TakeawayStatus.AGREED)] == [t.uuid]


def test_actions_carry_over(journal):
    s1 = journal.add_session("test-form", TEMPLATE)
    s2 = journal.add_session("test-form", TEMPLATE)
    a = journal.add_action(
        "Tester une réunion debout",
        Owner.LEADER,
        session_uuid=s1.uuid,
        due_date=dt.date(2026, 2, 1),
    )
    carried = journal.add_action(a.text, Owner.BOTH, session_uuid=s2.uuid, carried_from=a.uuid)
    assert journal.action(carried.uuid).carried_from == a.uuid
    journal.update_action(replace(a, done_date=dt.date(2026, 1, 20)))
    assert [x.uuid for x in journal.actions(open_only=True)] == [carried.uuid]
    journal.delete_action(a.uuid)
    assert journal.action(carried.uuid).carried_from is None


def test_topics_backlog(journal):
    s = journal.add_session("test-form", TEMPLATE)
    t = journal.add_topic(
        "Sobriété numérique",
        why="300 mails par jour",
        questions=["Lesquels pourraient être un document partagé ?"],
        resources=["Guide ADEME"],
    )
    planned = journal.update_topic(
        replace(t, status=TopicStatus.PLANNED, planned_session_uuid=s.uuid)
    )
    assert planned.planned_session_uuid == s.uuid
    assert journal.topics(status=TopicStatus.PLANNED) == [planned]
    journal.delete_topic(t.uuid)
    assert journal.topics() == []


def test_sharing_log_is_append_only_and_ordered(journal):
    journal.record_sharing("pdf", "3 takeaways", "synthese.pdf", "ab12cd34", 3)
    journal.record_sharing("pdf", "5 takeaways", "synthese-2.pdf", "ef56ab78", 5)
    assert [r.fingerprint for r in journal.sharing_log()] == ["ab12cd34", "ef56ab78"]


@pytest.mark.parametrize("text", STRANGE)
def test_strange_text_is_kept_exactly(journal, text):
    s = journal.add_session("test-form", TEMPLATE, title=text[:100])
    journal.set_field(s.uuid, "notes", text)
    t = journal.add_takeaway(text, Role.LEADER, session_uuid=s.uuid)
    assert journal.fields(s.uuid)["notes"] == text
    assert journal.takeaway(t.uuid).text == text
    assert journal.session(s.uuid).title == text[:100]


def test_bad_input_is_refused_with_a_sentence(journal):
    s = journal.add_session("test-form", TEMPLATE)
    with pytest.raises(InvalidInput, match="too long"):
        journal.add_takeaway("x" * 1_000_001, Role.LEADER)
    with pytest.raises(InvalidInput, match="cannot be empty"):
        journal.add_takeaway("   ", Role.LEADER)
    with pytest.raises(InvalidInput, match="one of: leader, mentor"):
        journal.add_takeaway("ok", "boss")
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        journal.add_action("ok", Owner.LEADER, due_date="tomorrow")
    with pytest.raises(InvalidInput, match="surrogate"):
        journal.set_field(s.uuid, "notes", "bad \ud800")
    with pytest.raises(InvalidInput):
        journal.set_field(s.uuid, "notes", float("nan"))
    with pytest.raises(NotFound):
        journal.add_takeaway("orphan", Role.LEADER, session_uuid="missing")
    assert journal.takeaways() == []


def test_migration_takes_an_encrypted_backup_first(data_dir, vault):
    pair = vault.add_pair(profile())
    j = vault.journal(pair.pair_id)
    j.add_takeaway("before the migration", Role.LEADER)
    path = j.path
    _file_id, key = vault.pair_file_and_key(pair.pair_id)
    vault.lock()
    current = schema.JOURNAL_MIGRATIONS[-1][0]
    future = (
        *schema.JOURNAL_MIGRATIONS,
        (current + 1, "ALTER TABLE takeaways ADD COLUMN mood TEXT;"),
    )
    migrated = Journal.open(path, key, migrations=future)
    assert schema.user_version(migrated.conn) == current + 1
    assert migrated.takeaways()[0].text == "before the migration"
    migrated.close()
    backup = schema.backup_path(path, current)
    assert backup.exists() and b"before the migration" not in backup.read_bytes()
    old = Journal.open(backup, key)  # the backup is a complete journal as it was, same key
    assert old.takeaways()[0].text == "before the migration"
    old.close()
    with pytest.raises(NewerFormat):
        Journal.open(path, key)  # this version cannot open a newer journal, and says so


def test_closing_a_written_journal_merges_its_search_index(data_dir, vault):
    pair = vault.add_pair(profile())
    journal = vault.journal(pair.pair_id)
    for n in range(40):  # one durable write each, one index segment each
        journal.add_takeaway(f"Enseignement {n} sur la sobriété numérique", Role.LEADER)
    segments = journal.conn.execute("SELECT count(*) FROM search_fts_data").fetchone()[0]
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        reopened = again.journal(pair.pair_id)
        merged = reopened.conn.execute("SELECT count(*) FROM search_fts_data").fetchone()[0]
        assert merged < segments
        assert len(reopened.search("sobriete", limit=100)) == 40  # diacritics folded
        assert reopened.search("Enseignement 7")[0].snippet


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_a_word_in_too_many_entries_gives_the_newest_first(vault, monkeypatch, limit):
    """Past RANK_LIMIT matches, no ranking: exactly the newest matches, newest first,
    found by widening a window from the newest entries (here over 60 newer entries
    that do not match)."""
    from rm_journal.core.journal import store as journal_module

    monkeypatch.setattr(journal_module, "RANK_LIMIT", 3)
    monkeypatch.setattr(journal_module, "NEWEST_FIRST_WINDOW", 1)
    j = vault.journal(vault.add_pair(profile()).pair_id)
    made = [j.add_takeaway(f"L’équipe numéro {n}", Role.LEADER) for n in range(12)]
    for n in range(60):
        j.add_takeaway(f"Autre chose {n}", Role.LEADER)
    hits = j.search("équi", limit=limit)  # a prefix, diacritics folded
    assert [h.ref_uuid for h in hits] == [t.uuid for t in reversed(made)][:limit]
    assert all("équipe" in h.snippet for h in hits)


def test_migration_3_keeps_one_copy_of_each_template_snapshot(tmp_path):
    """A journal written in format 2 (a snapshot copy in every session row) opens in
    format 3 with the same sessions, and one stored copy per distinct template."""
    from rm_journal.core.keys.secret import SecretKey
    from rm_journal.core.storage import database
    from rm_journal.templates.library import builtin

    path, key = tmp_path / "old.rmj", SecretKey.generate()
    conn = database.open_encrypted(path, key, create=True, damaged=RuntimeError)
    schema.migrate(conn, path, schema.JOURNAL_MIGRATIONS[:2], RuntimeError)
    regular = json.dumps(builtin("regular-session").document())
    reflection = json.dumps(builtin("leader-reflection").document())
    conn.execute(
        "INSERT INTO pair (id, uuid, display_name, my_role, program, start_date, cadence,"
        " language, created_at, updated_at) VALUES (1, 'p', 'Inès', 'leader', '', NULL,"
        " 'monthly', 'fr', 't', 't')"
    )
    for n, (tid, doc) in enumerate(
        [("regular-session", regular), ("leader-reflection", reflection)] * 3, start=1
    ):
        conn.execute(
            "INSERT INTO sessions (uuid, number, title, status, planned_date, held_date,"
            " template_id, template_snapshot, created_at, updated_at)"
            " VALUES (?, ?, '', 'planned', NULL, NULL, ?, ?, 't', 't')",
            (f"s{n}", n, tid, doc),
        )
    database.close(conn)
    journal = Journal.open(path, key)  # through format 3, and on to the newest
    assert schema.user_version(journal.conn) == schema.JOURNAL_MIGRATIONS[-1][0]
    sessions = journal.sessions()
    assert [s.template_snapshot for s in sessions] == [
        json.loads(regular),
        json.loads(reflection),
    ] * 3
    assert journal.conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 2
    assert journal.conn.execute("SELECT DISTINCT template_snapshot FROM sessions").fetchall() == [
        ("{}",)
    ]
    assert schema.backup_path(path, 2).exists()
    journal.close()


def test_only_the_most_recently_listed_journals_keep_their_list(vault):
    from rm_journal.core.journal import store as journal_module

    journals = [vault.journal(vault.add_pair(profile(f"P{n}")).pair_id) for n in range(6)]
    for j in journals:
        j.add_session("test-form", TEMPLATE)
        j.sessions()
    kept = [j for j in journals if j._all_sessions is not None]
    assert kept == journals[-journal_module.LISTS_KEPT :]
    journals[-1].close()
    assert journals[-1] not in vault._lists
    assert all(len(j.sessions()) == 1 for j in journals[:-1])  # dropped lists are re-read


def _requiring(*keys):
    """The test form with ``keys`` marked required (the form's ``*``)."""
    doc = json.loads(json.dumps(TEMPLATE))
    for section in doc["sections"]:
        for field in section["fields"]:
            field["required"] = field["key"] in keys
    return doc


def test_missing_required_names_the_empty_required_fields_in_form_order(journal):
    session = journal.add_session("test-form", _requiring("takeaways", "notes", "list"))
    assert journal.missing_required(session.uuid) == ["notes", "list", "takeaways"]
    journal.set_fields(session.uuid, {"notes": " \n ", "list": ["one goal"], "text": "x"})
    assert journal.missing_required(session.uuid) == ["notes", "takeaways"]  # spaces: empty
    read = journal.fields(session.uuid)  # what the editor just loaded, not read again
    assert journal.missing_required(session.uuid, read) == ["notes", "takeaways"]
    journal.set_fields(
        session.uuid,
        {"notes": "What we said", "takeaways": [{"text": "Ask before advising"}]},
    )
    assert journal.missing_required(session.uuid) == []
    unmarked = journal.add_session("test-form", TEMPLATE)
    assert journal.missing_required(unmarked.uuid) == []
