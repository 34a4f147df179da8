"""Files shipped inside the package (the stylesheets, the sample plan), read through the
importing module's loader: an installed package has them on disk, the one-file build
(scripts/build_onefile.py) inside its zip, where no file path would find them. A loader's
`get_data` serves both, and costs no import."""

from __future__ import annotations

import os
from typing import Any, cast


def beside(module_file: str, relative: str) -> str:
    """The path of `relative` (with "/" and "..") from the folder of `module_file`.

    Not os.path.normpath: zipimport serves a file only under the archive's path exactly as
    Python was given it, and `python3 ./smartcity-tui.pyz` makes that `/dir/./smartcity-tui.pyz`,
    which normpath would rewrite to a path zipimport does not know. So only the module's own
    folder is walked up, one ".." at a time, and the prefix is left as it is."""
    base = os.path.dirname(module_file)
    for part in relative.split("/"):
        if part in ("", "."):
            continue
        base = os.path.dirname(base) if part == ".." else os.path.join(base, part)
    return base


def read_beside(module_globals: dict[str, Any], relative: str) -> bytes:
    """The bytes of the file at `relative` (with "/" and "..") from the folder of the module
    whose `globals()` are given. Raises OSError when it is not there."""
    path = beside(module_globals["__file__"], relative)
    loader = module_globals.get("__loader__")
    if loader is None or not hasattr(loader, "get_data"):
        with open(path, "rb") as f:
            return f.read()
    return cast(bytes, loader.get_data(path))  # a loader's get_data gives the file's bytes


def stylesheet(module_globals: dict[str, Any], name: str) -> str:
    """A .tcss file beside the module, as the text a class's `CSS` holds."""
    return read_beside(module_globals, name).decode("utf-8")
