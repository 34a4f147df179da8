"""One writer per plan file: an operating-system lock on `plan.json.lock`, held for the whole
session, in a file that names its holder.

The OS lock (flock on POSIX; on Windows msvcrt.locking of one byte far past the text, so the
text stays readable) is what decides: taking it is atomic, and it dies with its process, so a
crashed session's lock is simply free, whatever became of its process id. The file's text
says who holds it, for the person who is refused, and keeps the cases the OS cannot judge:
- a lock written on another machine for this same plan path is left for a person to break
  with --break-lock where it may come from a network share whose locks do not reach us; on
  Windows, a plan on this machine's own disk cannot have such a holder (Windows enforces
  every byte lock on its disks, also one taken over the network), so there it was copied
  along with the plan from another laptop: stale;
- a lock naming another plan path was copied along with the plan: stale;
- a lock file written by an older app holds no OS lock: its process id decides, as before.
Why this design and not a lock-file dance: docs/design-notes.md, "The lock".
"""

from __future__ import annotations

import datetime as _dt
import errno
import getpass
import json
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import windows_files
from .atomic import unlink_with_retry, with_retry
from .errors import PlanLocked
from .machine import host_name, machine_id

# A lock file that is empty or unreadable may be one an older app is writing right now; only
# after this long is it taken to be debris from a crash.
HALF_WRITTEN_GRACE_SECONDS = 5.0
# The text's format marker: written by a holder of the OS lock.
FORMAT = 2
# Windows locks bytes, and a locked byte cannot be read by others: lock one far from the text.
WINDOWS_LOCK_OFFSET = 0x7FFFFFF0
# How often the file is opened again when it was replaced between opening and locking.
ATTEMPTS = 20
# Seconds a lock file held by a scanner (or being deleted) is waited for when opening it.
OPEN_RETRY_SECONDS = 2.0


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _windows_pid_alive(pid: int) -> bool:
    """Only "no such process" (ERROR_INVALID_PARAMETER) is dead. Access denied is a process of
    another account or an elevated one: alive, and taking its lock would make two writers."""
    import ctypes
    from ctypes import wintypes

    # the ignores below: typeshed has WinDLL and get_last_error on win32 only, mypy checks as on Linux
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only; typeshed declares it for win32
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() != 87  # type: ignore[attr-defined,no-any-return]  # get_last_error is Windows-only in typeshed
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: alive is the safe answer
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def own_windows_disk(plan_key_text: str) -> bool:
    """On Windows, the plan is on this machine's own disk (not a network drive)."""
    return sys.platform == "win32" and not windows_files.on_network_drive(plan_key_text)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows setups
        return "?"


def plan_key(plan_path: Path) -> str:
    """The plan as a lock names it: its resolved path, case-folded where the OS does."""
    try:
        return os.path.normcase(str(plan_path.resolve()))
    except OSError:
        return os.path.normcase(str(plan_path.absolute()))


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    team: str
    since: str
    machine: str = ""  # machine.py's id; empty in an older app's lock
    plan: str = ""  # plan_key of the plan it locks; empty in an older app's lock
    os_locked: bool = False  # written by a holder of the OS lock (FORMAT 2)
    released: bool = False  # a holder that closed but could not delete the file (Windows)

    def describe(self) -> str:
        who = self.team or self.user
        return f"{who} ({self.user}@{self.host}, pid {self.pid}, {self.since})"

    def is_stale(self) -> bool:
        """For an older app's lock only: its process on this host is gone."""
        return self.host == platform.node() and not pid_alive(self.pid)

    @classmethod
    def parse(cls, text: bytes) -> LockHolder | None:
        try:
            # The first JSON object only: a holder killed between writing its text over a
            # longer one and cutting the file leaves the old text's tail after it (_write).
            raw, _end = json.JSONDecoder().raw_decode(text.decode("utf-8", errors="replace").lstrip())
            if raw.get("released") is True:
                return cls(0, "", "", "", "", released=True)
            return cls(int(raw["pid"]), str(raw["host"]), str(raw.get("user", "")),
                       str(raw.get("team", "")), str(raw.get("since", "")),
                       str(raw.get("machine", "")), str(raw.get("plan", "")),
                       raw.get("lock") == FORMAT)
        except (AttributeError, ValueError, KeyError, TypeError):
            return None


