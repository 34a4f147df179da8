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
    "bundle", "cli", "findings", "merge", "store",
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
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
