"""The shared summary as a PDF, built in memory with reportlab's platypus.

Everything a person wrote is escaped before it reaches reportlab's paragraph
markup (which would otherwise embed local files with <img> or make live links
with <a>), and long texts are cut into paragraphs of a couple of thousand
characters so layout stays fast. DejaVu Sans is embedded so French typography
and most scripts render; glyphs it lacks (emoji) show as a blank, never a crash.
The metadata carries a generic title and nothing private.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
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
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate

from rm_journal.export.selection import Selection, SharedItem, short

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
GREY = colors.HexColor("#777777")
RULE = colors.HexColor("#9aa5b1")
CHUNK = 2000
# no 0/O, 1/I/L: read aloud safely
PASSWORD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # noqa: S105 - an alphabet, not a password

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Reverse mentoring — shared summary",
        "header": "Confidential — shared by agreement",
        "leader": "Leader",
        "mentor": "Mentor",
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
        "page": "Page %d of %d",
        "signatures": ("The leader", "The mentor"),
    },
    "fr": {
        "title": "Mentorat inversé — synthèse partagée",
        "header": "Confidentiel — partagé d’un commun accord",
        "leader": "Dirigeant",
        "mentor": "Mentor",
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
        "page": "Page %d sur %d",
        "signatures": ("Le dirigeant", "Le mentor"),
    },
}


@dataclass(frozen=True)
class SummaryOptions:
    language: str = "en"
    leader_name: str = ""  # names or aliases as the user chose; empty to name no one
    mentor_name: str = ""
    program: str = ""
    period: str = ""
    signatures: bool = False

    def texts(self) -> dict[str, Any]:
        return TEXTS["fr" if self.language == "fr" else "en"]


@dataclass(frozen=True)
class Block:
    """One paragraph of the summary: the PDF and the preview are made of the same blocks."""

    style: str  # title | subtitle | rule | h2 | h3 | item | meta | signature | empty
    text: str


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}


def format_date(day: dt.date, language: str) -> str:
    """20 January 2026 / 20 janvier 2026 (1er janvier): what a reader expects on paper."""
    lang = "fr" if language == "fr" else "en"
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {MONTHS[lang][day.month - 1]} {day.year}"


def format_period(days: list[dt.date], language: str) -> str:
    if not days:
        return ""
    first, last = min(days), max(days)
    if first == last:
        return format_date(first, language)
    return f"{format_date(first, language)} – {format_date(last, language)}"


def header_lines(fingerprint: str, options: SummaryOptions) -> tuple[str, str]:
    """The line at the top and the fingerprint at the foot of every page."""
    t = options.texts()
    return t["header"], t["fingerprint"] % short(fingerprint)


def layout(selection: Selection, options: SummaryOptions) -> list[Block]:
    """The summary's paragraphs in reading order, as plain text (nothing is markup yet)."""
    t = options.texts()
    colon = "\u00a0: " if options.language == "fr" else ": "  # French: space before colon
    blocks = [Block("title", t["title"])]
    for label, value in (
        (t["leader"], options.leader_name),
        (t["mentor"], options.mentor_name),
        (t["program"], options.program),
        (t["period"], options.period),
    ):
        if value.strip():
            blocks.append(Block("subtitle", label + colon + value.strip()))
    blocks.append(Block("rule", ""))
    if not selection.items:
        blocks.append(Block("empty", t["none"]))
    for heading, items in (
        (t["takeaways"], selection.takeaways),
        (t["actions"], selection.actions),
    ):
        if not items:
            continue
        blocks.append(Block("h2", heading))
        current: tuple[int | None, dt.date | None] | None = None
        for item in items:
            key = (item.session_number, item.session_day)
            if key != current:
                current = key
                title = t["session"] % item.session_number
                if item.session_day:
                    title += " · " + format_date(item.session_day, options.language)
                blocks.append(Block("h3", title))
            blocks.extend(_item(item, options))
    if options.signatures:
        for who in t["signatures"]:
            blocks.append(Block("signature", who + colon.rstrip()))
    return blocks


def _item(item: SharedItem, options: SummaryOptions) -> list[Block]:
    t = options.texts()
    meta = []
    if item.kind == "takeaway":
        if item.owner:
            meta.append(t["by"] % t["owner"].get(item.owner, item.owner))
        if item.day:
            meta.append(t["agreed"] % format_date(item.day, options.language))
    else:
        meta.append(t["owner"].get(item.owner, item.owner))
        if item.day:
            meta.append(t["due"] % format_date(item.day, options.language))
    blocks = [Block("item", item.text)]
    if meta:
        blocks.append(Block("meta", " · ".join(meta)))
    return blocks


def preview_text(blocks: list[Block], fingerprint: str, options: SummaryOptions) -> str:
    """Every word the PDF will carry, in order, as text a person can read before it leaves."""
    header, footer = header_lines(fingerprint, options)
    lines = [header, ""]
    for block in blocks:
        if block.style == "rule":
            continue  # a line on paper; the heading after it starts with a blank line
        if block.style in {"h2", "h3"}:
            lines.append("")
        if block.style == "h2":
            lines += [block.text, "─" * min(len(block.text), 60)]
        elif block.style == "item":
            lines.append("• " + visible(block.text).replace("\n", "\n  "))
        elif block.style == "meta":
            lines.append("  " + block.text)
        elif block.style == "signature":
            lines += ["", block.text + " " + "_" * 32]
        else:
            lines.append(block.text)
    lines += ["", footer]
    return "\n".join(lines) + "\n"


