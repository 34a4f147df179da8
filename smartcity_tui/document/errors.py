"""DocumentError: writing a document failed, said for a person in either language."""

from __future__ import annotations

from ..i18n import t


class DocumentError(Exception):
    """`key` names the message in i18n/document.py; `params` fill it."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()
