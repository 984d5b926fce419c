"""SIGKILL at random moments never loses an acknowledged write nor corrupts a file.

Each campaign first measures its operation on this machine, now: a child is
killed once it acknowledged a few, which gives how long the first operation
takes (it pays the child's warm-up: imports, caches) and each one after it.
The kill moments are drawn from those figures, so on a busy machine they grow
with the work: every other kill falls inside the first operation, the others
among the next few. The campaign then asserts, over its random kills alone,
that kills landed inside an operation and that operations were acknowledged
before a kill: a campaign whose kills all came too early or too late fails
instead of passing without having tested anything. The measuring run is
checked like every other.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from dataclasses import dataclass, field
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
    said: list[str] = field(default_factory=list)  # every line, for what else it reports


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
        self.wait_for(lambda lines: "ready" in lines)

    def wait_for(self, predicate) -> None:
        """Wait for what the child says; if it never does, it is killed, not left looping."""
        try:
            self.said.wait_for(predicate)
        except BaseException:
            self.process.kill()
            self.process.wait(timeout=HANG_S)
            raise

    def kill(self) -> Killed:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=HANG_S)
        assert self.process.returncode == -signal.SIGKILL
        said = self.said.wait_for_end()
        self.process.stdout.close()
        acks = [line.removeprefix("done ") for line in said if line.startswith("done ")]
        return Killed(acks, said[-1] == "begin", said)


@dataclass
class Timing:
    first: float  # from "ready" to the first acknowledged operation
    each: float  # one more operation after that


def acknowledged(n: int):
    return lambda lines: sum(line.startswith("done ") for line in lines) >= n


def measure(args: list[str], env: dict[str, str]) -> tuple[Timing, Killed]:
    """How long the operation takes here and now, and what that killed run did."""
    child = Child(args, env)
    start = time.monotonic()
    child.wait_for(acknowledged(1))
    first = time.monotonic() - start
    child.wait_for(acknowledged(1 + CALIBRATION_OPS))
    each = (time.monotonic() - start - first) / CALIBRATION_OPS
    return Timing(first, each), child.kill()


def kill_moments(rng: random.Random, timing: Timing, later: int = 3) -> list[float]:
    """Seconds after "ready": every other kill inside the first operation, the others
    among the ``later`` operations after it (past the first with a margin for load)."""
    return [
        rng.uniform(0, timing.first)
        if n % 2 == 0
        else 1.25 * timing.first + rng.uniform(0, later * timing.each)
        for n in range(ROUNDS)
    ]


def run_and_kill(args: list[str], env: dict[str, str], delay: float) -> Killed:
    """Start the child, let it work for ``delay`` seconds once ready, SIGKILL it."""
    child = Child(args, env)
    time.sleep(delay)  # the moment of the kill is what the campaign varies, not a wait
    return child.kill()


def assert_the_campaign_tested_something(timing: Timing, kills: list[Killed]) -> None:
    """Over the random kills (not the measuring run)."""
    inside = sum(k.mid_operation for k in kills)
    after_acks = sum(bool(k.acks) for k in kills)
    print(  # shown with -s, and beside a failure
        f"first operation {timing.first * 1000:.0f} ms, then {timing.each * 1000:.0f} ms each; "
        f"of {len(kills)} kills {inside} inside an operation, {after_acks} after "
        f"acknowledged ones ({sum(len(k.acks) for k in kills)} in all)"
    )
    assert inside >= 1, "no kill landed inside an operation"
    assert after_acks >= 1, "no kill came after an acknowledged operation"


@pytest.mark.slow
def test_kill_during_autosave_keeps_every_acknowledged_write(tmp_path, data_dir, vault):
    pair = vault.add_pair(profile())
    vault.lock()
    data_dir.release()
    env = subprocess_env(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    rng = random.Random(20261126)
    from rm_journal.core.storage.datadir import DataDir

    def new_session() -> list[str]:
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            session = v.journal(pair.pair_id).add_session("test-form", SNAPSHOT)
        return ["fields", str(data_dir.path), session.uuid, pair.pair_id]

    acked: dict[str, list[int]] = {}
    args = new_session()
    timing, measured = measure(args, env)
    acked[args[2]] = [int(x) for x in measured.acks]
    kills = []
    for delay in kill_moments(rng, timing, later=100):  # of the 150 saves
        args = new_session()
        kills.append(run_and_kill(args, env, delay))
        acked[args[2]] = [int(x) for x in kills[-1].acks]
    assert_the_campaign_tested_something(timing, kills)

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
    from rm_journal.core.storage.datadir import DataDir

    def args(current: str) -> list[str]:
        return ["passwd", str(data_dir.path), current, b if current == a else a]

    def check(killed: Killed) -> str:
        """The one passphrase the vault opens with after this kill."""
        with DataDir.acquire(data_dir.path) as dd:
            opens = []
            for candidate in (a, b):
                try:
                    Vault.unlock(dd, candidate).lock()
                    opens.append(candidate)
                except WrongPassphrase:
                    pass
        assert len(opens) == 1, "the vault must open with exactly one of the two passphrases"
        if killed.acks:  # the last acknowledged change, or the one after it that was under way
            last = killed.acks[-1]
            assert opens[0] in {last, a if last == b else b}
        # a temporary file of an interrupted write is removed by the next start
        assert [p.name for p in data_dir.path.iterdir() if p.name.endswith(".tmp")] == []
        return opens[0]

    timing, measured = measure(args(a), env)
    current = check(measured)
    kills = []
    for delay in kill_moments(rng, timing):
        kills.append(run_and_kill(args(current), env, delay))
        current = check(kills[-1])
    assert_the_campaign_tested_something(timing, kills)


@pytest.mark.slow
def test_kill_during_backup_leaves_only_whole_verified_backups(tmp_path, data_dir, vault):
    from rm_journal.core import backup
    from rm_journal.core.storage.datadir import DataDir

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

    def check(killed: Killed) -> None:
        with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
            assert all(r.ok for r in v.check())
            listed = backup.list_backups(folder, v.vault_id)
            if killed.acks:  # the last acknowledged backup is kept (rotation keeps the newest)
                assert killed.acks[-1] in {b.name for b in listed}
            for b in listed:  # nothing half-written ever carries a backup's name
                backup.verify_with_key(backup.check_files(b.path), v.master_key())

    timing, measured = measure(args, env)
    check(measured)
    kills = []
    for delay in kill_moments(rng, timing):
        kills.append(run_and_kill(args, env, delay))
        check(kills[-1])
    assert_the_campaign_tested_something(timing, kills)
    # leftovers of interrupted backups are staging folders only, removed by the next one
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        backup.create(v)
    assert not list(folder.glob(".staging-*"))


@pytest.mark.slow
def test_kill_during_export_never_leaves_a_partial_summary(tmp_path, data_dir, vault):
    from rm_journal.core.models import Role, TakeawayStatus
    from rm_journal.core.storage.datadir import DataDir
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

    def round_args(n: int) -> tuple[Path, list[str]]:
        folder = out / f"round-{n}"
        folder.mkdir(parents=True)
        return folder, ["export", str(data_dir.path), pair.pair_id, str(folder)]

    folder, args = round_args(0)
    timing, measured = measure(args, env)
    acked.extend(folder / name for name in measured.acks)
    kills = []
    for n, delay in enumerate(kill_moments(rng, timing), start=1):
        folder, args = round_args(n)
        kills.append(run_and_kill(args, env, delay))
        acked.extend(folder / name for name in kills[-1].acks)
    assert_the_campaign_tested_something(timing, kills)
    with DataDir.acquire(data_dir.path) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        for pdf in sorted(out.rglob("*.pdf")):
            summary = verify.read(pdf.read_bytes(), "a long enough password")
            status = verify.matches_in(v, summary).status
            assert not summary.problems, pdf  # a whole file, never a partial one
            if pdf in acked:
                assert status is verify.Status.IDENTICAL, pdf
            else:  # written, but the kill came before its sharing-log entry
                assert status in (verify.Status.IDENTICAL, verify.Status.SAME_CONTENT), pdf
