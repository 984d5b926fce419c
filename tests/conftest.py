"""Shared fixtures: real SQLCipher files in tmp_path, no network, cheap KDF for speed."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import pytest
from hypothesis import HealthCheck, settings

from rm_journal.core.keys import crypto
from rm_journal.core.models import Cadence, Language, PairProfile, Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.storage.fsutil import set_private_umask
from rm_journal.core.vault import Vault
from rm_journal.templates.schema import Template, load

NONET_DIR = Path(__file__).parent / "_nonet"

# Everything Qt or the desktop might write (QSettings, QtProject.conf, recently-used.xbel,
# caches, temp files) goes under one folder per run, so the leak tests can scan it.
_ISOLATED = Path(tempfile.mkdtemp(prefix="rmj-home-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("TMPDIR", "tmp"),
):
    (_ISOLATED / _sub).mkdir(mode=0o700)
    os.environ[_var] = str(_ISOLATED / _sub)
tempfile.tempdir = None  # re-read TMPDIR
ISOLATED_HOME = _ISOLATED

# Timeouts that only bound a hang: every wait in the suite is on a state (a signal, a
# label, a file, a child's line), and these are how long a hung one may take to fail.
# They are generous because a busy machine (load 6 on two cores) is slow, not broken.
HANG_S = 120
HANG_MS = HANG_S * 1000

# Hypothesis settings live here only; tests say how many examples they need, nothing else.
# No deadline anywhere: a property test is not a benchmark (speed is measured under
# tests/benchmarks), and a deadline fails on a busy machine for no fault of the code.
# Function-scoped fixtures (a vault, tmp_path) are shared by a test's examples on
# purpose: the properties hold whatever earlier examples left in them.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
# `ci` (.ci/run sets it): the same examples on every run, nothing written to disk, and a
# failing example printed with the blob that replays it (@reproduce_failure).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, **_COMMON)
# `dev` (the default): new examples each run, failures remembered in .hypothesis/.
settings.register_profile("dev", **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--windows-rules",
        action="store_true",
        help="follow Windows' file rules on this system (tests/winrules.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--windows-rules"):
        from tests import winrules

        winrules.install()
        os.environ["TMPDIR"] = str(winrules.profile_folder(_ISOLATED / "tmp"))
        tempfile.tempdir = None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--windows-rules"):
        return
    no_modes = pytest.mark.skip(reason="Windows has no POSIX modes (its ACL: SECURITY.md)")
    for item in items:
        if item.get_closest_marker("posix_modes"):
            item.add_marker(no_modes)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the run's private home and temp folder once every test passed (pytest's
    own tmp_path folders are inside it). After a failure it stays, for inspection."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if exitstatus != 0:
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(f"tests: kept {_ISOLATED} (config, data, temp) for inspection")
        return
    shutil.rmtree(_ISOLATED, ignore_errors=True)
    if _ISOLATED.exists() and reporter is not None:  # .ci/run fails on what is left
        reporter.ensure_newline()
        reporter.write_line(f"tests: could not remove all of {_ISOLATED}")


PASSPHRASE = "correct horse battery staple"
# Test vaults use cheap Argon2id parameters (the header records them, so they open
# normally). test_cli.py proves the app and the CLI never create such a vault.
CHEAP_KDF = crypto.KdfParams(crypto.ARGON2ID, b"", memory_kib=8 * 1024, iterations=1, lanes=1)


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Any socket created anywhere in the test process fails the test that made it."""
    real_socket = socket.socket

    class Forbidden(real_socket):  # type: ignore[misc,valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise NetworkAttempt("rm_journal must never open a socket")

    socket.socket = Forbidden  # type: ignore[misc]
    try:
        yield
    finally:
        socket.socket = real_socket  # type: ignore[misc]


@pytest.fixture(autouse=True, scope="session")
def _private_umask() -> None:
    """The faces set umask 077 at start-up; tests run the core the same way."""
    set_private_umask()


def subprocess_env(tmp: Path, **extra: str) -> dict[str, str]:
    """Environment for a child process: no network (sitecustomize), private temp dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RM_JOURNAL_")}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(NONET_DIR), str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
    )
    env["TMPDIR"] = str(tmp)
    env.update(extra)
    return env


PYTHON = sys.executable


class Lines:
    """What a child process writes to one of its pipes, line by line as it comes, so a
    test can wait for a line (a state the child reports) instead of for a time."""

    def __init__(self, stream: TextIO) -> None:
        self.lines: list[str] = []
        self.ended = False
        self._changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: TextIO) -> None:
        try:
            for line in stream:
                with self._changed:
                    self.lines.append(line.rstrip("\n"))
                    self._changed.notify_all()
        except (OSError, ValueError):  # the test closed the pipe: nothing more to read
            pass
        with self._changed:
            self.ended = True
            self._changed.notify_all()

    def wait_for(self, predicate: Callable[[list[str]], bool]) -> list[str]:
        """The lines so far, once ``predicate`` holds for them; fails if the stream ends
        first (the child died) or after HANG_S (it hung)."""
        with self._changed:
            self._changed.wait_for(lambda: predicate(self.lines) or self.ended, timeout=HANG_S)
            assert predicate(self.lines), f"not seen; the child said: {self.lines[-8:]}"
            return list(self.lines)

    def wait_for_line(self, fragment: str) -> list[str]:
        return self.wait_for(lambda lines: any(fragment in line for line in lines))

    def wait_for_end(self) -> list[str]:
        return self.wait_for(lambda _lines: self.ended)


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[DataDir]:
    dd = DataDir.acquire(tmp_path / "data")
    yield dd
    dd.release()


@pytest.fixture
def vault(data_dir: DataDir) -> Iterator[Vault]:
    v, _code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    yield v
    v.lock()


def profile(name: str = "Camille", role: Role = Role.LEADER) -> PairProfile:
    return PairProfile(name, role, "Programme pilote", None, Cadence.MONTHLY, Language.FR)


def _bilingual(text: str) -> dict[str, str]:
    return {"en": text, "fr": f"{text} (fr)"}


def _field(key: str, kind: str, **extra: object) -> dict[str, object]:
    return {"key": key, "type": kind, "label": _bilingual(key.title()), **extra}


# A template with one field of every type, plus many long-text fields f000..f149
# for tests that need distinct keys (kill and canary tests).
TEST_TEMPLATE: Template = load(
    {
        "format": "rm_journal-template",
        "format_version": 1,
        "id": "test-form",
        "version": 1,
        "audience": "both",
        "name": _bilingual("Test form"),
        "description": _bilingual("Every field type, for tests."),
        "sections": [
            {
                "key": "kinds",
                "title": _bilingual("Every kind"),
                "fields": [
                    _field("notes", "long_text"),
                    _field("text", "text"),
                    _field("list", "list", max_items=5),
                    _field(
                        "checklist",
                        "checklist",
                        choices=[{"key": k, "label": _bilingual(k)} for k in ("a", "b", "c")],
                    ),
                    _field("rating", "rating", scale=[_bilingual(str(i)) for i in range(1, 6)]),
                    _field(
                        "choice",
                        "choice",
                        choices=[{"key": k, "label": _bilingual(k)} for k in ("x", "y")],
                    ),
                    _field("date", "date"),
                    _field("takeaways", "takeaways"),
                    _field("actions", "actions"),
                    _field("topics", "topics"),
                ],
            },
            {
                "key": "many",
                "title": _bilingual("Many"),
                "fields": [_field(f"f{i:03d}", "long_text") for i in range(150)],
            },
        ],
    }
)
SNAPSHOT = TEST_TEMPLATE.document()
