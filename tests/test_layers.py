"""The Qt-free layers never import PySide6, directly or through another module."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "rm_journal"
# Layers that exist so far (templates and export arrive with their issues).
QT_FREE = [layer for layer in ("core", "templates", "export") if (ROOT / layer).is_dir()]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_no_qt_import_in_source(layer):
    folder = ROOT / layer
    for path in folder.rglob("*.py"):
        bad = {
            m
            for m in imported_modules(path)
            if m.split(".")[0] in {"PySide6", "shiboken6", "rm_journal.ui"}
            or m.startswith("rm_journal.ui")
        }
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_importing_every_qt_free_module_loads_no_qt():
    modules = [
        ".".join(p.relative_to(ROOT.parent).with_suffix("").parts)
        for layer in (*QT_FREE, "cli")  # the command line loads Qt only for the desktop app
        for p in (ROOT / layer).rglob("*.py")
    ] + ["rm_journal.demo"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) > 5
