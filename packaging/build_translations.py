"""Build the app's translations: .ts sources in resources/i18n -> compiled .qm.

    python packaging/build_translations.py            compile .qm (what installs need)
    python packaging/build_translations.py --update   re-extract sources with lupdate and
                                                      fill French from fr_translations.py

The .qm files are build products (git-ignored), written into rm_journal/ui/i18n
so the installed package carries them. Fails loudly on a missing translation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "rm_journal" / "ui" / "i18n"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    """Qt's lupdate / lrelease: PySide6's (next to the running Python, or on PATH), else
    the Qt of the system or SDK (as in the Flatpak build), found on PATH or where
    qtpaths says Qt keeps its tools."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    for candidate in (f"pyside6-{name}", name, f"{name}6", f"{name}-qt6"):
        found = shutil.which(candidate)
        if found:
            return found
    for qtpaths in ("qtpaths6", "qtpaths"):
        if shutil.which(qtpaths):
            for query in ("QT_HOST_BINS", "QT_HOST_LIBEXECS"):
                done = subprocess.run(
                    [qtpaths, "--query", query], capture_output=True, text=True, check=False
                )
                tool = Path(done.stdout.strip()) / name
                if done.returncode == 0 and tool.is_file():
                    return str(tool)
    raise SystemExit(f"Qt's {name} not found: install PySide6-Essentials (or Qt's tools) first")


def lupdate_sources() -> list[str]:
    """The files lupdate reads: the GUI's modules, and every other module that marks a
    sentence with QT_TRANSLATE_NOOP (the core's error classes: core/errors.py has a
    Qt-free one), relative to the project folder."""
    package = ROOT / "rm_journal"
    gui = set((package / "ui").glob("*.py"))
    marked = {p for p in package.rglob("*.py") if "QT_TRANSLATE_NOOP(" in p.read_text("utf-8")}
    return sorted(str(p.relative_to(ROOT)) for p in gui | marked)


def update(language: str) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    from fr_translations import FR, FR_BY_CONTEXT

    ts = TS_DIR / f"rm_journal_{language}.ts"
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", *lupdate_sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = FR_BY_CONTEXT.get((name, source), FR.get(source))
            if text is None:
                missing.append(source)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    if missing:
        raise SystemExit("no French for: " + "; ".join(repr(m) for m in missing))
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def compile_all(qm_dir: Path = QM_DIR) -> list[Path]:
    qm_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        ts = TS_DIR / f"rm_journal_{language}.ts"
        qm = qm_dir / f"rm_journal_{language}.qm"
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--qm-dir", type=Path, default=QM_DIR, help="where to write the .qm")
    args = parser.parse_args()
    if args.update:
        for language in LANGUAGES:
            update(language)
    for qm in compile_all(args.qm_dir.resolve()):
        print(f"built {qm}")


if __name__ == "__main__":
    main()
