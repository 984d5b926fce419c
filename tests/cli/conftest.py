"""A vault made cheaply through the core, for the command line to drive."""

import os

import pytest

from rm_journal import cli
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE


@pytest.fixture
def cheap_vault(tmp_path, monkeypatch):
    """A vault made through the core with cheap KDF parameters; the CLI then drives it."""
    root = tmp_path / "data"
    with DataDir.acquire(root) as dd:
        v, code = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        v.lock()
    for var in list(os.environ):
        if var.startswith("RM_JOURNAL_"):
            monkeypatch.delenv(var)
    monkeypatch.setenv("RM_JOURNAL_DATA_DIR", str(root))
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    return root, code


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
