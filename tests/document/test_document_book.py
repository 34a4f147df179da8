"""The book the builder makes from any plan, whatever it holds: nothing typed goes missing
(records of no known dimension have their own section), money adds up in every financing
table, the RPJMD matrix reads the missions a programme names, an empty plan gives a whole
book of notes saying what is still to be written, and the same plan gives the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

from smartcity_tui.document import build_document, write_html, write_markdown
from smartcity_tui.document.build_finance import MIXED, budget_by_source
from smartcity_tui.document.links import missions_of
from smartcity_tui.document.tree import Paragraph, Table, text_of
from smartcity_tui.model.records import PlanInfo, Programme
from smartcity_tui.store import PlanStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bundle"))
from bundle_helpers import make_plan  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "plan.json"


def chapter(doc, number):
    return next(c for c in doc.chapters if c.number == number)


def section(parent, title):
    return next(s for s in parent.sections if text_of(s.title) == title)


def cells(table: Table) -> list[list[str]]:
    return [[text_of(c) for c in row] for row in table.rows]


def test_a_programme_of_no_known_dimension_is_in_the_book_not_lost(tmp_path):
    with make_plan(tmp_path / "plan.json") as store:
        doc = build_document(store.plan())
    stray = section(chapter(doc, 4), "Tanpa Dimensi yang Dikenal")
    matrix = next(b for b in stray.blocks if isinstance(b, Table))
    assert cells(matrix)[0][:2] == ["9.999", "Tanpa dimensi"]
    roadmap = next(b for b in section(chapter(doc, 5), "Peta Jalan").blocks if isinstance(b, Table))
    assert "9.999" in [row[1] for row in cells(roadmap)]


def test_every_financing_table_adds_up_to_the_plans_total_and_says_what_is_not_split(tmp_path):
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
    total = f"Rp {sum(p.total_budget for p in plan.programmes):,}".replace(",", ".")
    financing = chapter(doc, 6)
    tables = [b for s in financing.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) == 3 and all(cells(t)[-1][-1] == total for t in tables)
    by_source = cells(tables[2])
    mixed = [p for p in plan.programmes if budget_by_source(p) is None]
    assert mixed and by_source[-2][:2] == ["Gabungan beberapa sumber (belum dirinci)", str(len(mixed))]
    notes = [text_of(b.content) for s in financing.sections for b in s.blocks if isinstance(b, Paragraph) and b.note]
    assert any(f"{len(mixed)} program" in n and "belum dirinci per sumber" in n for n in notes)


def test_budget_by_source_until_budgets_are_held_per_source():
    one = Programme(funding_sources=["apbd", "apbd"], budget={2025: 100})
    several = Programme(funding_sources=["apbd", "csr"], budget={2025: 100})
    none = Programme(budget={2026: 5})
    assert budget_by_source(one) == {"apbd": {2025: 100}}
    assert budget_by_source(several) is None and MIXED.startswith("*")
    assert budget_by_source(none) == {"": {2026: 5}}


def test_the_rpjmd_matrix_reads_the_missions_a_programme_names():
    def ref(text: str) -> Programme:
        return Programme(reference=text)

    assert missions_of(ref("RPJMD 2025-2029 Misi 1, Renstra Diskominfo"), 4) == [1]
    assert missions_of(ref("misi 2 dan 3; Renstra Dinkes"), 4) == [2, 3]
    assert missions_of(ref("Misi 1, 4"), 4) == [1, 4]
    assert missions_of(ref("Misi 7"), 4) == [] and missions_of(ref("Renstra DPMPTSP 2025-2029"), 4) == []


def test_the_sample_rpjmd_matrix_puts_every_programme_under_a_mission_or_apart():
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
    matrix = next(b for b in section(chapter(doc, 4), "Keterkaitan dengan RPJMD").blocks if isinstance(b, Table))
    rows = cells(matrix)
    assert rows[0][0] == "1. " + plan.info.missions[0]
    codes = [r[1] for r in rows if r[1] != "-"]
    assert sorted(codes) == sorted(p.code for p in plan.programmes)


def test_an_empty_plan_gives_every_chapter_with_notes_of_what_is_missing(tmp_path):
    path = tmp_path / "plan.json"
    PlanStore.create(path, PlanInfo(region="Contoh", start_year=2025, end_year=2029), "Sekretariat",
                     durable=False).close()
    with PlanStore.open(path, readonly=True) as store:
        doc = build_document(store.plan())
    assert [c.label for c in doc.chapters if c.numbered] == [f"BAB {r}" for r in
                                                              ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")]
    md = write_markdown(doc)
    assert md.count("Bagian ini belum diisi") == 14 and "Dasar hukum belum diisi" in md
    assert md.count("Keanggotaan belum diisi") == 3 and list(doc.tables()) == []
    assert doc.province_line == "" and doc.draft_round == ""


def test_the_same_plan_gives_the_same_bytes(tmp_path):
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan, conflicts = store.plan(), store.conflicts()
    for lang in ("id", "en"):
        assert write_html(build_document(plan, lang=lang, conflicts=conflicts)) == \
            write_html(build_document(plan, lang=lang, conflicts=conflicts))
        assert write_markdown(build_document(plan, lang=lang)) == write_markdown(build_document(plan, lang=lang))


def test_the_document_package_stands_below_bundle_and_ui():
    """model <- document <- bundle <- ui/commands: the book never imports the layers that use
    it, nor Textual (tests/test_layers.py's import reader, applied to this package)."""
    from test_layers import PKG_DIR, imported_modules, module_name

    banned = ("textual", "smartcity_tui.ui", "smartcity_tui.bundle", "smartcity_tui.commands", "smartcity_tui.store")
    found = []
    for path in sorted((PKG_DIR / "document").rglob("*.py")):
        mod = module_name(path)
        for name in imported_modules(path.read_text(encoding="utf-8"), mod, path.name == "__init__.py"):
            if any(name == b or name.startswith(b + ".") for b in banned):
                found.append(f"{mod} imports {name}")
    assert found == []
