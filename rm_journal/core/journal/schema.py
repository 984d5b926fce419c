"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

A migration is applied in one transaction with its version bump, so a crash
leaves the file at the old or the new version. Before migrating a file that
already holds data, an encrypted copy is taken with ``VACUUM INTO`` (same key),
next to the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlcipher3

from rm_journal.core.errors import NewerFormat, RmJournalError
from rm_journal.core.storage.database import Connection, transaction
from rm_journal.core.storage.platform_files import make_private

Migration = tuple[int, str]

_CHOICES = {
    "role": "('leader', 'mentor')",
    "owner": "('leader', 'mentor', 'both')",
    "cadence": "('weekly', 'fortnightly', 'monthly', 'irregular')",
    "language": "('en', 'fr')",
    "session_status": "('planned', 'prepared', 'held', 'reflected')",
    "takeaway_status": "('private', 'proposed', 'agreed', 'dropped')",
    "attribution": "('named', 'anonymous', 'never')",
    "topic_status": "('idea', 'planned', 'discussed', 'dropped')",
}

# All text of a JSON value, one atom per line: what full-text search indexes.
_JSON_TEXT = (
    "(SELECT coalesce(group_concat(atom, char(10)), '') FROM json_tree({col}) WHERE type = 'text')"
)


def _indexed(table: str, kind: str, ref: str, field: str, session: str, body: str) -> str:
    """Triggers keeping ``search_docs`` in step with one base table."""
    new = {
        k: v.replace("@", "NEW.")
        for k, v in {"ref": ref, "field": field, "session": session, "body": body}.items()
    }
    old = {k: v.replace("@", "OLD.") for k, v in {"ref": ref, "field": field}.items()}
    return f"""
CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO search_docs(kind, ref_uuid, field_key, session_uuid, body)
  VALUES ('{kind}', {new["ref"]}, {new["field"]}, {new["session"]}, {new["body"]});
END;
CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN
  UPDATE search_docs SET session_uuid = {new["session"]}, body = {new["body"]}
  WHERE kind = '{kind}' AND ref_uuid = {new["ref"]} AND field_key = {new["field"]};
END;
CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN
  DELETE FROM search_docs
  WHERE kind = '{kind}' AND ref_uuid = {old["ref"]} AND field_key = {old["field"]};
END;
"""


JOURNAL_V1 = f"""
CREATE TABLE pair (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  uuid TEXT NOT NULL,
  display_name TEXT NOT NULL,
  my_role TEXT NOT NULL CHECK (my_role IN {_CHOICES["role"]}),
  program TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  cadence TEXT NOT NULL CHECK (cadence IN {_CHOICES["cadence"]}),
  language TEXT NOT NULL CHECK (language IN {_CHOICES["language"]}),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  uuid TEXT PRIMARY KEY,
  number INTEGER NOT NULL CHECK (number >= 1),
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN {_CHOICES["session_status"]}),
  planned_date TEXT,
  held_date TEXT,
  template_id TEXT NOT NULL,
  template_snapshot TEXT NOT NULL CHECK (json_valid(template_snapshot)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (number, template_id)
) STRICT;

CREATE TABLE field_values (
  session_uuid TEXT NOT NULL REFERENCES sessions(uuid) ON DELETE CASCADE,
  field_key TEXT NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (session_uuid, field_key)
) STRICT;

CREATE TABLE takeaways (
  uuid TEXT PRIMARY KEY,
  session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL,
  text TEXT NOT NULL,
  proposed_by TEXT NOT NULL CHECK (proposed_by IN {_CHOICES["role"]}),
  status TEXT NOT NULL CHECK (status IN {_CHOICES["takeaway_status"]}),
  agreed_on TEXT,
  attribution TEXT NOT NULL CHECK (attribution IN {_CHOICES["attribution"]}),
  changed_after_agreement INTEGER NOT NULL DEFAULT 0,
  field_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX takeaways_by_session ON takeaways(session_uuid);

CREATE TABLE actions (
  uuid TEXT PRIMARY KEY,
  session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL,
  text TEXT NOT NULL,
  owner TEXT NOT NULL CHECK (owner IN {_CHOICES["owner"]}),
  due_date TEXT,
  done_date TEXT,
  dropped_on TEXT,
  carried_from TEXT REFERENCES actions(uuid) ON DELETE SET NULL,
  field_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX actions_by_session ON actions(session_uuid);
CREATE INDEX actions_by_origin ON actions(carried_from);

CREATE TABLE topics (
  uuid TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  why TEXT NOT NULL DEFAULT '',
  questions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(questions)),
  resources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(resources)),
  status TEXT NOT NULL CHECK (status IN {_CHOICES["topic_status"]}),
  planned_session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL,
  session_uuid TEXT REFERENCES sessions(uuid) ON DELETE SET NULL,
  field_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX topics_by_session ON topics(planned_session_uuid);
CREATE INDEX topics_by_origin ON topics(session_uuid);

CREATE TABLE sharing_log (
  uuid TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  file_name TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  file_sha256 TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref_uuid TEXT NOT NULL,
  field_key TEXT NOT NULL,
  session_uuid TEXT,
  body TEXT NOT NULL,
  UNIQUE (kind, ref_uuid, field_key)
) STRICT;
CREATE INDEX search_docs_by_session ON search_docs(session_uuid);
CREATE VIRTUAL TABLE search_fts USING fts5(
  body, content='search_docs', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
  INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
  INSERT INTO search_fts(rowid, body) VALUES (NEW.id, NEW.body);
END;
{_indexed("sessions", "session", "@uuid", "'title'", "@uuid", "@title")}
{
    _indexed(
        "field_values",
        "field",
        "@session_uuid",
        "@field_key",
        "@session_uuid",
        _JSON_TEXT.format(col="NEW.value"),
    )
}
{_indexed("takeaways", "takeaway", "@uuid", "''", "@session_uuid", "@text")}
{_indexed("actions", "action", "@uuid", "''", "@session_uuid", "@text")}
{
    _indexed(
        "topics",
        "topic",
        "@uuid",
        "''",
        "@planned_session_uuid",
        "@title || char(10) || @why || char(10) || "
        + _JSON_TEXT.format(col="@questions")
        + " || char(10) || "
        + _JSON_TEXT.format(col="@resources"),
    )
}
"""

