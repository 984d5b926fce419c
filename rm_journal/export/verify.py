"""Check a shared summary PDF: is it one we exported, and is it unchanged?

From the file alone: the attached list of agreed items is hashed again, and the
result must be the fingerprint printed on every page; every item must be on
the pages; the file must carry no active content (links, scripts, actions,
forms, other attachments). Then the sharing logs: the fingerprint must match
an export; if the SHA-256 of the whole file also matches, it is that very file.
A copy with the same agreed items but other bytes (the partner's own export,
another language, a re-saved copy) is reported as such.

Visible text is compared on a skeleton: left-to-right letters and digits the
embedded font can draw, NFC, without spaces. Right-to-left runs come out of
PDF text extraction in visual order, and glyphs the font lacks (emoji) are not
drawn at all; neither can be read back, so neither is compared.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from pypdf import PdfReader

from rm_journal.core.errors import InvalidInput
from rm_journal.core.exchange import link
from rm_journal.core.exchange import merge as xc
from rm_journal.core.exchange import payload as pl
from rm_journal.core.models import SharingRecord
from rm_journal.core.storage.fsutil import read_limited
from rm_journal.core.vault import Vault
from rm_journal.export.selection import FINGERPRINT_VERSION, short
from rm_journal.export.summary import ATTACHMENT, SIGNATURES, SIGNATURES_FORMAT
from rm_journal.export.summary_pdf import TEXTS, drawable

# the keys that make a PDF do something when opened or clicked
ACTIVE = ("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/URI", "/AcroForm", "/Annots")


class Status(enum.Enum):
    IDENTICAL = "identical"  # the very file recorded in a sharing log
    SAME_CONTENT = "same-content"  # same agreed items as a recorded export, other bytes
    UNKNOWN = "unknown"  # consistent, but no export in this vault has its fingerprint
    CHANGED = "changed"  # its pages, its list or its fingerprint disagree

    @property
    def ok(self) -> bool:
        """Only the very file passes: other bytes could draw other glyphs for the same text."""
        return self is Status.IDENTICAL


@dataclass(frozen=True)
class Signer:
    role: str  # "leader" or "mentor"
    public_key: bytes  # Ed25519


@dataclass(frozen=True)
class SummaryFile:
    """What the PDF says about itself."""

    fingerprint: str  # recomputed from the attached list ("" if there is none)
    file_sha256: str
    item_count: int
    problems: tuple[str, ...]  # why its parts disagree; empty when consistent
    link_id: bytes = b""  # a linked pair's summary: its link, and who signed it
    signers: tuple[Signer, ...] = ()


@dataclass(frozen=True)
class Verdict:
    status: Status
    summary: SummaryFile
    record: SharingRecord | None = None
    pair_id: str = ""
    signed_by: tuple[str, ...] = ()  # roles whose signature checks with the linked keys

    @property
    def message(self) -> str:
        text = self._message()
        if self.status is Status.CHANGED or not self.summary.signers:
            return text
        if len(self.signed_by) == 2:
            return text + (
                " Signed by both members of the pair, with the keys you confirmed when you "
                "linked it."
            )
        return text + " Signed by you only: your partner's signature has not arrived yet."

    def _message(self) -> str:
        fp = short(self.summary.fingerprint) if self.summary.fingerprint else ""
        if self.status is Status.CHANGED:
            return (
                "This PDF has been changed since it was exported, or was not made by rm_journal: "
                + self.summary.problems[0]
            )
        if self.status is Status.UNKNOWN:
            return (
                f"The PDF is consistent (fingerprint {fp}), but no export in this vault's "
                "sharing logs has that fingerprint."
            )
        assert self.record is not None
        when = self.record.created_at.replace("T", " ")[:16]
        if self.status is Status.IDENTICAL:
            return (
                f"This is the file exported on {when} UTC ({self.record.item_count} agreed "
                f"item(s), fingerprint {fp}); not a byte has changed."
            )
        return (
            f"Same agreed items as the summary exported on {when} UTC (fingerprint {fp}), "
            "but not the same file: another export of that summary (your partner's, another "
            "language) or a copy changed since; read its pages against your own copy."
        )


MAX_PDF_BYTES = 200 * 1024 * 1024  # far above any summary; refuse before reading it all


def read_file(path: Path) -> bytes:
    """A PDF's bytes, with a sentence for each way this can fail."""
    return read_limited(
        path,
        MAX_PDF_BYTES,
        "a PDF",
        lambda: InvalidInput("This file is far larger than any shared summary; it is not one."),
    )


