"""What the command line prints of a person's text: control characters made visible.

A partner's exchange file, a pair's name or a session's text can hold anything a
keyboard or a script can type: ESC sequences that clear the screen or hide a line, an
OSC 8 hyperlink, a carriage return that overwrites what was printed, BEL, or a bidi
override that shows a line backwards. Printed raw, such text can forge lines in the
user's terminal ("Linked. Safety number: ..."). Every character of that kind is shown
as a visible token instead (``^[`` for ESC, ``<U+202E>`` for RIGHT-TO-LEFT OVERRIDE).

One function, :func:`visible`, decides; :class:`VisibleOutput` runs everything the
command line writes to stdout and stderr through it, so a new command cannot forget.
Newlines are kept by the stream (a multi-line body is content); a single-line field
(a name, a title, a takeaway in a listing) goes through :func:`one_line` first, which
shows its newlines as ``^J`` so it cannot start a line of its own.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import TextIO, cast

# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the marks
# (U+200E, U+200F, U+061C) and the line/paragraph separators some terminals break on.
_SHOWN_AS_CODE_POINT = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029]
)


def _token(ch: str, keep_newlines: bool) -> str:
    code = ord(ch)
    if ch == "\t" or (ch == "\n" and keep_newlines):
        return ch
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation: ESC is ^[, CR is ^M, BEL is ^G
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def _needs_token(ch: str) -> bool:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F or code in _SHOWN_AS_CODE_POINT:
        return True
    return 0xD800 <= code <= 0xDFFF  # a lone surrogate (cannot even be encoded)


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every C0/C1 control, DEL, bidi control and lone surrogate shown as a
    visible token; tabs stay, newlines stay unless ``keep_newlines`` is false. The result
    holds no such character, so applying it twice changes nothing more."""
    if not any(_needs_token(ch) for ch in text):
        return text  # the common case: nothing to build
    return "".join(_token(ch, keep_newlines) if _needs_token(ch) else ch for ch in text)


def one_line(text: str) -> str:
    """A person's text for one line of a listing: newlines shown as ``^J`` too."""
    return visible(text, keep_newlines=False)


class VisibleOutput(io.TextIOBase):
    """A text stream that writes :func:`visible` of everything to the one it wraps."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, s: str) -> int:
        self._stream.write(visible(s))
        return len(s)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:  # for what needs the descriptor (faulthandler, a child's output)
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8") or "utf-8"


def visible_output(stream: TextIO) -> TextIO:
    """``stream`` wrapped (once) so nothing raw reaches it."""
    if isinstance(stream, VisibleOutput):
        return cast(TextIO, stream)
    return cast(TextIO, VisibleOutput(stream))


def utf8_streams(streams: Sequence[TextIO], platform: str = sys.platform) -> None:
    """Windows: output redirected to a file or a pipe is written in the console's code
    page (cp1252, cp850...), which cannot write most names and every emoji: Python
    raised UnicodeEncodeError. There, the streams write UTF-8 (what PowerShell and
    modern tools read); a character a stream still cannot take is replaced, never a
    crash. Elsewhere the locale is UTF-8 already and nothing changes."""
    if platform != "win32":
        return
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
