"""Write two vaults whose pairs are linked and confirmed, with the rm_journal on the path.

    PYTHONPATH=<a checkout of the version>:. python tests/data/make_linked_fixture.py OUT_DIR

OUT_DIR/leader and OUT_DIR/mentor each hold one pair, linked to the other through the
pairing flow of that version and confirmed; the mentor has sent one topic, which the
leader imported. Made once at the commit before links had keys of their own (the vault's
one identity served every link), so later versions are tested against such a link.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from rm_journal.core.exchange import link
from rm_journal.core.models import Cadence, Language, PairProfile, Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import exchange
from tests.data.fixture_content import PASSPHRASE
from tests.data.make_fixture import CHEAP


def main() -> None:
    out = Path(sys.argv[1]).absolute()
    if out.exists():
        raise SystemExit(f"{out} exists")
    sides = {}
    for role, name in ((Role.LEADER, "Inès (fixture)"), (Role.MENTOR, "Claire (fixture)")):
        folder = out / role.value
        with DataDir.acquire(folder) as dd:
            vault, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP)
            profile = PairProfile(
                name, role, "Programme fixture", dt.date(2026, 1, 5), Cadence.MONTHLY, Language.FR
            )
            sides[role] = (vault, vault.add_pair(profile).pair_id, folder)
            vault.lock()
    opened = {}
    try:
        for role, (_v, pair_id, folder) in sides.items():
            dd = DataDir.acquire(folder)
            opened[role] = (dd, Vault.unlock(dd, PASSPHRASE), pair_id)
        blocks = {}
        for role, (_dd, vault, pair_id) in opened.items():
            blocks[role] = link.my_block(vault.journal(pair_id), vault.identity())
        for role, other in ((Role.LEADER, Role.MENTOR), (Role.MENTOR, Role.LEADER)):
            _dd, vault, pair_id = opened[role]
            number = link.accept_block(vault.journal(pair_id), vault.identity(), blocks[other])
            link.confirm(vault.journal(pair_id), vault.identity(), number)
        _dd, mentor, mentor_pair = opened[Role.MENTOR]
        mentor.journal(mentor_pair).add_topic("Un sujet de la fixture")
        payload = exchange.prepare(mentor, mentor_pair, ("topics",))
        sent = out / "topics.rmjx"
        exchange.write(mentor, mentor_pair, payload, sent)
        _dd, leader, leader_pair = opened[Role.LEADER]
        incoming = exchange.read(leader, leader_pair, sent.read_bytes(), sent.name)
        exchange.apply(leader, leader_pair, incoming)
        sent.unlink()
    finally:
        for dd, vault, _p in opened.values():
            vault.lock()
            dd.release()
    for role in sides:
        (out / role.value / "lock").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
