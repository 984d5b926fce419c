"""What the PyInstaller spec says per system, checked here on Linux.

packaging/rm_journal.spec takes everything that differs between Linux, Windows and
macOS from packaging/platform_meta.py (no PyInstaller import), so the macOS
Info.plist and the Windows version resource are built and read back here, where no
Windows or macOS build can run. tests/test_bundle.py builds the Linux branch for real.
"""

from __future__ import annotations

import ast
import json
import plistlib
import sys
from pathlib import Path

import pytest

import rm_journal
from rm_journal.export.exchange import EXTENSION

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import platform_meta  # noqa: E402
import rm_journal_gui_entry  # noqa: E402


def test_the_ids_are_the_packages_own():
    assert platform_meta.DESKTOP_ID == rm_journal.DESKTOP_ID
    assert "." + platform_meta.EXCHANGE_EXTENSION == EXTENSION


def test_the_info_plist_round_trips_with_the_version_and_the_exchange_file_type():
    written = plistlib.dumps(platform_meta.info_plist(rm_journal.__version__))
    plist = plistlib.loads(written)
    assert plist["CFBundleIdentifier"] == rm_journal.DESKTOP_ID
    assert plist["CFBundleShortVersionString"] == rm_journal.__version__
    assert plist["CFBundleVersion"] == rm_journal.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"] == platform_meta.MACOS_MINIMUM
    assert "rm_journal developers" in plist["NSHumanReadableCopyright"]
    (declared,) = plist["UTExportedTypeDeclarations"]
    assert declared["UTTypeIdentifier"] == "io.github.rmjournal.exchange"
    assert declared["UTTypeConformsTo"] == ["public.data"]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["rmjx"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert document["LSHandlerRank"] == "Owner"
    # nothing asks for a permission: no usage description, no network, no background
    assert not [key for key in plist if key.endswith("UsageDescription")]
    assert "LSBackgroundOnly" not in plist


def test_versions_become_the_numbers_windows_and_macos_want():
    assert platform_meta.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert platform_meta.version_numbers("2.10") == (2, 10, 0, 0)
    assert platform_meta.version_numbers("1.2.3rc1") == (1, 2, 3, 0)
    assert platform_meta.info_plist("1.2.3rc1")["CFBundleShortVersionString"] == "1.2.3"
    with pytest.raises(ValueError, match="16 bits"):
        platform_meta.version_numbers("70000.0")
    with pytest.raises(ValueError, match="release number"):
        platform_meta.version_numbers("dev")


class Recorded:
    """Stands for each class PyInstaller's version file calls (its module imports
    win32api, so it loads on Windows only): the call's name and arguments."""

    def __init__(self, name: str, *args: object, **kwargs: object) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs


def evaluate_version_file(text: str) -> Recorded:
    """The file as PyInstaller reads it: one expression, eval'ed with its classes."""
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    tree = ast.parse(text, mode="eval")
    called = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert called <= set(names)  # nothing else runs when PyInstaller evaluates it
    classes = {n: (lambda *a, _n=n, **k: Recorded(_n, *a, **k)) for n in names}
    result = eval(compile(tree, "versioninfo", "eval"), {"__builtins__": {}}, classes)
    assert isinstance(result, Recorded)
    return result


def test_the_windows_version_resource_carries_the_version():
    info = evaluate_version_file(platform_meta.version_info_text("0.1.0", "rm-journal-cli"))
    assert info.name == "VSVersionInfo"
    fixed = info.kwargs["ffi"]
    assert fixed.kwargs["filevers"] == fixed.kwargs["prodvers"] == (0, 1, 0, 0)
    assert fixed.kwargs["fileType"] == 0x1  # an application
    string_info, var_info = info.kwargs["kids"]
    (table,) = string_info.args[0]
    assert table.args[0] == "040904B0"
    strings = {struct.args[0]: struct.args[1] for struct in table.args[1]}
    assert strings["ProductVersion"] == "0.1.0"
    assert strings["FileVersion"] == "0.1.0.0"
    assert strings["OriginalFilename"] == "rm-journal-cli.exe"
    assert strings["ProductName"] == "rm_journal"
    (translation,) = var_info.args[0]
    assert translation.args == ("Translation", [0x0409, 1200])


def test_each_system_gets_its_programs():
    assert platform_meta.executables("linux") == [
        ("rm-journal", "rm_journal_entry.py", True)
    ]  # as before: tests/test_bundle.py runs it
    windows = {p.name: p for p in platform_meta.executables("win32")}
    assert windows["rm-journal"].console is False  # the app: no console window
    assert windows["rm-journal"].script == "rm_journal_gui_entry.py"
    assert windows["rm-journal-cli"].console is True
    assert windows["rm-journal-cli"].script == "rm_journal_entry.py"
    (mac,) = platform_meta.executables("darwin")
    assert mac.console is False  # a windowed .app
    for platform in ("linux", "win32", "darwin"):
        for program in platform_meta.executables(platform):
            assert (PACKAGING / program.script).is_file()


def test_qtnetwork_is_left_out_everywhere_and_qtdbus_off_linux():
    for platform in ("linux", "win32", "darwin"):
        excluded = platform_meta.qt_excluded(platform)
        assert "PySide6.QtNetwork" in excluded
        assert not set(excluded) & set(platform_meta.qt_hidden(platform))
    assert "PySide6.QtDBus" in platform_meta.qt_hidden("linux")
    assert "PySide6.QtDBus" not in platform_meta.qt_excluded("linux")
    for platform in ("win32", "darwin"):
        assert "PySide6.QtDBus" in platform_meta.qt_excluded(platform)


def test_the_windowed_program_drops_the_document_a_file_association_passes():
    keep = rm_journal_gui_entry.app_arguments
    assert keep([r"C:\Users\a\Downloads\agenda.rmjx"]) == []
    assert keep(["--data-dir", r"D:\journal", "agenda.rmjx"]) == ["--data-dir", r"D:\journal"]
    assert keep(["--data-dir=D:\\j"]) == ["--data-dir=D:\\j"]
    assert keep([]) == []
    assert keep(["--passphrase-file", "p.txt", "a.rmjx"]) == ["--passphrase-file", "p.txt"]


def test_the_windowed_program_knows_which_global_options_take_a_value():
    import argparse

    from rm_journal.cli.parser import add_global_options

    parser = argparse.ArgumentParser()
    add_global_options(parser)
    with_value = {
        option
        for action in parser._actions
        if action.nargs != 0
        for option in action.option_strings
        if option.startswith("--")
    }
    assert with_value == set(rm_journal_gui_entry.OPTIONS_WITH_A_VALUE)


def test_the_oldest_macos_named_is_one_every_locked_wheel_runs_on():
    lock = json.loads((PACKAGING / "wheels.lock.json").read_text())
    needed = []
    for package in lock["packages"]:
        for platform in ("macos_arm64", "macos_x86_64"):
            tag = package["wheels"][platform]["file"].removesuffix(".whl").split("-")[-1]
            for part in tag.split("."):
                if part.startswith("macosx_"):
                    major, minor = part.split("_")[1:3]
                    needed.append((int(major), int(minor)))
    assert needed  # PySide6, cryptography, sqlcipher3 have macOS wheels
    minimum = tuple(int(n) for n in platform_meta.MACOS_MINIMUM.split("."))
    assert max(needed) == minimum  # not lower (it would not start), not needlessly higher


def test_the_spec_takes_every_platform_difference_from_platform_meta():
    spec = (PACKAGING / "rm_journal.spec").read_text()
    for used in ("executables(", "qt_excluded(", "qt_hidden(", "info_plist(", "version_info_text("):
        assert f"platform_meta.{used}" in spec
    assert "BUNDLE(" in spec and "bundle_identifier=DESKTOP_ID" in spec
    assert 'name="rm_journal.app"' in spec
