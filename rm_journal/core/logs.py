"""Debug logs, off by default: what happened and how long it took, never what was written.

``RM_JOURNAL_LOG=debug`` (or ``info``) turns them on, on stderr; nothing is ever
written to a log file. When off, ``logging`` is not even imported: a log call
is one ``is None`` test.

Every record passes :class:`Redact` before it is formatted: the message must
be a literal format string, and its arguments are kept only if they cannot
carry what a person typed — numbers, booleans, enum members, random ids (the
32- and 36-character hex ids of pairs, sessions and files). Any other value
(text, a path, a name, bytes, a key) prints as ``<redacted>``. Exceptions keep
their type name only: their messages may quote input. A test runs a scripted
session at debug level and scans stderr for canary text, names and the
passphrase.
"""

from __future__ import annotations

import enum
import os
import re
import sys
from typing import Any

ENV_LOG = "RM_JOURNAL_LOG"
LOGGER = "rm_journal"
_ID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_logger: Any = None


def safe(value: Any) -> Any:
    """``value`` if it cannot carry user content, else ``"<redacted>"``."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, str) and _ID.fullmatch(value):
        return value
    return "<redacted>"


def _redact_filter() -> Any:
    import logging

    class Redact(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            if not isinstance(record.msg, str):
                record.msg, record.args = "<redacted message>", ()
            elif isinstance(record.args, dict):
                record.args = {k: safe(v) for k, v in record.args.items()}
            elif record.args:
                record.args = tuple(safe(a) for a in record.args)
            if record.exc_info:
                kind = record.exc_info[0].__name__ if record.exc_info[0] else "error"
                record.msg = f"{record.msg} [{kind}]"
                record.exc_info, record.exc_text = None, None
            record.stack_info = None
            return True

    return Redact()


def configure(level: str | None = None, stream: Any = None) -> bool:
    """Turn logging on at ``level`` (default: ``$RM_JOURNAL_LOG``); returns whether it is on."""
    global _logger
    level = (level or os.environ.get(ENV_LOG) or "").strip().upper()
    if level not in ("DEBUG", "INFO"):
        return False
    import logging

    logger = logging.getLogger(LOGGER)
    logger.handlers.clear()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(_redact_filter())
    handler.setFormatter(logging.Formatter("%(asctime)s rm_journal %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    _logger = logger
    return True


def off() -> None:
    global _logger
    if _logger is not None:
        _logger.handlers.clear()
    _logger = None


def debug(message: str, *args: Any, exc_info: bool = False) -> None:
    if _logger is not None:
        _logger.debug(message, *args, exc_info=exc_info)


def info(message: str, *args: Any, exc_info: bool = False) -> None:
    if _logger is not None:
        _logger.info(message, *args, exc_info=exc_info)
