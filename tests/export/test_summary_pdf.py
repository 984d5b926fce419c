"""The shared summary PDF, parsed back: what it holds, what it never holds."""

from __future__ import annotations

import datetime as dt
import io
import secrets
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from xml.sax.saxutils import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from rm_journal.export.selection import Selection, SharedItem, fingerprint, short
from rm_journal.export.summary_pdf import (
    CHUNK,
    PASSWORD_ALPHABET,
    SummaryOptions,
    build,
    finish,
    generate_password,
    has_rtl,
    safe,
    undrawable,
    visible,
)

PAYLOADS = [
    '<img src="/etc/passwd"/>',
    '<a href="https://example.invalid/x">click</a>',
    '<font name="Courier" color="red">font</font>',
    "<para>para</para><br/>",
    "&amp; &lt; &#x41; &unknown;",
    '<link href="file:///etc/hosts">link</link>',
    "<b>bold <i>nested</b></i>",
    "]]><!-- comment --><![CDATA[x]]>",
]


def item(text: str, kind: str = "takeaway", number: int = 1) -> SharedItem:
    return SharedItem(
        kind,
        text,
        number,
        dt.date(2026, 1, number),
        dt.date(2026, 1, 20),
        "named" if kind == "takeaway" else "",
        "mentor",
    )


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_items_fingerprint_and_french_typography():
    items = (
        item("Différer les mails du soir : « pas urgent »"),
        item("Œuvrer à 5 €", number=2),
        item("Programmer les envois", kind="action"),
    )
    selection = Selection(items, ())
    fp = fingerprint(items)
    pdf = build(
        selection,
        fp,
        SummaryOptions(
            language="fr",
            leader_name="Inès & Camille",
            mentor_name="<b>Zoé</b>",
            program="Pilote 2026",
            signatures=True,
        ),
    )
    text = text_of(pdf).replace("\u00a0", " ")
    for expected in (
        "Mentorat inversé — synthèse partagée",
        "Différer les mails du soir",
        "« pas urgent »",
        "Œuvrer à 5 €",
        "Programmer les envois",
        "Séance 2",
        "proposé par le mentor",
        short(fp),
        "Dirigeant : Inès & Camille",
        "Mentor : <b>Zoé</b>",
        "1er janvier 2026",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [str(f.get_object()["/BaseFont"]) for f in fonts.values()]
    assert any("DejaVuSans" in n for n in names), names  # embedded, not a base-14 font


def test_metadata_carries_nothing_private():
    canary = f"Canari{secrets.token_hex(6)}"
    pdf = build(
        Selection((item(canary),), ()),
        "0" * 64,
        SummaryOptions(leader_name=canary, mentor_name=canary, program=canary),
    )
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert canary not in repr(dict(info))
    assert info.title == "Reverse mentoring — shared summary"
    assert canary in text_of(pdf)  # it is in the body, on purpose, and only there


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_user_text_is_shown_literally(payload):
    pdf = build(Selection((item(payload),), ()), "0" * 64, SummaryOptions())
    flat = " ".join(text_of(pdf).split())
    assert " ".join(payload.split()) in flat
    raw = pdf.decode("latin-1")
    assert "/Link" not in raw and "/URI" not in raw and "/Subtype /Image" not in raw


def test_huge_and_strange_text_lays_out(tmp_path):
    long_text = "mot " * 60_000  # 240,000 characters
    strange = "مرحبا שלום 😀 \x00 nul \u202e"
    pdf = build(
        Selection((item(long_text), item(strange, number=2)), ()), "0" * 64, SummaryOptions()
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 20
    assert "nul" in text_of(pdf)


def test_aes_256_password():
    password = generate_password()
    groups = password.split("-")
    assert all(c in PASSWORD_ALPHABET for c in "".join(groups))
    assert len("".join(groups)) * 4.95 >= 100  # log2(31) > 4.95 bits per symbol
    pdf = finish(
        build(Selection((item("secret agreed"),), ()), "0" * 64, SummaryOptions()),
        password=password,
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    wrong = PdfReader(io.BytesIO(pdf))
    assert not wrong.decrypt("not-the-password")
    assert reader.decrypt(password)
    assert "secret agreed" in reader.pages[0].extract_text()


def test_renders_with_pdftoppm(tmp_path):
    pdf = build(Selection((item("Un enseignement"),), ()), "ab" * 32, SummaryOptions("fr"))
    path = tmp_path / "s.pdf"
    path.write_bytes(pdf)
    try:
        subprocess.run(
            ["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "p")],
            check=True,
            capture_output=True,
        )
    except FileNotFoundError:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    assert list(tmp_path.glob("p*.png"))


@settings(max_examples=200)
@given(
    st.text(
        st.sampled_from(list("ab cd. é\n!?;<&>")) | st.characters(codec="utf-8"),
        max_size=9000,
    )
)
def test_long_text_is_cut_into_bounded_chunks_losing_nothing(text):
    chunks = safe(text)
    plain = [unescape(c.replace("<br/>", "\n")) for c in chunks]
    assert all(len(c) <= CHUNK + 1 for c in plain)
    assert "".join("".join(plain).split()) == "".join(visible(text).split())


def test_a_long_takeaway_breaks_after_a_sentence():
    sentence = "Une phrase de quarante caractères, ou presque. "
    chunks = safe(sentence * 120)
    assert len(chunks) > 1
    assert all(unescape(c).rstrip().endswith(".") for c in chunks[:-1])


def test_what_the_font_cannot_draw_is_named():
    assert undrawable(["Œuvre à 5 € « ok »"]) == ""
    assert undrawable(["emoji 😀 🎉 and 中"]) == "中🎉"  # DejaVu has 😀, not 🎉
    assert has_rtl(["שלום"]) and not has_rtl(["Bonjour"])


def test_pages_say_n_of_total():
    many = tuple(item(f"Point {n} " + "mot " * 40, number=1) for n in range(60))
    pdf = build(Selection(many, ()), "0" * 64, SummaryOptions("fr"))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 2
    assert all(f"Page {n} sur {len(pages)}" in p.extract_text() for n, p in enumerate(pages, 1))


# -- markup injection: many payloads, generated ---------------------------------------

_OPENED: list[str] = []
_WATCHING = [False]


def _audit(event: str, args: tuple) -> None:
    if _WATCHING[0] and event == "open" and args and isinstance(args[0], str | bytes):
        _OPENED.append(str(args[0]))


sys.addaudithook(_audit)  # cannot be removed; records only while _WATCHING is on

BAIT = Path(tempfile.mkdtemp(prefix="rmj-bait-")) / "bait.png"
BAIT.write_bytes(b"\x89PNG\r\n\x1a\n" + b"bait" * 64)
TAGS = "img a link font para br b i u strike super sub seq seqreset onDraw span bullet index "
TAGS += "image object script"
ATTRIBUTES = [
    f'src="{BAIT}"',
    f'src="file://{BAIT}"',
    'href="https://example.invalid/x"',
    'href="javascript:alert(1)"',
    'href="#dest"',
    'name="Courier"',
    'color="red"',
    'face="Times-Roman"',
    'width="400" height="400"',
    'destination="x"',
]
FRAGMENTS = st.one_of(
    st.builds(
        lambda tag, attr, close: f"<{tag} {attr}{'/' if close else ''}>",
        st.sampled_from(TAGS.split()),
        st.sampled_from(ATTRIBUTES),
        st.booleans(),
    ),
    st.builds(lambda tag: f"</{tag}>", st.sampled_from(TAGS.split())),
    st.sampled_from(["&amp;", "&lt;", "&#x41;", "&#65;", "&nbsp;", "&bogus;", "<![CDATA[", "]]>"]),
    st.sampled_from(["<!--", "-->", "<?xml?>", '"', "'", "<", ">", "&", "/"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17F), max_size=6),
)


@pytest.mark.slow
@settings(max_examples=150)
@given(st.lists(FRAGMENTS, min_size=1, max_size=12).map("".join))
def test_generated_markup_is_shown_literally_and_reads_no_file(payload):
    _OPENED.clear()
    _WATCHING[0] = True
    try:
        pdf = build(
            Selection((item(payload),), ()),
            "0" * 64,
            SummaryOptions(leader_name=payload[:400], program=payload[:400]),
        )
    finally:
        _WATCHING[0] = False
    assert not [p for p in _OPENED if "bait" in p]
    reader = PdfReader(io.BytesIO(pdf))
    flat = "".join(text_of(pdf).split()).replace("\u00a0", "")
    # format characters are invisible, and a soft hyphen may print as "-" at a line end
    printed = "".join(ch for ch in visible(payload) if unicodedata.category(ch) != "Cf")
    assert "".join(printed.split()).replace("-", "") in flat.replace("-", "")
    for page in reader.pages:
        assert "/Annots" not in page
        xobjects = page["/Resources"].get("/XObject") or {}
        assert not xobjects
    assert b"bait" not in pdf
