"""What packaging/rm_journal.spec says about the app on each system, as plain data.

Which executables a bundle holds and in which mode, which Qt modules go in, the macOS
Info.plist and the Windows version resource: all of it is computed here from the
version string, with no PyInstaller import, so tests/test_platform_meta.py checks it
on Linux, where neither the Windows nor the macOS build can run. The spec imports
this module and only hands the results to PyInstaller.

    python packaging/platform_meta.py plist|versioninfo|numbers [VERSION]

prints what the spec would use (for a look at it without building); ``numbers`` prints
the four-part version the Windows installer's own version resource takes (build.ps1).
"""

from __future__ import annotations

import plistlib
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

NAME = "rm_journal"
DESKTOP_ID = "io.github.rmjournal.RmJournal"  # = rm_journal.DESKTOP_ID (a test checks)
DESCRIPTION = "Confidential, encrypted journals for reverse-mentoring pairs"
COPYRIGHT = "Copyright © 2026 the rm_journal developers. GPL-3.0-or-later."
EXCHANGE_EXTENSION = "rmjx"  # = rm_journal.export.exchange.EXTENSION without its dot
# The exchange file's type on macOS: ours (exported), a kind of data, nothing more.
EXCHANGE_UTI = "io.github.rmjournal.exchange"
# The oldest macOS every wheel we ship runs on: PySide6-Essentials 6.11's wheels are
# macosx_13_0 (packaging/wheels.lock.json; a test keeps the two in step).
MACOS_MINIMUM = "13.0"

# Qt modules the app never uses. QtNetwork above all: the app never touches the
# network, and the bundle says so by not carrying it.
# fmt: off
QT_UNUSED = (
    "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtWebEngineCore", "QtWebEngineWidgets",
    "QtMultimedia", "QtPdf", "QtPdfWidgets", "QtSql", "QtTest", "QtOpenGL",
    "QtOpenGLWidgets", "QtPrintSupport", "QtXml", "QtConcurrent", "QtDesigner", "QtHelp",
    "QtUiTools", "QtCharts", "QtDataVisualization", "Qt3DCore", "QtBluetooth",
    "QtPositioning", "QtSerialPort", "QtWebSockets", "QtNfc", "QtRemoteObjects",
)
# fmt: on


class Executable(NamedTuple):
    """One program of the bundle: its file name, its entry script (in packaging/), and
    whether Windows gives it a console window (elsewhere: whether it is windowed)."""

    name: str
    script: str
    console: bool


def executables(platform: str) -> list[Executable]:
    """Linux: one ``rm-journal``, the app with no argument and the CLI with one (a
    terminal program; the desktop entry starts it with Terminal=false). Windows: a
    console program always opens a console window, so the app is a windowed
    ``rm-journal.exe`` and the command line a console ``rm-journal-cli.exe``, side by
    side. macOS: the .app's one program, windowed; run from a terminal with a command,
    it is the CLI, as on Linux."""
    if platform == "win32":
        return [
            Executable("rm-journal", "rm_journal_gui_entry.py", console=False),
            Executable("rm-journal-cli", "rm_journal_entry.py", console=True),
        ]
    if platform == "darwin":
        return [Executable("rm-journal", "rm_journal_entry.py", console=False)]
    return [Executable("rm-journal", "rm_journal_entry.py", console=True)]


def qt_excluded(platform: str) -> list[str]:
    """QtDBus only where the session lock and sleep come over D-Bus (Linux); the window
    imports it inside a try, so leaving it out elsewhere changes nothing but the size."""
    unused = list(QT_UNUSED) if platform.startswith("linux") else [*QT_UNUSED, "QtDBus"]
    return [f"PySide6.{name}" for name in unused]


def qt_hidden(platform: str) -> list[str]:
    """Qt modules imported lazily, which PyInstaller's analysis cannot see."""
    lazy = ["QtSvg", "QtDBus"] if platform.startswith("linux") else ["QtSvg"]
    return [f"PySide6.{name}" for name in lazy]


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows and CFBundleVersion want: 0.1.0 -> (0, 1, 0, 0); a
    pre-release's letters are dropped (1.2.0rc1 -> (1, 2, 0, 0))."""
    release = re.match(r"(\d+(?:\.\d+)*)", version)
    if release is None:
        raise ValueError(f"{version!r} does not start with a release number")
    numbers = [int(part) for part in release.group(1).split(".")][:4]
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"{version!r}: Windows holds each part in 16 bits")
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def info_plist(version: str) -> dict[str, Any]:
    """The keys the macOS app's Info.plist gets beyond PyInstaller's own (which adds the
    executable, the icon and the bundle identifier from BUNDLE's arguments)."""
    dotted = ".".join(str(n) for n in version_numbers(version)[:3])
    return {
        "CFBundleName": NAME,
        "CFBundleDisplayName": NAME,
        "CFBundleIdentifier": DESKTOP_ID,
        "CFBundleShortVersionString": dotted,
        "CFBundleVersion": dotted,
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSApplicationCategoryType": "public.app-category.productivity",
        # Follow the system's light or dark appearance (the app's theme does).
        "NSRequiresAquaSystemAppearance": False,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "rm_journal exchange file",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [EXCHANGE_UTI],
                "CFBundleTypeIconFile": "rm_journal.icns",
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": EXCHANGE_UTI,
                "UTTypeDescription": "rm_journal exchange file",
                "UTTypeConformsTo": ["public.data"],
                "UTTypeIconFile": "rm_journal.icns",
                "UTTypeTagSpecification": {"public.filename-extension": [EXCHANGE_EXTENSION]},
            }
        ],
    }


def version_info_text(version: str, exe_name: str, description: str = DESCRIPTION) -> str:
    """The version resource of a Windows executable (Properties → Details), in the form
    PyInstaller reads from EXE(version=<file>): a VSVersionInfo(...) expression."""
    numbers = version_numbers(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": "The rm_journal developers",
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": exe_name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": NAME,
        "ProductVersion": version,
    }
    structs = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# The version resource of {exe_name}.exe, written by packaging/platform_meta.py.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,  # VOS_NT_WINDOWS32
    fileType=0x1,  # VFT_APP
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',  # U.S. English, Unicode
        [
{structs},
        ],
      )
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""


if __name__ == "__main__":
    what, *rest = sys.argv[1:] or ["plist"]
    if rest:
        chosen = rest[0]
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from rm_journal import __version__ as chosen
    if what == "plist":
        sys.stdout.write(plistlib.dumps(info_plist(chosen)).decode())
    elif what == "versioninfo":
        sys.stdout.write(version_info_text(chosen, "rm-journal"))
    elif what == "numbers":
        print(".".join(str(n) for n in version_numbers(chosen)))
    else:
        raise SystemExit("usage: platform_meta.py plist|versioninfo|numbers [VERSION]")
