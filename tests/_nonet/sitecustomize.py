"""Loaded by every Python subprocess a test starts (via PYTHONPATH): no sockets, ever.

The in-process half of the same promise is the session fixture in conftest.py.
"""

import socket


class _NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("rm_journal tests: network access is forbidden")


socket.socket = _NoNetwork  # type: ignore[misc]
socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(  # type: ignore[assignment]
    OSError("rm_journal tests: network access is forbidden")
)

import os  # noqa: E402

if os.environ.get("RMJ_TEST_WINDOWS_RULES"):  # a run under Windows' file rules (winrules.py)
    from tests import winrules

    winrules.install()
