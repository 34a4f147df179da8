"""A finding of validation (model/validation.py): its code, severity, record and the
parameters its message is filled with, in both languages; and the helpers the checks share to
name choices and funding sources in the officer's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..i18n import get_language, t
from .labels import field_label
from .vocab import Vocabulary, budget_source_label

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    record_id: str = ""
    pillar: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str | None = None) -> str:
        # A param "x_en" is the English form of "x" (a vocabulary label), "x" the Indonesian:
        # both catalogs then name the same field {x}, which the i18n test requires of every
        # message. A language without its own form of a label gets the Indonesian one.
        lang = lang or get_language()
        params = self.params
        if lang != "id":  # ("record_id" is no Indonesian form of "record")
            suffix = f"_{lang}"
            params = {**params, **{k[: -len(suffix)]: v for k, v in params.items() if k.endswith(suffix)}}
        return t("finding." + self.code, lang, **params)

    def param(self, name: str, lang: str) -> Any:
        """A parameter in `lang`'s form ("section_en"), or its Indonesian one ("section")."""
        return self.params.get(f"{name}_{lang}", self.params.get(name)) if lang != "id" else self.params.get(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "severity": self.severity, "record_id": self.record_id,
            "pillar": self.pillar, "message_id": self.message("id"), "message_en": self.message("en"),
        }


# how a check reports what it finds (validate's list.append)
Add = Callable[[Finding], None]


def choice_params(field: str, vocab: Vocabulary, value: str) -> dict[str, str]:
    """A choice the vocabulary does not know, named in the officer's words: the field's label
    and the choices' labels, in both languages (never the stored keys)."""
    return {"field": field_label(field, "id"), "field_en": field_label(field, "en"), "field_key": field, "value": value,
            "choices": ", ".join(c.id for c in vocab), "choices_en": ", ".join(c.en for c in vocab)}


def source_params(source: str) -> dict[str, str]:
    return {"source": budget_source_label(source, "id"), "source_en": budget_source_label(source, "en")}


def short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
