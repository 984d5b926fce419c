"""The one date field of the app: typed in the person's locale or picked on a calendar.

Use it wherever a date is chosen::

    due = DateField(self.tr("Due date"), date_locale(language), parent=self)
    due.set_value(action.due_date)          # a dt.date, or None for "no date"
    due.set_open_month(meeting_day)         # optional: where an empty field's calendar opens
    due.date_changed.connect(on_due)        # dt.date | None, only when the person changed it
    due.value()                             # dt.date | None
    due.refused()                           # True while a typed text is refused (date_refused)

Why not ``QDateEdit``: it cannot hold "no date" (the old field used 1 January 1900
as a stand-in, so its calendar opened there), typing goes section by section and
an unparsable date is silently corrected, and its popup is sized without the app's
cell padding (two-digit days drawn as "…"). This field is a line edit and a
calendar button:

- the text is the locale's short format with a four-digit year (31/12/2026 in
  French); typing that, its one-digit or two-digit-year variants, or ISO
  2026-12-31 is accepted on Enter or when focus leaves;
- anything else is refused where the person looks: a red frame, a sentence under
  the field (also its accessible description), the value unchanged and no
  ``date_changed``, so nothing is saved;
- an empty text is "no date": the clear button inside the field, or Delete or
  Backspace over the selected text, then Enter or Tab;
- Alt+Down or F4 opens the calendar, on the value's month or else on the open
  month (today unless the caller sets one); arrows move, Enter picks, Escape
  leaves it unchanged. It is sized so every day number fits its cell, and placed
  inside the screen's available area.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#b3261e"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_EXAMPLE = QDate(2026, 12, 31)


def date_locale(language: str) -> QLocale:
    """The person's own locale when it speaks the app's language (en_GB keeps
    day-first dates), else the language's main locale (fr → fr_FR)."""
    system = QLocale.system()
    if QLocale.languageToCode(system.language()) == language:
        return system
    return QLocale(language)


