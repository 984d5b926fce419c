"""link, send and receive from the command line: two data folders, files carried by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from rm_journal.core.models import Role, TakeawayStatus
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.templates.library import builtin, start_session
from tests.cli.conftest import run
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile


@pytest.fixture
def two_folders(tmp_path, monkeypatch):
    roots = {}
    for role, name in ((Role.LEADER, "Inès"), (Role.MENTOR, "Claire")):
        root = tmp_path / role.value
        with DataDir.acquire(root) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            vault.add_pair(profile(name, role))
            vault.lock()
        roots[role] = root
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)
    return roots


def on(roots, role, capsys, *argv):
    return run(capsys, "--data-dir", str(roots[role]), *argv)


def test_link_send_receive_from_the_command_line(two_folders, capsys, tmp_path):
    roots = two_folders
    blocks = {}
    for role in roles():
        code, out, _ = on(roots, role, capsys, "link", "show", "1")
        assert code == 0 and "Not linked" in out
        block = (
            out[out.index("-----BEGIN") : out.index("-----END")]
            + "-----END RM_JOURNAL PAIRING-----"
        )
        (tmp_path / f"{role.value}.block").write_text(block)
        blocks[role] = block
    numbers = {}
    for role, other in ((Role.LEADER, Role.MENTOR), (Role.MENTOR, Role.LEADER)):
        code, out, _ = on(roots, role, capsys, "link", "add", "1", f"{other.value}.block")
        assert code == 0, out
        numbers[role] = re.search(r"((?:\d{5} ){11}\d{5})", out).group(1)
    assert numbers[Role.LEADER] == numbers[Role.MENTOR]
    # sending before confirming is refused in one line
    code, _, err = on(roots, Role.MENTOR, capsys, "send", "1", "--topics")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "safety number" in err
    # a wrong number is refused
    code, _, err = on(roots, Role.LEADER, capsys, "link", "confirm", "1", "00000 " * 12)
    assert code != 0 and "does not match" in err
    for role in roles():
        code, out, _ = on(roots, role, capsys, "link", "confirm", "1", *numbers[role].split())
        assert code == 0 and "linked" in out

    # the mentor prepares session 1 and sends its agenda
    with DataDir.acquire(roots[Role.MENTOR]) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        prep = start_session(
            journal, builtin("mentor-preparation"), planned_date=dt.date(2026, 4, 2)
        )
        journal.set_fields(prep.uuid, {"agenda": ["Ce qui a changé depuis", "La suite"]})
    code, out, _ = on(roots, Role.MENTOR, capsys, "send", "1", "--agenda", "-o", "agenda")
    assert code == 0 and "agenda.rmjx" in out
    code, out, _ = on(roots, Role.LEADER, capsys, "receive", "1", "agenda.rmjx")
    assert code == 0 and "+ new      agenda of session 1" in out and "Nothing was changed" in out
    code, out, _ = on(roots, Role.LEADER, capsys, "receive", "1", "agenda.rmjx", "--apply")
    assert code == 0 and "Imported: 1 new" in out
    code, _, err = on(roots, Role.LEADER, capsys, "receive", "1", "agenda.rmjx", "--apply")
    assert code != 0 and "already imported" in err

    # a takeaway from the leader, agreed by both through two files
    with DataDir.acquire(roots[Role.LEADER]) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        (entry,) = [s for s in journal.sessions() if s.number == 1]
        journal.add_takeaway(
            "Un accord", Role.LEADER, session_uuid=entry.uuid, status=TakeawayStatus.AGREED
        )
    assert on(roots, Role.LEADER, capsys, "send", "1", "--takeaways", "-o", "t1")[0] == 0
    assert on(roots, Role.MENTOR, capsys, "receive", "1", "t1.rmjx", "--apply")[0] == 0
    with DataDir.acquire(roots[Role.MENTOR]) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        journal = vault.journal(vault.pair_ids()[0])
        (t,) = journal.takeaways()
        assert t.partner_status is TakeawayStatus.AGREED
        journal.update_takeaway(dataclasses.replace(t, status=TakeawayStatus.AGREED))
    assert (
        on(roots, Role.MENTOR, capsys, "send", "1", "--takeaways", "--signature", "-o", "t2")[0]
        == 0
    )
    code, out, _ = on(roots, Role.LEADER, capsys, "receive", "1", "t2.rmjx", "--apply")
    assert code == 0 and "your partner signed the summary" in out
    # both PDFs carry both signatures once the leader's has crossed too
    assert on(roots, Role.LEADER, capsys, "send", "1", "--signature", "-o", "s")[0] == 0
    assert on(roots, Role.MENTOR, capsys, "receive", "1", "s.rmjx", "--apply")[0] == 0
    for role in roles():
        code, out, _ = on(roots, role, capsys, "export-pdf", "1", "-o", f"{role.value}.pdf")
        assert code == 0, out
        code, out, _ = on(roots, role, capsys, "verify-pdf", f"{role.value}.pdf")
        assert code == 0 and "Signed by both members" in out, out


def roles():
    return (Role.LEADER, Role.MENTOR)
