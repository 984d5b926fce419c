import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.core.errors import InvalidRecoveryCode
from rm_journal.core.keys import recovery

codes = st.builds(recovery.from_int, st.integers(0, 2**recovery.BITS - 1))


def test_check_symbols_exist_for_every_residue():
    assert len(recovery._CHECK_BY_RESIDUE) == recovery.MODULUS
    assert recovery.MODULUS > recovery.LENGTH * 31  # why single typos are always caught


def test_the_swap_luhn_mod_32_missed_is_caught():
    code = recovery.normalize(recovery.from_int(0))  # all zeros, then the check symbols
    data = "Z0" + code[2:26]
    canonical = recovery.normalize(recovery.format_code(recovery._with_check(data)))
    swapped = canonical[1] + canonical[0] + canonical[2:]
    with pytest.raises(recovery.InvalidRecoveryCode, match="typo"):
        recovery.normalize(swapped)


def test_code_shape_and_entropy():
    code = recovery.generate()
    groups = code.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert recovery.BITS >= 128
    assert len({recovery.generate() for _ in range(50)}) == 50


@given(codes)
def test_typed_forms_normalize_to_the_same_code(code):
    canonical = recovery.normalize(code)
    sloppy = " ".join(code.lower().split("-")).replace("1", "l").replace("0", "o")
    assert recovery.normalize(sloppy) == canonical


@settings(max_examples=500)
@given(codes, st.data())
def test_every_single_symbol_typo_is_caught(code, data):
    canonical = recovery.normalize(code)
    pos = data.draw(st.integers(0, len(canonical) - 1))
    other = data.draw(st.sampled_from([c for c in recovery.ALPHABET if c != canonical[pos]]))
    typo = canonical[:pos] + other + canonical[pos + 1 :]
    with pytest.raises(InvalidRecoveryCode, match="typo"):
        recovery.normalize(typo)


@settings(max_examples=500)
@given(codes, st.data())
def test_adjacent_swaps_are_caught(code, data):
    canonical = recovery.normalize(code)
    pos = data.draw(st.integers(0, len(canonical) - 2))
    if canonical[pos] == canonical[pos + 1]:
        return
    swapped = canonical[:pos] + canonical[pos + 1] + canonical[pos] + canonical[pos + 2 :]
    with pytest.raises(InvalidRecoveryCode):
        recovery.normalize(swapped)


@given(st.text(max_size=80))
def test_arbitrary_input_is_a_code_or_a_clear_error(text):
    try:
        result = recovery.normalize(text)
    except InvalidRecoveryCode as exc:
        message = str(exc)
    else:
        assert len(result) == recovery.DATA_SYMBOLS + 1
        return
    assert message.endswith(".")
