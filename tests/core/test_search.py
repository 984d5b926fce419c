import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.journal.store import fts_query
from rm_journal.core.models import HIGHLIGHT_END, HIGHLIGHT_START, Role
from tests.conftest import SNAPSHOT, profile


@pytest.fixture
def filled(vault):
    a = vault.add_pair(profile("Inès"))
    b = vault.add_pair(profile("Sam", Role.MENTOR))
    ja, jb = vault.journal(a.pair_id), vault.journal(b.pair_id)
    s = ja.add_session("test-form", SNAPSHOT, title="Sobriété numérique")
    ja.set_fields(
        s.uuid,
        {
            "notes": "Les réunions du vendredi soir épuisent l'équipe.",
            "list": ["Réunion debout", "Pas de mails après 20 h"],
        },
    )
    ja.add_takeaway(
        "Une réunion courte est une réunion respectée.", Role.LEADER, session_uuid=s.uuid
    )
    jb.add_topic(
        "Hiérarchie",
        why="Le silence en comité n'est pas un accord",
        questions=["Qui ose contredire ?"],
    )
    jb.add_action("Préparer des exemples de réunions réussies", "mentor")
    return vault, a, b, s


def test_finds_words_across_pairs_ignoring_accents_and_case(filled):
    vault, a, b, s = filled
    hits = vault.search("REUNION")
    assert {h.pair_id for h in hits} == {a.pair_id, b.pair_id}
    assert {h.kind for h in hits} >= {"field", "takeaway", "action"}
    field_hit = next(h for h in hits if h.kind == "field" and h.field_key == "notes")
    assert field_hit.session_uuid == s.uuid
    assert f"{HIGHLIGHT_START}réunions{HIGHLIGHT_END}" in field_hit.snippet


def test_every_word_must_match_and_the_last_is_a_prefix(filled):
    vault, *_ = filled
    assert [h.kind for h in vault.search("silence comi")] == ["topic"]
    assert vault.search("silence vendredi") == []


def test_results_are_ranked(filled):
    vault, *_ = filled
    ranks = [h.rank for h in vault.search("réunion")]
    assert ranks == sorted(ranks)


def test_index_follows_edits_and_deletes(filled):
    vault, a, _b, s = filled
    ja = vault.journal(a.pair_id)
    ja.set_field(s.uuid, "notes", "Tout autre chose")
    assert not any(h.field_key == "notes" for h in vault.search("vendredi"))
    ja.update_session(dataclasses.replace(s, title="Temps de travail"))
    assert [h.kind for h in vault.search("temps travail")] == ["session"]
    ja.delete_session(s.uuid)
    assert vault.search("debout") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "(",
        ")",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "notes:",
        "*",
        "^start",
        'a"b',
        "'; DROP TABLE",
        "",
        "   ",
        "😀",
        "\x00",
    ],
)
def test_fts_syntax_in_user_text_is_just_text(filled, query):
    vault, *_ = filled
    vault.search(query)  # never raises


@settings(max_examples=150)
@given(st.text(max_size=60))
def test_any_query_text_is_safe(filled, text):
    vault, *_ = filled
    for hit in vault.search(text):
        assert hit.pair_id


@given(st.text(max_size=200))
def test_query_builder_only_emits_quoted_terms(text):
    q = fts_query(text)
    if q is not None:
        for term in q.split(" "):
            assert term.startswith('"') and (term.endswith('"') or term.endswith('"*'))


def test_very_common_words_come_newest_first(filled, monkeypatch):
    import rm_journal.core.journal.store as journal_module

    vault, a, *_ = filled
    journal = vault.journal(a.pair_id)
    ranked = [h.ref_uuid for h in journal.search("réunion")]
    monkeypatch.setattr(journal_module, "RANK_LIMIT", 1)  # as if the word were everywhere
    newest_first = journal.search("réunion")
    assert sorted(h.ref_uuid for h in newest_first) == sorted(ranked)
    assert all(h.rank == 0.0 for h in newest_first)
    assert newest_first[0].kind == "takeaway"  # written after the session's fields
    assert f"{HIGHLIGHT_START}réunion" in newest_first[0].snippet
