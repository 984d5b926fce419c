"""Every page of a journal, long-text overflow pages included, is covered by its HMAC.

SQLCipher returns a zero-filled page without an error when an overflow page (the
continuation of a long value) fails its HMAC; without the page check at open,
a damaged long note would read back as NUL characters and could be saved over.
"""

import pytest

from rm_journal.core.errors import JournalDamaged
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, PASSPHRASE, profile

pytestmark = pytest.mark.slow  # a campaign of damage, one page after another

PAGE = 4096


@pytest.fixture(scope="module")
def long_journal(tmp_path_factory):
    root = tmp_path_factory.mktemp("flips")
    with DataDir.acquire(root / "data") as dd:
        v, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        pair = v.add_pair(profile())
        j = v.journal(pair.pair_id)
        for n in range(6):  # long values spill into overflow pages
            j.add_takeaway(f"{n} " + "Une longue note, avec des accents. " * 400, Role.LEADER)
        file_id, key = v.pair_file_and_key(pair.pair_id)
        path = dd.journal_path(file_id)
        v.lock()
    return path.read_bytes(), key, root


@pytest.mark.parametrize("offset_in_page", [0, 100, PAGE - 81, PAGE - 1])
def test_a_flip_in_any_page_is_reported_as_damage(long_journal, tmp_path, offset_in_page):
    raw, key, _ = long_journal
    pages = len(raw) // PAGE
    assert pages > 10
    for page in range(pages):
        mutated = bytearray(raw)
        mutated[page * PAGE + offset_in_page] ^= 0x5A
        copy = tmp_path / f"p{page}.rmj"
        copy.write_bytes(bytes(mutated))
        with pytest.raises(JournalDamaged):
            Journal.open(copy, key)
