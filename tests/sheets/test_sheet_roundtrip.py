"""Export, change cells as Excel would, import: exactly those fields change, nothing is added
or duplicated, nothing is deleted, and the whole import is one undo step."""

from __future__ import annotations

import csv
import json
import shutil

import openpyxl

from sheet_helpers import changed_fields, header_index, row_of, run, states

from smartcity_tui.sheets import apply_import, preview_import, propose_mapping, read_file
from smartcity_tui.store import PlanStore


def _ids(plan):
    with PlanStore.open(plan, readonly=True) as store:
        p = store.plan()
        return {c: next(x for x in p.programmes if x.code == c) for c in ("ECO-02", "GOV-01", "ENV-03")}, p


def test_an_unchanged_export_imports_as_all_unchanged_and_writes_nothing(work, capsys):
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, "")
    assert "Jumlah                0       0    226" in out and "tidak ditulis" in out  # records: an Anggaran row is its programme's
    assert work.plan.read_bytes() == before


def test_changed_cells_change_exactly_those_fields(work, capsys):
    progs, plan = _ids(work.plan)
    eco, gov = progs["ECO-02"], progs["GOV-01"]
    ind = plan.indicators_of(gov.id)[0]
    before = states(work.plan)

    wb = openpyxl.load_workbook(work.xlsx)
    wa = wb["Anggaran"]
    r = next(r for r in range(2, wa.max_row + 1) if wa.cell(r, 1).value == "ECO-02"
             and wa.cell(r, header_index(wa, "Sumber Dana")).value == "APBD Kabupaten/Kota")
    wa.cell(r, header_index(wa, "Anggaran 2027")).value = 3_000_000_000
    ws = wb["Program"]
    r = row_of(ws, "Kode", "ECO-02")
    ws.cell(r, header_index(ws, "Anggaran 2027")).value = 1  # a total beside the Anggaran sheet is not read
    ws.cell(r, header_index(ws, "OPD Penanggung Jawab")).value = "Dinas Koperasi dan UMKM"
    r = row_of(ws, "Kode", "GOV-01")
    ws.cell(r, header_index(ws, "Kode Nomenklatur")).value = "2.16.03"
    wi = wb["Indikator"]
    r = row_of(wi, "Id (jangan diubah)", ind.id)
    wi.cell(r, header_index(wi, "Target 2027")).value = 95.5
    wb.save(work.xlsx)

    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, ""), err
    assert "3 diubah" in out
    diff = changed_fields(before, states(work.plan))
    assert diff == {eco.id: {"budget_apbd_2027", "lead_agency"}, gov.id: {"nomenclature_code"}, ind.id: {"targets"}}
    _, plan = _ids(work.plan)
    assert plan.get(eco.id).budget_by_source == {**eco.budget_by_source,
                                                 "apbd": {**eco.budget_by_source["apbd"], 2027: 3_000_000_000}}
    assert plan.get(gov.id).nomenclature_code == "2.16.03"
    assert plan.get(ind.id).targets[2027] == 95.5


def test_a_new_row_adds_one_record_and_a_removed_row_deletes_nothing(work, capsys):
    before = states(work.plan)
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    ws.delete_rows(row_of(ws, "Kode", "ENV-03"))  # gone from the sheet, not from the plan
    new = [None] * ws.max_column
    for header, value in {"Kode": "ECO-05", "Nama Program": "Koperasi digital desa", "Dimensi": "Smart Economy",
                          "Tahun Mulai": 2026, "Tahun Selesai": 2027, "Sumber Dana": "APBD; CSR/TJSL"}.items():
        new[header_index(ws, header) - 1] = value
    ws.append(new)
    wa = wb["Anggaran"]  # its money, on the Anggaran sheet, named by the new programme's code
    for source, amount in (("APBD Kabupaten/Kota", 400_000_000), ("CSR", 100_000_000)):
        line = [None] * wa.max_column
        for header, value in {"Kode Program": "ECO-05", "Sumber Dana": source, "Anggaran 2026": amount}.items():
            line[header_index(wa, header) - 1] = value
        wa.append(line)
    wb.save(work.xlsx)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, "") and "1 baru, 0 diubah" in out
    after = states(work.plan)
    diff = changed_fields(before, after)
    assert list(diff.values()) == [{"<new>"}]
    assert set(before) <= set(after)
    with PlanStore.open(work.plan, readonly=True) as store:
        plan = store.plan()
        added = plan.get(next(iter(diff)))
        assert (added.code, added.pillar, added.funding_sources, added.budget_by_source) == (
            "ECO-05", "economy", ["apbd", "csr"], {"apbd": {2026: 400_000_000}, "csr": {2026: 100_000_000}})
        assert any(p.code == "ENV-03" for p in plan.programmes)


