"""Journal → Templates…: the built-in and own templates, each previewed as the form it
makes, and the ways to bring one in (import a file), adapt one (copy, export, edit
outside, import the new version) and drop one of one's own.

Templates hold forms, never journal text, so nothing here needs hiding in presenter
mode. Every change goes through ``TemplateLibrary``; a refused file is explained in
the dialog in the library's one sentence, and nothing is imported.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rm_journal.core.errors import QT_TRANSLATE_NOOP, RmJournalError
from rm_journal.core.journal.fields import FieldType
from rm_journal.core.storage.fsutil import atomic_write
from rm_journal.templates.library import Entry, TemplateLibrary, suggest_id
from rm_journal.templates.schema import Field, Template, dumps
from rm_journal.ui.dialogs import Dialogs
from rm_journal.ui.messages import describe

CONTEXT = "TemplateManager"
TEMPLATE_FILES = QT_TRANSLATE_NOOP("TemplateManager", "Template files (*.json)")
PROBLEM_STYLE = "color: #b3261e;"

_TYPE_NAMES = {
    FieldType.TEXT: QT_TRANSLATE_NOOP("TemplateManager", "short text"),
    FieldType.LONG_TEXT: QT_TRANSLATE_NOOP("TemplateManager", "long text"),
    FieldType.LIST: QT_TRANSLATE_NOOP("TemplateManager", "list"),
    FieldType.CHECKLIST: QT_TRANSLATE_NOOP("TemplateManager", "checklist"),
    FieldType.RATING: QT_TRANSLATE_NOOP("TemplateManager", "rating from 1 to 5"),
    FieldType.CHOICE: QT_TRANSLATE_NOOP("TemplateManager", "one choice"),
    FieldType.DATE: QT_TRANSLATE_NOOP("TemplateManager", "date"),
    FieldType.TAKEAWAYS: QT_TRANSLATE_NOOP("TemplateManager", "takeaways"),
    FieldType.ACTIONS: QT_TRANSLATE_NOOP("TemplateManager", "actions"),
    FieldType.TOPICS: QT_TRANSLATE_NOOP("TemplateManager", "topics"),
}
_AUDIENCES = {
    "leader": QT_TRANSLATE_NOOP("TemplateManager", "Leader"),
    "mentor": QT_TRANSLATE_NOOP("TemplateManager", "Mentor"),
    "both": QT_TRANSLATE_NOOP("TemplateManager", "Both"),
}
_GROUPS = {
    "leader": (
        QT_TRANSLATE_NOOP("TemplateManager", "For a leader, and shared"),
        QT_TRANSLATE_NOOP("TemplateManager", "Written for the mentor"),
    ),
    "mentor": (
        QT_TRANSLATE_NOOP("TemplateManager", "For a mentor, and shared"),
        QT_TRANSLATE_NOOP("TemplateManager", "Written for the leader"),
    ),
}
ID_ROLE = Qt.ItemDataRole.UserRole


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def audience_name(audience: str) -> str:
    return translated(_AUDIENCES.get(audience, audience))


def field_line(f: Field, language: str) -> str:
    """One field as a reader sees it: its label, then what kind it is and its marks."""
    marks = [translated(_TYPE_NAMES[f.type])]
    if f.choices:
        marks[0] += " (" + ", ".join(c.label.get(language) for c in f.choices) + ")"
    if f.required:
        marks.append(QCoreApplication.translate("TemplateManager", "required"))
    if f.private:
        marks.append(QCoreApplication.translate("TemplateManager", "private, never shared"))
    return f"<li><b>{escape(f.label.get(language))}</b> — {escape(', '.join(marks))}</li>"


def preview_html(entry: Entry, language: str) -> str:
    t = entry.template
    kind = (
        QCoreApplication.translate("TemplateManager", "built-in")
        if entry.builtin
        else QCoreApplication.translate("TemplateManager", "your own")
    )
    facts = QCoreApplication.translate("TemplateManager", "For: %1 · version %2 · %3").replace(
        "%1", audience_name(t.audience)
    )
    facts = facts.replace("%2", str(t.version)).replace("%3", kind)
    parts = [
        f"<h3>{escape(t.name.get(language))}</h3>",
        f"<p>{escape(t.description.get(language))}</p>",
        f"<p><i>{escape(facts)}</i></p>",
    ]
    for section in t.sections:
        parts.append(f"<h4>{escape(section.title.get(language))}</h4>")
        if section.help is not None:
            parts.append(f"<p>{escape(section.help.get(language))}</p>")
        parts.append("<ul>" + "".join(field_line(f, language) for f in section.fields) + "</ul>")
    return "".join(parts)


class TemplateManager(QDialog):
    """The template library of one unlocked vault, offered in the order ``role`` sees
    it in the new-session list."""

    def __init__(
        self,
        library: TemplateLibrary,
        dialogs: Dialogs,
        language: str,
        role: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.dialogs = dialogs
        self.language = language
        self.role = role
        self.entries: dict[str, Entry] = {}
        self.setWindowTitle(self.tr("Templates"))
        self.resize(960, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A template is the form of an entry. Copy a built-in one to adapt it: export "
                "the copy, edit the file, then import it again with a higher version."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(self)
        self.tree = QTreeWidget(splitter)
        self.tree.setAccessibleName(self.tr("Templates"))
        self.tree.setHeaderLabels(
            [self.tr("Template"), self.tr("For"), self.tr("Version"), self.tr("Kind")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda _new, _old: self._show_current())
        self.preview = QTextBrowser(splitter)
        self.preview.setAccessibleName(self.tr("Template preview"))
        self.preview.setOpenLinks(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 480])
        layout.addWidget(splitter, 1)

        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.import_button = self._button(self.tr("&Import a file…"), self.import_file, row)
        self.copy_button = self._button(self.tr("&Copy to adapt…"), self.copy_current, row)
        self.export_button = self._button(self.tr("&Export…"), self.export_current, row)
        self.remove_button = self._button(self.tr("&Remove…"), self.remove_current, row)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.refresh()
        self.tree.setFocus()

    def _button(self, text: str, slot: object, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- the list --------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or self.current_id()
        self.tree.clear()
        self.entries.clear()
        offer = self.library.offered_for(self.role)
        mine_title, others_title = _GROUPS.get(self.role, _GROUPS["leader"])
        chosen: QTreeWidgetItem | None = None
        first: QTreeWidgetItem | None = None
        for title, group in ((mine_title, offer.mine), (others_title, offer.others)):
            if not group:
                continue
            heading = QTreeWidgetItem(self.tree, [translated(title)])
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: arrow keys pass over it
            font = QFont(self.tree.font())
            font.setBold(True)
            heading.setFont(0, font)
            heading.setForeground(0, self.palette().windowText())
            heading.setFirstColumnSpanned(True)
            for entry in group:
                item = self._item(entry)
                first = first or item
                if entry.template.id == current:
                    chosen = item
        target = chosen or first
        if target is not None:
            self.tree.setCurrentItem(target)
        self._show_current()

    def _item(self, entry: Entry) -> QTreeWidgetItem:
        t = entry.template
        kind = self.tr("Built-in") if entry.builtin else self.tr("Your own")
        item = QTreeWidgetItem(
            self.tree, [t.name.get(self.language), audience_name(t.audience), str(t.version), kind]
        )
        item.setData(0, ID_ROLE, t.id)
        item.setToolTip(0, f"{t.name.get(self.language)} ({t.id})")  # the name may be elided
        self.entries[t.id] = entry
        return item

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        found = item.data(0, ID_ROLE) if item is not None else None
        return found if isinstance(found, str) else None

    def current(self) -> Entry | None:
        found = self.current_id()
        return self.entries.get(found) if found else None

    def _show_current(self) -> None:
        entry = self.current()
        self.message.hide()  # it spoke of the last action, not of this template
        self.preview.setHtml(preview_html(entry, self.language) if entry else "")
        self.copy_button.setEnabled(entry is not None)
        self.export_button.setEnabled(entry is not None)
        removable = entry is not None and not entry.builtin
        self.remove_button.setEnabled(removable)
        self.remove_button.setToolTip(
            ""
            if removable or entry is None
            else self.tr(
                "Built-in templates come with the app and cannot be removed; your own copies can."
            )
        )

    def say(self, text: str, problem: bool = False) -> None:
        """Report in the dialog: a refused file must be read where it was chosen."""
        self.message.setText(text)
        self.message.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.message.show()

    # -- actions ---------------------------------------------------------------------------

    def import_file(self) -> None:
        path = self.dialogs.open_file(
            self, self.tr("Import a template"), translated(TEMPLATE_FILES)
        )
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            self.say(
                self.tr("Could not read %1: %2.").replace("%1", path.name).replace("%2", reason),
                problem=True,
            )
            return
        try:
            template = self.library.import_bytes(data)
        except RmJournalError as exc:
            self.say(describe(exc), problem=True)
            return
        self._changed(template, self.tr("Imported “%1”, version %2."))

    def copy_current(self) -> None:
        entry = self.current()
        if entry is None:
            return
        source = entry.template
        proposed = self.tr("%1 (my version)").replace("%1", source.name.get(self.language))
        name = self.dialogs.ask_name(
            self, self.tr("Copy to adapt"), self.tr("Name of your template:"), proposed
        )
        if name is None:
            return
        new_id = suggest_id(name, self.entries)
        try:
            template = self.library.copy(source.id, new_id, name)
        except RmJournalError as exc:
            self.say(describe(exc), problem=True)
            return
        self._changed(
            template,
            self.tr(
                "Created “%1”, your own template. Export it to edit the file, then import it "
                "again with a higher version."
            ),
        )

    def export_current(self) -> None:
        entry = self.current()
        if entry is None:
            return
        t = entry.template
        path = self.dialogs.save_file(
            self, self.tr("Export the template"), f"{t.id}.json", translated(TEMPLATE_FILES)
        )
        if path is None:
            return
        try:
            atomic_write(path, dumps(t))
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            self.say(
                self.tr("Could not write %1: %2.").replace("%1", path.name).replace("%2", reason),
                problem=True,
            )
            return
        self.say(
            self.tr("Wrote %1. It holds the form only, no journal text.").replace("%1", path.name)
        )

    def remove_current(self) -> None:
        entry = self.current()
        if entry is None or entry.builtin:
            return
        name = entry.template.name.get(self.language)
        if not self.dialogs.confirm(
            self,
            self.tr("Remove the template"),
            self.tr(
                "Remove “%1”? Entries already written with it keep their form; it will no "
                "longer be offered for new sessions."
            ).replace("%1", name),
            self.tr("Remove"),
        ):
            return
        try:
            self.library.remove(entry.template.id)
        except RmJournalError as exc:
            self.say(describe(exc), problem=True)
            return
        self.refresh()
        self.say(self.tr("Removed “%1”.").replace("%1", name))

    def _changed(self, template: Template, sentence: str) -> None:
        self.refresh(select=template.id)
        self.say(
            sentence.replace("%1", template.name.get(self.language)).replace(
                "%2", str(template.version)
            )
        )
