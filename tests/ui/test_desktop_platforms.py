"""Each system's branch of the desktop concerns, taken with the right calls.

The window is built for Windows or macOS with a recorder standing in for user32,
wtsapi32 or AppKit (rm_journal/ui/desktop.py is the only code beyond it), and driven as
a person drives it: the first run from an empty data folder, Settings by its shortcut,
presenter mode by its shortcut. Windows messages are real ``MSG`` structures in memory,
delivered through Qt's own native-event dispatch. Linux is tested for real: a private
D-Bus daemon, and ``dbus-send`` emitting the signals logind and the screen savers emit.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from rm_journal.ui import capture, session_lock
from rm_journal.ui.clipboard import KDE_HINTS, WINDOWS_HINTS, ConcealedClipboard, windows_format
from rm_journal.ui.desktop import LID_SWITCH_GUID, DBusBuses, Desktop
from rm_journal.ui.presenter import SHORTCUT as PRESENTER_SHORTCUT
from tests.conftest import HANG_MS, HANG_S
from tests.ui.test_copy import first_run
from tests.ui.test_flows import unlock


@dataclass
class WindowsRecorder:
    """user32 and wtsapi32 as the branches call them; ``read`` is the real memory read."""

    exclude_refused: bool = False  # an older Windows refuses WDA_EXCLUDEFROMCAPTURE
    calls: list[tuple[str, int, int]] = field(default_factory=list)

    def set_display_affinity(self, hwnd: int, affinity: int) -> bool:
        self.calls.append(("SetWindowDisplayAffinity", hwnd, affinity))
        return not (self.exclude_refused and affinity == capture.WDA_EXCLUDEFROMCAPTURE)

    def register_session_notification(self, hwnd: int) -> bool:
        self.calls.append(("WTSRegisterSessionNotification", hwnd, 0))
        return True

    def register_lid_notification(self, hwnd: int) -> bool:
        self.calls.append(("RegisterPowerSettingNotification", hwnd, 0))
        return True

    def read(self, address: int, size: int) -> bytes:
        return ctypes.string_at(address, size)

    def affinities(self, window: QWidget) -> list[int]:
        hwnd = int(window.winId())
        return [a for name, h, a in self.calls if name == "SetWindowDisplayAffinity" and h == hwnd]


@dataclass
class MacRecorder:
    observers: list[tuple[str, str, Callable[[], None]]] = field(default_factory=list)
    sharing: list[tuple[int, int]] = field(default_factory=list)
    pasteboard: list[str] = field(default_factory=list)

    def observe(self, center: str, name: str, callback: Callable[[], None]) -> None:
        self.observers.append((center, name, callback))

    def set_sharing_type(self, view: int, sharing: int) -> bool:
        self.sharing.append((view, sharing))
        return True

    def copy_concealed(self, text: str) -> None:
        self.pasteboard.append(text)


def windows_desktop(**kwargs) -> tuple[Desktop, WindowsRecorder]:
    recorder = WindowsRecorder(**kwargs)
    return Desktop("win32", windows=recorder), recorder


def mac_desktop() -> tuple[Desktop, MacRecorder]:
    recorder = MacRecorder()
    return Desktop("darwin", mac=recorder), recorder


def deliver(window, message: int, wparam: int, lparam: int = 0, kind=b"windows_generic_MSG"):
    """A Windows MSG (its head, laid out as the C structure), handed to the window's native event filter as Qt's Windows plugin
    hands it every message. (PySide6 6.11's QAbstractEventDispatcher.filterNativeEvent
    cannot be called from Python: its binding refuses both argument counts.)"""
    msg = ctypes.create_string_buffer(session_lock.MSG_HEAD.pack(0, message, wparam, lparam))
    handled = window.session_lock.native_filter.nativeEventFilter(kind, ctypes.addressof(msg))
    assert handled == (False, 0)  # never swallowed


def power_setting(guid: bytes, state: int) -> ctypes.Array[ctypes.c_char]:
    return ctypes.create_string_buffer(session_lock.POWER_SETTING.pack(guid, 4, state))


def open_journal(qtbot, make_window, data_dir, desktop: Desktop):
    window, dialogs = make_window(data_dir, desktop=desktop)
    first_run(qtbot, window, "Inès")
    assert not window.locked
    return window, dialogs


# -- lock on session lock and sleep ----------------------------------------------------


def test_the_lid_guid_is_windows_own():
    assert uuid.UUID("BA3E0F4D-B817-4094-A2D1-D56379E6A0F3").bytes_le == LID_SWITCH_GUID


def test_windows_registers_the_window_for_session_and_lid_messages(qtbot, make_window, data_dir):
    desktop, recorder = windows_desktop()
    window, _ = make_window(data_dir, desktop=desktop)
    hwnd = int(window.winId())
    assert ("WTSRegisterSessionNotification", hwnd, 0) in recorder.calls
    assert ("RegisterPowerSettingNotification", hwnd, 0) in recorder.calls
    assert window.session_lock.heard == [
        "WM_WTSSESSION_CHANGE",
        "WM_POWERBROADCAST",
        "GUID_LIDSWITCH_STATE_CHANGE",
    ]


LID_CLOSED = power_setting(LID_SWITCH_GUID, 0)


@pytest.mark.parametrize(
    ("message", "wparam", "lparam"),
    [
        (session_lock.WM_WTSSESSION_CHANGE, session_lock.WTS_SESSION_LOCK, 0),
        (session_lock.WM_WTSSESSION_CHANGE, session_lock.WTS_CONSOLE_DISCONNECT, 0),
        (session_lock.WM_WTSSESSION_CHANGE, session_lock.WTS_REMOTE_DISCONNECT, 0),
        (session_lock.WM_WTSSESSION_CHANGE, session_lock.WTS_SESSION_LOGOFF, 0),
        (session_lock.WM_POWERBROADCAST, session_lock.PBT_APMSUSPEND, 0),
        (
            session_lock.WM_POWERBROADCAST,
            session_lock.PBT_POWERSETTINGCHANGE,
            ctypes.addressof(LID_CLOSED),
        ),
    ],
    ids=["lock", "console-disconnect", "remote-disconnect", "logoff", "suspend", "lid-closed"],
)
def test_each_windows_message_that_means_lock_locks(
    qtbot, make_window, data_dir, message, wparam, lparam
):
    desktop, _ = windows_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    deliver(window, message, wparam, lparam)
    assert window.locked


LID_OPENED = power_setting(LID_SWITCH_GUID, 1)
OTHER_SETTING = power_setting(uuid.uuid4().bytes_le, 0)


def test_windows_messages_that_do_not_mean_lock_leave_it_open(qtbot, make_window, data_dir):
    desktop, _ = windows_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    wts_session_unlock, pbt_resume, wm_paint = 0x8, 0x12, 0x000F
    deliver(window, session_lock.WM_WTSSESSION_CHANGE, wts_session_unlock)
    deliver(window, session_lock.WM_POWERBROADCAST, pbt_resume)
    deliver(window, session_lock.WM_POWERBROADCAST, session_lock.PBT_POWERSETTINGCHANGE)  # no data
    deliver(
        window,
        session_lock.WM_POWERBROADCAST,
        session_lock.PBT_POWERSETTINGCHANGE,
        ctypes.addressof(LID_OPENED),
    )
    deliver(
        window,
        session_lock.WM_POWERBROADCAST,
        session_lock.PBT_POWERSETTINGCHANGE,
        ctypes.addressof(OTHER_SETTING),
    )
    deliver(window, wm_paint, 0)
    # another system's event is never read as a MSG
    deliver(window, session_lock.WM_WTSSESSION_CHANGE, 7, kind=b"xcb_generic_event_t")
    assert not window.locked


def test_macos_observes_lock_sleep_and_user_switch_and_each_locks(qtbot, make_window, data_dir):
    desktop, recorder = mac_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    assert [(center, name) for center, name, _ in recorder.observers] == list(
        session_lock.MAC_NOTIFICATIONS
    )
    assert ("distributed", "com.apple.screenIsLocked") in session_lock.MAC_NOTIFICATIONS
    for _center, name, callback in recorder.observers:
        if window.locked:
            unlock(qtbot, window)
            qtbot.waitUntil(lambda: not window.locked, timeout=HANG_MS)
        callback()
        assert window.locked, name


@pytest.mark.parametrize(
    ("session_id", "path"),
    [
        ("2", "/org/freedesktop/login1/session/_32"),
        ("12", "/org/freedesktop/login1/session/_312"),
        ("c1", "/org/freedesktop/login1/session/c1"),
        ("a-b.é", "/org/freedesktop/login1/session/a_2db_2e_c3_a9"),
        ("", "/org/freedesktop/login1/session/_"),
    ],
)
def test_logind_session_paths_are_escaped_as_systemd_does(session_id, path):
    assert session_lock.logind_session_path(session_id) == path


@pytest.fixture
def private_bus() -> Iterator[QDBusConnection]:
    """A D-Bus daemon of our own, standing in for both the session and the system bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None or shutil.which("dbus-send") is None:
        pytest.fail("dbus-daemon and dbus-send are needed (packaging/install-system-deps --test)")
    with subprocess.Popen(
        [
            daemon,
            "--session",
            "--nofork",
            "--nopidfile",
            "--print-address=1",
            # an abstract socket: no file, and no path to outgrow a socket's 108 bytes
            # (tmp_path under .ci/run's temp folder does)
            f"--address=unix:abstract=rm-journal-test-{uuid.uuid4().hex}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            address = process.stdout.readline().strip()
            if not address.startswith("unix:"):
                process.wait(timeout=HANG_S)
                pytest.fail(f"dbus-daemon did not start: {process.stderr.read()}")
            name = f"rm-journal-test-{uuid.uuid4().hex}"
            bus = QDBusConnection.connectToBus(address, name)
            assert bus.isConnected(), bus.lastError().message()
            bus.address = address
            yield bus
            QDBusConnection.disconnectFromBus(name)
        finally:
            process.terminate()


def emit(bus, path: str, signal: str, *args: str) -> None:
    """``dbus-send`` on the private bus (as the session bus: with ``--address`` it skips
    the bus's Hello, and the daemon drops what it sends)."""
    subprocess.run(
        ["dbus-send", "--session", "--type=signal", path, signal, *args],
        check=True,
        timeout=HANG_S,
        env={"PATH": os.environ["PATH"], "DBUS_SESSION_BUS_ADDRESS": bus.address},
    )


@pytest.mark.parametrize(
    ("path", "signal", "args"),
    [
        (
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            ["boolean:true"],
        ),
        ("/org/freedesktop/login1/session/c7", "org.freedesktop.login1.Session.Lock", []),
        (
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            ["boolean:true"],
        ),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", ["boolean:true"]),
    ],
    ids=["logind-sleep", "logind-session-lock", "freedesktop-screensaver", "gnome-screensaver"],
)
def test_linux_locks_on_each_d_bus_signal(
    qtbot, make_window, data_dir, private_bus, monkeypatch, path, signal, args
):
    monkeypatch.setenv("XDG_SESSION_ID", "c7")
    desktop = Desktop("linux", dbus=DBusBuses(session=private_bus, system=private_bus))
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    assert signal in window.session_lock.heard
    emit(private_bus, path, signal, *args)
    qtbot.waitUntil(lambda: window.locked, timeout=HANG_MS)


def test_linux_stays_open_on_signals_that_do_not_mean_lock(
    qtbot, make_window, data_dir, private_bus, monkeypatch
):
    monkeypatch.setenv("XDG_SESSION_ID", "c7")
    desktop = Desktop("linux", dbus=DBusBuses(session=private_bus, system=private_bus))
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    locks = []
    window.session_lock.locked.connect(lambda: locks.append(True))
    emit(
        private_bus,
        "/org/gnome/ScreenSaver",
        "org.gnome.ScreenSaver.ActiveChanged",
        "boolean:false",
    )
    emit(
        private_bus,
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager.PrepareForSleep",
        "boolean:false",
    )
    emit(
        private_bus, "/org/freedesktop/login1/session/c8", "org.freedesktop.login1.Session.Lock"
    )  # another session
    # then one that locks: the bus delivers in order, so the three came first
    emit(
        private_bus,
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        "boolean:true",
    )
    qtbot.waitUntil(lambda: window.locked, timeout=HANG_MS)
    assert locks == [True]


# -- out of screen capture --------------------------------------------------------------


def choose(combo: QComboBox, value: str) -> None:
    """Pick a choice with the keyboard, as a person does in a closed combo box."""
    combo.setFocus()
    while combo.currentData() != value:
        before = combo.currentIndex()
        QTest.keyClick(combo, Qt.Key.Key_Down)
        if combo.currentIndex() == before:
            QTest.keyClick(combo, Qt.Key.Key_Home)


def open_settings(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=HANG_MS)
    return window.settings_dialog


def test_windows_keeps_every_window_out_of_capture_until_settings_say_otherwise(
    qtbot, make_window, data_dir, prefs
):
    desktop, recorder = windows_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    assert recorder.affinities(window)[-1] == capture.WDA_EXCLUDEFROMCAPTURE
    QTest.keyClick(window, Qt.Key.Key_F1)  # the guide: a window of its own
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible(), timeout=HANG_MS)
    assert recorder.affinities(window.guide) == [capture.WDA_EXCLUDEFROMCAPTURE]
    settings = open_settings(qtbot, window)
    assert recorder.affinities(settings) == [capture.WDA_EXCLUDEFROMCAPTURE]
    combo = settings.combos["screen_capture"]
    assert combo.isEnabled() and combo.currentData() == "hidden"
    note = settings.findChild(QLabel, "screen_capture_note")
    assert note.isVisible() and note.text().startswith("Presenter mode is always shown")
    choose(combo, "shown")
    QTest.keyClick(settings, Qt.Key.Key_Return)  # Save
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=HANG_MS)
    assert prefs.get("screen_capture") == "shown"
    assert recorder.affinities(window)[-1] == capture.WDA_NONE
    assert recorder.affinities(window.guide)[-1] == capture.WDA_NONE