def test_the_whole_import_is_one_undo_step(work):
    before = states(work.plan)
    wb = openpyxl.load_workbook(work.xlsx)
    for name, header in (("Program", "Uraian"), ("SWOT", "Butir"), ("Kesiapan", "Kesenjangan")):
        ws = wb[name]
        ws.cell(2, header_index(ws, header)).value = f"diubah lewat Excel ({name})"
    ws = wb["Program"]
    ws.append([None, "Program baru dari Excel", None, "Smart Living"])
    wb.save(work.xlsx)
    book = read_file(work.xlsx)
    with PlanStore.open(work.plan) as store:
        preview = preview_import(store, book, propose_mapping(book))
        assert preview.ok and (preview.total().new, preview.total().changed) == (1, 3)
        result = apply_import(store, preview)
        assert (result.added, result.updated) == (1, 3)
        assert store.journal.next_undo_label() == "impor rencana.xlsx"
        store.undo()
        assert not store.journal.can_undo
        undone = {s.id: s for s in store.states()}
    values = {rid: {n: v[0].get("v") for n, v in s["f"].items() if n != "_deleted"} for rid, s in before.items()}
    for rid, s in undone.items():
        if rid in before:
            assert {n: s.value(n) for n in values[rid]} == values[rid]
        else:
            assert s.deleted  # the added programme, undone by a tombstone


def test_csv_round_trip_through_text_as_excel_saves_it(work, capsys):
    src = work.exported.csv / "Program.csv"
    rows = list(csv.reader(src.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    header = rows[0]
    target = next(r for r in rows[1:] if r[0] == "LIV-01")
    target[header.index("Capaian (%)")] = "60"
    target[header.index("Uraian")] = "Data timbang posyandu masuk ke aplikasi; kader mendapat daftar kunjungan."
    path = work.tmp / "Program.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    before = states(work.plan)
    code, out, err = run(capsys, "sheet", "import", work.plan, path)
    assert (code, err) == (0, ""), err
    diff = changed_fields(before, states(work.plan))
    assert list(diff.values()) == [{"progress", "description"}]
    with PlanStore.open(work.plan, readonly=True) as store:
        liv = next(p for p in store.plan().programmes if p.code == "LIV-01")
    assert liv.progress == 60 and liv.description.startswith("Data timbang posyandu masuk ke aplikasi;")


def test_every_exported_csv_and_the_english_workbook_import_unchanged(work, capsys):
    before = work.plan.read_bytes()
    for path in [*sorted(work.exported.csv.iterdir()), work.exported.en]:
        code, out, err = run(capsys, "sheet", "import", work.plan, path)
        assert (code, err) == (0, ""), (path, err)
        assert " 0       0" in out or "0 baru" in out or "tidak ditulis" in out
    assert work.plan.read_bytes() == before


def test_only_one_sheet_with_the_sheet_option(work, capsys):
    wb = openpyxl.load_workbook(work.xlsx)
    wb["SWOT"].cell(2, header_index(wb["SWOT"], "Butir")).value = "diubah"
    wb["Program"].cell(2, header_index(wb["Program"], "Uraian")).value = "diubah juga"
    wb.save(work.xlsx)
    before = states(work.plan)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx, "--sheet", "SWOT")
    assert code == 0 and "0 baru, 1 diubah" in out
    diff = changed_fields(before, states(work.plan))
    assert list(diff.values()) == [{"text"}]


def test_a_dry_run_shows_the_changes_and_writes_nothing(work, capsys):
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    ws.cell(row_of(ws, "Kode", "ECO-02"), header_index(ws, "Prioritas")).value = "Rendah"
    wb.save(work.xlsx)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx, "--dry-run")
    assert code == 0 and "Smart Economy         0       1" in out and "Uji coba" in out
    assert work.plan.read_bytes() == before
    shutil.copyfile(work.xlsx, work.tmp / "again.xlsx")
    code, out, err = run(capsys, "sheet", "import", work.plan, work.tmp / "again.xlsx", "--json")
    data = json.loads(out)
    assert data["areas"]["economy"] == {"new": 0, "changed": 1, "unchanged": 34}  # records: Anggaran rows are their programmes'
    assert data["rows"][0]["changed"] == ["priority"]


