"""A shared summary from choice to file: prepare, preview, write, record.

``prepare`` turns the user's choices into the exact paragraphs of the PDF; the
preview is made of those same paragraphs, so what the user reads before saying
yes is what leaves the device. ``write`` renders them, attaches the list of
agreed items in the canonical form the fingerprint is computed over (so
``verify-pdf`` can recompute it from the file alone), encrypts if asked,
writes atomically and appends the export to the pair's sharing log with the
SHA-256 of the file as written.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rm_journal.core import logs
from rm_journal.core import validate as v
from rm_journal.core.exchange import link
from rm_journal.core.exchange import merge as xc
from rm_journal.core.exchange.identity import Identity
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import PairProfile, SharingRecord
from rm_journal.core.storage.fsutil import atomic_write
from rm_journal.export.selection import Selection, canonical, fingerprint, select
from rm_journal.export.summary_pdf import (
    Block,
    SummaryOptions,
    finish,
    format_period,
    has_rtl,
    layout,
    preview_text,
    render,
    undrawable,
)

ATTACHMENT = "agreed-items.json"  # the canonical list the fingerprint is the SHA-256 of
SIGNATURES = "signatures.json"  # linked pairs: each member's signature over the fingerprint
SIGNATURES_FORMAT = "rm_journal-summary-signatures-v1"
KIND = "pdf"


@dataclass(frozen=True)
class SummaryRequest:
    """What the user chose in the export dialog or on the command line."""

    session_uuids: tuple[str, ...] | None = None  # None: every session (within the dates)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str = ""  # "en" or "fr"; empty: the pair's language
    leader_name: str = ""  # names or aliases, only if the user typed them
    mentor_name: str = ""
    include_program: bool = True
    signatures: bool = True


@dataclass(frozen=True)
class PreparedSummary:
    selection: Selection
    fingerprint: str
    options: SummaryOptions
    blocks: list[Block] = field(repr=False)
    # a linked pair's summary: the link id, and the signatures of its members over
    # this fingerprint (this member's always, the partner's once it has arrived)
    link_id: bytes = b""
    signatures: tuple[xc.SummarySignature, ...] = ()

    def signatures_document(self) -> bytes:
        return json.dumps(
            {
                "format": SIGNATURES_FORMAT,
                "link": self.link_id.hex(),
                "fingerprint": self.fingerprint,
                "signatures": [
                    {
                        "role": s.role.value,
                        "key": base64.b64encode(s.public_key).decode(),
                        "signature": base64.b64encode(s.signature).decode(),
                    }
                    for s in self.signatures
                ],
            },
            sort_keys=True,
            separators=(",", ":"),
        ).encode()

    @property
    def item_count(self) -> int:
        return len(self.selection.items)

    @property
    def texts(self) -> list[str]:
        return [i.text for i in self.selection.items] + [
            self.options.leader_name,
            self.options.mentor_name,
            self.options.program,
        ]

    def warnings(self) -> list[str]:
        """What will not print as typed, in English (the GUI words it itself)."""
        found = []
        missing = undrawable(self.texts)
        if missing:
            found.append(
                f"The PDF's font cannot draw these characters; they will show as empty boxes: "
                f"{' '.join(missing[:20])}"
            )
        if has_rtl(self.texts):
            found.append(
                "Right-to-left text (Arabic, Hebrew) is printed in typing order, not shaped."
            )
        return found

    def preview(self) -> str:
        """Exactly the words the PDF will carry, page header and fingerprint included."""
        return preview_text(self.blocks, self.fingerprint, self.options)

    def pdf(self, password: str | None = None) -> bytes:
        """The PDF with the agreed items attached for verification, encrypted if asked.

        One pypdf pass does both: AES-256 (revision 6), since reportlab's own
        encryption is RC4 or the deprecated revision 5.
        """
        attachments = {ATTACHMENT: canonical(self.selection.items)}
        if self.signatures:
            attachments[SIGNATURES] = self.signatures_document()
        return finish(self._rendered(), attachments=attachments, password=password)

    def _rendered(self) -> bytes:
        return render(self.blocks, self.fingerprint, self.options)


def prepare(
    journal: Journal, request: SummaryRequest, signer: Identity | None = None
) -> PreparedSummary:
    """The summary's paragraphs; with ``signer`` (this vault's keys) and a linked pair,
    signed by this member and by the partner if their signature of it has arrived."""
    for name in (request.leader_name, request.mentor_name):
        v.short_text(name, "name printed on the summary")
    profile: PairProfile = journal.pair().profile
    selection = select(
        journal,
        session_uuids=request.session_uuids,
        date_from=request.date_from,
        date_to=request.date_to,
    )
    language = request.language or profile.language.value
    days = [d for s in selection.sessions if (d := s.held_date or s.planned_date)]
    options = SummaryOptions(
        language=language,
        leader_name=request.leader_name.strip(),
        mentor_name=request.mentor_name.strip(),
        program=profile.program if request.include_program else "",
        period=format_period(days, language),
        signatures=request.signatures,
    )
    fp = fingerprint(selection.items)
    link_id, signatures = _signatures(journal, fp, signer) if selection.items else (b"", ())
    return PreparedSummary(selection, fp, options, layout(selection, options), link_id, signatures)


def _signatures(
    journal: Journal, fp: str, signer: Identity | None
) -> tuple[bytes, tuple[xc.SummarySignature, ...]]:
    if signer is None or not link.is_confirmed(journal):
        return b"", ()
    signer = link.my_keys(journal, signer)  # the link's own keys, the vault's for an old link
    link_id = link.link_id(journal, signer)
    assert link_id is not None
    mine = xc.sign_summary(signer, link_id, fp)
    role = journal.pair().profile.my_role
    partner = [s for s in xc.summary_signatures(journal, fp) if s.role is not role]
    me = xc.SummarySignature(fp, role, signer.public.signing, mine.signature)
    return link_id, tuple(sorted([me, *partner], key=lambda s: s.role.value))


def default_file_name(language: str, today: dt.date | None = None) -> str:
    """A name that says what the file is and names nobody."""
    day = (today or dt.date.today()).isoformat()
    stem = "synthese-partagee" if language == "fr" else "shared-summary"
    return f"{stem}-{day}.pdf"


def encode(prepared: PreparedSummary, password: str | None = None) -> bytes:
    """The file's bytes: rendered, with its list of items attached, encrypted if asked."""
    return prepared.pdf(password)


def record(
    journal: Journal,
    prepared: PreparedSummary,
    path: Path,
    data: bytes,
    *,
    encrypted: bool,
    description: str = "",
) -> SharingRecord:
    """Append a written export to the pair's sharing log.

    ``description`` is the log's line in the user's language; by default an
    English one is made up.
    """
    if not description:
        description = (
            f"Shared summary: {prepared.item_count} agreed item(s), "
            f"{len(prepared.selection.sessions)} session(s)"
            + (", password-protected" if encrypted else "")
        )
    return journal.record_sharing(
        KIND,
        description,
        path.name,
        prepared.fingerprint,
        prepared.item_count,
        hashlib.sha256(data).hexdigest(),
    )


def write(
    journal: Journal,
    prepared: PreparedSummary,
    path: Path,
    *,
    password: str | None = None,
    description: str = "",
) -> SharingRecord:
    """Write the file atomically, then record it in the pair's sharing log."""
    data = encode(prepared, password)
    atomic_write(path, data)
    logs.info("summary written: %d bytes, encrypted %s", len(data), bool(password))
    return record(journal, prepared, path, data, encrypted=bool(password), description=description)
