"""Fail when a security-critical module has a line no test runs.

.ci/run measures the whole suite under coverage.py (children included, see
``[tool.coverage.run]`` in pyproject.toml), combines the data and then runs this
script. The modules below hold the keys, write the files and read what comes from
outside: a line there that no test runs is a line nobody has seen work, so each of
them stays at 100 % of its lines. The list is data, in one place, as qutebrowser's
``scripts/dev/check_coverage.py`` holds its PERFECT_FILES.

A folder entry takes every module in it, so a module split off (or added) inside
``keys/`` or ``storage/`` is held to the same rule without editing the list.

A line no real test can reach yet is written down in NOT_YET (how many, and why),
so the debt is seen and cannot grow; it is never hidden by a pragma.

``# pragma: no cover`` is allowed in these modules only for a line that cannot run
on the platform measured (a Windows or macOS branch), and it must say why on the same
line: ``# pragma: no cover -- Windows: ...``. A bare pragma fails the check.

    .venv/bin/python .ci/check_coverage.py [DATA_FILE]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parents[1]

PERFECT_FILES = (
    "rm_journal/core/keys/",  # secret, crypto, recovery
    "rm_journal/core/storage/",  # fsutil, wal, database, datadir, rollback, header, rotation
    "rm_journal/core/validate.py",
    "rm_journal/core/exchange/envelope.py",
    "rm_journal/core/exchange/payload.py",
)

# Lines of a listed module that no real test reaches yet, with why: a debt, written down
# so that it cannot grow. The check fails when the module misses more lines than
# this, and asks for the number to be lowered when it misses fewer. Empty is the goal.
NOT_YET: dict[str, tuple[int, str]] = {
    "rm_journal/core/storage/database.py": (
        8,
        "a SQLCipher build without FTS5 (check_build); sqlcipher3.connect failing right "
        "after the read-only check of the same file passed; SQLite granting another journal "
        "mode than WAL (its unix VFS always grants it); fsync failing after into_wal. None "
        "can be provoked on a real file here without a fake.",
    ),
}

PRAGMA = re.compile(r"#\s*pragma:\s*no\s*cover\b(?P<after>.*)", re.IGNORECASE)
REASON = re.compile(r"^\s*(--?|:|—)\s*\S.{8,}")


def perfect_modules(root: Path, entries: Iterable[str]) -> tuple[list[Path], list[str]]:
    """The modules the entries name (a folder names every .py in it, recursively),
    and a problem for each entry that names nothing: a moved module must be moved in
    the list too, never dropped from it by accident."""
    modules: list[Path] = []
    problems: list[str] = []
    for entry in entries:
        path = root / entry
        if entry.endswith("/") and path.is_dir():
            modules.extend(sorted(path.rglob("*.py")))
        elif path.is_file():
            modules.append(path)
        else:
            problems.append(f"{entry}: listed in PERFECT_FILES but not found")
    return modules, problems


def bare_pragmas(module: Path, name: str) -> list[str]:
    """A problem for each ``pragma: no cover`` that does not say why."""
    problems = []
    for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
        found = PRAGMA.search(line)
        if found and not REASON.match(found["after"]):
            problems.append(f"{name}:{number}: `pragma: no cover` without a reason")
    return problems


def check(
    data_file: Path,
    root: Path,
    entries: Sequence[str] = PERFECT_FILES,
    not_yet: Mapping[str, tuple[int, str]] = NOT_YET,
) -> tuple[list[str], list[str]]:
    """Every problem found (a listed module with a line never run beyond its NOT_YET
    debt, a listed entry that is missing, a pragma without its reason: empty when the
    gate holds), and the notes to show (a debt to lower, a debt still owed)."""
    modules, problems = perfect_modules(root, entries)
    notes: list[str] = []
    measured = coverage.Coverage(data_file=str(data_file), config_file=False)
    measured.load()
    for module in modules:
        name = module.relative_to(root).as_posix()
        problems += bare_pragmas(module, name)
        _, statements, _, missing, shown = measured.analysis2(str(module))
        owed, why = not_yet.get(name, (0, ""))
        run = len(statements) - len(missing)
        line = f"{name}: {run}/{len(statements)} lines run, never run: {shown}"
        if len(missing) > owed:
            problems.append(line + (f" (NOT_YET allows {owed})" if owed else ""))
        elif len(missing) < owed:
            notes.append(f"{name}: misses {len(missing)} lines, NOT_YET says {owed}: lower it")
        elif owed:
            notes.append(f"{line} (owed, NOT_YET: {why})")
    return problems, notes


def main(argv: Sequence[str]) -> int:
    data_file = Path(argv[0]) if argv else ROOT / "build" / "coverage" / "data"
    if not data_file.is_file():
        print(f"check_coverage: no coverage data at {data_file}", file=sys.stderr)
        return 1
    problems, notes = check(data_file, ROOT)
    for note in notes:
        print(f"check_coverage: {note}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("check_coverage: security-critical modules below 100 % lines", file=sys.stderr)
        return 1
    owed = sum(count for count, _ in NOT_YET.values())
    print(f"check_coverage: PERFECT_FILES at 100 % lines, but for {owed} owed in NOT_YET")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
