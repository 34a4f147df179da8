"""The one-file build (scripts/build_onefile.py): the app and its packages in one .pyz that a
bare Python runs with nothing installed, as it goes to a laptop on a flash drive. Built here
from the test environment, offline; run with `python -I -S`, which sees no installed package."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
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


def test_the_one_file_reads_its_frameworks_from_the_zip(pyz, tmp_path):
    """The framework files are data in the package: the one file serves them from its zip."""
    plan = tmp_path / "kota.json"
    env = {"PATH": os.environ.get("PATH", ""), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "SMARTCITY_TUI_STATE_DIR": os.environ["SMARTCITY_TUI_STATE_DIR"]}
    done = bare_python(str(pyz), "new", str(plan), "--region", "Contoh", "--kind", "kota", "--province", "Jawa Tengah",
                       "--start", "2026", "--end", "2030", "--team", "Sekretariat", "--framework", "kota-cerdas-2026",
                       env=env)
    assert done.returncode == 0, done.stderr
    done = bare_python(str(pyz), "--lang", "en", "stats", str(plan), env=env)
    assert done.returncode == 0 and "Mobility" in done.stdout and "Smart Governance" not in done.stdout, done.stderr
    copy = tmp_path / "sampel.json"
    shutil.copy(ROOT / "sample_data" / "plan.json", copy)
    done = bare_python(str(pyz), "reframe", str(copy), "--to", "kota-cerdas-2026", "--map",
                       str(ROOT / "sample_data" / "reframe-gerakan-to-kota-cerdas-2026.toml"), "--yes", env=env)
    assert done.returncode == 0 and "kota-cerdas-2026" in done.stdout, done.stderr


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


def test_the_one_file_started_as_dot_slash_finds_its_stylesheets(pyz):
    """`python3 ./smartcity-tui.pyz` puts `/dir/./smartcity-tui.pyz` on sys.path; the app's
    stylesheets are read through that exact path (the app crashed at import before)."""
    code = ("import sys; sys.path.insert(0, './smartcity-tui.pyz'); "
            "import smartcity_tui.ui.app as a; print(len(a.SmartCityApp.CSS) > 100)")
    done = subprocess.run([sys.executable, "-I", "-S", "-c", code], capture_output=True, text=True,
                          encoding="utf-8", cwd=pyz.parent, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr


def test_resources_keep_the_archive_path_as_python_was_given_it():
    from smartcity_tui.resources import beside

    base = os.path.join("/opt", ".", "smartcity-tui.pyz", "smartcity_tui", "ui", "screens", "x.py")
    assert beside(base, "../app.tcss") == os.path.join("/opt", ".", "smartcity-tui.pyz", "smartcity_tui", "ui", "app.tcss")
    assert beside(base, "./pillar.tcss") == os.path.join(os.path.dirname(base), "pillar.tcss")


def _python_3_10() -> str | None:
    """A working Python 3.10 (pyenv keeps one on these machines; its shim alone may refuse)."""
    found = sorted(str(p) for p in (Path.home() / ".pyenv" / "versions").glob("3.10*/bin/python3.10"))
    for exe in [*found, shutil.which("python3.10")]:
        if exe and subprocess.run([exe, "-c", "pass"], capture_output=True).returncode == 0:
            return exe
    return None


PY310 = _python_3_10()


@pytest.mark.skipif(PY310 is None, reason="no Python 3.10 on this machine")
def test_an_older_python_is_told_which_python_to_use(pyz):
    done = subprocess.run([PY310, "-I", str(pyz), "--version"], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "py -3.11 smartcity-tui.pyz" in done.stderr and done.stderr.count("\n") == 1


def test_a_windows_launcher_picks_the_python_the_bytecode_is_for(pyz):
    cmd = pyz.with_suffix(".cmd").read_bytes()
    major, minor = sys.version_info[:2]
    assert f'py -{major}.{minor} "%~dp0smartcity-tui.pyz" %*'.encode() in cmd
    assert b"\r\n" in cmd and b"pause" in cmd
