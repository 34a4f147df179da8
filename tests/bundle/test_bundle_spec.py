"""docs/bundle-format.md lets a stranger write byte-identical bundles: spec_writer.py, built
from that page alone, writes the same bytes as the app's export for the sample plan, a plan
with a conflict, a deletion and orphans, a brand-new plan, and any text or number."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from tiers import examples

import spec_writer
from bundle_helpers import WHEN, clock, make_plan
from smartcity_tui import __version__
from smartcity_tui.bundle import ExportOptions, export_bundle
from smartcity_tui.model.records import Indicator, PlanInfo, Programme, Stakeholder, SwotItem
from smartcity_tui.store import PlanStore
from smartcity_tui.store.teams import known_teams

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def _records_in_file(plan: Path) -> list[dict]:
    """The records as the plan file holds them (TinyDB JSON): the wire form of section 5."""
    data = json.loads(plan.read_text(encoding="utf-8"))
    return list(data["records"].values())


def _export_and_compare(store: PlanStore, plan_file: Path, out: Path, lang: str = "id") -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    result = export_bundle(store, ExportOptions(out, lang=lang), clock=clock())
    app = {rel: (result.path / rel).read_bytes() for rel in result.files}
    facts = {
        "format": "smartcity-tui-bundle", "format_version": 2, "app_version": __version__,
        "plan_id": store.plan_id, "replica_id": store.replica_id, "team": store.team,
        "exported_at": WHEN.isoformat(), "language": lang, "teams": known_teams(store),
    }
    mine = spec_writer.write_bundle(facts, _records_in_file(plan_file), app["masterplan.md"],
                                   app["masterplan.html"])
    assert list(mine) == list(app)
    for rel in app:
        assert mine[rel] == app[rel], (rel, _first_difference(mine[rel], app[rel]))
    return mine


def _first_difference(a: bytes, b: bytes) -> tuple[str, str]:
    for x, y in zip(a.decode().split("\n"), b.decode().split("\n")):
        if x != y:
            return x, y
    return "(lengths differ)", ""


def test_the_sample_plan(tmp_path):
    plan = tmp_path / "plan.json"
    shutil.copyfile(SAMPLE, plan)
    with PlanStore.open(plan, readonly=True) as store:
        files = _export_and_compare(store, plan, tmp_path / "out")
    assert files["pillars/economy.toml"].count(b"[[programme]]") >= 3


def test_a_plan_with_a_conflict_a_deletion_and_orphans_in_english(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        files = _export_and_compare(store, tmp_path / "plan.json", tmp_path / "out", lang="en")
    assert b"conflicts = 1" in files["manifest.toml"] and b"deleted = 1" in files["manifest.toml"]


def test_a_brand_new_plan(tmp_path):
    info = PlanInfo(region="Wonosari Raya", province="Jawa Tengah", start_year=2025, end_year=2029)
    with PlanStore.create(tmp_path / "plan.json", info, "Pokja Smart Economy", durable=False) as store:
        files = _export_and_compare(store, tmp_path / "plan.json", tmp_path / "out")
    assert files["pillars/economy.toml"] == f'plan_id = "{info.id}"\npillar = "economy"\n'.encode()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["\t", "\x00", "\x7f", "\x85", '"', "\\", "\r\n", "\u2028", "😀", "[[swot]]"])
FLOAT = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [0.0, -0.0, 1e16, 9999999999999998.0, 1e-4, 0.00009999, 1.5e-5, 40.0, 2.5, 1e300, 5e-324])


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=3, max_size=3), numbers=st.lists(FLOAT, min_size=3, max_size=3),
       team=TEXT, budget=st.integers(0, 2**63 - 1))
def test_any_text_and_number(tmp_path_factory, texts, numbers, team, budget):
    tmp = tmp_path_factory.mktemp("spec")
    info = PlanInfo(region=texts[0], province="Jawa Tengah", start_year=2025, end_year=2029, vision=texts[1])
    with PlanStore.create(tmp / "plan.json", info, team, durable=False) as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text=texts[2], subtopic=team))
        prog = store.add(Programme(name=texts[1], pillar="living", budget_by_source={"apbd": {2026: budget, 2025: 1}},
                                   stakeholders=[Stakeholder(texts[0], "media")]))
        store.add(Indicator(programme_id=prog.id, name=texts[2], baseline=numbers[0],
                            targets={2025: numbers[1], 2029: numbers[2]}))
        _export_and_compare(store, tmp / "plan.json", tmp / "out")


@given(x=FLOAT)
def test_floats_are_written_as_the_spec_says(x):
    """spec_writer's float rule, written from the table in section 2, is Python's repr."""
    assert spec_writer.number(x) == repr(x)
    assert math.copysign(1, float(spec_writer.number(x))) == math.copysign(1, x)


def test_agreement_and_double_deletes_are_counted_as_the_spec_says(tmp_path):
    """Two groups typing the same value, and both deleting one record: siblings kept, no
    conflict (section 5); the counts and bytes still match the stranger's writer."""
    info = PlanInfo(region="Wonosari Raya", province="Jawa Tengah", start_year=2025, end_year=2029)
    path = tmp_path / "plan.json"
    with PlanStore.create(path, info, "Sekretariat", durable=False) as store:
        a = store.add(SwotItem(pillar="economy", quadrant="S", text="Pasar"))
        b = store.add(SwotItem(pillar="economy", quadrant="W", text="Jalan rusak"))
    shutil.copyfile(path, tmp_path / "other.json")
    with PlanStore.open(tmp_path / "other.json", durable=False) as other:
        other.update(a.id, text="Pasar rakyat")
        other.delete(b.id)
        theirs = other.states()
    with PlanStore.open(path, durable=False) as store:
        store.update(a.id, text="Pasar rakyat")
        store.delete(b.id)
        store.merge_in(theirs)
        twins = {s.id: s for s in store.states()}
        assert len(twins[a.id].fields["text"]) == 2 and not twins[a.id].has_conflict()
        files = _export_and_compare(store, path, tmp_path / "out")
    assert b"conflicts = 0" in files["manifest.toml"] and b"deleted = 1" in files["manifest.toml"]
