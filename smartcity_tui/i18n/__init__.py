"""Message catalogs: Bahasa Indonesia (the default) and English.

`t("key", name=...)` looks a message up in the current language and fills its fields. A key
missing from one catalog falls back to the other, then to the key itself, so a forgotten
translation shows as text, never as a crash; a test keeps both catalogs complete.
"""

from __future__ import annotations

from . import en, id as id_

CATALOGS: dict[str, dict[str, str]] = {"id": id_.MESSAGES, "en": en.MESSAGES}
LANGUAGES = ("id", "en")
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
    text = CATALOGS[lang].get(key)
    if text is None:
        other = "en" if lang == "id" else "id"
        text = CATALOGS[other].get(key, key)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
