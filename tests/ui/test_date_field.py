"""The app's one date field, on its own: typed dates accepted or visibly refused, the
calendar on a sensible month, every day number whole, the popup on the screen."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton

from rm_journal.ui.date_field import DateField, date_locale, display_format, parse_date
from rm_journal.ui.style import STYLESHEET
from tests.conftest import HANG_MS
from tests.ui.conftest import settle, type_text

POPUP_WARNINGS = "This plugin does not support grabbing the keyboard"
LOCALES = ("fr_FR", "en_US", "en_GB", "de_DE", "ja_JP", "ar_EG", "fr_CA", "C")
pytestmark = pytest.mark.qt_log_ignore(POPUP_WARNINGS)


@pytest.fixture
def app_style(qapp):
    """The app's own style sheet (its item padding is what clipped the old calendar)."""
    qapp.setStyleSheet(STYLESHEET)
    yield
    qapp.setStyleSheet("")


def make_field(qtbot, locale: str = "fr_FR", at: QPoint | None = None) -> DateField:
    field = DateField("Due date", QLocale(locale))
    qtbot.addWidget(field)
    field.resize(220, field.sizeHint().height())
    if at is not None:
        field.move(at)
    with qtbot.waitActive(field, timeout=HANG_MS):
        field.show()
        field.activateWindow()
    return field


def type_date(field: DateField, text: str) -> None:
    field.edit.selectAll()
    type_text(field.edit, text)
    QTest.keyClick(field.edit, Qt.Key.Key_Return)


def test_typed_dates_in_the_locale_or_iso_are_accepted(qtbot):
    field = make_field(qtbot, "fr_FR")
    seen: list[object] = []
    field.date_changed.connect(seen.append)
    type_date(field, "05/03/2026")
    assert field.value() == dt.date(2026, 3, 5) and field.edit.text() == "05/03/2026"
    type_date(field, "2026-04-07")  # ISO, shown back in the locale's own order
    assert field.value() == dt.date(2026, 4, 7) and field.edit.text() == "07/04/2026"
    type_date(field, "8/4/26")  # one-digit day and month, two-digit year
    assert field.value() == dt.date(2026, 4, 8)
    type_date(field, "08/04/2026")  # the same date again: no change reported
    assert seen == [dt.date(2026, 3, 5), dt.date(2026, 4, 7), dt.date(2026, 4, 8)]
    assert not field.refused()


def test_focus_leaving_accepts_the_typed_date(qtbot):
    field = make_field(qtbot, "en_US")
    assert display_format(field.locale()) == "M/d/yyyy"
    field.edit.setFocus()
    type_text(field.edit, "12/24/2026")
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)  # to the calendar button
    assert field.calendar_button.hasFocus()
    assert field.value() == dt.date(2026, 12, 24)


@pytest.mark.parametrize("typed", ["31/02/2026", "demain", "2026-13-01", "12/2026", "0000-01-01"])
def test_a_wrong_date_is_refused_visibly_and_keeps_the_value(qtbot, typed):
    field = make_field(qtbot, "fr_FR")
    field.set_value(dt.date(2026, 3, 5))
    seen: list[object] = []
    field.date_changed.connect(seen.append)
    type_date(field, typed)
    assert field.value() == dt.date(2026, 3, 5) and seen == []
    assert field.refused() and field.error.isVisible()
    sentence = f"“{typed}” is not a date: type it as 31/12/2026 or 2026-12-31."
    assert field.error.text() == sentence
    assert field.edit.accessibleDescription() == sentence  # a screen reader hears it too
    assert "border: 2px solid #b3261e" in field.edit.styleSheet()  # the red frame
    assert field.edit.text() == typed  # left there to be corrected
    type_date(field, "06/03/2026")
    assert field.value() == dt.date(2026, 3, 6) and not field.refused()
    assert field.edit.styleSheet() == "" and not field.error.isVisible()