class _PosixLocker:
    def lock(self, fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def unlock(self, fd: int) -> None:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class _WindowsLocker:
    def lock(self, fd: int) -> bool:
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            # Windows only: typeshed declares it for win32, and mypy checks as on Linux
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # msvcrt.locking is Windows-only in typeshed
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EDEADLK, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
                return False
            raise
        return True

    def unlock(self, fd: int) -> None:
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        # Windows only: typeshed declares it for win32, and mypy checks as on Linux
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # msvcrt.locking is Windows-only in typeshed


def _locker() -> _PosixLocker | _WindowsLocker:
    return _WindowsLocker() if sys.platform == "win32" else _PosixLocker()


class PlanLock:
    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path  # what a person is told is locked: the plan, not this file
        self.path = plan_path.with_name(plan_path.name + ".lock")
        self.held = False
        # the holder of a lock left by a session that ended without closing, taken over
        # silently: the app and the command line say so (nothing was lost)
        self.recovered: LockHolder | None = None
        self._fd: int | None = None
        self._info: dict[str, object] = {}

    def read_holder(self) -> LockHolder | None:
        try:
            return LockHolder.parse(self.path.read_bytes())
        except OSError:
            return None

    # --- taking it ---------------------------------------------------------------------------

    def acquire(self, team: str = "", *, break_lock: bool = False) -> None:
        """Hold the lock, or raise PlanLocked naming who holds it. An OSError (a read-only
        drive or folder, a path too long) is the caller's to put in words."""
        if self.held:
            raise PlanLocked(self.plan_path, holder=self._describe_self(), live=True)
        locker = _locker()
        for _ in range(ATTEMPTS):
            fd, created = self._open()
            try:
                if not locker.lock(fd):
                    holder = self._read(fd)
                    raise PlanLocked(self.plan_path, holder=holder.describe() if holder else "?", live=True)
                if not self._still_at_path(fd):
                    _close(fd)  # released and deleted meanwhile: open the new file
                    continue
                self.recovered = None if created else self._judge(self._read(fd), fd, break_lock)
                self._info = self._holder_info(team)
                self._write(fd, self._info)
            except BaseException:
                _close(fd)
                raise
            self._fd = fd
            self.held = True
            # Explorer shows dot files: hidden, it is not selected and copied with the plan
            windows_files.hide(self.path)
            return
        raise PlanLocked(self.plan_path, holder="?")

    def set_team(self, team: str) -> None:
        """Name the team in the lock once the plan is read (the lock is taken before)."""
        if self._fd is None or self._info.get("team") == team:
            return
        self._info["team"] = team
        try:
            self._write(self._fd, self._info)
        except OSError:
            pass  # the text is for people; the OS lock is what holds

    def _open(self) -> tuple[int, bool]:
        """The lock file, opened for reading and writing, and whether this call made it."""
        flags = os.O_RDWR | getattr(os, "O_BINARY", 0)

        def attempt() -> tuple[int, bool] | None:
            try:
                return os.open(self.path, flags | os.O_CREAT | os.O_EXCL, 0o644), True
            except FileExistsError:
                pass
            try:
                return os.open(self.path, flags), False
            except FileNotFoundError:
                return None  # deleted between the two opens: make it

        for _ in range(ATTEMPTS):
            opened = with_retry(attempt, OPEN_RETRY_SECONDS)
            if opened is not None:
                return opened
        raise PlanLocked(self.plan_path, holder="?")

    def _still_at_path(self, fd: int) -> bool:
        """POSIX deletes a lock file its releaser still holds; whoever locked that old file
        must open the new one. (Windows cannot delete a file that is open at all.)"""
        if sys.platform == "win32":
            return True
        try:
            here, ours = os.stat(self.path), os.fstat(fd)
        except OSError:
            return False
        return (here.st_dev, here.st_ino) == (ours.st_dev, ours.st_ino)

    def _judge(self, previous: LockHolder | None, fd: int, break_lock: bool) -> LockHolder | None:
        """The OS lock is ours; decide what the text left in the file says. Returns the holder
        of a session that ended without closing, raises PlanLocked where a person decides."""
        if break_lock:
            return None
        if previous is None:
            # empty: made by a process that died (or lost the race) before writing; garbage:
            # perhaps an older app writing it this instant, so only once it has aged
            if os.fstat(fd).st_size and self._age(fd) < HALF_WRITTEN_GRACE_SECONDS:
                raise PlanLocked(self.plan_path, holder="?")
            return None
        if previous.released:
            return None
        here = plan_key(self.plan_path)
        if previous.os_locked:
            if previous.plan and previous.plan != here:
                return None  # copied along with the plan: says nothing about this file
            if previous.machine == machine_id():
                return previous  # its process died with its OS lock
            if own_windows_disk(here):
                return None  # copied from another laptop to the same path (Documents, say)
            raise PlanLocked(self.plan_path, holder=previous.describe())  # a share's other side
        # an older app's lock, without an OS lock behind it
        if previous.is_stale():
            return previous
        raise PlanLocked(self.plan_path, holder=previous.describe())

    def _holder_info(self, team: str) -> dict[str, object]:
        return {
            "pid": os.getpid(), "host": host_name(), "user": _user(), "team": team,
            "since": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine_id(), "plan": plan_key(self.plan_path), "lock": FORMAT,
        }

    def _describe_self(self) -> str:
        holder = LockHolder.parse(json.dumps(self._info).encode("utf-8"))
        return holder.describe() if holder else "?"

    @staticmethod
    def _read(fd: int) -> LockHolder | None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            return LockHolder.parse(os.read(fd, 64 * 1024))
        except OSError:
            return None

    @staticmethod
    def _write(fd: int, info: dict[str, object]) -> None:
        data = json.dumps(info, ensure_ascii=False).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)  # written over the old text first, then cut: never an empty file
        os.ftruncate(fd, len(data))

    @staticmethod
    def _age(fd: int) -> float:
        try:
            return time.time() - os.fstat(fd).st_mtime
        except OSError:
            return 0.0

    # --- giving it back ----------------------------------------------------------------------

    def release(self) -> None:
        """Give the lock back and delete its file. Never raises: a file held by a scanner or
        a second instance reading it stays behind, and is free for the next session."""
        if not self.held or self._fd is None:
            self.held = False
            return
        fd, self._fd, self.held = self._fd, None, False
        ours = self._names_us(self._read(fd))
        if sys.platform != "win32":
            # deleted while still locked: whoever opens it next makes a new file, and whoever
            # opened this one finds it gone (_still_at_path) and opens again
            if ours and self._still_at_path(fd):
                unlink_with_retry(self.path, 0)
            _close(fd)
            return
        # Windows cannot delete a file another process has open (a second instance reading
        # who holds it, a scanner): mark the text released first, so a file left behind reads
        # as free rather than as a session that ended without closing
        if ours:
            try:
                self._write(fd, {"released": True})
            except OSError:
                pass
        try:
            _locker().unlock(fd)
        except OSError:
            pass
        _close(fd)
        if ours:
            unlink_with_retry(self.path, 1.0)

    def _names_us(self, holder: LockHolder | None) -> bool:
        """Still our text: someone may have broken the lock with --break-lock meanwhile."""
        return (holder is not None and holder.os_locked and holder.pid == os.getpid()
                and holder.machine == self._info.get("machine"))


def _close(fd: int) -> None:
    try:
        os.close(fd)  # also gives the OS lock back
    except OSError:
        pass
