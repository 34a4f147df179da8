"""Message catalogs: Bahasa Indonesia (the default) and English.

Each area of the app keeps its messages in its own module here (findings, store, cli, ui,
bundle, merge), with an `ID` and an `EN` dict of the same keys; a test keeps them complete.
`t("key", name=...)` looks a message up in the current language and fills its fields. A key
missing from one language falls back to the other, then to the key itself: a forgotten
translation shows as text, never as a crash.
"""

from __future__ import annotations

import importlib

LANGUAGES = ("id", "en")
# Every catalog module of this folder, named here rather than discovered: pkgutil's scan
# cost ~8 ms of every start-up. tests/test_i18n.py fails when a module is missing here.
AREAS: tuple[str, ...] = (
    "bundle", "cli", "document", "document_cli", "findings", "merge", "store",
    "ui", "ui_exchange", "ui_plan", "ui_programmes", "ui_timeline",
)
CATALOGS: dict[str, dict[str, str]] = {"id": {}, "en": {}}

for _area in AREAS:
    _m = importlib.import_module(f"{__name__}.{_area}")
    CATALOGS["id"].update(_m.ID)
    CATALOGS["en"].update(_m.EN)

_current = "id"


def set_language(lang: str) -> None:
    global _current
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _current = lang


def get_language() -> str:
    return _current


def t(key: str, lang: str | None = None, **params: object) -> str:
    lang = lang or _current
    text = CATALOGS.get(lang, CATALOGS["id"]).get(key)
    if text is None:
        other = "en" if lang == "id" else "id"
        text = CATALOGS[other].get(key, key)
    if params:
        params = {k: v.text(lang) if isinstance(v, Reason) else v for k, v in params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


class Reason:
    """Why something failed, put in words in the language of the message it fills (a `t()`
    parameter): a catalog key ("disk penuh"), and the system's own words as a detail for the
    IT person, labelled as such, since the operating system speaks English."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        self.detail = detail

    def text(self, lang: str | None = None) -> str:
        why = t(self.key, lang)
        return t("reason.with_detail", lang, why=why, detail=self.detail) if self.detail else why

    def __str__(self) -> str:
        return self.text()


# errno names -> what a person is told; the first that the error matches wins
_OS_REASONS = (
    ("reason.disk_full", ("ENOSPC", "EDQUOT", "EFBIG")),
    ("reason.read_only_disk", ("EROFS",)),
    ("reason.no_permission", ("EACCES", "EPERM")),
    ("reason.is_folder", ("EISDIR",)),
    ("reason.not_folder", ("ENOTDIR",)),
    ("reason.gone", ("ENOENT", "ENODEV", "ENXIO", "ENOMEDIUM")),
    ("reason.in_use", ("EBUSY", "ETXTBSY")),
    ("reason.disk_failed", ("EIO",)),
    ("reason.name_too_long", ("ENAMETOOLONG",)),
)
# Windows reports a file held open by another program (Word, an antivirus) as these
_WINDOWS_IN_USE = (32, 33)


def os_reason(error: OSError) -> Reason:
    import errno

    detail = error.strerror or str(error)
    if getattr(error, "winerror", None) in _WINDOWS_IN_USE:
        return Reason("reason.in_use", detail)
    for key, names in _OS_REASONS:
        if error.errno in {getattr(errno, n) for n in names if hasattr(errno, n)}:
            return Reason(key, detail)
    return Reason("reason.disk_error", detail)
