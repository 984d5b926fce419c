import json
from dataclasses import replace

import pytest

from rm_journal.core.errors import NotFound
from rm_journal.core.models import Language
from rm_journal.templates.library import (
    TemplateLibrary,
    builtin,
    parse_topic_library,
    seed_topics,
    start_session,
)
from rm_journal.templates.render import render_session
from rm_journal.templates.schema import InvalidTemplate, Text, dumps, load, loads
from tests.conftest import profile


@pytest.fixture
def library(vault):
    return TemplateLibrary(vault)


def test_custom_templates_live_encrypted_in_the_vault(data_dir, vault, library):
    created = library.copy("regular-session", "my-session")
    assert created.name.en == "Regular session (copy)"
    assert [e.template.id for e in library.entries() if not e.builtin] == ["my-session"]
    assert not any("my-session" in p.name for p in data_dir.path.rglob("*"))
    assert b"my-session" not in data_dir.registry_path.read_bytes()


def test_export_import_round_trip_is_identical(vault, library):
    library.copy("mentor-self-check", "my-check")
    exported = library.export_bytes("my-check")
    library.remove("my-check")
    imported = library.import_bytes(exported)
    assert library.export_bytes("my-check") == exported
    assert imported == loads(exported)


def test_import_rules(vault, library):
    with pytest.raises(InvalidTemplate, match="belongs to a built-in template"):
        library.import_bytes(dumps(builtin("regular-session")))
    with pytest.raises(InvalidTemplate, match="cannot be removed"):
        library.remove("regular-session")
    mine = replace(builtin("regular-session"), id="mine", version=1)
    library.import_bytes(dumps(mine))
    library.import_bytes(dumps(mine))  # the same document again: nothing to do
    edited = replace(mine, name=Text("Mine", "La mienne"))
    with pytest.raises(InvalidTemplate, match="version 1 is not newer than the stored version 1"):
        library.import_bytes(dumps(edited))
    library.import_bytes(dumps(replace(edited, version=2)))
    assert library.get("mine").name.fr == "La mienne"
    with pytest.raises(NotFound):
        library.get("nobody")


def test_a_session_keeps_rendering_as_written_after_its_template_changes(vault, library):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    v1 = library.copy("regular-session", "monthly")
    session = start_session(journal, v1, title="Mars")
    journal.set_fields(
        session.uuid,
        {
            "topic": "Sobriété numérique",
            "notes": "Quarante pour cent des mails partent à plus de dix personnes.",
            "takeaways": [{"text": "Un mail du soir attend le matin."}],
            "actions": [
                {"text": "Programmer les envois", "owner": "leader", "due_date": "2026-04-01"}
            ],
        },
    )
    before = {
        lang: render_session(journal.session(session.uuid), journal.fields(session.uuid), lang)
        for lang in ("en", "fr")
    }
    assert "Sobriété numérique" in before["fr"]
    assert "Un mail du soir attend le matin." in before["fr"]

    # version 2: a label renamed, the notes field removed, a new section added
    doc = v1.document()
    doc["version"] = 2
    doc["sections"][1]["fields"][0]["label"] = {"en": "Theme", "fr": "Thème"}
    del doc["sections"][1]["fields"][1]
    doc["sections"].append(
        {
            "key": "extra",
            "title": {"en": "Extra", "fr": "En plus"},
            "fields": [{"key": "mood", "type": "text", "label": {"en": "Mood", "fr": "Humeur"}}],
        }
    )
    library.import_bytes(json.dumps(doc).encode())
    assert library.get("monthly").version == 2

    after = {
        lang: render_session(journal.session(session.uuid), journal.fields(session.uuid), lang)
        for lang in ("en", "fr")
    }
    assert after == before
    journal.set_field(session.uuid, "notes", "still part of this session's own form")
    with pytest.raises(Exception, match="no field 'mood'"):
        journal.set_field(session.uuid, "mood", "v2 only")
    newer = start_session(journal, library.get("monthly"))
    journal.set_field(newer.uuid, "mood", "v2 only")
    library.remove("monthly")  # deleting the template changes no past session either
    assert render_session(journal.session(session.uuid), journal.fields(session.uuid), "en") != ""


def test_render_shows_every_kind_of_value(vault):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    check = start_session(journal, builtin("mentor-self-check"))
    journal.set_fields(check.uuid, {"listening": 4, "practice": ["let_silences"]})
    text = render_session(journal.session(check.uuid), journal.fields(check.uuid), "fr")
    assert "4/5 — Bien" in text
    assert "[x] laissé durer les silences" in text and "[ ] posé des questions ouvertes" in text
    assert "J’ai écouté sans préparer ma réponse\u00a0:" in text
    charter = start_session(journal, builtin("kickoff-charter"))
    journal.set_fields(charter.uuid, {"notes": "private_each", "midpoint_date": "2026-04-15"})
    text = render_session(journal.session(charter.uuid), journal.fields(charter.uuid), "en")
    assert "Each of us keeps private notes" in text and "2026-04-15" in text


def test_topic_library_seeds_the_backlog_once(vault):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    added = seed_topics(journal, ["ai_at_work", "meetings"], Language.FR.value)
    assert [t.title for t in added] == ["L’IA au travail", "Conduite des réunions"]
    assert added[0].questions and added[0].resources
    assert seed_topics(journal, None, "fr")[0].title != "L’IA au travail"  # no duplicates
    assert len(journal.topics()) == 10
    with pytest.raises(NotFound):
        seed_topics(journal, ["knitting"], "en")


def test_topic_library_validation():
    with pytest.raises(InvalidTemplate, match="'format' must be"):
        parse_topic_library(b'{"format": "x"}')
    bad = {
        "format": "rm_journal-topics",
        "format_version": 1,
        "topics": [
            {
                "key": "a",
                "title": {"en": "A"},
                "why": {"en": "x", "fr": "y"},
                "questions": [],
                "resources": [],
            }
        ],
    }
    with pytest.raises(InvalidTemplate, match="topic 'a': 'title' has no French text"):
        parse_topic_library(json.dumps(bad).encode())


def test_loaded_snapshot_of_every_builtin_is_usable(vault):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    for template in (builtin(t) for t in ("kickoff-charter", "group-session")):
        session = start_session(journal, template)
        assert load(journal.session(session.uuid).template_snapshot) == template
