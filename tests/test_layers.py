"""Layers import in one direction (DESIGN.md): model <- store <- bundle <- ui, and model,
store and bundle never import textual, so the core runs headless on any machine."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG_DIR = Path(__file__).resolve().parent.parent / "smartcity_tui"
PKG = PKG_DIR.name

# layer -> packages it must not import
FORBIDDEN = {
    "model": ("textual", f"{PKG}.store", f"{PKG}.bundle", f"{PKG}.ui"),
    "store": ("textual", f"{PKG}.bundle", f"{PKG}.ui"),
    "bundle": ("textual", f"{PKG}.ui"),
}


def module_name(path: Path, root: Path = PKG_DIR) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """Every module a source file imports, relative imports resolved to absolute names.
    `from a import b` yields both `a` and `a.b` (b may be a submodule). String literals given
    to importlib.import_module / __import__ count too."""
    package = module if is_package else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                if node.level > 1:
                    base_parts = base_parts[: -(node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                out.add(node.args[0].value)
    return out


def violations(path: Path, layer: str, root: Path = PKG_DIR) -> list[str]:
    mod = module_name(path, root)
    imported = imported_modules(path.read_text(encoding="utf-8"), mod, path.name == "__init__.py")
    bad = []
    for name in sorted(imported):
        for banned in FORBIDDEN[layer]:
            if name == banned or name.startswith(banned + "."):
                bad.append(f"{path.relative_to(root.parent).as_posix()} imports {name} ({layer} must not use {banned})")
    return bad


def _layer_files():
    for layer in FORBIDDEN:
        for path in sorted((PKG_DIR / layer).rglob("*.py")):
            yield layer, path


def test_the_layers_exist():
    assert (PKG_DIR / "model").is_dir() and (PKG_DIR / "store").is_dir()
    assert sum(1 for _ in _layer_files()) > 10


def test_imports_go_one_way_and_never_to_textual():
    problems = [v for layer, path in _layer_files() for v in violations(path, layer)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("layer, rel, source, banned", [
    ("model", "model/bad.py", "from textual.app import App\n", "textual.app"),
    ("model", "model/bad.py", "import textual\n", "textual"),
    ("model", "model/bad.py", "from ..store import PlanStore\n", f"{PKG}.store"),
    ("model", "model/sub/__init__.py", "from ...ui import app\n", f"{PKG}.ui"),
    ("store", "store/bad.py", "from .. import bundle\n", f"{PKG}.bundle"),
    ("store", "store/bad.py", "def f():\n    from smartcity_tui.ui.app import run\n", f"{PKG}.ui.app"),
    ("bundle", "bundle/bad.py", "import importlib\nimportlib.import_module('textual.widgets')\n", "textual.widgets"),
])
def test_the_checker_names_the_file_and_the_import(tmp_path, layer, rel, source, banned):
    root = tmp_path / PKG
    path = root / rel
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    found = violations(path, layer, root)
    assert found and f"{PKG}/{rel}" in found[0] and banned in found[0]


def test_the_checker_allows_what_the_layers_allow(tmp_path):
    root = tmp_path / PKG
    path = root / "bundle" / "ok.py"
    path.parent.mkdir(parents=True)
    path.write_text("from ..store import PlanStore\nfrom ..model.plan import Plan\nfrom . import toml\n"
                    "import textwrap\nfrom ..i18n import t\n", encoding="utf-8")
    assert violations(path, "bundle", root) == []
