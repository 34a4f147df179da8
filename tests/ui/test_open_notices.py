"""What the store put right by itself at open is said in the app, once (issue 13 #8, issue 10
housekeeping, issue 17 #7): a session that ended without closing (nothing lost), a newer copy
kept from a save cut short, a settings file that would not read; and a missing plan of which
a whole copy survived is offered back on the problem screen instead of "nothing changed"."""

from __future__ import annotations

import json
import os

from textual.widgets import Static
from ui_support import build_workshop_plan, fixed_clock, until

from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanMissingRecovered, PlanStore
from smartcity_tui.store.lock import FORMAT, plan_key
from smartcity_tui.store.machine import machine_id
from smartcity_tui.store.rescue import recovered_path
from smartcity_tui.ui.factory import create_app
from smartcity_tui.ui.launch import surviving_copy
from smartcity_tui.ui.screens.dashboard import DashboardScreen
from smartcity_tui.ui.screens.problem import ProblemScreen


def notes(app) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


def app_on(path, settings: Settings | None = None):
    store = PlanStore.open(path, clock=fixed_clock)
    return create_app(store, settings or Settings(), clock=fixed_clock), store


def newer_save(plan) -> bytes:
    """The plan as a later save of it would have written it (one counter on, a text changed)."""
    data = json.loads(plan.read_bytes())
    data["_meta"]["1"]["counter"] += 1
    first = next(d for d in data["records"].values() if d["kind"] == "swot")
    first["f"]["text"][0]["v"] = "tersimpan sebelum flashdisk dicabut"
    return json.dumps(data).encode("utf-8")


def temp_of(plan):
    return plan.with_name(f".{plan.name}.99999.tmp")


async def test_a_session_that_ended_without_closing_is_said_with_nothing_lost(tmp_path):
    plan = build_workshop_plan(tmp_path / "rencana.json")
    crashed = {"pid": os.getpid(), "host": "LAPTOP-POKJA", "user": "budi", "team": "Pokja Governance",
               "since": "2026-11-22T09:00:00+07:00", "machine": machine_id(), "plan": plan_key(plan),
               "lock": FORMAT}
    plan.with_name(plan.name + ".lock").write_text(json.dumps(crashed), encoding="utf-8")
    app, store = app_on(plan)
    assert store.recovered_stale_lock is not None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = notes(app)
        assert any("tidak ditutup" in title and "Tidak ada yang hilang" in text and "Pokja Governance" in text
                   for title, text in said), said
    store.close()


async def test_a_newer_copy_kept_from_a_save_cut_short_is_said(tmp_path):
    plan = build_workshop_plan(tmp_path / "rencana.json")
    temp_of(plan).write_bytes(newer_save(plan))
    app, store = app_on(plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        kept = recovered_path(plan, 1)
        said = notes(app)
        assert any("lebih baru" in title and str(kept) in text and "restore" in text for title, text in said), said
    store.close()
    assert kept.exists()


async def test_a_broken_settings_file_is_said_and_kept_aside(tmp_path):
    plan = build_workshop_plan(tmp_path / "rencana.json")
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text('[keys]\n"swot.new" = "a\n', encoding="utf-8")  # a quote never closed
    settings = Settings.load(settings_file)
    app, store = app_on(plan, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = notes(app)
        assert any("Pengaturan" in title and "settings.toml.broken" in text for title, text in said), said
    store.close()
    assert (tmp_path / "settings.toml.broken").exists()


async def test_a_missing_plan_with_a_surviving_copy_is_offered_back_and_opened(tmp_path):
    plan = build_workshop_plan(tmp_path / "rencana.json")
    temp_of(plan).write_bytes(newer_save(plan))
    plan.unlink()  # the flash drive was pulled while the replace was half done
    problem = surviving_copy(plan)
    assert isinstance(problem, PlanMissingRecovered)
    app = create_app(None, Settings(), plan_path=plan, problem=problem, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProblemScreen)
        title = str(screen.query_one("#problem-title", Static).render())
        body = " ".join(str(s.render()) for s in screen.query(Static))
        assert "hilang" in title and "salinan" in title, title
        assert "Tidak ada yang diubah" not in body
        assert "enter" in body and str(plan) in body
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the restored plan to open")
        assert app.problem is None, "the app exits 0 now"
        texts = [s.text for s in app.store.plan().swot]
        assert "tersimpan sebelum flashdisk dicabut" in texts
        app.store.close()
    assert plan.exists() and recovered_path(plan, 1).exists(), "the copy is kept too"


async def test_an_empty_plan_beside_its_last_save_offers_that_save_and_keeps_the_empty_file(tmp_path):
    plan = build_workshop_plan(tmp_path / "rencana.json")
    temp_of(plan).write_bytes(newer_save(plan))
    plan.write_bytes(b"")  # what a FAT32 drive pulled mid-save leaves
    app = create_app(None, Settings(), plan_path=plan, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProblemScreen), "the problem screen")
        screen = app.screen
        title = str(screen.query_one("#problem-title", Static).render())
        body = " ".join(str(s.render()) for s in screen.query(Static))
        assert "rusak" in title and "salinan" in title, title
        assert "Tidak ada cadangan" not in body and "enter" in body, body
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen), "the restored plan to open")
        assert "tersimpan sebelum flashdisk dicabut" in [s.text for s in app.store.plan().swot]
        app.store.close()
    assert plan.with_name("rencana.json.broken-1").read_bytes() == b"", "the empty file is kept aside"
    assert recovered_path(plan, 1).exists(), "the copy is kept too"
