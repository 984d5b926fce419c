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
    """pyside6-lupdate / pyside6-lrelease, next to the running Python or on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials first")
    return found


def update(language: str) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    from fr_translations import FR, FR_BY_CONTEXT

    ts = TS_DIR / f"rm_journal_{language}.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "rm_journal" / "ui").glob("*.py"))
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(ts)],
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


def compile_all() -> list[Path]:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        ts = TS_DIR / f"rm_journal_{language}.ts"
        qm = QM_DIR / f"rm_journal_{language}.qm"
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    if args.update:
        for language in LANGUAGES:
            update(language)
    for qm in compile_all():
        print(f"built {qm.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
