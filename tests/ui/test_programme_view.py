"""The programme table on a bare host app: sorting, the cursor that stays put, the detail
pane, and the messages it posts for the screen to act on."""

from __future__ import annotations

from textual.widgets import Static
from ui_support import prompt_text, resize

from smartcity_tui.model.format import rupiah
from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import Programme
from smartcity_tui.model.vocab import HORIZONS, PRIORITIES
from smartcity_tui.ui.widgets.programme_table import SORT_KEY, SORTS, ProgrammeView

try:
    from .test_programme_plan import ViewHost, fixed_id, programme_plan
except ImportError:
    from test_programme_plan import ViewHost, fixed_id, programme_plan

SIZE = (120, 40)


def shown_ids(view: ProgrammeView) -> list[str]:
    table = view.table
    return [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]


def cursor_id(view: ProgrammeView) -> str:
    return view.table.coordinate_to_cell_key((view.table.cursor_row, 0)).row_key.value


def detail(view: ProgrammeView) -> str:
    return prompt_text(view.query_one("#prog-detail-text", Static).content)


def header(view: ProgrammeView) -> str:
    return str(view.query_one("#prog-header", Static).render())


async def test_the_table_lists_the_pillars_programmes_with_rupiah_totals():
    plan = programme_plan()
    app = ViewHost(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        own = plan.programmes_for("governance")
        assert sorted(shown_ids(view)) == sorted(p.id for p in own), "only this pillar's programmes"
        row = view.table.get_row(fixed_id(10))
        assert str(row[-1]) == "Rp 1.250.000.000"
        assert row[0] == "GOV-01" and row[3] == "2025-2027"
        assert view.table.get_row(fixed_id(11))[6] == "★", "the quick win is marked"
        assert "4 program" in header(view)


async def test_each_sort_key_orders_the_rows_and_says_so():
    plan = programme_plan()
    app = ViewHost(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        by_id = {p.id: p for p in plan.programmes_for("governance")}
        horizon_rank = {k: i for i, k in enumerate(HORIZONS.keys)}
        priority_rank = {k: i for i, k in enumerate(PRIORITIES.keys)}
        what_each_sort_orders = {
            "code": lambda p: p.code,
            "horizon": lambda p: horizon_rank[p.horizon],
            "start_year": lambda p: p.start_year,
            "agency": lambda p: p.lead_agency.casefold(),
            "priority": lambda p: priority_rank[p.priority],
        }
        seen = []
        for _ in SORTS:
            values = [what_each_sort_orders[view.sort](by_id[i]) for i in shown_ids(view)]
            assert values == sorted(values), view.sort
            seen.append(view.sort)
            await pilot.press(SORT_KEY)
            await pilot.pause()
        assert seen == list(SORTS)
        assert view.sort == "code", "the sort key cycles back to the first order"
        view.set_sort("agency")
        await pilot.pause()
        assert "diurutkan menurut OPD" in header(view)
        assert [by_id[i].lead_agency for i in shown_ids(view)] == [
            "Bagian Organisasi", "Bappeda", "Diskominfo", "DPMPTSP"]


async def test_the_cursor_stays_on_its_programme_through_sorts_and_refreshes():
    plan = programme_plan()
    app = ViewHost(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        await pilot.press("down", "down")  # GOV-03, Satu Data
        assert cursor_id(view) == fixed_id(12)
        for _ in SORTS:
            await pilot.press(SORT_KEY)
            await pilot.pause()
            assert cursor_id(view) == fixed_id(12), view.sort
            assert "Satu Data Wonosari Raya" in detail(view)

        # A refresh after an edit elsewhere (a new programme sorts first) keeps the cursor.
        records = dict(plan.records)
        records["new"] = Programme(id="new", code="GOV-00", name="Baru", pillar="governance",
                                   start_year=2025, end_year=2025)
        view.show(Plan(plan.info, records))
        await pilot.pause()
        assert shown_ids(view)[0] == "new"
        assert cursor_id(view) == fixed_id(12) == view.selected_id

        # When its programme is deleted the cursor stays on the same row, not at the top.
        row = view.table.cursor_row
        del records[fixed_id(12)]
        view.show(Plan(plan.info, records))
        await pilot.pause()
        assert view.table.cursor_row == row
        assert view.selected_id == cursor_id(view) != fixed_id(12)


async def test_the_detail_pane_shows_every_field_indicators_and_milestones():
    plan = programme_plan()
    app = ViewHost(plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        text = " ".join(detail(view).split())
        p = plan.get(fixed_id(10))
        for expected in (
            p.name, p.code, p.description, "Pelayanan publik", p.subtopic, "Manfaatkan jaringan serat optik",
            p.lead_agency, "Diskominfo, Disdukcapil", "Universitas Wonosari (Akademisi)",
            "Bank Jateng (Bisnis)", p.reference, "Teknologi", "Jangka menengah", "2025-2027", "Tinggi",
            "APBD Kabupaten/Kota, CSR/TJSL", "APBD Kabupaten/Kota 2025 " + rupiah(500_000_000),
            "CSR/TJSL 2025 " + rupiah(250_000_000), rupiah(p.total_budget), "Dalam pelaksanaan", "40%",
            "Layanan perizinan daring (jenis) [Keluaran (output)]", "kondisi awal 12 (2024)", "2027: 50",
            "target akhir 120", "sumber data: DPMPTSP", "kondisi awal 76,5", "2026: 80,5",
            "2025 TW2", "Gedung MPP dibuka", "SK Bupati", "Layanan di 10 kecamatan · Disdukcapil",
            "Lokasi: Mal Pelayanan Publik dan 21 kecamatan", "Kelompok sasaran: Warga dan pelaku usaha",
            "Kebutuhan regulasi: Perbup standar pelayanan MPP",
            "Misi RPJMD: 1. Tata kelola pemerintahan yang terbuka dan cepat",
            "Sasaran: 1. Meningkatnya kepuasan masyarakat atas layanan publik",
        ):
            assert expected in text, expected
        await pilot.press("down")
        await pilot.pause()
        assert "Wifi Desa Bersahabat" in detail(view) and "1.834" in detail(view)


async def test_keys_post_edit_new_and_delete_requests():
    app = ViewHost(programme_plan())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.press("n")
        await pilot.press("e")
        await pilot.press("delete")
        await pilot.press("x")
        app.query_one("#prog-detail").focus()  # the keys work from the detail pane too
        await pilot.press("enter")
        await pilot.pause()
        g2 = fixed_id(11)
        assert app.messages == [("edit", g2), ("edit", None), ("edit", g2), ("delete", g2),
                                ("delete", g2), ("edit", g2)]


async def test_an_empty_pillar_says_how_to_add_a_programme():
    app = ViewHost(programme_plan(), pillar="economy")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        assert view.table.row_count == 0
        assert "Tekan n" in detail(view)
        await pilot.press("enter", "delete", "n")
        await pilot.pause()
        assert app.messages == [("edit", None)], "nothing to edit or delete, only new"


async def test_the_pane_goes_below_at_80_columns_and_the_table_fits_after_a_resize():
    app = ViewHost(programme_plan())
    # beside the table only from 150 columns: at 120 the table needs the width (issue 13 #5)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        assert not view.has_class("-narrow")
        assert view.query_one("#prog-detail").region.x > view.table.region.x, "beside the table"
        await resize(pilot, 80, 24)
        table = view.table
        assert view.has_class("-narrow")
        assert table.virtual_size.width <= table.size.width, "no sideways scrolling at 80x24"
        assert view.query_one("#prog-detail").region.y > table.region.y, "under the table"
        assert cursor_id(view) == fixed_id(10)


async def test_show_before_mounting_fills_the_table_once_mounted():
    from textual.app import App

    class Early(App):
        def compose(self):
            view = ProgrammeView("governance")
            view.show(programme_plan())  # the pillar screen may hand the plan over this early
            yield view

    app = Early()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.query_one(ProgrammeView).table.row_count == len(programme_plan().programmes_for("governance"))


async def test_a_long_strategy_wraps_under_its_text_not_under_its_kind():
    """In a narrow detail pane a strategy's second line starts under its first word, so the
    kind (SO, WT) stands alone at the left; copied out, it is one line."""
    from smartcity_tui.ui.widgets.programme_detail import detail_text

    plan = programme_plan()
    app = ViewHost(plan)
    async with app.run_test(size=(50, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ProgrammeView)
        programme = plan.get(fixed_id(10))
        strategy = plan.get(programme.strategy_ids[0])
        detail = view.query_one("#prog-detail-text", Static)
        width = detail.content_region.width
        assert len(strategy.text) + 5 > width, "the test's strategy must be longer than the pane is wide"
        lines = [strip.text for strip in detail.render_lines(detail.content_region.reset_offset)]
        first = next(i for i, line in enumerate(lines) if line.startswith(f"  {strategy.kind} "))
        assert lines[first + 1].startswith(" " * len(f"  {strategy.kind} ")), lines[first:first + 2]
        assert strategy.text.split()[-1] in " ".join(lines[first:first + 4])
    copied = detail_text(plan, programme, "id").plain
    assert f"  {strategy.kind} {strategy.text}\n" in copied
