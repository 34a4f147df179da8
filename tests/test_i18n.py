"""Every message exists in Bahasa Indonesia and English, is not empty, and fills the same
fields in both, so switching language never shows a raw key or a stray {name}."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import smartcity_tui.i18n as i18n
from smartcity_tui.i18n import CATALOGS, PLURAL, t

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


# A count right before an English noun in the plural ("{n} programmes", "{n} more rows"): with
# no "singular|plural" forms the message says "1 programmes" when the count is 1.
_COUNT_BEFORE_PLURAL = re.compile(r"\{(\w+)\} (?:(?:more|new|such) )?([a-z]+s)\b")
# words ending in -s that follow a placeholder as a verb ("{path} is", "{bundle} holds")
_VERBS = {"is", "was", "has", "does", "goes", "refers", "appears", "holds", "lists", "fills", "draws",
          "adds", "exists", "needs", "falls", "runs", "ends", "moves", "lacks", "fails", "sits"}
# messages whose number is never 1, or whose placeholder is a label, not a count
_NEVER_ONE = {
    "bundle.path_too_long": "a length over the limit",
    "bundle.string_too_long": "a length over the limit",
    "bundle.teams_name_too_long": "a length over the limit",
    "sheets.problem.cell_too_long": "a length over the limit",
    "bundle.teams_too_many": "a count over the limit",
    "bundle.zip_too_many": "a count over the limit",
    "framework.too_many": "a count over the limit",
    "bundle.too_deep": "the limit, a constant",
    "planscreen.period_too_long": "the limit, a constant",
    "search.count_max": "the limit, a constant",
    "bundle.zip_many_bundles": "said for two bundles or more",
    "sheets.problem.ambiguous_programme": "said for two programmes or more",
    "exchange.conflict.field_n": "a conflict has two values or more",
    "finding.strategy.swot_quadrant": "{allowed} is a label ('strength and opportunity')",
    "ui.strategy.kind_hint": "{second} is a label (a quadrant's name)",
}


def _plural_slips(text: str) -> list[str]:
    if PLURAL in text:
        return []
    return [m.group(0) for m in _COUNT_BEFORE_PLURAL.finditer(text)
            if m.group(2) not in _VERBS and not m.group(2).endswith(("ss", "us", "is"))]


def test_the_check_for_plural_slips_catches_one():
    assert _plural_slips("{n} programmes · sorted by {sort}") == ["{n} programmes"]
    assert _plural_slips("... and {n} more rows.") == ["{n} more rows"]
    assert _plural_slips("{n} programme|{n} programmes") == []
    assert _plural_slips("{path} is a folder; {bundle} holds {found}") == []


def test_an_english_count_before_a_plural_noun_has_a_singular_form():
    slips = {k: _plural_slips(v) for k, v in CATALOGS["en"].items() if k not in _NEVER_ONE}
    assert {k: v for k, v in slips.items() if v} == {}
    # the exemptions still need exempting (a message rewritten drops out of the list)
    assert sorted(k for k in _NEVER_ONE if not _plural_slips(CATALOGS["en"].get(k, ""))) == []


# --- every catalog key is used --------------------------------------------------------------

_KEYISH = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_.]*")


def _references() -> tuple[set[str], list[tuple[str, bool]]]:
    """The package's string literals (outside the catalogs), and the keys it builds as regular
    expressions: "finding." + code, f"doc.{key}", f"exchange.conflict.choice_{c}" + "_parent",
    f"{family}.{key}"."""
    literals: set[str] = set()
    patterns: list[tuple[str, bool]] = []  # (expression, its first group is a family held as is)

    def built(parts: list[str | None]) -> None:
        if any(p is not None and not re.fullmatch(r"[a-z0-9_.]*", p) for p in parts):
            return
        first = parts[0]
        family = first is None
        if family:  # f"{family}.{key}": the family is a dotted key written out ("write.advice")
            if len(parts) < 2 or not (parts[1] or "").startswith("."):
                return
            parts = [r"([a-z0-9_]+\.[a-z0-9_.]+)", *parts[1:]]
        elif not _KEYISH.fullmatch(first) or not first.endswith((".", "_")):
            return
        else:
            parts = [re.escape(first), *parts[1:]]
        patterns.append(("".join(p if i == 0 else re.escape(p) if p is not None else "([a-z0-9_.]+)"
                                 for i, p in enumerate(parts)), family))

    def parts_of(node: ast.JoinedStr) -> list[str | None]:
        return [v.value if isinstance(v, ast.Constant) else None for v in node.values]

    for path in PKG_DIR.rglob("*.py"):
        if path.parent.name == "i18n" and path.name != "__init__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
                literals.update(node.value.split())  # "swot strategy programme".split()
                if _KEYISH.fullmatch(node.value):  # "pillar.no_strategy", read as code.split(".", 1)[1]
                    literals.update(node.value.split(".", i)[i] for i in range(1, node.value.count(".") + 1))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                literals.add(node.target.id)  # a record's field: f"merge.field.{name}"
            elif isinstance(node, ast.JoinedStr):
                built(parts_of(node))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                left, right = node.left, node.right
                if isinstance(left, ast.Constant) and isinstance(left.value, str) \
                        and not isinstance(right, ast.Constant):
                    built([left.value, None])
                elif isinstance(left, ast.JoinedStr):
                    tails = {c.value for c in ast.walk(right)
                             if isinstance(c, ast.Constant) and isinstance(c.value, str)}
                    for tail in tails:
                        built(parts_of(left) + [tail])
    return literals, patterns


def test_every_catalog_key_is_used_by_the_package():
    """A key nobody asks for is a message a translator translates for nothing. A key counts as
    used when the package holds it as a string, or builds it ("finding." + code) from a part
    it holds as a string (the code "plan.outside_framework"), a record's field name, or a
    number (f"doc.quarter.{n}")."""
    literals, patterns = _references()
    assert len(patterns) > 20

    def used(text: str, depth: int = 0) -> bool:
        if text in literals or text.isdigit():
            return True
        return depth < 3 and any(
            (m := re.fullmatch(rx, text)) is not None and (not family or m.group(1) in literals)
            and all(used(g, depth + 1) for g in m.groups())
            for rx, family in patterns)

    unused = sorted(k for k in set(CATALOGS["id"]) | set(CATALOGS["en"]) if not used(k))
    assert unused == []
