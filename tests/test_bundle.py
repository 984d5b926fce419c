"""The standalone bundle and the Flatpak, built and smoke-tested as a person gets them.

packaging/build_bundle.sh builds the PyInstaller folder and packaging/smoke_bundle.sh
runs it with no Python on the PATH and an empty HOME; packaging/flatpak/
rehearse_build.py runs the Flatpak manifest's build where Flathub's runtimes are out
of reach (its docstring says what it checks) and then the same smoke test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import HANG_S

ROOT = Path(__file__).resolve().parents[1]


def run(command: list[str]) -> str:
    done = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=10 * HANG_S,  # a build on a busy machine takes minutes
    )
    assert done.returncode == 0, f"{command[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_bundle_builds_and_runs_with_no_python_on_the_path():
    built = run(["packaging/build_bundle.sh"])
    assert "bundle: dist/rm_journal-" in built
    smoked = run(["packaging/smoke_bundle.sh"])
    assert "passed" in smoked


@pytest.mark.slow
def test_the_flatpak_manifest_builds_and_its_app_runs():
    said = run([sys.executable, "packaging/flatpak/rehearse_build.py"])
    assert "source fetched and its SHA-256 checked" in said
    assert "module rm-journal built" in said, said  # not stopped early for want of Python 3.12
    assert "smoke: " in said and " passed" in said
