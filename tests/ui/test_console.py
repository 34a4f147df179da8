"""The terminal checks before the app starts (ui/console.py): no terminal on stdin, Git Bash's
mintty and Windows' legacy console get one line and exit 2, never a hang or a screen of escape
codes; QuickEdit is off while the app runs and back on after. The Windows paths run here with
sys.platform set to win32 and a fake kernel32 (the real one is checked by hand on Windows:
docs/windows.md)."""

from __future__ import annotations

import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from smartcity_tui.i18n import set_language, t
from smartcity_tui.settings import Settings
from smartcity_tui.ui import console
from smartcity_tui.ui import launch as launch_module

IN, OUT = 10, 11  # the fake console's handles
QUICK_EDIT_ON = 0x1F7  # conhost's default input mode: QuickEdit (0x40) and extended flags (0x80)


class FakeConsole:
    """kernel32's console calls, over a console whose modes a test chooses."""

    def __init__(self, mode_in: int | None = QUICK_EDIT_ON, mode_out: int | None = 0x3, *,
                 vt: str = "yes") -> None:
        self.modes = {IN: mode_in, OUT: mode_out}
        self.vt = vt  # "yes"; "refused" (SetConsoleMode fails); "ignored" (succeeds, bit not kept)
        self.calls: list[tuple[int, int]] = []
        # plain functions, as ctypes' are: the code sets argtypes and restype on them
        self.dll = types.SimpleNamespace(GetStdHandle=lambda which: self._get_std_handle(which),
                                         GetConsoleMode=lambda h, ref: self._get_mode(h, ref),
                                         SetConsoleMode=lambda h, mode: self._set_mode(h, mode))

    def _get_std_handle(self, which: int) -> int:
        return {-10: IN, -11: OUT}[which]

    def _get_mode(self, handle: int, ref) -> int:
        mode = self.modes.get(handle)
        if mode is None:
            return 0
        ref._obj.value = mode
        return 1

    def _set_mode(self, handle: int, mode: int) -> int:
        self.calls.append((handle, mode))
        if handle == OUT and mode & console.ENABLE_VIRTUAL_TERMINAL_PROCESSING:
            if self.vt == "refused":
                return 0
            if self.vt == "ignored":
                return 1
        self.modes[handle] = mode
        return 1


class Tty:
    def __init__(self, tty: bool = True) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def windows(monkeypatch):
    """sys.platform is win32, stdin a console, kernel32 the fake's: returns the fake."""
    fake = FakeConsole()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "__stdin__", Tty())
    monkeypatch.delenv("MSYSTEM", raising=False)
    import ctypes

    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: fake.dll, raising=False)
    return fake


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def test_quick_edit_is_off_while_the_app_runs_and_back_after(windows):
    give_back = console.take_console()
    assert not windows.modes[IN] & console.ENABLE_QUICK_EDIT_MODE  # a click cannot freeze the app
    assert windows.modes[IN] & console.ENABLE_EXTENDED_FLAGS  # without it the console ignores the bit
    give_back()
    assert windows.modes[IN] & console.ENABLE_QUICK_EDIT_MODE
    assert windows.modes[IN] == QUICK_EDIT_ON


def test_quick_edit_already_off_is_left_alone(windows):
    windows.modes[IN] = 0x1B7  # QuickEdit unticked in the console's properties
    console.take_console()()
    assert all(handle != IN for handle, _ in windows.calls)


def test_a_console_with_escape_codes_on_already_is_not_touched(windows):
    windows.modes[OUT] = 0x7
    console.take_console()
    assert all(handle != OUT for handle, _ in windows.calls)


def test_escape_codes_switched_on_to_try_are_switched_back(windows):
    console.take_console()
    assert windows.modes[OUT] == 0x3  # Textual switches it on itself, and restores what it found


@pytest.mark.parametrize("vt", ["refused", "ignored"])
def test_the_legacy_console_is_told_in_one_line(windows, vt):
    windows.vt = vt
    with pytest.raises(console.ConsoleRefused) as refused:
        console.take_console()
    assert str(refused.value) == t("win.legacy_console")
    assert "Windows Terminal" in str(refused.value) and "\n" not in str(refused.value)
    assert windows.modes[IN] == QUICK_EDIT_ON  # nothing changed on the way out


def test_git_bash_without_a_console_names_winpty(windows, monkeypatch):
    monkeypatch.setattr(sys, "__stdin__", Tty(False))  # mintty hands Windows programs pipes
    monkeypatch.setenv("MSYSTEM", "MINGW64")
    with pytest.raises(console.ConsoleRefused) as refused:
        console.take_console()
    assert "winpty smartcity-tui" in str(refused.value)


def test_the_nul_device_is_no_console(windows):
    windows.modes[IN] = None  # `< NUL`: a character device, so a tty to Python, but no console
    with pytest.raises(console.ConsoleRefused) as refused:
        console.take_console()
    assert str(refused.value) == t("win.no_terminal")


def test_output_redirected_on_windows_is_no_console(windows):
    windows.modes[OUT] = None  # `smartcity-tui plan.json > log.txt`: Textual draws on stdout there
    with pytest.raises(console.ConsoleRefused):
        console.take_console()


def test_launch_says_it_in_one_line_exits_2_and_opens_nothing(tmp_plan, windows, monkeypatch, capsys):
    windows.vt = "refused"
    made = []
    monkeypatch.setattr(launch_module, "create_app", lambda *a, **kw: made.append(a))
    before = tmp_plan.read_bytes()
    assert launch_module.launch(tmp_plan, Settings()) == 2
    err = capsys.readouterr().err
    assert err == f"smartcity-tui: {t('win.legacy_console')}\n"
    assert made == [] and tmp_plan.read_bytes() == before
    assert not tmp_plan.with_name(tmp_plan.name + ".lock").exists()


def test_the_console_is_given_back_when_the_app_ends_with_an_error(tmp_plan, windows, monkeypatch):
    class Crashing:
        store = None

        def run(self):
            assert not windows.modes[IN] & console.ENABLE_QUICK_EDIT_MODE
            raise RuntimeError("a bug")

    monkeypatch.setattr(launch_module, "create_app", lambda *a, **kw: Crashing())
    monkeypatch.setattr(launch_module.exit_signals, "install", lambda ask: lambda: None)
    with pytest.raises(RuntimeError):
        launch_module.launch(tmp_plan, Settings())
    assert windows.modes[IN] == QUICK_EDIT_ON


def test_no_terminal_on_stdin_is_one_line_and_exit_2_without_a_hang(tmp_plan, tmp_path):
    """`smartcity-tui plan.json < /dev/null`: Textual would wait for keys forever."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SMARTCITY_TUI_STATE_DIR": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "smartcity_tui", str(tmp_plan)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"smartcity-tui: {t('win.no_terminal')}\n"
    assert done.stdout == ""
    assert time.monotonic() - started < 60
    assert not tmp_plan.with_name(tmp_plan.name + ".lock").exists()
