"""On a real X server, text selected in the app never reaches another program through
the PRIMARY selection (the middle click), while a plain Qt program's does (the check
that the reading works at all)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import HANG_S, PYTHON, Lines, subprocess_env

CHILD = os.path.join(os.path.dirname(__file__), "primary_child.py")
pytestmark = pytest.mark.slow  # a virtual X server and three child processes


@pytest.fixture
def display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: packaging/install-system-deps --test installs it"
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as ready:  # Xvfb writes its display number once it is up
        number = ready.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=HANG_S)


def env_for(tmp_path, display: str) -> dict[str, str]:
    env = subprocess_env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return env


def read_primary(env: dict[str, str]) -> str:
    done = subprocess.run(
        [PYTHON, CHILD, "read"], env=env, capture_output=True, text=True, timeout=HANG_S
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("primary:")]
    assert lines, done.stderr[-2000:]
    return lines[0]


def holding_primary(args: list[str], env: dict[str, str]) -> str:
    """Start a child that selects text, read PRIMARY from another process, stop it."""
    child = subprocess.Popen(
        [PYTHON, CHILD, *args],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    lines = Lines(child.stdout)
    try:
        lines.wait_for_line("selected")
        return read_primary(env)
    finally:
        child.stdin.close()
        child.wait(timeout=HANG_S)
        lines.wait_for_end()
        child.stdout.close()


def test_selected_text_never_reaches_the_primary_selection(tmp_path, display):
    env = env_for(tmp_path, display)
    control = holding_primary(["control", "texte-temoin"], env)
    assert "texte-temoin" in control  # another program does read PRIMARY here

    canary = "Canariprimary confidentiel"
    data = tmp_path / "data"
    seen = holding_primary(["app", str(data), canary], env)
    assert "Canariprimary" not in seen and "confidentiel" not in seen
