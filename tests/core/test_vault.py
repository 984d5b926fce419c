import hashlib
import json
import os
import stat
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from rm_journal.core.errors import (
    AlreadyRunning,
    JournalDamaged,
    UnsupportedBuild,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryCode,
)
from rm_journal.core.journal.store import Journal
from rm_journal.core.keys import crypto
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import Role
from rm_journal.core.storage import database, header
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.conftest import CHEAP_KDF, HANG_S, PASSPHRASE, PYTHON, SNAPSHOT, profile, subprocess_env


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_create_unlock_roundtrip(data_dir, vault):
    pair = vault.add_pair(profile("Inès 🌱"))
    vault.lock()
    assert vault.locked
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert [e.pair.profile.display_name for e in again.pairs()] == ["Inès 🌱"]
        assert again.pair_ids() == [pair.pair_id]


def test_file_names_reveal_nothing(data_dir, vault):
    vault.add_pair(profile("Dominique Martin"))
    names = [p.name for p in data_dir.path.rglob("*")]
    assert not any("Dominique" in n or "Martin" in n for n in names)
    journal_names = [p.stem for p in data_dir.journals_path.iterdir()]
    assert all(len(n) == 32 and int(n, 16) >= 0 for n in journal_names)


def test_wrong_passphrase_ten_times_changes_nothing(data_dir, vault):
    j = vault.journal(vault.add_pair(profile()).pair_id)
    j.add_session("test-form", SNAPSHOT)
    vault.lock()
    before = snapshot(data_dir.path)
    for attempt in range(10):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(data_dir, f"wrong passphrase {attempt}")
    assert snapshot(data_dir.path) == before


def test_unlock_needs_an_existing_vault(data_dir):
    with pytest.raises(VaultMissing):
        Vault.unlock(data_dir, PASSPHRASE)
    assert not data_dir.header_path.exists()


def test_create_refuses_an_existing_vault_and_changes_nothing(data_dir, vault):
    vault.lock()
    before = snapshot(data_dir.path)
    with pytest.raises(VaultExists):
        Vault.create(data_dir, "another passphrase", kdf_params_for_tests=CHEAP_KDF)
    assert snapshot(data_dir.path) == before


def test_short_passphrase_is_refused_before_anything_is_written(data_dir):
    with pytest.raises(WeakPassphrase):
        Vault.create(data_dir, "short", kdf_params_for_tests=CHEAP_KDF)
    assert not data_dir.header_path.exists() and not data_dir.registry_path.exists()


def test_change_passphrase_keeps_everything(data_dir, vault):
    pair = vault.add_pair(profile())
    vault.journal(pair.pair_id).add_takeaway("Écouter d'abord", "leader")
    vault.lock()
    before = snapshot(data_dir.path)
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        v.change_passphrase("a brand new passphrase")
    after = snapshot(data_dir.path)
    # only vault.json changed: no journal and not the registry was re-encrypted; a backup
    # of the vault as it was (opening with the old passphrase) was written first
    changed = {k for k in after if after[k] != before.get(k)}
    assert {k for k in changed if not k.startswith("backups/")} == {"vault.json"}
    assert any(k.endswith("-before-passphrase-change/vault.json") for k in changed)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    with Vault.unlock(data_dir, "a brand new passphrase") as v:
        assert v.journal(pair.pair_id).takeaways()[0].text == "Écouter d'abord"


def test_change_passphrase_cost_does_not_grow_with_journal_size(data_dir, vault):
    """One KDF and one small file, whatever the size (compared, not timed against a limit)."""
    j = vault.journal(vault.add_pair(profile()).pair_id)
    s = j.add_session("test-form", SNAPSHOT)
    j.set_field(s.uuid, "notes", "x" * 900_000)
    sizes = {p.name: p.stat().st_size for p in data_dir.journals_path.iterdir()}
    vault.change_passphrase("another long passphrase")
    assert {p.name: p.stat().st_size for p in data_dir.journals_path.iterdir()} == sizes
    assert data_dir.header_path.stat().st_size < 4096


def test_recovery_code_reopens_and_sets_a_new_passphrase(data_dir):
    v, code = Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
    pair = v.add_pair(profile())
    v.lock()
    with Vault.unlock_with_recovery(data_dir, code.lower().replace("-", " ")) as v2:
        assert v2.pair_ids() == [pair.pair_id]
        v2.change_passphrase("forgotten no more")
    with Vault.unlock(data_dir, "forgotten no more") as v3:
        assert v3.pair_ids() == [pair.pair_id]
    # the code keeps working after the passphrase change
    Vault.unlock_with_recovery(data_dir, code).lock()


