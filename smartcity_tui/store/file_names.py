"""Plan file names that Windows takes as they are, checked on every OS: a plan made on
Linux or macOS travels to the officers' Windows laptops and FAT32 flash drives. Windows
refuses `< > : " / \\ | ? *` and control characters (ERROR_INVALID_NAME), reads `a:b` on NTFS
as a stream of a file `a`, takes CON, PRN, AUX, NUL, COM1-9 and LPT1-9 (with any extension:
`nul.json`) for devices, and drops a trailing dot or space. Bundle names avoid all of these
by construction (bundle/naming.py); a plan's name is typed, so it is checked."""

from __future__ import annotations

import re

from ..i18n import t

FORBIDDEN = '<>:"/\\|?*'
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# COM¹-COM³ and LPT¹-LPT³ too: Windows reads the superscript digits as 1-3
DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                     *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))})


def device_of(name: str) -> str | None:
    """The device a name stands for on Windows (the part before the first dot, trailing
    spaces dropped, any case), or None."""
    base = name.split(".", 1)[0].rstrip(" ").upper()
    return base if base in DEVICES else None


def name_problem(name: str) -> str | None:
    """Why Windows would refuse or misread the file name `name`, in the user's language, or
    None when it takes it."""
    chars = sorted(set(_FORBIDDEN.findall(name)), key=FORBIDDEN.index)
    if chars:
        return t("store.name_why.chars", chars=" ".join(chars))
    if _CONTROL.search(name):
        return t("store.name_why.control")
    device = device_of(name)
    if device is not None:
        return t("store.name_why.device", device=device)
    if name.endswith((".", " ")):
        return t("store.name_why.end")
    return None


def suggested_name(name: str, fallback: str = "rencana-induk.json") -> str:
    """A name like `name` that Windows takes: what it refuses turned to "-", the end tidied,
    a device name given a prefix."""
    fixed = _CONTROL.sub("", _FORBIDDEN.sub("-", name))
    stem, dot, suffix = fixed.rpartition(".")
    if not dot:
        stem, suffix = fixed, ""
    stem = re.sub(r"\s*-[\s-]*", "-", stem).strip(" .-")  # "Rencana: Wonosari" -> "Rencana-Wonosari"
    fixed = f"{stem}.{suffix}" if suffix and stem else stem or fallback
    fixed = fixed.rstrip(" .") or fallback
    if device_of(fixed) is not None:
        fixed = f"rencana-{fixed}"
    return fixed


def bad_name_message(name: str) -> str | None:
    """One line saying why `name` is refused and what to name the file instead, or None."""
    why = name_problem(name)
    if why is None:
        return None
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)  # never a raw tab or ESC on the line
    return t("store.bad_file_name", name=shown, why=why, example=suggested_name(name))
