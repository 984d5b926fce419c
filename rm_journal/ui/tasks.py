"""One small helper for long work (KDF, export, backup) off the GUI thread.

``TaskRunner.run(fn, on_done, on_failed)`` runs ``fn`` in Qt's global thread
pool and calls one of the callbacks back on the GUI thread. Widgets are never
touched from the worker. Tests use ``ImmediateRunner``, which runs ``fn``
at once on the calling thread, so flows stay deterministic.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Carrier(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self._fn = fn
        self._carrier = carrier

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as an event
            self._deliver(self._carrier.failed, exc)
        else:
            self._deliver(self._carrier.finished, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        # RuntimeError: the app closed while the work ran, nobody is left to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskRunner(QObject):
    """Runs callables in the background; results arrive on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[_Carrier] = set()

    def run(self, fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
        carrier = _Carrier()  # lives in the GUI thread: its signals are queued there
        self._pending.add(carrier)

        def done(result: Any) -> None:
            self._pending.discard(carrier)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._pending.discard(carrier)
            on_failed(exc)

        carrier.finished.connect(done)
        carrier.failed.connect(failed)
        QThreadPool.globalInstance().start(_Task(fn, carrier))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self) -> None:
        QThreadPool.globalInstance().waitForDone()


class ImmediateRunner(TaskRunner):
    """Runs the work at once, on the calling thread (tests)."""

    def run(self, fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - same contract as TaskRunner
            on_failed(exc)
        else:
            on_done(result)
