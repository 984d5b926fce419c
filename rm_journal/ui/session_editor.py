"""The session editor: a form generated from the session's template snapshot.

Autosave: every edit restarts a short debounce timer; when it fires, or when
focus leaves a field, the session changes, the vault locks or the app quits,
the changed fields are saved in one transaction. The indicator says
"Saved · encrypted" or, in one sentence, what went wrong; unsaved text stays in
the form and is saved again on the next edit or flush.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError, StorageUnavailable
from rm_journal.core.journal.fields import FieldType
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role, Session, SessionStatus
from rm_journal.templates.planning import topic_field_key
from rm_journal.templates.schema import Template, session_template
from rm_journal.ui.date_field import date_locale
from rm_journal.ui.field_editors import FieldEditor, ItemsEditor, make_editor
from rm_journal.ui.meeting_header import MeetingHeader
from rm_journal.ui.meeting_models import meeting_title, show_day
from rm_journal.ui.messages import describe

DEBOUNCE_MS = 400
RETRY_MS = 5000  # a full disk or a read-only folder: try the save again this often
MAX_CARRIED_SHOWN = 30


class BoxWords(QLabel):
    """The words of a check box in a label of their own, which wraps where a check box's
    text cannot; a click on them toggles the box, as a click on its own text would."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.toggle()


