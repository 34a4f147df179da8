"""The plan facts form (i, enter) at 80x24: a long vision shows whole, wrapped over the lines
it needs, where a one-line field showed its first words and nothing said more followed; Enter
in it goes on to the next field, and what is saved is the one paragraph typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_screens_support import build_full_plan, open_app
from ui_support import screen_text

from smartcity_tui.ui.screens.plan_facts_form import PlanFactsForm

VISION = ("Terwujudnya Kabupaten Sukamaju yang cerdas, sejahtera, terbuka dan berbudaya gotong royong "
          "pada tahun 2029")


@pytest.fixture
def app(tmp_path: Path):
    path = build_full_plan(tmp_path / "rencana.json")
    app, store = open_app(path)
    store.set_info(vision=VISION)
    yield app
    store.close()


async def test_a_long_vision_shows_whole_in_the_form_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        form = app.screen
        assert isinstance(form, PlanFactsForm)
        form.query_one("#plan-vision").scroll_visible(animate=False)
        await pilot.pause()
        text = " ".join(" ".join(line.strip(" ▊▎▌┃│").split()) for line in screen_text(app).splitlines())
        assert "gotong royong pada tahun 2029" in text

        form.query_one("#plan-vision").focus()
        await pilot.press("end", "enter")  # on to the draft version, no line break in the vision
        assert app.focused.id == "draft_round" and form.query_one("#plan-vision").text == VISION


async def test_the_draft_version_is_typed_in_the_form_and_printed_in_the_book(app):
    """The secretariat names the round ("Versi draf"): the book prints it on its cover and
    under every table; before, nothing but the sample plan's script could set it."""
    from smartcity_tui.bundle import render_markdown

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "enter")
        form = app.screen
        assert isinstance(form, PlanFactsForm)
        form.query_one("#draft_round").value = "  Draf hasil   Bimtek Tahap II "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PlanFactsForm)
        assert "Versi draf: Draf hasil Bimtek Tahap II" in screen_text(app)  # the plan screen shows it
        assert app.store.plan().info.draft_round == "Draf hasil Bimtek Tahap II"
    book = render_markdown(app.store.plan())
    assert book.count("Draf hasil Bimtek Tahap II") > 3  # the cover, Data Pokok and the tables' sources