def test_a_valid_code_of_another_vault_is_refused(tmp_path, data_dir):
    Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)[0].lock()
    with DataDir.acquire(tmp_path / "other") as other:
        _v, other_code = Vault.create(other, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        _v.lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(data_dir, other_code)


def test_lock_wipes_keys_and_refuses_use(data_dir, vault):
    pair = vault.add_pair(profile())
    master = vault._master
    buffers = [master.buffer(), *(k.buffer() for k in vault._pair_keys.values())]
    vault.lock()
    assert all(buf == bytearray(len(buf)) for buf in buffers)
    with pytest.raises(VaultLocked):
        vault.pair_ids()
    with pytest.raises(VaultLocked):
        vault.add_pair(profile())
    # every WAL was checkpointed and removed: nothing but the main files at rest
    leftovers = [p.name for p in data_dir.path.rglob("*-wal") if p.stat().st_size]
    assert leftovers == []
    assert pair.pair_id


def test_removing_a_pair_destroys_its_key(tmp_path, data_dir, vault):
    keep = vault.add_pair(profile("Keep"))
    gone = vault.add_pair(profile("Gone"))
    vault.journal(gone.pair_id).add_takeaway("secret takeaway", "mentor")
    journal_file = data_dir.journal_path(vault.pair_file_and_key(gone.pair_id)[0])
    gone_key = bytes(vault.pair_file_and_key(gone.pair_id)[1].buffer())
    vault.lock()
    copy = tmp_path / "stolen.rmj"
    copy.write_bytes(journal_file.read_bytes())

    with Vault.unlock(data_dir, PASSPHRASE) as v:
        v.remove_pair(gone.pair_id)
        assert v.pair_ids() == [keep.pair_id]
        assert not journal_file.exists()
        held = [v._master, *(v.pair_file_and_key(pid)[1] for pid in v.pair_ids())]
        for key in held:
            with pytest.raises(JournalDamaged):
                Journal.open(copy, key)
        master = SecretKey(bytes(v._master.buffer()))
        keep_key = bytes(v.pair_file_and_key(keep.pair_id)[1].buffer())
    # the removed key's bytes appear nowhere in the decrypted registry pages or on disk
    from tests.core.sqlcipher_pages import decrypted_pages

    pages = decrypted_pages(data_dir.registry_path, master)
    assert any(keep_key in page for page in pages)  # the decryption itself works
    assert all(gone_key not in page for page in pages)
    assert all(gone_key not in p.read_bytes() for p in data_dir.path.rglob("*") if p.is_file())
    with pytest.raises(JournalDamaged):
        Journal.open(copy, SecretKey(gone_key[::-1]))


@pytest.mark.posix_modes
def test_permissions_are_owner_only(data_dir, vault):
    j = vault.journal(vault.add_pair(profile()).pair_id)
    j.add_session("test-form", SNAPSHOT)
    paths = [data_dir.path, *data_dir.path.rglob("*")]
    assert len(paths) >= 5
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} has mode {oct(mode)}"


@pytest.mark.posix_modes
def test_files_are_private_even_with_a_permissive_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with DataDir.acquire(tmp_path / "d") as dd:
            v, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
            v.journal(v.add_pair(profile()).pair_id).add_session("test-form", SNAPSHOT)
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [dd.path, *dd.path.rglob("*")]}
            v.lock()
    finally:
        os.umask(old)
    assert all(m & 0o077 == 0 for m in modes.values()), modes


