"""Two vaults, a leader's and a mentor's, for the exchange tests: one pair each side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rm_journal.core.exchange import link
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from rm_journal.export import exchange
from rm_journal.templates.library import builtin, start_session
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile

MEETING_DAY = dt.date(2026, 3, 10)


@dataclass
class Side:
    vault: Vault
    pair_id: str
    folder: Path

    @property
    def journal(self) -> Journal:
        return self.vault.journal(self.pair_id)

    def send(self, what: tuple[str, ...], name: str, **kwargs: object) -> Path:
        payload = exchange.prepare(self.vault, self.pair_id, what, **kwargs)  # type: ignore[arg-type]
        path = self.folder / name
        exchange.write(self.vault, self.pair_id, payload, path)
        return path

    def receive(self, path: Path, take_theirs: tuple[str, ...] = ()) -> exchange.Incoming:
        incoming = exchange.read(self.vault, self.pair_id, path.read_bytes(), path.name)
        exchange.apply(self.vault, self.pair_id, incoming, take_theirs=take_theirs)
        return incoming


@contextmanager
def two_sides(tmp_path: Path, *, linked: bool = True) -> Iterator[tuple[Side, Side]]:
    """The leader's and the mentor's vaults, each with their pair; linked and confirmed."""
    sides = []
    with (
        DataDir.acquire(tmp_path / "leader") as leader_dir,
        DataDir.acquire(tmp_path / "mentor") as mentor_dir,
    ):
        for folder, name, role in (
            (leader_dir, "Inès", Role.LEADER),
            (mentor_dir, "Claire", Role.MENTOR),
        ):
            vault, _ = Vault.create(folder, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            pair = vault.add_pair(profile(name, role))
            out = tmp_path / f"outbox-{role.value}"
            out.mkdir()
            sides.append(Side(vault, pair.pair_id, out))
        leader, mentor = sides
        if linked:
            link_both(leader, mentor)
        try:
            yield leader, mentor
        finally:
            leader.vault.lock()
            mentor.vault.lock()


def link_both(leader: Side, mentor: Side) -> str:
    """Exchange pairing blocks, compare the numbers, confirm on both sides."""
    leader_block = link.my_block(leader.journal, leader.vault.identity())
    mentor_block = link.my_block(mentor.journal, mentor.vault.identity())
    on_mentor = link.accept_block(mentor.journal, mentor.vault.identity(), leader_block)
    on_leader = link.accept_block(leader.journal, leader.vault.identity(), mentor_block)
    assert on_mentor == on_leader
    link.confirm(leader.journal, leader.vault.identity(), on_leader)
    link.confirm(mentor.journal, mentor.vault.identity(), on_mentor)
    return on_leader


def mentor_prepares_meeting_one(mentor: Side) -> str:
    """The mentor's preparation for session 1, with agenda points and a planned topic."""
    journal = mentor.journal
    prep = start_session(
        journal, builtin("mentor-preparation"), title="IA générative", planned_date=MEETING_DAY
    )
    journal.set_fields(
        prep.uuid,
        {
            "topic": "L'IA générative au quotidien",
            "agenda": ["Tour de table", "Démonstration d'un assistant", "Vos questions"],
            "private_points": ["Secretpoint du mentor"],
        },
    )
    topic = journal.add_topic("Prompts utiles", why="Gagner du temps")
    journal.plan_topic(topic.uuid, prep.uuid)
    return prep.uuid
