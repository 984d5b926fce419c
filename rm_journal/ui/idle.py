"""Auto-lock on inactivity: an app-wide event filter restarts the countdown.

The clock is injectable so a test can jump past the delay without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class InactivityWatch(QObject):
    """Emits ``idle_reached`` once no input arrived for ``timeout_s`` seconds."""

    idle_reached = Signal()

    def __init__(
        self,
        timeout_s: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.timeout_s = timeout_s
        self._last = clock()
        self._armed = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.check)

    def start(self) -> None:
        self._last = self._clock()
        self._armed = True
        self._tick.start()

    def stop(self) -> None:
        self._armed = False
        self._tick.stop()

    def check(self) -> None:
        if self._armed and self.timeout_s > 0 and self._clock() - self._last >= self.timeout_s:
            self.stop()
            self.idle_reached.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False
