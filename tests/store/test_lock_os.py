"""The lock is the operating system's (issue 10 #7, Windows review A2, A3, B6): a live holder
is never taken for dead, a crashed one always is, whatever became of its process id; the lock
file still names the holder; giving it back never fails. Windows' calls are faked here."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from smartcity_tui.store import PlanLocked, PlanStore
from smartcity_tui.store import lock as lock_module
from smartcity_tui.store.lock import FORMAT, WINDOWS_LOCK_OFFSET, PlanLock, pid_alive, plan_key
from smartcity_tui.store.machine import machine_id


def _lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


def _holder_text(plan_path: Path, **over) -> bytes:
    info = {"pid": os.getpid(), "host": "LAPTOP-POKJA", "user": "budi", "team": "Pokja Ekonomi",
            "since": "2026-11-22T09:00:00+07:00", "machine": machine_id(), "plan": plan_key(plan_path),
            "lock": FORMAT, **over}
    return json.dumps(info).encode("utf-8")


@pytest.fixture
def other_holder(tmp_plan):
    """Another process holding the plan open for writing, until the test ends."""
    code = textwrap.dedent(f"""
        import sys
        from smartcity_tui.store import PlanStore
        store = PlanStore.open({str(tmp_plan)!r})
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    yield proc
    proc.stdin.write("\n")
    proc.stdin.flush()
    proc.wait(10)


def test_the_lock_file_names_its_holder_for_people(tmp_plan):
    with PlanStore.open(tmp_plan):
        held = json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))
    assert held["pid"] == os.getpid() and held["team"] == "Pokja Governance"
    assert held["machine"] == machine_id() and held["plan"] == plan_key(tmp_plan)
    assert held["host"] and held["user"]
    assert held["since"][-6] in "+-"  # with its zone: a holder in WITA reads right in WIB


def test_a_live_holder_in_another_process_is_refused_and_break_lock_cannot_take_it(tmp_plan, other_holder):
    for break_lock in (False, True):
        with pytest.raises(PlanLocked) as err:
            PlanStore.open(tmp_plan, break_lock=break_lock)
        assert err.value.live
        msg = err.value.message("en")
        assert "Pokja Governance" in msg and str(other_holder.pid) in msg
        assert "--break-lock" not in msg  # it cannot help: the holder is running
    assert json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8"))["pid"] == other_holder.pid


def test_a_crashed_session_is_recovered_even_when_its_process_id_was_reused(tmp_plan):
    # the text says our own (live) pid: with an OS lock, a reused pid means nothing
    _lock_path(tmp_plan).write_bytes(_holder_text(tmp_plan, pid=os.getppid()))
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_stale_lock is not None
        assert store.recovered_stale_lock.team == "Pokja Ekonomi"
        store.update(store.plan().swot[0].id, text="setelah sesi yang terputus")


def test_a_lock_copied_along_with_the_plan_is_no_lock(tmp_plan):
    text = _holder_text(tmp_plan, machine="f" * 32, host="LAPTOP-LAIN", plan="c:\\users\\budi\\documents\\plan.json")
    _lock_path(tmp_plan).write_bytes(text)
    with PlanStore.open(tmp_plan) as store:
        assert store.recovered_stale_lock is None  # no "ended without closing": it was not here


def test_a_lock_from_another_machine_on_this_same_path_waits_for_a_person(tmp_plan):
    # a network share: its locks may not reach us, so the text decides, as before
    _lock_path(tmp_plan).write_bytes(_holder_text(tmp_plan, machine="e" * 32, host="LAPTOP-POKJA-3"))
    with pytest.raises(PlanLocked) as err:
        PlanStore.open(tmp_plan)
    assert not err.value.live and "LAPTOP-POKJA-3" in err.value.message("en")
    assert "--break-lock" in err.value.message("en")
    PlanStore.open(tmp_plan, break_lock=True).close()


def test_closing_never_fails_when_the_lock_file_cannot_be_deleted(tmp_plan, monkeypatch):
    store = PlanStore.open(tmp_plan)
    real_unlink = Path.unlink

    def held(self, *a, **k):
        if self.name.endswith(".lock"):
            e = PermissionError(errno.EACCES, "The process cannot access the file")
            e.winerror = 32  # a second instance reading who holds it, a scanner, OneDrive
            raise e
        return real_unlink(self, *a, **k)

    with monkeypatch.context() as m:
        m.setattr(Path, "unlink", held)
        store.close()  # no exception
    assert _lock_path(tmp_plan).exists()
    # the file left behind holds no OS lock: the next session opens
    PlanStore.open(tmp_plan).close()


