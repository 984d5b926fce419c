"""core.storage.registry through the vault: what it says when a row is not there, and
this computer's keys, drawn once for a vault from before them."""

from __future__ import annotations

import pytest

from rm_journal.core.errors import NotFound
from rm_journal.core.vault import Vault
from tests.conftest import PASSPHRASE, profile


def test_a_pair_removed_meanwhile_is_said_so(vault):
    pair = vault.add_pair(profile())
    vault.remove_pair(pair.pair_id)
    with pytest.raises(NotFound, match="This pair no longer exists"):
        vault.pair_file_and_key(pair.pair_id)


def test_removing_a_custom_template_that_is_not_there_names_it(vault):
    with pytest.raises(NotFound, match="There is no custom template 'mine'"):
        vault.remove_template_document("mine")


def test_this_computers_keys_are_drawn_once_for_a_vault_from_before_them(data_dir, vault):
    with vault.registry.transaction("forget the keys, as a vault from before them") as tx:
        tx.execute("DELETE FROM identity")
    drawn = vault.identity()
    assert vault.identity() == drawn  # kept: the same keys every time after
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert again.identity() == drawn
