"""export-pdf and verify-pdf from the command line, on a real vault and real files."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from rm_journal.cli import common
from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.cli.conftest import run
from tests.conftest import HANG_S, PASSPHRASE, PYTHON, profile, subprocess_env


@pytest.fixture
def shared(cheap_vault):
    """One pair with an agreed takeaway in session 1 and another in session 2."""
    root, _ = cheap_vault
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.add_pair(profile("Inès", Role.LEADER)).pair_id)
        for number, text in ((1, "Premier accord"), (2, "Second accord")):
            s = start_session(
                journal, builtin("regular-session"), planned_date=dt.date(2026, number, 10)
            )
            journal.add_takeaway(
                text, Role.LEADER, session_uuid=s.uuid, status=TakeawayStatus.AGREED
            )
            journal.add_takeaway(f"Brouillon {number}", Role.LEADER, session_uuid=s.uuid)
    return root


def test_preview_writes_nothing_and_shows_only_agreed_items(shared, capsys, tmp_path):
    target = tmp_path / "x.pdf"
    code, out, err = run(
        capsys, "export-pdf", "1", "--preview", "--sessions", "2", "-o", str(target)
    )
    assert code == 0, err
    assert "Second accord" in out and "Premier accord" not in out and "Brouillon" not in out
    assert "Empreinte" in out and not target.exists()  # the pair's language: French


def test_export_then_verify_then_change(shared, capsys, tmp_path):
    target = tmp_path / "summary.pdf"
    code, out, err = run(capsys, "export-pdf", "1", "-o", str(target), "--language", "fr")
    assert code == 0, err
    assert "2 agreed item(s)" in out and "sharing log" in out
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Premier accord" in text and "Brouillon" not in text and "Inès" not in text
    code, out, err = run(capsys, "verify-pdf", str(target))
    assert code == 0 and "not a byte has changed" in out, err

    code, _, err = run(capsys, "export-pdf", "1", "-o", str(target))
    assert code == common.EXIT_USAGE and "already exists" in err

    raw = bytearray(target.read_bytes())
    raw[len(raw) // 3] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(raw))
    code, out, err = run(capsys, "verify-pdf", str(changed))
    assert code in {common.EXIT_USAGE, common.EXIT_PROBLEMS_FOUND, common.EXIT_SAME_CONTENT}
    assert "not a byte has changed" not in out and "Traceback" not in out + err


def test_generated_password_round_trip(shared, capsys, tmp_path, monkeypatch):
    target = tmp_path / "locked.pdf"
    code, out, err = run(capsys, "export-pdf", "1", "-o", str(target), "--generate-password")
    assert code == 0, err
    password = re.search(r"^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+)$", out, re.M).group(1)
    assert PdfReader(target).is_encrypted
    code, _, err = run(capsys, "verify-pdf", str(target))
    assert code == common.EXIT_USAGE and "password" in err
    monkeypatch.setenv("RM_JOURNAL_PDF_PASSWORD", "not it at all")
    code, _, err = run(capsys, "verify-pdf", str(target))
    assert code == common.EXIT_USAGE and "not the PDF's password" in err
    monkeypatch.setenv("RM_JOURNAL_PDF_PASSWORD", password)
    code, out, err = run(capsys, "verify-pdf", str(target))
    assert code == 0 and "not a byte has changed" in out, err


def test_short_pdf_password_refused(shared, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RM_JOURNAL_PDF_PASSWORD", "short")
    code, _, err = run(capsys, "export-pdf", "1", "-o", str(tmp_path / "s.pdf"))
    assert code == common.EXIT_USAGE and "12 characters" in err
    assert not (tmp_path / "s.pdf").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export-pdf", "1", "--sessions", "9"], "None of those sessions"),
        (["export-pdf", "1", "--sessions", "a-b"], "Sessions are numbers"),
        (["export-pdf", "1", "--from", "March"], "YYYY-MM-DD"),
        (["export-pdf", "7"], "No pair '7'"),
        (["verify-pdf", "/nonexistent/x.pdf"], "There is no file"),
    ],
)
def test_bad_requests_get_one_sentence(shared, capsys, argv, expected):
    code, _out, err = run(capsys, *argv)
    assert code != 0 and expected in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_verify_a_file_that_is_not_ours(shared, capsys, tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\nnot really\n")
    code, _, err = run(capsys, "verify-pdf", str(junk))
    assert code == common.EXIT_USAGE and "not a PDF that can be read" in err


def test_export_in_a_real_process(shared, tmp_path):
    """The installed entry point, end to end, prints no warning from the PDF libraries."""
    env = subprocess_env(tmp_path, RM_JOURNAL_DATA_DIR=str(shared))
    env["RM_JOURNAL_PASSPHRASE"] = PASSPHRASE
    target = tmp_path / "p.pdf"
    for argv in (["export-pdf", "1", "-o", str(target)], ["verify-pdf", str(target)]):
        done = subprocess.run(
            [PYTHON, "-m", "rm_journal", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG_S,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    assert PdfReader(io.BytesIO(target.read_bytes())).pages
