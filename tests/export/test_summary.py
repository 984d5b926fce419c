"""A shared summary end to end: real journal, real PDF written, parsed back, verified."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import secrets
import zlib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, RectangleObject

from rm_journal.core.errors import InvalidInput, StorageUnavailable
from rm_journal.core.models import Attribution, Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import summary, verify
from rm_journal.export.selection import short
from rm_journal.export.summary_pdf import generate_password
from rm_journal.templates.library import builtin, start_session
from tests.conftest import CHEAP_KDF, profile

AGREED = ["Différer les mails du soir : « pas urgent »", "Ask before deciding — œ € 😀 مرحبا"]
ACTION = "Programmer les envois du soir"


def canary() -> str:
    return f"Canari{secrets.token_hex(6)}"


@pytest.fixture
def pair(vault):
    """A journal with two agreed takeaways, one shared action, and canaries everywhere else."""
    journal = vault.journal(vault.add_pair(profile("Inès Canari", Role.LEADER)).pair_id)
    hidden: list[str] = []

    def c() -> str:
        hidden.append(canary())
        return hidden[-1]

    s1 = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 1, 10))
    journal.set_fields(
        s1.uuid,
        {
            "notes": c(),
            "takeaways": [
                {"text": AGREED[0], "status": "agreed"},
                {"text": c(), "status": "proposed"},
                {"text": c(), "status": "private"},
                {"text": c(), "status": "dropped"},
            ],
            "actions": [{"text": ACTION, "owner": "leader", "due_date": "2026-02-01"}],
        },
    )
    journal.add_takeaway(AGREED[1], Role.MENTOR, session_uuid=s1.uuid, status=TakeawayStatus.AGREED)
    journal.add_takeaway(
        c(),
        Role.MENTOR,
        session_uuid=s1.uuid,
        status=TakeawayStatus.AGREED,
        attribution=Attribution.NEVER,
    )
    dropped = journal.add_action(c(), "both", session_uuid=s1.uuid)
    journal.update_action(replace(dropped, dropped_on=dt.date(2026, 1, 20)))
    reflection = start_session(journal, builtin("leader-reflection"), number=1)
    journal.set_fields(
        reflection.uuid, {"surprised": c(), "commitments": [{"text": c(), "owner": "leader"}]}
    )
    other = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 3, 1))
    journal.set_fields(other.uuid, {"takeaways": [{"text": c(), "status": "agreed"}]})
    return vault, journal, [s1.uuid, reflection.uuid], hidden


def every_string(pdf: bytes, password: str = "") -> str:
    """Everything a PDF holds, streams inflated: text, metadata, fonts, attachments."""
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        assert reader.decrypt(password)
    parts = [repr(reader.metadata)]
    for number in range(1, len(reader.xref_objStm) + 4096):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if obj is None:
            continue
        parts.append(repr(obj))
        if hasattr(obj, "get_data"):
            parts.append(obj.get_data().decode("utf-8", "replace"))
    return "\n".join(parts)


def text_of(pdf: bytes, password: str = "") -> str:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return "\n".join(p.extract_text() for p in reader.pages)


def logs(vault):
    return [(pid, vault.journal(pid).sharing_log()) for pid in vault.pair_ids()]


def test_only_agreed_items_leave_and_the_export_is_logged(pair, tmp_path):
    vault, journal, chosen, hidden = pair
    prepared = summary.prepare(journal, summary.SummaryRequest(session_uuids=tuple(chosen)))
    path = tmp_path / "out.pdf"
    record = summary.write(journal, prepared, path)
    pdf = path.read_bytes()
    text = " ".join(text_of(pdf).split())
    for expected in (*[t.replace(" 😀", "") for t in AGREED[:1]], ACTION, "Ask before deciding"):
        assert expected in text
    everything = every_string(pdf) + prepared.preview()
    leaked = [h for h in hidden if h in everything]
    assert not leaked
    assert "Canari" not in everything  # not even the pair's name: none was chosen
    assert record.fingerprint == prepared.fingerprint and record.item_count == 3
    assert journal.sharing_log()[-1] == record
    assert os.stat(path).st_mode & 0o077 == 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    verdict = verify.match(verify.read(pdf), logs(vault))
    assert verdict.status is verify.Status.IDENTICAL, verdict.message
    assert short(record.fingerprint) in verdict.message


def test_preview_is_exactly_the_text_of_the_pdf(pair, tmp_path):
    _vault, journal, _chosen, _hidden = pair
    for language in ("en", "fr"):
        request = summary.SummaryRequest(
            language=language, leader_name="Jeanne", mentor_name="Inès", signatures=True
        )
        prepared = summary.prepare(journal, request)
        preview_lines = prepared.preview().splitlines()
        body_preview = "\n".join(preview_lines[1:-1])  # without the page header and footer
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(prepared.pdf())).pages]
        body_pdf = verify._strip_page_furniture(pages)
        assert verify.skeleton(body_preview) == verify.skeleton(body_pdf)
        assert preview_lines[0] in pages[0] and preview_lines[-1] in pages[-1]
        assert "Jeanne" in body_pdf and "Inès" in body_pdf


def test_same_agreement_same_fingerprint_on_two_machines(tmp_path):
    """Two vaults (leader's, mentor's): other keys, ids, order, language and names."""
    prepared, vaults = [], []
    for side, order, role, language in (
        ("leader", [0, 1, 2], Role.LEADER, "fr"),
        ("mentor", [2, 0, 1], Role.MENTOR, "en"),
    ):
        dd = DataDir.acquire(tmp_path / side)
        vault, _ = Vault.create(dd, f"{side} passphrase here", kdf_params_for_tests=CHEAP_KDF)
        vaults.append((dd, vault))
        j = vault.journal(vault.add_pair(profile(side.title(), role)).pair_id)
        s = start_session(j, builtin("regular-session"), planned_date=dt.date(2026, 1, 10))
        texts = [AGREED[0], AGREED[1], "  Écouter   avant de\nrépondre "]
        # the mentor typed the third one with other spaces and a decomposed É
        if side == "mentor":
            texts[2] = "Écouter avant de répondre".replace("É", "E\u0301")
        for i in order:
            j.add_takeaway(
                texts[i],
                Role.LEADER,
                session_uuid=s.uuid,
                status=TakeawayStatus.AGREED,
                agreed_on=dt.date(2026, 1, 10),
            )
        request = summary.SummaryRequest(
            language=language, leader_name="X" if side == "mentor" else ""
        )
        prepared.append(summary.prepare(j, request))
    leader, mentor = prepared
    assert leader.fingerprint == mentor.fingerprint
    assert leader.preview() != mentor.preview()  # other language, other names: same items
    leader_vault = vaults[0][1]
    summary.write(leader_vault.journal(leader_vault.pair_ids()[0]), leader, tmp_path / "l.pdf")
    verdict = verify.matches_in(leader_vault, verify.read(mentor.pdf()))
    assert verdict.status is verify.Status.SAME_CONTENT, verdict.message
    for dd, vault in vaults:
        vault.lock()
        dd.release()


def test_password_gives_aes_256_and_hides_even_the_attachment(pair, tmp_path):
    _vault, journal, _chosen, _hidden = pair
    password = generate_password()
    prepared = summary.prepare(journal, summary.SummaryRequest())
    path = tmp_path / "locked.pdf"
    summary.write(journal, prepared, path, password=password)
    pdf = path.read_bytes()
    encryption = PdfReader(io.BytesIO(pdf)).trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)
    assert b"Programmer" not in pdf and "Programmer" not in _inflated(pdf)
    with pytest.raises(InvalidInput, match="password"):
        verify.read(pdf)
    with pytest.raises(InvalidInput, match="not the PDF's password"):
        verify.read(pdf, "wrong password here")
    found = verify.read(pdf, password)
    assert found.fingerprint == prepared.fingerprint and not found.problems
    assert ACTION in text_of(pdf, password)


def _inflated(pdf: bytes) -> str:
    """Raw stream bytes inflated where they inflate, without decrypting anything."""
    out = []
    for chunk in pdf.split(b"stream")[1:]:
        try:
            out.append(zlib.decompressobj().decompress(chunk.lstrip(b"\r\n")).decode("latin-1"))
        except zlib.error:
            continue
    return "".join(out)


def _rewritten(pdf: bytes, change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_link(writer: PdfWriter) -> None:
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): RectangleObject([0, 0, 10, 10]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])


def _swap_attachment(writer: PdfWriter) -> None:
    writer._root_object.pop("/Names")
    writer.add_attachment(summary.ATTACHMENT, b'{"format":"rm_journal-summary-v1","items":[]}')


def _extra_page(writer: PdfWriter) -> None:
    writer.add_blank_page()


def _drop_page(writer: PdfWriter) -> None:
    writer.remove_page(0)


@pytest.mark.parametrize("change", [_add_link, _swap_attachment, _extra_page, _drop_page])
def test_changed_pdfs_are_detected(pair, tmp_path, change):
    vault, journal, _chosen, _hidden = pair
    path = tmp_path / "s.pdf"
    summary.write(journal, summary.prepare(journal, summary.SummaryRequest()), path)
    if change is _drop_page:  # make it a few pages long first
        session = journal.sessions()[0].uuid
        for n in range(80):
            journal.add_takeaway(
                f"Point {n}", Role.LEADER, session_uuid=session, status=TakeawayStatus.AGREED
            )
        summary.write(journal, summary.prepare(journal, summary.SummaryRequest()), path)
    changed = _rewritten(path.read_bytes(), change)
    verdict = verify.match(verify.read(changed), logs(vault))
    assert verdict.status is verify.Status.CHANGED, verdict.message
    assert verdict.message.startswith("This PDF has been changed")


@pytest.mark.slow
def test_any_flipped_byte_is_never_reported_as_the_same_file(pair, tmp_path):
    vault, journal, _chosen, _hidden = pair
    path = tmp_path / "s.pdf"
    summary.write(journal, summary.prepare(journal, summary.SummaryRequest()), path)
    pdf = path.read_bytes()
    rng = random.Random(7)  # seeded: the same 300 flips on every run
    for _ in range(300):
        flipped = bytearray(pdf)
        flipped[rng.randrange(len(pdf))] ^= 1 << rng.randrange(8)
        try:
            verdict = verify.match(verify.read(bytes(flipped)), logs(vault))
        except InvalidInput:
            continue  # no longer a readable PDF: said so
        assert verdict.status is not verify.Status.IDENTICAL


def test_a_pdf_from_elsewhere_is_unknown_or_refused(vault, tmp_path, pair):
    _vault, journal, _chosen, _hidden = pair
    prepared = summary.prepare(journal, summary.SummaryRequest())
    unrecorded = verify.match(verify.read(prepared.pdf()), [])
    assert unrecorded.status is verify.Status.UNKNOWN
    foreign = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(foreign)
    assert verify.read(foreign.getvalue()).problems
    for junk in (b"", b"%PDF-1.7\n", b"hello", os.urandom(2048)):
        with pytest.raises(InvalidInput):
            verify.read(junk)


def test_a_failed_write_records_nothing_and_leaves_nothing(pair, tmp_path):
    _vault, journal, _chosen, _hidden = pair
    before = journal.sharing_log()
    out = tmp_path / "out"
    taken = out / "taken.pdf"  # a folder where the file should go: the rename fails
    (taken / "inside").mkdir(parents=True)
    with pytest.raises(StorageUnavailable):
        summary.write(journal, summary.prepare(journal, summary.SummaryRequest()), taken)
    assert journal.sharing_log() == before
    assert [p.name for p in out.iterdir()] == ["taken.pdf"]


def test_default_file_name_names_nobody():
    assert (
        summary.default_file_name("fr", dt.date(2026, 3, 1)) == "synthese-partagee-2026-03-01.pdf"
    )
    assert summary.default_file_name("en", dt.date(2026, 3, 1)) == "shared-summary-2026-03-01.pdf"


TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300
).filter(lambda t: t.strip())


@pytest.mark.slow
@settings(max_examples=40)
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_any_agreed_text_round_trips_through_verification(vault, texts):
    journal = vault.journal(vault.add_pair(profile()).pair_id)
    s = start_session(journal, builtin("regular-session"), planned_date=dt.date(2026, 1, 10))
    for text in texts:
        journal.add_takeaway(text, Role.LEADER, session_uuid=s.uuid, status=TakeawayStatus.AGREED)
    prepared = summary.prepare(journal, summary.SummaryRequest())
    found = verify.read(prepared.pdf())
    assert not found.problems, found.problems
    assert found.fingerprint == prepared.fingerprint


def test_a_full_disk_during_an_export_leaves_no_file_and_no_log_entry(pair, tmp_path):
    import resource
    import signal

    from rm_journal.core.errors import StorageUnavailable

    _vault, journal, chosen, _hidden = pair
    prepared = summary.prepare(journal, summary.SummaryRequest(session_uuids=tuple(chosen)))
    logged = journal.sharing_log()
    out = tmp_path / "exports"
    out.mkdir()
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, hard))  # far less than one PDF
    try:
        with pytest.raises(StorageUnavailable) as full:
            summary.write(journal, prepared, out / "summary.pdf", password="a long password")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert str(full.value).startswith("Could not write summary.pdf: the disk is full.")
    assert list(out.iterdir()) == []  # neither the file nor a temporary one
    assert journal.sharing_log() == logged
    summary.write(journal, prepared, out / "summary.pdf", password="a long password")
    assert journal.sharing_log()[-1].file_name == "summary.pdf"
