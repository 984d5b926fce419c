"""Process hygiene: once a vault is opened, no core dump and no ptrace by the same user."""

import subprocess
import sys

import pytest

from rm_journal.core import process
from tests.conftest import HANG_S, PYTHON, subprocess_env

CHILD = """
import resource, sys
from pathlib import Path
from rm_journal.core import process
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE
print(process.is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE)[0] == 0)
with DataDir.acquire(Path(sys.argv[1])) as dd:
    Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)[0].lock()
    Vault.unlock(dd, PASSPHRASE).lock()
print(process.is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE)[0] == 0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_opening_a_vault_turns_core_dumps_and_ptrace_off(tmp_path):
    result = subprocess.run(
        [PYTHON, "-c", CHILD, str(tmp_path / "data")],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=HANG_S,
        check=True,
    )
    before, after = result.stdout.splitlines()
    assert before.startswith("True")  # a fresh interpreter is dumpable: the check can fail
    assert after == "False True"


class Recorder:
    """Each system's hardening calls, recorded; ``refuse`` names one that fails."""

    def __init__(self, refuse: str = "") -> None:
        self.calls: list[str] = []
        self.refuse = refuse

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if name == self.refuse:
            raise OSError(1, "refused")

    def no_core_files(self) -> None:
        self._call("setrlimit(RLIMIT_CORE, 0)")

    def not_dumpable(self) -> None:
        self._call("prctl(PR_SET_DUMPABLE, 0)")

    def deny_attach(self) -> None:
        self._call("ptrace(PT_DENY_ATTACH)")

    def set_process_dacl(self) -> None:
        self._call("SetSecurityInfo(process DACL)")


@pytest.mark.parametrize(
    ("platform", "calls"),
    [
        ("linux", ["setrlimit(RLIMIT_CORE, 0)", "prctl(PR_SET_DUMPABLE, 0)"]),
        ("darwin", ["setrlimit(RLIMIT_CORE, 0)", "ptrace(PT_DENY_ATTACH)"]),
        ("win32", ["SetSecurityInfo(process DACL)"]),
        ("freebsd14", ["setrlimit(RLIMIT_CORE, 0)"]),
    ],
)
def test_each_system_takes_its_own_hardening_calls(platform, calls):
    recorder = Recorder()
    process.harden(process.Hardening(platform, recorder))
    assert recorder.calls == calls


def test_a_refused_step_does_not_stop_the_next():
    recorder = Recorder(refuse="setrlimit(RLIMIT_CORE, 0)")
    process.harden(process.Hardening("darwin", recorder))
    assert recorder.calls == ["setrlimit(RLIMIT_CORE, 0)", "ptrace(PT_DENY_ATTACH)"]


def test_the_windows_dacl_leaves_the_user_no_memory_read_and_nobody_else_anything():
    sddl = process.process_dacl("S-1-5-21-1-2-3-1001")
    assert sddl == "D:P(A;;0x101001;;;S-1-5-21-1-2-3-1001)(A;;RC;;;OW)"
    process_vm_read, process_query_information, process_all_access = 0x10, 0x400, 0x1FFFFF
    assert not process.USER_RIGHTS & (process_vm_read | process_query_information)
    assert process.USER_RIGHTS & process_all_access == process.USER_RIGHTS
