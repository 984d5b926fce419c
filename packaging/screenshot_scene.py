"""Put the app in a given state for a screenshot, as a person gets there (issue 19).

    python packaging/screenshot_scene.py SCENE LANGUAGE [--save OUT.png]
    LANGUAGE: en, fr, or pseudo (English, every string 40 % longer and bracketed)
    SCENE: one of SCENES below

Every scene starts from an EMPTY data folder in a temporary directory and reaches its
state by driving the real window: the first-run pages, menus and shortcuts, buttons,
and text typed key by key (French included). Only the questions the app asks through
``ui/dialogs.py`` (which file, which template) are answered in advance, as the GUI
tests do; nothing calls the core to create or fill anything. The story is a leader's
journal with their mentor (a charter, sessions with their days, reflections, agreed
takeaways, actions, a shared summary) and a second pair where the person is the
mentor (a backlog of topics, a preparation), written in the scene's language.

The exchange scenes (exchange, exchange-pending, exchange-takeaways, exchange-editor,
import) drive a second window on a second data folder for the partner: each side's
pairing block is saved with its Save button and pasted into the other window's Paste
box, and the .rmjx files one window writes are opened by the other.

The story's months pass on the computer's calendar (``Calendar``): what the core dates
with the system's day (an agreement, an action ticked done) gets the session's day, and
every picture is taken on the same day, whenever it is made.

With ``--save OUT.png`` the script grabs the whole screen once the scene is reached
and quits (docs/screenshots.sh runs it under Xvfb that way); without it the window
stays open for a minute, for a look or for ../shared/tools/shot.sh.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QEventLoop,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from rm_journal.core.models import SessionStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.ui.app import install_translations, make_app
from rm_journal.ui.date_field import DateField, date_locale, display_format
from rm_journal.ui.dialogs import ScriptedDialogs
from rm_journal.ui.field_editors import (
    ChecklistEditor,
    ChoiceEditor,
    DateEditor,
    ItemsEditor,
    RatingEditor,
)
from rm_journal.ui.forms import PairDialog
from rm_journal.ui.item_models import status_label
from rm_journal.ui.prefs import Preferences
from rm_journal.ui.pseudo import PseudoTranslator
from rm_journal.ui.tasks import ImmediateRunner
from rm_journal.ui.window import AppContext, MainWindow

PASSPHRASE = "lanterne violon écluse 7"
SCENES = (
    "first-run",
    "first-run-code",
    "first-run-pair",
    "unlock",
    "main",
    "meeting",
    "editor",
    "datepicker",
    "takeaways",
    "actions",
    "topics",
    "backlog",
    "sharing",
    "journey",
    "export",
    "damaged",
    "settings",
    "security",
    "templates",
    "guide",
    "exchange",
    "exchange-pending",
    "exchange-takeaways",
    "exchange-editor",
    "import",
)
LEFT = Qt.MouseButton.LeftButton
SESSIONS, TAKEAWAYS, ACTIONS, TOPICS, SHARING, JOURNEY, EXCHANGE = range(7)


# -- hands on the keyboard and the mouse ---------------------------------------------------


def settle() -> None:
    """Deliver what Qt has queued (layouts, queued signals, deferred deletes)."""
    for _ in range(8):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def wait_for(done: Callable[[], Any], what: str, ms: int = 20_000) -> None:
    deadline = QDeadlineTimer(ms)
    while not done():
        if deadline.hasExpired():
            raise SystemExit(f"screenshot scene: {what} never happened")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def click(widget: QWidget) -> None:
    if not (widget.isEnabled() and widget.isVisible()):
        raise SystemExit(
            f"screenshot scene: cannot click {widget.accessibleName() or getattr(widget, 'text', str)()!r}"
        )
    if isinstance(widget, (QCheckBox, QRadioButton)):  # on the box, not beside its text
        QTest.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
    else:
        QTest.mouseClick(widget, LEFT)
    settle()


def type_text(widget: QWidget, text: str) -> None:
    """Any Unicode as key events, one per character (QTest.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
    settle()


def key(widget: QWidget, which: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, which, modifier)
    settle()


def choose(combo: QComboBox, data: Any) -> None:
    """Arrow keys on the closed combo box until it holds ``data``."""
    combo.setFocus()
    key(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        key(combo, Qt.Key.Key_Down)
    raise SystemExit(f"screenshot scene: no {data!r} in {combo.accessibleName()}")


def button(widget: QWidget, text: str) -> QPushButton:
    (found,) = [b for b in widget.findChildren(QPushButton) if b.text() == text]
    return found


def shown_day(day: dt.date, language: str) -> str:
    """The day as a person types it in the app's locale (4/20/2026, 20/04/2026)."""
    locale = date_locale(language)
    return locale.toString(day, display_format(locale))


def type_date(field: DateField, day: dt.date, language: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    key(field.edit, Qt.Key.Key_Delete)
    type_text(field.edit, shown_day(day, language))
    key(field.edit, Qt.Key.Key_Return)


class Answers(ScriptedDialogs):
    """The app's questions answered in advance (which template, which file); the dialogs
    the app runs (export, settings, templates...) are shown, not waited on; a new pair is
    the real pair dialog, filled in by keys and clicks."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.pair: tuple[str, bool, str, dt.date] | None = None  # name, mentor?, program, start

    def new_pair(self, parent: QWidget | None, language: str) -> Any:
        assert self.pair is not None
        name, mentor, program, start = self.pair
        dialog = PairDialog(language, parent)
        dialog.show()
        fill_pair_form(dialog.form, name, mentor, program, start, self.language)
        profile = dialog.form.profile()
        dialog.accept()
        dialog.deleteLater()
        return profile


def fill_pair_form(
    form: Any, name: str, mentor: bool, program: str, start: dt.date, language: str
) -> None:
    type_text(form.name, name)
    click(form.mentor if mentor else form.leader)
    type_text(form.program, program)
    type_date(form.start, start, language)


# -- the story's calendar ---------------------------------------------------------------------

NOW = dt.date(2026, 12, 2)  # the day every picture is taken, whenever it is made


class Calendar:
    """The computer's calendar as the story's months pass: a person agrees a takeaway on
    the day of the session, not on the day the pictures are made. The core stamps an
    agreement with the system's date (``records._agreed_date``), and the entry an action
    ticked done; only ``main`` makes that date follow the story, by giving those two
    modules a ``datetime`` whose ``date.today`` is the story's day. Nothing else
    changes; in the tests ``set`` does nothing."""

    day: dt.date | None = None
    on = False

    @classmethod
    def set(cls, day: dt.date | None) -> None:
        if cls.on:
            cls.day = day

    @classmethod
    def turn_on(cls) -> None:
        from rm_journal.core.journal import records  # its clock only, see above
        from rm_journal.ui import session_editor

        class StoryDate(dt.date):
            @classmethod
            def today(cls_) -> dt.date:
                return Calendar.day or dt.date.today()

        class StoryDatetime(types.ModuleType):
            date = StoryDate

            def __getattr__(self, name: str) -> Any:
                return getattr(dt, name)

        story_datetime = StoryDatetime("datetime")
        records.dt = story_datetime  # type: ignore[assignment]
        session_editor.dt = story_datetime  # type: ignore[assignment]  # an action's done day
        cls.on = True
        cls.day = NOW


# -- the story ------------------------------------------------------------------------------


def fr(text: str) -> str:
    """French typography: ’ for apostrophes, narrow no-break spaces before ? ! ; and :."""
    text = text.replace("'", "\u2019")
    for mark in "?!;:":
        text = text.replace(" " + mark, "\u202f" + mark)
    return text.replace("« ", "«\u202f").replace(" »", "\u202f»")


D = dt.date
STORY: dict[str, dict[str, Any]] = {
    "en": {
        "mentor": "Sam (alias)",
        "leader": "The COO (alias)",
        "program": "Reverse mentoring — Finance",
        "start": D(2026, 8, 11),
        "meetings": [
            D(2026, 8, 18),
            D(2026, 9, 15),
            D(2026, 10, 13),
            D(2026, 11, 10),
            D(2026, 12, 8),
        ],
        "charter": {
            "purpose": "Understand how people under thirty work with AI and why they leave "
            "within two years; for Sam, see how a finance division is actually steered.",
            "goals": [
                "Try three AI tools on my own real tasks",
                "Understand what makes young analysts stay",
            ],
            "stays_between_us": "Everything about named colleagues and my team's turnover.",
            "meeting_count": "m6",
            "place": "The café downstairs, not my office",
            "takeaways": [
                ("What is said here stays here; only takeaways we agree on leave.", "agreed"),
            ],
        },
        "notes": [
            {
                "checkin": "Budget season for me; Sam just shipped a product launch.",
                "topic": "Digital sobriety",
                "notes": "We went through a week of my e-mails: 40 % copy more than ten "
                "people. Sam showed how the team decides in a chat thread, with no meeting.",
                "assumptions": "I thought answering fast showed commitment. To the team, "
                "an e-mail from me at 10 pm is an emergency.",
                "takeaways": [
                    ("An e-mail sent at night reads as urgent: schedule it for 8 am.", "agreed"),
                    ("I must look again at how I delegate.", "private"),
                ],
                "actions": [
                    ("Schedule my evening e-mails for the next morning", D(2026, 9, 29)),
                    ("One team meeting with no screens", D(2026, 10, 6)),
                ],
                "next_topics": ["AI at work"],
            },
            {
                "topic": "AI at work",
                "notes": "We summarised a public annual report together. I checked three "
                "figures and found them right, then asked who in my team already does this.",
                "assumptions": "That AI use is a future decision; it is already a daily habit.",
                "feedback": "I interrupt when an answer goes where I did not expect.",
                "takeaways": [
                    ("Ask the team how they use AI before writing a policy.", "agreed"),
                ],
                "actions": [("Ask two analysts to show their AI workflow", D(2026, 10, 27))],
            },
            {
                "topic": "Silence in meetings",
                "notes": "Young analysts do not contradict a director in the room, but "
                "gladly do so in writing, afterwards.",
                "takeaways": [("Ask for a contrary view before every decision.", "agreed")],
            },
        ],
        "reflections": [
            {
                "surprised": "That my evening e-mails keep people awake. Nobody had told me.",
                "certainty": "“Being reachable is being a good boss.” I am no longer sure.",
                "will_try": ["Schedule every e-mail written after 7 pm"],
                "candour": 4,
            },
            {
                "surprised": "Sam's analysts already use AI every day, quietly.",
                "will_try": ["A live try on a non-confidential task each week"],
                "candour": 5,
            },
        ],
        "midpoint": {
            "goals_revisited": "Meetings: from 14 to 9 a week. AI: two tools tried on real "
            "work. Contradiction: twice in committee this month.",
            "progress": 3,
            "kept": ["Evening e-mails scheduled", "A round of views at the end"],
        },
        "other": "The CFO (alias)",
        "other_program": "Reverse mentoring — Operations",
        "other_start": D(2026, 11, 2),
        "other_meeting": D(2026, 12, 9),
        "backlog": [
            (
                "Right to disconnect",
                "She answers e-mails at midnight and expects the same.",
                "When do you switch off?\nWho writes to you in the evening?",
            ),
            ("Stand-up meetings", "Hers last ninety minutes.", "What would fifteen minutes cut?"),
        ],
        "preparation": {
            "topic": "Right to disconnect",
            "why_now": "She said last time that evenings are 'the only quiet hours'. Her "
            "team reads that as an order to answer.",
            "questions": [
                "What do you expect when you write at 11 pm?",
                "What would you lose by waiting until morning?",
            ],
            "silence": "Let her find the first change herself; do not pitch.",
            "agenda": ["Check-in", "Her evening e-mails, seen by the team", "Next step"],
        },
        "partner_takeaway": "Try one evening a week with no e-mail at all.",
    },
    "fr": {
        "mentor": "Inès (alias)",
        "leader": "Le DG (alias)",
        "program": fr("Mentorat inversé — Direction des opérations"),
        "start": D(2026, 8, 11),
        "meetings": [
            D(2026, 8, 18),
            D(2026, 9, 15),
            D(2026, 10, 13),
            D(2026, 11, 10),
            D(2026, 12, 8),
        ],
        "charter": {
            "purpose": fr(
                "Comprendre comment travaillent et décident les équipes de moins de trente "
                "ans ; pour Inès, voir comment se prennent les décisions en comité de direction."
            ),
            "goals": [
                fr("Réduire de moitié les réunions que j'impose à mes équipes"),
                fr("Savoir recevoir une contradiction en comité sans la désamorcer"),
            ],
            "stays_between_us": fr(
                "Tout ce qui concerne des personnes nommées, et ce qu'Inès me dit de son équipe."
            ),
            "meeting_count": "m6",
            "place": fr("Le café du rez-de-chaussée, pas mon bureau"),
            "takeaways": [
                (
                    fr("Ce qui se dit ici reste ici ; seuls nos enseignements validés sortent."),
                    "agreed",
                ),
            ],
        },
        "notes": [
            {
                "checkin": fr("Clôture annuelle pour moi, Inès sort d'un lancement produit."),
                "topic": fr("Sobriété numérique"),
                "notes": fr(
                    "Une semaine de mes mails passée en revue : 40 % partent en copie à plus "
                    "de dix personnes. Inès m'a montré comment son équipe décide en fil de "
                    "discussion, sans réunion."
                ),
                "assumptions": fr(
                    "Je pensais que répondre vite montrait de l'engagement. Pour l'équipe, un "
                    "mail de moi à 22 h est une urgence."
                ),
                "takeaways": [
                    (
                        fr("Un mail envoyé le soir est lu comme une urgence : différer l'envoi."),
                        "agreed",
                    ),
                    (fr("Je dois revoir ma façon de déléguer."), "private"),
                ],
                "actions": [
                    (fr("Programmer mes envois du soir pour le lendemain 8 h"), D(2026, 9, 29)),
                    (fr("Une réunion d'équipe sans écrans"), D(2026, 10, 6)),
                ],
                "next_topics": [fr("Rapport à la hiérarchie")],
            },
            {
                "topic": fr("Rapport à la hiérarchie"),
                "notes": fr(
                    "Les jeunes recrues n'osent pas contredire un directeur en séance, mais le "
                    "font volontiers par écrit, après."
                ),
                "assumptions": fr("Le silence en réunion n'est pas un accord."),
                "feedback": fr(
                    "Quand je dis « des questions ? », je regarde déjà l'ordre du jour suivant."
                ),
                "takeaways": [
                    (fr("Demander explicitement un avis contraire avant de conclure."), "agreed"),
                ],
                "actions": [
                    (fr("Un avis contraire en comité avant chaque décision"), D(2026, 10, 27))
                ],
            },
            {
                "topic": fr("Conduite des réunions"),
                "notes": fr(
                    "Nous avons chronométré mon dernier comité : j'ai parlé 70 % du temps."
                ),
                "takeaways": [(fr("Finir chaque comité par un tour de table."), "agreed")],
            },
        ],
        "reflections": [
            {
                "surprised": fr(
                    "Que mes mails du soir empêchent des gens de dormir. Personne ne me l'avait dit."
                ),
                "certainty": fr(
                    "« Être joignable, c'est être un bon chef. » Je n'en suis plus sûr."
                ),
                "will_try": [fr("Programmer l'envoi de tous mes mails après 19 h")],
                "candour": 4,
            },
            {
                "surprised": fr(
                    "Qu'on puisse me trouver intimidant alors que je me crois accessible."
                ),
                "will_try": [fr("Commencer le tour de table par le plus jeune")],
                "candour": 5,
            },
        ],
        "midpoint": {
            "goals_revisited": fr(
                "Réunions : de 14 à 9 par semaine. Contradiction : deux fois en comité ce "
                "mois-ci, et je n'ai rien désamorcé."
            ),
            "progress": 3,
            "kept": [fr("Envois du soir programmés"), fr("Tour de table en fin de comité")],
        },
        "other": "La DAF (alias)",
        "other_program": fr("Mentorat inversé — Finance"),
        "other_start": D(2026, 11, 2),
        "other_meeting": D(2026, 12, 9),
        "backlog": [
            (
                fr("Droit à la déconnexion"),
                fr("Elle répond aux mails à minuit et attend la même chose."),
                fr("Quand coupez-vous ?\nQui vous écrit le soir ?"),
            ),
            (
                fr("Réunions debout"),
                fr("Les siennes durent quatre-vingt-dix minutes."),
                fr("Que couperaient quinze minutes ?"),
            ),
        ],
        "preparation": {
            "topic": fr("Droit à la déconnexion"),
            "why_now": fr(
                "Elle a dit que le soir était « le seul moment calme ». Son équipe le lit "
                "comme un ordre de répondre."
            ),
            "questions": [
                fr("Qu'attendez-vous quand vous écrivez à 23 h ?"),
                fr("Que perdriez-vous à attendre le matin ?"),
            ],
            "silence": fr("La laisser trouver le premier changement ; ne rien vendre."),
            "agenda": [fr("Tour de table"), fr("Ses mails du soir, vus par l'équipe"), fr("Suite")],
        },
        "partner_takeaway": fr("Essayer une soirée par semaine sans aucun mail."),
    },
}


class Story:
    """One person's app, driven from an empty data folder; each step goes one further."""

    def __init__(
        self, root: Path, language: str, name: str = "data", dialogs: Answers | None = None
    ):
        self.language = language
        self.text = STORY["fr" if language == "fr" else "en"]
        self.root = root
        self.data_dir = DataDir.acquire(root / name)
        self.dialogs = dialogs or Answers(language)
        prefs = Preferences(QSettings(str(root / f"{name}.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(
            AppContext(self.data_dir, prefs, language, self.dialogs, ImmediateRunner())
        )
        self.window.setGeometry(0, 0, 1280, 800)
        self.window.showMaximized()  # the whole screen, within a window manager's frame
        self.window.activateWindow()
        settle()

    # -- first run --------------------------------------------------------------------

    def passphrase_typed(self) -> None:
        page = self.window.first_run
        click(page.steps.currentWidget().findChildren(QPushButton)[0])
        type_text(page.passphrase.first, PASSPHRASE)
        type_text(page.passphrase.second, PASSPHRASE)

    def vault_created(self) -> None:
        page = self.window.first_run
        click(page.create_button)
        wait_for(lambda: page.steps.currentIndex() == 2, "the recovery code page")

    def code_noted(self) -> None:
        page = self.window.first_run
        click(page.noted)
        click(page.steps.currentWidget().findChildren(QPushButton)[-1])
        fill_pair_form(
            page.pair_form,
            self.text["mentor"],
            False,
            self.text["program"],
            self.text["start"],
            self.language,
        )

    def first_pair(self) -> None:
        page = self.window.first_run
        click(page.steps.currentWidget().findChildren(QPushButton)[-1])
        wait_for(lambda: self.window.journal_page is not None, "the journal page")

    def first_run(self) -> None:
        Calendar.set(self.text["start"] - dt.timedelta(days=1))  # the day before it starts
        self.passphrase_typed()
        self.vault_created()
        self.code_noted()
        self.first_pair()

    # -- the leader's journal ---------------------------------------------------------

    @property
    def page(self) -> Any:
        return self.window.journal_page

    def plan(self, day: dt.date) -> Any:
        click(self.page.plan_button)
        meeting = self.page.meeting_page
        type_date(meeting.header.planned, day, self.language)
        wait_for(lambda: self.page.meeting_page is not None, "the planned session")
        return self.page.meeting_page

    def entry(self, template_id: str, number: int | None = None) -> Any:
        """Ctrl+N; the template picked, in its session by the rule or in ``number``."""
        self.dialogs.answer(template_id if number is None else (template_id, number))
        self.window.activateWindow()  # the shortcut works in the active window
        settle()
        QTest.keySequence(self.window, QKeySequence(QKeySequence.StandardKey.New))
        settle()
        editor = self.page.editor
        if editor is None or editor.template.id != template_id:
            raise SystemExit(
                f"screenshot scene: no {template_id} entry "
                f"({self.dialogs.shown[-3:]}, {QApplication.activeWindow()})"
            )
        return editor

    def write(self, editor: Any, values: dict[str, Any]) -> None:
        for field, value in values.items():
            widget = editor.editors[field]
            if isinstance(widget, ItemsEditor):
                for item in value:
                    click(widget.add_button)
                    row = widget.rows[-1]
                    text, extra = item if isinstance(item, tuple) else (item, None)
                    type_text(row.text, text)
                    if row.status is not None and extra is not None:
                        choose(row.status, extra)
                    if row.due is not None and extra is not None:
                        type_date(row.due, extra, self.language)
            elif isinstance(widget, RatingEditor):
                click(widget.group.button(value))
            elif isinstance(widget, ChoiceEditor):
                choose(widget.combo, value)
            elif isinstance(widget, ChecklistEditor):
                for choice in value:
                    click(widget.boxes[choice])
            elif isinstance(widget, DateEditor):
                type_date(widget.edit, value, self.language)
            else:
                target = getattr(widget, "edit", widget)
                type_text(target, "\n".join(value) if isinstance(value, list) else value)
        wait_for(lambda: editor.flush() and not editor.dirty, "the entry saved")

    def held(self, editor: Any, day: dt.date) -> None:
        type_date(editor.meeting_header.held, day, self.language)
        wait_for(lambda: editor.meeting_header.meeting.held, "the session held")

    def status(self, editor: Any, status: SessionStatus) -> None:
        (found,) = [b for b in editor.status_group.buttons() if b.text() == status_label(status)]
        click(found)

    def sessions(self, upto: int = 4) -> None:
        """The charter, two sessions of notes and reflections, the mid-point, the next."""
        t, days = self.text, self.text["meetings"]
        Calendar.set(t["start"])
        self.plan(days[0])
        Calendar.set(days[0])  # written in the session, on its day
        charter = self.entry("kickoff-charter")
        self.write(charter, t["charter"])
        self.held(charter, days[0])
        for number in range(2, min(upto, 4) + 1):
            self.plan(days[number - 1])
            Calendar.set(days[number - 1])
            notes = self.entry("regular-session")
            if number >= 3:  # one commitment kept since the last session, ticked
                click(notes.carried_boxes[0])
            self.write(notes, t["notes"][number - 2])
            self.held(notes, days[number - 1])
            if number == 3:
                self.write(self.entry("mid-point-review"), t["midpoint"])
            if number <= 3:
                Calendar.set(days[number - 1] + dt.timedelta(days=1))  # the day after
                reflection = self.entry("leader-reflection")
                self.write(reflection, t["reflections"][number - 2])
                self.status(reflection, SessionStatus.REFLECTED)
        Calendar.set(NOW)
        if upto >= 5:
            self.plan(days[4])

    def export_summary(self, save: bool = True) -> Any:
        self.window.export_action.trigger()
        settle()
        dialog = self.dialogs.opened[-1]
        if save:
            if dialog.protect.isChecked():
                click(dialog.protect)
            self.dialogs.answer(str(self.root / "summary.pdf"))
            click(dialog.save_button)
            wait_for(lambda: (self.root / "summary.pdf").exists(), "the summary written")
            dialog.close()
            settle()
        return dialog

    # -- the second pair: the person is a mentor -------------------------------------

    def mentor_pair(self) -> None:
        t = self.text
        self.dialogs.pair = (t["other"], True, t["other_program"], t["other_start"])
        Calendar.set(t["other_start"])
        click(self.page.new_pair_button)
        wait_for(lambda: self.page.pairs_model.rowCount() == 2, "the second pair")
        Calendar.set(NOW)
        self.select_pair(t["other"])

    def select_pair(self, name: str, other: bool = False) -> None:
        """Click the pair's row (``other``: the row that is not this pair's)."""
        page = self.page
        view, model = page.pairs_view, page.pairs_model
        rows = range(model.rowCount())
        (row,) = [r for r in rows if (name in str(model.index(r).data())) != other]
        rect = view.visualRect(model.index(row))
        QTest.mouseClick(view.viewport(), LEFT, pos=rect.center())
        settle()

    def show_tab(self, index: int) -> None:
        bar = self.page.tabs.tabBar()
        QTest.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
        settle()

    def backlog(self) -> None:
        from rm_journal.ui.topic_editor import TopicEditor

        self.show_tab(TOPICS)
        tab = self.page.lists.topics
        for title, why, questions in self.text["backlog"]:
            click(button(tab, QCoreApplication.translate("Lists", "&New topic…")))
            editor = self.dialogs.opened[-1]
            assert isinstance(editor, TopicEditor)
            type_text(editor.title, title)
            type_text(editor.why, why)
            type_text(editor.questions, questions)
            click(editor.buttons.button(editor.buttons.StandardButton.Save))
        picker = self.library_picker()
        for row in (1, 4):
            self.pick(picker, row)
            click(picker.add_one)
        key(picker, Qt.Key.Key_Escape)

    def library_picker(self) -> Any:
        from rm_journal.ui.topic_picker import TopicPicker

        click(
            button(
                self.page.lists.topics, QCoreApplication.translate("Lists", "From the &library…")
            )
        )
        picker = self.dialogs.opened[-1]
        assert isinstance(picker, TopicPicker)
        return picker

    def pick(self, picker: Any, row: int) -> None:
        rect = picker.list.visualItemRect(picker.list.item(row))
        QTest.mouseClick(picker.list.viewport(), LEFT, pos=rect.center())
        settle()

    def preparation(self) -> Any:
        self.show_tab(SESSIONS)
        self.plan(self.text["other_meeting"])
        editor = self.entry("mentor-preparation")
        self.write(editor, self.text["preparation"])
        self.status(editor, SessionStatus.PREPARED)
        return editor

    # -- looking at one thing ---------------------------------------------------------

    def open_entry(self, number: int, template_id: str) -> Any:
        page = self.page
        self.show_tab(SESSIONS)
        journal = page.current_journal()  # read only: which row to click
        (entry,) = [
            s for s in journal.sessions() if s.number == number and s.template_id == template_id
        ]
        view = page.sessions_view
        index = page.sessions_model.index_of_session(entry.uuid)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
        settle()
        wait_for(
            lambda: page.editor is not None and page.editor.session.uuid == entry.uuid, "the entry"
        )
        page.editor.scroll_area.verticalScrollBar().setValue(0)
        return page.editor

    def open_meeting(self, number: int) -> Any:
        page = self.page
        self.show_tab(SESSIONS)
        index = page.sessions_model.index_of_meeting(number)
        view = page.sessions_view
        QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
        settle()
        wait_for(lambda: page.meeting_page is not None, "the session's page")
        return page.meeting_page

    def lock(self) -> None:
        key(self.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        wait_for(lambda: self.window.vault is None, "the lock")

    def unlock(self) -> None:
        page = self.window.unlock_page
        type_text(page.passphrase, PASSPHRASE)
        key(page.passphrase, Qt.Key.Key_Return)
        wait_for(lambda: self.window.journal_page is not None, "the unlock")


# -- the scenes -----------------------------------------------------------------------------


def scene(name: str, language: str, root: Path, app: QApplication) -> Story:
    """Drive a fresh app to the scene ``name``; returns the story whose window shows it."""
    story = Story(root, language)
    if name.startswith("first-run"):
        story.passphrase_typed()
        if name != "first-run":
            story.vault_created()
        if name == "first-run-pair":
            story.code_noted()
        return story
    story.first_run()
    if name == "unlock":
        story.lock()
        return story
    if name.startswith("exchange") or name == "import":
        return exchange_scene(name, story, root)
    story.sessions(upto=5 if name in ("datepicker", "journey", "damaged") else 4)
    page = story.page
    if name == "main":
        story.open_entry(4, "regular-session")
    elif name == "meeting":
        editor = story.open_entry(2, "leader-reflection")
        editor.meeting_header.held.edit.setFocus()
    elif name == "editor":
        if language == "fr":
            story.open_entry(3, "leader-reflection")
        else:
            story.mentor_pair()
            story.preparation()
    elif name == "datepicker":
        meeting = story.open_meeting(5)
        click(meeting.header.planned.calendar_button)
    elif name in ("takeaways", "actions", "journey"):
        story.show_tab({"takeaways": TAKEAWAYS, "actions": ACTIONS, "journey": JOURNEY}[name])
    elif name in ("topics", "backlog"):
        story.mentor_pair()
        story.backlog()
        if name == "backlog":
            picker = story.library_picker()
            story.pick(picker, 6)
        else:
            story.show_tab(TOPICS)
    elif name == "sharing":
        story.export_summary()
        story.show_tab(SHARING)
    elif name == "export":
        story.show_tab(SHARING)
        story.export_summary(save=False)
    elif name == "damaged":
        story.mentor_pair()
        story.preparation()
        story.window.backup_action.trigger()  # Journal → Back up now
        settle()
        file_id, key_copy = story.window.vault.pair_file_and_key(page.pair_id)  # read: whose
        key_copy.wipe()
        damaged = story.data_dir.journal_path(file_id)
        story.lock()
        raw = bytearray(damaged.read_bytes())  # the disk, not the app, damages it
        raw[len(raw) // 2] ^= 0x10
        damaged.write_bytes(bytes(raw))
        story.unlock()
        story.select_pair(story.text["mentor"], other=True)  # the damaged one, named no more
    elif name == "settings":  # the General tab: on Linux, screen capture says why it is off
        key(
            QApplication.focusWidget() or story.window,
            Qt.Key.Key_Comma,
            Qt.KeyboardModifier.ControlModifier,
        )
        wait_for(lambda: story.window.settings_dialog is not None, "Settings")
        settle()
    elif name == "security":
        key(
            QApplication.focusWidget() or story.window,
            Qt.Key.Key_Comma,
            Qt.KeyboardModifier.ControlModifier,
        )
        wait_for(lambda: story.window.settings_dialog is not None, "Settings")
        settings = story.window.settings_dialog
        bar = settings.tabs.tabBar()
        QTest.mouseClick(
            bar, LEFT, pos=bar.tabRect(settings.tabs.indexOf(settings.security)).center()
        )
        settle()
    elif name == "templates":
        story.window.templates_action.trigger()
        settle()
        manager = story.dialogs.opened[-1]
        tree = manager.tree
        from rm_journal.ui.template_manager import ID_ROLE

        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == "leader-reflection":
                rect = tree.visualItemRect(item)
                QTest.mouseClick(tree.viewport(), LEFT, pos=rect.center())
        settle()
    elif name == "guide":
        key(QApplication.focusWidget() or story.window, Qt.Key.Key_F1)
        wait_for(
            lambda: story.window.guide is not None and story.window.guide.isVisible(), "the guide"
        )
    else:
        raise SystemExit(f"unknown scene {name!r}; one of: {', '.join(SCENES)}")
    return story


def exchange_scene(name: str, leader: Story, root: Path) -> Story:
    """The leader's window and, on 'another computer', the mentor's: a second window on a
    second data folder, driven the same way. Blocks and files go through files on disk."""
    leader.sessions(upto=5)
    t = leader.text
    mentor = Story(root, leader.language, name="partner")
    mentor.passphrase_typed()
    mentor.vault_created()
    page = mentor.window.first_run
    click(page.noted)
    click(page.steps.currentWidget().findChildren(QPushButton)[-1])
    fill_pair_form(page.pair_form, t["leader"], True, t["program"], t["start"], leader.language)
    mentor.first_pair()
    for day in t["meetings"]:
        mentor.plan(day)
    prep = mentor.entry("mentor-preparation", 5)  # the session chosen in the picker
    mentor.write(prep, t["preparation"])
    mentor.status(prep, SessionStatus.PREPARED)
    exchanged(name, leader, mentor, root)
    mentor.window.hide()  # the picture is the leader's screen
    leader.window.raise_()
    leader.window.activateWindow()
    for dialog in leader.dialogs.opened:  # an import dialog stays above its window
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
    settle()
    return leader


def exchanged(name: str, leader: Story, mentor: Story, root: Path) -> None:
    """Linked (or about to be), then files carried both ways, up to the scene."""
    t = leader.text

    # linking: each saves their pairing block, the other pastes it
    blocks = {}
    for side in (leader, mentor):
        side.show_tab(EXCHANGE)
        blocks[side] = root / f"block-{id(side)}.txt"
        side.dialogs.answer(str(blocks[side]))
        click(side.page.partner.save_button)
    for side, other in ((mentor, leader), (leader, mentor)):
        side.dialogs.answer(blocks[other].read_text(encoding="ascii"))
        click(side.page.partner.paste_button)
    if name == "exchange-pending":  # the numbers not compared yet
        return
    for side in (leader, mentor):
        side.dialogs.answer(True)  # "they are the same"
        click(side.page.partner.confirm_button)

    # the mentor sends the agenda of the next session
    tab = mentor.page.partner
    click(tab.agenda)
    choose(tab.agenda_session, 5)
    if tab.takeaways.isChecked():
        click(tab.takeaways)
    send(mentor, root / "agenda.rmjx")
    receive(leader, root / "agenda.rmjx", apply=True)
    if name == "exchange":
        return
    if name == "exchange-editor":  # the leader's notes for that session show the agenda
        leader.open_entry(5, "regular-session")  # the agenda's import made it
        return

    # the leader sends takeaways; the mentor agrees in their own notes and answers
    tab = leader.page.partner
    if not tab.takeaways.isChecked():
        click(tab.takeaways)
    send(leader, root / "takeaways.rmjx")
    receive(mentor, root / "takeaways.rmjx", apply=True)
    notes = mentor.open_entry(4, "regular-session")  # what the leader's file brought
    for row in notes.editors["takeaways"].rows:
        choose(row.status, "agreed")
    mentor.write(notes, {"takeaways": [(t["partner_takeaway"], "agreed")]})
    mentor.show_tab(EXCHANGE)
    tab = mentor.page.partner
    if tab.agenda.isChecked():
        click(tab.agenda)
    if not tab.takeaways.isChecked():
        click(tab.takeaways)
    send(mentor, root / "partner.rmjx")
    receive(leader, root / "partner.rmjx", apply=name == "exchange-takeaways")
    if name == "exchange-takeaways":
        leader.show_tab(TAKEAWAYS)


def send(side: Story, path: Path) -> None:
    side.dialogs.answer(str(path))
    click(side.page.partner.write_button)
    wait_for(path.exists, f"{path.name} written")


def receive(side: Story, path: Path, *, apply: bool) -> None:
    side.show_tab(EXCHANGE)
    side.dialogs.answer(str(path))
    click(side.page.partner.import_button)
    dialog = side.dialogs.opened[-1]
    if apply:
        click(dialog.import_button)
        settle()


def main(argv: list[str]) -> None:
    args = list(argv)
    save: Path | None = None
    if "--save" in args:
        at = args.index("--save")
        save = Path(args[at + 1])
        del args[at : at + 2]
    name, language = args
    if name not in SCENES:
        raise SystemExit(f"unknown scene {name!r}; one of: {', '.join(SCENES)}")
    set_private_umask()
    Calendar.turn_on()
    app = make_app(sys.argv[:1])
    if language == "pseudo":  # every string 40 % longer and bracketed: clipped text shows
        app.installTranslator(PseudoTranslator(app))
        language = "en"
    install_translations(app, language)
    root = Path(tempfile.mkdtemp())
    story = scene(name, language, root, app)
    settle()
    if save is not None:

        def grab() -> None:
            settle()
            QGuiApplication.primaryScreen().grabWindow(0).save(str(save))
            app.quit()

        QTimer.singleShot(700, grab)  # the window system paints what was settled
    else:
        QTimer.singleShot(60_000, app.quit)
    app.exec()
    if story.window.vault is not None:
        story.window.lock()


if __name__ == "__main__":
    main(sys.argv[1:])
