"""One writer per table (issue 18): every table of a journal and of the vault index is
written (INSERT, UPDATE, DELETE, REPLACE) by one module only, read from the package's
own SQL. Writers of the same rows in three modules drift apart; others call the owner.

core/journal/schema.py creates every table and moves rows from one format to the next
(its migrations, and the triggers that keep the search index): it is the format, not
a writer, and may touch any table.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import rm_journal

PACKAGE = Path(rm_journal.__file__).resolve().parent
SCHEMA = "core/journal/schema.py"
STORE = "core/journal/store.py"
RECORDS = "core/journal/records.py"
MEETINGS = "core/journal/meetings.py"
MERGE = "core/exchange/merge.py"
LINK = "core/exchange/link.py"
ROLLBACK = "core/storage/rollback.py"
REGISTRY = "core/storage/registry.py"

OWNERS = {
    # a pair's journal (journals/<file id>.rmj)
    "pair": STORE,
    "sessions": STORE,
    "meetings": MEETINGS,
    "snapshots": STORE,
    "field_values": STORE,
    "sharing_log": STORE,
    "search_fts": STORE,  # its merge into one segment; the triggers of SCHEMA feed it
    "takeaways": RECORDS,
    "actions": RECORDS,
    "topics": RECORDS,
    "agendas": MERGE,
    "summary_signatures": MERGE,
    "link": LINK,
    "write_count": ROLLBACK,
    # the vault index (vault.db), and the copies of it a backup or a rotation holds
    "pairs": REGISTRY,
    "settings": REGISTRY,
    "templates": REGISTRY,
    "identity": REGISTRY,
    "rollback_state": ROLLBACK,
}
ONLY_BY_SCHEMA = {"search_docs"}  # kept by triggers on the rows it indexes
# records.py writes its three tables through shared helpers (f"INSERT INTO {table}")
DYNAMIC_WRITERS = {RECORDS}

_TABLE = r"(\{\}|\w+)"  # a name, or one put in at run time
_WRITES = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+{_TABLE}",
        rf"\bREPLACE\s+INTO\s+{_TABLE}",
        rf"\bDELETE\s+FROM\s+{_TABLE}",
        rf"\bUPDATE\s+(?:OR\s+\w+\s+)?{_TABLE}\s+SET\b",  # not an upsert's DO UPDATE SET
    )
]
_CREATED = re.compile(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(\w+)", re.IGNORECASE)


def _text(node: ast.AST) -> str | None:
    """A string literal's text; an f-string's with ``{}`` for each value put in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _strings(tree: ast.Module) -> list[str]:
    """Every string literal of a module but its docstrings (prose may name a statement)."""
    skipped = {
        id(body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (body := node.body)
        and isinstance(body[0], ast.Expr)
    }
    # the pieces of an f-string are read with it, as one text
    skipped |= {id(p) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for p in n.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        text = _text(node)
        if text is not None:
            found.append(text)
    return found


@functools.cache
def writes() -> dict[str, set[str]]:
    """table (``{}`` for a name put in at run time) -> the modules whose SQL writes it."""
    out: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), module)
        for text in _strings(tree):
            for pattern in _WRITES:
                for table in pattern.findall(text):
                    out.setdefault(table.lower(), set()).add(module)
    return out


def test_each_table_is_written_by_its_owner_alone():
    strays = {
        table: sorted(modules - {OWNERS.get(table, SCHEMA), SCHEMA})
        for table, modules in writes().items()
        if table != "{}"
    }
    assert {table: modules for table, modules in strays.items() if modules} == {}


def test_every_owner_writes_its_table_and_every_written_table_has_an_owner():
    """The scan sees what it guards: each owner's statements are found, and a table no
    one owns (a new one) fails here until it is given an owner."""
    written = {table for table in writes() if table != "{}"}
    assert written - set(OWNERS) <= ONLY_BY_SCHEMA
    assert {t for t in OWNERS if OWNERS[t] not in writes().get(t, set())} == set()


def test_every_table_of_the_format_has_an_owner():
    source = (PACKAGE / SCHEMA).read_text(encoding="utf-8")
    created = {name.lower() for name in _CREATED.findall(source)}
    assert created - set(OWNERS) - ONLY_BY_SCHEMA == set()


def test_tables_named_at_run_time_are_written_only_by_their_owner():
    assert writes().get("{}", set()) == DYNAMIC_WRITERS
