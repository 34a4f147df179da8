"""The Markdown draft parses (CommonMark + GFM tables) into the expected tables per pillar,
and user text full of Markdown syntax stays plain text in its one cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bundle_helpers import make_plan
from md_parse import parse
from smartcity_tui.bundle import render_markdown
from smartcity_tui.model.records import SwotItem
from smartcity_tui.model.vocab import PILLARS, QUADRANTS
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
HOSTILE = ("Tarif | retribusi *naik* # 50% <script>alert(1)</script> _kota_ `kode` [tautan](http://x) "
           "\\ akhir\n- baris dua\n1. baris tiga\n> kutip ~~coret~~ &amp; $x$ ^sup^ @cite ---\r\n===\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def seen_as(text: str) -> str:
    """What a reader should see of a user text: its lines, trimmed, controls as spaces."""
    lines = [_CONTROL.sub(" ", x.replace("\t", " ")).strip() for x in text.strip().splitlines()]
    return "\n".join(lines).strip("\n")


@pytest.fixture(scope="module")
def sample():
    store = PlanStore.open(SAMPLE, readonly=True)
    plan = store.plan()
    return plan, parse(render_markdown(plan))


def test_title_facts_vision_missions_and_readiness(sample):
    plan, doc = sample
    assert doc.headings[0] == (1, "Rencana Induk Smart City Kabupaten Wonosari Raya 2025-2029")
    facts = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "Data pokok")
    assert "Periode: 2025-2029" in facts
    total = sum(p.total_budget for p in plan.programmes)
    assert f"Total anggaran: Rp {total:,}".replace(",", ".") in facts
    missions = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "Misi")
    assert missions == plan.info.missions
    readiness = doc.section_tables("Analisis kesiapan")[0]
    assert readiness[0] == ["Aspek", "Topik", "Penilaian", "Keterangan", "Kesenjangan"]
    assert len(readiness) - 1 == len(plan.readiness)


@pytest.mark.parametrize("p", PILLARS, ids=[p.key for p in PILLARS])
def test_each_pillar_has_its_swot_strategy_programme_indicator_and_timeline_tables(sample, p):
    plan, doc = sample
    swot, strategies, programmes, indicators, timeline = doc.section_tables(f"{p.number}. {p.label('id')}")
    assert swot[0] == ["", "Membantu", "Menghambat"] and len(swot) == 3
    assert [len(r) for r in swot] == [3, 3, 3]
    for row, (a, b) in zip(swot[1:], (("S", "W"), ("O", "T"))):
        for cell, q in ((row[1], a), (row[2], b)):
            lines = cell.split("\n")
            assert lines[0] == QUADRANTS.label(q, "id")
            items = plan.swot_for(p.key, q)
            assert lines[1:] == [f"{q}{n}. {i.text}" for n, i in enumerate(items, 1)]
    assert len(strategies) - 1 == len(plan.strategies_for(p.key))
    progs = plan.programmes_for(p.key)
    assert len(programmes) - 2 == len(progs)  # header and total row
    assert [r[1] for r in programmes[1:-1]] == [x.name for x in progs]
    assert programmes[-1][-1] == "Rp " + f"{sum(x.total_budget for x in progs):,}".replace(",", ".")
    assert len(indicators) - 1 == sum(len(plan.indicators_of(x.id)) for x in progs)
    assert timeline[0] == ["Program", "2025", "2026", "2027", "2028", "2029"]
    assert len(timeline) - 1 == len(progs)


def test_roadmap_lists_every_programme_by_year(sample):
    plan, doc = sample
    (roadmap,) = doc.section_tables("Peta jalan seluruh rencana")
    assert roadmap[0][-5:] == ["2025", "2026", "2027", "2028", "2029"]
    assert sorted(r[2] for r in roadmap[1:]) == sorted(p.name for p in plan.programmes)


def test_english_labels_on_request(sample):
    plan, _ = sample
    doc = parse(render_markdown(plan, lang="en"))
    assert doc.headings[0] == (1, "Smart City Masterplan of Wonosari Raya Regency, 2025-2029")
    swot = doc.section_tables("1. Smart Governance")[0]
    assert swot[0] == ["", "Helpful", "Harmful"] and swot[1][1].startswith("Strength\n")


def test_user_text_full_of_markdown_stays_in_its_cell(tmp_path):
    with make_plan(tmp_path / "plan.json", text=HOSTILE, name="Pasar | Rakyat *Digital* # 1") as store:
        plain = parse(render_markdown(make_plan(tmp_path / "plain.json").plan()))
        doc = parse(render_markdown(store.plan()))
    # the same document structure as a plan with harmless text
    assert doc.headings == plain.headings
    assert [len(rows) for _, rows in doc.tables] == [len(rows) for _, rows in plain.tables]
    assert [[len(r) for r in rows] for _, rows in doc.tables] == [[len(r) for r in rows] for _, rows in plain.tables]
    assert doc.html_blocks == 0
    swot = doc.table_after("Analisis SWOT", nth=2)  # Smart Economy is the third pillar
    assert swot[1][1] == "Kekuatan\nS1. " + seen_as(HOSTILE)
    programmes = doc.table_after("Program", nth=2)
    assert programmes[1][1] == "Pasar | Rakyat *Digital* # 1"
    missions = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "Misi")
    assert missions == ["Misi satu", "Pasar | Rakyat *Digital* # 1"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60) | st.sampled_from([HOSTILE, "|", "\\", "\\|", "1.", "-", "<br>", "**", "\n\n"]))
def test_any_swot_text_is_one_cell_holding_that_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("md") / "plan.json"
    with make_plan(path) as store:
        store.add(SwotItem(pillar="branding", quadrant="T", text=text))
        doc = parse(render_markdown(store.plan()))
    swot = doc.table_after("Analisis SWOT", nth=1)
    assert [len(r) for r in swot] == [3, 3, 3]
    assert swot[2][2] == ("Ancaman\nT1. " + seen_as(text)).strip()


def test_open_conflicts_are_listed_in_an_appendix(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        doc = parse(render_markdown(store.plan(), conflicts=store.conflicts()))
        assert render_markdown(store.plan(), conflicts=store.conflicts()) == \
            render_markdown(store.plan(), conflicts=store.conflicts())
    (table,) = doc.section_tables("Lampiran: konflik yang belum diselesaikan")
    assert table[0] == ["Catatan", "Kolom", "Nilai"]
    (row,) = table[1:]
    assert row[0] == "Program: 3.001 Pasar Rakyat Digital" and row[1] == "OPD penanggung jawab"
    assert sorted(row[2].split("\n")) == ["Bappeda", "Diskominfo"]