def test_dates_outside_the_bounds_are_refused(qtbot):
    field = make_field(qtbot, "fr_FR")
    field.set_minimum(dt.date(2026, 3, 1))
    field.set_maximum(dt.date(2026, 3, 31))
    type_date(field, "28/02/2026")
    assert field.value() is None and field.error.text() == "The date cannot be before 01/03/2026."
    type_date(field, "01/04/2026")
    assert field.error.text() == "The date cannot be after 31/03/2026."
    type_date(field, "31/03/2026")
    assert field.value() == dt.date(2026, 3, 31) and not field.refused()


def test_clearing_gives_no_date(qtbot):
    field = make_field(qtbot, "fr_FR")
    field.set_value(dt.date(2026, 3, 5))
    seen: list[object] = []
    field.date_changed.connect(seen.append)
    (clear,) = [w for w in field.clear_action.associatedObjects() if isinstance(w, QToolButton)]
    assert clear.isVisible()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert field.value() is None and field.edit.text() == "" and seen == [None]
    settle()
    assert not clear.isVisible()  # nothing left to clear
    assert field.edit.placeholderText() == "No date"

    field.set_value(dt.date(2026, 3, 5))
    field.edit.setFocus()
    field.edit.selectAll()
    QTest.keyClick(field.edit, Qt.Key.Key_Delete)
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.value() is None and seen == [None, None]
    field.set_value(dt.date(2026, 3, 5))
    field.edit.selectAll()
    QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.value() is None and not field.refused()


def test_the_calendar_opens_on_a_sensible_month(qtbot):
    field = make_field(qtbot, "fr_FR")
    calendar = field.popup.calendar
    today = dt.date.today()
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert field.popup.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    field.popup.hide()
    field.set_open_month(dt.date(2027, 6, 15))  # the caller's choice for an empty field
    field.open_calendar()
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 6)
    field.popup.hide()
    field.set_value(dt.date(2025, 11, 3))  # a value wins
    field.open_calendar()
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 11)
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2025-11-03"


def day_cell(field: DateField, day: int) -> QPoint:
    """The centre of this month's cell for ``day`` in the calendar's table."""
    table = field.popup.table
    model = table.model()
    in_month = False
    for row in range(1, model.rowCount()):
        for column in range(model.columnCount()):
            text = str(model.index(row, column).data())
            in_month = in_month or text == "1"
            if in_month and text == str(day):
                return table.visualRect(model.index(row, column)).center()
    raise AssertionError(f"no day {day} in the month shown")


def test_two_clicks_pick_a_day_of_the_month(qtbot):
    field = make_field(qtbot, "fr_FR")
    field.set_open_month(dt.date(2026, 5, 1))
    seen: list[object] = []
    field.date_changed.connect(seen.append)
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)  # click 1
    qtbot.waitUntil(field.popup.isVisible, timeout=HANG_MS)
    viewport = field.popup.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=day_cell(field, 20))  # click 2
    assert seen == [dt.date(2026, 5, 20)] and field.edit.text() == "20/05/2026"
    assert not field.popup.isVisible()


def test_the_keyboard_opens_the_calendar_and_picks(qtbot):
    field = make_field(qtbot, "fr_FR")
    field.set_value(dt.date(2026, 5, 20))
    field.edit.setFocus()
    QTest.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.popup.isVisible()
    table = field.popup.table
    QTest.keyClick(table, Qt.Key.Key_Right)
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert field.value() == dt.date(2026, 5, 21) and not field.popup.isVisible()
    QTest.keyClick(field.edit, Qt.Key.Key_F4)
    assert field.popup.isVisible()
    QTest.keyClick(table, Qt.Key.Key_Right)
    QTest.keyClick(table, Qt.Key.Key_Escape)  # leaves it unchanged
    assert not field.popup.isVisible() and field.value() == dt.date(2026, 5, 21)
    assert field.calendar_button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert field.calendar_button.accessibleName() == "Due date: choose on a calendar"
    assert field.edit.accessibleName() == "Due date"


