"""Ctrl+Break, closing the window (Windows), SIGHUP and SIGTERM (POSIX) ask the app to exit
the way its quit key does, so the console is put back and the plan's lock released (issue 17
#7, Windows review C4). The wiring is checked with the system's calls faked."""

from __future__ import annotations

import ctypes
import signal
import sys
import threading
import time

import pytest

from smartcity_tui import exit_signals


@pytest.fixture
def handlers(monkeypatch):
    installed: dict[int, object] = {}

    def fake_signal(sig, handler):
        old = installed.get(sig, signal.SIG_DFL)
        installed[sig] = handler
        return old

    monkeypatch.setattr(signal, "signal", fake_signal)
    return installed


def test_on_posix_hangup_and_terminate_ask_the_app_to_exit(handlers, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    asked = []
    finished = exit_signals.install(lambda: asked.append(1) or True)
    assert set(handlers) == {signal.SIGHUP, signal.SIGTERM}
    handlers[signal.SIGHUP](signal.SIGHUP, None)
    handlers[signal.SIGTERM](signal.SIGTERM, None)
    assert asked == [1, 1]
    finished()
    assert handlers[signal.SIGHUP] is signal.SIG_DFL  # put back as they were


def test_before_the_app_runs_a_signal_unwinds_so_the_plan_is_closed(handlers, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    exit_signals.install(lambda: False)
    with pytest.raises(SystemExit):
        handlers[signal.SIGTERM](signal.SIGTERM, None)


class FakeKernel32:
    def __init__(self) -> None:
        self.routines: list = []

    def SetConsoleCtrlHandler(self, routine, add):
        if add:
            self.routines.append(routine)
        else:
            self.routines.remove(routine)
        return 1


@pytest.fixture
def windows(handlers, monkeypatch):
    kernel32 = FakeKernel32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(signal, "SIGBREAK", 21, raising=False)
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "WINFUNCTYPE", lambda *types: (lambda fn: fn), raising=False)
    return kernel32


def test_on_windows_ctrl_break_asks_the_app_to_exit(windows, handlers):
    asked = []
    finished = exit_signals.install(lambda: asked.append(1) or True)
    handlers[21](21, None)
    assert asked == [1]
    finished()
    assert windows.routines == []


def test_on_windows_closing_the_window_waits_until_the_app_has_finished(windows):
    asked = []
    finished = exit_signals.install(lambda: asked.append(1) or True)
    (routine,) = windows.routines
    answers = []
    closing = threading.Thread(target=lambda: answers.append(routine(2)))  # CTRL_CLOSE_EVENT
    closing.start()
    time.sleep(0.2)
    assert asked == [1] and closing.is_alive()  # Windows must not end the process yet
    finished()  # the app exited and closed the plan
    closing.join(2)
    assert answers == [True]


def test_on_windows_ctrl_c_is_left_to_python(windows):
    exit_signals.install(lambda: True)
    (routine,) = windows.routines
    assert routine(0) is False  # CTRL_C_EVENT: KeyboardInterrupt as always
