"""Process hygiene: once a vault is opened, no core dump and no ptrace by the same user."""

import subprocess
import sys

import pytest

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
