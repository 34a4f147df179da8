"""A bundle carries the book twice (masterplan.md and masterplan.html, in the bundle's
language) and the narrative records in plan.toml; the reader checks them like any record and
file, and a merge brings a group's narrative into the secretariat's plan."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

from smartcity_tui.bundle import ExportOptions, export_bundle, read_bundle
from smartcity_tui.bundle.layout import HTML, MARKDOWN, PLAN_FILE
from smartcity_tui.bundle.merge import apply
from smartcity_tui.document import build_document, write_html, write_markdown
from smartcity_tui.model import narrative
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
WHEN = dt.datetime(2026, 11, 22, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_the_bundle_carries_the_book_and_the_narrative_records(tmp_path):
    out = tmp_path / "flashdisk"
    out.mkdir()
    with PlanStore.open(SAMPLE, readonly=True) as store:
        result = export_bundle(store, ExportOptions(out, lang="en"), clock=lambda: WHEN)
        book = build_document(store.plan(), lang="en", conflicts=store.conflicts())
    assert (result.path / HTML).read_text(encoding="utf-8") == write_html(book)
    assert (result.path / MARKDOWN).read_text(encoding="utf-8") == write_markdown(book)
    manifest = tomllib.loads((result.path / "manifest.toml").read_text(encoding="utf-8"))
    assert HTML in manifest["files"] and manifest["language"] == "en"
    plan_toml = tomllib.loads((result.path / PLAN_FILE).read_text(encoding="utf-8"))
    assert list(plan_toml)[:9] == ["plan_id", "framework", "framework_version",  # the header (format 2)
                                   "plan", "readiness", "target", "narrative", "regulation", "member"]
    assert (len(plan_toml["narrative"]), len(plan_toml["regulation"]), len(plan_toml["member"])) == (14, 15, 24)
    bundle = read_bundle(result.path)
    kinds = [s.kind for s in bundle.states]
    assert (kinds.count("narrative"), kinds.count("regulation"), kinds.count("member")) == (14, 15, 24)


def test_a_groups_narrative_arrives_in_the_secretariats_plan_by_bundle(tmp_path):
    group = tmp_path / "pokja.json"
    shutil.copyfile(SAMPLE, group)
    with PlanStore.open(group, durable=False) as store:
        store.set_team("Pokja Smart Economy")
        store.save(narrative.edited(store.plan(), "dimension", "Narasi baru pokja *ekonomi*.", "economy"))
        (tmp_path / "out").mkdir()
        bundle = export_bundle(store, ExportOptions(tmp_path / "out"), clock=lambda: WHEN).path
    secretariat = tmp_path / "sekretariat.json"
    shutil.copyfile(SAMPLE, secretariat)
    with PlanStore.open(secretariat, durable=False) as store:
        apply(store, [read_bundle(bundle)])
        assert store.conflicts() == []
        assert narrative.slot(store.plan(), "dimension", "economy").text == "Narasi baru pokja *ekonomi*."
        html = write_html(build_document(store.plan()))
    assert "Narasi baru pokja <em>ekonomi</em>." in html
