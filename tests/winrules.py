"""Windows' file rules, enforced on Linux: ``pytest --windows-rules`` (``.ci/run`` runs the
core and CLI tests this way, after the normal run).

What Windows does differently with files, and how the simulation makes Linux do it:

- **Flushing needs write access**: ``FlushFileBuffers`` refuses a handle opened
  read-only, so ``os.fsync`` fails there (``EBADF`` in Python). Here too.
- **A folder cannot be opened** with ``os.open`` (so it cannot be fsynced): ``EACCES``.
- **An open file can be neither renamed, replaced nor deleted**, nor a folder holding
  one: Python's ``open()`` and SQLite do not pass ``FILE_SHARE_DELETE``. "Open" means
  by any process of the run: the test process and every child it started (the rules
  travel to children through the environment and ``tests/_nonet/sitecustomize.py``).
- **``os.rename`` never replaces**: an existing target is ``FileExistsError``; and
  ``os.replace`` cannot put anything over a folder.
- **No POSIX modes**: ``chmod`` sets or clears the read-only flag and nothing else (a
  read-only file cannot be opened for writing, even by an administrator),
  the modes given to ``mkdir`` and ``open`` are ignored, ``umask`` protects nothing.
  Privacy comes from the profile folder's ACL (SECURITY.md), not from the code.
- **Case-insensitive names**: ``Journal.rmj`` and ``journal.rmj`` are one file. Creating
  a name that differs from an existing one only by case is a failure here (on Windows
  it would silently reach the other file).
- **Profile paths** have spaces and letters beyond ASCII (``C:\\Users\\Zoë Martin``):
  every test folder lives under such a name.

The code under test takes its Windows branches: the platform layer
(``rm_journal.core.storage.platform_files.CURRENT``) is set to Windows, with real calls
underneath, and the one call Linux lacks (``msvcrt.locking``) done with ``flock``.

Backslashes themselves cannot be simulated on a POSIX file system; what would break on
them (paths built from strings) is refused in the source by tests/test_portable_paths.py.
"""

from __future__ import annotations

import builtins
import errno
import fcntl
import io
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ENV = "RMJ_TEST_WINDOWS_RULES"  # the run's root process id, set for children
PROFILE_NAME = "Zoë Martin (Windows)"


class WindowsRuleBroken(OSError):
    """What Windows would have refused (the errno is the one Python raises there)."""


def _refuse(code: int, what: str, path: object) -> WindowsRuleBroken:
    return WindowsRuleBroken(code, f"Windows would refuse this: {what}", os.fspath(path))  # type: ignore[arg-type]


def _real(path: object, dir_fd: int | None = None) -> str:
    raw = os.fsdecode(os.fspath(path))  # type: ignore[arg-type]
    if dir_fd is not None and not os.path.isabs(raw):
        raw = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), raw)
    return os.path.realpath(raw)


def _tree(root: int) -> Iterator[int]:
    """The run's processes: ``root`` and every descendant still alive."""
    todo = [root]
    while todo:
        pid = todo.pop()
        yield pid
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with _REAL["open"](f"/proc/{pid}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
            except OSError:
                continue


def open_paths() -> set[str]:
    """Every file the run's processes hold open now."""
    found: set[str] = set()
    root = int(os.environ.get(ENV) or os.getpid())
    for pid in _tree(root):
        folder = f"/proc/{pid}/fd"
        try:
            fds = os.listdir(folder)
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"{folder}/{fd}")
            except OSError:
                continue
            if target.startswith("/"):
                found.add(target.removesuffix(" (deleted)"))
    return found


def _held(path: str) -> str | None:
    """An open file at ``path`` or under it, if any."""
    held = open_paths()
    if path in held:
        return path
    inside = path.rstrip("/") + "/"
    return next((p for p in held if p.startswith(inside)), None)


def _refuse_if_held(path: str, what: str) -> None:
    holder = _held(path)
    if holder is not None:
        raise _refuse(errno.EACCES, f"{what} while {holder} is open", path)


