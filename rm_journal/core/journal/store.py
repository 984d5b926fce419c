"""One pair's journal: a SQLCipher file opened with that pair's own key.

The API takes and returns the plain dataclasses of ``models``; callers never
see SQL. Every write is one transaction: when a method returns, the change is
durable.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from rm_journal.core import logs
from rm_journal.core import validate as v
from rm_journal.core.errors import (
    InvalidInput,
    JournalDamaged,
    JournalEnded,
    NotFound,
    RmJournalError,
)
from rm_journal.core.journal import meetings, planning, records, schema
from rm_journal.core.journal.fields import (
    FieldSpec,
    FieldType,
    check_count,
    check_value,
    is_empty,
    specs_from_snapshot,
)
from rm_journal.core.keys.secret import SecretKey
from rm_journal.core.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    Action,
    Agenda,
    Attribution,
    Cadence,
    CarriedAction,
    Charter,
    Commitments,
    EntryBackup,
    EntryKind,
    JourneyPoint,
    Language,
    Meeting,
    Owner,
    Pair,
    PairProfile,
    Role,
    SearchHit,
    Session,
    SessionStatus,
    SharingRecord,
    Takeaway,
    TakeawayStatus,
    Topic,
    TopicStatus,
    new_uuid,
    utc_now,
)
from rm_journal.core.storage import database, rollback

_T = TypeVar("_T")
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 16
RANK_LIMIT = 300  # matches in one journal beyond which results come newest first


def journal_damaged() -> JournalDamaged:
    return JournalDamaged(
        "This pair's journal is damaged (it failed its integrity check). The other pairs are "
        "fine; restore this one from a backup. Nothing was changed."
    )


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word must match, the last as a prefix.

    Each word is quoted, so FTS5 syntax (quotes, parentheses, AND/OR/NOT, NEAR,
    column filters, ``*``, ``^``) in user text is searched as text, never parsed.
    """
    words = _WORD.findall(text)[:MAX_QUERY_TERMS]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


MAX_CACHED_SNAPSHOTS = 256  # distinct template versions kept parsed
_SESSION_STATUSES = {status.value: status for status in SessionStatus}
LISTS_KEPT = 4
_DATE = dt.date.fromisoformat
NEWEST_FIRST_WINDOW = 1000  # entries looked at first when a word matches too many to rank


class KeptLists:
    """The journals whose session list stays in memory, the most recently listed last.

    The window's visits and refreshes reuse a listed journal's list, and fifty listed
    pairs do not all stay in memory: the vault holds one of these for the journals it
    opens; a journal opened on its own gets its own.
    """

    def __init__(self, kept: int = LISTS_KEPT) -> None:
        self.kept = kept
        self._journals: list[Journal] = []
        self._lock = threading.Lock()  # exports list sessions in a worker thread

    def __contains__(self, journal: object) -> bool:
        with self._lock:
            return journal in self._journals

    def listed(self, journal: Journal) -> None:
        """``journal`` just kept its list: the least recently listed beyond ``kept`` drop theirs."""
        with self._lock:
            if journal in self._journals:
                self._journals.remove(journal)
            self._journals.append(journal)
            while len(self._journals) > self.kept:
                self._journals.pop(0)._all_sessions = None

    def forget(self, journal: Journal) -> None:
        with self._lock:
            journal._all_sessions = None
            if journal in self._journals:
                self._journals.remove(journal)


class _JournalDatabase(database.Database):
    """The journal's file, whose writes are refused once the relationship has ended.

    The check reads the pair's row inside each write's own transaction, so no write
    slips past an ``end`` made just before it; the few writes an ended journal still
    takes (reopening it, the sharing log of an export) say so with ``while_ended``.
    """

    @contextlib.contextmanager
    def transaction(self, what: str, *, while_ended: bool = False) -> Iterator[database.Connection]:
        with super().transaction(what) as tx:
            if not while_ended and _ended_on(tx) is not None:
                raise JournalEnded()
            yield tx


def _ended_on(conn: database.Connection) -> str | None:
    row = conn.execute("SELECT ended_on FROM pair WHERE id = 1").fetchone()
    return None if row is None else row[0]


