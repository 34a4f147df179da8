"""Message catalogs and the registry of languages: Bahasa Indonesia (the default) and English.

Each area of the app keeps its messages in its own module here (findings, store, cli, ui,
bundle, merge), with one dict per language named by its code in capitals (`ID`, `EN`); a test
keeps the two complete. `t("key", name=...)` looks a message up in the current language and
fills its fields. A key missing from one language falls back along the language's fallback,
then to the key itself: a forgotten translation shows as text, never as a crash.

A language is one `Language` in `LANGUAGES` (its code, its own name, how it writes numbers,
how its plural forms are chosen, which language fills its gaps). An area module without a
dict for a language is not an error: that language falls back there (docs/language.md,
"Adding a language").

Labels the code holds in both built-in languages (vocabulary choices, sheet headings) are
`word(key, lang, id_text, en_text)`: other languages find them in their catalogs under a key
of their own ("vocab.horizon.short", "sheet.programme.name"); `model.vocab.vocab_words` and
`sheets.columns.sheet_words` list those keys with their Indonesian text, for a translator.

Plural forms: a message whose count decides its wording lists its forms split by "|" in the
order of the language's `plural` rule: English "{n} error|{n} errors", Indonesian, which has
one form, "{n} kesalahan". `t("ui.card.errors", n=3)` picks the form by `n` (or by `count`
when `n` is passed already formatted, "1.234").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


def _one_form(n: int) -> int:
    return 0


def _one_other(n: int) -> int:
    return 0 if n == 1 else 1


@dataclass(frozen=True)
class Language:
    code: str  # "id", the --lang value and the name of the catalog dicts (`ID`)
    name: str  # its own name, as the language switch shows it
    decimal: str = ","  # 76,5
    thousands: str = "."  # 1.834
    clock: str = "."  # pukul 14.03 (EYD); English writes 14:03
    months: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
    fallback: str = "id"  # where a message it lacks is taken from
    plural: Callable[[int], int] = _one_form  # a count -> the index of its form in "a|b"


LANGUAGES: dict[str, Language] = {}
# Every catalog module of this folder, named here rather than discovered: pkgutil's scan
# cost ~8 ms of every start-up. tests/test_i18n.py fails when a module is missing here.
AREAS: tuple[str, ...] = (
    "bundle", "bundle_export", "cli", "document", "document_columns", "document_cli", "findings", "merge", "store",
    "ui", "ui_first_run", "ui_exchange", "ui_forms", "ui_plan", "ui_programmes", "ui_timeline",
    "sheets", "codes", "windows", "ui_book", "ui_sheets", "ui_findings", "frame",
)
CATALOGS: dict[str, dict[str, str]] = {}
PLURAL = "|"


def register_language(language: Language, messages: dict[str, str] | None = None) -> None:
    """Add a language: its messages are each area module's dict named by its code (`JV` for
    "jv"), or `messages` when given (a test's pseudo-language). An area without one falls back."""
    catalog: dict[str, str] = {}
    if messages is not None:
        catalog.update(messages)
    else:
        for area in AREAS:
            module = importlib.import_module(f"{__name__}.{area}")
            catalog.update(getattr(module, language.code.upper(), {}))
    LANGUAGES[language.code] = language
    CATALOGS[language.code] = catalog


def unregister_language(code: str) -> None:
    global _current
    if code in ("id", "en"):
        raise ValueError(f"{code!r} is built in")
    LANGUAGES.pop(code, None)
    CATALOGS.pop(code, None)
    if _current == code:
        _current = "id"


register_language(Language("id", "Bahasa Indonesia", fallback="en"))
register_language(Language("en", "English", decimal=".", thousands=",", clock=":", plural=_one_other,
                           months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")))

_current = "id"


def language(code: str | None = None) -> Language:
    """The registry's entry for `code` (default: the current language; unknown: Indonesian)."""
    return LANGUAGES.get(code or _current) or LANGUAGES["id"]


def set_language(lang: str) -> None:
    global _current
    if lang not in CATALOGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _current = lang


def get_language() -> str:
    return _current


def next_language(lang: str | None = None) -> str:
    """The language after `lang` in the registry's order, round to the first (the switch)."""
    codes = list(LANGUAGES)
    here = lang or _current
    return codes[(codes.index(here) + 1) % len(codes)] if here in codes else codes[0]


def chain(lang: str) -> list[str]:
    """`lang`, then the languages its gaps are filled from, in order ("jv" -> jv, id, en)."""
    out: list[str] = []
    code = lang if lang in LANGUAGES else "id"
    while code not in out and code in LANGUAGES:
        out.append(code)
        code = LANGUAGES[code].fallback
    return out


def _lookup(key: str, lang: str) -> str:
    for code in chain(lang):
        text = CATALOGS[code].get(key)
        if text is not None:
            return text
    # the last resort: the built-in languages, then the key itself
    return CATALOGS["id"].get(key) or CATALOGS["en"].get(key, key)


def word(key: str, lang: str, id_text: str, en_text: str) -> str:
    """A label the code holds in both built-in languages (a vocabulary choice, a sheet's
    heading): Indonesian and English are the texts given; another language reads its catalogs
    under `key`, falling back along its chain as messages do, to the built-in text it reaches."""
    for code in chain(lang):
        if code == "id":
            return id_text
        if code == "en":
            return en_text
        text = CATALOGS[code].get(key)
        if text is not None:
            return text
    return id_text


def t(key: str, lang: str | None = None, **params: object) -> str:
    lang = lang or _current
    text = _lookup(key, lang)
    if PLURAL in text:
        forms = text.split(PLURAL)
        n = params.get("count", params.get("n"))  # count=: the number, when n is shown formatted
        index = language(lang).plural(n) if isinstance(n, int) else len(forms) - 1
        text = forms[min(index, len(forms) - 1)]
    if params:
        params = {k: v.text(lang) if isinstance(v, InWords) else v for k, v in params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


class InWords:
    """A `t()` parameter put in words in the language of the message it fills, whichever
    language that is (a registered third one too), at the moment the message is made."""

    def text(self, lang: str | None = None) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text()


class Words(InWords):
    """A label in a message: a vocabulary choice, a field's name, a list of choices, a
    number written the language's way. `say(lang)` gives it in `lang`, through the same
    catalogs and fallbacks as the message (`Choice.label`, `field_label`, a column's
    `header`), so a message and the labels in it are always in one language."""

    __slots__ = ("_say",)

    def __init__(self, say: Callable[[str], str]) -> None:
        self._say = say

    def text(self, lang: str | None = None) -> str:
        return self._say(lang or _current)

    def __repr__(self) -> str:
        return f"Words({self.text('id')!r})"


class Reason(InWords):
    """Why something failed, put in words in the language of the message it fills (a `t()`
    parameter): a catalog key ("disk penuh"), and the system's own words as a detail for the
    IT person, labelled as such (they are in whatever language the system is installed in,
    often English even on an Indonesian laptop)."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        self.detail = detail

    def text(self, lang: str | None = None) -> str:
        why = t(self.key, lang)
        return t("reason.with_detail", lang, why=why, detail=self.detail) if self.detail else why


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
# Python maps many Windows errors to one errno (19-36 all to EACCES, 206 to ENOENT), so a
# locked SD card would read as "no permission" and a pulled drive or a path over MAX_PATH as
# "not found": the Windows code is read first.
_WINDOWS_REASONS = {
    19: "reason.read_only_disk",  # ERROR_WRITE_PROTECT
    21: "reason.gone", 1167: "reason.gone",  # ERROR_NOT_READY, ERROR_DEVICE_NOT_CONNECTED
    23: "reason.disk_failed", 1117: "reason.disk_failed",  # ERROR_CRC, ERROR_IO_DEVICE
    32: "reason.in_use", 33: "reason.in_use",  # sharing and lock violations: Word, an antivirus
    206: "reason.name_too_long",  # ERROR_FILENAME_EXCED_RANGE
    5: "reason.no_permission_windows",  # ERROR_ACCESS_DENIED
    123: "reason.bad_file_name", 87: "reason.bad_file_name",  # ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER
}
# A path this long that "does not exist" (ERROR_PATH_NOT_FOUND) is most likely over MAX_PATH
# (260 with the terminating NUL; a folder's own limit is 248).
LONG_PATH = 240
# OneDrive Files On-Demand: RECALL_ON_DATA_ACCESS, RECALL_ON_OPEN, OFFLINE
_ONLINE_ONLY = 0x400000 | 0x40000 | 0x1000


def os_reason(error: OSError) -> Reason:
    import errno

    detail = error.strerror or str(error)
    own = getattr(error, "reason_key", None)  # an error the app raised already knows its reason
    if isinstance(own, str):
        return Reason(own, detail)
    winerror = getattr(error, "winerror", None)
    if _online_only(error.filename):
        return Reason("reason.online_only", detail)
    if winerror == 3 and len(str(error.filename or "")) >= LONG_PATH:
        return Reason("reason.name_too_long", detail)
    if winerror in _WINDOWS_REASONS:
        return Reason(_WINDOWS_REASONS[winerror], detail)
    for key, names in _OS_REASONS:
        if error.errno in {getattr(errno, n) for n in names if hasattr(errno, n)}:
            return Reason(key, detail)
    return Reason("reason.disk_error", detail)


def _online_only(filename: object) -> bool:
    """A OneDrive file whose content is in the cloud only: at an offline workshop it cannot
    be read, though it is intact (said as such, and no backup is offered in its place)."""
    import os
    import sys

    if sys.platform != "win32" or not filename:
        return False
    try:
        attributes = getattr(os.stat(filename), "st_file_attributes", 0)
    except (OSError, ValueError, TypeError):
        return False
    return bool(attributes & _ONLINE_ONLY)
