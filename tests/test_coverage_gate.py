""".ci/check_coverage.py, the gate that keeps the security-critical modules at 100 %
of their lines: it fails on a missed line, a listed module that moved away, a pragma
without its reason, and passes once every line ran."""

import importlib.util
import textwrap
from pathlib import Path

from coverage import CoverageData

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_coverage", ROOT / ".ci" / "check_coverage.py")
assert _spec and _spec.loader
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)

MODULE = """\
def opened(key):
    if not key:
        raise ValueError("no key")
    return key
"""


def tree(tmp_path: Path, source: str = MODULE) -> Path:
    """A tiny project: a package folder with one module, as PERFECT_FILES names them."""
    (tmp_path / "pkg" / "keys").mkdir(parents=True)
    (tmp_path / "pkg" / "keys" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "keys" / "secret.py").write_text(textwrap.dedent(source))
    return tmp_path


def measured(tmp_path: Path, lines: list[int]) -> Path:
    """A coverage data file that says these lines of pkg/keys/secret.py ran."""
    data = CoverageData(basename=str(tmp_path / "data"))
    data.add_lines({str(tmp_path / "pkg" / "keys" / "secret.py"): lines})
    data.write()
    return tmp_path / "data"


def test_every_listed_entry_names_modules_that_exist():
    modules, problems = gate.perfect_modules(ROOT, gate.PERFECT_FILES)
    assert problems == []
    names = {m.relative_to(ROOT).as_posix() for m in modules}
    for name in ("keys/crypto.py", "storage/wal.py", "storage/database.py", "validate.py"):
        assert f"rm_journal/core/{name}" in names
    assert "rm_journal/core/exchange/payload.py" in names


def test_a_line_never_run_fails_and_names_it(tmp_path):
    root = tree(tmp_path)
    problems = gate.check(measured(root, [1, 2, 4]), root, ["pkg/keys/"])
    assert problems == ["pkg/keys/secret.py: 3/4 lines run, never run: 3"]


def test_every_line_run_passes(tmp_path):
    root = tree(tmp_path)
    assert gate.check(measured(root, [1, 2, 3, 4]), root, ["pkg/keys/"]) == []


def test_a_module_never_imported_fails(tmp_path):
    root = tree(tmp_path)
    problems = gate.check(measured(root, []), root, ["pkg/keys/secret.py"])
    assert problems == ["pkg/keys/secret.py: 0/4 lines run, never run: 1-4"]


def test_a_listed_module_that_moved_fails(tmp_path):
    root = tree(tmp_path)
    problems = gate.check(measured(root, [1, 2, 3, 4]), root, ["pkg/keys/gone.py", "pkg/wal/"])
    assert problems == [
        "pkg/keys/gone.py: listed in PERFECT_FILES but not found",
        "pkg/wal/: listed in PERFECT_FILES but not found",
    ]


def test_a_pragma_needs_its_reason(tmp_path):
    source = MODULE.replace(
        'raise ValueError("no key")', 'raise ValueError("no key")  # pragma: no cover'
    )
    root = tree(tmp_path, source)
    problems = gate.check(measured(root, [1, 2, 4]), root, ["pkg/keys/"])
    assert problems == ["pkg/keys/secret.py:3: `pragma: no cover` without a reason"]


def test_a_pragma_with_its_reason_passes(tmp_path):
    reason = "# pragma: no cover -- Windows: no POSIX modes there"
    source = MODULE.replace('raise ValueError("no key")', f'raise ValueError("no key")  {reason}')
    root = tree(tmp_path, source)
    assert gate.check(measured(root, [1, 2, 4]), root, ["pkg/keys/"]) == []


def test_main_fails_without_data(tmp_path, capsys):
    assert gate.main([str(tmp_path / "nothing")]) == 1
    assert "no coverage data" in capsys.readouterr().err