class Journal:
    """An open journal; :meth:`close` checkpoints and releases the file."""

    def __init__(
        self, conn: database.Connection, path: Path, lists: KeptLists | None = None
    ) -> None:
        self._db = _JournalDatabase(
            conn,
            journal_damaged,
            closed=lambda: RuntimeError("journal used after close"),
            count=self._count_write,
        )
        self.path = path
        self._lists = lists if lists is not None else KeptLists()
        self._snapshots: dict[int, dict[str, Any]] = {}
        # every entry in order, good until the next write (the database's changes then
        # differ from those it was read at): the window lists a pair's sessions after
        # each change and at each visit (1,931 entries: 5 ms to build)
        self._all_sessions: tuple[Session, ...] | None = None
        self._listed_at = 0
        self._charter: Charter | None = None  # the same, for charter()
        self._charter_at = 0
        # every write is counted (core.rollback); the vault records the count after it
        self._counting = rollback.journal_count(conn) is not None
        self.on_committed: Callable[[int], None] | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        key: SecretKey,
        pair_id: str,
        profile: PairProfile,
        *,
        lists: KeptLists | None = None,
    ) -> Journal:
        p = _checked_profile(profile)  # before any file exists: a refusal leaves none
        conn = database.open_encrypted(path, key, create=True, damaged=journal_damaged)
        journal = cls(conn, path, lists)
        try:
            schema.migrate(conn, path, schema.JOURNAL_MIGRATIONS, journal_damaged)
            journal._counting = True
            now = utc_now()
            with journal._db.transaction("create the journal") as tx:
                tx.execute(
                    "INSERT INTO pair (id, uuid, display_name, my_role, program, start_date,"
                    " cadence, language, created_at, updated_at)"
                    " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        pair_id,
                        p.display_name,
                        p.my_role.value,
                        p.program,
                        v.date_text(p.start_date),
                        p.cadence.value,
                        p.language.value,
                        now,
                        now,
                    ),
                )
        except BaseException:
            journal.close()
            raise
        return journal

    @classmethod
    def open(
        cls,
        path: Path,
        key: SecretKey,
        migrations: Sequence[schema.Migration] = schema.JOURNAL_MIGRATIONS,
        *,
        recorded_count: int | None = None,
        lists: KeptLists | None = None,
    ) -> Journal:
        """Open a journal; one behind ``recorded_count`` (the registry's record of its
        writes) is refused before anything writes to it."""
        conn = database.open_encrypted(
            path,
            key,
            create=False,
            damaged=journal_damaged,
            before_writing=lambda checked: rollback.check_journal(checked, recorded_count),
        )
        journal = cls(conn, path, lists)
        try:
            if schema.user_version(conn) == 0:
                raise journal_damaged()  # a journal is never empty: never "repair" one
            schema.migrate(conn, path, migrations, journal_damaged)
            journal._counting = rollback.journal_count(conn) is not None
        except BaseException:
            journal.close()
            raise
        return journal

    def close(self) -> None:
        """Tidy the search index if this journal was written to, checkpoint, close."""
        self._lists.forget(self)
        if not self._db.closed:
            if self._db.changes:  # written since it was opened
                self._optimize_search_index()
            self._db.close()

    def _optimize_search_index(self) -> None:
        """Merge the search index into one segment.

        Every save adds a small segment; a search then looks each word up in
        every segment (0.28 ms for a missing word in a 200-session journal,
        0.11 ms once merged). Merging costs about 20 ms per 200 sessions, paid
        here, when a journal that was written to is closed (lock, quit).
        """
        # an untidy index is only slower: closing must not fail for it
        with (
            contextlib.suppress(RmJournalError),
            database.transaction(self.conn, journal_damaged, "tidy the search index") as tx,
        ):
            tx.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    @property
    def conn(self) -> database.Connection:
        return self._db.conn

    def _count_write(self, tx: database.Connection) -> Callable[[], None] | None:
        """Count the write inside its transaction; the vault records the count after it."""
        if not self._counting:
            return None
        count = rollback.bump_journal(tx)

        def committed() -> None:
            if self.on_committed is not None:
                self.on_committed(count)

        return committed

    def write_count(self) -> int | None:
        """How many writes this journal counted (None for one opened at an older format)."""
        return self._db.read("read the journal's state", rollback.journal_count)

    def writing(self, what: str) -> contextlib.AbstractContextManager[database.Connection]:
        """A write transaction, for the core modules that keep their own tables (link,
        exchange); a failure becomes one of our errors, and nothing is half-written.
        Refused (JournalEnded) once the relationship has ended."""
        return self._db.transaction(what)

    def read(self, what: str, reader: Callable[[database.Connection], _T]) -> _T:
        return self._db.read(what, reader)

    def integrity_problems(self) -> list[str]:
        return self._db.integrity_problems("check the journal")

    # -- the pair ------------------------------------------------------------------

    def pair(self) -> Pair:
        rows = self._db.rows(
            "read the pair",
            "SELECT uuid, display_name, my_role, program, start_date, cadence, language,"
            " created_at, ended_on FROM pair WHERE id = 1",
        )
        if not rows:
            raise journal_damaged()
        r = rows[0]
        profile = PairProfile(
            display_name=r[1],
            my_role=Role(r[2]),
            program=r[3],
            start_date=v.parse_date(r[4]),
            cadence=Cadence(r[5]),
            language=Language(r[6]),
        )
        return Pair(pair_id=r[0], profile=profile, created_at=r[7], ended_on=v.parse_date(r[8]))

    def ended_on(self) -> dt.date | None:
        """The day the relationship was ended, or None while it runs."""
        return v.parse_date(self._db.read("read the pair", _ended_on))

    def end(self, day: dt.date) -> None:
        """End the relationship on ``day``: from now on every write is refused
        (JournalEnded) until :meth:`reopen`; reading and exporting keep working."""
        ended = v.optional_date(day, "end date")
        if ended is None:
            raise InvalidInput("The end date must be a date written YYYY-MM-DD.")
        start = self.pair().profile.start_date
        if start is not None and ended < start:
            raise InvalidInput(
                f"The end date cannot be before the start date ({start.isoformat()})."
            )
        with self._db.transaction("end the relationship") as tx:
            tx.execute(
                "UPDATE pair SET ended_on = ?, updated_at = ? WHERE id = 1",
                (ended.isoformat(), utc_now()),
            )

    def reopen(self) -> None:
        """Undo :meth:`end`: the journal takes writes again (nothing was lost meanwhile)."""
        with self._db.transaction("reopen the relationship", while_ended=True) as tx:
            tx.execute("UPDATE pair SET ended_on = NULL, updated_at = ? WHERE id = 1", (utc_now(),))

    def update_profile(self, profile: PairProfile) -> None:
        p = _checked_profile(profile)
        with self._db.transaction("save the pair's details") as tx:
            tx.execute(
                "UPDATE pair SET display_name = ?, my_role = ?, program = ?, start_date = ?,"
                " cadence = ?, language = ?, updated_at = ? WHERE id = 1",
                (
                    p.display_name,
                    p.my_role.value,
                    p.program,
                    v.date_text(p.start_date),
                    p.cadence.value,
                    p.language.value,
                    utc_now(),
                ),
            )

    # -- sessions ------------------------------------------------------------------

    # an entry's status and days are its meeting's
    _SESSION_COLS = (
        "s.uuid, s.number, s.title, m.status, m.planned_date, m.held_date, s.template_id,"
        " s.snapshot_id, s.created_at, s.updated_at"
    )
    _SESSIONS = "sessions AS s JOIN meetings AS m ON m.number = s.number"

    def _snapshot(self, snapshot_id: int) -> dict[str, Any]:
        """A template snapshot (kept once per distinct document), parsed once.

        The dicts are shared between sessions: read them, never change them.
        """
        parsed = self._snapshots.get(snapshot_id)
        if parsed is None:
            rows = self._db.rows(
                "read the session's template",
                "SELECT document FROM snapshots WHERE id = ?",
                (snapshot_id,),
            )
            if not rows:
                raise journal_damaged()
            parsed = json.loads(rows[0][0])
            if len(self._snapshots) < MAX_CACHED_SNAPSHOTS:
                self._snapshots[snapshot_id] = parsed
        return parsed

    def _session(self, r: Sequence[Any]) -> Session:
        # positional and without helper calls: a thousand-entry list is built in this loop
        planned, held = r[4], r[5]
        return Session(
            r[0],
            r[1],
            r[2],
            _SESSION_STATUSES.get(r[3]) or SessionStatus(r[3]),
            _DATE(planned) if planned else None,
            _DATE(held) if held else None,
            r[6],
            self._snapshot(r[7]),
            r[8],
            r[9],
        )

    def add_session(
        self,
        template_id: str,
        template_snapshot: Mapping[str, Any],
        *,
        title: str = "",
        planned_date: dt.date | None = None,
        number: int | None = None,
    ) -> Session:
        """A new entry, made with a template, in meeting ``number`` (made if new), or in a
        new meeting after the last one.

        A meeting holds several entries made with different templates (the mentor's
        preparation, the notes, the leader's private reflection) but one per template.
        :meth:`meeting_for` says which meeting an entry joins by rule; the person may
        choose another. ``planned_date`` dates a new meeting; it never moves one.
        """
        template_id = v.short_text(template_id, "template id", required=True)
        snapshot = v.json_value(dict(template_snapshot), "template")
        title = v.short_text(title, "session title")
        planned = v.optional_date(planned_date, "planned date")
        uid, now = new_uuid(), utc_now()
        with self._db.transaction("create the session") as tx:
            if number is None:
                number = meetings.next_number(tx)
            elif not isinstance(number, int) or isinstance(number, bool) or number < 1:
                raise InvalidInput("A session number is a whole number from 1.")
            elif tx.execute(
                "SELECT 1 FROM sessions WHERE number = ? AND template_id = ?", (number, template_id)
            ).fetchone():
                raise InvalidInput(
                    f"Session {number} already has an entry made with this template."
                )
            insert_session(tx, uid, number, title, planned, template_id, snapshot, now)
        return self.session(uid)

    def session(self, uuid: str) -> Session:
        rows = self._db.rows(
            "read the session",
            f"SELECT {self._SESSION_COLS} FROM {self._SESSIONS} WHERE s.uuid = ?",
            (uuid,),
        )
        if not rows:
            raise NotFound("This session no longer exists.")
        return self._session(rows[0])

    def sessions(self, *, last: int | None = None) -> list[Session]:
        """Every entry in meeting order, or only the ``last`` most recent ones."""
        cached = self._all_sessions
        if cached is not None and self._listed_at == self._db.changes:
            return list(cached if last is None else cached[len(cached) - max(0, int(last)) :])
        if last is None:
            listed_at = self._db.changes
            rows = self._db.rows(
                "list the sessions",
                f"SELECT {self._SESSION_COLS} FROM {self._SESSIONS}"
                " ORDER BY s.number, s.created_at, s.rowid",
            )
            listed = tuple(self._session(r) for r in rows)
            self._all_sessions, self._listed_at = listed, listed_at
            self._lists.listed(self)
            return list(listed)
        else:
            rows = self._db.rows(
                "list the sessions",
                f"SELECT {self._SESSION_COLS} FROM {self._SESSIONS}"
                " ORDER BY s.number DESC, s.created_at DESC, s.rowid DESC LIMIT ?",
                (max(0, int(last)),),
            )[::-1]
        return [self._session(r) for r in rows]

    def update_session(self, session: Session) -> Session:
        """Save the entry's title, and its meeting's status and days (kept once for all
        the meeting's entries). The template snapshot never changes after creation."""
        title = v.short_text(session.title, "session title")
        meeting = Meeting(
            session.number, "", session.status, session.planned_date, session.held_date, "", ""
        )
        with self._db.transaction("save the session") as tx:
            cur = tx.execute(
                "UPDATE sessions SET title = ?, updated_at = ? WHERE uuid = ?",
                (title, utc_now(), session.uuid),
            )
            if cur.rowcount == 0:
                raise NotFound("This session no longer exists.")
            meetings.update(tx, meeting)
        return self.session(session.uuid)

    def next_planned_date(self, today: dt.date) -> dt.date | None:
        """The first planned, not yet held meeting from today on (one indexed query)."""
        rows = self._db.rows(
            "read the next session",
            "SELECT min(planned_date) FROM meetings WHERE planned_date >= ?"
            " AND status IN ('planned', 'prepared')",
            (v.date_text(today),),
        )
        return v.parse_date(rows[0][0])

    # -- meetings ----------------------------------------------------------------------

    def meetings(self) -> list[Meeting]:
        """Every meeting in order, those without entries yet included."""
        return self._db.read("list the sessions", meetings.all_meetings)

    def meeting(self, number: int) -> Meeting:
        return self._db.read("read the session", lambda conn: meetings.get(conn, number))

    def add_meeting(self, planned_date: dt.date | None = None) -> Meeting:
        """A meeting after the last one, planned for ``planned_date``, with no entry yet."""
        planned = v.optional_date(planned_date, "planned date")
        with self._db.transaction("plan the session") as tx:
            number = meetings.add(tx, planned)
        return self.meeting(number)

    def update_meeting(self, meeting: Meeting) -> Meeting:
        """Save a meeting's status and days. A held day needs a held (or reflected) status."""
        with self._db.transaction("save the session") as tx:
            meetings.update(tx, meeting)
        return self.meeting(meeting.number)

    def mark_meeting(self, number: int, status: SessionStatus, today: dt.date) -> Meeting:
        """Move a meeting to ``status``; marked held on ``today`` if no held day was set."""
        status = v.choice(status, SessionStatus, "session status")
        with self._db.transaction("save the session") as tx:
            meetings.update(tx, meetings.marked(meetings.get(tx, number), status, today))
        return self.meeting(number)

    def delete_meeting(self, number: int) -> None:
        """Delete a meeting that holds no entry (a planned one that will not happen)."""
        with self._db.transaction("delete the session") as tx:
            meetings.delete_empty(tx, number)

    def meeting_for(self, kind: EntryKind, template_id: str) -> int | None:
        """The meeting a new entry of this kind and template joins by rule (None: a new
        one); see :func:`meetings.meeting_for`."""
        kind = v.choice(kind, EntryKind, "entry kind")
        return self._db.read(
            "choose the session", lambda conn: meetings.meeting_for(conn, kind, template_id)
        )

    def move_entry(self, uuid: str, number: int) -> Session:
        """Move an entry to meeting ``number`` (made if new); its takeaways, actions and
        topics follow it. The meeting it leaves stays, even empty: delete it on purpose."""
        with self._db.transaction("move the entry") as tx:
            row = tx.execute("SELECT template_id FROM sessions WHERE uuid = ?", (uuid,)).fetchone()
            if row is None:
                raise NotFound("This session no longer exists.")
            if tx.execute(
                "SELECT 1 FROM sessions WHERE number = ? AND template_id = ? AND uuid != ?",
                (number, row[0], uuid),
            ).fetchone():
                raise InvalidInput(
                    f"Session {number} already has an entry made with this template."
                )
            now = utc_now()
            meetings.ensure(tx, number, None, now)
            tx.execute(
                "UPDATE sessions SET number = ?, updated_at = ? WHERE uuid = ?", (number, now, uuid)
            )
        return self.session(uuid)

    def charter(self) -> Charter:
        """What the latest charter entry set: how many meetings, how often, key days.

        Read once until the next write: every list refresh and every entry opened asks
        for it ("3 of 6"), and reading it scans the field values."""
        if self._charter is None or self._charter_at != self._db.changes:
            changes = self._db.changes
            self._charter = self._db.read("read the charter", planning.read_charter)
            self._charter_at = changes
        return self._charter

    def propose_next_date(self, today: dt.date) -> dt.date | None:
        """The day the next meeting falls on, from the cadence and the charter's days."""
        cadence = self.pair().profile.cadence
        return planning.propose_next(self.meetings(), cadence, self.charter(), today)

    def delete_session(self, uuid: str) -> None:
        """Deletes its field values; its takeaways, actions and topics stay, unattached."""
        with self._db.transaction("delete the session") as tx:
            if tx.execute("DELETE FROM sessions WHERE uuid = ?", (uuid,)).rowcount == 0:
                raise NotFound("This session no longer exists.")

    def session_backup(self, uuid: str) -> EntryBackup:
        """Everything an entry holds, for :meth:`restore_session` (an undo)."""

        def read(conn: database.Connection) -> EntryBackup:
            session = self.session(uuid)
            values = conn.execute(
                "SELECT field_key, value, updated_at FROM field_values WHERE session_uuid = ?"
                " ORDER BY rowid",
                (uuid,),
            ).fetchall()
            return EntryBackup(
                session,
                tuple((r[0], r[1], r[2]) for r in values),
                records.linked_to(conn, uuid),
                records.planned_for(conn, uuid),
            )

        return self._db.read("read the entry", read)

    def restore_session(self, backup: EntryBackup) -> Session:
        """Put a deleted entry back whole, under its own uuid, in its meeting (made again
        if it was deleted since); its items written in it link to it again."""
        s = backup.session
        snapshot = v.json_value(dict(s.template_snapshot), "template")
        with self._db.transaction("put the entry back") as tx:
            if tx.execute("SELECT 1 FROM sessions WHERE uuid = ?", (s.uuid,)).fetchone():
                raise InvalidInput("This entry is already in the journal.")
            if tx.execute(
                "SELECT 1 FROM sessions WHERE number = ? AND template_id = ?",
                (s.number, s.template_id),
            ).fetchone():
                raise InvalidInput(
                    f"Session {s.number} already has an entry made with this template."
                )
            insert_session(
                tx, s.uuid, s.number, s.title, None, s.template_id, snapshot, s.created_at
            )
            tx.execute("UPDATE sessions SET updated_at = ? WHERE uuid = ?", (s.updated_at, s.uuid))
            for key, value, updated in backup.values:
                tx.execute(
                    "INSERT INTO field_values (session_uuid, field_key, value, updated_at)"
                    " VALUES (?, ?, ?, ?)",
                    (s.uuid, key, value, updated),
                )
            records.relink(tx, s.uuid, backup.linked, backup.planned_topics)
        return self.session(s.uuid)

    # -- field values ----------------------------------------------------------------

    def _specs(self, conn: database.Connection, session_uuid: str) -> dict[str, FieldSpec]:
        row = conn.execute(
            "SELECT n.document FROM sessions AS s JOIN snapshots AS n ON n.id = s.snapshot_id"
            " WHERE s.uuid = ?",
            (session_uuid,),
        ).fetchone()
        if row is None:
            raise NotFound("This session no longer exists; the notes could not be saved.")
        return specs_from_snapshot(json.loads(row[0]))

    def set_fields(self, session_uuid: str, values: Mapping[str, Any]) -> None:
        """Save several fields of a session's form in one transaction.

        Each value is checked against its field's type in the session's own
        template snapshot; an empty value clears the field. Takeaway, action and
        topic fields take a list of items and update the pair's lists, so those
        stay the one source of truth.
        """
        now = utc_now()
        with self._db.transaction("save the session's notes") as tx:
            specs = self._specs(tx, session_uuid)
            my_role = Role(tx.execute("SELECT my_role FROM pair WHERE id = 1").fetchone()[0])
            for key, value in values.items():
                spec = specs.get(key)
                if spec is None:
                    raise InvalidInput(
                        f"The session's template has no field {key!r:.60}; nothing was saved."
                    )
                if spec.structured:
                    check_count(spec, value)
                    records.sync_items(
                        tx,
                        spec.type.value,
                        session_uuid,
                        key,
                        [] if value is None else value,
                        my_role,
                    )
                    continue
                stored = None if is_empty(value) else check_value(spec, value)
                if is_empty(stored):
                    tx.execute(
                        "DELETE FROM field_values WHERE session_uuid = ? AND field_key = ?",
                        (session_uuid, key),
                    )
                    continue
                tx.execute(
                    "INSERT INTO field_values (session_uuid, field_key, value, updated_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (session_uuid, field_key)"
                    " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    (session_uuid, key, v.json_value(stored, f"field {key!r}"), now),
                )
        logs.debug("saved %d field(s) of session %s", len(values), session_uuid)

    def set_field(self, session_uuid: str, key: str, value: Any) -> None:
        self.set_fields(session_uuid, {key: value})

    def fields(self, session_uuid: str) -> dict[str, Any]:
        """Every filled field of the session's form; structured fields as lists of items."""
        return self._db.read(
            "read the session's notes", lambda conn: self._fields(conn, session_uuid)
        )

    def _fields(self, conn: database.Connection, session_uuid: str) -> dict[str, Any]:
        specs = self._specs(conn, session_uuid)
        out: dict[str, Any] = {
            key: json.loads(value)
            for key, value in conn.execute(
                "SELECT field_key, value FROM field_values WHERE session_uuid = ?",
                (session_uuid,),
            )
        }
        for key, spec in specs.items():
            if spec.structured:
                items = self._items(conn, spec.type, session_uuid, key)
                if items:
                    out[key] = [records.item_to_dict(item) for item in items]
        return out

    def _items(
        self, conn: database.Connection, kind: FieldType, session_uuid: str, key: str
    ) -> Sequence[Takeaway | Action | Topic]:
        where = " WHERE session_uuid = ? AND field_key = ? ORDER BY created_at, rowid"
        if kind is FieldType.TAKEAWAYS:
            rows = conn.execute(
                f"SELECT {records.TAKEAWAY_COLS} FROM takeaways{where}", (session_uuid, key)
            )
            return [records.takeaway_from_row(r) for r in rows]
        if kind is FieldType.ACTIONS:
            rows = conn.execute(
                f"SELECT {records.ACTION_COLS} FROM actions{where}", (session_uuid, key)
            )
            return [records.action_from_row(r) for r in rows]
        rows = conn.execute(f"SELECT {records.TOPIC_COLS} FROM topics{where}", (session_uuid, key))
        return [records.topic_from_row(r) for r in rows]

    def missing_required(
        self, session_uuid: str, values: Mapping[str, Any] | None = None
    ) -> list[str]:
        """Keys of the required fields (the form's ``*``) still empty, in the form's order.

        The session editor names them when a session is marked held or reflected: the
        mark promises notes the form asked for. Text of spaces only counts as empty.
        ``values``: what :meth:`fields` just returned, so opening a session reads it once."""
        if values is None:
            values = self.fields(session_uuid)
        specs = self._db.read("read the session", lambda conn: self._specs(conn, session_uuid))
        return [k for k, spec in specs.items() if spec.required and _blank(values.get(k))]

    # -- takeaways -------------------------------------------------------------------

    def add_takeaway(
        self,
        text: str,
        proposed_by: Role,
        *,
        session_uuid: str | None = None,
        status: TakeawayStatus = TakeawayStatus.PRIVATE,
        attribution: Attribution = Attribution.ANONYMOUS,
        agreed_on: dt.date | None = None,
    ) -> Takeaway:
        draft = Takeaway(
            "", session_uuid, text, proposed_by, status, agreed_on, attribution, False, "", ""
        )
        with self._db.transaction("save the takeaway") as tx:
            uid = records.insert_takeaway(tx, draft)
        return self.takeaway(uid)

    def takeaway(self, uuid: str) -> Takeaway:
        return self._db.read("read the takeaway", lambda conn: records.get_takeaway(conn, uuid))

    def takeaways(
        self, *, status: TakeawayStatus | None = None, session_uuid: str | None = None
    ) -> list[Takeaway]:
        where, params = _filters(status=status, session_uuid=session_uuid)
        rows = self._db.rows(
            "list the takeaways",
            f"SELECT {records.TAKEAWAY_COLS} FROM takeaways{where} ORDER BY created_at, rowid",
            params,
        )
        return [records.takeaway_from_row(r) for r in rows]

    def update_takeaway(self, takeaway: Takeaway) -> Takeaway:
        """Save a takeaway (editing an agreed one's words reopens it as proposed)."""
        with self._db.transaction("save the takeaway") as tx:
            records.update_takeaway(tx, takeaway)
        return self.takeaway(takeaway.uuid)

    def delete_takeaway(self, uuid: str) -> None:
        with self._db.transaction("delete the takeaway") as tx:
            records.delete_takeaway(tx, uuid)

    def restore_takeaway(self, takeaway: Takeaway) -> Takeaway:
        """Put a takeaway back exactly as it was read (an undo of its deletion or edit)."""
        with self._db.transaction("put the takeaway back") as tx:
            records.restore_takeaway(tx, takeaway)
        return self.takeaway(takeaway.uuid)

    # -- actions ---------------------------------------------------------------------

    def add_action(
        self,
        text: str,
        owner: Owner,
        *,
        session_uuid: str | None = None,
        due_date: dt.date | None = None,
        carried_from: str | None = None,
    ) -> Action:
        draft = Action("", session_uuid, text, owner, due_date, None, carried_from, "", "")
        with self._db.transaction("save the action") as tx:
            uid = records.insert_action(tx, draft)
        return self.action(uid)

    def action(self, uuid: str) -> Action:
        return self._db.read("read the action", lambda conn: records.get_action(conn, uuid))

    def actions(self, *, session_uuid: str | None = None, open_only: bool = False) -> list[Action]:
        where, params = _filters(session_uuid=session_uuid)
        if open_only:
            where += (" AND" if where else " WHERE") + " done_date IS NULL"
        rows = self._db.rows(
            "list the actions",
            f"SELECT {records.ACTION_COLS} FROM actions{where} ORDER BY created_at, rowid",
            params,
        )
        return [records.action_from_row(r) for r in rows]

    def update_action(self, action: Action) -> Action:
        with self._db.transaction("save the action") as tx:
            records.update_action(tx, action)
        return self.action(action.uuid)

    def delete_action(self, uuid: str) -> None:
        with self._db.transaction("delete the action") as tx:
            records.delete_action(tx, uuid)

    def restore_action(self, action: Action) -> Action:
        """Put an action back exactly as it was read (an undo of its deletion or edit)."""
        with self._db.transaction("put the action back") as tx:
            records.restore_action(tx, action)
        return self.action(action.uuid)

    _CARRIED = (
        " FROM actions AS a JOIN sessions AS s ON s.uuid = a.session_uuid"
        " WHERE a.done_date IS NULL AND a.dropped_on IS NULL"
        " AND s.number < (SELECT number FROM sessions WHERE uuid = ?)"
    )

    def carried_actions(
        self, session_uuid: str, *, newest: int | None = None
    ) -> list[CarriedAction]:
        """Open actions of earlier sessions, shown in this session's form (oldest first;
        only the ``newest`` most recent ones if given).

        Computed, not copied: marking one done here marks the same action done
        everywhere, and the list of actions stays the one source of truth.
        """
        cols = ", ".join(f"a.{c.strip()}" for c in records.ACTION_COLS.split(","))
        order = " ORDER BY s.number DESC, a.created_at DESC, a.rowid DESC LIMIT ?"
        params: tuple[Any, ...] = (session_uuid, -1 if newest is None else max(0, newest))
        rows = self._db.rows(
            "list the actions carried over",
            f"SELECT {cols}, s.number{self._CARRIED}{order}",
            params,
        )[::-1]
        return [CarriedAction(records.action_from_row(r[:-1]), int(r[-1])) for r in rows]

    def count_carried_actions(self, session_uuid: str) -> int:
        rows = self._db.rows(
            "count the actions carried over", f"SELECT count(*){self._CARRIED}", (session_uuid,)
        )
        return int(rows[0][0])

    def commitments(self, today: dt.date | None = None) -> Commitments:
        """Kept, dropped and open actions of the pair, and how many open ones are late."""
        day = v.date_text(today or dt.date.today())
        row = self._db.rows(
            "count the commitments",
            "SELECT count(done_date), count(dropped_on),"
            " sum(done_date IS NULL AND dropped_on IS NULL),"
            " sum(done_date IS NULL AND dropped_on IS NULL AND due_date < ?)"
            " FROM actions",
            (day,),
        )[0]
        return Commitments(kept=row[0], dropped=row[1], open=row[2] or 0, overdue=row[3] or 0)

    # -- topics ----------------------------------------------------------------------

    def add_topic(
        self,
        title: str,
        *,
        why: str = "",
        questions: Sequence[str] = (),
        resources: Sequence[str] = (),
        status: TopicStatus = TopicStatus.IDEA,
        planned_session_uuid: str | None = None,
    ) -> Topic:
        draft = Topic(
            "", title, why, list(questions), list(resources), status, planned_session_uuid
        )
        with self._db.transaction("save the topic") as tx:
            uid = records.insert_topic(tx, draft)
        return self.topic(uid)

    def topic(self, uuid: str) -> Topic:
        return self._db.read("read the topic", lambda conn: records.get_topic(conn, uuid))

    def topics(self, *, status: TopicStatus | None = None) -> list[Topic]:
        where, params = _filters(status=status)
        rows = self._db.rows(
            "list the topics",
            f"SELECT {records.TOPIC_COLS} FROM topics{where} ORDER BY created_at, rowid",
            params,
        )
        return [records.topic_from_row(r) for r in rows]

    def update_topic(self, topic: Topic) -> Topic:
        with self._db.transaction("save the topic") as tx:
            records.update_topic(tx, topic)
        return self.topic(topic.uuid)

    def delete_topic(self, uuid: str) -> None:
        with self._db.transaction("delete the topic") as tx:
            records.delete_topic(tx, uuid)

    def restore_topic(self, topic: Topic) -> Topic:
        """Put a topic back exactly as it was read (an undo of its deletion or edit)."""
        with self._db.transaction("put the topic back") as tx:
            records.restore_topic(tx, topic)
        return self.topic(topic.uuid)

    def journey(self) -> list[JourneyPoint]:
        """The meetings in order, each with the agreed takeaways and kept commitments
        accumulated by its day: the cumulative effect, as data for a picture."""
        themes: dict[int, str] = {}
        for session in self.sessions():
            if session.title and session.number not in themes:
                themes[session.number] = session.title
        agreed = sorted(
            t.agreed_on for t in self.takeaways(status=TakeawayStatus.AGREED) if t.agreed_on
        )
        kept = sorted(a.done_date for a in self.actions() if a.done_date)
        points = []
        for meeting in self.meetings():
            day = meeting.day  # when it was held, else when it is planned
            points.append(
                JourneyPoint(
                    number=meeting.number,
                    day=day,
                    theme=themes.get(meeting.number, ""),
                    held=meeting.held,
                    agreed_takeaways=sum(1 for d in agreed if day is None or d <= day),
                    kept_commitments=sum(1 for d in kept if day is None or d <= day),
                )
            )
        return points

    def plan_topic(self, topic_uuid: str, session_uuid: str | None) -> Topic:
        """Plan a backlog topic for a session (None puts it back among the ideas)."""
        topic = self.topic(topic_uuid)
        if session_uuid is not None:
            self.session(session_uuid)  # NotFound if the session is gone
        status = TopicStatus.PLANNED if session_uuid else TopicStatus.IDEA
        return self.update_topic(
            dataclasses.replace(topic, status=status, planned_session_uuid=session_uuid)
        )

    def planned_topics(self, session_uuid: str) -> list[Topic]:
        """Topics planned for this session: its preparation shows them."""
        rows = self._db.rows(
            "list the planned topics",
            f"SELECT {records.TOPIC_COLS} FROM topics WHERE planned_session_uuid = ?"
            " ORDER BY created_at, rowid",
            (session_uuid,),
        )
        return [records.topic_from_row(r) for r in rows]

    # -- received from the partner ---------------------------------------------------------

    def agendas(self, number: int | None = None) -> list[Agenda]:
        """Agendas the partner sent (core.exchange), by session; one session's if asked."""
        where, params = ("", ()) if number is None else (" WHERE number = ?", (number,))
        rows = self._db.rows(
            "read the agendas",
            f"SELECT uuid, number, title, points, talking_points FROM agendas{where}"
            " ORDER BY number, created_at",
            params,
        )
        return [
            Agenda(r[0], r[1], r[2], tuple(json.loads(r[3])), tuple(json.loads(r[4]))) for r in rows
        ]

    # -- sharing log -------------------------------------------------------------------

    _SHARING_COLS = (
        "uuid, created_at, kind, summary, file_name, fingerprint, item_count, file_sha256"
    )

    def record_sharing(
        self,
        kind: str,
        summary: str,
        file_name: str,
        fingerprint: str,
        item_count: int,
        file_sha256: str = "",
    ) -> SharingRecord:
        """Append to the sharing log: what left the device, when, and its fingerprint.

        Taken by an ended journal too: its summary can still be exported, and what
        leaves the device is always recorded."""
        with self._db.transaction("record the export", while_ended=True) as tx:
            return self.log_sharing(
                tx, kind, summary, file_name, fingerprint, item_count, file_sha256
            )

    def log_sharing(
        self,
        tx: database.Connection,
        kind: str,
        summary: str,
        file_name: str,
        fingerprint: str,
        item_count: int,
        file_sha256: str = "",
    ) -> SharingRecord:
        """The same, inside the caller's transaction (an import records itself with it)."""
        uid, now = new_uuid(), utc_now()
        values = (
            v.short_text(kind, "export kind", required=True),
            v.text(summary, "export summary"),
            v.text(file_name, "file name", max_len=4096),
            v.short_text(fingerprint, "fingerprint", required=True),
            int(item_count),
            v.short_text(file_sha256, "file checksum"),
        )
        tx.execute(
            f"INSERT INTO sharing_log ({self._SHARING_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, now, *values),
        )
        return SharingRecord(uid, now, *values)

    def sharing_log(self) -> list[SharingRecord]:
        rows = self._db.rows(
            "read the sharing log",
            f"SELECT {self._SHARING_COLS} FROM sharing_log ORDER BY created_at, rowid",
        )
        return [SharingRecord(*r) for r in rows]

    # -- search ------------------------------------------------------------------------

    def search(self, text: str, *, pair_id: str = "", limit: int = 50) -> list[SearchHit]:
        """Ranked matches with a snippet around the matched words (see ``fts_query``)."""
        query = fts_query(text)
        if query is None:
            return []
        # bm25 ranking costs ~13 µs per match here: fine for a rare word, a stall for
        # a word in every session. Past RANK_LIMIT matches, the newest come first.
        count = self._db.rows(
            "search the journal",
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
            (query,),
        )[0][0]
        if count == 0:
            return []  # most journals, for a rare word: one index lookup, not two
        select = (
            "SELECT d.kind, d.ref_uuid, d.session_uuid, d.field_key,"
            " snippet(search_fts, 0, ?, ?, '…', 16), {rank}, search_fts.rowid"
            " FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid"
            " WHERE search_fts MATCH ? {where}"
        )
        marks = (HIGHLIGHT_START, HIGHLIGHT_END)
        if count <= RANK_LIMIT:
            rows = self._db.rows(
                "search the journal",
                select.format(rank="search_fts.rank", where="ORDER BY search_fts.rank LIMIT ?"),
                (*marks, query, int(limit)),
            )
        else:
            newest = self._newest_matches(query, int(limit))
            # every match from the oldest of those on is one of them: read them in
            # ascending order (streamed), newest first afterwards
            rows = self._db.rows(
                "search the journal",
                select.format(
                    rank="0.0", where="AND search_fts.rowid >= ? ORDER BY search_fts.rowid"
                ),
                (*marks, query, newest[0] if newest else 0),
            )[::-1][: int(limit)]
        return [
            SearchHit(
                pair_id=pair_id,
                kind=r[0],
                ref_uuid=r[1],
                session_uuid=r[2],
                field_key=r[3],
                snippet=r[4],
                rank=float(r[5]),
            )
            for r in rows
        ]

    def _newest_matches(self, query: str, limit: int) -> list[int]:
        """The rowids of the ``limit`` newest matches, without sorting them all.

        FTS5 answers a prefix query in descending rowid order by building the
        whole merged list first (1.3 s for a word in 65,000 of 150,000 entries);
        in ascending order from a lower bound it streams. So: look at the newest
        entries first, widening the window until it holds enough matches.
        """
        top = self._db.rows("search the journal", "SELECT max(id) FROM search_docs")[0][0] or 0
        window = max(20 * limit, NEWEST_FIRST_WINDOW)
        while True:
            low = top - window
            ids = [
                r[0]
                for r in self._db.rows(
                    "search the journal",
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid > ?"
                    " ORDER BY rowid",
                    (query, low),
                )
            ]
            if len(ids) >= limit or low <= 0:
                return ids[-limit:]
            window *= 8