@pytest.mark.parametrize("locale", ["fr_FR", "en_US", "de_DE"])
def test_every_day_number_fits_its_cell(qtbot, app_style, locale):
    """The old calendar, under the app's item padding, drew days from 10 on as "…"."""
    field = make_field(qtbot, locale)
    field.set_value(dt.date(2026, 12, 31))  # a month with 31 days, six rows
    field.open_calendar()
    settle()
    table = field.popup.table
    model = table.model()
    for column in range(model.columnCount()):
        assert table.sizeHintForColumn(column) <= table.columnWidth(column), column
    for row in range(model.rowCount()):
        assert table.sizeHintForRow(row) <= table.rowHeight(row), row
    metrics = table.fontMetrics()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            text = str(model.index(row, column).data())
            assert metrics.horizontalAdvance(text) + 12 <= table.columnWidth(column), text


@pytest.mark.parametrize(
    "corner", ["top_left", "bottom_right", "bottom_left", "top_right"], ids=str
)
def test_the_popup_stays_inside_the_screen(qtbot, app_style, corner):
    area = QApplication.primaryScreen().availableGeometry()
    spot = {
        "top_left": area.topLeft(),
        "bottom_right": area.bottomRight() - QPoint(200, 20),
        "bottom_left": QPoint(area.left(), area.bottom() - 20),
        "top_right": QPoint(area.right() - 60, area.top()),
    }[corner]
    field = make_field(qtbot, "fr_FR", at=spot)
    field.open_calendar()
    popup = field.popup.geometry()
    screen = field.screen().availableGeometry()
    assert screen.contains(popup), (popup, screen)
    assert popup.width() >= field.popup.sizeHint().width()


def test_french_shows_day_first_and_french_month_names(qtbot):
    locale = date_locale("fr")
    assert locale.language() == QLocale.Language.French
    field = make_field(qtbot, locale.name())
    field.set_value(dt.date(2026, 3, 5))
    assert field.edit.text() == "05/03/2026"
    field.open_calendar()
    month = field.popup.calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month.text() == "mars"
    header = [str(field.popup.table.model().index(0, c).data()) for c in range(7)]
    assert header[0] == "lun."  # the French week starts on Monday


def test_the_locale_follows_the_language_of_the_app():
    assert date_locale("en").language() == QLocale.Language.English
    assert display_format(date_locale("fr")) == "dd/MM/yyyy"
    system = QLocale.system()
    own = QLocale.languageToCode(system.language())
    if own in ("en", "fr"):
        assert date_locale(own) == system  # en_GB stays day-first


@given(st.text(max_size=40), st.sampled_from(LOCALES))
def test_any_typed_text_is_a_date_or_refused(text, locale):
    day = parse_date(text, QLocale(locale))
    assert day is None or isinstance(day, dt.date)


@given(st.dates(), st.sampled_from(LOCALES))
def test_a_shown_date_reads_back(day, locale):
    qlocale = QLocale(locale)
    field_text = qlocale.toString(QDate(day.year, day.month, day.day), display_format(qlocale))
    assert parse_date(field_text, qlocale) == day
    assert parse_date(day.isoformat(), qlocale) == day


@given(st.text(max_size=30), st.sampled_from(LOCALES))
def test_any_text_typed_in_the_field_is_taken_or_visibly_refused(qtbot, text, locale):
    field = DateField("Due date", QLocale(locale))
    qtbot.addWidget(field)
    field.set_value(dt.date(2026, 3, 5))
    seen: list[object] = []
    field.date_changed.connect(seen.append)
    field.edit.setText(text)
    field.commit_text()
    if field.refused():
        assert field.value() == dt.date(2026, 3, 5) and seen == [] and field.error.text()
    elif text.strip():
        assert field.value() == parse_date(text, QLocale(locale)) is not None
    else:
        assert field.value() is None and seen == [None]
