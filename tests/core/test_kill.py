"""SIGKILL at random moments never loses an acknowledged write nor corrupts a file.

Each campaign first measures how long one operation takes on this machine, now
(a child that is killed only once it acknowledged a few), and draws its kill
delays from that figure: on a busy machine the delays grow with the work. Each
then asserts that some kills landed in the middle of an operation and that some
operations were acknowledged, so a campaign whose kills all came too early or
too late fails instead of passing without having tested anything.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from rm_journal.core.errors import WrongPassphrase
from rm_journal.core.vault import Vault
from tests.conftest import HANG_S, PASSPHRASE, PYTHON, SNAPSHOT, Lines, profile, subprocess_env
from tests.core.kill_child import field_value

ROUNDS = 20
CALIBRATION_OPS = 3


@dataclass
class Killed:
    """What a killed child said: the values it acknowledged, and where the kill landed."""

    acks: list[str]
    mid_operation: bool  # its last word was "begin": killed inside an operation


class Child:
    """A kill_child process and the lines it says."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-m", "tests.core.kill_child", *args],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.said = Lines(self.process.stdout)
        self.said.wait_for(lambda lines: "ready" in lines)

    def kill(self) -> Killed:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=HANG_S)
        assert self.process.returncode == -signal.SIGKILL
        said = self.said.wait_for_end()
        self.process.stdout.close()
        acks = [line.removeprefix("done ") for line in said if line.startswith("done ")]
        return Killed(acks, said[-1] == "begin")


def acknowledged(n: int):
    return lambda lines: sum(line.startswith("done ") for line in lines) >= n


def measure_operation(args: list[str], env: dict[str, str]) -> tuple[float, Killed]:
    """Seconds one operation takes here and now, from "ready" (the first one included)."""
    child = Child(args, env)
    start = time.monotonic()
    child.said.wait_for(acknowledged(CALIBRATION_OPS))
    return (time.monotonic() - start) / CALIBRATION_OPS, child.kill()


def run_and_kill(args: list[str], env: dict[str, str], delay: float) -> Killed:
    """Start the child, let it work for ``delay`` seconds once ready, SIGKILL it."""
    child = Child(args, env)
    time.sleep(delay)  # the moment of the kill is what the campaign varies, not a wait
    return child.kill()


def assert_the_campaign_tested_something(kills: list[Killed], per_operation: float) -> None:
    inside, acked = sum(k.mid_operation for k in kills), sum(len(k.acks) for k in kills)
    print(  # shown with -s, and beside a failure
        f"one operation {per_operation * 1000:.0f} ms; {inside} of {len(kills)} kills "
        f"inside an operation; {acked} operations acknowledged"
    )
    assert inside >= 1, "no kill landed inside an operation"
    assert acked >= 1, "no operation was acknowledged"


@pytest.mark.slow
def test_kill_during_autosave_keeps_every_acknowledged_write(tmp_path, data_dir, vault):
    pair = vault.add_pair(profile())
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(20261126)
    from rm_journal.core.datadir import DataDir

    def new_session() -> list[str]:
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            session = v.journal(pair.pair_id).add_session("test-form", SNAPSHOT)
        return ["fields", str(data_dir.path), session.uuid, pair.pair_id]

    acked: dict[str, list[int]] = {}
    args = new_session()
    per_field, calibration = measure_operation(args, env)
    kills = [calibration]
    acked[args[2]] = [int(x) for x in calibration.acks]
    for _ in range(ROUNDS):  # kills spread over the first hundred of the 150 saves
        args = new_session()
        kills.append(run_and_kill(args, env, rng.uniform(0, 100 * per_field)))
        acked[args[2]] = [int(x) for x in kills[-1].acks]
    assert_the_campaign_tested_something(kills, per_field)

    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        j = v.journal(pair.pair_id)
        for session_uuid, numbers in acked.items():
            stored = j.fields(session_uuid)
            missing = [i for i in numbers if stored.get(f"f{i:03d}") != field_value(i)]
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
    from rm_journal.core.datadir import DataDir

    def opening_passphrase() -> str:
        with DataDir.acquire(data_dir.path) as dd:
            opens = []
            for candidate in (a, b):
                try:
                    Vault.unlock(dd, candidate).lock()
                    opens.append(candidate)
                except WrongPassphrase:
                    pass
        assert len(opens) == 1, "the vault must open with exactly one of the two passphrases"
        return opens[0]

    def args(current: str) -> list[str]:
        return ["passwd", str(data_dir.path), current, b if current == a else a]

    per_change, calibration = measure_operation(args(a), env)
    kills = [calibration]
    current = opening_passphrase()
    for _ in range(ROUNDS):
        kills.append(run_and_kill(args(current), env, rng.uniform(0, 3 * per_change)))
        acks = kills[-1].acks
        current = opening_passphrase()
        if acks:  # the last acknowledged change, or the one after it that was under way
            assert current in {acks[-1], a if acks[-1] == b else b}
        # a temporary file of an interrupted write is removed by the next start
        assert [p.name for p in data_dir.path.iterdir() if p.name.endswith(".tmp")] == []
    assert_the_campaign_tested_something(kills, per_change)


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
    args = ["backup", str(data_dir.path)]
    per_backup, calibration = measure_operation(args, env)
    kills = [calibration]
    for _ in range(ROUNDS):
        kills.append(run_and_kill(args, env, rng.uniform(0, 3 * per_backup)))
        acks = kills[-1].acks
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            assert all(r.ok for r in v.check())
            listed = backup.list_backups(folder, v.vault_id)
            if acks:  # the last acknowledged backup is kept (rotation keeps the newest)
                assert acks[-1] in {b.name for b in listed}
            for b in listed:  # nothing half-written ever carries a backup's name
                backup.verify_with_key(backup.check_files(b.path), v._require_master())
    assert_the_campaign_tested_something(kills, per_backup)
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

    def args(n: int) -> list[str]:
        folder = out / f"round-{n}"
        folder.mkdir(parents=True)
        return ["export", str(data_dir.path), pair.pair_id, str(folder)]

    per_export, calibration = measure_operation(args(0), env)
    kills = [calibration]
    acked += [out / "round-0" / name for name in calibration.acks]
    for n in range(1, ROUNDS + 1):
        kills.append(run_and_kill(args(n), env, rng.uniform(0, 3 * per_export)))
        acked += [out / f"round-{n}" / name for name in kills[-1].acks]
    assert_the_campaign_tested_something(kills, per_export)
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        for pdf in sorted(out.rglob("*.pdf")):
            summary = verify.read(pdf.read_bytes(), "a long enough password")
            status = verify.matches_in(v, summary).status
            assert not summary.problems, pdf  # a whole file, never a partial one
            if pdf in acked:
                assert status is verify.Status.IDENTICAL, pdf
            else:  # written, but the kill came before its sharing-log entry
                assert status in (verify.Status.IDENTICAL, verify.Status.SAME_CONTENT), pdf
