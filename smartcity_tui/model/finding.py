"""A finding of validation (model/validation.py): its code, severity, record and the
parameters its message is filled with (a label as `Words`, put in the message's language);
and the helpers the checks share to name choices and funding sources in the officer's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..i18n import InWords, Words, get_language, t
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
        # A label among the params is `Words` (a vocabulary choice, a field's name): `t` puts
        # it in the message's own language, a third one included.
        return t("finding." + self.code, lang or get_language(), **self.params)

    def param(self, name: str, lang: str) -> Any:
        """A parameter as the message in `lang` shows it (a label in that language)."""
        value = self.params.get(name)
        return value.text(lang) if isinstance(value, InWords) else value

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "severity": self.severity, "record_id": self.record_id,
            "pillar": self.pillar, "message_id": self.message("id"), "message_en": self.message("en"),
        }


# how a check reports what it finds (validate's list.append)
Add = Callable[[Finding], None]


def choice_params(field: str, vocab: Vocabulary, value: str) -> dict[str, Any]:
    """A choice the vocabulary does not know, named in the officer's words: the field's label
    and the choices' labels, in the message's language (never the stored keys)."""
    return {"field": Words(partial(field_label, field)), "field_key": field, "value": value,
            "choices": choice_list(vocab)}


def choice_list(vocab: Vocabulary, sep: str = ", ") -> Words:
    """"Kekuatan, Kelemahan, ...": every choice of `vocab` in the message's language."""
    return Words(lambda lang: sep.join(c.label(lang) for c in vocab))


def source_params(source: str) -> dict[str, Any]:
    return {"source": Words(partial(budget_source_label, source))}


def short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def element_params(dimension: Any) -> dict[str, Words]:
    """The elements a record of `dimension` may take, named in the message's language (a
    dimension with none, or of a framework this laptop lacks: "(tidak ada)")."""
    elements = dimension.elements if dimension is not None else ()
    return {"choices": Words(lambda lang: "; ".join(e.label(lang) for e in elements)
                             or t("prog.form.none", lang))}