REGISTRY_V1 = """
CREATE TABLE pairs (
  pair_id TEXT PRIMARY KEY,
  file_id TEXT NOT NULL UNIQUE,
  pair_key BLOB NOT NULL CHECK (length(pair_key) = 32),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  document TEXT NOT NULL CHECK (json_valid(document)),
  updated_at TEXT NOT NULL
) STRICT;
"""

# v2: the last entries of a long journal without sorting all of them (sessions(last=N)).
JOURNAL_V2 = """
CREATE INDEX sessions_in_order ON sessions (number, created_at);
"""

# v3: each distinct template snapshot is kept once. Sessions held a 3.5 KB copy each,
# so listing 400 of them read 3 MB and kept it in the page cache (150 MB for 50 pairs).
JOURNAL_V3 = """
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL UNIQUE CHECK (json_valid(document))
) STRICT;
INSERT OR IGNORE INTO snapshots (document) SELECT template_snapshot FROM sessions ORDER BY rowid;
ALTER TABLE sessions ADD COLUMN snapshot_id INTEGER REFERENCES snapshots(id);
UPDATE sessions SET
  snapshot_id = (SELECT id FROM snapshots WHERE document = sessions.template_snapshot),
  template_snapshot = '{}';
"""

# v4: the pair linked across two devices (core.identity, core.exchange): the partner's
# keys, what the partner said of each takeaway, agendas received, summary signatures.
JOURNAL_V4 = f"""
CREATE TABLE link (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  my_nonce BLOB NOT NULL CHECK (length(my_nonce) = 16),
  partner_role TEXT CHECK (partner_role IS NULL OR partner_role IN {_CHOICES["role"]}),
  partner_signing BLOB CHECK (partner_signing IS NULL OR length(partner_signing) = 32),
  partner_exchange BLOB CHECK (partner_exchange IS NULL OR length(partner_exchange) = 32),
  partner_nonce BLOB CHECK (partner_nonce IS NULL OR length(partner_nonce) = 16),
  confirmed_at TEXT,
  sent_sequence INTEGER NOT NULL DEFAULT 0,
  received_sequence INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
ALTER TABLE takeaways ADD COLUMN partner_status TEXT
  CHECK (partner_status IS NULL OR partner_status IN {_CHOICES["takeaway_status"]});
ALTER TABLE takeaways ADD COLUMN partner_agreed_on TEXT;
CREATE TABLE agendas (
  uuid TEXT PRIMARY KEY,
  number INTEGER NOT NULL CHECK (number >= 1),
  title TEXT NOT NULL DEFAULT '',
  planned_date TEXT,
  points TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(points)),
  from_role TEXT NOT NULL CHECK (from_role IN {_CHOICES["role"]}),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE summary_signatures (
  fingerprint TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN {_CHOICES["role"]}),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  signature BLOB NOT NULL CHECK (length(signature) = 64),
  created_at TEXT NOT NULL,
  PRIMARY KEY (fingerprint, role)
) STRICT;
"""

# v5: what leaves the device (core.sharing): the partner's own attribution of each
# takeaway (the stricter of the two applies), and the talking points an agenda carries.
JOURNAL_V5 = f"""
ALTER TABLE takeaways ADD COLUMN partner_attribution TEXT
  CHECK (partner_attribution IS NULL OR partner_attribution IN {_CHOICES["attribution"]});
ALTER TABLE agendas ADD COLUMN talking_points TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(talking_points));
"""

# v6: each link has a key pair of its own (core.link), kept in the pair's journal and
# destroyed with it, so exchange files of two pairs show no common key. A link made
# before keeps NULL here and the vault's identity it was confirmed with.
JOURNAL_V6 = """
ALTER TABLE link ADD COLUMN my_signing_seed BLOB
  CHECK (my_signing_seed IS NULL OR length(my_signing_seed) = 32);
ALTER TABLE link ADD COLUMN my_exchange_secret BLOB
  CHECK (my_exchange_secret IS NULL OR length(my_exchange_secret) = 32);
"""

