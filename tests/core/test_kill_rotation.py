"""SIGKILL during key rotation: the vault opens with exactly one key set, always.

A child rotates every key again and again (each time to a new passphrase) and saves
a field after each rotation; it is killed at moments spread over the whole
operation. After every kill: the data folder opens with exactly one passphrase of
those it could have (the last acknowledged one or the one under way); every pair
journal opens and passes its check; every acknowledged save is there; and once a
rotation was under way and won, the vault.json copied before the run no longer
opens the files.
"""

from __future__ import annotations

import random
import shutil

import pytest

from rm_journal.core.errors import VaultDamaged, WrongPassphrase
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import SNAPSHOT, profile, subprocess_env
from tests.core.kill_child import field_value, rotated_passphrase
from tests.core.test_kill import (
    Killed,
    assert_the_campaign_tested_something,
    kill_moments,
    measure,
    run_and_kill,
)


@pytest.mark.slow
def test_kill_during_key_rotation_leaves_exactly_one_key_set(tmp_path, data_dir, vault):
    pairs = [vault.add_pair(profile(f"Pair {n}")) for n in range(3)]
    for pair in pairs:
        journal = vault.journal(pair.pair_id)
        for n in range(15):
            s = journal.add_session("test-form", SNAPSHOT)
            journal.set_field(s.uuid, "notes", f"session {n} " + "texte " * 1500)
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(20261202)
    saver = pairs[0].pair_id
    acked: dict[str, list[int]] = {}  # session: the fields acknowledged in it
    state = {"n": 0}  # the number of the passphrase in force

    def start() -> tuple[list[str], bytes, str]:
        """A new session to save into, the vault.json as it is now, and the child's args."""
        n = state["n"]
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, rotated_passphrase(n)) as v:
            session = v.journal(saver).add_session("test-form", SNAPSHOT).uuid
        old_header = data_dir.header_path.read_bytes()
        return ["rotate", str(data_dir.path), str(n), saver, session], old_header, session

    def check(killed: Killed, old_header: bytes, session: str, run: int) -> None:
        n = state["n"]
        rotated = [int(a) for a in killed.acks]
        acked[session] = [int(line.split()[1]) for line in killed.said if line.startswith("saved ")]
        possible = n + len(rotated) + 1  # the acknowledged ones, and one under way
        with DataDir.acquire(data_dir.path) as dd:
            assert not (data_dir.path / "rotating").exists()
            assert [p.name for p in data_dir.path.iterdir() if p.name.endswith(".tmp")] == []
            opens = []
            for k in [n, *range(n + 1, possible + 1)]:
                try:
                    Vault.unlock(dd, rotated_passphrase(k)).lock()
                    opens.append(k)
                except WrongPassphrase:
                    pass
            assert len(opens) == 1, f"the vault opens with passphrases {opens}"
            now = opens[0]
            assert now in ({rotated[-1], rotated[-1] + 1} if rotated else {n, n + 1})
            with Vault.unlock(dd, rotated_passphrase(now)) as v:
                entries = v.open_all()
                assert all(e.pair is not None for e in entries), [e.problem for e in entries]
                assert all(r.ok for r in v.check())
                journal = v.journal(saver)
                for uuid, numbers in acked.items():
                    stored = journal.fields(uuid)
                    missing = [i for i in numbers if stored.get(f"f{i:03d}") != field_value(i)]
                    assert missing == [], uuid
        if now != n:  # a rotation won: the key file kept from before opens nothing
            thief = tmp_path / f"thief-{run}"
            shutil.copytree(data_dir.path, thief, ignore=shutil.ignore_patterns("lock"))
            (thief / "vault.json").write_bytes(old_header)
            with DataDir.acquire(thief) as dd, pytest.raises(VaultDamaged):
                Vault.unlock(dd, rotated_passphrase(n))
            shutil.rmtree(thief)
        state["n"] = now

    args, old_header, session = start()
    timing, measured = measure(args, env)
    check(measured, old_header, session, 0)
    kills = []
    for run, delay in enumerate(kill_moments(rng, timing), start=1):
        args, old_header, session = start()
        kills.append(run_and_kill(args, env, delay))
        check(kills[-1], old_header, session, run)
    assert_the_campaign_tested_something(timing, kills)
    print(f"{len(kills) + 1} kills; passphrase number {state['n']} in force at the end")
