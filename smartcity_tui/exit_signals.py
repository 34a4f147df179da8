"""Ending the app cleanly when the system asks it to go: Ctrl+Break, closing the console window,
logging off or shutting down on Windows; the terminal closing (SIGHUP) or a polite kill
(SIGTERM) on POSIX. Without this the process just dies: the console is left in the app's
modes (mouse tracking, VT input: cmd.exe unusable afterwards) and the plan's lock is left for
the next session to recover.

The app is asked to exit the way the quit key does it, so Textual puts the console back and
the store gives the lock back. Windows gives a closing window about five seconds: its handler
waits (in the thread Windows calls it on) until the app has finished, then lets it go.
No Textual here: the caller hands in `ask_to_exit`, which must only schedule the exit (it is
called from a signal handler, or from Windows' handler thread) and say whether it could.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable

# Windows ends a process this long after a close, log-off or shut-down event: finish before.
CLOSE_WAIT_SECONDS = 4.5
_CTRL_CLOSE_EVENT, _CTRL_LOGOFF_EVENT, _CTRL_SHUTDOWN_EVENT = 2, 5, 6


def signal_names() -> tuple[str, ...]:
    return ("SIGBREAK",) if sys.platform == "win32" else ("SIGHUP", "SIGTERM")


def install(ask_to_exit: Callable[[], bool]) -> Callable[[], None]:
    """Route the system's "please go" to `ask_to_exit`; returns `finished`, to call once the
    app has exited and the plan is closed: it puts the previous handlers back and releases a
    waiting Windows close."""
    done = threading.Event()
    previous: dict[int, object] = {}

    def on_signal(signum: int, frame: object) -> None:
        if not ask_to_exit():
            raise SystemExit(128 + signum)  # no app running yet: unwind, closing the plan

    for name in signal_names():
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            previous[sig] = signal.signal(sig, on_signal)
        except (ValueError, OSError):  # not the main thread (tests, embedding): nothing to do
            pass
    remove_console_handler = _console_close_handler(ask_to_exit, done) if sys.platform == "win32" else None

    def finished() -> None:
        done.set()
        for sig, handler in previous.items():
            try:
                signal.signal(sig, handler)  # type: ignore[arg-type]  # signal.signal returned it, None included (a handler set outside Python), which typeshed will not take back
            except (ValueError, OSError, TypeError):
                pass
        if remove_console_handler is not None:
            remove_console_handler()

    return finished


def _console_close_handler(ask_to_exit: Callable[[], bool], done: threading.Event) -> Callable[[], None] | None:
    """Windows: closing the window, logging off and shutting down reach a process only through
    SetConsoleCtrlHandler, and end it as soon as the handler returns. Ours asks the app to
    exit and waits for it; Ctrl+C and Ctrl+Break are left to Python's own handling."""
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only; typeshed declares it for win32
        routine_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)  # type: ignore[attr-defined]  # WINFUNCTYPE exists on Windows only
    except (ImportError, AttributeError, OSError):
        return None

    def routine(event: int) -> bool:
        if event not in (_CTRL_CLOSE_EVENT, _CTRL_LOGOFF_EVENT, _CTRL_SHUTDOWN_EVENT):
            return False
        if not ask_to_exit():
            import _thread

            _thread.interrupt_main()  # still starting: unwind the main thread, closing the plan
        done.wait(CLOSE_WAIT_SECONDS)
        return True

    callback = routine_type(routine)  # kept referenced below for as long as it is installed
    if not kernel32.SetConsoleCtrlHandler(callback, True):
        return None

    def remove() -> None:
        kernel32.SetConsoleCtrlHandler(callback, False)

    remove.callback = callback  # type: ignore[attr-defined]  # the callback is kept on the function so ctypes' pointer to it is not collected
    return remove
