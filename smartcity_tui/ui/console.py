"""Before the app takes the terminal: is there one it can drive? And on Windows, the console
set up so that a click does not freeze the app.

- No terminal on stdin (`smartcity-tui plan.json < /dev/null`, a pipe, a scheduled task):
  Textual would wait for keys that never come. One line instead, exit 2.
- Git Bash's mintty without a pseudo console gives Windows programs pipes, not a console:
  the same, with `winpty` named.
- Windows' legacy console (the "Use legacy console" box, or Windows 10 before 1511) does not
  understand escape codes: Textual ignores the refusal of virtual-terminal mode and the
  screen fills with codes. Asked here first: the console is put in that mode and read back.
- QuickEdit (on by default in conhost): a click starts a selection, and while it lasts the
  console blocks every write, so the app hangs until Esc or Enter. Textual sets its input mode
  without ENABLE_EXTENDED_FLAGS, which leaves QuickEdit as it was; it is switched off here
  for the app's run and put back after (the mouse then reaches the app, not a selection).

What still needs a Windows machine to confirm is in docs/windows.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from ..i18n import t

STD_INPUT_HANDLE = -10
STD_OUTPUT_HANDLE = -11
ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
ENABLE_QUICK_EDIT_MODE = 0x0040
ENABLE_EXTENDED_FLAGS = 0x0080


class ConsoleRefused(Exception):
    """The terminal cannot run the app; the message says what to do instead."""


def take_console() -> Callable[[], None]:
    """Check the terminal and set it up for the app; returns what puts it back as it was.
    Raises ConsoleRefused with the one line to show."""
    stdin = sys.__stdin__
    if stdin is None or not _isatty(stdin):
        raise ConsoleRefused(t("win.git_bash") if _mintty() else t("win.no_terminal"))
    if sys.platform != "win32":
        return _nothing
    return _take_windows_console(_kernel32())


def _take_windows_console(kernel32: Any) -> Callable[[], None]:
    handle_in = kernel32.GetStdHandle(STD_INPUT_HANDLE)
    handle_out = kernel32.GetStdHandle(STD_OUTPUT_HANDLE)
    mode_out = _mode(kernel32, handle_out)
    mode_in = _mode(kernel32, handle_in)
    if mode_out is None or mode_in is None:
        # a handle that is no console: the NUL device (a tty to Python), output redirected
        raise ConsoleRefused(t("win.git_bash") if _mintty() else t("win.no_terminal"))
    if not _understands_escape_codes(kernel32, handle_out, mode_out):
        raise ConsoleRefused(t("win.legacy_console"))
    if not mode_in & ENABLE_QUICK_EDIT_MODE:
        return _nothing
    kernel32.SetConsoleMode(handle_in, (mode_in | ENABLE_EXTENDED_FLAGS) & ~ENABLE_QUICK_EDIT_MODE)

    def give_back() -> None:
        # the extended flag makes the console take the QuickEdit bit back as it was
        kernel32.SetConsoleMode(handle_in, mode_in | ENABLE_EXTENDED_FLAGS)

    return give_back


def _understands_escape_codes(kernel32: Any, handle_out: Any, mode_out: int) -> bool:
    """Virtual-terminal output: on already, or switched on and read back (the legacy console
    refuses it). The mode is left as it was: Textual switches it on itself."""
    if mode_out & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
        return True
    if not kernel32.SetConsoleMode(handle_out, mode_out | ENABLE_VIRTUAL_TERMINAL_PROCESSING):
        return False
    after = _mode(kernel32, handle_out)
    kernel32.SetConsoleMode(handle_out, mode_out)
    return after is not None and bool(after & ENABLE_VIRTUAL_TERMINAL_PROCESSING)


def _mode(kernel32: Any, handle: Any) -> int | None:
    """The console mode of `handle`, or None when it is no console."""
    import ctypes
    from ctypes import wintypes

    mode = wintypes.DWORD()
    if not handle or not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return None
    return int(mode.value)


def _kernel32() -> Any:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only; typeshed declares it for win32
    kernel32.GetStdHandle.restype = wintypes.HANDLE
    kernel32.GetStdHandle.argtypes = (wintypes.DWORD,)
    kernel32.GetConsoleMode.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.SetConsoleMode.argtypes = (wintypes.HANDLE, wintypes.DWORD)
    return kernel32


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed or detached
        return False


def _mintty() -> bool:
    """Git Bash (MSYS2) on Windows: its mintty hands Windows programs pipes."""
    return sys.platform == "win32" and bool(os.environ.get("MSYSTEM"))


def _nothing() -> None:
    pass