def matches_in(vault: Vault, summary: SummaryFile) -> Verdict:
    """Match a PDF against the sharing logs of every pair of an unlocked vault, and its
    signatures against the keys of the pair it was signed for."""
    if summary.problems:
        return match(summary, [])
    signed_by: tuple[str, ...] = ()
    if summary.signers:
        signed_by = _signed_by_linked_pair(vault, summary)
        if not signed_by:
            problem = "it is signed with keys that are not those of a pair linked in this vault."
            return match(replace(summary, problems=(problem,)), [])
    verdict = match(summary, [(pid, vault.journal(pid).sharing_log()) for pid in vault.pair_ids()])
    return replace(verdict, signed_by=signed_by)


def _signed_by_linked_pair(vault: Vault, summary: SummaryFile) -> tuple[str, ...]:
    """The roles whose signature uses this member's key of a link or the partner's confirmed key,
    in the pair whose link the PDF names; empty if no pair has that link."""
    vault_identity = vault.identity()
    for pair_id in vault.pair_ids():
        journal = vault.journal(pair_id)
        current = link.current(journal)  # checking a PDF writes nothing
        if current is None or not current.confirmed:
            continue
        me = link.my_keys(journal, vault_identity)  # each link has keys of its own
        if link.link_id(journal, me) != summary.link_id:
            continue
        assert current.partner is not None
        expected = {
            journal.pair().profile.my_role.value: me.public.signing,
            current.partner.role.value: current.partner.keys.signing,
        }
        if all(expected.get(s.role) == s.public_key for s in summary.signers):
            return tuple(sorted(s.role for s in summary.signers))
    return ()


def _quiet_pypdf() -> None:
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)  # its messages are not for users


def is_encrypted(data: bytes) -> bool:
    _quiet_pypdf()
    try:
        return bool(PdfReader(io.BytesIO(data)).is_encrypted)
    except Exception:  # noqa: BLE001 - hostile input: read() says what is wrong with it
        return False


def read(data: bytes, password: str = "") -> SummaryFile:
    """Check a PDF against itself. Raises InvalidInput if it cannot be read at all."""
    _quiet_pypdf()
    file_sha = hashlib.sha256(data).hexdigest()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            if not password:
                raise InvalidInput("This PDF is protected by a password: give its password.")
            if not reader.decrypt(password):
                raise InvalidInput("That is not the PDF's password; check it and try again.")
        attachments = {str(name): list(data) for name, data in reader.attachments.items()}
        pages = [page.extract_text() or "" for page in reader.pages]
        active = _active_content(reader)
    except InvalidInput:
        raise
    except Exception as exc:
        # pypdf raises many kinds of errors on damaged input (PdfReadError, its
        # LimitReachedError, NotImplementedError for an unknown filter, zlib and
        # struct errors...): each one means the same thing to the person.
        raise InvalidInput("This file is not a PDF that can be read; it may be damaged.") from exc

    try:
        return _check(file_sha, attachments, pages, active)
    except Exception:  # noqa: BLE001 - a damaged file must give a verdict, not a traceback
        return SummaryFile("", file_sha, 0, ("its structure is not what rm_journal writes.",))


def _check(
    file_sha: str, attachments: dict[str, list[bytes]], pages: list[str], active: list[str]
) -> SummaryFile:
    if ATTACHMENT not in attachments or len(attachments[ATTACHMENT]) != 1:
        problem = "it carries no list of agreed items."
        return SummaryFile("", file_sha, 0, (problem,))
    listing = attachments[ATTACHMENT][0]
    fp = hashlib.sha256(listing).hexdigest()
    problems: list[str] = []
    texts = _item_texts(listing, problems)
    link_id: bytes = b""
    signers: tuple[Signer, ...] = ()
    if SIGNATURES in attachments:
        link_id, signers = _signatures(attachments[SIGNATURES], fp, problems)
    extra = sorted(set(attachments) - {ATTACHMENT, SIGNATURES})
    if extra or active:
        problems.append(
            "it carries content that was not in the export ("
            + ", ".join(str(x) for x in extra + active)
            + ")."
        )
    for number, text in enumerate(pages, start=1):
        lines = {line.strip() for line in text.splitlines()}
        if not any(t["fingerprint"] % short(fp) in lines for t in TEXTS.values()):
            problems.append(f"page {number} does not show the fingerprint {short(fp)}.")
            break
        if not any(t["page"] % (number, len(pages)) in lines for t in TEXTS.values()):
            problems.append(
                f"page {number} is not numbered {number} of {len(pages)}: pages were added, "
                "removed or moved."
            )
            break
    body = skeleton(_strip_page_furniture(pages))
    for number, text in enumerate(texts, start=1):
        if skeleton(text) not in body:
            problems.append(f"agreed item {number} is not on the pages as it was agreed.")
            break
    return SummaryFile(fp, file_sha, len(texts), tuple(problems), link_id, signers)


