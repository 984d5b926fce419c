"""Help → Guide (F1): a short offline guide, in the language the app runs in.

Every paragraph is its own translatable string (context "Guide"), so the French
comes through the same .ts/.qm pipeline as the rest of the app, the i18n test
checks that none is missing, and pseudo-localisation shows what would clip. The
text is rendered with no link and no resource: nothing is ever opened or fetched.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import QT_TRANSLATE_NOOP  # typed: returns the str

CONTEXT = "Guide"

# (anchor, title, paragraphs); a paragraph given as a tuple is a list of points.
SECTIONS: tuple[tuple[str, str, tuple[str | tuple[str, ...], ...]], ...] = (
    (
        "program",
        QT_TRANSLATE_NOOP("Guide", "How a program usually runs"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Reverse mentoring pairs a senior leader with a younger professional, the "
                "mentor, for about six months. The mentor brings how their generation works "
                "and sees things; the leader brings questions and the will to hear direct, "
                "unfiltered answers.",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "A kick-off meeting, where you write a charter together (the “Kick-off — "
                    "pair charter” template).",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "About six meetings, one a month, of an hour or so. The mentor prepares "
                    "before; the leader writes a reflection after.",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "A mid-point review, halfway: what works, what to change.",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "A closing retrospective: what changed, what to keep, whether to go on.",
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "The effect builds up over the months rather than at once: write a few lines "
                "after every meeting, even short ones. The Journey tab shows the path.",
            ),
        ),
    ),
    (
        "first-meeting",
        QT_TRANSLATE_NOOP("Guide", "The first meeting"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Create the pair (Journal → New pair…), then a session with the “Kick-off — "
                "pair charter” template, and fill it in together.",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "Confidentiality first: what is said stays between the two of you, and "
                    "nothing is shared unless you both agree.",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "What each of you expects, and two or three goals for the program.",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "The cadence (once a month is usual) and the dates you can already set.",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "How feedback is given: direct, kind, about facts rather than people.",
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Mentor: the first sessions often feel awkward on both sides; that passes. "
                "Listen more than you speak, leave room for silences, ask open questions. "
                "The aim is not to criticise but to open a field of reflection.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Leader: here you are the one learning. Ask what you would not ask in a "
                "meeting, and note the answers that surprise you.",
            ),
        ),
    ),
    (
        "private",
        QT_TRANSLATE_NOOP("Guide", "What stays private"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Everything you write stays on this computer, encrypted with your "
                "passphrase: sessions, notes, reflections, topics, actions and takeaways. "
                "rm_journal never connects to the network.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "The leader’s reflection is never shared: not in the PDF, not in an exchange "
                "file. Each of you keeps a journal on your own computer, and neither can read "
                "the other’s.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Each pair has its own journal and its own key. Removing a pair destroys its "
                "key: old copies of that journal can no longer be read.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "A takeaway starts private. Only one you have both marked as agreed can "
                "leave this computer.",
            ),
        ),
    ),
    (
        "leaves",
        QT_TRANSLATE_NOOP("Guide", "What leaves, and how"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Only the agreed takeaways and actions leave, and only in a file you save "
                "on purpose:",
            ),
            (
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "a shared summary PDF (Journal → Export shared summary…): you see "
                    "exactly what it holds before it is saved, and it can carry a password;",
                ),
                QT_TRANSLATE_NOOP(
                    "Guide",
                    "an exchange file (the Exchange tab) that you hand to your partner "
                    "yourself, to compare and agree on takeaways.",
                ),
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Every export is written in the pair’s Sharing log: when, what, and a short "
                "fingerprint you can compare with your partner’s to check you hold the same "
                "document.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Sharing your screen? Presenter mode (View menu, Ctrl+Shift+P) shows only "
                "what you both agreed on.",
            ),
        ),
    ),
    (
        "safety",
        QT_TRANSLATE_NOOP("Guide", "Lock, backups and the recovery code"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Lock with Ctrl+L when you step away. The journal also locks itself after a "
                "few idle minutes, and when the screen locks or the computer sleeps.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Journal → Back up now writes an encrypted copy of everything (daily, if "
                "chosen in Settings). Copy the backups folder somewhere safe. A backup opens "
                "with the passphrase in force when it was taken.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "The recovery code, shown once at the first run, is the only way back in if "
                "you forget the passphrase. Nobody else can open your journal: not your "
                "company, not us. Keep it on paper, away from this computer.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Settings → Security changes the passphrase, replaces the recovery code if "
                "it may be lost or seen, and rotates every key if someone may know your "
                "passphrase.",
            ),
        ),
    ),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def guide_html() -> str:
    """The whole guide as simple HTML, translated; every text is escaped."""
    parts: list[str] = []
    for anchor, title, paragraphs in SECTIONS:
        parts.append(f'<h2><a name="{anchor}"></a>{html.escape(_t(title))}</h2>')
        for paragraph in paragraphs:
            if isinstance(paragraph, tuple):
                items = "".join(f"<li>{html.escape(_t(p))}</li>" for p in paragraph)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{html.escape(_t(paragraph))}</p>")
    return "\n".join(parts)


class GuideWindow(QDialog):
    """The contents on the left, the guide on the right; arrows move between sections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("rm_journal guide"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(820, 620)
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(self.tr("Guide contents"))
        for _anchor, title, _paragraphs in SECTIONS:
            self.contents.addItem(_t(title))
        self.contents.setFixedWidth(
            min(280, self.contents.sizeHintForColumn(0) + 2 * self.contents.frameWidth() + 16)
        )
        self.contents.setWordWrap(True)
        self.contents.setSpacing(3)
        row.addWidget(self.contents)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Guide"))
        self.text.setOpenLinks(False)  # nothing is followed, inside or outside the app
        self.text.setOpenExternalLinks(False)
        self.text.document().setDefaultStyleSheet(
            "h2 { margin-top: 14px; } p, li { line-height: 130%; }"
        )
        self.text.setHtml(guide_html())
        row.addWidget(self.text, 1)
        column.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        column.addWidget(buttons)
        self.contents.currentRowChanged.connect(self.show_section)
        self.contents.setCurrentRow(0)
        self.contents.setFocus()

    def show_section(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.text.scrollToAnchor(SECTIONS[row][0])
