"""The one-file build (scripts/build_onefile.py): the app and its packages in one .pyz that a
bare Python runs with nothing installed, as it goes to a laptop on a flash drive. Built here
from the test environment, offline; run with `python -I -S`, which sees no installed package."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_onefile = _script("build_onefile", ROOT / "scripts" / "build_onefile.py")


@pytest.fixture(scope="module")
def pyz(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("onefile") / "smartcity-tui.pyz"
    build_onefile.build(out)
    return out


def bare_python(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    # -I: no user site or PYTHON* variables; -S: not even the test venv's site-packages
    return subprocess.run([sys.executable, "-I", "-S", *args], capture_output=True, text=True,
                          encoding="utf-8", stdin=subprocess.DEVNULL, env=env, timeout=120)


def test_a_bare_python_runs_the_commands_from_the_one_file(pyz, tmp_path):
    from smartcity_tui import __version__

    assert bare_python("-c", "import textual").returncode != 0, "the check must see no installed package"
    done = bare_python(str(pyz), "--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"smartcity-tui {__version__}")
    done = bare_python(str(pyz), "stats", str(ROOT / "sample_data" / "plan.json"))
    assert done.returncode == 0 and "Kabupaten Wonosari Raya" in done.stdout, done.stderr
    done = bare_python(str(pyz), "stats", str(tmp_path / "tidak-ada.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_one_file_draws_the_demo_dashboard(pyz, tmp_path):
    """The stylesheets and the sample plan come out of the zip (no files on disk there)."""
    bench = _script("bench_startup", ROOT / "benchmarks" / "bench_startup.py")
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           bench.FIRST_FRAME_ENV: "dashboard", bench.STAMP_ENV: str(tmp_path / "stamp")}
    # -I ignores PYTHON* variables but not the app's own: the state folder stays in the test's
    env["SMARTCITY_TUI_STATE_DIR"] = os.environ["SMARTCITY_TUI_STATE_DIR"]
    seconds = bench.run_in_pty([sys.executable, "-I", "-S", str(pyz), "demo"], env)
    assert 0 < seconds < 60
    demo_copy = tmp_path / "data" / "smartcity-tui" / "demo" / "contoh-rencana-induk.json"
    assert demo_copy.read_bytes() == (ROOT / "sample_data" / "plan.json").read_bytes()


def test_the_build_is_reproducible_and_holds_bytecode_for_every_module(pyz, tmp_path):
    again = tmp_path / "again.pyz"
    build_onefile.build(again)
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(pyz.read_bytes()).digest()
    with zipfile.ZipFile(pyz) as zf:
        names = set(zf.namelist())
        sources = {n for n in names if n.endswith(".py") and n != "__main__.py"}
        assert "smartcity_tui/ui/app.tcss" in names and "smartcity_tui/data/sample_plan.json" in names
        assert {"textual/app.py", "tinydb/table.py", "tomli_w/_writer.py", "rich/console.py"} <= sources
        assert sorted(n for n in sources if n + "c" not in names) == []
        assert not any("__pycache__" in n for n in names)
        assert all(zf.getinfo(n + "c").compress_type == zipfile.ZIP_STORED for n in sources)
