"""Process hygiene before any secret enters memory: no core dump, and no reading of its
memory by the user's other programs. One function per system, as KeePassXC does it.

Called by every way into an unlocked vault (create, unlock, recovery), so the
faces cannot forget it and start-up does not pay for it. It stays in force
after locking: Python cannot promise that no copy of a key or of decrypted
text is left in freed memory (see SECURITY.md).

- POSIX: ``RLIMIT_CORE`` 0: a crash writes no core file (which would hold keys and
  decrypted journals in clear), whatever the system's core pattern.
- Linux: ``PR_SET_DUMPABLE`` 0: no core dump either way, and other processes of the
  same user can no longer attach with ptrace or read ``/proc/<pid>/mem`` (unless root).
- macOS: ``ptrace(PT_DENY_ATTACH)``: no debugger, and so no memory reading, can attach
  to the process (a user who can disable System Integrity Protection still can).
- Windows: the process gets a protected DACL that grants its own user only what a
  protected process grants (synchronise, query limited information, terminate) and
  the owner only to read the DACL: no ``PROCESS_VM_READ``, so neither
  ``ReadProcessMemory`` nor ``MiniDumpWriteDump`` (what Task Manager's "Create dump
  file" and crash reporters running as the user call) works from the user's other
  programs. An administrator can still take the SeDebugPrivilege, and a dump policy
  an administrator sets (WER ``LocalDumps``) is beyond an app.

Tests pass a :class:`Hardening` of another system with a recorder for its calls.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from typing import Protocol

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4
PT_DENY_ATTACH = 31  # sys/ptrace.h on macOS
# winnt.h: what a protected process leaves to its user
SYNCHRONIZE = 0x00100000
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
PROCESS_TERMINATE = 0x0001
USER_RIGHTS = SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_TERMINATE


def process_dacl(user_sid: str) -> str:
    """The Windows process DACL, in SDDL: protected (``P``: nothing inherited), the user
    gets :data:`USER_RIGHTS`, the owner (``OW``) reading the DACL (``RC``), nobody else
    anything."""
    return f"D:P(A;;0x{USER_RIGHTS:x};;;{user_sid})(A;;RC;;;OW)"


class HardeningCalls(Protocol):
    def no_core_files(self) -> None: ...

    def not_dumpable(self) -> None: ...

    def deny_attach(self) -> None: ...

    def set_process_dacl(self) -> None: ...


class RealCalls:
    def no_core_files(self) -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    def not_dumpable(self) -> None:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)

    def deny_attach(self) -> None:  # pragma: no cover -- macOS: its ptrace only
        import ctypes

        ctypes.CDLL(None, use_errno=True).ptrace(PT_DENY_ATTACH, 0, None, 0)

    def set_process_dacl(self) -> None:  # pragma: no cover -- Windows: advapi32 only
        _set_windows_process_dacl()


@dataclass(frozen=True)
class Hardening:
    platform: str  # sys.platform
    calls: HardeningCalls


_done = False


def harden(hardening: Hardening | None = None) -> None:
    """Idempotent for this process (a given ``hardening`` always runs: tests); a
    refusal is ignored (a system without these knobs is still usable)."""
    global _done
    if hardening is None:
        if _done:
            return
        _done = True
        hardening = Hardening(sys.platform, RealCalls())
    calls = hardening.calls
    steps = []
    if hardening.platform == "win32":
        steps.append(calls.set_process_dacl)
    else:
        steps.append(calls.no_core_files)
        if hardening.platform.startswith("linux"):
            steps.append(calls.not_dumpable)
        elif hardening.platform == "darwin":
            steps.append(calls.deny_attach)
    for step in steps:
        with contextlib.suppress(ImportError, ValueError, OSError, AttributeError):
            step()


def is_dumpable() -> bool | None:
    """What the kernel says (Linux), for tests and ``rm-journal check``."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _set_windows_process_dacl() -> None:  # pragma: no cover -- Windows: advapi32 only
    """:func:`process_dacl` for this process's user, set on this process."""
    import ctypes
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    handle, pointer, out = wintypes.HANDLE, ctypes.c_void_p, ctypes.c_void_p  # 64-bit wide
    kernel32.GetCurrentProcess.restype = handle
    kernel32.GetCurrentProcess.argtypes = []
    kernel32.LocalFree.argtypes = [pointer]
    kernel32.CloseHandle.argtypes = [handle]
    advapi32.OpenProcessToken.argtypes = [handle, wintypes.DWORD, out]
    advapi32.GetTokenInformation.argtypes = [handle, ctypes.c_int, pointer, wintypes.DWORD, out]
    advapi32.ConvertSidToStringSidW.argtypes = [pointer, out]
    advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        out,
        pointer,
    ]
    advapi32.GetSecurityDescriptorDacl.argtypes = [pointer, out, out, out]
    advapi32.SetSecurityInfo.argtypes = [
        handle,
        ctypes.c_int,
        wintypes.DWORD,
        pointer,
        pointer,
        pointer,
        pointer,
    ]
    advapi32.SetSecurityInfo.restype = wintypes.DWORD
    token_query, token_user, se_kernel_object = 0x0008, 1, 6
    dacl_information, protected_dacl = 0x4, 0x80000000
    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(
        kernel32.GetCurrentProcess(), token_query, ctypes.byref(token)
    ):
        raise OSError(ctypes.get_last_error(), "OpenProcessToken")  # type: ignore[attr-defined,unused-ignore]
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, token_user, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        if not advapi32.GetTokenInformation(token, token_user, buffer, size, ctypes.byref(size)):
            raise OSError(ctypes.get_last_error(), "GetTokenInformation")  # type: ignore[attr-defined,unused-ignore]
        sid = ctypes.c_void_p.from_buffer(buffer).value  # TOKEN_USER starts with the SID's pointer
        text = wintypes.LPWSTR()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
            raise OSError(ctypes.get_last_error(), "ConvertSidToStringSidW")  # type: ignore[attr-defined,unused-ignore]
        user_sid = text.value or ""
        kernel32.LocalFree(ctypes.cast(text, ctypes.c_void_p))
    finally:
        kernel32.CloseHandle(token)
    descriptor = ctypes.c_void_p()
    if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
        process_dacl(user_sid), 1, ctypes.byref(descriptor), None
    ):
        raise OSError(ctypes.get_last_error(), "ConvertStringSecurityDescriptor")  # type: ignore[attr-defined,unused-ignore]
    try:
        present, defaulted = wintypes.BOOL(), wintypes.BOOL()
        dacl = ctypes.c_void_p()
        advapi32.GetSecurityDescriptorDacl(
            descriptor, ctypes.byref(present), ctypes.byref(dacl), ctypes.byref(defaulted)
        )
        error = advapi32.SetSecurityInfo(
            kernel32.GetCurrentProcess(),
            se_kernel_object,
            dacl_information | protected_dacl,
            None,
            None,
            dacl,
            None,
        )
        if error:
            raise OSError(error, "SetSecurityInfo")
    finally:
        kernel32.LocalFree(descriptor)