def test_second_process_is_refused_and_a_stale_lock_is_taken_over(tmp_path, data_dir):
    with pytest.raises(AlreadyRunning, match="already open"):
        DataDir.acquire(data_dir.path)
    data_dir.release()
    with subprocess.Popen(
        [
            PYTHON,
            "-c",
            "import threading; from pathlib import Path;"
            "from rm_journal.core.storage.datadir import DataDir;"
            f"d = DataDir.acquire(Path({str(data_dir.path)!r})); print('held', flush=True);"
            "threading.Event().wait()",  # until killed
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(tmp_path),
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            with pytest.raises(AlreadyRunning):
                DataDir.acquire(data_dir.path)
        finally:
            holder.kill()
    deadline = time.monotonic() + HANG_S
    while True:  # the kernel drops the lock with the process
        try:
            DataDir.acquire(data_dir.path).release()
            break
        except AlreadyRunning:
            assert time.monotonic() < deadline
            time.sleep(0.05)


def test_tampered_kdf_parameters_are_not_obeyed(data_dir, vault):
    """Lowering the stored cost with a recomputed checksum fails authentication."""
    vault.lock()
    hdr = header.read(data_dir.header_path)
    slot = hdr.slots[header.PASSPHRASE_SLOT]
    weaker = crypto.KdfParams(crypto.ARGON2ID, slot.kdf.salt, 8, 1, 1)
    header.write(
        data_dir.header_path,
        hdr.with_slot(header.PASSPHRASE_SLOT, header.Slot(weaker, slot.nonce, slot.wrapped_key)),
    )
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)


def test_damaged_registry_is_reported_and_left_alone(data_dir, vault):
    vault.add_pair(profile())
    vault.lock()
    raw = bytearray(data_dir.registry_path.read_bytes())
    raw[100] ^= 0x01
    data_dir.registry_path.write_bytes(bytes(raw))
    before = snapshot(data_dir.path)
    with pytest.raises(VaultDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
    assert snapshot(data_dir.path) == before


def test_a_damaged_journal_does_not_hide_the_other_pairs(data_dir, vault):
    good = vault.add_pair(profile("Good"))
    bad = vault.add_pair(profile("Bad"))
    bad_file = data_dir.journal_path(vault.pair_file_and_key(bad.pair_id)[0])
    vault.lock()
    raw = bytearray(bad_file.read_bytes())
    raw[10] ^= 0xFF
    bad_file.write_bytes(bytes(raw))
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        entries = {e.pair_id: e for e in v.open_all()}
        assert entries[good.pair_id].pair.profile.display_name == "Good"
        assert entries[bad.pair_id].pair is None and "damaged" in entries[bad.pair_id].problem
        report = {r.file_name: r for r in v.check()}
        assert report[f"journals/{bad_file.name}"].problems
        assert sum(1 for r in report.values() if not r.ok) == 1
        assert v.search("Good") == []  # search skips the damaged journal instead of failing


def test_settings_live_encrypted_in_the_registry(vault):
    vault.set_setting("recent_programs", ["Orange — pilote"])
    assert vault.setting("recent_programs") == ["Orange — pilote"]
    assert vault.setting("missing", 5) == 5


def test_refuses_a_plain_sqlite_build():
    import sqlite3

    assert database.verify_build().startswith("4.")  # the installed wheel: SQLCipher 4 + FTS5
    with pytest.raises(UnsupportedBuild, match="no encryption"):
        database.check_build(sqlite3.connect)


def test_missing_key_file_is_damage_not_a_new_vault(data_dir, vault):
    vault.lock()
    data_dir.header_path.unlink()
    with pytest.raises(VaultDamaged, match="missing"):
        Vault.unlock(data_dir, PASSPHRASE)
    with pytest.raises(VaultExists):
        Vault.create(data_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)


def test_pairs_are_listed_without_opening_any_journal(data_dir, vault):
    a = vault.add_pair(profile("Inès", Role.LEADER))
    vault.add_pair(profile("Zoé", Role.MENTOR))
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        entries = v.pairs()
        assert [e.pair.profile.display_name for e in entries] == ["Inès", "Zoé"]
        assert [e.pair.profile.my_role for e in entries] == [Role.LEADER, Role.MENTOR]
        assert not any(v.is_open(e.pair_id) for e in entries)
        v.journal(a.pair_id)
        assert v.is_open(a.pair_id)


def test_the_listing_follows_the_journal(data_dir, vault):
    pair = vault.add_pair(profile("Inès"))
    renamed = replace(pair.profile, display_name="Inès M.", program="Pilote")
    assert vault.update_pair(pair.pair_id, renamed).profile == renamed
    assert vault.pairs()[0].pair.profile == renamed
    # changed in the journal behind the registry's back: set right at the next open
    vault.journal(pair.pair_id).update_profile(replace(renamed, display_name="Inès Martin"))
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.pairs()[0].pair.profile.display_name == "Inès M."
        v.journal(pair.pair_id)
        assert v.pairs()[0].pair.profile.display_name == "Inès Martin"


def test_a_pair_listed_by_an_older_version_is_read_from_its_journal(data_dir, vault):
    pair = vault.add_pair(profile("Inès"))
    vault.registry.conn.execute("UPDATE pairs SET listing = ''")
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        assert v.pairs()[0].pair.profile.display_name == "Inès"
        listing = v.registry.conn.execute("SELECT listing FROM pairs").fetchone()[0]
        assert json.loads(listing)["display_name"] == "Inès"
    assert pair.pair_id


def test_a_journal_opened_from_two_threads_at_once_is_opened_once(data_dir, vault):
    pair = vault.add_pair(profile("Inès"))
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as v:
        with ThreadPoolExecutor(4) as pool:
            journals = list(pool.map(lambda _: v.journal(pair.pair_id), range(8)))
        assert len({id(j) for j in journals}) == 1


def test_sealed_data_opens_only_in_the_same_vault_after_unlock(tmp_path, data_dir, vault):
    sealed = vault.seal(b"texte pas encore enregistr\xc3\xa9")
    assert b"enregistr" not in sealed
    vault.lock()
    with Vault.unlock(data_dir, PASSPHRASE) as again:
        assert again.unseal(sealed) == "texte pas encore enregistré".encode()
        changed = bytearray(sealed)
        changed[20] ^= 1
        assert again.unseal(bytes(changed)) is None
        assert again.unseal(sealed[:10]) is None
    with DataDir.acquire(tmp_path / "other") as other_dir:
        other, _ = Vault.create(other_dir, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        with other:
            assert other.unseal(sealed) is None
