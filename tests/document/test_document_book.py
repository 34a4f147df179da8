"""The book the builder makes from any plan, whatever it holds: nothing typed goes missing
(records of no known dimension have their own section), money adds up in every financing
table, the RPJMD matrix reads the missions a programme names, an empty plan gives a whole
book of notes saying what is still to be written, and the same plan gives the same bytes."""

from __future__ import annotations

import sys
from pathlib import Path

from smartcity_tui.document import build_document, write_html, write_markdown
from smartcity_tui.document.links import missions_in_text, missions_of
from smartcity_tui.document.tree import Paragraph, Table, text_of
from smartcity_tui.model.plan import Plan
from smartcity_tui.model.records import Indicator, Milestone, PlanInfo, PlanTarget, Programme
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


def test_every_financing_table_adds_up_to_the_plans_total(tmp_path):
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
    total = f"Rp {sum(p.total_budget for p in plan.programmes):,}".replace(",", ".")
    financing = chapter(doc, 6)
    tables = [b for s in financing.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) == 4 and all(cells(t)[-1][-1] == total for t in tables)


def _money_plan() -> Plan:
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2026, missions=["Tata kelola", "Ekonomi"])
    progs = [
        Programme(code="A", name="Wifi desa", pillar="society", funding_sources=["apbd", "dana_desa"],
                  budget_by_source={"apbd": {2025: 300}, "dana_desa": {2025: 100, 2026: 100}}),
        Programme(code="B", name="Gudang SRG", pillar="economy", funding_sources=["dak", "apbd"],
                  budget_by_source={"dak": {2026: 1_000}, "apbd": {2026: 50}}),
        Programme(code="C", name="Lama", pillar="economy", funding_sources=["apbd", "csr"],
                  budget_by_source={"unspecified": {2025: 7}}),
    ]
    return Plan(info, {p.id: p for p in progs})


def test_money_by_source_comes_from_the_programmes_own_split_and_apbd_stands_apart():
    doc = build_document(_money_plan())
    financing = chapter(doc, 6)
    by_source, apbd = [b for b in section(financing, "Indikasi Anggaran per Sumber Dana").blocks if isinstance(b, Table)]
    rows = {r[0]: r[1:] for r in cells(by_source)}
    # the region's own APBD by its kind (a kabupaten here), not the pick-lists' "Kabupaten/Kota"
    assert rows["APBD Kabupaten"] == ["2", "Rp 300", "Rp 50", "Rp 350"]
    assert rows["DAK"] == ["1", "-", "Rp 1.000", "Rp 1.000"]
    assert rows["Dana Desa"] == ["1", "Rp 100", "Rp 100", "Rp 200"]
    assert rows["Belum dirinci per sumber"] == ["1", "Rp 7", "-", "Rp 7"]
    total = list(rows)[-1]
    assert total.split("\n")[0] == "Jumlah" and rows[total][-1] == "Rp 1.557"
    split = {r[0]: r[1:] for r in cells(apbd)}
    assert split == {"APBD Kabupaten": ["Rp 300", "Rp 50", "Rp 350"],
                     "Sumber non-APBD": ["Rp 100", "Rp 1.100", "Rp 1.200"],
                     "Belum dirinci per sumber": ["Rp 7", "-", "Rp 7"],
                     "Jumlah": ["Rp 407", "Rp 1.150", "Rp 1.557"]}
    notes = [text_of(b.content) for s in financing.sections for b in s.blocks if isinstance(b, Paragraph) and b.note]
    assert any("1 program" in n and "Belum dirinci per sumber" in n for n in notes)
    profile = next(t for t in doc.tables() if t.kind == "profile" and "Profil Program A" in t.caption)
    budget = next(r[1] for r in cells(profile) if r[0].startswith("Indikasi anggaran per sumber"))
    assert "APBD Kabupaten: 2025 Rp 300" in budget and "Dana Desa: 2025 Rp 100; 2026 Rp 100" in budget
    assert "Kabupaten/Kota" not in write_markdown(doc)


def test_a_city_s_book_says_apbd_kota():
    plan = _money_plan()
    plan.info.region_kind = "kota"
    text = write_markdown(build_document(plan))
    assert "APBD Kota" in text and "APBD Kabupaten" not in text


def test_the_rpjmd_matrix_reads_the_missions_a_programme_names_in_its_reference():
    assert missions_in_text("RPJMD 2025-2029 Misi 1, Renstra Diskominfo", 4) == [1]
    assert missions_in_text("misi 2 dan 3; Renstra Dinkes", 4) == [2, 3]
    assert missions_in_text("Misi 1, 4", 4) == [1, 4]
    assert missions_in_text("Misi 7", 4) == [] and missions_in_text("Renstra DPMPTSP 2025-2029", 4) == []