def insert_session(
    tx: database.Connection,
    uid: str,
    number: int,
    title: str,
    planned: dt.date | None,
    template_id: str,
    snapshot: str,
    now: str,
) -> None:
    """One entry of meeting ``number``, made if new and then planned for ``planned``
    (inside the caller's transaction); its template's document is stored once however
    many entries share it."""
    meetings.ensure(tx, number, planned, now)
    tx.execute("INSERT OR IGNORE INTO snapshots (document) VALUES (?)", (snapshot,))
    snapshot_id = tx.execute("SELECT id FROM snapshots WHERE document = ?", (snapshot,)).fetchone()[
        0
    ]
    tx.execute(
        "INSERT INTO sessions (uuid, number, title, status, template_id, snapshot_id,"
        " created_at, updated_at, template_snapshot) VALUES (?, ?, ?, 'planned', ?, ?, ?, ?, '{}')",
        (uid, number, title, template_id, snapshot_id, now, now),
    )


def _blank(value: Any) -> bool:
    return is_empty(value) or (isinstance(value, str) and not value.strip())


def fill_session_days(
    tx: database.Connection, uid: str, planned: dt.date | None, held: dt.date | None
) -> None:
    """Give an entry's meeting the days it does not know yet (the partner's)."""
    meetings.fill_days(tx, _number_of(tx, uid), planned, held)


