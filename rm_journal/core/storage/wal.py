"""Refuse a damaged write-ahead log instead of letting SQLite drop it without a word.

At rest the log of every file is empty (checkpointed on lock and quit); one
with frames in it means the app was killed or the power failed. SQLite then
replays the frames whose checksums chain from the log's header, and stops at
the first one that does not — silently: a flipped byte in the header makes it
ignore the whole log, one in a frame makes it drop that frame and everything
after, acknowledged saves included. This module reads the log as SQLite will
(format: https://www.sqlite.org/fileformat2.html#walformat) and reports damage
when the header fails while whole frames follow it, or when the current log
stops (a checksum or a salt that does not follow) anywhere but where a crash
can stop it.

SQLite writes a frame's header, then its page, frame after frame; a kill or a
power cut can only cut short, or tear, the last frame being written, whose
transaction was never acknowledged. Cut short, the file ends inside it. Torn in
a log reused after a checkpoint, it fails its checksum and is followed by a
frame of an older log (whose first salt is a little smaller) or by the end of
the file; that ends the log, as it does for SQLite (found by the kill campaign:
a kill between the two writes of one frame). Anything else — a later frame of
the current log, zeros, stray bytes — is damage. The price: damage confined to
the last frame of a log gives the state before its transaction, as a log cut
short does. Reading costs a checksum pass over the log (only after a crash:
about 0.1 s per MB here).
"""

from __future__ import annotations

import struct
import sys
from array import array
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
_MAGIC = {0x377F0682: "little", 0x377F0683: "big"}
_VERSION = 3007000
_MASK = 0xFFFFFFFF
OLDER_LOGS = 1 << 16  # how many restarts back a frame left in a reused log may come from


def _checksum(data: bytes | memoryview, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = array("I")
    words.frombytes(data)
    if big_endian != (sys.byteorder == "big"):
        words.byteswap()
    it = iter(words)
    for x0, x1 in zip(it, it, strict=True):
        s0 = (s0 + x0 + s1) & _MASK
        s1 = (s1 + x1 + s0) & _MASK
    return s0, s1


def problem(path: Path) -> str | None:
    """Why the log at ``path`` cannot be trusted, or None (absent, empty, or sound)."""
    return inspect(path)[0]


def pages(path: Path) -> set[int]:
    """The page numbers a sound log holds (SQLite reads them from the log, not the file)."""
    return inspect(path)[1]


def inspect(path: Path) -> tuple[str | None, set[int]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, set()
    held: set[int] = set()
    if len(data) < HEADER:
        return None, held  # nothing was ever committed to it
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:HEADER])
    frame = FRAME_HEADER + page_size
    order = _MAGIC.get(magic)
    valid_size = page_size >= 512 and page_size <= 65536 and page_size & (page_size - 1) == 0
    if order is None or version != _VERSION or not valid_size:
        damaged = len(data) >= HEADER + FRAME_HEADER + 512
        return ("its header is damaged" if damaged else None), held
    big = order == "big"
    s0, s1 = _checksum(data[:24], big, 0, 0)
    if (s0, s1) != (c0, c1):
        return ("its header is damaged" if len(data) >= HEADER + frame else None), held
    view = memoryview(data)
    offset = HEADER

    def current_frame_after(start: int) -> bool:
        return any(
            struct.unpack(">2I", view[later + 8 : later + 16]) == (salt1, salt2)
            for later in range(start + frame, len(data) - frame + 1, frame)
        )

    def older_log_at(start: int) -> bool:
        """A frame of an earlier log (before a checkpoint restarted it), or the end.

        Each restart adds one to the first salt, so an older frame's is a little
        smaller; zeros or stray bytes are not an older log."""
        if start + FRAME_HEADER > len(data):
            return True
        (old_salt1,) = struct.unpack(">I", view[start + 8 : start + 12])
        return bool(1 <= (salt1 - int(old_salt1)) & _MASK <= OLDER_LOGS)

    while offset + frame <= len(data):
        head = struct.unpack(">6I", view[offset : offset + FRAME_HEADER])
        if (head[2], head[3]) != (salt1, salt2):
            # the current log ends with a frame of an older one, unless a frame of the
            # current log comes later or this is no older frame: then it was damaged
            if current_frame_after(offset) or not older_log_at(offset):
                return f"frame {(offset - HEADER) // frame + 1} is damaged", held
            break
        s0, s1 = _checksum(view[offset : offset + 8], big, s0, s1)
        s0, s1 = _checksum(view[offset + FRAME_HEADER : offset + frame], big, s0, s1)
        if (s0, s1) != (head[4], head[5]):
            # A write torn between this frame's header and its page ends the log here,
            # as SQLite reads it. Only the last frame written can be torn, so it must
            # be followed by an older log's frame or by the end of the file.
            if current_frame_after(offset) or not older_log_at(offset + frame):
                return f"frame {(offset - HEADER) // frame + 1} is damaged", held
            break
        held.add(head[0])
        offset += frame
    return None, held
