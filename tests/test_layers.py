"""The package's structure, held as data and checked on every run.

- The Qt-free layers never import PySide6, directly or through another module.
- The layer table: a module imports its own layer and the layers before it.
- No import cycle; no private name of one module used by another.
- Views run no SQL.

Every import counts: at module level, under ``if TYPE_CHECKING``, and inside a
function. An import inside a function still ties two modules together; it only
hides the tie from a reader, which is what these tests refuse.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


PACKAGE = ROOT

# Low to high. A module may import modules of its own layer and of the layers above
# it in this table, never of a layer below. A layer is named by module prefixes.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("package (name, version)", ("rm_journal",)),
    (
        "core base (errors, checks, records, logs)",
        (
            "rm_journal.core",
            "rm_journal.core.errors",
            "rm_journal.core.logs",
            "rm_journal.core.models",
            "rm_journal.core.process",
            "rm_journal.core.validate",
        ),
    ),
    ("core.keys", ("rm_journal.core.keys",)),
    ("core.storage", ("rm_journal.core.storage",)),
    ("core.journal", ("rm_journal.core.journal",)),
    ("core.exchange", ("rm_journal.core.exchange",)),
    ("core.backup", ("rm_journal.core.backup",)),
    ("core.vault", ("rm_journal.core.vault",)),
    ("templates", ("rm_journal.templates",)),
    ("export", ("rm_journal.export",)),
    ("ui", ("rm_journal.ui",)),
    ("cli", ("rm_journal.cli", "rm_journal.demo", "rm_journal.__main__")),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The index of the most specific prefix naming ``module`` in LAYERS."""
    best = (-1, -1)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            exact_only = prefix in ("rm_journal", "rm_journal.core")
            if module == prefix or (not exact_only and module.startswith(prefix + ".")):
                best = max(best, (len(prefix), index))
    if best[1] < 0:
        raise AssertionError(f"{module} is in no layer of LAYERS: add it to the table")
    return best[1]


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int


def _package_of(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def imports_of(module: str) -> Iterator[Import]:
    """Every rm_journal module ``module`` imports, wherever the import statement is."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = _package_of(module).split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in MODULES:
                    yield Import(module, full, node.lineno)
                elif base in MODULES:
                    yield Import(module, base, node.lineno)


GRAPH = {m: sorted({i.target for i in imports_of(m)} - {m}) for m in MODULES}


def test_every_module_has_a_layer():
    for module in MODULES:
        layer_of(module)


def test_no_import_goes_down_the_layer_table():
    against = [
        f"{i.source} (line {i.line}, layer {LAYERS[layer_of(i.source)][0]}) imports "
        f"{i.target} (layer {LAYERS[layer_of(i.target)][0]})"
        for m in MODULES
        for i in imports_of(m)
        if layer_of(i.target) > layer_of(i.source)
    ]
    assert not against, "imports against the layer table:\n" + "\n".join(against)


def import_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert import_cycles(graph) == [["a", "b", "c"]]
    assert import_cycles({"a": ["b"], "b": []}) == []


def test_no_import_cycle_in_the_package():
    cycles = import_cycles(GRAPH)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own_names(tree: ast.Module) -> set[str]:
    """Private names a module defines itself: functions, classes, attributes, globals."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {n for n in names if _is_private(n)}


def private_names_reached(source: str) -> Iterator[str]:
    """Private names of another module that the module ``source`` imports or reads.

    ``from m import _x``; ``m._x`` where ``m`` is an imported rm_journal module; and
    ``obj._x`` on anything but ``self`` or ``cls`` when ``module`` does not define
    ``_x`` itself (an object of another module's class reached into)."""
    tree = ast.parse(source)
    own = _own_names(tree)
    module_aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("rm_journal"):
            for alias in node.names:
                if _is_private(alias.name):
                    yield f"line {node.lineno}: from {node.module} import {alias.name}"
                if f"{node.module}.{alias.name}" in MODULES:
                    module_aliases.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    module_aliases.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_private(node.attr)):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in module_aliases:
            yield f"line {node.lineno}: {ast.unparse(node)}"
        elif isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        elif node.attr not in own:
            yield f"line {node.lineno}: {ast.unparse(node)}"


# Private names of the libraries we build on, used as their documentation says.
LIBRARY_PRIVATES = {"_SubParsersAction"}  # argparse's type for add_subparsers()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_of_another_module(module):
    source = MODULES[module].read_text(encoding="utf-8")
    reached = [
        r for r in private_names_reached(source) if r.rsplit(".", 1)[-1] not in LIBRARY_PRIVATES
    ]
    assert not reached, f"{module} reaches private names of other modules:\n" + "\n".join(reached)


def test_the_private_name_check_sees_each_form():
    """The checker itself: each of the three forms is caught, a module's own name is not."""
    sample = (
        "from rm_journal.core.errors import _helper\n"
        "from rm_journal.core import vault\n"
        "def f(v, other):\n"
        "    vault._unwrap(1)\n"
        "    v._journals.clear()\n"
        "    other._mine = 1\n"
        "    return self._ok, v._mine, v.__class__\n"
    )
    assert list(private_names_reached(sample)) == [
        "line 1: from rm_journal.core.errors import _helper",
        "line 4: vault._unwrap",
        "line 5: v._journals",
    ]


VIEWS = ("rm_journal.ui", "rm_journal.cli", "rm_journal.demo")
_SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA)\b",
    re.S,  # statements are written in capitals; sentences are not
)


def sql_in(source: str) -> list[str]:
    """What in ``source`` runs SQL: a database module imported, ``execute`` called, or a
    string that reads as a statement."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(n.split(".")[0] in ("sqlite3", "sqlcipher3") for n in names):
                found.append(f"line {node.lineno}: imports a database module")
        elif isinstance(node, ast.Attribute) and node.attr in (
            "execute",
            "executemany",
            "executescript",
        ):
            found.append(f"line {node.lineno}: .{node.attr}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _SQL.search(node.value)
        ):
            found.append(f"line {node.lineno}: {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("module", [m for m in sorted(MODULES) if m.startswith(VIEWS)])
def test_views_run_no_sql(module):
    found = sql_in(MODULES[module].read_text(encoding="utf-8"))
    assert not found, f"{module} runs SQL (the core owns every statement):\n" + "\n".join(found)


def test_the_sql_check_sees_each_form():
    sample = (
        "import sqlcipher3\n"
        "def f(conn):\n"
        "    conn.execute('SELECT uuid FROM sessions')\n"
        "    return 'Select the pair to update', 'Delete from the list'\n"
    )
    assert sql_in(sample) == [
        "line 1: imports a database module",
        "line 3: .execute",
        "line 3: 'SELECT uuid FROM sessions'",
    ]
