"""Every message exists in Bahasa Indonesia and English, is not empty, and fills the same
fields in both, so switching language never shows a raw key or a stray {name}."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import smartcity_tui.i18n as i18n
from smartcity_tui.i18n import CATALOGS, t

PKG_DIR = Path(i18n.__file__).resolve().parent.parent
AREA_MODULES = sorted(m.name for m in pkgutil.iter_modules(i18n.__path__))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(params=AREA_MODULES)
def area(request):
    return importlib.import_module(f"smartcity_tui.i18n.{request.param}")


def test_every_area_module_has_both_catalogs(area):
    assert isinstance(getattr(area, "ID", None), dict), f"{area.__name__} has no ID dict"
    assert isinstance(getattr(area, "EN", None), dict), f"{area.__name__} has no EN dict"
    assert area.__name__.rpartition(".")[2] in i18n.AREAS


def test_same_keys_in_both_languages(area):
    only_id = sorted(set(area.ID) - set(area.EN))
    only_en = sorted(set(area.EN) - set(area.ID))
    assert (only_id, only_en) == ([], []), f"{area.__name__}: only in ID {only_id}, only in EN {only_en}"


def test_no_empty_message(area):
    empty = [f"{lang}:{k}" for lang, cat in (("ID", area.ID), ("EN", area.EN))
             for k, v in cat.items() if not isinstance(v, str) or not v.strip()]
    assert empty == [], f"{area.__name__}: {empty}"


def test_placeholders_match_between_languages(area):
    differ = {k: (sorted(_fields(area.ID[k])), sorted(_fields(area.EN[k])))
              for k in set(area.ID) & set(area.EN) if _fields(area.ID[k]) != _fields(area.EN[k])}
    assert differ == {}, f"{area.__name__}: {differ}"


def test_no_key_is_defined_by_two_areas():
    seen: dict[str, str] = {}
    twice = []
    for name in AREA_MODULES:
        for key in importlib.import_module(f"smartcity_tui.i18n.{name}").ID:
            if key in seen:
                twice.append(f"{key} in {seen[key]} and {name}")
            seen[key] = name
    assert twice == []


def _codes_in(path: Path, call: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.args[0].value for n in ast.walk(tree)
            if isinstance(n, ast.Call) and getattr(n.func, "id", "") == call
            and n.args and isinstance(n.args[0], ast.Constant)}


def test_every_validation_finding_has_a_message():
    codes = _codes_in(PKG_DIR / "model" / "validation.py", "Finding")
    assert len(codes) > 30
    missing = sorted(c for c in codes if f"finding.{c}" not in CATALOGS["id"] or f"finding.{c}" not in CATALOGS["en"])
    assert missing == []


def test_every_store_error_has_a_message():
    from smartcity_tui.store import errors

    keys = {cls.key for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.StoreError)}
    keys |= {"store.unreadable_has_backup", "store.unreadable_no_backup"}
    assert sorted(k for k in keys if k not in CATALOGS["id"] or k not in CATALOGS["en"]) == []


def test_lookup_fills_fields_and_falls_back_without_crashing():
    msg = t("store.locked", "en", path="plan.json", holder="Pokja Ekonomi")
    assert "plan.json" in msg and "Pokja Ekonomi" in msg
    assert t("store.locked", "id", path="plan.json", holder="X") != msg
    assert t("no.such.key", "en") == "no.such.key"
    assert t("store.locked", "en") == CATALOGS["en"]["store.locked"]  # missing fields: raw text, no crash


# --- the registry of languages and plural forms ----------------------------------------------


def test_plural_forms_follow_the_language():
    assert [t("ui.card.errors", "en", n=n) for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert [t("ui.card.errors", "id", n=n) for n in (1, 2)] == ["1 kesalahan", "2 kesalahan"]
    # n shown formatted ("1.234"): the form is chosen by count
    assert t("exchange.count.programme", "en", n="1,234", count=1234) == "1,234 programmes"


def test_one_message_holds_every_form_of_a_count():
    # a second message for the count of one ("search.count_one") is what a third language
    # could not follow (its plural rule may have more forms than two): the forms live in one
    assert sorted(k for k in CATALOGS["id"] if k.endswith("_one")) == []
    assert [t("search.count", "en", n=str(n), count=n) for n in (1, 2)] == ["1 result", "2 results"]
    said = [t("period.text", "en", n=str(n), count=n, start=2025, end=2029) for n in (1, 3)]
    assert said[0].startswith("1 item falls") and said[1].startswith("3 items fall")
    assert t("roadmap.group", "en", number=3, pillar="Smart Economy", n="1", count=1) == "3 Smart Economy · 1 programme"


def test_a_message_has_no_more_forms_than_its_language():
    import smartcity_tui.i18n as registry

    for code, catalog in CATALOGS.items():
        most = max(registry.LANGUAGES[code].plural(n) for n in range(0, 200)) + 1
        over = sorted(k for k, v in catalog.items() if v.count(registry.PLURAL) + 1 > most)
        assert over == [], f"{code}: more forms than the language has: {over}"


def test_a_language_added_later_falls_back_where_an_area_lacks_it(monkeypatch):
    """A third language (say Javanese) is a `Language` and, in each area module, a dict named
    by its code; an area without one falls back to the language's fallback, never a crash."""
    from smartcity_tui.i18n import LANGUAGES, Language, next_language, register_language, unregister_language
    from smartcity_tui.i18n import ui as ui_area

    monkeypatch.setattr(ui_area, "JV", {"ui.key.help": "Pitulung"}, raising=False)
    register_language(Language("jv", "Basa Jawa", fallback="id"))
    try:
        assert list(LANGUAGES)[-1] == "jv"
        assert t("ui.key.help", "jv") == "Pitulung"
        assert t("ui.card.errors", "jv", n=2) == t("ui.card.errors", "id", n=2)  # from its fallback
        assert t("store.locked", "jv", path="p", holder="h") == t("store.locked", "id", path="p", holder="h")
        assert [next_language(c) for c in ("id", "en", "jv")] == ["en", "jv", "id"]  # F4 cycles
    finally:
        unregister_language("jv")
    assert next_language("en") == "id"


def test_numbers_are_written_as_the_language_writes_them():
    from smartcity_tui.i18n import language

    assert (language("id").decimal, language("id").thousands) == (",", ".")
    assert (language("en").decimal, language("en").thousands) == (".", ",")
    assert language("zz") is language("id")  # unknown: Indonesian
