"""The Qt binding itself: facts the app relies on, checked on the installed version."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QListWidget, QListWidgetItem

CALLS = 2000


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="from Python 3.12 None and the bools are immortal (PEP 683): their reference "
    "count no longer moves, so the leak cannot be seen or do harm there; CI runs 3.11",
)
def test_methods_returning_nothing_keep_none_alive(qtbot):
    """PySide6 6.12.0 returned None from void methods without a new reference: on
    Python 3.11 every call took one reference away from None (and setChecked from
    True), and the interpreter aborted a few thousand calls later ("deallocating
    None"). pyproject.toml keeps that version out; this fails if it comes back."""
    label, combo, box, view = QLabel(), QComboBox(), QCheckBox(), QListWidget()
    for widget in (label, combo, box, view):
        qtbot.addWidget(widget)
    # the garbage collector, freeing what earlier tests left, would drop references to
    # None on its own: collect first, and not during the count
    gc.collect()
    gc.disable()
    try:
        before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
        for n in range(CALLS):
            label.setText("x")
            combo.addItem("x", n)
            box.setChecked(True)
            QListWidgetItem("x", view).setData(Qt.ItemDataRole.UserRole, n)
            combo.clear() if n % 100 == 0 else None
        after_none, after_true = sys.getrefcount(None), sys.getrefcount(True)
    finally:
        gc.enable()
    assert after_none > before_none - CALLS // 10
    assert after_true > before_true - CALLS // 10