def test_untidy_and_overlong_texts_come_back_unchanged(work, capsys):
    """What Excel cannot hold as it is (a text over 32,767 characters) or what the import
    tidies (spaces around a text, Windows line breaks) is not taken for an edit."""
    with PlanStore.open(work.plan) as store:
        prog = store.plan().programmes[0]
        store.update(prog.id, description="Paragraf satu.\r\n" + "panjang " * 5000, lead_agency=" Diskominfo ",
                     supporting_agencies=["Bappeda ", " Dinas PUPR"], subtopic="Layanan\r\nterpadu  ")
    export = work.tmp / "untidy.xlsx"
    run(capsys, "sheet", "export", work.plan, export)
    run(capsys, "sheet", "export", work.plan, work.tmp / "untidy-csv")
    assert len(openpyxl.load_workbook(export)["Program"]["G2"].value or "") <= 32767
    before = work.plan.read_bytes()
    for path in (export, work.tmp / "untidy-csv" / "Program.csv"):
        code, out, err = run(capsys, "sheet", "import", work.plan, path)
        assert (code, err) == (0, "") and "tidak ditulis" in out, out + err
    assert work.plan.read_bytes() == before


def test_an_indicator_whose_programme_is_gone_still_round_trips(tmp_path, capsys):
    """A merge can leave an indicator whose programme another group deleted; its export
    still imports unchanged (validation names the orphan, the sheet does not refuse it)."""
    from sheet_helpers import sample_copy
    from smartcity_tui.model.records import Indicator

    plan = sample_copy(tmp_path)
    with PlanStore.open(plan) as store:
        store.add(Indicator(programme_id="0b0e8e4a-5a9f-4c31-9b0e-000000000000", name="Yatim"))
    run(capsys, "sheet", "export", plan, tmp_path / "out.xlsx")
    before = plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", plan, tmp_path / "out.xlsx")
    assert (code, err) == (0, "") and "tidak ditulis" in out
    assert plan.read_bytes() == before


def test_yearly_totals_are_read_for_new_programmes_only(work, capsys):
    """The Program sheet alone, as an RPJMD list comes: a new programme's yearly totals land
    in the share not yet split by source (nobody said which); an existing programme's totals,
    which the export added up, are not read, and a note names the rows where they were changed."""
    progs, _ = _ids(work.plan)
    eco = progs["ECO-02"]
    wb = openpyxl.load_workbook(work.xlsx)
    for name in list(wb.sheetnames):
        if name != "Program":
            del wb[name]
    ws = wb["Program"]
    ws.cell(row_of(ws, "Kode", "ECO-02"), header_index(ws, "Anggaran 2027")).value = 500_000_000
    new = [None] * ws.max_column
    for header, value in {"Kode": "ECO-06", "Nama Program": "Pasar Ikan Higienis", "Dimensi": "Smart Economy",
                          "Tahun Mulai": 2026, "Tahun Selesai": 2027, "Sumber Dana": "APBD; DAK",
                          "Anggaran 2026": 750_000_000, "Anggaran 2027": 250_000_000}.items():
        new[header_index(ws, header) - 1] = value
    ws.append(new)
    wb.save(work.xlsx)
    before = states(work.plan)
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, ""), err
    diff = changed_fields(before, states(work.plan))
    assert list(diff.values()) == [{"<new>"}]  # ECO-02 unchanged
    assert f"baris {row_of(ws, 'Kode', 'ECO-02')}" in out and "lembar Anggaran" in out
    with PlanStore.open(work.plan, readonly=True) as store:
        added = next(p for p in store.plan().programmes if p.code == "ECO-06")
        assert added.budget_by_source == {"unspecified": {2026: 750_000_000, 2027: 250_000_000}}
        assert store.plan().get(eco.id).budget_by_source == eco.budget_by_source


def test_a_workbook_in_a_third_language_names_its_sheets_and_choices_so_and_imports_unchanged(work, capsys):
    """A language added with its own words for the sheets and the vocabulary (docs/language.md,
    "Adding a language"): the workbook says them, and it reads back as an unchanged plan."""
    from smartcity_tui.i18n import Language, register_language, unregister_language
    from smartcity_tui.model.vocab import vocab_words
    from smartcity_tui.sheets import export_sheets
    from smartcity_tui.sheets.columns import sheet_words

    words = {key: f"{text} jw" if key.startswith("vocab.") else f"Jw {text}"
             for key, text in {**vocab_words("id"), **sheet_words("id")}.items()}
    register_language(Language("jv", "Basa Jawa", fallback="id"), words)
    try:
        before = work.plan.read_bytes()
        path = work.tmp / "rencana-jv.xlsx"
        with PlanStore.open(work.plan, readonly=True) as store:
            export_sheets(store.plan(), path, "jv")
        wb = openpyxl.load_workbook(path)
        assert "Jw Program" in wb.sheetnames and "Jw SWOT" in wb.sheetnames
        programmes = wb["Jw Program"]
        assert header_index(programmes, "Jw Jangka") and header_index(programmes, "Jw Nama Program")
        horizons = {c.value for c in programmes[get_column(programmes, "Jw Jangka")][1:] if c.value}
        assert horizons and all(h.endswith(" jw") for h in horizons), horizons
        code, out, err = run(capsys, "sheet", "import", work.plan, path)
        assert (code, err) == (0, ""), err
        assert "tidak ditulis" in out and " 0       0" in out
        assert work.plan.read_bytes() == before
    finally:
        unregister_language("jv")


