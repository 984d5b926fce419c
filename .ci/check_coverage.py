"""Fail when a security-critical module has a line no test runs.

.ci/run measures the whole suite under coverage.py (children included, see
``[tool.coverage.run]`` in pyproject.toml), combines the data and then runs this
script. The modules below hold the keys, write the files and read what comes from
outside: a line there that no test runs is a line nobody has seen work, so each of
them stays at 100 % of its lines. The list is data, in one place, as qutebrowser's
``scripts/dev/check_coverage.py`` holds its PERFECT_FILES.

A folder entry takes every module in it, so a module split off (or added) inside
``keys/`` or ``storage/`` is held to the same rule without editing the list.

There is no allowance: a line no real test can reach is a design question (fold it
into a path that is tested, or give it a seam a real file can drive), never a debt.

``# pragma: no cover`` is allowed in these modules only for a line that cannot run
on the platform measured (a Windows or macOS branch), and it must say why on the same
line: ``# pragma: no cover -- Windows: ...``. A bare pragma fails the check.

    .venv/bin/python .ci/check_coverage.py [DATA_FILE]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
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
) -> list[str]:
    """Every problem found (a listed module with a line never run, a listed entry that
    is missing, a pragma without its reason): empty when the gate holds."""
    modules, problems = perfect_modules(root, entries)
    measured = coverage.Coverage(data_file=str(data_file), config_file=False)
    measured.load()
    for module in modules:
        name = module.relative_to(root).as_posix()
        problems += bare_pragmas(module, name)
        _, statements, _, missing, shown = measured.analysis2(str(module))
        if missing:
            run = len(statements) - len(missing)
            problems.append(f"{name}: {run}/{len(statements)} lines run, never run: {shown}")
    return problems


def main(argv: Sequence[str]) -> int:
    data_file = Path(argv[0]) if argv else ROOT / "build" / "coverage" / "data"
    if not data_file.is_file():
        print(f"check_coverage: no coverage data at {data_file}", file=sys.stderr)
        return 1
    problems = check(data_file, ROOT)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("check_coverage: security-critical modules below 100 % lines", file=sys.stderr)
        return 1
    print(f"check_coverage: {len(PERFECT_FILES)} entries of PERFECT_FILES at 100 % lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