def visible(text: str) -> str:
    """The text as it is printed: control characters (C0, DEL, C1) other than line breaks
    and tabs removed."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("rm_journal.export") / "fonts"
    with resources.as_file(folder / "DejaVuSans.ttf") as regular:
        pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    with resources.as_file(folder / "DejaVuSans-Bold.ttf") as bold:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))


def safe(text: str) -> list[str]:
    """User text as escaped paragraph chunks: markup is shown, never interpreted.

    Lines are grouped into chunks of at most CHUNK characters (one reportlab
    paragraph each: layout cost grows fast with paragraph length); a longer
    line is cut after a sentence where it can, else between words.
    """
    pieces: list[str] = []
    for line in visible(text).split("\n"):
        while len(line) > CHUNK:
            cut = max(line.rfind(mark, CHUNK // 2, CHUNK) for mark in (". ", "! ", "? ", "; "))
            cut = cut + 1 if cut > 0 else line.rfind(" ", CHUNK // 2, CHUNK)
            cut = cut if cut > 0 else CHUNK
            pieces.append(line[:cut])
            line = line[cut:].lstrip()
        pieces.append(line)
    chunks: list[list[str]] = [[]]
    size = 0
    for piece in pieces:
        if chunks[-1] and size + len(piece) > CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(piece)
        size += len(piece) + 1
    return ["<br/>".join(escape(p) for p in chunk) for chunk in chunks]


@cache
def drawable() -> frozenset[int]:
    """The code points the embedded font has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def undrawable(texts: Iterable[str]) -> str:
    """The characters of ``texts`` the font cannot draw (they print as empty boxes)."""
    glyphs = drawable()
    missing = {
        ch
        for text in texts
        for ch in text
        if ord(ch) not in glyphs
        and ch >= " "
        and not ch.isspace()
        and unicodedata.category(ch) not in {"Cf", "Mn"}
    }
    return "".join(sorted(missing))


def has_rtl(texts: Iterable[str]) -> bool:
    """Right-to-left letters: printed in typing order, which a reader of them finds reversed."""
    return any(unicodedata.bidirectional(ch) in {"R", "AL"} for t in texts for ch in t)


def _styles() -> dict[str, ParagraphStyle]:
    grey = colors.HexColor("#555555")
    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=20, leading=25, spaceAfter=8),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=FONT, fontSize=11, leading=15, textColor=colors.HexColor("#444444")
        ),
        "empty": ParagraphStyle("empty", fontName=FONT, fontSize=11, leading=15, spaceBefore=18),
        "h2": ParagraphStyle(
            "h2", fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=18, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=8, textColor=grey
        ),
        "item": ParagraphStyle(
            "item", fontName=FONT, fontSize=11, leading=15, leftIndent=12, alignment=TA_LEFT
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
        "signature": ParagraphStyle(
            "signature", fontName=FONT, fontSize=11, leading=15, spaceBefore=14 * mm
        ),
    }


def _flowables(blocks: list[Block], styles: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = []
    for block in blocks:
        style = styles.get(block.style, styles["item"])
        if block.style == "rule":
            story.append(
                HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=8, spaceAfter=2)
            )
        elif block.style == "item":
            chunks = safe(block.text)
            story.append(Paragraph(chunks[0], style, bulletText="•"))
            story += [Paragraph(c, style) for c in chunks[1:]]
        elif block.style == "signature":
            story.append(Paragraph(escape(block.text) + " " + "_" * 32, style))
        else:
            story.append(Paragraph(escape(block.text), style))
    return story


def build(selection: Selection, fingerprint: str, options: SummaryOptions) -> bytes:
    """The PDF as bytes, built in memory: nothing touches the disk here."""
    return render(layout(selection, options), fingerprint, options)


def _numbered_canvas(label: str) -> type[Canvas]:
    """A canvas that writes "Page n of N" once the number of pages is known.

    The total lets a reader see that a page is missing; reportlab only knows it
    at the end, so each page's drawing is kept and replayed with the number.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(FONT, 8)
                self.setFillColor(GREY)
                self.drawRightString(A4[0] - 20 * mm, 10 * mm, label % (self._pageNumber, total))
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def render(blocks: list[Block], fingerprint: str, options: SummaryOptions) -> bytes:
    register_fonts()
    header, footer = header_lines(fingerprint, options)

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, header)
        canvas.drawString(20 * mm, 10 * mm, footer)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=options.texts()["title"],
        author="",
        subject="",
        creator="rm_journal",
        keywords="",
        invariant=True,
    )
    doc.build(
        _flowables(blocks, _styles()),
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=_numbered_canvas(options.texts()["page"]),
    )
    return buffer.getvalue()


def generate_password() -> str:
    """21 symbols of a 31-letter alphabet (104 bits), in groups of four, easy to read out."""
    symbols = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_SYMBOLS))
    return "-".join(symbols[i : i + 4] for i in range(0, len(symbols), 4))


PASSWORD_SYMBOLS = 21  # log2(31) * 21 = 104 bits: PDF passwords get no slow KDF


def finish(
    pdf: bytes, *, attachments: dict[str, bytes] | None = None, password: str | None = None
) -> bytes:
    """Attach files and encrypt, in one pypdf pass.

    AES-256 (PDF 2.0, revision 6): reportlab's own encryption is RC4 or the
    deprecated revision 5 that pypdf cannot open.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for name, data in (attachments or {}).items():
        writer.add_attachment(name, data)
    if password:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
