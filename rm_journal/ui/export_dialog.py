"""The export dialog: choose, read exactly what will leave, then save the PDF.

The preview is ``PreparedSummary.preview()``: the same paragraphs the PDF is
rendered from, redrawn on every change of an option. Rendering, encryption and
the atomic write run in the background; the sharing log is written back on the
GUI thread once the file is safely on disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.core.exchange.identity import Identity
from rm_journal.core.journal.store import Journal
from rm_journal.core.models import Role, Session
from rm_journal.core.storage.fsutil import atomic_write
from rm_journal.export import summary
from rm_journal.export.selection import short
from rm_journal.export.summary_pdf import format_date, generate_password, has_rtl, undrawable
from rm_journal.templates.schema import session_template
from rm_journal.ui.date_field import DateField, date_locale
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe
from rm_journal.ui.tasks import TaskRunner

MIN_PASSWORD = 12
ALL, DATES, CHOSEN = range(3)


def _fill(text: str, *values: object) -> str:
    """Qt's %1, %2 placeholders (translations may reorder them)."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def _day(session: Session) -> dt.date | None:
    return session.held_date or session.planned_date


class ExportDialog(QDialog):
    summary_exported = Signal(object)  # the SharingRecord, once the file is on disk

    def __init__(
        self,
        journal: Journal,
        language: str,
        dialogs: Dialogs,
        tasks: TaskRunner,
        copy_text: Callable[[str], None],
        parent: QWidget | None = None,
        signer: Identity | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal, self.language, self.dialogs, self.tasks = journal, language, dialogs, tasks
        self.signer = signer  # a linked pair's summary carries this member's signature
        self.copy_text = copy_text
        self.prepared: summary.PreparedSummary | None = None
        self.sessions = journal.sessions()
        profile = journal.pair().profile
        self.setWindowTitle(self.tr("Export the shared summary"))
        self.resize(1080, 720)

        options = QWidget(self)
        form = QFormLayout(options)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        intro = QLabel(
            self.tr(
                "Only the takeaways you both agreed on, and the actions of the sessions you "
                "hold together, go into the summary. Notes, reflections, preparation and "
                "proposals never do."
            ),
            options,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.scope = QComboBox(options)
        self.scope.addItems(
            [
                self.tr("All sessions"),
                self.tr("Sessions between two dates"),
                self.tr("Chosen sessions"),
            ]
        )
        form.addRow(self.tr("Sessions"), self.scope)
        days = [d for s in self.sessions if (d := _day(s))] or [dt.date.today()]
        locale = date_locale(language)
        self.date_from = DateField(self.tr("From"), locale, options, self.tr("The first session"))
        self.date_to = DateField(self.tr("To"), locale, options, self.tr("The last session"))
        self.dates_row = QWidget(options)
        dates = QFormLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        for label, edit, day in (
            (self.tr("From"), self.date_from, min(days)),
            (self.tr("To"), self.date_to, max(days)),
        ):
            edit.set_value(day)
            dates.addRow(label, edit)
        form.addRow("", self.dates_row)
        self.session_list = QListWidget(options)
        self.session_list.setAccessibleName(self.tr("Sessions to include"))
        for session in self.sessions:
            when = _day(session)
            name = session_template(session).name.get(language)
            label = " · ".join(
                x
                for x in (str(session.number), format_date(when, language) if when else "", name)
                if x
            )
            item = QListWidgetItem(label, self.session_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, session.uuid)
        form.addRow("", self.session_list)

        self.names = QGroupBox(self.tr("Print names or aliases"), options)
        self.names.setCheckable(True)
        self.names.setChecked(False)
        names_form = QFormLayout(self.names)
        self.leader_name, self.mentor_name = QLineEdit(self.names), QLineEdit(self.names)
        partner = self.mentor_name if profile.my_role is Role.LEADER else self.leader_name
        partner.setText(profile.display_name)
        names_form.addRow(self.tr("Leader"), self.leader_name)
        names_form.addRow(self.tr("Mentor"), self.mentor_name)
        form.addRow(self.names)

        self.pdf_language = QComboBox(options)
        self.pdf_language.addItem("English", "en")
        self.pdf_language.addItem("Français", "fr")
        self.pdf_language.setCurrentIndex(self.pdf_language.findData(profile.language.value))
        form.addRow(self.tr("Language of the PDF"), self.pdf_language)
        self.program = QCheckBox(_fill(self.tr("Program: %1"), profile.program), options)
        self.program.setChecked(bool(profile.program))
        self.program.setVisible(bool(profile.program))
        form.addRow("", self.program)
        self.signatures = QCheckBox(self.tr("Signature lines for both of us"), options)
        self.signatures.setChecked(True)
        form.addRow("", self.signatures)

        self.protect = QGroupBox(self.tr("Protect with a password (AES-256)"), options)
        self.protect.setCheckable(True)
        self.protect.setChecked(True)
        protect = QVBoxLayout(self.protect)
        row = QHBoxLayout()
        self.password = QLineEdit(generate_password(), self.protect)
        self.password.setAccessibleName(self.tr("PDF password"))
        self.password.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        copy = QPushButton(self.tr("Copy"), self.protect)
        copy.clicked.connect(lambda: self.copy_text(self.password.text()))
        fresh = QPushButton(self.tr("New"), self.protect)
        fresh.setToolTip(self.tr("Generate another password"))
        fresh.clicked.connect(lambda: self.password.setText(generate_password()))
        row.addWidget(self.password, 1)
        row.addWidget(copy)
        row.addWidget(fresh)
        protect.addLayout(row)
        hint = QLabel(
            self.tr(
                "Give the password to your partner another way than the file: say it, or "
                "send it separately. It is not kept anywhere."
            ),
            self.protect,
        )
        hint.setWordWrap(True)
        protect.addWidget(hint)
        form.addRow(self.protect)

        preview_side = QWidget(self)
        pv = QVBoxLayout(preview_side)
        pv.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Exactly what will leave this computer"), preview_side)
        heading.setObjectName("sectionTitle")
        pv.addWidget(heading)
        self.preview = QPlainTextEdit(preview_side)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the shared summary"))
        pv.addWidget(self.preview, 1)
        self.status = QLabel(preview_side)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        pv.addWidget(self.status)

        splitter = QSplitter(self)
        splitter.addWidget(options)
        splitter.addWidget(preview_side)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 640])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            self.scope.currentIndexChanged,
            self.date_from.date_changed,
            self.date_to.date_changed,
            self.date_from.date_refused,
            self.date_to.date_refused,
            self.session_list.itemChanged,
            self.names.toggled,
            self.leader_name.textChanged,
            self.mentor_name.textChanged,
            self.pdf_language.currentIndexChanged,
            self.program.toggled,
            self.signatures.toggled,
            self.protect.toggled,
            self.password.textChanged,
        ):
            signal.connect(self._timer.start)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()
        self.refresh()

    # -- choices --------------------------------------------------------------------------

    def _scope_changed(self) -> None:
        self.dates_row.setVisible(self.scope.currentIndex() == DATES)
        self.session_list.setVisible(self.scope.currentIndex() == CHOSEN)

    def request(self) -> summary.SummaryRequest:
        scope = self.scope.currentIndex()
        chosen = None
        if scope == CHOSEN:
            chosen = tuple(
                str(item.data(Qt.ItemDataRole.UserRole))
                for i in range(self.session_list.count())
                if (item := self.session_list.item(i)).checkState() == Qt.CheckState.Checked
            )
        named = self.names.isChecked()
        return summary.SummaryRequest(
            session_uuids=chosen,
            date_from=self.date_from.value() if scope == DATES else None,
            date_to=self.date_to.value() if scope == DATES else None,
            language=str(self.pdf_language.currentData()),
            leader_name=self.leader_name.text() if named else "",
            mentor_name=self.mentor_name.text() if named else "",
            include_program=self.program.isChecked(),
            signatures=self.signatures.isChecked(),
        )

    def chosen_password(self) -> str | None:
        return self.password.text().strip() if self.protect.isChecked() else None

    def refresh(self) -> None:
        """Prepare the summary again from the options and show what it holds."""
        self._timer.stop()
        try:
            self.prepared = summary.prepare(self.journal, self.request(), self.signer)
        except RmJournalError as exc:
            self.prepared = None
            self.preview.clear()
            self._set_status(describe(exc), ready=False)
            return
        self.preview.setPlainText(self.prepared.preview())
        count = self.prepared.item_count
        password = self.chosen_password()
        if self.scope.currentIndex() == DATES and (
            self.date_from.refused() or self.date_to.refused()
        ):
            self._set_status(
                self.tr("A date above is not accepted: correct it, or empty it for no limit."),
                ready=False,
            )
        elif count == 0:
            self._set_status(
                self.tr(
                    "No agreed takeaway or shared action in these sessions: nothing to export."
                ),
                ready=False,
            )
        elif password is not None and len(password) < MIN_PASSWORD:
            self._set_status(
                _fill(
                    self.tr("The password needs at least %1 characters; or use “New”."),
                    MIN_PASSWORD,
                ),
                ready=False,
            )
        else:
            lines = [
                _fill(
                    self.tr("Agreed items: %1 · fingerprint %2"),
                    count,
                    short(self.prepared.fingerprint),
                )
            ]
            missing = undrawable(self.prepared.texts)
            if missing:
                lines.append(
                    _fill(
                        self.tr(
                            "These characters cannot be drawn by the PDF's font and will "
                            "show as empty boxes: %1"
                        ),
                        " ".join(missing[:20]),
                    )
                )
            if has_rtl(self.prepared.texts):
                lines.append(
                    self.tr(
                        "Right-to-left text (Arabic, Hebrew) will be printed in typing "
                        "order, not shaped."
                    )
                )
            self._set_status("\n".join(lines), ready=True)

    def _set_status(self, text: str, *, ready: bool) -> None:
        self.status.setText(text)
        self.save_button.setEnabled(ready)

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        self.refresh()
        prepared, password = self.prepared, self.chosen_password()
        if prepared is None or not self.save_button.isEnabled():
            return
        chosen = self.dialogs.save_file(
            self,
            self.tr("Save the shared summary"),
            summary.default_file_name(prepared.options.language),
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen is None:
            return
        path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        self._busy(True)

        def work() -> bytes:
            data = summary.encode(prepared, password)
            atomic_write(path, data)
            return data

        self.tasks.run(
            work, lambda data: self._written(prepared, path, data, password), self._failed
        )

    def _written(
        self, prepared: summary.PreparedSummary, path: Path, data: bytes, password: str | None
    ) -> None:
        self._busy(False)
        description = _fill(
            self.tr("Shared summary (PDF) · agreed items: %1 · sessions: %2"),
            prepared.item_count,
            len(prepared.selection.sessions),
        )
        if password:
            description += " · " + self.tr("password-protected")
        try:
            record = summary.record(
                self.journal,
                prepared,
                path,
                data,
                encrypted=bool(password),
                description=description,
            )
        except RmJournalError as exc:
            self.dialogs.error(
                self,
                self.tr("Saved, but not recorded"),
                _fill(
                    self.tr("The PDF was saved, but the sharing log could not record it: %1"),
                    describe(exc),
                ),
            )
            return
        self.summary_exported.emit(record)
        reminder = (
            self.tr("Remember to give your partner the password separately.") if password else ""
        )
        self.dialogs.info(
            self,
            self.tr("Summary saved"),
            (
                _fill(
                    self.tr(
                        "Saved as %1. Its fingerprint, %2, is printed on every page and kept in "
                        "the sharing log, so you can both check you hold the same summary."
                    ),
                    path.name,
                    short(prepared.fingerprint),
                )
                + (" " + reminder if reminder else "")
            ),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.dialogs.error(self, self.tr("Summary not saved"), describe(exc))

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save PDF…"))
