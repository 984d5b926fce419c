"""Pseudo-localisation (every string 40 % longer, accented, bracketed) finds clipped text;
these tests hold the screens to it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from rm_journal.ui.pseudo import PseudoTranslator, pseudo
from tests.ui.conftest import settle
from tests.ui.test_flows import ready_vault, unlock  # noqa: F401 - a fixture

KEPT = re.compile(r"%\d+|%n|<[^>]*>")


@given(st.text(min_size=1, max_size=200))
def test_pseudo_text_is_longer_bracketed_and_keeps_what_code_needs(text):
    shown = pseudo(text)
    if not text.strip():
        assert shown == text
        return
    assert shown.startswith("[") and shown.endswith("]")
    assert KEPT.findall(shown) == KEPT.findall(text)  # placeholders and markup, in order
    assert shown.count("&") == text.count("&")  # mnemonics
    letters = len(re.sub(r"%\d+|%n|&&|&(?=\w)|<[^>]*>|\n|…", "", text))
    assert shown.count("~") - text.count("~") >= max(1, round(0.4 * letters))  # 40 % longer
    assert (
        max((len(w) for w in shown.split()), default=0)
        <= max((len(w) for w in text.split()), default=0) + 8
    )  # the padding never makes one long unbreakable word


def clipped(root: QWidget) -> list[str]:
    """Visible labels shorter than their wrapped text, or narrower than their one line."""
    out = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                out.append(label.text())
        elif label.width() < label.minimumSizeHint().width():
            out.append(label.text())
    return out


@pytest.fixture
def pseudo_strings(qapp):
    translator = PseudoTranslator(qapp)
    QApplication.instance().installTranslator(translator)
    yield
    QApplication.instance().removeTranslator(translator)


def test_no_label_is_clipped_in_the_first_run(qtbot, pseudo_strings, make_window, data_dir):
    window, _ = make_window(data_dir)
    page = window.first_run
    for step in range(page.steps.count() - 1):  # the last step's form is tested below
        page._go(step)
        settle()
        assert clipped(page.steps.currentWidget()) == [], step


def test_no_label_is_clipped_on_the_unlock_page_and_the_lists_stay_readable(
    qtbot,
    pseudo_strings,
    make_window,
    ready_vault,  # noqa: F811 - the fixture
):
    window, _ = make_window(ready_vault)
    assert clipped(window.unlock_page) == []
    unlock(qtbot, window)
    page = window.journal_page
    page.tabs.setCurrentIndex(1)  # takeaways: a text column among long headers
    settle()
    view = page.lists.takeaways.view
    header = view.horizontalHeader()
    model = view.model()
    text_width = header.sectionSize(0)
    assert text_width >= view.viewport().width() * 0.2
    for column in range(1, model.columnCount()):
        assert header.sectionSize(column) <= 200
        assert model.headerData(column, header.orientation(), 3) == model.headerData(
            column, header.orientation()
        )  # elided headers are whole in their tooltip


def test_the_exchange_tab_fits_the_window_in_every_state(
    qtbot,
    pseudo_strings,
    make_window,
    ready_vault,  # noqa: F811 - the fixture
):
    """Before, all five link buttons stood in one row: 1,239 px in pseudo-French, so the
    window grew past the screen and the Unlink button was out of sight."""
    from rm_journal.core.exchange import link
    from rm_journal.core.exchange.identity import Identity, new_secret, write_block
    from rm_journal.core.models import Role

    window, dialogs = make_window(ready_vault)
    unlock(qtbot, window)
    page = window.journal_page
    page.tabs.setCurrentWidget(page.partner)
    tab = page.partner
    journal = window.vault.journal(page.pair_id)
    other_role = Role.MENTOR if journal.pair().profile.my_role is Role.LEADER else Role.LEADER
    partner = write_block(Identity(new_secret(), new_secret()), other_role, bytes(16))
    for state in ("not linked", "to confirm", "linked"):
        if state == "to confirm":
            dialogs.answer(partner)
            tab.paste_button.click()
        if state == "linked":
            link.confirm(journal, window.vault.identity())
            tab.refresh()
        settle()
        # a 1280-px-wide window, less the pair list
        assert tab.minimumSizeHint().width() <= 1280 - 240, state
        assert clipped(tab) == [], state
        buttons = [
            b
            for b in (
                tab.copy_button,
                tab.save_button,
                tab.paste_button,
                tab.confirm_button,
                tab.unlink_button,
            )
            if b.isVisible()
        ]
        right = tab.mapTo(window, tab.rect().topRight()).x()
        assert all(b.mapTo(window, b.rect().topRight()).x() <= right for b in buttons), state
