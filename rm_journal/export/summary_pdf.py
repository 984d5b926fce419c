"""The shared summary as a PDF, built in memory with reportlab's platypus.

Everything a person wrote is escaped before it reaches reportlab's paragraph
markup (which would otherwise embed local files with <img> or make live links
with <a>), and long texts are cut into paragraphs of a couple of thousand
characters so layout stays fast. DejaVu Sans is embedded so French typography
and most scripts render; glyphs it lacks (emoji) show as a blank, never a crash.
The metadata carries a generic title and nothing private.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from rm_journal.export.selection import Selection, SharedItem, short

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
CHUNK = 2000
# no 0/O, 1/I/L: read aloud safely
PASSWORD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # noqa: S105 - an alphabet, not a password

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Reverse mentoring — shared summary",
        "header": "Confidential — shared by agreement",
        "program": "Program",
        "period": "Period",
        "takeaways": "What we agreed on",
        "actions": "What we committed to",
        "session": "Session %s",
        "owner": {"leader": "the leader", "mentor": "the mentor", "both": "both of us"},
        "by": "proposed by %s",
        "due": "due %s",
        "agreed": "agreed on %s",
        "none": "No agreed item in the chosen sessions.",
        "fingerprint": "Fingerprint %s",
        "page": "Page %d",
        "signatures": ("The leader", "The mentor"),
    },
    "fr": {
        "title": "Mentorat inversé — synthèse partagée",
        "header": "Confidentiel — partagé d’un commun accord",
        "program": "Programme",
        "period": "Période",
        "takeaways": "Ce sur quoi nous sommes d’accord",
        "actions": "Nos engagements",
        "session": "Séance %s",
        "owner": {"leader": "le dirigeant", "mentor": "le mentor", "both": "nous deux"},
        "by": "proposé par %s",
        "due": "échéance %s",
        "agreed": "validé le %s",
        "none": "Aucun élément validé dans les séances choisies.",
        "fingerprint": "Empreinte %s",
        "page": "Page %d",
        "signatures": ("Le dirigeant", "Le mentor"),
    },
}


@dataclass(frozen=True)
class SummaryOptions:
    language: str = "en"
    pair_label: str = ""  # as the user chose to name the pair; empty to name no one
    program: str = ""
    period: str = ""
    signatures: bool = False


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("rm_journal.export") / "fonts"
    with resources.as_file(folder / "DejaVuSans.ttf") as regular:
        pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    with resources.as_file(folder / "DejaVuSans-Bold.ttf") as bold:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))


def safe(text: str) -> list[str]:
    """User text as escaped paragraph chunks: markup is shown, never interpreted."""
    cleaned = "".join(ch for ch in text if ch >= " " or ch in "\n\t")  # no control chars
    chunks, rest = [], cleaned
    while len(rest) > CHUNK:
        cut = rest.rfind(" ", 0, CHUNK)
        cut = cut if cut > CHUNK // 2 else CHUNK
        chunks.append(rest[:cut])
        rest = rest[cut:].lstrip()
    chunks.append(rest)
    return [escape(c).replace("\n", "<br/>") for c in chunks]


def build(selection: Selection, fingerprint: str, options: SummaryOptions) -> bytes:
    register_fonts()
    t = TEXTS["fr" if options.language == "fr" else "en"]
    styles = {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=6),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=FONT, fontSize=11, leading=15, textColor=colors.HexColor("#444444")
        ),
        "h2": ParagraphStyle(
            "h2", fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=14, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3",
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            textColor=colors.HexColor("#555555"),
        ),
        "item": ParagraphStyle(
            "item",
            fontName=FONT,
            fontSize=11,
            leading=15,
            leftIndent=12,
            bulletIndent=0,
            alignment=TA_LEFT,
        ),
        "meta": ParagraphStyle(
            "meta",
            fontName=FONT,
            fontSize=9,
            leading=12,
            leftIndent=12,
            textColor=colors.HexColor("#666666"),
            spaceAfter=4,
        ),
    }
    story: list[Any] = [Paragraph(escape(t["title"]), styles["title"])]
    colon = "\u00a0: " if options.language == "fr" else ": "  # French: space before colon
    for label, value in (
        (None, options.pair_label),
        (t["program"], options.program),
        (t["period"], options.period),
    ):
        if value:
            text = escape(value) if label is None else escape(label) + colon + escape(value)
            story.append(Paragraph(text, styles["subtitle"]))
    story.append(Spacer(1, 6 * mm))
    if not selection.items:
        story.append(Paragraph(escape(t["none"]), styles["item"]))
    for heading, items in (
        (t["takeaways"], selection.takeaways),
        (t["actions"], selection.actions),
    ):
        if not items:
            continue
        story.append(Paragraph(escape(heading), styles["h2"]))
        current: tuple[int | None, object] | None = None
        for item in items:
            key = (item.session_number, item.session_day)
            if key != current:
                current = key
                day = f" · {item.session_day.isoformat()}" if item.session_day else ""
                story.append(
                    Paragraph(
                        escape(t["session"] % item.session_number) + escape(day), styles["h3"]
                    )
                )
            story.extend(_item(item, t, styles))
    if options.signatures:
        story.append(Spacer(1, 16 * mm))
        for who in t["signatures"]:
            story.append(Paragraph(escape(who) + colon + "_" * 32, styles["subtitle"]))
            story.append(Spacer(1, 10 * mm))

    short_print = short(fingerprint)

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#777777"))
        width, height = A4
        canvas.drawString(20 * mm, height - 12 * mm, t["header"])
        canvas.drawString(20 * mm, 10 * mm, t["fingerprint"] % short_print)
        canvas.drawRightString(width - 20 * mm, 10 * mm, t["page"] % doc.page)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=t["title"],
        author="",
        subject="",
        creator="rm_journal",
        keywords="",
        invariant=True,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _item(item: SharedItem, t: dict[str, Any], styles: dict[str, ParagraphStyle]) -> list[Any]:
    chunks = safe(item.text)
    flow: list[Any] = [Paragraph(chunks[0], styles["item"], bulletText="•")]
    flow += [Paragraph(c, styles["item"]) for c in chunks[1:]]
    meta = []
    if item.kind == "takeaway":
        if item.owner:
            meta.append(t["by"] % t["owner"].get(item.owner, item.owner))
        if item.day:
            meta.append(t["agreed"] % item.day.isoformat())
    else:
        meta.append(t["owner"].get(item.owner, item.owner))
        if item.day:
            meta.append(t["due"] % item.day.isoformat())
    if meta:
        flow.append(Paragraph(escape(" · ".join(meta)), styles["meta"]))
    return flow


def generate_password() -> str:
    """21 symbols of a 31-letter alphabet (104 bits), in groups of four, easy to read out."""
    symbols = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_SYMBOLS))
    return "-".join(symbols[i : i + 4] for i in range(0, len(symbols), 4))


PASSWORD_SYMBOLS = 21  # log2(31) * 21 = 104 bits: PDF passwords get no slow KDF


def encrypt(pdf: bytes, password: str) -> bytes:
    """AES-256 (PDF 2.0, revision 6) with pypdf; reportlab's own is RC4 or deprecated."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