def test_windows_presenter_mode_is_the_one_shown_in_a_screen_share(qtbot, make_window, data_dir):
    desktop, recorder = windows_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    QTest.keySequence(window, PRESENTER_SHORTCUT)
    assert window.presenting and recorder.affinities(window)[-1] == capture.WDA_NONE
    QTest.keySequence(window, PRESENTER_SHORTCUT)
    assert not window.presenting
    assert recorder.affinities(window)[-1] == capture.WDA_EXCLUDEFROMCAPTURE


def test_windows_before_2004_gets_a_black_window_in_captures(qtbot, make_window, data_dir):
    desktop, recorder = windows_desktop(exclude_refused=True)
    window, _ = make_window(data_dir, desktop=desktop)
    assert recorder.affinities(window)[-2:] == [capture.WDA_EXCLUDEFROMCAPTURE, capture.WDA_MONITOR]


def test_macos_sets_no_sharing_on_its_windows_and_read_only_when_allowed(
    qtbot, make_window, data_dir, prefs
):
    desktop, recorder = mac_desktop()
    window, _ = open_journal(qtbot, make_window, data_dir, desktop)
    view = int(window.winId())
    assert recorder.sharing[-1] == (view, capture.NS_WINDOW_SHARING_NONE)
    settings = open_settings(qtbot, window)
    choose(settings.combos["screen_capture"], "shown")
    QTest.keyClick(settings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=HANG_MS)
    assert recorder.sharing[-1] == (view, capture.NS_WINDOW_SHARING_READ_ONLY)