# v7: the journal counts its write transactions, so an older copy of it, or one whose log
# was lost, is seen against the count the registry recorded (core.rollback).
JOURNAL_V7 = """
CREATE TABLE write_count (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  counter INTEGER NOT NULL CHECK (counter >= 0)
) STRICT;
INSERT INTO write_count (id, counter) VALUES (1, 0);
"""

# v8: meetings (core.journal.meetings). Entries with the same number were one meeting
# already; the meeting now keeps its status and days once, instead of each entry its own
# (an entry made in the app had none, and each new entry took a new number). Each
# meeting takes the furthest status of its entries, the earliest planned day and the
# latest held day; the entries' own columns are emptied, so nothing reads two truths.
JOURNAL_V8 = f"""
CREATE TABLE meetings (
  number INTEGER PRIMARY KEY CHECK (number >= 1),
  uuid TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN {_CHOICES["session_status"]}),
  planned_date TEXT,
  held_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO meetings (number, uuid, status, planned_date, held_date, created_at, updated_at)
SELECT number,
  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
    || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2)
    || '-' || hex(randomblob(6))),
  CASE max(CASE status WHEN 'planned' THEN 0 WHEN 'prepared' THEN 1 WHEN 'held' THEN 2 ELSE 3 END)
    WHEN 0 THEN 'planned' WHEN 1 THEN 'prepared' WHEN 2 THEN 'held' ELSE 'reflected' END,
  min(planned_date), max(held_date), min(created_at), max(updated_at)
FROM sessions GROUP BY number;
UPDATE sessions SET status = 'planned', planned_date = NULL, held_date = NULL;
CREATE INDEX meetings_planned ON meetings (planned_date);
"""

# v9: a relationship can be ended (its closing written): the journal is then read-only
# until it is reopened (Journal.end, Journal.reopen). NULL: still running.
JOURNAL_V9 = """
ALTER TABLE pair ADD COLUMN ended_on TEXT;
"""

JOURNAL_MIGRATIONS: Sequence[Migration] = (
    (1, JOURNAL_V1),
    (2, JOURNAL_V2),
    (3, JOURNAL_V3),
    (4, JOURNAL_V4),
    (5, JOURNAL_V5),
    (6, JOURNAL_V6),
    (7, JOURNAL_V7),
    (8, JOURNAL_V8),
    (9, JOURNAL_V9),
)
# v2: each pair's listing (name, role, program...) is copied into the registry, so the
# pair list is shown at unlock without opening and verifying every journal first.
REGISTRY_V2 = """
ALTER TABLE pairs ADD COLUMN listing TEXT NOT NULL DEFAULT '';
"""

# v3: this device's identity for pair exchange (core.identity): private keys, created
# by the vault on first use, never exported.
REGISTRY_V3 = """
CREATE TABLE identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  signing_seed BLOB NOT NULL CHECK (length(signing_seed) = 32),
  exchange_secret BLOB NOT NULL CHECK (length(exchange_secret) = 32),
  created_at TEXT NOT NULL
) STRICT;
"""

# v4: each journal's last write count, and the registry's own count with the key of the
# HMAC that vault.state carries (core.rollback). NULL: not recorded yet.
REGISTRY_V4 = """
ALTER TABLE pairs ADD COLUMN write_count INTEGER;
CREATE TABLE rollback_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  counter INTEGER NOT NULL CHECK (counter >= 0),
  state_key BLOB NOT NULL CHECK (length(state_key) = 32)
) STRICT;
"""

REGISTRY_MIGRATIONS: Sequence[Migration] = (
    (1, REGISTRY_V1),
    (2, REGISTRY_V2),
    (3, REGISTRY_V3),
    (4, REGISTRY_V4),
)


def user_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, from_version: int) -> Path:
    return path.with_name(f"{path.name}.before-v{from_version + 1}")


def migrate(
    conn: Connection,
    path: Path,
    migrations: Sequence[Migration],
    damaged: Callable[[], RmJournalError],
) -> int:
    """Bring the file to the newest version; returns the version it was at."""
    latest = migrations[-1][0]
    current = user_version(conn)
    if current > latest:
        raise NewerFormat(
            "This journal was written by a newer version of rm_journal. "
            "Install the latest version to open it; nothing was changed."
        )
    if current == latest:
        return current
    if current > 0:
        target = backup_path(path, current)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()  # a leftover from an interrupted earlier attempt
        conn.execute("VACUUM INTO ?", (str(target),))
        make_private(target)
    for version, script in migrations:
        if version <= current:
            continue
        with transaction(conn, damaged, "update the journal's format") as tx:
            for statement in _statements(script):
                tx.execute(statement)
            tx.execute(f"PRAGMA user_version = {int(version)}")
    return current


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain inner semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlcipher3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
