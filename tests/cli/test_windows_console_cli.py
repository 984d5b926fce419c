"""The command line on Windows (issue 20): output redirected in the console's code page
writes UTF-8 instead of failing, and the passphrase can come from a file."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rm_journal.cli.text import utf8_streams
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE

NAMES = "Inès Ødegård — 😀 مرحبا"


def cp1252_stream() -> io.TextIOWrapper:
    """What a redirected stdout is on a Western-European Windows: cp1252, strict."""
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict")


def test_a_redirect_in_a_windows_code_page_fails_without_and_writes_utf8_with():
    plain = cp1252_stream()
    with pytest.raises(UnicodeEncodeError):
        plain.write(NAMES)
    stream = cp1252_stream()
    utf8_streams([stream], platform="win32")
    stream.write(NAMES)
    stream.flush()
    assert stream.buffer.getvalue().decode("utf-8") == NAMES  # type: ignore[attr-defined]


def test_elsewhere_the_streams_are_left_alone():
    stream = cp1252_stream()
    utf8_streams([stream], platform="linux")
    assert stream.encoding == "cp1252"
    utf8_streams([object()], platform="win32")  # a stream that cannot be reconfigured


@settings(max_examples=50)
@given(st.text())
def test_any_text_reaches_a_reconfigured_stream(text):
    stream = cp1252_stream()
    utf8_streams([stream], platform="win32")
    stream.write(text)  # never raises: lone surrogates become "?"
    stream.flush()


def test_the_passphrase_from_a_file(cheap_vault, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("RM_JOURNAL_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\r\nignored second line\n", encoding="utf-8")
    code, _out, err = run(capsys, "--passphrase-file", str(secret), "pairs", "list")
    assert (code, err) == (0, "")
    secret.write_text("not it\n", encoding="utf-8")
    code, _out, err = run(capsys, "--passphrase-file", str(secret), "pairs", "list")
    assert code != 0 and "passphrase" in err.lower() and "Traceback" not in err
    code, _out, err = run(capsys, "--passphrase-file", str(tmp_path / "none"), "pairs", "list")
    assert code != 0 and "There is no file" in err
    secret.write_bytes(b"\xff\xfe\x00")
    code, _out, err = run(capsys, "--passphrase-file", str(secret), "pairs", "list")
    assert code != 0 and "not UTF-8" in err
    secret.write_bytes(b"x" * 5000)
    code, _out, err = run(capsys, "--passphrase-file", str(secret), "pairs", "list")
    assert code != 0 and "too large" in err


def test_init_with_a_passphrase_file(tmp_path, capsys, monkeypatch):
    for var in ("RM_JOURNAL_PASSPHRASE", "RM_JOURNAL_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)
    secret = tmp_path / "pass.txt"
    secret.write_text("short\n", encoding="utf-8")
    folder = str(tmp_path / "data")
    code, _out, err = run(capsys, "--data-dir", folder, "--passphrase-file", str(secret), "init")
    assert code != 0 and "Traceback" not in err  # too weak: refused in one sentence
