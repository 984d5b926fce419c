"""A one-page recovery sheet: the recovery code, printed to keep somewhere safe.

Built in memory with reportlab; the face writes it where the user chose. The
PDF metadata carries no name: only a title and the app as producer.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "rm_journal — recovery sheet",
        "intro": "This code opens your rm_journal vault if you forget your passphrase.",
        "code": "Recovery code",
        "created": "Created on {date} for vault {vault}.",
        "steps": [
            "Keep this sheet somewhere safe, away from your computer.",
            "Anyone holding this code and your computer can read your journals.",
            "To use it: open rm_journal, choose \u201cI forgot my passphrase\u201d, type the code,",
            "then choose a new passphrase. The code stays valid afterwards.",
            "Nobody else, not even the rm_journal team, can recover your journals.",
        ],
    },
    "fr": {
        "title": "rm_journal — fiche de secours",
        "intro": "Ce code ouvre votre coffre rm_journal si vous oubliez votre phrase secrète.",
        "code": "Code de secours",
        "created": "Créée le {date} pour le coffre {vault}.",
        "steps": [
            "Rangez cette fiche en lieu sûr, loin de votre ordinateur.",
            "Quiconque détient ce code et votre ordinateur peut lire vos journaux.",
            "Pour l\u2019utiliser\u00a0: ouvrez rm_journal, choisissez «\u00a0J\u2019ai oublié ma "
            "phrase secrète\u00a0»,",
            "saisissez le code, puis choisissez une nouvelle phrase secrète.",
            "Personne d\u2019autre, pas même l\u2019équipe rm_journal, ne peut récupérer vos journaux.",
        ],
    },
}


def recovery_sheet_pdf(
    code: str, vault_id: str, language: str = "en", today: dt.date | None = None
) -> bytes:
    t = TEXTS["fr" if language == "fr" else "en"]
    day = (today or dt.date.today()).isoformat()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setTitle(t["title"])
    pdf.setAuthor("")
    pdf.setSubject("")
    pdf.setCreator("rm_journal")
    width, height = A4
    left = 25 * mm
    y = height - 35 * mm
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(left, y, t["title"])
    y -= 14 * mm
    pdf.setFont("Helvetica", 12)
    pdf.drawString(left, y, t["intro"])
    y -= 22 * mm
    pdf.setFillColor(colors.HexColor("#F2F4F7"))
    pdf.roundRect(
        left - 4 * mm, y - 10 * mm, width - 2 * left + 8 * mm, 30 * mm, 4 * mm, stroke=0, fill=1
    )
    pdf.setFillColor(colors.black)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(left, y + 12 * mm, t["code"].upper())
    pdf.setFont("Courier-Bold", 19)
    pdf.drawString(left, y, code)
    y -= 28 * mm
    pdf.setFont("Helvetica", 11)
    for line in t["steps"]:
        pdf.drawString(left, y, line)
        y -= 7 * mm
    y -= 6 * mm
    pdf.setFont("Helvetica-Oblique", 9)
    pdf.setFillColor(colors.HexColor("#555555"))
    pdf.drawString(left, y, t["created"].format(date=day, vault=vault_id[:8]))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
