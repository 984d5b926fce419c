"""The no-network fixture itself must bite, or the promise is untested."""

import socket
import subprocess

import pytest

from tests.conftest import PYTHON, NetworkAttempt, subprocess_env


def test_socket_creation_fails_in_process():
    with pytest.raises(NetworkAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))


def test_socket_creation_fails_in_child_processes(tmp_path):
    code = "import socket\ntry:\n socket.socket()\nexcept OSError as e:\n print('blocked', e)"
    out = subprocess.run(
        [PYTHON, "-c", code],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("blocked")
