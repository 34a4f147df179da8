"""The Markdown book parses (CommonMark + GFM tables) into the chapters and tables a
masterplan holds, and user text full of Markdown syntax stays plain text in its one cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from tiers import examples

from bundle_helpers import make_plan
from md_parse import Doc, parse
from smartcity_tui.bundle import render_markdown
from smartcity_tui.model.records import SwotItem
from smartcity_tui.model.vocab import PILLARS, QUADRANTS, READINESS_ASPECTS
from smartcity_tui.store import PlanStore

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"
HOSTILE = ("Tarif | retribusi *naik* # 50% <script>alert(1)</script> _kota_ `kode` [tautan](http://x) "
           "\\ akhir\n- baris dua\n1. baris tiga\n> kutip ~~coret~~ &amp; $x$ ^sup^ @cite ---\r\n===\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CHAPTERS = ["BAB I Pendahuluan", "BAB II Gambaran Umum dan Kesiapan Daerah", "BAB III Analisis Strategis",
            "BAB IV Rencana Pengembangan Smart City", "BAB V Rencana Aksi dan Peta Jalan",
            "BAB VI Indikasi Pembiayaan", "BAB VII Kelembagaan", "BAB VIII Penutup"]


def seen_as(text: str) -> str:
    """What a reader should see of a user text: its lines, trimmed, controls as spaces."""
    lines = [_CONTROL.sub(" ", x.replace("\t", " ")).strip() for x in text.strip().splitlines()]
    return "\n".join(lines).strip("\n")


def tables_under(doc: Doc, level: int, title: str, nth: int = 0) -> list[list[list[str]]]:
    """Tables under the nth heading (level, title), up to the next heading of that level or
    higher. Captions precede their tables as bold paragraphs; they are not tables."""
    starts = [i for i, h in enumerate(doc.headings) if h == (level, title)]
    start = starts[nth]
    end = next((i for i, (lvl, _) in enumerate(doc.headings) if lvl <= level and i > start), len(doc.headings))
    return [rows for h, rows in doc.tables if start <= h < end]


def captions(doc: Doc) -> list[str]:
    return [text for _, text in doc.paragraphs if re.match(r"Tabel (L\.)?\d+(\.\d+)? ", text)]


@pytest.fixture(scope="module")
def sample():
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        return plan, parse(render_markdown(plan))


def test_title_chapters_in_book_order_and_the_total_on_the_first_page(sample):
    plan, doc = sample
    assert doc.headings[0] == (1, "Rencana Induk Smart City Kabupaten Wonosari Raya Tahun 2025\u20132029")
    chapters = [text for level, text in doc.headings if level == 1][1:]
    assert chapters == ["Data Pokok", *CHAPTERS]
    facts = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "Data Pokok")
    assert "Periode: 2025\u20132029" in facts
    total = sum(p.total_budget for p in plan.programmes)
    assert f"Total indikasi anggaran: Rp {total:,}".replace(",", ".") in facts


def test_every_table_is_numbered_per_chapter_with_its_source(sample):
    _, doc = sample
    found = captions(doc)
    assert len(found) == len(doc.tables)
    numbers = [c.split()[1] for c in found]
    assert numbers[:3] == ["2.1", "2.2", "2.3"] and len(set(numbers)) == len(numbers)
    sources = [text for _, text in doc.paragraphs if text.startswith("<em_open>Sumber: ")]
    assert len(sources) == len(doc.tables)


def test_missions_and_readiness_per_aspect(sample):
    plan, doc = sample
    missions = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "3.1.2 Misi")
    assert missions == plan.info.missions
    for n, aspect in enumerate(READINESS_ASPECTS, 1):
        (table,) = tables_under(doc, 3, f"2.2.{n} {aspect.id}")
        assert table[0] == ["Topik", "Penilaian", "Uraian", "Kesenjangan"]
        assert [r[0] for r in table[1:]] == [r.topic for r in plan.readiness if r.aspect == aspect.key]


@pytest.mark.parametrize("p", PILLARS, ids=[p.key for p in PILLARS])
def test_each_dimension_has_its_swot_tows_programmes_profiles_indicators_and_actions(sample, p):
    plan, doc = sample
    swot, tows = tables_under(doc, 3, f"3.2.{p.number} {p.label('id')}")
    assert swot[0] == ["", "Membantu", "Menghambat"] and [len(r) for r in swot] == [3, 3, 3]
    for row, (a, b) in zip(swot[1:], (("S", "W"), ("O", "T"))):
        for cell, q in ((row[1], a), (row[2], b)):
            lines = cell.split("\n")
            assert lines[0] == QUADRANTS.label(q, "id")
            assert lines[1:] == [f"{q}{n}. {i.text}" for n, i in enumerate(plan.swot_for(p.key, q), 1)]
    assert len(tows) - 1 == len(plan.strategies_for(p.key))
    progs = plan.programmes_for(p.key)
    matrix, *profiles, indicators = tables_under(doc, 2, f"4.{p.number} {p.label('id')}")
    assert [r[1] for r in matrix[1:-1]] == [x.name for x in progs]
    assert matrix[-1][-1] == "Rp " + f"{sum(x.total_budget for x in progs):,}".replace(",", ".")
    assert len(profiles) == len(progs)
    for prog, profile in zip(progs, profiles):
        rows = dict(profile[1:])
        assert rows["Kode program"] == prog.code and rows["Uraian"] == prog.description
        assert rows["OPD penanggung jawab"] == prog.lead_agency
        assert rows["Rujukan RPJMD/Renstra"] == prog.reference
    assert len(indicators) - 1 == sum(len(plan.indicators_of(x.id)) for x in progs)
    (actions,) = tables_under(doc, 3, f"5.1.{p.number} {p.label('id')}")
    assert actions[0] == ["Tahun", "TW", "Kode", "Tonggak/Kegiatan", "Keluaran", "OPD Penanggung Jawab", "Status"]
    assert sorted(r[3] for r in actions[1:]) == sorted(m.title for x in progs for m in plan.milestones_of(x.id))


def test_roadmap_and_financing_cover_every_programme_and_year(sample):
    plan, doc = sample
    (roadmap,) = tables_under(doc, 2, "5.2 Peta Jalan")
    assert roadmap[0][-5:] == ["2025", "2026", "2027", "2028", "2029"]
    assert sorted(r[2] for r in roadmap[1:]) == sorted(p.name for p in plan.programmes)
    per_dimension, per_programme, per_source = (tables_under(doc, 2, t)[0] for t in (
        "6.1 Indikasi Anggaran per Dimensi", "6.2 Indikasi Anggaran per Program", "6.3 Indikasi Anggaran per Sumber Dana"))
    total = "Rp " + f"{sum(p.total_budget for p in plan.programmes):,}".replace(",", ".")
    assert per_dimension[-1][-1] == per_programme[-1][-1] == per_source[-1][-1] == total
    assert {r[0] for r in per_programme[1:]} >= {p.code for p in plan.programmes}


def test_english_labels_on_request(sample):
    plan, _ = sample
    doc = parse(render_markdown(plan, lang="en"))
    assert doc.headings[0] == (1, "Smart City Masterplan of Wonosari Raya Regency, 2025\u20132029")
    assert (1, "CHAPTER IV Smart City Development Plan") in doc.headings
    swot = tables_under(doc, 3, "3.2.1 Smart Governance")[0]
    assert swot[0] == ["", "Helpful", "Harmful"] and swot[1][1].startswith("Strength\n")


def test_user_text_full_of_markdown_stays_in_its_cell(tmp_path):
    with make_plan(tmp_path / "plan.json", text=HOSTILE, name="Pasar | Rakyat *Digital* # 1") as store:
        plain = parse(render_markdown(make_plan(tmp_path / "plain.json").plan()))
        doc = parse(render_markdown(store.plan()))
    # the same document structure as a plan with harmless text
    assert [level for level, _ in doc.headings] == [level for level, _ in plain.headings]
    assert [len(rows) for _, rows in doc.tables] == [len(rows) for _, rows in plain.tables]
    assert [[len(r) for r in rows] for _, rows in doc.tables] == [[len(r) for r in rows] for _, rows in plain.tables]
    assert doc.html_blocks == 0
    swot = tables_under(doc, 3, "3.2.3 Smart Economy")[0]
    assert swot[1][1] == "Kekuatan\nS1. " + seen_as(HOSTILE)
    matrix = tables_under(doc, 2, "4.3 Smart Economy")[0]
    assert matrix[1][1] == "Pasar | Rakyat *Digital* # 1"
    assert (4, "3.001 Pasar | Rakyat *Digital* # 1") in doc.headings
    missions = next(items for h, kind, items in doc.lists if doc.headings[h][1] == "3.1.2 Misi")
    assert missions == ["Misi satu", "Pasar | Rakyat *Digital* # 1"]


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60) | st.sampled_from([HOSTILE, "|", "\\", "\\|", "1.", "-", "<br>", "**", "\n\n"]))
def test_any_swot_text_is_one_cell_holding_that_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("md") / "plan.json"
    with make_plan(path) as store:
        store.add(SwotItem(pillar="branding", quadrant="T", text=text))
        doc = parse(render_markdown(store.plan()))
    swot = tables_under(doc, 3, "3.2.2 Smart Branding")[0]
    assert [len(r) for r in swot] == [3, 3, 3]
    assert swot[2][2] == ("Ancaman\nT1. " + seen_as(text)).strip()


def test_open_conflicts_are_listed_in_an_appendix(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        doc = parse(render_markdown(store.plan(), conflicts=store.conflicts()))
        assert render_markdown(store.plan(), conflicts=store.conflicts()) == \
            render_markdown(store.plan(), conflicts=store.conflicts())
        clean = parse(render_markdown(store.plan()))
    (table,) = tables_under(doc, 1, "Lampiran: Isian yang Belum Disepakati")
    assert table[0] == ["Entri", "Isian", "Nilai"]
    (row,) = table[1:]
    assert row[0] == "Program: 3.001 Pasar Rakyat Digital" and row[1] == "OPD penanggung jawab"
    # each value names who wrote it (here a replica id: no bundle named its team) and the
    # value the book prints is marked
    values = row[2].split("\n")
    assert sorted(v.split(" (")[0] for v in values) == ["Bappeda", "Diskominfo"]
    assert [v.endswith(" [dicetak]") for v in values] == [False, True]
    assert "Tabel L.1 Isian yang Belum Disepakati" in captions(doc)
    assert not any("Lampiran" in text for _, text in clean.headings)
