import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.templates.library import builtin, builtin_templates
from rm_journal.templates.schema import (
    MAX_DOCUMENT_BYTES,
    InvalidTemplate,
    Template,
    dumps,
    load,
    loads,
)

REGULAR = builtin("regular-session").document()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)


def field_doc(**changes):
    doc = copy.deepcopy(REGULAR)
    doc["sections"][1]["fields"][1].update(changes)  # the "notes" field
    return doc


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            field_doc(type="essay"),
            "In template 'regular-session', field 'notes': unknown type 'essay' (expected one of "
            "text, long_text, list, checklist, rating, choice, date, takeaways, actions, topics).",
        ),
        (field_doc(key="topic"), "field 'topic': this key is used by two fields"),
        (field_doc(label={"en": "Notes"}), "field 'notes': 'label' has no French text ('fr')"),
        (field_doc(label={"en": "Notes", "fr": "  "}), "'label' has no French text"),
        (
            field_doc(label={"en": "Notes", "fr": "Notes", "de": "Notizen"}),
            "unsupported language 'de'",
        ),
        (field_doc(required="yes"), "field 'notes': 'required' must be true or false"),
        (field_doc(choices=[]), "field 'notes': a long_text field takes no 'choices'"),
        (field_doc(type="choice"), "field 'notes': a choice field needs 'choices'"),
        (field_doc(type="rating"), "field 'notes': a rating needs 'scale'"),
        (field_doc(max_items=3), "a long_text field takes no 'max_items'"),
        (field_doc(colour="red"), "field 'notes': unknown property 'colour'"),
        (field_doc(key="Notes!"), "a field key must be lowercase letters"),
        ({**REGULAR, "id": "Regular Session"}, "'id' must be 2 to 64 lowercase letters"),
        ({**REGULAR, "version": 0}, "'version' must be a whole number from 1"),
        ({**REGULAR, "version": True}, "'version' must be a whole number from 1"),
        ({**REGULAR, "audience": "everyone"}, "'audience' must be one of leader, mentor, both"),
        ({**REGULAR, "format_version": 2}, "written by a newer version of rm_journal"),
        ({**REGULAR, "format": "something-else"}, "is this a template file?"),
        ({**REGULAR, "sections": []}, "'sections' must be a list of 1 to 20 sections"),
        ({**REGULAR, "extra": 1}, "unknown property 'extra'"),
        ([REGULAR], "A template file holds one JSON object."),
    ],
)
def test_invalid_templates_get_a_sentence_naming_the_place(doc, message):
    with pytest.raises(InvalidTemplate) as info:
        load(doc)
    assert message in str(info.value)


def test_bad_files_are_refused_clearly():
    with pytest.raises(InvalidTemplate, match="not valid JSON"):
        loads(b"{not json")
    with pytest.raises(InvalidTemplate, match="not UTF-8"):
        loads(b"\xff\xfe{}")
    with pytest.raises(InvalidTemplate, match="too large"):
        loads(b" " * (MAX_DOCUMENT_BYTES + 1))
    with pytest.raises(InvalidTemplate, match="nested"):
        loads("[" * 100_000 + "]" * 100_000)
    deep = {**REGULAR, "description": {"en": "x", "fr": "y", "z": [[[[[[[[[["deep"]]]]]]]]]]}}
    with pytest.raises(InvalidTemplate, match="nested more than"):
        load(deep)


@pytest.mark.slow
@settings(max_examples=1500)
@given(json_values)
def test_arbitrary_json_loads_or_raises_the_typed_error(value):
    try:
        template = load(value)
    except InvalidTemplate as exc:
        assert str(exc).endswith(".")
    else:
        assert isinstance(template, Template)


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for t in builtin_templates() for p in _paths(t.document()) if p]


@pytest.mark.slow
@settings(max_examples=1500)
@given(st.sampled_from(builtin_templates()), st.data())
def test_mutated_builtins_load_or_raise_the_typed_error(template, data):
    doc = template.document()
    paths = [p for p in _paths(doc) if p]
    path = data.draw(st.sampled_from(paths))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(json_values)
    try:
        loaded = load(doc)
    except InvalidTemplate as exc:
        assert str(exc).startswith(("In template", "In the template", "A template"))
    else:
        assert load(loaded.document()) == loaded


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_text_files_never_crash(text):
    with pytest.raises(InvalidTemplate):
        loads(text)


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.id)
def test_export_then_import_is_identical(template):
    data = dumps(template)
    again = loads(data)
    assert again == template
    assert dumps(again) == data
    assert json.loads(data) == template.document()


def test_a_sessions_template_is_validated_once_per_snapshot_object():
    from rm_journal.core.models import Session, SessionStatus
    from rm_journal.templates.schema import session_template

    def session(doc):
        return Session("u", 1, "", SessionStatus.PLANNED, None, None, doc["id"], doc, "", "")

    shared = copy.deepcopy(REGULAR)
    first = session_template(session(shared))
    assert first == load(REGULAR)
    assert session_template(session(shared)) is first  # the same object: parsed once
    renamed = copy.deepcopy(REGULAR)
    renamed["name"] = {"en": "Renamed", "fr": "Renommée"}
    assert session_template(session(renamed)).name.get("en") == "Renamed"  # equal id, other doc
    broken = copy.deepcopy(REGULAR)
    broken["sections"] = "not a list"
    with pytest.raises(InvalidTemplate):
        session_template(session(broken))
