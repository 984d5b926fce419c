"""Templates offered by role, and the copy a person names: the ordering a leader and a
mentor see, the id made from a typed name, and the copy's checks."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.templates.library import (
    Entry,
    TemplateLibrary,
    builtin_templates,
    offered_for,
    suggest_id,
)
from rm_journal.templates.schema import InvalidTemplate, loads

TEMPLATE_ID = re.compile(r"[a-z][a-z0-9-]{1,63}")


def test_a_leader_is_offered_leader_and_shared_templates_before_mentor_ones():
    entries = [Entry(t, True) for t in builtin_templates()]
    leader = offered_for(entries, "leader")
    assert [e.template.id for e in leader.mine] == [
        "kickoff-charter",
        "regular-session",
        "leader-reflection",
        "mid-point-review",
        "closing-retrospective",
        "group-session",
    ]
    assert [e.template.id for e in leader.others] == ["mentor-preparation", "mentor-self-check"]
    mentor = offered_for(entries, "mentor")
    assert {e.template.audience for e in mentor.mine} == {"mentor", "both"}
    assert [e.template.id for e in mentor.others] == ["leader-reflection"]
    assert sorted(e.template.id for e in mentor.ordered()) == sorted(
        t.id for t in builtin_templates()
    )


def test_own_templates_are_offered_by_their_audience(vault):
    library = TemplateLibrary(vault)
    library.copy("mentor-self-check", "my-check")
    leader = library.offered_for("leader")
    assert leader.others[-1].template.id == "my-check" and not leader.others[-1].builtin
    assert "my-check" in [e.template.id for e in library.offered_for("mentor").mine]


def test_a_named_copy_is_named_so_in_both_languages_and_keeps_the_form(vault):
    library = TemplateLibrary(vault)
    copy = library.copy("regular-session", "seance-d-ete", name="  Séance d'été ")
    assert (copy.name.en, copy.name.fr, copy.version) == ("Séance d'été", "Séance d'été", 1)
    assert copy.sections == library.get("regular-session").sections
    assert loads(library.export_bytes("seance-d-ete")) == copy


def test_a_copy_never_replaces_a_template(vault):
    library = TemplateLibrary(vault)
    library.copy("regular-session", "mine")
    for taken in ("mine", "regular-session"):
        with pytest.raises(InvalidTemplate, match=f"already a template '{taken}'"):
            library.copy("leader-reflection", taken)
    with pytest.raises(InvalidTemplate, match="'name' \\('en'\\) is longer than 200"):
        library.copy("regular-session", "long", name="x" * 201)
    with pytest.raises(InvalidTemplate, match="'name' has no English text"):
        library.copy("regular-session", "blank", name="   ")
    assert [e.template.id for e in library.entries() if not e.builtin] == ["mine"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Séance d'été", "seance-d-ete"),
        ("Séance d’été — Œuvre", "seance-d-ete-oeuvre"),
        ("  Mon bilan  ", "mon-bilan"),
        ("2026 review", "my-2026-review"),
        ("x", "my-x"),
        ("日本語", "my-template"),
        ("Regular session", "regular-session-2"),
    ],
)
def test_suggested_ids(name, expected):
    assert suggest_id(name, ["regular-session"]) == expected


@settings(max_examples=300)
@given(name=st.text(max_size=300), taken=st.lists(st.text(max_size=70), max_size=5))
def test_a_suggested_id_is_always_valid_and_free(name, taken):
    taken = [*taken, suggest_id(name, [])]  # the plain suggestion is taken: a new one
    made = suggest_id(name, taken)
    assert TEMPLATE_ID.fullmatch(made) and made not in taken
