"""The built-in library: complete in English and French, written with care."""

import json
import re
from importlib import resources

import pytest

from rm_journal.core.journal.fields import FieldType
from rm_journal.templates.library import BUILTIN_ORDER, builtin_templates, topic_library

BUILTIN_DIR = resources.files("rm_journal.templates") / "builtin"


def texts(node):
    """Every {"en", "fr"} pair in a JSON document."""
    if isinstance(node, dict):
        if set(node) == {"en", "fr"}:
            yield node
        else:
            for value in node.values():
                yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


RAW = {
    tid: json.loads(BUILTIN_DIR.joinpath(f"{tid}.json").read_text("utf-8")) for tid in BUILTIN_ORDER
}
RAW["topics"] = json.loads(BUILTIN_DIR.joinpath("topics.json").read_text("utf-8"))


def test_the_library_has_every_template_the_programs_need():
    ids = [t.id for t in builtin_templates()]
    assert ids == list(BUILTIN_ORDER)
    audiences = {t.id: t.audience for t in builtin_templates()}
    assert audiences["leader-reflection"] == "leader"
    assert audiences["mentor-self-check"] == "mentor"
    assert audiences["mentor-preparation"] == "mentor"


@pytest.mark.parametrize("name", list(RAW))
def test_every_text_is_translated(name):
    pairs = list(texts(RAW[name]))
    assert len(pairs) > 10
    for pair in pairs:
        assert pair["en"].strip() and pair["fr"].strip(), pair
        if len(pair["en"]) > 24:  # a long text identical in both languages was not translated
            assert pair["en"] != pair["fr"], pair


@pytest.mark.parametrize("name", list(RAW))
def test_french_typography(name):
    for pair in texts(RAW[name]):
        fr = pair["fr"]
        assert "'" not in fr, f"use the typographic apostrophe in {fr!r}"
        assert not re.search(r" [?!;:]", fr), f"no plain space before ? ! ; : in {fr!r}"
        assert not re.search(r"\S[?!;]", fr) or "http" in fr, f"space missing before ?!; in {fr!r}"


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_files_are_stored_in_canonical_form(name):
    from rm_journal.templates.schema import dumps, load

    raw = BUILTIN_DIR.joinpath(f"{name}.json").read_bytes()
    assert dumps(load(json.loads(raw))) == raw


def test_the_pair_lists_are_fed_from_the_templates():
    kinds = {f.type for t in builtin_templates() for f in t.fields()}
    assert kinds == set(FieldType)  # every field type is used somewhere
    regular = next(t for t in builtin_templates() if t.id == "regular-session")
    assert [f.type for f in regular.sections[-1].fields] == [
        FieldType.TAKEAWAYS,
        FieldType.ACTIONS,
        FieldType.TOPICS,
    ]
    charter = next(t for t in builtin_templates() if t.id == "kickoff-charter")
    assert charter.field("goals").max_items == 3
    reflection = next(t for t in builtin_templates() if t.id == "leader-reflection")
    assert all(f.private for f in reflection.fields() if f.type is not FieldType.ACTIONS)


def test_topic_library_covers_the_program_themes():
    topics = topic_library()
    assert len(topics) == 10
    titles = " ".join(t.title.en for t in topics).lower()
    for theme in (
        "sobriety",
        "social media",
        "ai",
        "transparency",
        "working time",
        "hierarchy",
        "inclusion",
        "csr",
        "meetings",
        "generational",
    ):
        assert theme in titles
    assert all(len(t.questions) >= 1 for t in topics)
