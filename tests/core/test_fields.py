"""Field values from outside (forms, imports, scripts) never get past their type."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidInput, NotFound
from rm_journal.core.journal.fields import (
    FieldSpec,
    FieldType,
    check_value,
    is_empty,
    specs_from_snapshot,
)
from tests.conftest import SNAPSHOT, profile

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["a", "x", "y", "2026-02-29", "2025-02-29"]),
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.dictionaries(
            st.sampled_from(["text", "uuid", "owner", "status", "k"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)
SPECS = specs_from_snapshot(SNAPSHOT)
SIMPLE = [s for s in SPECS.values() if not s.structured and not s.key.startswith("f")]


@pytest.mark.slow
@settings(max_examples=2000)
@given(st.sampled_from(SIMPLE), json_values)
def test_check_value_accepts_the_right_shape_or_raises_invalid_input(spec, value):
    if is_empty(value):
        return  # empty values clear a field before any type check
    try:
        stored = check_value(spec, value)
    except InvalidInput as exc:
        assert f"'{spec.key}'" in str(exc)
        return
    if spec.type is FieldType.RATING:
        assert stored in range(1, 6)
    elif spec.type is FieldType.CHOICE:
        assert stored in spec.choices
    elif spec.type is FieldType.CHECKLIST:
        assert set(stored) <= set(spec.choices)
    elif spec.type in (FieldType.LIST,):
        assert all(isinstance(x, str) for x in stored)
    else:
        assert isinstance(stored, str)


def test_specs_come_from_the_snapshot():
    assert SPECS["rating"] == FieldSpec("rating", FieldType.RATING)
    assert SPECS["checklist"].choices == ("a", "b", "c")
    assert SPECS["list"].max_items == 5
    assert specs_from_snapshot({"sections": "nonsense"}) == {}


@pytest.mark.slow
@settings(max_examples=300)
@given(
    key=st.sampled_from([*sorted(k for k in SPECS if not k.startswith("f")), "unknown"]),
    value=json_values,
)
def test_any_value_through_the_journal_is_saved_whole_or_refused(vault, key, value):
    pairs = vault.pair_ids()
    journal = vault.journal(pairs[0] if pairs else vault.add_pair(profile()).pair_id)
    sessions = journal.sessions()
    session = sessions[0] if sessions else journal.add_session("test-form", SNAPSHOT)
    before = journal.fields(session.uuid)
    try:
        journal.set_field(session.uuid, key, value)
    except (InvalidInput, NotFound):  # NotFound: an item id that is not in this session
        assert journal.fields(session.uuid) == before
        return
    after = journal.fields(session.uuid)
    if value in (None, "", []):
        assert key not in after
    else:
        assert key in after