def _refuse_case_twin(path: str) -> None:
    """Creating ``path`` when its folder has a name equal to it but for case."""
    folder, name = os.path.split(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    folded = name.casefold()
    twin = next((n for n in names if n != name and n.casefold() == folded), None)
    if twin is not None:
        raise _refuse(errno.EEXIST, f"{name} is the same name as {twin}", path)


_REAL: dict[str, Any] = {}


def _fsync(fd: Any) -> None:
    number = fd if isinstance(fd, int) else fd.fileno()
    if fcntl.fcntl(number, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
        raise _refuse(errno.EBADF, "flushing a file opened read-only", f"fd {number}")
    _REAL["fsync"](number)


def _open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
    real = _real(path, dir_fd)
    if os.path.isdir(real):
        raise _refuse(errno.EACCES, "opening a folder as a file", path)
    if flags & os.O_CREAT and not os.path.exists(real):
        _refuse_case_twin(real)
    elif (
        flags & os.O_ACCMODE != os.O_RDONLY
        and os.path.exists(real)
        and not os.stat(real).st_mode & stat.S_IWRITE  # root here would be let through
    ):
        raise _refuse(errno.EACCES, "writing a read-only file", path)
    windows_mode = 0o666 if mode & stat.S_IWRITE else 0o444
    fd: int = _REAL["os_open"](path, flags, windows_mode, dir_fd=dir_fd)
    return fd


def _io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    if not isinstance(file, int) and any(c in mode for c in "wxa"):
        real = _real(file)
        if not os.path.exists(real):
            _refuse_case_twin(real)
    return _REAL["io_open"](file, mode, *args, **kwargs)


def _mkdir(path: Any, mode: int = 0o777, *, dir_fd: int | None = None) -> None:
    real = _real(path, dir_fd)
    if not os.path.exists(real):
        _refuse_case_twin(real)
    _REAL["mkdir"](path, 0o777, dir_fd=dir_fd)


def _chmod(path: Any, mode: int, **kwargs: Any) -> None:
    if isinstance(path, int):
        raise _refuse(errno.ENOSYS, "changing the mode of an open file", f"fd {path}")
    if os.path.isdir(_real(path)):
        return  # a folder's read-only flag means nothing to Windows
    _REAL["chmod"](path, 0o666 if mode & stat.S_IWRITE else 0o444, **kwargs)


def _umask(mask: int) -> int:
    previous = _STATE["umask"]
    _STATE["umask"] = mask  # remembered, protecting nothing, as on Windows
    return previous


def _rename_like(name: str, replaces: bool) -> Callable[..., None]:
    def moved(src: Any, dst: Any, **kwargs: Any) -> None:
        source, target = _real(src, kwargs.get("src_dir_fd")), _real(dst, kwargs.get("dst_dir_fd"))
        _refuse_if_held(source, f"{name} of {source}")
        if os.path.lexists(target) and target != source:
            if not replaces:
                raise _refuse(errno.EEXIST, f"rename over the existing {target}", dst)
            if os.path.isdir(target):
                raise _refuse(errno.EACCES, f"replace over the folder {target}", dst)
            _refuse_if_held(target, f"replace over {target}")
        elif os.path.normcase(target) != os.path.normcase(source):
            _refuse_case_twin(target)
        _REAL[name](src, dst, **kwargs)

    return moved


def _removal(name: str) -> Callable[..., None]:
    def removed(path: Any, *, dir_fd: int | None = None) -> None:
        _refuse_if_held(_real(path, dir_fd), f"{name} of {path}")
        _REAL[name](path, dir_fd=dir_fd)

    return removed


_STATE = {"umask": 0o022, "installed": False}


def install() -> None:
    """Make this process follow Windows' rules (idempotent); see the module's text."""
    if _STATE["installed"]:
        return
    _STATE["installed"] = True
    os.environ.setdefault(ENV, str(os.getpid()))
    for name in ("fsync", "mkdir", "chmod", "umask", "rename", "replace", "unlink", "remove"):
        _REAL[name] = getattr(os, name)
    _REAL["rmdir"] = os.rmdir
    _REAL["os_open"] = os.open
    _REAL["io_open"] = io.open
    _REAL["open"] = io.open
    _STATE["umask"] = _REAL["umask"](0)  # files get Windows' 0o666: no mode protects them
    os.fsync = _fsync
    os.open = _open
    io.open = builtins.open = _io_open
    os.mkdir = _mkdir
    os.chmod = _chmod
    os.umask = _umask
    os.rename = _rename_like("rename", replaces=False)
    os.replace = _rename_like("replace", replaces=True)
    os.unlink = _removal("unlink")
    os.remove = _removal("remove")
    os.rmdir = _removal("rmdir")
    # Windows' shutil.rmtree walks by name (no descriptor of a folder)
    shutil._use_fd_functions = False  # type: ignore[attr-defined]
    from rm_journal.core.storage import platform_files

    platform_files.CURRENT = platform_files.Platform("win32", SimulatedCalls())


class SimulatedCalls:
    """The real calls, and ``msvcrt.locking`` (which Linux lacks) done with ``flock``."""

    def __init__(self) -> None:
        from rm_journal.core.storage.platform_files import RealSyscalls

        self._real = RealSyscalls()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def lock_windows(self, fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def profile_folder(base: Path) -> Path:
    """A Windows-like profile folder under ``base`` for a run's temporary files."""
    folder = base / PROFILE_NAME
    folder.mkdir(exist_ok=True)
    return folder