def _signatures(
    copies: list[bytes], fp: str, problems: list[str]
) -> tuple[bytes, tuple[Signer, ...]]:
    """The signers whose signature over this very fingerprint checks with their key."""
    bad = "its signatures do not match its agreed items."
    try:
        (raw,) = copies
        document = json.loads(raw.decode("utf-8"))
        if document["format"] != SIGNATURES_FORMAT or document["fingerprint"] != fp:
            raise ValueError
        link_id = bytes.fromhex(document["link"])
        entries = document["signatures"]
        if len(link_id) != 32 or not 1 <= len(entries) <= 2:
            raise ValueError
        signers = []
        for entry in entries:
            key = base64.b64decode(entry["key"], validate=True)
            signature = pl.SignatureItem(fp, base64.b64decode(entry["signature"], validate=True))
            if entry["role"] not in ("leader", "mentor") or len(key) != 32:
                raise ValueError
            if not xc.verify_summary(key, link_id, signature):
                raise ValueError
            signers.append(Signer(entry["role"], key))
        if len({s.role for s in signers}) != len(signers):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, binascii.Error):
        problems.append(bad)
        return b"", ()
    return link_id, tuple(signers)


def match(summary: SummaryFile, logs: Iterable[tuple[str, list[SharingRecord]]]) -> Verdict:
    """Find the export a consistent PDF comes from in the pairs' sharing logs."""
    if summary.problems:
        return Verdict(Status.CHANGED, summary)
    same_content: tuple[str, SharingRecord] | None = None
    for pair_id, records in logs:
        for record in records:
            if record.fingerprint != summary.fingerprint:
                continue
            if record.file_sha256 == summary.file_sha256:
                return Verdict(Status.IDENTICAL, summary, record, pair_id)
            same_content = same_content or (pair_id, record)
    if same_content:
        return Verdict(Status.SAME_CONTENT, summary, same_content[1], same_content[0])
    return Verdict(Status.UNKNOWN, summary)


def _item_texts(listing: bytes, problems: list[str]) -> list[str]:
    try:
        document = json.loads(listing.decode("utf-8"))
        if document.get("format") != FINGERPRINT_VERSION:
            raise ValueError
        return [str(row[1]) for row in document["items"]]
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        problems.append("its list of agreed items is not in rm_journal's format.")
        return []


def _active_content(reader: PdfReader) -> list[str]:
    found: set[str] = set()
    root = reader.root_object
    for key in ACTIVE:
        if key in root:
            found.add(key)
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        found.add("/JavaScript")
    for page in reader.pages:
        for key in ("/Annots", "/AA"):
            if key in page:
                found.add(key)
    return sorted(found)


def _strip_page_furniture(pages: list[str]) -> str:
    """Page text without the header and footer lines that interrupt an item across pages."""
    furniture = {t["header"] for t in TEXTS.values()}
    patterns = [re.escape(t["fingerprint"] % "") + "[0-9A-F ]+" for t in TEXTS.values()] + [
        re.escape(t["page"]).replace("%d", r"\d+") for t in TEXTS.values()
    ]
    pattern = re.compile("^(?:" + "|".join(patterns) + ")$")
    kept = []
    for text in pages:
        for line in text.splitlines():
            stripped = line.strip()
            if stripped in furniture or pattern.match(stripped):
                continue
            kept.append(line)
    return "\n".join(kept)


def skeleton(text: str) -> str:
    """The characters that survive a trip through the PDF in order (see the module doc)."""
    glyphs = drawable()
    return "".join(
        ch
        for ch in unicodedata.normalize("NFC", text)
        if ord(ch) in glyphs
        and ord(ch) <= 0xFFFF
        and unicodedata.bidirectional(ch) in {"L", "EN"}
        and not ch.isspace()
    )
