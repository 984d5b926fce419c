"""The desktop's own calls, one small class per system: the edge the platform branches of
the GUI stand on.

Three concerns differ by system and each has its module, with its logic and its tests:
- ``ui/session_lock.py``: lock when the session locks, switches user or the machine
  sleeps (Windows session and power messages, macOS notifications, Linux D-Bus);
- ``ui/capture.py``: keep the windows out of screen capture (Windows display affinity,
  macOS window sharing type; Linux has no such thing);
- ``ui/clipboard.py``: mark copied text concealed (the formats each system's clipboard
  managers honour).

They ask a :class:`Desktop` what this system is and call it through the one set of calls
it carries: :class:`WindowsCalls` (``ctypes`` into user32 and wtsapi32),
:class:`MacCalls` (PyObjC, a macOS-only dependency) or :class:`DBusBuses` (Qt's D-Bus).
Tests build a ``Desktop`` of another system with a recorder for its calls, so each
branch is shown taking the right calls; the lines below that can only run on Windows or
macOS say so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection


class WindowsCalls(Protocol):
    def set_display_affinity(self, hwnd: int, affinity: int) -> bool:
        """``SetWindowDisplayAffinity``; False when the system refuses the value."""
        ...

    def register_session_notification(self, hwnd: int) -> bool:
        """``WTSRegisterSessionNotification`` for this session: WM_WTSSESSION_CHANGE."""
        ...

    def register_lid_notification(self, hwnd: int) -> bool:
        """``RegisterPowerSettingNotification(GUID_LIDSWITCH_STATE_CHANGE)``."""
        ...

    def read(self, address: int, size: int) -> bytes:
        """The bytes a native message points to (``ctypes.string_at``)."""
        ...


class MacCalls(Protocol):
    def observe(self, center: str, name: str, callback: Callable[[], None]) -> None:
        """Call back on the main thread when the ``distributed`` or ``workspace``
        notification centre posts ``name``."""
        ...

    def set_sharing_type(self, view: int, sharing: int) -> bool:
        """``-[NSWindow setSharingType:]`` on the window of the NSView ``view``."""
        ...

    def copy_concealed(self, text: str) -> None:
        """Put ``text`` on the general pasteboard with ``org.nspasteboard.ConcealedType``."""
        ...


@dataclass(frozen=True)
class DBusBuses:
    """The session and system buses (tests give a private bus for both)."""

    session: QDBusConnection | None
    system: QDBusConnection | None


@dataclass(frozen=True)
class Desktop:
    """This system, and the calls its branches make (exactly one of the three is set,
    or none on a system with no desktop hooks)."""

    platform: str
    windows: WindowsCalls | None = None
    mac: MacCalls | None = None
    dbus: DBusBuses | None = None


def current() -> Desktop:
    """The desktop this process runs on, with its real calls (built once per window)."""
    if sys.platform == "win32":  # pragma: no cover -- Windows: user32 and wtsapi32 only
        return Desktop("win32", windows=RealWindowsCalls())
    if sys.platform == "darwin":  # pragma: no cover -- macOS: PyObjC only
        return Desktop("darwin", mac=RealMacCalls())
    return Desktop(sys.platform, dbus=system_buses())


def system_buses() -> DBusBuses:
    """The user's session bus and the system bus, where they are reachable."""
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a PySide6 build without QtDBus
        return DBusBuses(None, None)
    session = QDBusConnection.sessionBus()
    system = QDBusConnection.systemBus()
    return DBusBuses(
        session if session.isConnected() else None, system if system.isConnected() else None
    )


# GUID_LIDSWITCH_STATE_CHANGE (winnt.h), in its in-memory (little-endian) layout
LID_SWITCH_GUID = bytes.fromhex("4d0f3eba17b89440a2d1d56379e6a0f3")


class RealWindowsCalls:  # pragma: no cover -- Windows: user32 and wtsapi32 only
    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._ctypes = ctypes
        self._user32: Any = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        self._wtsapi32: Any = ctypes.WinDLL("wtsapi32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        self._user32.SetWindowDisplayAffinity.argtypes = [wintypes.HWND, wintypes.DWORD]
        self._user32.SetWindowDisplayAffinity.restype = wintypes.BOOL
        self._user32.RegisterPowerSettingNotification.argtypes = [
            wintypes.HANDLE,
            ctypes.c_char_p,
            wintypes.DWORD,
        ]
        self._user32.RegisterPowerSettingNotification.restype = wintypes.HANDLE
        self._wtsapi32.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
        self._wtsapi32.WTSRegisterSessionNotification.restype = wintypes.BOOL

    def set_display_affinity(self, hwnd: int, affinity: int) -> bool:
        return bool(self._user32.SetWindowDisplayAffinity(hwnd, affinity))

    def register_session_notification(self, hwnd: int) -> bool:
        notify_for_this_session = 0
        return bool(self._wtsapi32.WTSRegisterSessionNotification(hwnd, notify_for_this_session))

    def register_lid_notification(self, hwnd: int) -> bool:
        device_notify_window_handle = 0
        handle = self._user32.RegisterPowerSettingNotification(
            hwnd, LID_SWITCH_GUID, device_notify_window_handle
        )
        return bool(handle)

    def read(self, address: int, size: int) -> bytes:
        return self._ctypes.string_at(address, size)


class RealMacCalls:  # pragma: no cover -- macOS: PyObjC only
    def __init__(self) -> None:
        self._tokens: list[Any] = []  # the observers live as long as the window

    def observe(self, center: str, name: str, callback: Callable[[], None]) -> None:
        import AppKit  # type: ignore[import-not-found,unused-ignore]
        import Foundation  # type: ignore[import-not-found,unused-ignore]

        if center == "distributed":
            hub = Foundation.NSDistributedNotificationCenter.defaultCenter()
        else:
            hub = AppKit.NSWorkspace.sharedWorkspace().notificationCenter()
        token = hub.addObserverForName_object_queue_usingBlock_(
            name, None, Foundation.NSOperationQueue.mainQueue(), lambda _note: callback()
        )
        self._tokens.append((hub, token))

    def set_sharing_type(self, view: int, sharing: int) -> bool:
        import objc  # type: ignore[import-not-found,unused-ignore]

        window = objc.objc_object(c_void_p=view).window()
        if window is None:
            return False
        window.setSharingType_(sharing)
        return True

    def copy_concealed(self, text: str) -> None:
        import AppKit

        board = AppKit.NSPasteboard.generalPasteboard()
        board.clearContents()
        board.declareTypes_owner_(
            [AppKit.NSPasteboardTypeString, "org.nspasteboard.ConcealedType"], None
        )
        board.setString_forType_(text, AppKit.NSPasteboardTypeString)
        board.setString_forType_("", "org.nspasteboard.ConcealedType")