# --- Windows, faked ------------------------------------------------------------------------

class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it, within one process: a byte range held by one handle
    at a time; records where each lock was taken."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}
        self.offsets: list[int] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        pos = os.lseek(fd, 0, os.SEEK_CUR)
        key = (st.st_dev, st.st_ino, pos)
        if mode == self.LK_NBLCK:
            self.offsets.append(pos)
            if self.held.get(key, fd) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif self.held.get(key) == fd:
            del self.held[key]


@pytest.fixture
def windows(monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    return fake


def test_on_windows_one_byte_far_from_the_text_is_locked_and_the_text_stays_readable(tmp_plan, windows):
    first = PlanLock(tmp_plan)
    first.acquire("Pokja Ekonomi")
    assert windows.offsets == [WINDOWS_LOCK_OFFSET]
    assert first.read_holder().team == "Pokja Ekonomi"  # what a refused second window reads
    with pytest.raises(PlanLocked) as err:
        PlanLock(tmp_plan).acquire("Pokja Lain")
    assert "Pokja Ekonomi" in err.value.message("en") and err.value.live
    first.release()
    assert not windows.held and not _lock_path(tmp_plan).exists()
    second = PlanLock(tmp_plan)
    second.acquire("Pokja Lain")
    second.release()


def test_on_windows_a_lock_file_that_cannot_be_deleted_reads_as_free_not_as_a_crash(tmp_plan, windows, monkeypatch):
    lock = PlanLock(tmp_plan)
    lock.acquire("Pokja Ekonomi")
    monkeypatch.setattr(lock_module, "unlink_with_retry", lambda path, seconds=None: False)  # a scanner holds it
    lock.release()
    assert json.loads(_lock_path(tmp_plan).read_text(encoding="utf-8")) == {"released": True}
    again = PlanLock(tmp_plan)
    again.acquire("Pokja Ekonomi")
    assert again.recovered is None  # no false "the last session ended without closing"
    again.release()


class Fn:
    """A ctypes foreign function as far as pid_alive uses one: callable, takes restype and
    argtypes."""

    def __init__(self, body) -> None:
        self.body, self.restype, self.argtypes = body, None, None

    def __call__(self, *args):
        return self.body(*args)


class FakeKernel32:
    def __init__(self, handle: int, last_error: int, exit_code: int = 259, query_ok: bool = True) -> None:
        self.last_error, self.closed = last_error, []
        self.OpenProcess = Fn(lambda access, inherit, pid: handle)
        self.GetExitCodeProcess = Fn(lambda h, ref: self._exit_code(ref, exit_code, query_ok))
        self.CloseHandle = Fn(lambda h: self.closed.append(h) or 1)

    @staticmethod
    def _exit_code(ref, exit_code: int, query_ok: bool) -> int:
        if not query_ok:
            return 0
        ref._obj.value = exit_code
        return 1


def _fake_windows(monkeypatch, kernel32: FakeKernel32) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: kernel32.last_error, raising=False)


@pytest.mark.parametrize("last_error, alive", [(5, True), (87, False), (6, True)])
def test_windows_takes_a_process_it_may_not_open_for_alive_and_only_no_such_process_for_dead(monkeypatch, last_error, alive):
    # 5: another account's or an elevated instance; 87: no such process
    _fake_windows(monkeypatch, FakeKernel32(handle=0, last_error=last_error))
    assert pid_alive(4242) is alive


@pytest.mark.parametrize("query_ok, exit_code, alive", [(True, 259, True), (True, 0, False), (False, 0, True)])
def test_windows_reads_the_exit_code_and_cannot_tell_means_alive(monkeypatch, query_ok, exit_code, alive):
    kernel32 = FakeKernel32(handle=77, last_error=0, exit_code=exit_code, query_ok=query_ok)
    _fake_windows(monkeypatch, kernel32)
    assert pid_alive(4242) is alive
    assert kernel32.closed == [77]
