"""A language added at test time shows on every screen: "xx", whose every message is the
Indonesian one wrapped in ⟦ ⟧, is registered (i18n.register_language), chosen, and every
screen and form is opened. A text a person could read that is neither inside ⟦ ⟧ nor the
plan's own data (what the officers typed, listed by language_support.plan_texts) is a text
the catalogs do not hold: a third language (Javanese, Sundanese) would show it untranslated.

The pseudo-language's catalog holds the fixed vocabulary (quadrants, horizons, sources:
model.vocab.vocab_words) and the sheets' names and headings (sheets.columns.sheet_words) under
their own keys, wrapped as well, as a translator would give them. What is not in the catalogs
on purpose, and so allowed here: the framework's dimension and element names (a framework
file names them per language, docs/frameworks.md), month abbreviations (the registry's), key
names and marks (^s, ★, SWOT)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from exchange_support import copy_sample_plan, merge_samples
from form_openers import OPENERS, open_form
from language_support import own_lines, own_words, plain_text, plan_texts
from test_language import readable_texts
from ui_support import fixed_clock, until

from smartcity_tui.i18n import CATALOGS, LANGUAGES, Language, register_language, set_language, unregister_language
from smartcity_tui.model.vocab import PILLARS, STRATEGY_KINDS, vocab_words
from smartcity_tui.settings import Settings
from smartcity_tui.sheets.columns import sheet_words
from smartcity_tui.store import PlanStore
from smartcity_tui.store.teams import known_teams
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.dashboard import DashboardScreen

WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
# names and marks that are the same in every language
ALLOWED = {"SWOT", "TOWS", "smartcity", "tui", "Smart", "City", "Esc", "Enter", "Tab", "Ctrl", "Shift",
           "Del", "PgUp", "PgDn", "Home", "End", "Rp", "OPD", "RPJMD", "Renstra", "APBD", "CSV", "xlsx",
           "json", "zip", "docx", "html", "md", "Word", "Excel", "pandoc", "demo", "ctrl", "esc", "enter",
           "tab", "del", "delete", "space", "up", "down", "left", "right", "home", "end", "pageup",
           "pagedown", "insert", "shift", "escape", *STRATEGY_KINDS.keys}
# the framework's names (in Indonesian: "Smart Living", "Tata Kelola Birokrasi", its elements)
VOCABULARY_WORDS = {w for label in {p.label("id") for p in PILLARS} | {e.id for p in PILLARS for e in p.elements}
                    for w in re.findall(r"\w+", label)}
PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w.\-]+)+")
# (keys from the dashboard, what is being opened)
SCREENS = [
    ((), "dashboard"), (("1", "s"), "SWOT view"), (("1", "t"), "strategies view"),
    (("1", "p"), "programmes view"), (("1", "l"), "timeline view"), (("f1",), "help"),
    (("i",), "plan facts"), (("r",), "roadmap"), (("slash",), "search"), (("k",), "conflicts"),
    (("x",), "export"), (("m",), "merge"), (("b",), "masterplan book"), (("ctrl+o",), "sheet import"),
    (("v",), "findings"), (("1", "v", "a"), "findings of the whole plan"),
]


@pytest.fixture
def pseudo_language():
    words = {**CATALOGS["id"], **vocab_words("id"), **sheet_words("id")}
    register_language(Language("xx", "⟦Pseudo⟧", fallback="id"),
                      {key: "|".join(f"⟦{form}⟧" for form in text.split("|")) for key, text in words.items()})
    yield "xx"
    set_language("id")
    unregister_language("xx")


def untranslated(texts: list[str], own: re.Pattern, data: list[str]) -> list[str]:
    """What is left of each text once the catalog's (wrapped) messages, the plan's data and
    the fixed vocabulary are taken out: words the catalogs do not hold."""
    names = {w for language in LANGUAGES.values() for w in re.findall(r"\w+", language.name)}
    allowed = ALLOWED | VOCABULARY_WORDS | set(LANGUAGES["id"].months) | names
    found = []
    for text in texts:
        if text.startswith("RichVisual("):  # the help's table: test_language reads its rows
            continue
        cut = text.strip().rstrip("…").strip()
        if text.strip().endswith("…") and any(line.startswith(cut) for line in data):
            continue  # a cell too narrow for the officers' text
        rest = text
        while (less := WRAPPED.sub(" ", rest)) != rest:  # a message may carry another in it
            rest = less
        rest = PATH.sub(" ", own.sub(" ", plain_text(rest)))  # the plan's file, after its data ("SSGI/SKI")
        words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in allowed]
        if words:
            found.append(f"{words} in {text.strip()[:100]!r}")
    return sorted(set(found))


async def back_to_dashboard(pilot) -> None:
    for _ in range(6):
        if isinstance(pilot.app.screen, DashboardScreen):
            return
        await pilot.press("escape")
        await pilot.pause()
    await until(pilot, lambda: isinstance(pilot.app.screen, DashboardScreen), "the dashboard")


# The screens and the forms are walked in two tests, so two workers share the walk (it took
# 36 s in one; pytest-xdist sends a test to one worker).
@pytest.mark.long(30)
@pytest.mark.parametrize("part", ["screens", "forms"])
async def test_every_screen_in_a_language_added_at_test_time(pseudo_language, tmp_path: Path, part: str):
    plan = copy_sample_plan(tmp_path)
    if part == "screens":
        merge_samples(plan)  # conflicts to show on the conflicts screen
    store = PlanStore.open(plan, clock=fixed_clock)
    typed = plan_texts(store.plan()) + list(known_teams(store).values())  # the teams' names too
    own, data = own_words(typed), own_lines(typed)
    app = create_app(store, Settings(path=tmp_path / "cfg" / "settings.toml"), clock=fixed_clock)
    set_language(pseudo_language)
    found: dict[str, list[str]] = {}
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the dashboard")
            for keys, what in SCREENS if part == "screens" else ():
                await back_to_dashboard(pilot)
                if keys:
                    await pilot.press(*keys)
                    await until(pilot, lambda: not isinstance(app.screen, DashboardScreen), f"the {what}")
                await pilot.pause()
                texts = readable_texts(app.screen)
                assert len(texts) >= 3, f"{what}: nothing gathered"
                if bad := untranslated(texts, own, data):
                    found[what] = bad
            for opener in OPENERS if part == "forms" else ():
                await back_to_dashboard(pilot)
                form = await open_form(pilot, opener)
                if bad := untranslated(readable_texts(form), own, data):
                    found[f"{opener.name} form"] = bad
                await pilot.press("escape")
    finally:
        store.close()
    assert found == {}, f"texts not from the catalogs: {found}"


def test_the_check_finds_a_text_the_catalogs_do_not_hold():
    own = own_words(["Pusat Pengaduan Terpadu"])
    assert untranslated(["⟦Simpan⟧ · Pusat Pengaduan Terpadu · 2 Smart Governance"], own, []) == []
    assert untranslated(["⟦Simpan⟧ Save changes", "Pusat Pengaduan Terpadu"], own, []) == [
        "['Save', 'changes'] in '⟦Simpan⟧ Save changes'"]
