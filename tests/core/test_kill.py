"""SIGKILL at random moments never loses an acknowledged write nor corrupts a file."""

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from rm_journal.core.errors import WrongPassphrase
from rm_journal.core.vault import Vault
from tests.conftest import PASSPHRASE, PYTHON, SNAPSHOT, profile, subprocess_env

ROUNDS = 20


def run_and_kill(args, env, rng) -> list[str]:
    """Start the child, let it work for a random while, SIGKILL it, return its acks."""
    with subprocess.Popen(
        [PYTHON, "-m", "tests.core.kill_child", *args], env=env, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    return [line for line in out.splitlines() if line]


@pytest.mark.slow
def test_kill_during_autosave_keeps_every_acknowledged_write(tmp_path, data_dir, vault):
    pair = vault.add_pair(profile())
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(20261126)
    acked: dict[str, list[int]] = {}
    from rm_journal.core.datadir import DataDir

    for _ in range(ROUNDS):
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            session = v.journal(pair.pair_id).add_session("test-form", SNAPSHOT)
        lines = run_and_kill(["fields", str(data_dir.path), session.uuid, pair.pair_id], env, rng)
        acked[session.uuid] = [int(x) for x in lines]
    assert sum(len(a) for a in acked.values()) > ROUNDS

    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        j = v.journal(pair.pair_id)
        for session_uuid, numbers in acked.items():
            stored = j.fields(session_uuid)
            missing = [
                i for i in numbers if stored.get(f"f{i:03d}") != f"value {i} " + "é" * (i * 7)
            ]
            assert missing == []
        assert j.integrity_problems() == []
        assert all(r.ok for r in v.check())


@pytest.mark.slow
def test_kill_during_passphrase_change_leaves_exactly_one_passphrase(tmp_path, data_dir, vault):
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(7)
    a, b = PASSPHRASE, "the other passphrase"
    current = a
    from rm_journal.core.datadir import DataDir

    for _ in range(ROUNDS):
        other = b if current == a else a
        acks = run_and_kill(["passwd", str(data_dir.path), current, other], env, rng)
        with DataDir.acquire(data_dir.path) as dd:
            opens = []
            for candidate in (a, b):
                try:
                    Vault.unlock(dd, candidate).lock()
                    opens.append(candidate)
                except WrongPassphrase:
                    pass
        assert len(opens) == 1, "the vault must open with exactly one of the two passphrases"
        if acks:  # the last acknowledged change, or the one after it that was under way
            assert opens[0] in {acks[-1], a if acks[-1] == b else b}
        current = opens[0]
        # a temporary file of an interrupted write is removed by the next start
        assert [p.name for p in data_dir.path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.slow
def test_kill_during_backup_leaves_only_whole_verified_backups(tmp_path, data_dir, vault):
    from rm_journal.core import backup
    from rm_journal.core.datadir import DataDir

    pair = vault.add_pair(profile())
    journal = vault.journal(pair.pair_id)
    for n in range(20):
        s = journal.add_session("test-form", SNAPSHOT)
        journal.set_field(s.uuid, "notes", f"session {n} " + "texte " * 2000)
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(11)
    folder = backup.backups_path(data_dir)
    for _ in range(ROUNDS):
        acks = run_and_kill(["backup", str(data_dir.path)], env, rng)
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            assert all(r.ok for r in v.check())
            listed = backup.list_backups(folder, v.vault_id)
            if acks:  # the last acknowledged backup is kept (rotation keeps the newest)
                assert acks[-1] in {b.name for b in listed}
            for b in listed:  # nothing half-written ever carries a backup's name
                backup.verify_with_key(backup.check_files(b.path), v._require_master())
    # leftovers of interrupted backups are staging folders only, removed by the next one
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        backup.create(v)
    assert not list(folder.glob(".staging-*"))


@pytest.mark.slow
def test_kill_during_export_never_leaves_a_partial_summary(tmp_path, data_dir, vault):
    from rm_journal.core.datadir import DataDir
    from rm_journal.core.models import Role, TakeawayStatus
    from rm_journal.export import verify

    pair = vault.add_pair(profile())
    journal = vault.journal(pair.pair_id)
    for n in range(60):
        journal.add_takeaway(
            f"agreed {n} " + "mot " * 40, Role.LEADER, status=TakeawayStatus.AGREED
        )
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(13)
    out = tmp_path / "exports"
    acked: list[Path] = []
    for n in range(ROUNDS):
        folder = out / f"round-{n}"
        folder.mkdir(parents=True)
        lines = run_and_kill(["export", str(data_dir.path), pair.pair_id, str(folder)], env, rng)
        acked += [folder / name for name in lines]
    assert acked
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        for pdf in sorted(out.rglob("*.pdf")):
            summary = verify.read(pdf.read_bytes(), "a long enough password")
            status = verify.matches_in(v, summary).status
            assert not summary.problems, pdf  # a whole file, never a partial one
            if pdf in acked:
                assert status is verify.Status.IDENTICAL, pdf
            else:  # written, but the kill came before its sharing-log entry
                assert status in (verify.Status.IDENTICAL, verify.Status.SAME_CONTENT), pdf
