"""One writer per plan file: a lock file beside the plan naming who holds it.

Created with O_EXCL, so two laptops sharing a folder (or two app windows) cannot both win.
A lock left by a crashed process on this machine is recovered silently; one held from another
machine cannot be checked and is reported with its holder, so a person decides.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .atomic import temp_path_for
from .errors import PlanLocked

# A lock file that is empty or unreadable may be one another process is writing right now;
# only after this long is it taken to be debris from a crash.
HALF_WRITTEN_GRACE_SECONDS = 5.0


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows setups
        return "?"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    user: str
    team: str
    since: str

    def describe(self) -> str:
        who = self.team or self.user
        return f"{who} ({self.user}@{self.host}, pid {self.pid}, {self.since})"

    def is_stale(self) -> bool:
        return self.host == platform.node() and not pid_alive(self.pid)


class PlanLock:
    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path  # what a person is told is locked: the plan, not this file
        self.path = plan_path.with_name(plan_path.name + ".lock")
        self.held = False

    def read_holder(self) -> LockHolder | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return LockHolder(int(raw["pid"]), str(raw["host"]), str(raw.get("user", "")),
                              str(raw.get("team", "")), str(raw.get("since", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def acquire(self, team: str = "", *, break_lock: bool = False) -> None:
        info = {
            "pid": os.getpid(), "host": platform.node(), "user": _user(), "team": team,
            "since": _dt.datetime.now().isoformat(timespec="seconds"),
        }
        for _ in range(3):
            try:
                self._create(json.dumps(info).encode("utf-8"))
            except FileExistsError:
                holder = self.read_holder()
                if holder is None:
                    if break_lock or self._age() > HALF_WRITTEN_GRACE_SECONDS:
                        self._remove()
                        continue
                    raise PlanLocked(self.plan_path, holder="?") from None
                if holder.pid == os.getpid() and holder.host == platform.node():
                    raise PlanLocked(self.plan_path, holder=holder.describe())
                if break_lock or holder.is_stale():
                    self._remove()
                    continue
                raise PlanLocked(self.plan_path, holder=holder.describe()) from None
            self.held = True
            return
        raise PlanLocked(self.plan_path, holder="?")

    def _create(self, content: bytes) -> None:
        """Create the lock file holding `content`, or raise FileExistsError. The content is
        written to a temp file first and hard-linked into place, so a crash never leaves an
        empty lock (which others must then wait out); where links are not supported (FAT
        flash drives) the file is created with O_EXCL and written at once."""
        tmp = temp_path_for(self.path)
        try:
            with open(tmp, "wb") as f:
                f.write(content)
            try:
                os.link(tmp, self.path)
                return
            except FileExistsError:
                raise
            except (OSError, NotImplementedError):
                pass
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as f:
                f.write(content)
        finally:
            try:
                tmp.unlink()
            except OSError:
                pass

    def release(self) -> None:
        if not self.held:
            return
        holder = self.read_holder()
        if holder is not None and holder.pid == os.getpid() and holder.host == platform.node():
            self._remove()
        self.held = False

    def _age(self) -> float:
        try:
            return time.time() - self.path.stat().st_mtime
        except OSError:
            return 0.0

    def _remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
