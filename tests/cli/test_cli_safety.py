"""The command line never ends in a traceback on an OS error (Windows review A1, C3): one line
in words, exit 2; a reader of piped output that stops early is no error, on Windows as on
POSIX; what the store put right by itself is said (issue 13 #8); `restore` is atomic and
never replaces a plan the disk merely would not hand over (review B9)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import SAMPLE, run

from smartcity_tui.cli import main
from smartcity_tui.commands import stats as stats_command
from smartcity_tui.store import PlanStore, atomic
from smartcity_tui.store.lock import FORMAT, plan_key
from smartcity_tui.store.machine import machine_id
from smartcity_tui.store.rescue import recovered_path

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = sorted(str(p) for p in (ROOT / "sample_data" / "bundles").iterdir() if not p.name.startswith("."))


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, path)
    return path


def test_an_os_error_no_check_caught_is_one_line_exit_2(plan, capsys, monkeypatch):
    def denied(args):
        raise PermissionError(errno.EACCES, "Permission denied", str(args.plan))

    monkeypatch.setattr(stats_command, "run", denied)
    code, out, err = run(capsys, "stats", plan)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(plan) in err and "tidak ada izin" in err


class ClosedPipe:
    """stdout after `| more` quit: Windows reports EINVAL, not a broken pipe."""

    encoding = "utf-8"

    def write(self, text):
        raise OSError(errno.EINVAL, "Invalid argument")

    def flush(self):
        raise OSError(errno.EINVAL, "Invalid argument")

    def fileno(self):
        raise OSError(errno.EBADF, "not a real stream")


def test_a_closed_pipe_on_windows_ends_quietly(plan, capsys, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["stats", str(plan)]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_an_invalid_file_name_on_windows_is_no_closed_pipe(plan, capsys, monkeypatch):
    def bad_name(args):
        raise OSError(errno.EINVAL, "Invalid argument", "C:\\rencana:baru.json")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(stats_command, "run", bad_name)
    code, _, err = run(capsys, "stats", plan)
    assert code == 2 and "rencana:baru.json" in err and err.count("\n") == 1


def test_output_into_a_reader_that_stopped_ends_without_a_word(plan, tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "smartcity_tui", "render", str(plan)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env={**os.environ, "SMARTCITY_TUI_STATE_DIR": str(tmp_path / "state")})
    proc.stdout.close()  # `| head` that has read enough
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(60) == 0 and err == ""


def _crashed_lock(plan: Path) -> None:
    info = {"pid": 999999, "host": "LAPTOP-SEKRETARIAT", "user": "sekretariat", "team": "Sekretariat",
            "since": "2026-11-22T09:00:00+07:00", "machine": machine_id(), "plan": plan_key(plan), "lock": FORMAT}
    plan.with_name(plan.name + ".lock").write_text(json.dumps(info), encoding="utf-8")


def test_a_session_that_ended_without_closing_is_said_by_the_next_command(plan, capsys):
    _crashed_lock(plan)
    code, _, err = run(capsys, "merge", plan, *BUNDLES)
    assert code in (0, 1)
    assert "berakhir tanpa ditutup" in err and "Tidak ada yang hilang" in err and "Sekretariat" in err
    code, _, err = run(capsys, "merge", plan, *BUNDLES)  # said once: the next session was closed
    assert "berakhir tanpa ditutup" not in err


def test_restore_from_a_recovered_copy_puts_it_in_place_as_a_fresh_replica(plan, capsys):
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi yang hampir hilang")
        replica = store.replica_id
    recovered_path(plan, 1).write_bytes(plan.read_bytes())
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi lama")
    code, out, err = run(capsys, "restore", plan, "--from", recovered_path(plan, 1))
    assert code == 0, err
    assert (plan.parent / "plan.json.previous-1").exists()  # the plan it replaced, kept
    with PlanStore.open(plan) as store:
        assert store.plan().info.vision == "Visi yang hampir hilang"
        store.set_info(vision="Ditulis sesudahnya")
        assert store.replica_id != replica  # never reuses a dot the replaced plan used


def test_restore_from_another_plan_is_refused(plan, tmp_path, capsys):
    other = tmp_path / "lain.json"
    main(["new", str(other), "--region", "Lain", "--kind", "kota", "--province", "P", "--start", "2025",
          "--end", "2029", "--team", "T"])
    capsys.readouterr()
    before = plan.read_bytes()
    code, _, err = run(capsys, "restore", plan, "--from", other)
    assert code == 2 and "rencana lain" in err and plan.read_bytes() == before


def test_a_restore_killed_midway_leaves_a_plan(plan, capsys, monkeypatch):
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi sesi ini")  # takes a backup
    before = plan.read_bytes()

    real = atomic.replace_with_retry

    def killed(src, dst, *a, **k):
        if Path(dst) == plan:
            raise KeyboardInterrupt  # Ctrl+C, or a kill, as the restored content goes in place
        return real(src, dst, *a, **k)

    monkeypatch.setattr(atomic, "replace_with_retry", killed)
    assert main(["restore", str(plan)]) == 130
    assert plan.read_bytes() == before


def test_restore_never_replaces_a_plan_the_disk_would_not_hand_over(plan, capsys, monkeypatch):
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi sesi ini")
    before = plan.read_bytes()
    real = Path.read_bytes

    def io_error(self):
        if self == plan:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self)

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", io_error)
        code, _, err = run(capsys, "stats", plan)
        assert code == 2 and "mungkin utuh" in err and "smartcity-tui restore" not in err
        code, _, err = run(capsys, "restore", plan)
        assert code == 2 and "mungkin utuh" in err
    assert plan.read_bytes() == before and not list(plan.parent.glob("*.broken-*"))
