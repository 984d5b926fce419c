"""No plaintext on disk: canaries written through every field never appear in any file."""

import math
import secrets
import subprocess
import tempfile
from collections import Counter
from dataclasses import replace

from rm_journal.core.models import Owner, Role, SessionStatus, TakeawayStatus, TopicStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, PYTHON, SNAPSHOT, profile, subprocess_env


def canary(label: str) -> str:
    return f"Canari{label}{secrets.token_hex(8)}é"


def encodings(text: str) -> list[bytes]:
    return [
        text.encode("utf-8"),
        text.encode("utf-16-le"),
        text.encode("utf-16-be"),
        text[:-1].encode("ascii"),
    ]


def entropy(data: bytes) -> float:
    counts = Counter(data)
    return -sum(c / len(data) * math.log2(c / len(data)) for c in counts.values())


def test_no_canary_reaches_any_file(tmp_path, monkeypatch):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setenv("TMPDIR", str(tmp))
    root = tmp_path / "data"
    canaries: list[str] = []

    def c(label: str) -> str:
        canaries.append(canary(label))
        return canaries[-1]

    with DataDir.acquire(root) as dd:
        vault, _code = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        p = vault.add_pair(replace(profile(c("name")), program=c("program")))
        gone = vault.add_pair(profile(c("removedpair")))
        vault.journal(gone.pair_id).add_takeaway(c("removedtakeaway"), Role.LEADER)
        j = vault.journal(p.pair_id)
        s = j.add_session("test-form", SNAPSHOT, title=c("title"))
        j.set_fields(
            s.uuid,
            {
                "text": c("field"),
                "notes": c("longfield"),
                "list": [c("list")],
                "checklist": ["a", "c"],
                "takeaways": [{"text": c("formtakeaway")}],
                "actions": [{"text": c("formaction"), "owner": "both"}],
                "topics": [{"title": c("formtopic"), "questions": [c("formquestion")]}],
            },
        )
        j.update_session(replace(s, status=SessionStatus.HELD))
        t = j.add_takeaway(c("takeaway"), Role.MENTOR, session_uuid=s.uuid)
        j.update_takeaway(replace(t, status=TakeawayStatus.AGREED))
        j.add_action(c("action"), Owner.BOTH, session_uuid=s.uuid)
        j.add_topic(
            c("topic"),
            why=c("why"),
            questions=[c("question")],
            resources=[c("resource")],
            status=TopicStatus.PLANNED,
            planned_session_uuid=s.uuid,
        )
        j.record_sharing("pdf", c("summary"), c("filename") + ".pdf", "abcd1234", 1)
        vault.set_setting("partners", [c("setting")])
        # lots of text, so SQLite sorts and grows the FTS index
        for n in range(200):
            j.set_field(s.uuid, f"f{n % 150:03d}", canaries[n % len(canaries)] + " mot " * 300)
        assert vault.search(canaries[0][:-1])
        vault.remove_pair(gone.pair_id)
        vault.change_passphrase("a second passphrase")
        vault.lock()
        vault = Vault.unlock(dd, "a second passphrase")
        assert all(r.ok for r in vault.check())
        vault.lock()
    env = subprocess_env(
        tmp, RM_JOURNAL_PASSPHRASE="a second passphrase", RM_JOURNAL_NEW_PASSPHRASE=PASSPHRASE
    )
    for args in (["pairs", "list"], ["check"], ["passwd"]):
        subprocess.run(
            [PYTHON, "-m", "rm_journal", "--data-dir", str(root), *args],
            env=env,
            check=True,
            capture_output=True,
        )

    files = [f for d in (root, tmp) for f in d.rglob("*") if f.is_file()]
    assert len(files) >= 4
    for f in files:
        data = f.read_bytes()
        for text in canaries:
            for encoded in encodings(text):
                assert encoded not in data, f"canary found in {f.name}"
        assert b"SQLite format 3" not in data
        if f.suffix in {".db", ".rmj"}:
            assert entropy(data) > 7.9, f"{f.name} does not look random"
