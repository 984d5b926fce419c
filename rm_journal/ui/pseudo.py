"""Pseudo-localisation: every string 40 % longer, accented and bracketed, to find clipped text.

    RM_JOURNAL_PSEUDO_LOCALE=1 rm-journal

Translations run longer than English (French by 15–30 %, German more). Shown
through this translator, a label cut short loses its closing bracket, a
string that never went through Qt's translation shows without brackets, and
placeholders (%1, %n), mnemonics (&) and markup are kept so every screen
still works. English dates and formats stay.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QTranslator

ENV_PSEUDO = "RM_JOURNAL_PSEUDO_LOCALE"
STRETCH = 0.4
_WORD = 6
_ACCENTED = str.maketrans("aceinouyAEINOUC", "àçéîñöüýÀÉÎÑÖÜÇ")
_KEEP = re.compile(r"(%\d+|%n|&&|&(?=\w)|<[^>]*>|\n|…)")


def pseudo(text: str) -> str:
    """``[Sàvé thé séssîöñ~~~~~]`` for "Save the session": same meaning, 40 % longer."""
    if not text or not text.strip():
        return text
    parts = _KEEP.split(text)
    shown = [p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in parts]
    letters = sum(len(p) for p in parts if not _KEEP.fullmatch(p))
    extra = max(1, round(letters * STRETCH))
    if extra <= _WORD:
        return "[" + "".join(shown) + "~" * extra + "]"
    # long padding in words, as a longer translation would be: it wraps where text wraps
    words = ["~" * _WORD] * (extra // _WORD) + (["~" * (extra % _WORD)] if extra % _WORD else [])
    return "[" + "".join(shown) + " " + " ".join(words) + "]"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: Any = None, n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False
