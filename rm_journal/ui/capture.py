"""Keep the app's windows out of screen sharing, recordings and screenshots, where the
system allows it (on by default, a setting turns it off; presenter mode lifts it, since
it is meant to be shared and shows only what both people agreed on).

- Windows: ``SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE)`` (Windows 10 2004 and
  later: the window is left out of the picture); where that value is refused,
  ``WDA_MONITOR`` (the window is captured black).
- macOS: ``-[NSWindow setSharingType:NSWindowSharingNone]``.
- Linux: neither X11 nor Wayland lets an app refuse capture; the setting says so.

Every top-level window is covered as it is shown (the main window, dialogs, the guide,
the search window, menus), through one event filter on the application.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from rm_journal.ui.desktop import Desktop

WDA_NONE = 0x0
WDA_MONITOR = 0x1
WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0
NS_WINDOW_SHARING_READ_ONLY = 1


def supported(desktop: Desktop) -> bool:
    return desktop.windows is not None or desktop.mac is not None


def note(is_supported: bool) -> str:
    """What Settings says under the choice."""
    if is_supported:
        return QCoreApplication.translate(
            "Capture", "Presenter mode is always shown: it is the view meant to be shared."
        )
    return QCoreApplication.translate(
        "Capture",
        "This system does not let an app keep its windows out of screen sharing: "
        "look at what you share, or turn on presenter mode first.",
    )


class CaptureShield(QObject):
    """Applies the choice to every top-level window as it shows, and to all at once when
    the choice changes."""

    def __init__(self, desktop: Desktop, hidden: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desktop = desktop
        self.hidden = hidden
        app = QApplication.instance()
        if app is not None and supported(desktop):
            app.installEventFilter(self)

    def set_hidden(self, hidden: bool) -> None:
        if hidden == self.hidden:
            return
        self.hidden = hidden
        if supported(self.desktop):
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    self.apply(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.apply(watched)
        return False

    def apply(self, window: QWidget) -> None:
        handle = int(window.winId())
        if self.desktop.windows is not None:
            calls = self.desktop.windows
            if self.hidden:
                if not calls.set_display_affinity(handle, WDA_EXCLUDEFROMCAPTURE):
                    calls.set_display_affinity(handle, WDA_MONITOR)  # before Windows 10 2004
            else:
                calls.set_display_affinity(handle, WDA_NONE)
        elif self.desktop.mac is not None:
            sharing = NS_WINDOW_SHARING_NONE if self.hidden else NS_WINDOW_SHARING_READ_ONLY
            self.desktop.mac.set_sharing_type(handle, sharing)