def test_linux_says_it_cannot_hide_from_capture_and_keeps_the_setting(
    qtbot, make_window, data_dir, prefs
):
    window, _ = open_journal(qtbot, make_window, data_dir, Desktop("linux"))
    settings = open_settings(qtbot, window)
    combo = settings.combos["screen_capture"]
    assert not combo.isEnabled() and combo.currentText() == "Not possible on this system"
    reason = settings.findChild(QLabel, "screen_capture_note")
    assert reason is not None and reason.isVisible()
    assert "does not let an app keep its windows out of screen sharing" in reason.text()
    QTest.keyClick(settings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.settings_dialog is None, timeout=HANG_MS)
    assert "screen_capture" not in prefs._store.allKeys()


# -- concealed clipboard ----------------------------------------------------------------


def test_windows_marks_copies_out_of_history_cloud_and_monitors(qtbot):
    clip = ConcealedClipboard(Desktop("win32", windows=WindowsRecorder()), clear_after_s=0)
    clip.copy("note confidentielle")
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == "note confidentielle"
    assert data.data(windows_format("CanIncludeInClipboardHistory")).data() == b"\0\0\0\0"
    assert data.data(windows_format("CanUploadToCloudClipboard")).data() == b"\0\0\0\0"
    assert data.hasFormat(windows_format("ExcludeClipboardContentFromMonitorProcessing"))
    assert not any(data.hasFormat(fmt) for fmt in KDE_HINTS)
    assert windows_format("X") == 'application/x-qt-windows-mime;value="X"'
    assert len(WINDOWS_HINTS) == 3
    clip.clear()


def test_macos_copies_through_the_pasteboard_with_the_concealed_type(qtbot):
    QGuiApplication.clipboard().setText("before")
    desktop, recorder = mac_desktop()
    clip = ConcealedClipboard(desktop, clear_after_s=0)
    clip.copy("note confidentielle")
    assert recorder.pasteboard == ["note confidentielle"]
    assert QGuiApplication.clipboard().text() == "before"  # Qt's clipboard was not used


def test_linux_marks_copies_for_klipper_only():
    clip = ConcealedClipboard(Desktop("linux"), clear_after_s=0)
    clip.copy("note")
    data = QGuiApplication.clipboard().mimeData()
    assert data.data("x-kde-passwordManagerHint").data() == b"secret"
    assert not any(data.hasFormat(fmt) for fmt in WINDOWS_HINTS)
    clip.clear()
    assert QApplication.clipboard().text() == ""
