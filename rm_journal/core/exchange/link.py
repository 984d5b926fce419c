"""A pair's link to the partner's device, as this journal records it.

The link row holds this member's random nonce for the pair and this member's own key
pair for the link (Ed25519 + X25519, drawn with the nonce), the partner's public keys
and nonce once their pairing block is pasted, and when the safety number was
confirmed. Exchange files are accepted only once it is confirmed, and only with a
sequence number above the last one imported (``received_sequence``).

The link's keys live in the pair's journal, under the pair's key, so two pairs' files
show no common public key and removing the pair (its key destroyed) destroys them too.
A link made before links had keys of their own (journal format 4) has none stored: it
keeps the vault's identity it was confirmed with, passed in by the caller as
``vault_identity``, until it is unlinked; the next link of the pair gets fresh keys.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from rm_journal.core.exchange import identity as ident
from rm_journal.core.exchange.identity import Identity, PairingBlock, PublicKeys
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role, utc_now
from rm_journal.core.storage.database import Connection


@dataclass(frozen=True)
class LinkState:
    my_nonce: bytes
    partner: PairingBlock | None
    confirmed_at: str | None
    received_sequence: int
    my_keys: Identity | None = field(default=None, repr=False)  # None: a link made before

    @property
    def confirmed(self) -> bool:
        return self.partner is not None and self.confirmed_at is not None


def read_state(conn: Connection) -> LinkState | None:
    row = conn.execute(
        "SELECT my_nonce, partner_role, partner_signing, partner_exchange, partner_nonce,"
        " confirmed_at, received_sequence, my_signing_seed, my_exchange_secret"
        " FROM link WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    partner = None
    if row[1] is not None:
        partner = PairingBlock(
            Role(row[1]), PublicKeys(bytes(row[2]), bytes(row[3])), bytes(row[4])
        )
    keys = None if row[7] is None else Identity(bytes(row[7]), bytes(row[8]))
    return LinkState(bytes(row[0]), partner, row[5], int(row[6]), keys)


def state(journal: Journal) -> LinkState:
    """The pair's link (its nonce is drawn the first time it is asked for)."""
    current = journal.read("read the pair's link", read_state)
    if current is not None:
        return current
    now = utc_now()
    with journal.writing("prepare the pair's link") as tx:
        tx.execute(
            "INSERT OR IGNORE INTO link (id, my_nonce, my_signing_seed, my_exchange_secret,"
            " created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)",
            (os.urandom(ident.NONCE_BYTES), ident.new_secret(), ident.new_secret(), now, now),
        )
    created = journal.read("read the pair's link", read_state)
    assert created is not None
    return created


def current(journal: Journal) -> LinkState | None:
    """The link as it is, without drawing a nonce (reading an import writes nothing)."""
    return journal.read("read the pair's link", read_state)


def is_confirmed(journal: Journal) -> bool:
    """Linked across two devices: agreement then takes both members (read-only)."""
    found = current(journal)
    return found is not None and found.confirmed


def my_keys(journal: Journal, vault_identity: Identity) -> Identity:
    """This member's keys for the pair's link: its own, or for a link made before links
    had keys of their own, the vault's identity it was made with (read only)."""
    found = current(journal)
    return vault_identity if found is None or found.my_keys is None else found.my_keys


def my_block(journal: Journal, vault_identity: Identity) -> str:
    """The pairing block to hand to the partner (public keys only)."""
    row = state(journal)
    me = row.my_keys or vault_identity
    return ident.write_block(me, journal.pair().profile.my_role, row.my_nonce)


def _mine(journal: Journal, vault_identity: Identity) -> PairingBlock:
    row = state(journal)
    me = row.my_keys or vault_identity
    return PairingBlock(journal.pair().profile.my_role, me.public, row.my_nonce)


def accept_block(journal: Journal, vault_identity: Identity, text: str) -> str:
    """Record the partner's pasted block (not yet confirmed); the safety number to compare."""
    block = ident.read_block(text)
    mine = _mine(journal, vault_identity)
    if block.keys == mine.keys:
        raise ident.OwnPairingBlock()
    if block.role is mine.role:
        raise ident.SameRoleBlock()
    current = state(journal)
    if current.confirmed and current.partner != block:
        raise ident.AlreadyLinked()
    if current.partner != block:
        with journal.writing("save your partner's keys") as tx:
            tx.execute(
                "UPDATE link SET partner_role = ?, partner_signing = ?, partner_exchange = ?,"
                " partner_nonce = ?, confirmed_at = NULL, received_sequence = 0, updated_at = ?"
                " WHERE id = 1",
                (block.role.value, block.keys.signing, block.keys.exchange, block.nonce, utc_now()),
            )
    return ident.safety_number(mine, block)


def _both(journal: Journal, vault_identity: Identity) -> tuple[PairingBlock, PairingBlock] | None:
    """This member's block and the partner's, read only; None before a block is pasted."""
    found = current(journal)
    if found is None or found.partner is None:
        return None
    me = found.my_keys or vault_identity
    mine = PairingBlock(journal.pair().profile.my_role, me.public, found.my_nonce)
    return mine, found.partner


def safety_number(journal: Journal, vault_identity: Identity) -> str | None:
    both = _both(journal, vault_identity)
    return None if both is None else ident.safety_number(*both)


def confirm(journal: Journal, vault_identity: Identity, typed: str | None = None) -> None:
    """Mark the partner's keys as confirmed in person. When the number is typed (the
    command line), it must be the one both screens show."""
    number = safety_number(journal, vault_identity)
    if number is None:
        raise ident.NoPartnerBlock()
    if typed is not None and ident.normalize_safety_number(typed) != number:
        raise ident.SafetyNumberMismatch()
    with journal.writing("confirm the link") as tx:
        tx.execute(
            "UPDATE link SET confirmed_at = ?1, updated_at = ?1 WHERE id = 1",
            (utc_now(),),
        )


def unlink(journal: Journal) -> None:
    """Forget the partner's keys, draw a new nonce and new keys of this member for the
    next link: files for the old link are refused, and the next one shares no key."""
    state(journal)
    with journal.writing("unlink the pair") as tx:
        tx.execute(
            "UPDATE link SET my_nonce = ?, my_signing_seed = ?, my_exchange_secret = ?,"
            " partner_role = NULL, partner_signing = NULL, partner_exchange = NULL,"
            " partner_nonce = NULL, confirmed_at = NULL, received_sequence = 0, updated_at = ?"
            " WHERE id = 1",
            (os.urandom(ident.NONCE_BYTES), ident.new_secret(), ident.new_secret(), utc_now()),
        )


def link_id(journal: Journal, vault_identity: Identity) -> bytes | None:
    both = _both(journal, vault_identity)
    return None if both is None else ident.link_id(*both)


def take_sequence(tx: Connection) -> int:
    """The next sequence number to send (inside the caller's transaction)."""
    tx.execute("UPDATE link SET sent_sequence = sent_sequence + 1 WHERE id = 1")
    return int(tx.execute("SELECT sent_sequence FROM link WHERE id = 1").fetchone()[0])


def mark_received(tx: Connection, sequence: int) -> None:
    tx.execute(
        "UPDATE link SET received_sequence = ?, updated_at = ? WHERE id = 1",
        (sequence, utc_now()),
    )
