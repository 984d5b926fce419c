"""`pairs remove` reaches every copy of the vault's index that the data folder holds."""

import hashlib
import json
import shutil

from rm_journal.core import backup
from rm_journal.core.errors import RmJournalError
from rm_journal.core.storage.datadir import DataDir
from rm_journal.core.vault import Vault
from tests.cli.conftest import run
from tests.conftest import PASSPHRASE, SNAPSHOT


def forge_manifest(folder, vault_id):
    """What someone holding the folder can write: a manifest that matches its files."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "manifest.json":
            raw = path.read_bytes()
            files[path.relative_to(folder).as_posix()] = {
                "bytes": len(raw),
                "sha256": hashlib.sha256(raw).hexdigest(),
            }
    doc = {
        "format": "rm_journal-backup",
        "format_version": 1,
        "vault_id": vault_id,
        "created_at": "2026-01-01T00:00:00.000000Z",
        "kind": "manual",
        "app_version": "0.1.0",
        "files": files,
    }
    (folder / "manifest.json").write_text(json.dumps(doc))


def pairs_restored_from(folder, vault_id, tmp_path, n):
    """Restore a copy into a fresh data folder, as an attacker with the old passphrase
    would, and list the pairs whose journals open there."""
    stolen = tmp_path / f"stolen-{n}"
    shutil.copytree(folder, stolen)
    forge_manifest(stolen, vault_id)
    with DataDir.acquire(tmp_path / f"attacker-{n}") as dd:
        try:
            backup.restore(dd, stolen, PASSPHRASE)
        except RmJournalError:
            return set()  # the copy does not open: nothing can be read from it
        with Vault.unlock(dd, PASSPHRASE) as v:
            return {e.pair_id for e in v.open_all() if e.pair is not None}


def test_removing_a_pair_reaches_staging_damaged_and_safety_copies(capsys, cheap_vault, tmp_path):
    root, _code = cheap_vault
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        vault_id = v.vault_id
        gone = v.add_pair(profile_named("Gone"))
        kept = v.add_pair(profile_named("Kept"))
        for pair in (gone, kept):
            j = v.journal(pair.pair_id)
            j.set_field(j.add_session("test-form", SNAPSHOT).uuid, "notes", "secret words")
        published = backup.create(v)
        damaged = backup.create(v)
    (damaged.path / "manifest.json").write_text("{not json")
    shutil.copyfile(root / "vault.db", root / "vault.db.before-v3")  # a format update's copy
    with DataDir.acquire(root) as dd:  # a restore leaves a safety copy of the vault
        safety = backup.restore(dd, published.path, PASSPHRASE)
        assert safety is not None
        with Vault.unlock(dd, PASSPHRASE) as v:
            # the state a backup killed before its manifest leaves: a staging folder
            unfinished = backup.create(v, dest=tmp_path / "elsewhere")
    staging = root / "backups" / ".staging-0123456789abcdef"
    shutil.copytree(unfinished.path, staging)
    (staging / "manifest.json").unlink()

    copies = [published.path, damaged.path, staging, safety.path]
    for n, folder in enumerate(copies):  # before: every copy gives the pair back
        assert gone.pair_id in pairs_restored_from(folder, vault_id, tmp_path, n)

    code, out, err = run(capsys, "pairs", "remove", "1", "--yes")
    assert code == 0, err
    for n, folder in enumerate(copies, start=10):
        if folder.exists():
            found = pairs_restored_from(folder, vault_id, tmp_path, n)
            assert gone.pair_id not in found and kept.pair_id in found
    assert not staging.exists()
    assert (
        "1 copy of the vault could not be read" in out
        and "backups/.staging-0123456789abcdef" in out
    )
    assert "elsewhere" in out  # what removal cannot reach is said
    migrated = tmp_path / "migrated"
    migrated.mkdir()
    shutil.copyfile(root / "vault.json", migrated / "vault.json")
    shutil.copyfile(root / "vault.db.before-v3", migrated / "vault.db")
    with DataDir.acquire(migrated) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        assert [e.pair_id for e in v.pairs()] == [kept.pair_id]
    code, out, _ = run(capsys, "backups")
    listed = next(line for line in out.splitlines() if damaged.path.name in line)
    assert listed.startswith("DAMAGED")


def test_a_copy_that_cannot_be_read_is_deleted_and_named(capsys, cheap_vault):
    root, _code = cheap_vault
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        v.add_pair(profile_named("Gone"))
        made = backup.create(v)
    raw = bytearray((made.path / "vault.db").read_bytes())
    raw[len(raw) // 2] ^= 0x10  # one page fails its HMAC: the key row cannot be erased
    (made.path / "vault.db").write_bytes(bytes(raw))
    code, out, err = run(capsys, "pairs", "remove", "1", "--yes")
    assert code == 0, err
    assert "1 copy of the vault could not be read" in out and f"backups/{made.path.name}" in out
    assert not made.path.exists()


def profile_named(name):
    from tests.conftest import profile

    return profile(name)


def test_a_refused_pairs_add_leaves_nothing_that_check_trips_on(capsys, cheap_vault):
    root, _code = cheap_vault
    code, _out, err = run(capsys, "pairs", "add", "--name", "   ", "--role", "leader")
    assert code != 0 and "Traceback" not in err and err.count("\n") == 1
    assert not list((root / "journals").iterdir())
    code, out, err = run(capsys, "check")
    assert code == 0, out + err


def flip(path, offset):
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x40
    path.write_bytes(bytes(raw))


def test_a_refused_file_gets_no_empty_log_beside_it(capsys, cheap_vault):
    root, _code = cheap_vault
    run(capsys, "pairs", "add", "--name", "A", "--role", "mentor")
    run(capsys, "sessions", "add", "1", "--text", "x" * 20000)
    journal = next((root / "journals").glob("*.rmj"))
    flip(journal, 5000)  # past the first page: SQLite reads WAL mode, then a page fails
    for argv in (["pairs", "list"], ["check"], ["search", "x"]):
        run(capsys, *argv)
        assert sorted(p.name for p in journal.parent.iterdir()) == [journal.name], argv
    flip(root / "vault.db", 5000)
    code, _, err = run(capsys, "pairs", "list")
    assert code != 0 and "vault.db" in err
    assert not (root / "vault.db-wal").exists() and not (root / "vault.db-shm").exists()


READ_ONLY = [
    ["pairs", "list"],
    ["sessions", "list", "1"],
    ["search", "x"],
    ["check"],
    ["backups"],
    ["templates", "list"],
]


def test_a_read_only_command_creates_no_data_folder(capsys, cheap_vault, tmp_path, monkeypatch):
    missing = tmp_path / "nowhere" / "data"
    monkeypatch.setenv("RM_JOURNAL_DATA_DIR", str(missing))
    for argv in READ_ONLY:
        code, _, err = run(capsys, *argv)
        assert code != 0 and err.count("\n") == 1 and "No vault was found" in err, argv
        assert not (tmp_path / "nowhere").exists(), argv


def test_a_data_folder_that_is_a_file_is_named_as_such(capsys, cheap_vault, tmp_path, monkeypatch):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for where in (a_file, a_file / "data"):
        monkeypatch.setenv("RM_JOURNAL_DATA_DIR", str(where))
        for argv in [*READ_ONLY, ["init"]]:
            code, _, err = run(capsys, *argv)
            assert code != 0 and err.count("\n") == 1, argv
            assert f"{a_file} is a file, not a folder" in err, (argv, err)
    assert a_file.read_text() == "not a folder"


def test_search_says_which_pairs_it_could_not_search(capsys, cheap_vault):
    root, _code = cheap_vault
    for name in ("A", "B"):
        run(capsys, "pairs", "add", "--name", name, "--role", "mentor")
    run(capsys, "sessions", "add", "1", "--text", "zebra " + "y" * 9000)
    run(capsys, "sessions", "add", "2", "--text", "zebra " + "y" * 9000)
    with DataDir.acquire(root) as dd, Vault.unlock(dd, PASSPHRASE) as v:
        second = dd.journal_path(v.pair_file_and_key(v.pair_ids()[1])[0])
    flip(second, 5000)
    code, out, err = run(capsys, "search", "zebra")
    assert code == 0 and out.startswith("  1  session 1")
    assert "Not searched: pair 2," in err and err.count("\n") == 1


def test_backups_that_never_held_the_pair_stay_whole(capsys, cheap_vault):
    root, _code = cheap_vault
    run(capsys, "pairs", "add", "--name", "Kept", "--role", "mentor")
    assert run(capsys, "backup")[0] == 0
    before = next((root / "backups").iterdir())
    files = {p.name: p.read_bytes() for p in before.rglob("*") if p.is_file()}
    run(capsys, "pairs", "add", "--name", "Gone", "--role", "mentor")
    code, out, err = run(capsys, "pairs", "remove", "2", "--yes")
    assert code == 0, err
    assert {p.name: p.read_bytes() for p in before.rglob("*") if p.is_file()} == files
    code, out, _ = run(capsys, "backups")
    assert out.startswith("ok ")


def test_a_backup_of_another_vault_is_left_alone(capsys, cheap_vault, tmp_path):
    from tests.conftest import CHEAP_KDF

    root, _code = cheap_vault
    with DataDir.acquire(tmp_path / "other") as dd:
        other, _ = Vault.create(dd, PASSPHRASE, kdf_params_for_tests=CHEAP_KDF)
        other.add_pair(profile_named("Theirs"))
        theirs = backup.create(other, dest=root / "backups")
        other.lock()
    (theirs.path / "manifest.json").write_text("damaged")  # its key file still names it
    files = {p.name: p.read_bytes() for p in theirs.path.rglob("*") if p.is_file()}
    run(capsys, "pairs", "add", "--name", "Gone", "--role", "mentor")
    code, out, err = run(capsys, "pairs", "remove", "1", "--yes")
    assert code == 0, err
    assert "could not be read with the current keys" not in out
    assert {p.name: p.read_bytes() for p in theirs.path.rglob("*") if p.is_file()} == files


def test_removing_a_pair_after_a_key_rotation_deletes_the_backups_of_the_old_keys(
    cheap_vault, capsys, monkeypatch
):
    """A backup taken before a rotation holds the old master key: the current keys cannot
    open it to erase the pair's key, so removal deletes it whole and says why, instead of
    leaving a copy that the old passphrase would open with the pair inside."""
    root, _ = cheap_vault
    for name in ("Inès", "Wen"):
        assert run(capsys, "pairs", "add", "--name", name, "--role", "leader")[0] == 0
    assert run(capsys, "backup")[0] == 0
    (old_backup,) = (root / "backups").iterdir()
    monkeypatch.setenv("RM_JOURNAL_NEW_PASSPHRASE", "a brand new passphrase")
    assert run(capsys, "rotate-keys")[0] == 0
    monkeypatch.setenv("RM_JOURNAL_PASSPHRASE", "a brand new passphrase")

    code, out, err = run(capsys, "pairs", "remove", "1", "--yes")
    assert code == 0, err
    assert "1 copy of the vault could not be read with the current keys" in out
    assert "taken before the keys were rotated" in out and old_backup.name in out
    assert not old_backup.exists()
    code, out, _ = run(capsys, "pairs")
    assert code == 0 and "Wen" in out and "Inès" not in out
