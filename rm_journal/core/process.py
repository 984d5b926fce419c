"""Process hygiene before any secret enters memory: no core dump, no ptrace by peers.

Called by every way into an unlocked vault (create, unlock, recovery), so the
faces cannot forget it and start-up does not pay for it. It stays in force
after locking: Python cannot promise that no copy of a key or of decrypted
text is left in freed memory (see SECURITY.md).

- ``RLIMIT_CORE`` 0: a crash writes no core file (which would hold keys and
  decrypted journals in clear), whatever the system's core pattern.
- ``PR_SET_DUMPABLE`` 0 (Linux): no core dump either way, and other processes
  of the same user can no longer attach with ptrace or read ``/proc/<pid>/mem``
  (unless they are root).
"""

from __future__ import annotations

import contextlib
import sys

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4
_done = False


def harden() -> None:
    """Idempotent; failures are ignored (a platform without these knobs is still usable)."""
    global _done
    if _done:
        return
    _done = True
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """What the kernel says (Linux), for tests and ``rm-journal check``."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