def set_session_days(
    tx: database.Connection, uid: str, planned: dt.date | None, held: dt.date | None, now: str
) -> None:
    """An entry's meeting's days replaced by the partner's (the person chose theirs)."""
    meetings.set_days(tx, _number_of(tx, uid), planned, held, now)


def _number_of(tx: database.Connection, uid: str) -> int:
    row = tx.execute("SELECT number FROM sessions WHERE uuid = ?", (uid,)).fetchone()
    if row is None:
        raise NotFound("This session no longer exists.")
    return int(row[0])


def _filters(**conditions: Any) -> tuple[str, list[Any]]:
    parts, params = [], []
    for column, value in conditions.items():
        if value is not None:
            parts.append(f"{column} = ?")
            params.append(value.value if hasattr(value, "value") else value)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _checked_profile(profile: PairProfile) -> PairProfile:
    return dataclasses.replace(
        profile,
        display_name=v.short_text(profile.display_name, "partner's name or alias", required=True),
        my_role=v.choice(profile.my_role, Role, "role"),
        program=v.short_text(profile.program, "program name"),
        start_date=v.optional_date(profile.start_date, "start date"),
        cadence=v.choice(profile.cadence, Cadence, "cadence"),
        language=v.choice(profile.language, Language, "language"),
    )
