"""How one kind of value goes into a cell and comes back out of one.

`to_cell` gives what an .xlsx cell holds (numbers stay numbers, so Excel can sum and filter
them); `from_cell` reads what a person or Excel left there, in either language, and raises
CellProblem with what to type instead. A cell reaches `from_cell` as None, str, int, float,
bool or a date (formulas, error values and overlong text are refused before, in rows.py).
The pillar and element cells, which name the plan's framework, are in dimension_kinds.py."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any, cast

from ..i18n import LANGUAGES, word
from ..model.finding import choice_list
from ..model.records import Stakeholder
from ..model.vocab import Vocabulary
from .numbers import parse_number, shown
from .problems import CellProblem

RUPIAH_FORMAT = "#,##0"
WHOLE_FORMAT = "0"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")
_CHOICE_SPLIT = re.compile(r"\s*[;,/\n]\s*")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case, accents stripped, runs of white space made one space. Cached: a sheet
    repeats the same few pillar and choice labels in thousands of rows."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def text_of(raw: Any) -> str:
    if type(raw) is str:  # most cells: no other check needed
        text = raw.strip()
        return text.replace("\r\n", "\n") if "\r" in text else text
    if isinstance(raw, (dt.date, dt.time, dt.timedelta)):
        raise CellProblem("date_in_text", value=shown(raw))
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).replace("\r\n", "\n").strip()


class Kind:
    number_format: str | None = None

    def to_cell(self, value: Any, lang: str) -> Any:
        return value

    def from_cell(self, raw: Any, pillar: str = "") -> Any:
        raise NotImplementedError


class Text(Kind):
    def to_cell(self, value: str, lang: str) -> Any:
        return value or None

    def from_cell(self, raw: Any, pillar: str = "") -> str:
        return "" if raw is None else text_of(raw)


class Whole(Kind):
    """A whole number in [low, high]; an empty cell is `empty` (0, or None: "no value")."""

    def __init__(self, low: int, high: int, *, empty: int | None = 0, fmt: str = WHOLE_FORMAT,
                 problem: str = "not_in_range", blank_zero: bool = False, hint: str = "not_a_number") -> None:
        self.low, self.high, self.empty = low, high, empty
        self.number_format = fmt
        self.problem = problem
        # what a text that is no number is told: a quarter or a mission number is not asked
        # for "digits, for example 1250000 or 12,5" as money is
        self.hint = hint
        self.blank_zero = blank_zero  # 0 means "not set" (a year) or "the whole year" (a quarter)

    def to_cell(self, value: int | None, lang: str) -> Any:
        return None if value is None or (value == 0 and self.blank_zero) else value

    def from_cell(self, raw: Any, pillar: str = "") -> int | None:
        if is_empty(raw):
            return self.empty
        if isinstance(raw, (dt.date, dt.time)):
            raise CellProblem("date_not_year" if self.low >= 1900 else "date_in_number", value=shown(raw))
        if isinstance(raw, bool):
            raise CellProblem("not_a_number", value=str(raw))
        if isinstance(raw, float):
            if not raw.is_integer():
                raise CellProblem("not_whole", value=shown(raw))
            value = int(raw)
        elif isinstance(raw, int):
            value = raw
        else:
            text = str(raw).strip()
            if self.problem == "not_a_percent" and text.endswith("%"):
                text = text[:-1]
            try:
                value = cast(int, parse_number(text, whole=True))  # whole=True: a whole number or CellProblem
            except CellProblem as e:
                if e.key == "not_a_number" and self.hint != e.key:
                    raise CellProblem(self.hint, value=str(raw).strip()) from None
                raise
        if not self.low <= value <= self.high:
            raise CellProblem(self.problem, value=value, low=self.low, high=self.high)
        return value


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER_WRITTEN = re.compile(r"(?:tw|triwulan|kuartal|quarter|q)?\s*-?\s*([1-4]|iv|i{1,3})", re.IGNORECASE)


class Quarter(Whole):
    """A quarter, 1-4, also as officers write it: "TW 2", "TW II", "Triwulan II", "Q2", "II";
    empty (0) for the whole year."""

    def __init__(self) -> None:
        super().__init__(0, 4, problem="not_a_quarter", blank_zero=True, hint="not_a_quarter")

    def from_cell(self, raw: Any, pillar: str = "") -> int | None:
        if isinstance(raw, str):
            m = _QUARTER_WRITTEN.fullmatch(raw.strip())
            if m:
                said = m.group(1).lower()
                return _ROMAN.get(said) or int(said)
        return super().from_cell(raw, pillar)


YEAR = Whole(1900, 2200, problem="not_a_year", blank_zero=True)
RUPIAH = Whole(0, 10**15, empty=None, fmt=RUPIAH_FORMAT, problem="bad_rupiah")
PERCENT = Whole(0, 100, problem="not_a_percent")
QUARTER = Quarter()


class Number(Kind):
    """Any finite number (a baseline or a target); an empty cell is None."""

    number_format = "General"

    def from_cell(self, raw: Any, pillar: str = "") -> float | int | None:
        if is_empty(raw):
            return None
        if isinstance(raw, (dt.date, dt.time)):
            raise CellProblem("date_in_number", value=shown(raw))
        if isinstance(raw, bool):
            raise CellProblem("not_a_number", value=str(raw))
        if isinstance(raw, (int, float)):
            return raw
        text = str(raw).strip()
        return parse_number(text[:-1] if text.endswith("%") else text, whole=False)


_YES = {"ya", "y", "yes", "true", "benar", "1", "x", "v", "✓", "✔", "iya"}
_NO = {"tidak", "tdk", "t", "no", "n", "false", "salah", "0", "-", "bukan"}


def yes_no_word(value: bool, lang: str) -> str:
    """"Ya" / "Tidak" in a sheet, in `lang` (a third language: "sheet.yes", "sheet.no")."""
    return word(f"sheet.{'yes' if value else 'no'}", lang, "Ya" if value else "Tidak", "Yes" if value else "No")


class YesNo(Kind):
    def to_cell(self, value: bool, lang: str) -> Any:
        return yes_no_word(value, lang)

    def from_cell(self, raw: Any, pillar: str = "") -> bool:
        if is_empty(raw):
            return False
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, (int, float)) and raw in (0, 1):
            return bool(raw)
        said = fold(text_of(raw))
        if said in _YES or said in {fold(yes_no_word(True, lang)) for lang in LANGUAGES}:
            return True
        if said in _NO or said in {fold(yes_no_word(False, lang)) for lang in LANGUAGES}:
            return False
        raise CellProblem("not_yes_no", value=shown(raw))


def _choice_words(vocab: Vocabulary, extra: dict[str, str], languages: tuple[str, ...]) -> dict[str, str]:
    """folded word -> key: the key, its label in each language, each label without its
    "(...)" part."""
    words: dict[str, str] = {}
    for c in vocab:
        labels = (c.id, c.en, *(c.label(lang) for lang in languages))
        for w in (c.key, *labels, *(label.split("(")[0] for label in labels)):
            words.setdefault(fold(w), c.key)
    words.update({fold(k): v for k, v in extra.items()})
    return words


class Choice(Kind):
    def __init__(self, vocab: Vocabulary, extra: dict[str, str] | None = None, default: str = "") -> None:
        self.vocab = vocab
        self.extra = extra or {}
        self._words: tuple[tuple[str, ...], dict[str, str]] = ((), {})
        self.default = default

    @property
    def words(self) -> dict[str, str]:
        """What a cell may say for each choice (made again when a language is added)."""
        languages = tuple(LANGUAGES)
        if self._words[0] != languages:
            self._words = (languages, _choice_words(self.vocab, self.extra, languages))
        return self._words[1]

    # a key (str) in and out; Any, as in Kind, since ChoiceList's subclass values are lists
    def to_cell(self, value: Any, lang: str) -> Any:
        return self.vocab.label(value, lang) if value else None

    def from_cell(self, raw: Any, pillar: str = "") -> Any:
        if is_empty(raw):
            return self.default
        key = look_up(self.words, text_of(raw))
        if key is None:
            raise CellProblem("unknown_choice", value=shown(raw), choices=choice_list(self.vocab))
        return key


_BRACKETED = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def look_up(words: dict[str, str], text: str) -> str | None:
    """The choice a cell names: the whole text, else the words outside or inside a bracket,
    as officers label a choice for the reader ("Ancaman (T)", "T (Ancaman)") when both
    parts name the same choice, or only one part names one."""
    key = words.get(fold(text))
    if key is not None:
        return key
    bracketed = _BRACKETED.match(text.strip())
    if bracketed is None:
        return None
    found = {words.get(fold(part)) for part in bracketed.groups() if part.strip()} - {None}
    return found.pop() if len(found) == 1 else None


class ChoiceList(Choice):
    def to_cell(self, value: list[str], lang: str) -> Any:
        return "; ".join(self.vocab.label(v, lang) for v in value) or None

    def from_cell(self, raw: Any, pillar: str = "") -> list[str]:
        if is_empty(raw):
            return []
        out: list[str] = []
        for part in self._parts(text_of(raw)):
            key = Choice.from_cell(self, part)
            if key not in out:
                out.append(key)
        return out

    def _parts(self, text: str) -> list[str]:
        """Items separated by ";", ",", "/" or line breaks; but a label that holds a "/" itself
        ("APBD Kabupaten/Kota", "CSR/TJSL") is one item."""
        parts: list[str] = []
        for chunk in re.split(r"\s*[;,\n]\s*", text):
            if not chunk:
                continue
            if fold(chunk) in self.words:
                parts.append(chunk)
            else:
                parts += [p for p in re.split(r"\s*/\s*", chunk) if p]
        return parts


class TextList(Kind):
    def to_cell(self, value: list[str], lang: str) -> Any:
        return "; ".join(value) or None

    def from_cell(self, raw: Any, pillar: str = "") -> list[str]:
        if is_empty(raw):
            return []
        return [p for p in _LIST_SPLIT.split(text_of(raw)) if p]


class WholeList(Kind):
    """Whole numbers in [low, high] separated by ";" or ",": "1; 3" (the RPJMD missions a
    programme serves)."""

    def __init__(self, low: int, high: int, hint: str = "not_a_number") -> None:
        self.low, self.high = low, high
        self.hint = hint  # what a part that is no number is told (not_a_mission_list)

    def to_cell(self, value: list[int], lang: str) -> Any:
        return "; ".join(str(v) for v in value) or None

    def from_cell(self, raw: Any, pillar: str = "") -> list[int]:
        if is_empty(raw):
            return []
        if isinstance(raw, bool):
            raise CellProblem("not_a_number", value=str(raw))
        if isinstance(raw, (int, float)):
            parts: list[Any] = [raw]
        else:
            parts = [p for p in _CHOICE_SPLIT.split(text_of(raw)) if p]
        out: list[int] = []
        for part in parts:
            try:
                value = Whole(self.low, self.high, problem="not_in_range", hint=self.hint).from_cell(part)
            except CellProblem as e:
                if e.key != self.hint:
                    raise
                raise CellProblem(self.hint, value=text_of(raw)) from None  # the cell as typed
            if value is not None and value not in out:
                out.append(value)
        return out


class IdList(TextList):
    def from_cell(self, raw: Any, pillar: str = "") -> list[str]:
        ids = [p for p in re.split(r"[\s;,]+", "" if is_empty(raw) else text_of(raw)) if p]
        bad = [i for i in ids if not UUID.fullmatch(i)]
        if bad:
            raise CellProblem("bad_id", value=bad[0])
        return [i.lower() for i in ids]


class RecordId(Kind):
    def to_cell(self, value: str, lang: str) -> Any:
        return value

    def from_cell(self, raw: Any, pillar: str = "") -> str:
        if is_empty(raw):
            return ""
        text = text_of(raw)
        if not UUID.fullmatch(text):
            raise CellProblem("bad_id", value=text)
        return text.lower()


class Stakeholders(Kind):
    """"Universitas Wonosari (Akademisi); PMI (Komunitas)": a name, its pentahelix role."""

    def __init__(self, roles: Vocabulary) -> None:
        self.roles = Choice(roles)

    def to_cell(self, value: list[Stakeholder], lang: str) -> Any:
        parts = [f"{s.name} ({self.roles.vocab.label(s.role, lang)})" if s.role else s.name for s in value]
        return "; ".join(parts) or None

    def from_cell(self, raw: Any, pillar: str = "") -> list[Stakeholder]:
        out = []
        for part in TextList().from_cell(raw):
            name, role = part, ""
            m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", part)
            if m and fold(m.group(2)) in self.roles.words:
                name, role = m.group(1), self.roles.from_cell(m.group(2))
            out.append(Stakeholder(name.strip(), role))
        return out
