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
        await pilot.press("end", "enter")  # on to the team's name, no line break in the vision
        assert app.focused.id == "team" and form.query_one("#plan-vision").text == VISION
