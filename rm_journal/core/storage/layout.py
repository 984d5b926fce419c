"""The names of what a data folder holds, for every module that reaches into it.

    <data dir>/            0700
      lock                 empty; held with an OS lock while a process uses the folder
      vault.json           KDF parameters + wrapped master key (see header.py)
      vault.db             SQLCipher (master key): pair registry and pair keys
      vault.state          the registry's write count and its HMAC (see rollback.py)
      journals/<id>.rmj    SQLCipher (pair key): one journal per pair
      backups/             verified copies of the whole vault (see core/backup.py)
      rotating/            only while keys are rotated (see rotation.py)
      restore.pending      only while a restore is moved in (see restoring.py)

Names only: no code, so that datadir, the rotation, the restore and the backups
can share them without importing each other.
"""

LOCK_NAME = "lock"
HEADER_NAME = "vault.json"
REGISTRY_NAME = "vault.db"
JOURNALS_DIR = "journals"
JOURNAL_SUFFIX = ".rmj"
BACKUPS_DIR = "backups"
RESTORE_MARKER = "restore.pending"  # a restore cut short: finished at the next acquire
ROTATING_DIR = "rotating"  # a key rotation under way: finished or undone at the next acquire
