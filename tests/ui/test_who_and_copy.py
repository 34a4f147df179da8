"""Who wrote this (issue 13 #9) and copy out (#10): the programme detail names the working
group that last changed the programme, and the others whose values it still shows; `o` on
the pillar screen tells it for a SWOT item or a strategy; `c` copies the record under the
cursor as readable text in the language on screen, and says where that may not arrive."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import build_workshop_plan, fixed_clock, screen_text, until

from smartcity_tui.bundle.authors import record_authors
from smartcity_tui.model.records import Milestone, Programme, Strategy, SwotItem
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.screens.pillar import PillarScreen


def two_groups_plan(tmp_path: Path) -> Path:
    """The workshop plan (written by Pokja Governance), then the secretariat, on the same
    file under its own name, sets the programme's agency and rewrites a strategy."""
    path = build_workshop_plan(tmp_path / "rencana.json")
    with PlanStore.open(path, clock=fixed_clock) as store:
        store.set_team("Sekretariat Dewan")
        prog = next(r for r in store.plan().records.values() if isinstance(r, Programme))
        store.update(prog.id, lead_agency="Dinas Komunikasi dan Informatika")
        st = next(r for r in store.plan().records.values() if isinstance(r, Strategy))
        store.update(st.id, text="Satukan layanan izin dan pengaduan di satu portal")
        store.add(Milestone(programme_id=prog.id, year=2025, quarter=3, title="Portal diluncurkan",
                            deliverable="Portal dengan 20 layanan", done=True))
    return path


@pytest.fixture
def app(tmp_path):
    store = PlanStore.open(two_groups_plan(tmp_path), clock=fixed_clock)
    app = create_app(store, Settings(), clock=fixed_clock)
    yield app
    store.close()


def test_the_authors_are_the_groups_whose_values_show(tmp_path):
    path = two_groups_plan(tmp_path)
    with PlanStore.open(path, readonly=True) as store:
        prog = next(r for r in store.plan().records.values() if isinstance(r, Programme))
        authors = record_authors(store, prog.id)
        # the group that wrote the programme, then the one that changed its agency
        assert [a.team for a in authors] == ["Pokja Governance", "Sekretariat Dewan"]
        assert "name" in authors[0].fields and "lead_agency" not in authors[0].fields
        assert authors[1].fields == ("lead_agency",)
        item = next(r for r in store.plan().records.values() if isinstance(r, SwotItem))
        assert [a.team for a in record_authors(store, item.id)] == ["Pokja Governance"]


def notices(app) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


async def test_the_programme_detail_says_who_changed_it(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "p")
        await until(pilot, lambda: "Diubah oleh Pokja Governance" in screen_text(app), "the detail's author line")
        text = " ".join(screen_text(app).split())
        assert "OPD penanggung jawab: oleh Sekretariat Dewan" in text
        await pilot.press("f4")
        await until(pilot, lambda: "Changed by Pokja Governance" in screen_text(app), "the line in English")
        assert "Lead agency: by Sekretariat Dewan" in " ".join(screen_text(app).split())


async def test_o_tells_who_last_changed_the_swot_item_and_the_strategy(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "o")
        await until(pilot, lambda: any("Diubah oleh Pokja Governance" in n for n in notices(app)),
                    "who wrote the SWOT item")
        assert not any("oleh Sekretariat" in n for n in notices(app))
        assert any("Aplikasi layanan izin" in n for n in notices(app))  # which item, by its text
        app.clear_notifications()
        await pilot.press("t", "o")
        await until(pilot, lambda: any("Teks: oleh Sekretariat Dewan" in n for n in notices(app)),
                    "who rewrote the strategy")


async def test_c_copies_the_swot_item_as_text_and_says_where_it_may_not_arrive(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "c")
        await until(pilot, lambda: app.clipboard, "the clipboard")
        assert app.clipboard.splitlines()[:2] == ["Smart Governance · SWOT S (Kekuatan)",
                                                  "Aplikasi layanan izin sudah dipakai warga"]
        assert "Elemen: " in app.clipboard
        await until(pilot, lambda: any("Disalin" in n and "conhost" in n for n in notices(app)), "the notice")


async def test_c_copies_a_strategy_a_programme_and_a_milestone_in_the_language_on_screen(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "t", "c")
        await until(pilot, lambda: "SO (kekuatan-peluang)" in app.clipboard, "the strategy")
        assert "Satukan layanan izin dan pengaduan di satu portal" in app.clipboard
        assert "- S: Aplikasi layanan izin sudah dipakai warga" in app.clipboard
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, PillarScreen) and app.screen.view == "strategies"
                    and app.screen.query_one("StrategyTable").has_focus, "the view rebuilt in English")
        await pilot.press("p", "c")
        await until(pilot, lambda: "GOV-01  Portal layanan terpadu" in app.clipboard, "the programme")
        for words in ("Lead agency: by Sekretariat Dewan", "Lead agency: Dinas Komunikasi dan Informatika",
                      "Indicators", "Layanan di portal"):
            assert words in app.clipboard
        await pilot.press("tab")  # into the detail pane: c copies the same programme
        assert app.focused is not None and app.focused.id == "prog-detail"
        app.copy_to_clipboard("")
        await pilot.press("c")
        await until(pilot, lambda: "GOV-01" in app.clipboard, "the programme from its detail pane")
        await pilot.press("l", "down", "c")
        await until(pilot, lambda: "Portal diluncurkan" in app.clipboard, "the milestone")
        assert app.clipboard.splitlines()[:2] == ["GOV-01 Portal layanan terpadu (2025)",
                                                  "2025 Q3 · Portal diluncurkan"]
        assert "Deliverable: Portal dengan 20 layanan" in app.clipboard and "Done: yes" in app.clipboard
        assert "Changed by Sekretariat Dewan" in app.clipboard


async def test_c_on_an_empty_list_says_to_select_an_item(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "c")  # Smart Living: no SWOT item
        await until(pilot, lambda: any("Pilih terlebih dahulu" in n for n in notices(app)), "the hint")
        assert app.clipboard == ""