def display_format(locale: QLocale) -> str:
    """The locale's short date format, with a four-digit year (a 26 is ambiguous)."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in short:
        short = short.replace("yy", "yyyy")
    return short


def _loose(fmt: str) -> str:
    """The same order with one-digit days and months allowed (5/3/2026)."""
    return re.sub(r"(?<!d)dd(?!d)", "d", re.sub(r"(?<!M)MM(?!M)", "M", fmt))


def parse_date(text: str, locale: QLocale, today: dt.date | None = None) -> dt.date | None:
    """The date a person typed, or None when it is not one (refused).

    Accepted: ISO yyyy-mm-dd, the locale's short format with a four- or two-digit
    year, and its one-digit day and month variants. Never raises."""
    text = text.strip()
    if not text:
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    base_year = (today or dt.date.today()).year - 50  # "26" is 2026, "90" is 1990
    full = display_format(locale)
    two_digit = full.replace("yyyy", "yy")
    for fmt in dict.fromkeys((full, _loose(full), short, two_digit, _loose(two_digit))):
        day = locale.toDate(text, fmt, base_year)
        if day.isValid() and 1 <= day.year() <= 9999:
            return dt.date(day.year(), day.month(), day.day())
    return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class CalendarPopup(QFrame):
    """The calendar in a popup window, sized for its cells and kept on screen."""

    date_picked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self._name_parts()
        layout.addWidget(self.calendar)
        table = self.calendar.findChild(QTableView)
        assert table is not None  # QCalendarWidget draws its days in one
        self.table: QTableView = table

    def _name_parts(self) -> None:
        """QCalendarWidget leaves its navigation bar unnamed for screen readers."""
        names = {
            "qt_calendar_prevmonth": self.tr("Previous month"),
            "qt_calendar_nextmonth": self.tr("Next month"),
            "qt_calendar_monthbutton": self.tr("Month"),
            "qt_calendar_yearbutton": self.tr("Year"),
            "qt_calendar_yearedit": self.tr("Year"),
            "qt_calendar_calendarview": self.tr("Days of the month"),
            "qt_tableview_cornerbutton": self.tr("Days of the month"),  # hidden, yet listed
        }
        for name, label in names.items():
            part = self.calendar.findChild(QWidget, name)
            if part is not None:
                part.setAccessibleName(label)
                for inner in part.findChildren(QLineEdit):
                    inner.setAccessibleName(label)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.date_picked.emit(_pydate(day))

    def fit_cells(self) -> None:
        """Every cell at least as wide and tall as its text (with the style's item
        padding, which QCalendarWidget's own size hint ignores) and an easy target."""
        self.ensurePolished()
        self.calendar.ensurePolished()
        table = self.table
        model = table.model()
        line = self.calendar.fontMetrics().height()
        cell_w = max([table.sizeHintForColumn(c) for c in range(model.columnCount())] + [2 * line])
        cell_h = max([table.sizeHintForRow(r) for r in range(model.rowCount())] + [line * 3 // 2])
        navigation = self.calendar.findChild(QWidget, "qt_calendar_navigationbar")
        nav_h = navigation.sizeHint().height() if navigation is not None else 2 * line
        nav_w = navigation.sizeHint().width() if navigation is not None else 0
        frame = 2 * table.frameWidth() + 4
        self.calendar.setMinimumSize(
            max(cell_w * model.columnCount() + frame, nav_w),
            cell_h * model.rowCount() + nav_h + frame,
        )
        self.adjustSize()

    def place(self, anchor: QWidget) -> None:
        """Below the anchor, or above it when the bottom of the screen is near; always
        inside the available geometry (no part under a panel or off the edge)."""
        screen = anchor.screen()
        area = screen.availableGeometry()
        size = self.sizeHint().boundedTo(area.size())
        below = anchor.mapToGlobal(QPoint(0, anchor.height()))
        top = below.y()
        if top + size.height() > area.bottom() + 1:
            top = anchor.mapToGlobal(QPoint(0, 0)).y() - size.height()
        left = min(max(below.x(), area.left()), area.right() + 1 - size.width())
        top = min(max(top, area.top()), area.bottom() + 1 - size.height())
        self.setGeometry(QRect(QPoint(left, top), size))


class DateField(QWidget):
    """An optional date: see the module docstring for how to use it."""

    date_changed = Signal(object)  # dt.date | None, after the person changed it
    date_refused = Signal(str)  # the sentence shown under the field; the value is kept

    def __init__(
        self,
        accessible_name: str,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        self._open_month: dt.date | None = None
        self._minimum: dt.date | None = None
        self._maximum: dt.date | None = None
        self.setAccessibleName(accessible_name)

        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(placeholder or self.tr("No date"))
        self.edit.editingFinished.connect(self.commit_text)
        self.edit.installEventFilter(self)
        self.clear_action = self.edit.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.clear_action.setText(self.tr("Clear the date"))
        self.clear_action.setToolTip(self.tr("Clear the date"))
        for button in self.clear_action.associatedObjects():
            if isinstance(button, QToolButton):
                button.setAccessibleName(self.tr("Clear the date"))
        self.clear_action.triggered.connect(self._clear)
        self.clear_action.setVisible(False)
        self.edit.textChanged.connect(lambda text: self.clear_action.setVisible(bool(text)))

        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Choose on a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(
            self.tr("%1: choose on a calendar").replace("%1", accessible_name)
        )
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.calendar_button.clicked.connect(self.open_calendar)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setAccessibleName(self.tr("Date not accepted"))
        self.error.hide()

        self.popup = CalendarPopup(self)
        self.popup.date_picked.connect(self._picked)
        self.set_locale(locale if locale is not None else QLocale())

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)

    # the API --------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, day: dt.date | None) -> None:
        """Show a saved value; not reported as a change (no ``date_changed``)."""
        self._value = day
        self.edit.setText(self._show(day))
        self._accepted()

    def set_locale(self, locale: QLocale) -> None:
        """Show, read and explain dates in this locale (see ``date_locale``)."""
        self._locale = locale
        self.setLocale(locale)
        self._format = display_format(locale)
        example = locale.toString(_EXAMPLE, self._format)
        self._examples = (example, _EXAMPLE.toString("yyyy-MM-dd"))
        self._hint = (
            self.tr("Type a date as %1 or %2, or leave it empty for no date.")
            .replace("%1", example)
            .replace("%2", self._examples[1])
        )
        self.edit.setToolTip(self._hint)
        metrics = self.edit.fontMetrics()  # the whole date, the clear button, the padding
        self.edit.setMinimumWidth(metrics.horizontalAdvance(example + "00") + 3 * metrics.height())
        self.popup.calendar.setLocale(locale)
        self.popup.calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
        self.set_value(self._value)

    def set_open_month(self, day: dt.date | None) -> None:
        """Where the calendar of an empty field opens (None: today)."""
        self._open_month = day

    def set_minimum(self, day: dt.date | None) -> None:
        self._minimum = day
        self.popup.calendar.setMinimumDate(_qdate(day or dt.date(1, 1, 1)))

    def set_maximum(self, day: dt.date | None) -> None:
        self._maximum = day
        self.popup.calendar.setMaximumDate(_qdate(day or dt.date(9999, 12, 31)))

    def refused(self) -> bool:
        """True while a typed text is shown as not accepted."""
        return not self.error.isHidden()

    # typing ---------------------------------------------------------------------------
    def commit_text(self) -> None:
        """Accept the typed text, or refuse it visibly and keep the value."""
        text = self.edit.text().strip()
        if text == self._show(self._value):
            self._accepted()
            return
        if not text:
            self._set(None)
            return
        day = parse_date(text, self._locale)
        if day is None:
            self._refuse(
                self.tr("“%1” is not a date: type it as %2 or %3.")
                .replace("%2", self._examples[0])
                .replace("%3", self._examples[1])
                .replace("%1", text)
            )
        elif self._minimum is not None and day < self._minimum:
            self._refuse(
                self.tr("The date cannot be before %1.").replace("%1", self._show(self._minimum))
            )
        elif self._maximum is not None and day > self._maximum:
            self._refuse(
                self.tr("The date cannot be after %1.").replace("%1", self._show(self._maximum))
            )
        else:
            self._set(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
                self.open_calendar()
                return True
        return False  # everything else goes on to the line edit

    # the calendar ---------------------------------------------------------------------
    def open_calendar(self) -> None:
        """Open on the value's month, or the open month, or today's."""
        self.commit_text()
        shown = self._value or self._open_month or dt.date.today()
        calendar = self.popup.calendar
        if self._value is not None:
            calendar.setSelectedDate(_qdate(self._value))
        else:
            calendar.setSelectedDate(_qdate(shown))
        calendar.setCurrentPage(shown.year, shown.month)
        self.popup.fit_cells()
        self.popup.place(self)
        self.popup.show()
        calendar.setFocus()

    def _picked(self, day: dt.date) -> None:
        self.edit.setFocus()
        if (self._minimum is None or day >= self._minimum) and (
            self._maximum is None or day <= self._maximum
        ):
            self._set(day)

    # inside ---------------------------------------------------------------------------
    def _clear(self) -> None:
        self.edit.clear()
        self._set(None)

    def _show(self, day: dt.date | None) -> str:
        return self._locale.toString(_qdate(day), self._format) if day else ""

    def _set(self, day: dt.date | None) -> None:
        changed = day != self._value
        self._value = day
        self.edit.setText(self._show(day))
        self._accepted()
        if changed:
            self.date_changed.emit(day)

    def _refuse(self, sentence: str) -> None:
        self.edit.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {ERROR_COLOUR}; border-radius: 5px; }}"
        )
        self.edit.setAccessibleDescription(sentence)
        self.error.setText(sentence)
        self.error.show()
        self.date_refused.emit(sentence)

    def _accepted(self) -> None:
        self.edit.setStyleSheet("")
        self.edit.setAccessibleDescription(self._hint)
        self.error.clear()
        self.error.hide()
