# ruff: noqa: B018 (naming a name is how vulture learns it is used)
"""What vulture cannot see being used, for `.ci/deadcode` (run by `.ci/run`).

Vulture matches by name: each line below marks one name used everywhere it appears.
Only names that a framework calls or that are looked up by a string belong here,
each with why; anything else vulture reports is dead and goes. `.ci/deadcode` also
fails on a line here that no longer hides anything. Read by vulture, never imported.
"""


class _Used:
    def __getattr__(self, _name: str) -> None:
        return None


_ = _Used()

# Qt calls these overrides of its virtual methods; nothing in Python does.
_.eventFilter  # QObject.eventFilter: copy_guard, idle, window install them as filters
_.paint  # QStyledItemDelegate.paint: delegates, search
_.paintEvent  # QWidget.paintEvent: journey
_.closeEvent  # QWidget.closeEvent: window asks before quitting with unsaved text
_.mousePressEvent  # QWidget.mousePressEvent: a click on BoxWords ticks its box
_.isEmpty  # QTranslator.isEmpty: pseudo's translator has no .qm behind it
_.disambiguation  # QTranslator.translate's parameter, named as Qt names it (pseudo)

# Qt slots connected by their signature string, SLOT("_sleeping(bool)"), over D-Bus.
_._sleeping  # session_lock: logind's PrepareForSleep locks the vault
_._session_locked  # session_lock: logind's Session.Lock locks the vault
_._screensaver  # session_lock: the screen savers' ActiveChanged locks the vault

# Called by name from a string.
_.backup_now  # window's menu: _page_call("backup_now") on the journal page
_.is_dumpable  # tests/core/test_process.py calls it in a child process's script

# The standard library reads these.
_.writable  # io.TextIOBase protocol of cli/text.py's visible stream
_.exc_text  # logging.LogRecord: logs' redaction clears the cached traceback
_.stack_info  # logging.LogRecord: logs' redaction drops the stack

# Names index 0, so that the other two read as what they are.
_.ALL  # export_dialog: ALL, DATES, CHOSEN = range(3), the scope box's rows
