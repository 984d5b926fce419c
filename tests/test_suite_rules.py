"""The rules that keep the suite green on a busy machine, read from the tests' own code.

CONTRIBUTING.md states them; this makes them hold: no fixed wait standing in for
a state, every wait bounded by the shared hang timeout, Hypothesis settings only
in the profiles of tests/conftest.py.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# The moment of a kill is what a kill campaign varies: that sleep is the experiment.
SLEEP_ALLOWED = {("core/test_kill.py", "run_and_kill")}
WAITS = {"waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive"}


@functools.cache
def suite_modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS).as_posix()
        if relative.startswith(("benchmarks/", "_nonet/")):
            continue  # benchmarks measure time on purpose
        out.append((relative, ast.parse(path.read_text(), relative)))
    return out


def calls(tree: ast.AST):
    """Each call with the function it is in and whether a loop encloses it (a poll)."""

    def walk(node: ast.AST, function: str, in_loop: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from walk(child, child.name, False)
            elif isinstance(child, ast.While | ast.For):
                yield from walk(child, function, True)
            else:
                if isinstance(child, ast.Call):
                    yield child, function, in_loop
                yield from walk(child, function, in_loop)

    yield from walk(tree, "<module>", False)


def name_of(call: ast.Call) -> str:
    return ast.unparse(call.func)


def fixed_waits(modules) -> list[str]:
    """qtbot.wait / qWait / qSleep anywhere; time.sleep outside a polling loop."""
    found = []
    for relative, tree in modules:
        for call, function, in_loop in calls(tree):
            name = name_of(call)
            fixed_qt_wait = name.endswith(("qtbot.wait", ".qWait", ".qSleep"))
            sleep = name in {"time.sleep", "sleep"}
            if fixed_qt_wait or (
                sleep and not in_loop and (relative, function) not in SLEEP_ALLOWED
            ):
                found.append(f"{relative}:{call.lineno} {name}(...) in {function}")
    return found


def unbounded_waits(modules) -> list[str]:
    """pytest-qt waits without timeout=HANG_MS (its 5 s default fails under load)."""
    found = []
    for relative, tree in modules:
        for call, function, _ in calls(tree):
            if name_of(call).rsplit(".", 1)[-1] not in WAITS:
                continue
            timeout = next((k.value for k in call.keywords if k.arg == "timeout"), None)
            if timeout is None or "HANG_MS" not in ast.unparse(timeout):
                found.append(f"{relative}:{call.lineno} in {function}")
    return found


def settings_outside_the_profiles(modules) -> list[str]:
    """@settings(...) with anything but max_examples, outside tests/conftest.py."""
    found = []
    for relative, tree in modules:
        for call, _function, _ in calls(tree):
            if (
                name_of(call) not in {"settings", "hypothesis.settings"}
                or relative == "conftest.py"
            ):
                continue
            extra = sorted(str(k.arg) for k in call.keywords if k.arg != "max_examples")
            if extra:
                found.append(f"{relative}:{call.lineno} {extra}")
    return found


def test_no_test_waits_a_fixed_time_for_a_state():
    assert fixed_waits(suite_modules()) == [], "wait for the state (CONTRIBUTING.md)"


def test_every_wait_on_a_state_is_bounded_by_the_hang_timeout():
    assert unbounded_waits(suite_modules()) == [], "give it timeout=HANG_MS"


def test_hypothesis_settings_live_in_the_profiles_only():
    assert settings_outside_the_profiles(suite_modules()) == [], "set it in tests/conftest.py"


def test_the_rules_catch_what_they_forbid():
    bad = ast.parse(
        "def test_x(qtbot):\n"
        "    qtbot.wait(500)\n"
        "    QTest.qWait(DEBOUNCE_MS + 200)\n"
        "    time.sleep(1)\n"
        "    qtbot.waitUntil(lambda: True)\n"
        "    qtbot.waitUntil(lambda: True, timeout=3000)\n"
        "    settings(max_examples=5, deadline=None)\n"
        "    while not done():\n"
        "        time.sleep(0.05)\n"  # a poll: allowed
        "    qtbot.waitUntil(lambda: True, timeout=HANG_MS)\n"  # allowed
    )
    modules = [("ui/test_x.py", bad)]
    assert fixed_waits(modules) == [
        "ui/test_x.py:2 qtbot.wait(...) in test_x",
        "ui/test_x.py:3 QTest.qWait(...) in test_x",
        "ui/test_x.py:4 time.sleep(...) in test_x",
    ]
    assert unbounded_waits(modules) == ["ui/test_x.py:5 in test_x", "ui/test_x.py:6 in test_x"]
    assert settings_outside_the_profiles(modules) == ["ui/test_x.py:7 ['deadline']"]
