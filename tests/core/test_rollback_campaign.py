"""A seeded campaign of rollbacks: every file goes back to an earlier state of itself.

A data folder is written in steps (both pairs' journals and the registry), and
after each step every file and log is kept as it was. Each case then copies the
folder as a kill leaves it and rolls one file back: a journal's or the registry's
log deleted, cut at a frame, or replaced by an older one; a whole journal (or its
file alone) replaced by an older copy. The only acceptable outcomes: exactly the
content of the last step, or a typed error in one sentence, with the journals and
logs left as they were. An earlier state accepted silently fails the campaign.

    ROLLBACK_CASES=2000 pytest tests/core/test_rollback_campaign.py   # a longer run
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from rm_journal.core.errors import RmJournalError
from rm_journal.core.models import Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, SNAPSHOT, profile
from tests.data.fixture_content import describe

pytestmark = pytest.mark.slow

SEED = 20261202
CASES = int(os.environ.get("ROLLBACK_CASES", "240"))
CHUNKS = 4
STEPS = 6
CLASSES = (
    "journal log deleted",
    "journal log cut",
    "journal log stale",
    "journal file older",
    "journal file and log older",
    "registry log deleted",
    "registry log cut",
    "registry log stale",
)


@dataclass
class Pristine:
    crashed: Path  # the last step, as a kill leaves it: saves in the -wal files
    steps: list[dict[str, bytes]]  # every file and log after each step, oldest first
    expected: dict[str, Any]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != "lock" and not p.name.endswith("-shm")
    }


def _step(vault: Vault, n: int) -> None:
    for pair_id in vault.pair_ids():
        journal = vault.journal(pair_id)
        s = journal.add_session("test-form", SNAPSHOT, title=f"step {n}")
        journal.set_field(s.uuid, "notes", f"step {n}: " + "texte " * 200)
        journal.add_takeaway(f"step {n}", Role.LEADER, session_uuid=s.uuid)
    vault.set_setting("last step", n)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Pristine:
    root = tmp_path_factory.mktemp("rollback")
    live = root / "live"
    with DataDir.acquire(live) as dd:
        vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        for name in ("Inès", "Jules"):
            vault.add_pair(profile(name))
        _step(vault, 0)
        vault.lock()
    steps = [_snapshot(live)]  # checkpointed: what a deleted log leaves at first
    with DataDir.acquire(live) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        for n in range(1, STEPS):
            _step(vault, n)
            steps.append(_snapshot(live))
        expected = describe(vault)
        shutil.copytree(live, root / "crashed", ignore=shutil.ignore_patterns("lock"))
    assert any(name.endswith("-wal") and data for name, data in steps[-1].items())
    return Pristine(root / "crashed", steps, expected)


def _log_cut(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    frame = 24 + int.from_bytes(data[8:12], "big")
    frames = (len(data) - 32) // frame
    keep = rng.randrange(frames)  # at least one frame fewer
    return data[: 32 + keep * frame], f"cut to {keep}/{frames} frames"


def _roll_back(p: Pristine, root: Path, kind: str, rng: random.Random) -> str | None:
    """Apply one rollback; the label, or None when the earlier state is the same bytes."""
    last = p.steps[-1]
    older = rng.randrange(len(p.steps) - 1)
    if kind.startswith("registry"):
        db = "vault.db"
    else:
        db = rng.choice(sorted(n for n in last if n.endswith(".rmj")))
    log = db + "-wal"
    if kind.endswith("log deleted"):
        if not last.get(log):
            return None
        (root / log).unlink()
        return f"{db}: log deleted"
    if kind.endswith("log cut"):
        if not last.get(log):
            return None
        data, how = _log_cut(last[log], rng)
        (root / log).write_bytes(data)
        return f"{db}: log {how}"
    if kind.endswith("log stale"):
        then = p.steps[older].get(log, b"")
        if then == last.get(log, b""):
            return None
        (root / log).write_bytes(then)
        return f"{db}: log of step {older}"
    if kind == "journal file older":
        (root / db).write_bytes(p.steps[older][db])
        (root / log).unlink(missing_ok=True)
        return f"{db}: file of step {older}, no log"
    (root / db).write_bytes(p.steps[older][db])
    (root / log).write_bytes(p.steps[older].get(log, b""))
    return f"{db}: file and log of step {older}"


def _rolled_back(root: Path, how: str) -> dict[str, bytes]:
    """The file rolled back and its log (an absent log reads as empty)."""
    db = root / how.split(":")[0]
    log = db.with_name(db.name + "-wal")
    return {"file": db.read_bytes(), "log": log.read_bytes() if log.exists() else b""}


def _run_case(p: Pristine, work: Path, case: int) -> str:
    rng = random.Random(SEED * 100_003 + case)
    kind = CLASSES[case % len(CLASSES)]
    root = work / f"case-{case}"
    shutil.copytree(p.crashed, root)
    how = _roll_back(p, root, kind, rng)
    if how is None:
        shutil.rmtree(root)
        return f"{kind}: no-op"
    label = f"case {case}: {how}"
    before = _rolled_back(root, how)
    try:
        with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
            problems = [problem for r in vault.check() for problem in r.problems]
            if problems:
                assert all("older than the last state" in x for x in problems), label
                assert all(len(x.splitlines()) == 1 for x in problems), label
                outcome = "flagged by check"
                with pytest.raises(RmJournalError):
                    describe(vault)
            else:
                got = describe(vault)
                assert got == p.expected, f"{label}: opened with other content (silent rollback)"
                outcome = "same"
    except RmJournalError as exc:
        assert len(str(exc).splitlines()) == 1, label
        assert kind.startswith("registry"), f"{label}: {exc}"  # a journal's is only flagged
        assert "older than the last state" in str(exc), f"{label}: {exc}"
        outcome = "refused"
    except Exception as exc:
        pytest.fail(f"{label}: untyped {type(exc).__name__}: {exc}")
    if outcome != "same":
        assert _rolled_back(root, how) == before, f"{label}: a refused open changed it"
    shutil.rmtree(root, ignore_errors=True)
    return f"{kind}: {outcome}"


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_rollback_is_refused_or_flagged(pristine, tmp_path, chunk):
    outcomes = Counter(_run_case(pristine, tmp_path, case) for case in range(chunk, CASES, CHUNKS))
    print(f"chunk {chunk}: {dict(sorted(outcomes.items()))}")  # shown with -s
    assert not [o for o in outcomes if o.endswith(": same")], outcomes  # 0 silently different
    # the campaign really rolls back: nearly every case did something
    assert sum(n for o, n in outcomes.items() if "no-op" not in o) > sum(outcomes.values()) // 2
