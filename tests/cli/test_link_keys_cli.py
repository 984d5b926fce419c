"""Each link has a key pair of its own: files of two pairs of one vault are not linkable.

Two pairs of the leader's vault are linked, through the command line's pairing flow,
with two mentors' vaults; the pairing blocks and exchange files of the two pairs carry
no common key and nothing of the other pair. A link confirmed by the version where the
vault's one identity served every link (tests/data/linked/format-4) keeps its keys.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rm_journal.core.exchange import envelope, identity, link
from rm_journal.core.journal import schema
from rm_journal.core.models import Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile
from tests.data import fixture_content

LINKED_FIXTURE = Path(__file__).resolve().parents[1] / "data" / "linked" / "format-4"
NUMBER = re.compile(r"((?:\d{5} ){11}\d{5})")


def on(root: Path, capsys, *argv: str) -> str:
    code, out, err = run(capsys, "--data-dir", str(root), *argv)
    assert code == 0, err
    return out


def block_of(root: Path, capsys, pair: str) -> str:
    out = on(root, capsys, "link", "show", pair)
    return out[out.index(identity.BEGIN) : out.index(identity.END) + len(identity.END)]


def link_by_hand(tmp_path: Path, capsys, a: tuple[Path, str], b: tuple[Path, str]) -> str:
    """The pairing flow of two people: blocks swapped as files, numbers compared, confirmed."""
    numbers = []
    for (root, pair), (other_root, other_pair) in ((a, b), (b, a)):
        theirs = tmp_path / f"block-{other_root.name}-{other_pair}.txt"
        theirs.write_text(block_of(other_root, capsys, other_pair))
        out = on(root, capsys, "link", "add", pair, str(theirs))
        numbers.append(NUMBER.search(out).group(1))
    assert numbers[0] == numbers[1]
    for root, pair in (a, b):
        code, _, err = run(capsys, "--data-dir", str(root), "link", "confirm", pair, "1" * 60)
        assert code != 0 and "does not match" in err  # the safety number is still checked
        on(root, capsys, "link", "confirm", pair, *numbers[0].split())
    return numbers[0]


def public_keys(root: Path) -> tuple[bytes, bytes]:
    """The vault's own identity (the one every link used before)."""
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        keys = vault.identity().public
    return keys.signing, keys.exchange


@pytest.fixture
def three_vaults(tmp_path, monkeypatch):
    """The leader with two pairs (two mentors), and each mentor's vault with one pair."""
    roots = {name: tmp_path / name for name in ("leader", "claire", "malik")}
    for name, root in roots.items():
        with DataDir.acquire(root) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            if name == "leader":
                for mentor in ("Claire", "Malik"):
                    pair = vault.add_pair(profile(mentor, Role.LEADER))
                    vault.journal(pair.pair_id).add_topic(f"Un sujet pour {mentor}")
            else:
                pair = vault.add_pair(profile("Inès", Role.MENTOR))
                vault.journal(pair.pair_id).add_topic(f"Le sujet de {name}")
            vault.lock()
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", PASSPHRASE)
    return roots


def test_two_pairs_of_one_vault_show_no_common_key(three_vaults, tmp_path, capsys):
    roots = three_vaults
    leader = roots["leader"]
    blocks = {pair: identity.read_block(block_of(leader, capsys, pair)) for pair in ("1", "2")}
    assert blocks["1"].keys.signing != blocks["2"].keys.signing
    assert blocks["1"].keys.exchange != blocks["2"].keys.exchange
    vault_keys = public_keys(leader)
    for block in blocks.values():
        assert block.keys.signing not in vault_keys and block.keys.exchange not in vault_keys
    numbers = {
        "1": link_by_hand(tmp_path, capsys, (leader, "1"), (roots["claire"], "1")),
        "2": link_by_hand(tmp_path, capsys, (leader, "2"), (roots["malik"], "1")),
    }
    assert numbers["1"] != numbers["2"]
    # the blocks shown once linked are the same: the keys were kept, not redrawn
    assert identity.read_block(block_of(leader, capsys, "1")) == blocks["1"]

    files = {}
    for pair in ("1", "2"):
        out_file = tmp_path / f"to-mentor-{pair}.rmjx"
        on(leader, capsys, "send", pair, "--topics", "-o", str(out_file))
        files[pair] = out_file.read_bytes()
    headers = {pair: envelope.read_header(data) for pair, data in files.items()}
    assert headers["1"].sender_signing == blocks["1"].keys.signing
    assert headers["2"].sender_signing == blocks["2"].keys.signing
    mentor_blocks = {
        "1": identity.read_block(block_of(roots["claire"], capsys, "1")),
        "2": identity.read_block(block_of(roots["malik"], capsys, "1")),
    }
    for pair, other in (("1", "2"), ("2", "1")):
        # nothing in one pair's file is a key, an id or a number of the other pair's link
        marks = [
            blocks[other].keys.signing,
            blocks[other].keys.exchange,
            blocks[other].nonce,
            mentor_blocks[other].keys.signing,
            mentor_blocks[other].keys.exchange,
            headers[other].link_id,
            *vault_keys,
        ]
        for mark in marks:
            assert mark not in files[pair]
            assert mark[:8] not in files[pair]

    # exchange works both ways on each link, and a file of one pair is refused by the other
    for pair, mentor in (("1", "claire"), ("2", "malik")):
        out = on(roots[mentor], capsys, "receive", "1", str(tmp_path / f"to-mentor-{pair}.rmjx"))
        assert "+ new      topic" in out and "Un sujet pour" in out
        on(
            roots[mentor],
            capsys,
            "receive",
            "1",
            str(tmp_path / f"to-mentor-{pair}.rmjx"),
            "--apply",
        )
        back = tmp_path / f"from-{mentor}.rmjx"
        on(roots[mentor], capsys, "send", "1", "--topics", "-o", str(back))
        out = on(leader, capsys, "receive", pair, str(back), "--apply")
        assert "Imported: 1 new" in out
    code, _, err = run(
        capsys,
        "--data-dir",
        str(roots["malik"]),
        "receive",
        "1",
        str(tmp_path / "to-mentor-1.rmjx"),
    )
    assert code != 0 and len(err.strip().splitlines()) == 1


