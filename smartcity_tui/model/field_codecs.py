"""How a record's field values are stored: each model type to its JSON/TOML-safe form and
back (model/records.py). Decoding is tolerant: a value of the wrong type decodes to `BAD`, and
the record keeps its field's default (validation, not decoding, reports it)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

BAD = object()  # a stored value of the wrong type


@dataclass(frozen=True)
class Stakeholder:
    name: str
    role: str  # a PENTAHELIX_ROLES key

    def to_value(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


# --- codecs: model value <-> stored value ------------------------------------------------

def _enc_year_map(value: dict[int, Any]) -> dict[str, Any]:
    return {str(year): value[year] for year in sorted(value)}


def _dec_year_map(raw: Any, number: type) -> dict[int, Any] | None:
    if not isinstance(raw, dict):
        return None
    out: dict[int, Any] = {}
    for k, v in raw.items():
        try:
            year = int(k)
        except (TypeError, ValueError):
            continue
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if number is int and not (isinstance(v, int) or float(v).is_integer()):
            continue
        if isinstance(v, float) and not math.isfinite(v):
            continue
        out[year] = int(v) if number is int else v
    return out


def decode(type_name: str, raw: Any) -> Any:
    """Decode one stored value; return BAD when it has the wrong type."""
    if type_name == "str":
        return raw if isinstance(raw, str) else BAD
    if type_name == "int":
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else BAD
    if type_name == "bool":
        return raw if isinstance(raw, bool) else BAD
    if type_name == "float | None":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
            return raw
        return BAD
    if type_name == "list[str]":
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return list(raw)
        return BAD
    if type_name == "list[int]":
        if isinstance(raw, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in raw):
            return list(raw)
        return BAD
    if type_name == "dict[int, int]":
        out = _dec_year_map(raw, int)
        return BAD if out is None else out
    if type_name == "dict[int, float]":
        out = _dec_year_map(raw, float)
        return BAD if out is None else out
    if type_name == "list[Stakeholder]":
        if not isinstance(raw, list):
            return BAD
        items = []
        for x in raw:
            if isinstance(x, dict) and isinstance(x.get("name"), str) and isinstance(x.get("role", ""), str):
                items.append(Stakeholder(x["name"], x.get("role", "")))
        return items
    raise TypeError(f"no codec for {type_name}")


def encode(type_name: str, value: Any) -> Any:
    if type_name in ("dict[int, int]", "dict[int, float]"):
        return _enc_year_map(value)
    if type_name == "list[Stakeholder]":
        return [s.to_value() for s in value]
    if type_name in ("list[str]", "list[int]"):
        return list(value)
    return value
