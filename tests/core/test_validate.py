"""core.validate: every check on a value entering the core, with outside input drawn by
Hypothesis; each refusal is an InvalidInput with a sentence, never another exception."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core import validate
from rm_journal.core.errors import InvalidInput


@pytest.mark.parametrize("length", [0, 1, validate.MIN_PASSPHRASE_CHARS - 1])
def test_a_passphrase_shorter_than_the_minimum_is_very_weak(length):
    assert validate.passphrase_strength("Z" * length) == 0


def test_a_passphrase_beyond_zxcvbns_limit_is_very_strong():
    assert validate.passphrase_strength("a" * 73) == 4


def test_a_common_passphrase_is_weak_and_a_long_random_one_strong():
    assert validate.passphrase_strength("password1") < validate.MIN_PASSPHRASE_STRENGTH
    assert validate.passphrase_strength("correct horse battery staple violet") == 4


@settings(max_examples=50)
@given(st.one_of(st.none(), st.integers(), st.text(), st.dictionaries(st.text(), st.text())))
def test_a_text_list_is_a_list(value):
    with pytest.raises(InvalidInput, match=r"^The topics must be a list of texts\.$"):
        validate.text_list(value, "topics")


def test_a_text_list_is_bounded_and_each_item_checked():
    assert validate.text_list(("a", "b"), "topics") == ["a", "b"]
    with pytest.raises(InvalidInput, match=r"has more than 1000 items"):
        validate.text_list(["a"] * (validate.MAX_LIST_ITEMS + 1), "topics")
    with pytest.raises(InvalidInput, match=r"must be text"):
        validate.text_list(["a", 3], "topics")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200)
@given(json_values)
def test_a_json_value_is_kept_as_canonical_json_or_refused_with_a_sentence(value):
    try:
        encoded = validate.json_value(value, "field")
    except InvalidInput as refused:
        assert "lone surrogate" in str(refused)  # the one refusal a JSON value can meet
        return
    assert json.loads(encoded) == value
    assert validate.json_value(json.loads(encoded), "field") == encoded


@pytest.mark.parametrize("value", [float("nan"), float("inf"), {1, 2}, b"bytes", object()])
def test_what_json_cannot_hold_is_refused(value):
    with pytest.raises(InvalidInput, match=r"holds something that is not text, a number or a list"):
        validate.json_value(value, "field")


def test_a_lone_surrogate_in_a_json_value_is_refused():
    with pytest.raises(InvalidInput, match=r"lone surrogate"):
        validate.json_value(["ok", "\ud800"], "field")


def test_a_json_value_over_the_limit_is_refused():
    with pytest.raises(InvalidInput, match=r"is too large \(over 4 MiB\)"):
        validate.json_value("é" * (validate.MAX_JSON_BYTES // 2), "field")
    assert validate.json_value("e" * (validate.MAX_JSON_BYTES - 2), "field")
