"""Lock when the desktop session locks, another user takes the screen, or the machine
sleeps: what each system tells an app, heard the way KeePassXC hears it.

- Windows: ``WTSRegisterSessionNotification`` sends WM_WTSSESSION_CHANGE (the session
  locks, or its console or remote connection is taken away); WM_POWERBROADCAST says the
  machine suspends, and, once ``RegisterPowerSettingNotification`` asked for it, that
  the lid closed. Both reach Qt's native event filter as ``MSG`` structures.
- macOS: the distributed notification ``com.apple.screenIsLocked``; NSWorkspace's
  will-sleep, screens-did-sleep and session-did-resign-active (fast user switching).
- Linux: logind's ``PrepareForSleep`` and the session's ``Lock`` on the system bus;
  ``ActiveChanged`` of the freedesktop and GNOME screen savers on the session bus.
  Signals are matched from any sender: a false one can only lock the window.

Each system's calls come from :mod:`rm_journal.ui.desktop`; tests give recorders.
"""

from __future__ import annotations

import os
import struct
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

from rm_journal.ui.desktop import LID_SWITCH_GUID, DBusBuses, Desktop, MacCalls, WindowsCalls

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtWidgets import QWidget

# winuser.h and wtsapi32.h
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
PBT_POWERSETTINGCHANGE = 0x8013
WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOGOFF = 0x6
WTS_SESSION_LOCK = 0x7
SESSION_CHANGES_THAT_LOCK = frozenset(
    {WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOGOFF, WTS_SESSION_LOCK}
)
WINDOWS_MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")

MAC_NOTIFICATIONS = (
    ("distributed", "com.apple.screenIsLocked"),
    ("workspace", "NSWorkspaceWillSleepNotification"),
    ("workspace", "NSWorkspaceScreensDidSleepNotification"),
    ("workspace", "NSWorkspaceSessionDidResignActiveNotification"),
)

LOGIND = "/org/freedesktop/login1"


# The head of a Windows MSG (what the filter reads) in this build's native layout and
# alignment: HWND, UINT message, WPARAM, LPARAM (struct, not ctypes: start-up does not
# pay for ctypes on the systems that never get a MSG)
MSG_HEAD = struct.Struct("@PINn")


# POWERBROADCAST_SETTING: a GUID, DataLength, then the data (a DWORD for the lid)
POWER_SETTING = struct.Struct("<16sII")


def logind_session_path(session_id: str) -> str:
    """The object path logind gives a session id (systemd's bus label escaping: every
    character but a letter or a digit, and a digit in first place, as ``_xx``)."""
    label = "".join(
        char
        if char.isascii() and (char.isalpha() or (char.isdigit() and index > 0))
        else "".join(f"_{byte:02x}" for byte in char.encode())
        for index, char in enumerate(session_id)
    )
    return f"{LOGIND}/session/{label or '_'}"


class WindowsMessages(QAbstractNativeEventFilter):
    """Qt's native event filter, reading the messages that mean "lock"."""

    def __init__(self, calls: WindowsCalls, watch: SessionLockWatch) -> None:
        super().__init__()
        self.calls = calls
        self.watch = watch

    def nativeEventFilter(self, eventType: object, message: object) -> tuple[bool, int]:
        if bytes(eventType) in WINDOWS_MESSAGE_TYPES and self.locks(int(message)):  # type: ignore[call-overload]
            self.watch.locked.emit()
        return False, 0  # never swallowed: Qt and the system still see every message

    def locks(self, address: int) -> bool:
        _hwnd, message, wparam, lparam = MSG_HEAD.unpack(self.calls.read(address, MSG_HEAD.size))
        if message == WM_WTSSESSION_CHANGE:
            return wparam in SESSION_CHANGES_THAT_LOCK
        if message != WM_POWERBROADCAST:
            return False
        if wparam == PBT_APMSUSPEND:
            return True
        if wparam == PBT_POWERSETTINGCHANGE and lparam:
            guid, length, state = POWER_SETTING.unpack(self.calls.read(lparam, POWER_SETTING.size))
            return bool(guid == LID_SWITCH_GUID and length >= 4 and state == 0)  # 0: lid closed
        return False


class SessionLockWatch(QObject):
    """Emits :attr:`locked` when the system says the screen must lock."""

    locked = Signal()

    def __init__(self, window: QWidget, desktop: Desktop) -> None:
        super().__init__(window)
        self.heard: list[str] = []  # what is listened to (tests read it)
        self.native_filter: WindowsMessages | None = None  # Windows: Qt hands it every MSG
        if desktop.windows is not None:
            self._watch_windows(window, desktop.windows)
        elif desktop.mac is not None:
            self._watch_mac(desktop.mac)
        elif desktop.dbus is not None:
            self._watch_dbus(desktop.dbus)

    def _watch_windows(self, window: QWidget, calls: WindowsCalls) -> None:
        self.native_filter = WindowsMessages(calls, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self.native_filter)
        hwnd = int(window.winId())
        if calls.register_session_notification(hwnd):
            self.heard.append("WM_WTSSESSION_CHANGE")
        self.heard.append("WM_POWERBROADCAST")
        if calls.register_lid_notification(hwnd):
            self.heard.append("GUID_LIDSWITCH_STATE_CHANGE")

    def _watch_mac(self, calls: MacCalls) -> None:
        for center, name in MAC_NOTIFICATIONS:
            calls.observe(center, name, self.locked.emit)
            self.heard.append(name)

    def _watch_dbus(self, buses: DBusBuses) -> None:
        if buses.system is not None:
            self._listen(
                buses.system,
                LOGIND,
                "org.freedesktop.login1.Manager.PrepareForSleep",
                "_sleeping(bool)",
            )
            session_id = os.environ.get("XDG_SESSION_ID", "")
            path = logind_session_path(session_id) if session_id else ""  # "": any session
            self._listen(
                buses.system, path, "org.freedesktop.login1.Session.Lock", "_session_locked()"
            )
        if buses.session is not None:
            for saver in ("/org/freedesktop/ScreenSaver", "/org/gnome/ScreenSaver"):
                interface = saver[1:].replace("/", ".")
                self._listen(
                    buses.session, saver, f"{interface}.ActiveChanged", "_screensaver(bool)"
                )

    def _listen(self, bus: QDBusConnection, path: str, signal: str, slot: str) -> None:
        """Connect a D-Bus signal (``interface.Name`` at ``path``, from any sender)."""
        interface, _, name = signal.rpartition(".")
        # PySide6's stub types the slot as bytes, but the binding accepts only the str that
        # SLOT() returns (bytes raise ValueError), so the stub is wrong here
        if bus.connect("", path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self.heard.append(signal)

    @Slot(bool)
    def _sleeping(self, going: bool) -> None:
        if going:
            self.locked.emit()

    @Slot()
    def _session_locked(self) -> None:
        self.locked.emit()

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()
