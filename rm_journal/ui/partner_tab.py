"""The Exchange tab: the pair's link with the partner's computer, and the files that
cross between them (written here, carried by the person, imported there)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import RmJournalError
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe

if TYPE_CHECKING:
    from rm_journal.core.vault import Vault
    from rm_journal.export.exchange import Incoming


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class PartnerTab(QWidget):
    exchanged = Signal()  # a file was written or imported: the lists and the log changed

    def __init__(
        self, dialogs: Dialogs, copy_text: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.dialogs, self.copy_text = dialogs, copy_text
        self.vault: Vault | None = None
        self.pair_id: str | None = None
        self.import_dialog: ImportDialog | None = None
        layout = QVBoxLayout(self)

        link_box = QGroupBox(self.tr("Link with your partner's computer"), self)
        link_layout = QVBoxLayout(link_box)
        self.link_status = _wrapped("", link_box)
        self.number = QLabel(link_box)
        self.number.setAccessibleName(self.tr("Safety number"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.DemiBold)
        self.number.setFont(mono)
        self.number.setWordWrap(True)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mine = QHBoxLayout()  # my block, then my partner's: two rows, so translations fit
        self.copy_button = QPushButton(self.tr("Copy my pairing block"), link_box)
        self.copy_button.clicked.connect(self.copy_block)
        self.save_button = QPushButton(self.tr("Save my pairing block…"), link_box)
        self.save_button.clicked.connect(self.save_block)
        mine.addWidget(self.copy_button)
        mine.addWidget(self.save_button)
        mine.addStretch(1)
        theirs = QHBoxLayout()
        self.paste_button = QPushButton(self.tr("Paste my partner's block…"), link_box)
        self.paste_button.clicked.connect(self.paste_block)
        self.confirm_button = QPushButton(self.tr("The numbers match"), link_box)
        self.confirm_button.clicked.connect(self.confirm)
        self.unlink_button = QPushButton(self.tr("Unlink…"), link_box)
        self.unlink_button.clicked.connect(self.unlink)
        theirs.addWidget(self.paste_button)
        theirs.addWidget(self.confirm_button)
        theirs.addStretch(1)
        theirs.addWidget(self.unlink_button)
        self.confirm_button.hide()  # shown by refresh() when there is a number to confirm
        self.unlink_button.hide()
        link_layout.addWidget(self.link_status)
        link_layout.addWidget(self.number)
        link_layout.addLayout(mine)
        link_layout.addLayout(theirs)
        layout.addWidget(link_box)

        self.send_box = QGroupBox(self.tr("Send to your partner"), self)
        send_layout = QVBoxLayout(self.send_box)
        send_layout.addWidget(
            _wrapped(
                self.tr(
                    "Choose what goes into the file. It is encrypted for your partner's "
                    "computer alone and signed by yours; carry it as you like (mail, USB "
                    "stick). Nothing private is ever included."
                ),
                self.send_box,
            )
        )
        agenda_row = QHBoxLayout()
        self.agenda = QCheckBox(self.tr("The agenda of"), self.send_box)
        self.agenda_session = QComboBox(self.send_box)
        self.agenda_session.setAccessibleName(self.tr("Session of the agenda"))
        agenda_row.addWidget(self.agenda)
        agenda_row.addWidget(self.agenda_session)
        agenda_row.addStretch(1)
        send_layout.addLayout(agenda_row)
        self.topics = QCheckBox(self.tr("My topic backlog"), self.send_box)
        self.takeaways = QCheckBox(self.tr("Takeaways proposed or agreed"), self.send_box)
        # not `self.actions`, which would hide QWidget.actions()
        self.actions_box = QCheckBox(
            self.tr("Actions for my partner or for both of us"), self.send_box
        )
        self.signature = QCheckBox(
            self.tr("My signature of the shared summary (what we both agreed)"), self.send_box
        )
        for box in (self.topics, self.takeaways, self.actions_box, self.signature):
            send_layout.addWidget(box)
        self.takeaways.setChecked(True)
        write_row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("Write the exchange file…"), self.send_box)
        self.write_button.clicked.connect(self.write_file)
        write_row.addWidget(self.write_button)
        write_row.addStretch(1)
        send_layout.addLayout(write_row)
        layout.addWidget(self.send_box)

        self.receive_box = QGroupBox(self.tr("Receive from your partner"), self)
        receive_layout = QVBoxLayout(self.receive_box)
        import_row = QHBoxLayout()
        self.import_button = QPushButton(
            self.tr("Import a file from my partner…"), self.receive_box
        )
        self.import_button.clicked.connect(self.import_file)
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        receive_layout.addLayout(import_row)
        receive_layout.addWidget(QLabel(self.tr("Agendas from your partner"), self.receive_box))
        self.agendas = QPlainTextEdit(self.receive_box)
        self.agendas.setReadOnly(True)
        self.agendas.setAccessibleName(self.tr("Agendas from your partner"))
        receive_layout.addWidget(self.agendas)
        layout.addWidget(self.receive_box, 1)

    # -- state ---------------------------------------------------------------------------

    def show_pair(self, vault: Vault | None, pair_id: str | None) -> None:
        self.vault, self.pair_id = vault, pair_id
        self.refresh()

    def clear(self) -> None:
        """Forget the vault and everything shown (the journal locks)."""
        if self.import_dialog is not None:
            self.import_dialog.reject()
            self.import_dialog.deleteLater()
            self.import_dialog = None
        self.vault = self.pair_id = None
        self.agendas.clear()
        self.number.clear()
        self.link_status.clear()
        self.agenda_session.clear()

    def refresh(self) -> None:
        from rm_journal.core.exchange import link

        if self.vault is None or self.pair_id is None:
            return
        try:
            journal = self.vault.journal(self.pair_id)
            me = self.vault.identity()
            current = link.current(journal)
            number = link.safety_number(journal, me) if current is not None else None
            agendas = journal.agendas()
            sessions = journal.sessions()
        except RmJournalError as exc:
            self.link_status.setText(describe(exc))
            return
        confirmed = current is not None and current.confirmed
        if confirmed:
            self.link_status.setText(
                self.tr(
                    "Linked with your partner's computer. Files you write can be opened only "
                    "there, and only files signed there are imported here. Safety number:"
                )
            )
        elif number:
            self.link_status.setText(
                self.tr(
                    "Compare this safety number with the one on your partner's screen, digit "
                    "by digit, in person or on a call you trust. If every digit is the same, "
                    "confirm. If not, do not: a block was changed on the way."
                )
            )
        else:
            self.link_status.setText(
                self.tr(
                    "Not linked yet. Give your partner your pairing block (public keys only, "
                    "no name, no notes) and paste theirs here. You will then both see the "
                    "same safety number."
                )
            )
        self.number.setText(number or "")
        self.number.setVisible(bool(number))
        self.confirm_button.setVisible(bool(number) and not confirmed)
        self.unlink_button.setVisible(current is not None and current.partner is not None)
        self.paste_button.setVisible(not confirmed)
        self.send_box.setEnabled(confirmed)
        self.receive_box.setEnabled(confirmed)
        self.agenda_session.clear()
        for number_ in sorted({s.number for s in sessions}):
            self.agenda_session.addItem(self.tr("session %1").replace("%1", str(number_)), number_)
        self.agenda_session.setCurrentIndex(self.agenda_session.count() - 1)
        lines = []
        for agenda in agendas:
            heading = self.tr("Session %1").replace("%1", str(agenda.number))
            if agenda.title:
                heading += f" · {agenda.title}"
            lines.append(heading)
            lines += [f"  • {point}" for point in agenda.points]
            if agenda.talking_points:
                lines.append("  " + self.tr("Talking points your partner shares with you:"))
                lines += [f"    • {point}" for point in agenda.talking_points]
        self.agendas.setPlainText("\n".join(lines))

    def _journal_and_keys(self) -> tuple[Any, Any] | None:
        if self.vault is None or self.pair_id is None:
            return None
        return self.vault.journal(self.pair_id), self.vault.identity()

    # -- linking ---------------------------------------------------------------------------

    def _block(self) -> str | None:
        from rm_journal.core.exchange import link

        found = self._journal_and_keys()
        if found is None:
            return None
        try:
            return link.my_block(*found)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Pairing block not available"), describe(exc))
            return None

    def copy_block(self) -> None:
        block = self._block()
        if block:
            self.copy_text(block)

    def save_block(self) -> None:
        from rm_journal.core.storage.fsutil import atomic_write

        block = self._block()
        if not block:
            return
        path = self.dialogs.save_file(
            self,
            self.tr("Save my pairing block"),
            "rm_journal-pairing.txt",
            self.tr("Text files (*.txt)"),
        )
        if path is None:
            return
        try:
            atomic_write(path, block.encode("ascii"))
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Pairing block not saved"), describe(exc))

    def paste_block(self) -> None:
        from rm_journal.core.exchange import link

        found = self._journal_and_keys()
        if found is None:
            return
        text = self.dialogs.ask_text(
            self,
            self.tr("Your partner's pairing block"),
            self.tr("Paste the whole block your partner sent you, from BEGIN to END:"),
        )
        if text is None:
            return
        try:
            link.accept_block(*found, text)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Pairing block not accepted"), describe(exc))
        self.refresh()

    def confirm(self) -> None:
        from rm_journal.core.exchange import link

        found = self._journal_and_keys()
        if found is None:
            return
        if not self.dialogs.confirm(
            self,
            self.tr("Confirm the link"),
            self.tr(
                "Did you compare every digit of the safety number with your partner's screen, "
                "and are they all the same?"
            ),
            self.tr("They are the same"),
        ):
            return
        try:
            link.confirm(*found)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Link not confirmed"), describe(exc))
        self.refresh()

    def unlink(self) -> None:
        from rm_journal.core.exchange import link

        found = self._journal_and_keys()
        if found is None or not self.dialogs.confirm(
            self,
            self.tr("Unlink the pair"),
            self.tr(
                "Files from your partner will be refused until you link again, with new "
                "pairing blocks on both sides. Your journal keeps everything it holds."
            ),
            self.tr("Unlink"),
        ):
            return
        try:
            link.unlink(found[0])
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Not unlinked"), describe(exc))
        self.refresh()

    # -- sending and receiving -----------------------------------------------------------------

    def chosen(self) -> list[str]:
        boxes = {
            "agenda": self.agenda,
            "topics": self.topics,
            "takeaways": self.takeaways,
            "actions": self.actions_box,
            "signature": self.signature,
        }
        return [kind for kind, box in boxes.items() if box.isChecked()]

    def write_file(self) -> None:
        from rm_journal.export import exchange

        if self.vault is None or self.pair_id is None:
            return
        try:
            payload = exchange.prepare(
                self.vault, self.pair_id, self.chosen(), meeting=self.agenda_session.currentData()
            )
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Nothing written"), describe(exc))
            return
        path = self.dialogs.save_file(
            self,
            self.tr("Write the exchange file"),
            exchange.default_file_name(),
            self.tr("rm_journal exchange files (*.rmjx)"),
        )
        if path is None:
            return
        try:
            exchange.write(self.vault, self.pair_id, payload, path)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Exchange file not written"), describe(exc))
            return
        self.exchanged.emit()

    def import_file(self) -> None:
        from rm_journal.export import exchange

        if self.vault is None or self.pair_id is None:
            return
        path = self.dialogs.open_file(
            self,
            self.tr("Import a file from my partner"),
            self.tr("rm_journal exchange files (*.rmjx);;All files (*)"),
        )
        if path is None:
            return
        try:
            data = exchange.read_file(path)
            incoming = exchange.read(self.vault, self.pair_id, data, Path(path).name)
        except RmJournalError as exc:
            self.dialogs.error(self, self.tr("Nothing imported"), describe(exc))
            return
        dialog = ImportDialog(self.vault, self.pair_id, incoming, self.dialogs, self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        self.dialogs.run(dialog)

    def _imported(self) -> None:
        self.refresh()
        self.exchanged.emit()


class ImportDialog(QDialog):
    """Exactly what the file brings, before anything changes; the person picks, for each
    item that differs, their own version or their partner's."""

    imported = Signal()

    def __init__(
        self, vault: Vault, pair_id: str, incoming: Incoming, dialogs: Dialogs, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.vault, self.pair_id, self.incoming, self.dialogs = vault, pair_id, incoming, dialogs
        plan = incoming.plan
        self.setWindowTitle(self.tr("Import from your partner"))
        self.resize(940, 620)
        layout = QVBoxLayout(self)
        said = [self._said(change) for change in plan.partner_said]
        if plan.signatures:
            said.append(self.tr("Your partner signed the shared summary."))
        summary = (
            self.tr("Nothing new in this file.")
            if plan.empty
            else self.tr(
                "This file brings %1 new item(s), %2 changed item(s) and %3 answer(s) from "
                "your partner. Nothing changes in your journal until you import it."
            )
            .replace("%1", str(len(plan.new)))
            .replace("%2", str(len(plan.changed)))
            .replace("%3", str(len(said)))
        )
        layout.addWidget(_wrapped(summary, self))

        self.new_list = QListWidget(self)
        self.new_list.setAccessibleName(self.tr("New items"))
        for change in plan.new:
            self.new_list.addItem(self._describe(change))
        if plan.new:
            layout.addWidget(QLabel(self.tr("New: added to your journal"), self))
            layout.addWidget(self.new_list, 1)
        else:
            self.new_list.hide()

        self.changed = QTableWidget(len(plan.changed), 3, self)
        self.changed.setAccessibleName(self.tr("Changed items"))
        self.changed.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Yours"), self.tr("Your partner's (tick to take it)")]
        )
        header = self.changed.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.changed.verticalHeader().hide()
        self.changed.setWordWrap(True)
        for row, change in enumerate(plan.changed):
            kind = QTableWidgetItem(self._kind(change.kind))
            kind.setFlags(Qt.ItemFlag.ItemIsEnabled)
            mine = QTableWidgetItem(self._local(change))
            mine.setFlags(Qt.ItemFlag.ItemIsEnabled)
            theirs = QTableWidgetItem(self._incoming(change))
            theirs.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            theirs.setCheckState(Qt.CheckState.Unchecked)
            theirs.setData(Qt.ItemDataRole.UserRole, change.uuid)
            for column, item in enumerate((kind, mine, theirs)):
                self.changed.setItem(row, column, item)
        self.changed.resizeRowsToContents()
        if plan.changed:
            layout.addWidget(
                _wrapped(
                    self.tr(
                        "Changed: your version stays unless you tick your partner's. Nothing "
                        "is deleted."
                    ),
                    self,
                )
            )
            layout.addWidget(self.changed, 1)
        else:
            self.changed.hide()

        self.said_list = QListWidget(self)
        self.said_list.addItems(said)
        if said:
            layout.addWidget(QLabel(self.tr("From your partner"), self))
            layout.addWidget(self.said_list, 1)
        else:
            self.said_list.hide()

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.changed.resizeRowsToContents()  # now that the columns have their widths

    def _kind(self, kind: str) -> str:
        return {
            "agenda": self.tr("Agenda"),
            "topic": self.tr("Topic"),
            "takeaway": self.tr("Takeaway"),
            "action": self.tr("Action"),
            "session": self.tr("Session days"),
        }.get(kind, kind)

    def _describe(self, change: Any) -> str:
        item = change.incoming
        if change.kind == "agenda":
            text = (
                self.tr("Agenda of session %1: %2")
                .replace("%1", str(item.meeting))
                .replace("%2", " · ".join(item.points))
            )
            if item.talking_points:
                text += " — " + self.tr("talking points: %1").replace(
                    "%1", " · ".join(item.talking_points)
                )
            return text
        return f"{self._kind(change.kind)}: {self._incoming(change)}"

    def _incoming(self, change: Any) -> str:
        item = change.incoming
        if change.kind == "agenda":
            return " · ".join(item.points)
        if change.kind == "session":
            return f"{item.planned_date or '—'} / {item.held_date or '—'}"
        if change.kind == "topic":
            return f"{item.title} — {item.why}" if item.why else item.title
        return str(item.text)

    def _local(self, change: Any) -> str:
        import json

        local = change.local
        if change.kind == "agenda":
            return " · ".join(json.loads(local[2]))
        if change.kind == "session":
            return f"{local[0] or '—'} / {local[1] or '—'}"
        if change.kind == "topic":
            return f"{local[0]} — {local[1]}" if local[1] else str(local[0])
        return str(local[0])

    def _said(self, change: Any) -> str:
        item = change.incoming
        words = {
            "proposed": self.tr("Your partner proposes: %1"),
            "agreed": self.tr("Your partner agrees: %1"),
            "dropped": self.tr("Your partner dropped: %1"),
        }
        said = words.get(item.status.value, "%1").replace("%1", item.text)
        asked = {
            "anonymous": self.tr("anonymous in the summary, as your partner asks"),
            "never": self.tr("never exported, as your partner asks"),
        }.get(item.attribution.value)
        return f"{said} — {asked}" if asked else said

    def theirs(self) -> list[str]:
        chosen = []
        for row in range(self.changed.rowCount()):
            item = self.changed.item(row, 2)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def apply(self) -> None:
        from rm_journal.export import exchange

        # one transaction: about 1.3 ms per new item (a first import of 1,000 takes 1.3 s)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exchange.apply(self.vault, self.pair_id, self.incoming, take_theirs=self.theirs())
        except RmJournalError as exc:
            QApplication.restoreOverrideCursor()
            self.dialogs.error(self, self.tr("Nothing imported"), describe(exc))
            self.reject()
            return
        QApplication.restoreOverrideCursor()
        self.imported.emit()
        self.accept()