def test_a_programmes_picked_missions_and_targets_replace_its_reference_text():
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2029, missions=["Tata kelola", "Ekonomi", "Lingkungan"])
    target = PlanTarget(text="Meningkatnya transaksi nontunai", mission=2, indicator="UMKM QRIS", unit="%",
                        baseline=22, baseline_year=2024, end_target=60, data_source="Bank Indonesia", order=1)
    picked = Programme(code="ECO-01", name="QRIS pasar", pillar="economy", reference="Misi 1",
                       target_ids=[target.id])
    both = Programme(code="ENV-01", name="Bank sampah", pillar="environment", mission_numbers=[3])
    text = Programme(code="GOV-01", name="Pengaduan", pillar="governance", reference="RPJMD Misi 1")
    none = Programme(code="BRD-01", name="Merek", pillar="branding", reference="Renstra")
    plan = Plan(info, {r.id: r for r in (target, picked, both, text, none)})
    assert missions_of(plan, picked) == [2]  # from its target: the text "Misi 1" no longer counts
    doc = build_document(plan)
    rows = cells(next(b for b in section(chapter(doc, 4), "Keterkaitan dengan RPJMD").blocks if isinstance(b, Table)))
    assert rows[0][0] == "1. Tata kelola" and rows[0][2] == "GOV-01"
    assert rows[1][0] == "2. Ekonomi" and rows[1][1] == "Sasaran 1: Meningkatnya transaksi nontunai" and rows[1][2] == "ECO-01"
    assert rows[2][0] == "3. Lingkungan" and rows[2][2] == "ENV-01"
    assert rows[3][0] == "Belum dikaitkan dengan misi" and rows[3][2] == "BRD-01"
    sasaran = next(t for t in doc.tables() if t.kind == "targets")
    assert cells(sasaran) == [["1", "Meningkatnya transaksi nontunai", "UMKM QRIS", "%", "22 (2024)", "60",
                               "Bank Indonesia", "2"]]


def test_the_indicator_table_and_the_action_plan_carry_what_monev_asks():
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2026)
    prog = Programme(code="LIV-01", name="Stunting", pillar="living", lead_agency="Dinas Kesehatan",
                     location="12 desa lokus stunting", beneficiaries="Balita dan ibu hamil",
                     regulation_needs="Perbup konvergensi stunting")
    ind = Indicator(programme_id=prog.id, name="Balita terpantau", unit="%", kind="output", baseline=71,
                    baseline_year=2024, targets={2025: 90}, end_target=98, data_source="e-PPGBM",
                    definition="Balita ditimbang dan dicatat by name by address", evidence="Laporan e-PPGBM Des 2024")
    ms = Milestone(programme_id=prog.id, year=2025, quarter=2, title="Pelatihan kader", agency="DP3AKB",
                   done=True, evidence="SK 12/2025")
    doc = build_document(Plan(info, {r.id: r for r in (prog, ind, ms)}))
    table = next(t for t in doc.tables() if t.kind == "indicators")
    assert [text_of(h) for h in table.header] == ["Kode", "Indikator", "Jenis", "Satuan", "Kondisi Awal (Tahun)",
                                                  "2025", "2026", "Target Akhir", "Sumber Data"]
    assert cells(table)[0] == ["LIV-01", "Balita terpantau", "Keluaran", "%", "71 (2024)", "90", "-", "98", "e-PPGBM"]
    action = next(t for t in doc.tables() if t.kind == "action")
    assert cells(action)[0][5] == "DP3AKB"  # the milestone's own agency, not the programme's lead
    profile = {r[0]: r[1] for r in cells(next(t for t in doc.tables() if t.kind == "profile"))}
    assert profile["Lokasi (kecamatan/desa)"] == "12 desa lokus stunting"
    assert profile["Kelompok sasaran (penerima manfaat)"] == "Balita dan ibu hamil"
    assert profile["Kebutuhan regulasi"] == "Perbup konvergensi stunting"
    assert "data dukung: Laporan e-PPGBM Des 2024" in profile["Indikator"]
    assert "Definisi operasional: Balita ditimbang" in profile["Indikator"]
    assert "DP3AKB" in profile["Tonggak capaian"] and "SK 12/2025" in profile["Tonggak capaian"]


def test_the_sample_rpjmd_matrix_puts_every_programme_under_a_mission_or_apart():
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        doc = build_document(plan)
    matrix = next(b for b in section(chapter(doc, 4), "Keterkaitan dengan RPJMD").blocks if isinstance(b, Table))
    rows = cells(matrix)
    assert rows[0][0] == "1. " + plan.info.missions[0]
    # each later row of a mission names its number, so a page break never leaves one unnamed
    apart = next((i for i, r in enumerate(rows) if r[0] == "Belum dikaitkan dengan misi"), len(rows))
    assert all(r[0].split(".")[0].isdigit() for r in rows[:apart]), [r[0] for r in rows[:apart]]
    assert "1." in [r[0] for r in rows], "the sample's first mission has more than one programme"
    codes = [r[2] for r in rows if r[2] != "-"]
    assert set(codes) == {p.code for p in plan.programmes}


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
