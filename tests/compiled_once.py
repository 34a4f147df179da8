"""The package compiled and the test modules' asserts rewritten once a run, not once a worker.

pytest-xdist starts one Python process per worker (eleven on two cores), and each compiles
the package's modules and rewrites every test module's asserts (pytest's readable assertion
messages) before its first test: on a fresh clone ~3.5 s of CPU a process, the same work in
every worker, all at once (with seven workers the first test waited 28-33 s, 14-18 s since). Done here in the process
that starts the workers, before it starts them, the workers read it back (~2.6 s each, most of
it importing Textual and pytest's plugins).

The cache is Python's own and pytest's, in `__pycache__` beside each module (ignored by git);
it is written even where PYTHONDONTWRITEBYTECODE asks Python not to write one, since a worker
reads a cache whatever that variable says, and without one it compiles everything again.

This is speed only: when it cannot do its work (a read-only checkout, a pytest whose internals
moved, see test_compiled_once.py), each worker compiles for itself as before.
"""

from __future__ import annotations

import compileall
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "smartcity_tui"
TESTS = ROOT / "tests"
# what pytest rewrites (pyproject.toml: python_files is pytest's default, test_*.py) and the
# conftest files; the other modules of tests/ are imported, and compiled, as Python does
REWRITTEN = re.compile(r"(^|[\\/])(test_[^\\/]*|conftest)\.py$")


def starts_workers(config: pytest.Config) -> bool:
    """This process is the one that starts xdist's workers (`-n 0`: there are none)."""
    is_worker = hasattr(config, "workerinput")
    return not is_worker and config.getoption("dist", "no") != "no" and bool(config.getoption("tx", None))


def compile_before_workers(config: pytest.Config) -> None:
    if not starts_workers(config):
        return
    compileall.compile_dir(PACKAGE, quiet=2)
    compileall.compile_dir(TESTS, quiet=2, rx=REWRITTEN)
    if config.getoption("assertmode") == "rewrite":
        rewrite_test_modules(config, sorted(p for p in TESTS.rglob("*.py") if REWRITTEN.search(str(p))))


def rewrite_test_modules(config: pytest.Config, modules: list[Path]) -> int:
    """Rewrite the modules' asserts and cache them where pytest's import hook looks (the
    pyc files it writes itself, `<name>.cpython-311-pytest-<version>.pyc`); those already
    cached for their current source are left. Returns how many were written."""
    try:
        # pytest's own functions, which have no public counterpart: if they move, the
        # workers rewrite the modules themselves as before (test_compiled_once.py fails)
        from _pytest.assertion import rewrite

        state = config.stash[rewrite.assertstate_key]
        written = 0
        for module in modules:
            pyc = rewrite.get_cache_dir(module) / (module.name[:-3] + rewrite.PYC_TAIL)
            if rewrite._read_pyc(module, pyc) is not None:
                continue
            if not rewrite.try_makedirs(pyc.parent):
                return written
            source_stat, code = rewrite._rewrite_test(module, config)
            written += rewrite._write_pyc(state, code, source_stat, pyc)
        return written
    except Exception:  # speed only: whatever failed, the workers rewrite for themselves
        return 0
