"""The Inno Setup script and its build script, read here (no Windows, no ISCC on these
machines): a per-user install, the .rmjx association under HKCU, the journals kept on
uninstall, and signing only when the secrets are there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rm_journal.export.exchange import EXTENSION

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "packaging" / "windows"
ISS = (WINDOWS / "rm_journal.iss").read_text()
BUILD = (WINDOWS / "build.ps1").read_text()
sys.path.insert(0, str(ROOT / "packaging"))
import platform_meta  # noqa: E402


def sections(text: str) -> dict[str, list[str]]:
    """Each [Section]'s lines, comments and preprocessor lines left out."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return found


def setup() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in sections(ISS)["Setup"])
    return {key.strip(): value.strip() for key, value in pairs}


def entry(line: str) -> dict[str, str]:
    """An entry line (`Name: "x"; Flags: a b`) as a dict; "" inside quotes is one quote."""
    fields = {}
    for match in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
        value = match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[match.group(1)] = value
    return fields


def defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', ISS, flags=re.MULTILINE))


def test_it_installs_for_the_user_alone_without_administrator_rights():
    options = setup()
    assert options["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in options  # no "for all users"
    assert options["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", options["AppId"])
    assert options["AppVersion"] == "{#AppVersion}"  # from ISCC /DAppVersion=
    assert "#ifndef AppVersion\n  #error" in ISS
    assert "/DAppVersion=$version" in BUILD
    assert options["LicenseFile"] == r"{#RepoRoot}\LICENSE" and (ROOT / "LICENSE").is_file()
    assert options["ChangesAssociations"] == "yes"


def test_the_installer_takes_the_folder_the_spec_builds_and_names_its_programs():
    names = defines()
    programs = {p.name + ".exe": p for p in platform_meta.executables("win32")}
    assert programs[names["AppExe"]].console is False  # shortcuts open the windowed app
    assert programs[names["CliExe"]].console is True
    assert r'#define BundleDir RepoRoot + "\dist\rm_journal-" + AppVersion' in ISS
    assert (
        'name=f"rm_journal-{__version__}"' in (ROOT / "packaging" / "rm_journal.spec").read_text()
    )
    (files, _license) = [entry(line) for line in sections(ISS)["Files"]]
    assert files["Source"] == r"{#BundleDir}\*" and "recursesubdirs" in files["Flags"]


def test_a_start_menu_shortcut_opens_the_app():
    icons = [entry(line) for line in sections(ISS)["Icons"]]
    start = [icon for icon in icons if icon["Name"].startswith("{userprograms}")]
    assert start and start[0]["Filename"] == r"{app}\{#AppExe}"
    desktop = [icon for icon in icons if icon["Name"].startswith("{userdesktop}")]
    assert all(icon.get("Tasks") == "desktopicon" for icon in desktop)  # asked, unchecked


def test_rmjx_files_open_with_the_app_through_hkcu_classes():
    registry = [entry(line) for line in sections(ISS)["Registry"]]
    assert registry and all(key["Root"] == "HKCU" for key in registry)
    assert all(key["Subkey"].startswith("Software\\Classes\\") for key in registry)
    by_key = {(key["Subkey"], key["ValueName"]): key for key in registry}
    prog_id = defines()["ProgId"]
    extension = by_key[(f"Software\\Classes\\{EXTENSION}", "")]
    assert extension["ValueData"] == "{#ProgId}" and "uninsdeletevalue" in extension["Flags"]
    assert (f"Software\\Classes\\{EXTENSION}\\OpenWithProgids", "{#ProgId}") in by_key
    assert "uninsdeletekey" in by_key[("Software\\Classes\\{#ProgId}", "")]["Flags"]
    icon = by_key[("Software\\Classes\\{#ProgId}\\DefaultIcon", "")]
    assert icon["ValueData"] == r"{app}\{#AppExe},0"
    command = by_key[("Software\\Classes\\{#ProgId}\\shell\\open\\command", "")]
    assert command["ValueData"] == r'"{app}\{#AppExe}" "%1"'
    assert prog_id == "rm_journal.exchange"


def test_the_uninstaller_leaves_the_journals_and_says_so():
    found = sections(ISS)
    assert "UninstallDelete" not in found and "InstallDelete" not in found
    assert "UninstallRun" not in found
    code = "\n".join(line for lines in found.values() for line in lines)
    assert r"{localappdata}\rm_journal" not in code  # the data folder is never named
    assert r"{userappdata}\rm_journal" not in code
    header = ISS.split("#ifndef")[0]
    assert "stay where they are" in header  # the script says it, and packaging/README.md


def test_signing_needs_both_secrets_and_is_skipped_with_a_message_otherwise():
    assert "$env:WINDOWS_CERT_PFX_BASE64 -and $env:WINDOWS_CERT_PASSWORD" in BUILD
    assert "are NOT signed" in BUILD
    assert "#ifdef Sign\nSignTool=signtool\nSignedUninstaller=yes\n#endif" in ISS
    # the password never reaches a command line: the certificate goes to the user's store
    assert "Import-PfxCertificate" in BUILD and '"/sha1", $thumbprint' in BUILD
    assert not re.search(r"signtool[^\n]*/p\b", BUILD)
    assert 'Remove-Item "Cert:\\CurrentUser\\My\\$thumbprint"' in BUILD