class SessionEditor(QWidget):
    """Edits one session; ``session_saved`` fires after every successful save."""

    session_saved = Signal()
    session_changed = Signal()  # title or status: lists elsewhere need a refresh

    def __init__(
        self,
        journal: Journal,
        session: Session,
        my_role: Role,
        language: str,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.session = session
        self.today = today
        self.language = language
        self.template: Template = session_template(session)
        self.editors: dict[str, FieldEditor] = {}
        self._dirty: set[str] = set()
        self._title_dirty = False
        self.error: str | None = None
        # deletes a saved item (kind, uuid) through the window's undo history; True if done
        self.delete_item: Callable[[FieldType, str], bool] | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._header())
        scroll = QScrollArea(self)
        self.scroll_area = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        form = QVBoxLayout(body)
        form.setContentsMargins(24, 8, 24, 24)
        form.setSpacing(6)
        description = QLabel(self.template.description.get(language), body)
        description.setWordWrap(True)
        description.setObjectName("templateDescription")
        form.addWidget(description)
        self.carried_boxes: list[QCheckBox] = []
        if any(f.type is FieldType.ACTIONS for f in self.template.fields()):
            self._add_carried_actions(body, form)
        self.planned_labels: list[QLabel] = []
        self._add_planned_topics(body, form)
        self._add_partner_agenda(body, form)
        for section in self.template.sections:
            title = self._section_title(section.title.get(language), body)
            title.setAccessibleName(section.title.get(language))
            form.addWidget(title)
            if section.help:
                form.addWidget(self._help(section.help.get(language), body))
            for field in section.fields:
                label_text = field.label.get(language)
                if field.required:
                    label_text += " *"
                label = QLabel(label_text, body)
                label.setWordWrap(True)
                label.setContentsMargins(0, 8, 0, 0)
                bold = label.font()
                bold.setWeight(QFont.Weight.Medium)
                label.setFont(bold)
                form.addWidget(label)
                if field.private:
                    label.setToolTip(self.tr("Private by default: only in your journal"))
                if field.help:
                    form.addWidget(self._help(field.help.get(language), body))
                editor = make_editor(field, language, my_role, body)
                label.setBuddy(editor)
                editor.edited.connect(lambda key=field.key: self._edited(key))
                if isinstance(editor, ItemsEditor):
                    editor.remover = self._remove_item
                form.addWidget(editor)
                self.editors[field.key] = editor
        form.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._load()

    # -- layout ------------------------------------------------------------------------

    def _add_carried_actions(self, body: QWidget, form: QVBoxLayout) -> None:
        """Open actions of earlier sessions, ticked off here as they get done."""
        # the most recent ones; the Actions tab has them all
        shown = self.journal.carried_actions(self.session.uuid, newest=MAX_CARRIED_SHOWN)
        if not shown:
            return
        form.addWidget(self._section_title(self.tr("Actions carried over"), body))
        today = dt.date.today()
        if len(shown) == MAX_CARRIED_SHOWN:
            older = self.journal.count_carried_actions(self.session.uuid) - len(shown)
            if older:
                more = QLabel(
                    self.tr("%1 older open actions are in the Actions tab.").replace(
                        "%1", str(older)
                    ),
                    body,
                )
                more.setObjectName("hint")
                form.addWidget(more)
        for item in shown:
            action = item.action
            text = (
                self.tr("%1 — carried from session %2")
                .replace("%1", action.text)
                .replace("%2", str(item.from_number))
            )
            if action.due_date:
                day = show_day(action.due_date, date_locale(self.language))  # as typed
                text += " · " + self.tr("due %1").replace("%1", day)
            # the box and its words apart: a check box cannot wrap, and a long action
            # widened the whole form past its pane (seen in a screenshot)
            row = QHBoxLayout()
            box = QCheckBox(body)
            box.setAccessibleName(text)
            words = BoxWords(text, box, body)
            if action.overdue(today):
                for widget in (box, words):
                    widget.setProperty("overdue", True)  # coloured by the app's style sheet
                    widget.setToolTip(self.tr("Overdue"))
            box.toggled.connect(lambda done, a=action: self._carried_done(a, done))
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(words, 1)
            form.addLayout(row)
            self.carried_boxes.append(box)

    def _section_title(self, text: str, body: QWidget) -> QLabel:
        title = QLabel(text, body)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        title.setContentsMargins(0, 18, 0, 2)
        return title

    def _add_planned_topics(self, body: QWidget, form: QVBoxLayout) -> None:
        """Backlog topics the mentor planned for this entry: its preparation starts there.
        In a box of their own, refilled when the Topics tab plans one."""
        self.planned_box = QWidget(body)
        self.planned_layout = QVBoxLayout(self.planned_box)
        self.planned_layout.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.planned_box)
        self._fill_planned_topics()

    def _fill_planned_topics(self) -> None:
        box = self.planned_layout
        while (item := box.takeAt(0)) is not None:
            widget = item.widget()
            if isinstance(widget, QLabel) and widget in self.planned_labels:
                self.planned_labels.remove(widget)  # the partner's agenda keeps its own
            if widget is not None:
                widget.deleteLater()
        planned = self.journal.planned_topics(self.session.uuid)
        self.planned_box.setHidden(not planned)
        if not planned:
            return
        title = self._section_title(self.tr("Topics planned for this session"), self.planned_box)
        box.addWidget(title)
        for i, topic in enumerate(planned):
            lines = [f"<b>{html.escape(topic.title)}</b>"]
            if topic.why:
                lines.append(html.escape(topic.why))
            lines += [f"• {html.escape(q)}" for q in topic.questions]
            label = QLabel("<br>".join(lines), self.planned_box)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(topic.title)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(label)
            self.planned_labels.insert(i, label)  # before the partner's agenda, as built

    def reload_planned_topics(self) -> None:
        """After the backlog changed: the planned topics again, and the topic field as the
        planning may have filled it (unless something typed here is not saved yet)."""
        try:
            self._fill_planned_topics()
            key = topic_field_key(self.journal, self.session.uuid)
            if key is not None and key in self.editors and key not in self._dirty:
                self.editors[key].set_value(self.journal.fields(self.session.uuid).get(key))
        except RmJournalError as exc:
            self.indicator.setText("⚠ " + describe(exc))

    def _add_partner_agenda(self, body: QWidget, form: QVBoxLayout) -> None:
        """The agenda the partner sent for this session (linked pairs), to prepare from."""
        for agenda in self.journal.agendas(self.session.number):
            form.addWidget(self._section_title(self.tr("Agenda from your partner"), body))
            lines = [f"<b>{html.escape(agenda.title)}</b>"] if agenda.title else []
            lines += [f"• {html.escape(point)}" for point in agenda.points]
            if agenda.talking_points:
                lines.append(html.escape(self.tr("Talking points your partner shares with you:")))
                lines += [f"• {html.escape(point)}" for point in agenda.talking_points]
            label = QLabel("<br>".join(lines), body)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(self.tr("Agenda from your partner"))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addWidget(label)
            self.planned_labels.append(label)

    def _carried_done(self, action: Any, done: bool) -> None:
        try:
            current = self.journal.action(action.uuid)
            self.journal.update_action(
                replace(current, done_date=dt.date.today() if done else None)
            )
        except RmJournalError as exc:
            self.indicator.setText("⚠ " + describe(exc))
            return
        self._show_saved()

    def _help(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setWordWrap(True)
        label.setObjectName("helpText")
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    def _header(self) -> QWidget:
        header = QWidget(self)
        layout = QVBoxLayout(header)
        layout.setContentsMargins(24, 16, 24, 8)
        top = QHBoxLayout()
        count = self.journal.charter().meeting_count
        number = QLabel(meeting_title(self.session.number, count), header)
        number.setObjectName("meetingTitle")
        font = number.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        number.setFont(font)
        top.addWidget(number)
        template_name = QLabel("· " + self.template.name.get(self.language), header)
        template_name.setFont(font)
        template_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(template_name, 1)
        self.indicator = QLabel(header)
        self.indicator.setAccessibleName(self.tr("Save status"))
        top.addWidget(self.indicator, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)

        self.title_edit = QLineEdit(self.session.title, header)
        self.title_edit.setPlaceholderText(self.tr("Title of the session (optional)"))
        self.title_edit.setAccessibleName(self.tr("Session title"))
        self.title_edit.textEdited.connect(self._title_edited)
        layout.addWidget(self.title_edit)

        # the meeting's days and status, shared by all its entries
        self.meeting_header = MeetingHeader(
            self.journal,
            self.journal.meeting(self.session.number),
            self.language,
            header,
            today=self.today,
            before_change=self.flush,
        )
        self.meeting_header.meeting_changed.connect(self._meeting_changed)
        self.status_group = self.meeting_header.status_group
        layout.addWidget(self.meeting_header)
        self.required_notice = QLabel(header)
        self.required_notice.setObjectName("requiredNotice")
        self.required_notice.setWordWrap(True)
        self.required_notice.hide()
        layout.addWidget(self.required_notice)
        return header

    # -- loading and saving -----------------------------------------------------------------

    def _load(self) -> None:
        values = self.journal.fields(self.session.uuid)
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))
        self._show_saved()
        self._check_required(values)

    def _check_required(self, values: dict[str, Any] | None = None) -> None:
        """Held or reflected with a required field (``*``) empty: say which, in one
        sentence under the status buttons; the mark stays (notes are often written later)."""
        sentences = {
            SessionStatus.HELD: self.tr(
                "Marked held, but required fields (*) are still empty: %1."
            ),
            SessionStatus.REFLECTED: self.tr(
                "Marked reflected, but required fields (*) are still empty: %1."
            ),
        }
        missing: list[str] = []
        if self.session.status in sentences:
            try:
                missing = self.journal.missing_required(self.session.uuid, values)
            except RmJournalError:
                missing = []  # an unreadable journal says so on the next save, not here
        labels = {f.key: f.label.get(self.language) for f in self.template.fields()}
        names = ", ".join(labels.get(key, key) for key in missing)
        self.required_notice.setText(
            sentences[self.session.status].replace("%1", names) if missing else ""
        )
        self.required_notice.setHidden(not missing)

    def _edited(self, key: str) -> None:
        self._dirty.add(key)
        self.indicator.setText(self.tr("Editing…"))
        self._timer.start()

    def _title_edited(self, _text: str) -> None:
        self._title_dirty = True
        self.indicator.setText(self.tr("Editing…"))
        self._timer.start()

    @property
    def dirty(self) -> bool:
        return bool(self._dirty) or self._title_dirty

    def unsaved(self) -> dict[str, Any]:
        """What was typed and is not saved: the title if changed, and the changed fields."""
        return {
            "title": self.title_edit.text() if self._title_dirty else None,
            "values": {key: self.editors[key].value() for key in sorted(self._dirty)},
        }

    def restore_unsaved(self, unsaved: dict[str, Any]) -> None:
        """Put back what :meth:`unsaved` returned (after a lock) and save it soon."""
        if unsaved.get("title") is not None:
            self.title_edit.setText(str(unsaved["title"]))
            self._title_dirty = True
        for key, value in dict(unsaved.get("values") or {}).items():
            if key in self.editors:
                self.editors[key].set_value(value)
                self._dirty.add(key)
        if self.dirty:
            self.indicator.setText(self.tr("Editing…"))
            self._timer.start()

    def flush(self) -> bool:
        """Save what changed now; returns False (and shows why) if it could not be saved."""
        self._timer.stop()
        if not self.dirty:
            self._retry.stop()
            return True
        keys = sorted(self._dirty)
        values: dict[str, Any] = {k: self.editors[k].value() for k in keys}
        try:
            if self._title_dirty:
                self.session = self.journal.update_session(
                    replace(self.session, title=self.title_edit.text().strip())
                )
                self._title_dirty = False
                self.session_changed.emit()
            if values:
                self.journal.set_fields(self.session.uuid, values)
        except RmJournalError as exc:
            self.error = describe(exc)
            text = self.tr("Not saved: %1").replace("%1", describe(exc))
            if isinstance(exc, StorageUnavailable):
                # the text stays here and is saved as soon as the disk takes it again
                text += " " + self.tr("Trying again every few seconds.")
                if not self._retry.isActive():
                    self._retry.start()
            self.indicator.setText("⚠ " + text)
            self.indicator.setStyleSheet("color: #b3261e;")
            self.indicator.setWordWrap(True)
            return False
        self._retry.stop()
        self._dirty.difference_update(keys)
        structured = [k for k in keys if isinstance(self.editors[k], ItemsEditor)]
        if structured:
            saved = self.journal.fields(self.session.uuid)
            for key in structured:
                editor = self.editors[key]
                assert isinstance(editor, ItemsEditor)
                editor.adopt_ids(saved.get(key, []))
        self.error = None
        self._show_saved()
        if not self.required_notice.isHidden():  # filled in since: the notice goes
            self._check_required()
        self.session_saved.emit()
        return True

    def _remove_item(self, editor: ItemsEditor, row: Any) -> None:
        """A row's ×: saved first (what was typed in it too), then deleted in the journal
        by ``delete_item``, which the Edit menu can undo; a row never saved just goes."""
        if not self.flush():
            return  # the indicator says why; nothing is deleted
        if row.uuid is None or self.delete_item is None:
            editor.drop_row(row)
            editor.edited.emit()
            return
        if self.delete_item(editor.field.type, row.uuid):
            editor.drop_row(row)  # the keyboard goes to Add: Ctrl+Z there is the menu's

    def reload_items(self) -> None:
        """Show the journal's takeaways, actions and topics again (after an undo or a
        deletion); the keyboard stays where it was, or goes to the list's Add button."""
        if not self.flush():
            return
        focused = QApplication.focusWidget()
        values = self.journal.fields(self.session.uuid)
        target = focused
        changed = False
        for editor in self.editors.values():
            if isinstance(editor, ItemsEditor) and not editor.shows(values.get(editor.field.key)):
                if focused is not None and editor.isAncestorOf(focused):
                    target = editor.add_button  # its rows are replaced
                editor.set_value(values.get(editor.field.key))
                changed = True
        if changed and target is not None:  # a new row takes the keyboard: give it back
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_saved(self) -> None:
        self.indicator.setStyleSheet("color: palette(placeholder-text);")
        self.indicator.setText("✓ " + self.tr("Saved · encrypted"))

    def _meeting_changed(self, _meeting: object) -> None:
        """The meeting's days or status were saved: this entry shows them too."""
        try:
            self.session = self.journal.session(self.session.uuid)
        except RmJournalError as exc:
            self.indicator.setText("⚠ " + describe(exc))
            return
        self._check_required()
        self.session_changed.emit()

    def reveal(self, widget: QWidget) -> None:
        """Scroll a field into view and put the cursor in it."""
        self.scroll_area.ensureWidgetVisible(widget, 0, 60)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first_field(self) -> None:
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
