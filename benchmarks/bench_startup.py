"""How long the app takes from process start to its first frame, beside a bare Textual app.

    python benchmarks/bench_startup.py [--runs N] [--records N]

Three cases, each run N times in a pseudo-terminal (100x30), interleaved, median reported:
- bare:   a Textual app with one DataTable (this script with --bare-app);
- sample: `python -m smartcity_tui` on a copy of sample_data/plan.json;
- large:  the same on a 10,000-record plan (benchmarks/generate.py);
- onefile (with --onefile): the one-file build on the sample plan, under `python -I -S`.
Two marks, each timed from just before the process starts to the moment the app has painted
(so interpreter start and imports count, as they do for a user): with
SMARTCITY_TUI_EXIT_AFTER_FIRST_FRAME set, the app writes the time of the mark to the file
SMARTCITY_TUI_FIRST_FRAME_STAMP names and quits (ui/app.py); the bare app does the same after
its first refresh.
- first frame: the first screen painted. A small plan is read before it, so for the sample
  this is the dashboard; a big plan is read in a thread behind a "Membuka rencana" screen;
- dashboard: the dashboard with the plan's counts painted (the plan fully read).
Targets: sample <= 1.3 x bare; large <= 1.5 x sample.
Bytecode: the app's modules are compiled first (compileall), as `pip install` does for every
user, so that compiling the source is not counted in each run. (Textual's are compiled at its
install. Without this, a checkout under PYTHONDONTWRITEBYTECODE=1 recompiles the app's ~100
modules at every start, ~25 ms that no installed copy pays; --no-compile shows that case.)
POSIX only (it needs a pseudo-terminal); on Windows run the app by hand.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIRST_FRAME_ENV = "SMARTCITY_TUI_EXIT_AFTER_FIRST_FRAME"
STAMP_ENV = "SMARTCITY_TUI_FIRST_FRAME_STAMP"


def bare_app() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("a", "b")
            table.add_row("1", "2")
            self.call_after_refresh(self.drawn)

        def drawn(self) -> None:
            Path(os.environ[STAMP_ENV]).write_text(repr(time.time()), encoding="utf-8")
            self.exit()

    Bare().run()


def run_in_pty(argv: list[str], env: dict[str, str]) -> float:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    drained = threading.Event()

    def drain() -> None:  # the app blocks if nobody reads what it draws
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            pass
        drained.set()

    threading.Thread(target=drain, daemon=True).start()
    stamp = Path(env[STAMP_ENV])
    stamp.unlink(missing_ok=True)
    start = time.time()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, cwd=ROOT)
    code = proc.wait(timeout=120)
    os.close(slave)
    drained.wait(2)
    os.close(master)
    if code != 0 or not stamp.exists():
        raise SystemExit(f"{argv} exited with {code} before its first frame")
    return float(stamp.read_text(encoding="utf-8")) - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--no-compile", action="store_true",
                    help="leave the app's modules uncompiled (a source checkout's first start)")
    ap.add_argument("--onefile", action="store_true",
                    help="also the one-file build (scripts/build_onefile.py) on the sample plan")
    ap.add_argument("--bare-app", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.bare_app:
        bare_app()
        return 0
    if sys.platform == "win32":
        print("bench_startup needs a pseudo-terminal (POSIX)", file=sys.stderr)
        return 2
    if not args.no_compile:  # the checkout's modules: the runs start in ROOT (run_in_pty)
        compileall.compile_dir(ROOT / "smartcity_tui", quiet=1)

    sys.path.insert(0, str(HERE))
    from generate import build_large_plan

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sample = tmp_path / "sample.json"
        shutil.copyfile(ROOT / "sample_data" / "plan.json", sample)
        large = build_large_plan(tmp_path / "large.json", args.records)
        env = {**os.environ, FIRST_FRAME_ENV: "1", "TERM": "xterm-256color", STAMP_ENV: str(tmp_path / "stamp"),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
        py = sys.executable
        first = {**env, FIRST_FRAME_ENV: "1"}
        ready = {**env, FIRST_FRAME_ENV: "dashboard"}
        cases = {
            "bare": ([py, str(Path(__file__).resolve()), "--bare-app"], first),
            "sample first frame": ([py, "-m", "smartcity_tui", str(sample)], first),
            "large first frame": ([py, "-m", "smartcity_tui", str(large)], first),
            "sample dashboard": ([py, "-m", "smartcity_tui", str(sample)], ready),
            "large dashboard": ([py, "-m", "smartcity_tui", str(large)], ready),
        }
        if args.onefile:  # the one-file build, run by a Python that sees no installed package
            sys.path.insert(0, str(ROOT / "scripts"))
            from build_onefile import build

            pyz = tmp_path / "smartcity-tui.pyz"
            build(pyz)
            cases["onefile first frame"] = ([py, "-I", "-S", str(pyz), str(sample)],
                                            {**first, "SMARTCITY_TUI_STATE_DIR": str(tmp_path / "state")})
        for cmd, case_env in cases.values():  # warm the disk cache and .pyc files
            run_in_pty(cmd, case_env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (cmd, case_env) in cases.items():
                times[name].append(run_in_pty(cmd, case_env))

    med = {name: statistics.median(ts) for name, ts in times.items()}
    for name, ts in times.items():
        print(f"{name:19s} median {med[name] * 1000:6.0f} ms   (min {min(ts) * 1000:.0f}, "
              f"max {max(ts) * 1000:.0f}, {len(ts)} runs)")

    def ratio(label: str, a: str, b: str, target: float) -> None:
        r = med[a] / med[b]
        print(f"{label:32s} {r:.2f}  (target <= {target:.2f}) {'ok' if r <= target else 'OVER'}")

    ratio("first frame: sample / bare", "sample first frame", "bare", 1.3)
    ratio("first frame: large / sample", "large first frame", "sample first frame", 1.5)
    ratio("dashboard:   sample / bare", "sample dashboard", "bare", 1.3)
    ratio("dashboard:   large / sample", "large dashboard", "sample dashboard", 1.5)
    if args.onefile:
        ratio("one file: sample / bare", "onefile first frame", "bare", 1.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