def get_column(ws, header: str) -> str:
    return openpyxl.utils.get_column_letter(header_index(ws, header))


def test_a_report_title_above_the_headers_is_passed_over_with_a_note(work, capsys):
    """Bappeda's lists open with the report's title (merged across the columns) and a blank
    row: the sheet is read from its header row, unchanged, and the import says which row that
    was; nothing is written for rows that did not change."""
    wb = openpyxl.load_workbook(work.xlsx)
    ws = wb["Program"]
    ws.insert_rows(1, amount=2)
    ws["A1"] = "DAFTAR PROGRAM PRIORITAS RPJMD KABUPATEN WONOSARI RAYA 2025-2029"
    ws.merge_cells("A1:H1")
    wb.save(work.xlsx)
    before = work.plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", work.plan, work.xlsx)
    assert (code, err) == (0, ""), err
    assert "Lembar Program, baris 3: judul kolom ada di baris ini; 2 baris di atasnya" in out
    assert "Jumlah                0       0    226" in out  # (records, not rows)
    assert work.plan.read_bytes() == before


def test_a_bappeda_csv_with_a_title_line_adds_its_programmes(work, capsys):
    """The same as Excel writes it for a region's list: a title line with a comma in it, the
    headers on line 3, ";" between cells."""
    lines = [
        "DAFTAR PROGRAM RPJMD Kabupaten Wonosari Raya, Jawa Tengah",
        "",
        "No;Kode;Nama Program;Dimensi;OPD Penanggung Jawab;Tahun Mulai;Tahun Selesai;Pagu Indikatif 2025",
        "1;GOV-21;Aplikasi Perizinan Terpadu;Smart Governance;DPMPTSP;2025;2026;500.000.000",
        "2;ECO-21;Pasar Digital UMKM;Smart Economy;Dinas Koperasi dan UMKM;2026;2027;",
    ]
    path = work.tmp / "program-rpjmd.csv"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    code, out, err = run(capsys, "sheet", "import", work.plan, path)
    assert (code, err) == (0, ""), err
    assert "baris 3: judul kolom ada di baris ini; 2 baris di atasnya" in out
    with PlanStore.open(work.plan, readonly=True) as store:
        added = {p.code: p for p in store.plan().programmes if p.code in ("GOV-21", "ECO-21")}
    assert sorted(added) == ["ECO-21", "GOV-21"]
    assert added["GOV-21"].lead_agency == "DPMPTSP" and added["GOV-21"].pillar == "governance"
    assert added["GOV-21"].budget_by_source["unspecified"] == {2025: 500_000_000}


def test_records_outside_the_framework_go_round_the_workbook_unchanged(tmp_path, capsys):
    """QA frame #5: after a reframe left the branding strategies unplaced, and on a plan whose
    elements the framework lacks, the app's own workbook was refused whole ("Dimensi
    'branding' tidak dikenal"), so an analyst could not change one budget cell."""
    from smartcity_tui.model.records import PlanInfo, Programme, Strategy, SwotItem

    plan = tmp_path / "kota.json"
    info = PlanInfo(region="Contoh", province="Jawa Tengah", start_year=2025, end_year=2029,
                    framework="kota-cerdas-2026", framework_version="2026-rancangan")
    with PlanStore.create(plan, info, "Sekretariat", durable=False) as store:
        store.add(Strategy(pillar="branding", kind="SO", text="Sepakati merek daerah"))
        store.add(SwotItem(pillar="lingkungan", quadrant="S", text="Panel surya kantor", element="energy"))
        store.add(Programme(code="ENV-02", name="Lampu surya", pillar="lingkungan", element="energy",
                            start_year=2025, end_year=2026))
    xlsx = tmp_path / "kota.xlsx"
    assert run(capsys, "sheet", "export", plan, xlsx)[0] == 0
    before = plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", plan, xlsx)
    assert (code, err) == (0, ""), err
    assert plan.read_bytes() == before
    # typing one of the framework's dimensions in the cell moves the strategy
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Strategi"]
    r = row_of(ws, "Strategi", "Sepakati merek daerah")
    ws.cell(r, header_index(ws, "Dimensi")).value = "Ekonomi"
    wb.save(xlsx)
    code, out, err = run(capsys, "sheet", "import", plan, xlsx)
    assert (code, err) == (0, ""), err
    with PlanStore.open(plan, readonly=True) as store:
        assert [s.pillar for s in store.plan().strategies] == ["ekonomi"]
        assert [p.element for p in store.plan().programmes] == ["energy"]
