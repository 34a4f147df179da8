"""Files shipped inside the package (the stylesheets, the sample plan), read through the
importing module's loader: an installed package has them on disk, the one-file build
(scripts/build_onefile.py) inside its zip, where no file path would find them. A loader's
`get_data` serves both, and costs no import."""

from __future__ import annotations

import os
from typing import Any


def read_beside(module_globals: dict[str, Any], relative: str) -> bytes:
    """The bytes of the file at `relative` (with "/" and "..") from the folder of the module
    whose `globals()` are given. Raises OSError when it is not there."""
    base = os.path.dirname(module_globals["__file__"])
    path = os.path.normpath(os.path.join(base, *relative.split("/")))
    loader = module_globals.get("__loader__")
    if loader is None or not hasattr(loader, "get_data"):
        with open(path, "rb") as f:
            return f.read()
    return loader.get_data(path)


def stylesheet(module_globals: dict[str, Any], name: str) -> str:
    """A .tcss file beside the module, as the text a class's `CSS` holds."""
    return read_beside(module_globals, name).decode("utf-8")
