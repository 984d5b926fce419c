"""The Windows-rules simulation (tests/winrules.py) refuses what Windows refuses: each rule
is tried in a child process that follows the rules, and the same steps in a child that
does not are let through (so the simulation, not Linux, is what refuses them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PYTHON, subprocess_env
from tests.winrules import ENV


def _outcome(step: object) -> str:
    try:
        step()  # type: ignore[operator]
    except Exception as exc:
        return f"{type(exc).__name__}:{getattr(exc, 'errno', None)}"
    return "ok"


def child(folder: str, held_by_parent: str) -> None:
    """The steps, run in a child; prints what each one gave."""
    base = Path(folder)
    results: dict[str, str] = {}

    def fresh(name: str) -> Path:
        (base / name).write_bytes(name.encode())
        return base / name

    f = base / "journal.rmj"
    f.write_bytes(b"x")
    read_only = os.open(f, os.O_RDONLY)
    read_write = os.open(f, os.O_RDWR)
    results["fsync read-only"] = _outcome(lambda: os.fsync(read_only))
    results["fsync read-write"] = _outcome(lambda: os.fsync(read_write))
    results["open a folder"] = _outcome(lambda: os.close(os.open(base, os.O_RDONLY)))
    inner = base / "inner"
    inner.mkdir()
    held_inside = open(inner / "held", "wb")  # noqa: SIM115 - held open on purpose
    results["rename open"] = _outcome(lambda: os.rename(f, base / "moved"))
    results["delete open"] = _outcome(lambda: f.unlink())
    results["replace over open"] = _outcome(lambda: os.replace(fresh("c"), f))
    results["rename folder holding open"] = _outcome(lambda: inner.rename(base / "inner2"))
    results["delete held by parent"] = _outcome(lambda: os.unlink(held_by_parent))
    os.close(read_only)
    os.close(read_write)
    held_inside.close()
    (base / "a").write_bytes(b"a")
    (base / "b").write_bytes(b"b")
    results["rename over existing"] = _outcome(lambda: os.rename(base / "a", base / "b"))
    (base / "folder").mkdir()
    results["replace over folder"] = _outcome(lambda: os.replace(fresh("d"), base / "folder"))
    results["replace closed"] = _outcome(lambda: os.replace(fresh("e"), f))
    results["case twin open"] = _outcome(lambda: open(base / "Journal.rmj", "wb").close())
    results["case twin mkdir"] = _outcome(lambda: (base / "FOLDER").mkdir())
    results["case twin rename"] = _outcome(lambda: os.rename(inner, base / "Folder"))
    os.chmod(f, 0o600)
    results["mode after chmod 600"] = oct(os.stat(f).st_mode & 0o777)
    os.chmod(f, 0o400)
    results["mode after chmod 400"] = oct(os.stat(f).st_mode & 0o777)
    results["write read-only"] = _outcome(lambda: os.close(os.open(f, os.O_WRONLY)))
    from rm_journal.core.storage import platform_files
    from rm_journal.core.storage.datadir import DataDir

    results["platform"] = platform_files.CURRENT.system
    with DataDir.acquire(base / "data"):
        results["second lock"] = _outcome(lambda: DataDir.acquire(base / "data"))
    print(json.dumps(results))


WINDOWS = {
    "fsync read-only": "WindowsRuleBroken:9",
    "fsync read-write": "ok",
    "open a folder": "WindowsRuleBroken:13",
    "rename open": "WindowsRuleBroken:13",
    "delete open": "WindowsRuleBroken:13",
    "replace over open": "WindowsRuleBroken:13",
    "rename folder holding open": "WindowsRuleBroken:13",
    "delete held by parent": "WindowsRuleBroken:13",
    "rename over existing": "WindowsRuleBroken:17",
    "replace over folder": "WindowsRuleBroken:13",
    "replace closed": "ok",
    "case twin open": "WindowsRuleBroken:17",
    "case twin mkdir": "WindowsRuleBroken:17",
    "case twin rename": "WindowsRuleBroken:17",
    "mode after chmod 600": "0o666",
    "mode after chmod 400": "0o444",
    "write read-only": "WindowsRuleBroken:13",
    "platform": "win32",
    "second lock": "AlreadyRunning:None",
}


def _run(tmp_path: Path, rules: bool) -> dict[str, str]:
    folder = tmp_path / ("windows" if rules else "linux")
    folder.mkdir()
    held = folder / "held-by-parent"
    env = subprocess_env(tmp_path)
    if rules:
        env[ENV] = str(os.getpid())  # this process is the run's root: its files count
    with held.open("wb"):
        done = subprocess.run(
            [
                PYTHON,
                "-c",
                f"from tests.test_winrules import child; child({str(folder)!r}, {str(held)!r})",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_the_simulation_refuses_what_windows_refuses(tmp_path):
    assert _run(tmp_path, rules=True) == WINDOWS


@pytest.mark.skipif(sys.platform != "linux", reason="the rules are simulated on Linux")
def test_without_the_simulation_linux_lets_every_step_through(tmp_path):
    """Which steps the simulation changes: all but those Linux refuses too (a rename
    over a folder) and those that are the same on both (the lock, flushing for writing)."""
    linux = _run(tmp_path, rules=False)
    same = {"fsync read-write", "replace closed", "second lock"}
    assert {k for k in WINDOWS if linux[k] == WINDOWS[k]} == same
    assert linux["platform"] == "linux"
    assert linux["mode after chmod 600"] == "0o600"