def test_removing_a_pair_destroys_its_link_keys_with_its_journal(three_vaults, tmp_path, capsys):
    leader = three_vaults["leader"]
    link_by_hand(tmp_path, capsys, (leader, "2"), (three_vaults["malik"], "1"))
    with DataDir.acquire(leader) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        keys = link.current(vault.journal(vault.pair_ids()[1])).my_keys
    on(leader, capsys, "pairs", "remove", "2", "--yes")
    with DataDir.acquire(leader) as dd, Vault.unlock(dd, PASSPHRASE) as vault:
        registry = vault.registry.conn
        tables = [
            r[0] for r in registry.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        rows = [row for t in tables for row in registry.execute(f"SELECT * FROM {t}")]
        other = link.current(vault.journal(vault.pair_ids()[0]))
    # the link's private keys lived in the pair's journal only, gone with its key
    for secret in (keys.signing_seed, keys.exchange_secret):
        assert not any(isinstance(v, bytes) and secret in v for row in rows for v in row)
    assert other is None or other.my_keys != keys


def test_a_link_confirmed_with_the_vaults_identity_keeps_it(tmp_path, capsys, monkeypatch):
    shutil.copytree(LINKED_FIXTURE, tmp_path / "old")
    leader, mentor = tmp_path / "old" / "leader", tmp_path / "old" / "mentor"
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", fixture_content.PASSPHRASE)
    shown = {}
    for root in (leader, mentor):
        out = on(root, capsys, "link", "show", "1")
        shown[root] = (NUMBER.search(out).group(1), identity.read_block(out))
        assert "Linked. Safety number" in out
        with DataDir.acquire(root) as dd, Vault.unlock(dd, fixture_content.PASSPHRASE) as vault:
            assert shown[root][1].keys == vault.identity().public  # the keys it was made with
            journal = vault.journal(vault.pair_ids()[0])
            assert schema.user_version(journal.conn) == schema.JOURNAL_MIGRATIONS[-1][0]
    assert shown[leader][0] == shown[mentor][0]  # the same safety number on both screens
    # exchange goes on both ways, after the topic imported by the old version
    on(mentor, capsys, "send", "1", "--topics", "-o", str(tmp_path / "again.rmjx"))
    code, _, err = run(
        capsys, "--data-dir", str(leader), "receive", "1", str(tmp_path / "again.rmjx"), "--apply"
    )
    assert code == 0, err
    on(leader, capsys, "send", "1", "--topics", "-o", str(tmp_path / "back.rmjx"))
    assert "Imported:" in on(mentor, capsys, "receive", "1", str(tmp_path / "back.rmjx"), "--apply")
    # a new pair of the same vault, and the old pair linked again, get fresh keys
    on(leader, capsys, "pairs", "add", "--name", "Nouveau", "--role", "leader")
    fresh = identity.read_block(block_of(leader, capsys, "2"))
    assert fresh.keys != shown[leader][1].keys
    on(leader, capsys, "link", "remove", "1", "--yes")
    relinked = identity.read_block(block_of(leader, capsys, "1"))
    assert relinked.keys not in (shown[leader][1].keys, fresh.keys)
