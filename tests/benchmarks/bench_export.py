"""Shared summary export at 10, 200 and 1,000 agreed takeaways (run by hand).

    .venv/bin/python -m tests.benchmarks.bench_export [--rounds 5] [--sizes 10,200,1000]

One pair per size, ten agreed takeaways per session (French and English prose
of 15 to 40 words, an agreed action every other session), cheap KDF. Each
stage is timed on its own, and next to them, in the same run, the floor of
reportlab itself: a one-page document with the same embedded font. Medians
and p95 over the rounds.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Language, PairProfile, Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.export import summary, verify
from rm_journal.export.summary_pdf import FONT, register_fonts
from rm_journal.templates.library import builtin, start_session
from tests.benchmarks.bench_large_vault import CHEAP, EN, FR, PASSPHRASE, prose, timed

PASSWORD = "BENCH-MARK-PASS-WORD-2026"


def fill(vault: Vault, count: int, rng: random.Random) -> str:
    language = Language.FR if count % 2 else Language.EN
    words = FR if language is Language.FR else EN
    pair = vault.add_pair(PairProfile(f"Pair {count}", Role.LEADER, "Programme", language=language))
    journal = vault.journal(pair.pair_id)
    template = builtin("regular-session")
    session = None
    for n in range(count):
        if n % 10 == 0:
            session = start_session(journal, template)
            if n % 20 == 0:
                journal.set_fields(
                    session.uuid,
                    {"actions": [{"text": prose(rng, words, 8), "owner": "leader"}]},
                )
        assert session is not None
        journal.add_takeaway(
            prose(rng, words, rng.randint(15, 40)),
            Role.MENTOR,
            session_uuid=session.uuid,
            status=TakeawayStatus.AGREED,
        )
    return pair.pair_id


def reportlab_floor() -> bytes:
    register_fonts()
    out = io.BytesIO()
    style = ParagraphStyle("p", fontName=FONT, fontSize=11, leading=15)
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph("Une page, un paragraphe.", style)])
    return out.getvalue()


def measure(journal: Journal, size: int, target: Path, args: Any, floor: float) -> None:
    request = summary.SummaryRequest()
    prepared = summary.prepare(journal, request)
    pages = len(PdfReader(io.BytesIO(prepared.pdf())).pages)
    data = summary.encode(prepared, PASSWORD)

    def whole() -> None:
        summary.write(journal, summary.prepare(journal, request), target, password=PASSWORD)

    def reportlab_alone() -> bytes:
        """The same paragraphs in plain reportlab: no page decoration, no attachment."""
        register_fonts()
        out = io.BytesIO()
        style = ParagraphStyle("p", fontName=FONT, fontSize=11, leading=15)
        story = [Paragraph(escape(b.text), style) for b in prepared.blocks]
        SimpleDocTemplate(out, pagesize=A4).build(story)
        return out.getvalue()

    stages = [
        ("reportlab alone, the same paragraphs", reportlab_alone),
        ("prepare + preview (select, lay out)", lambda: summary.prepare(journal, request)),
        ("render (reportlab)", prepared._rendered),
        ("PDF with attached item list", prepared.pdf),
        ("PDF, AES-256 encrypted", lambda: summary.encode(prepared, PASSWORD)),
        ("whole export: prepare, encrypt, atomic write, log", whole),
        ("verify-pdf reading (encrypted)", lambda: verify.read(data, PASSWORD)),
    ]
    for name, fn in stages:
        median, p95 = timed(fn, args.rounds)
        print(
            f"| {size} | {pages} | {name} | {median * 1e3:.0f} ms | {p95 * 1e3:.0f} ms "
            f"| {median / floor:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="10,200,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    set_private_umask()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        dd = DataDir.acquire(Path(tmp) / "data")
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP)
        pairs = {size: fill(vault, size, rng) for size in sizes}
        floor = timed(reportlab_floor, args.rounds)
        print(f"reportlab floor, one page, embedded font: {floor[0] * 1e3:.0f} ms median")
        print("| agreed takeaways | pages | stage | median | p95 | × floor |")
        print("|---|---|---|---|---|---|")
        for size in sizes:
            measure(vault.journal(pairs[size]), size, Path(tmp) / f"s{size}.pdf", args, floor[0])
        vault.lock()


if __name__ == "__main__":
    main()
