"""Type into the editor, SIGKILL the app as soon as it says "saved": the text is there."""

import signal
import subprocess

import pytest

from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, PYTHON, profile, subprocess_env

pytestmark = pytest.mark.slow  # the whole app in a child process, then a kill

TEXT = "Ce que j’ai retenu : écouter avant de répondre. 😀"


def test_text_survives_a_kill_right_after_the_debounce(tmp_path, data_dir):
    vault, _ = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    pair = vault.add_pair(profile())
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [
            PYTHON,
            "-m",
            "tests.ui.gui_kill_child",
            str(data_dir.path),
            str(tmp_path / "p.ini"),
            TEXT,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.communicate()
    assert line.startswith("saved ✓"), line
    from rm_journal.core.storage.datadir import DataDir

    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        journal = v.journal(pair.pair_id)
        session = journal.sessions()[0]
        assert journal.fields(session.uuid)["notes"] == TEXT
        assert journal.integrity_problems() == []
