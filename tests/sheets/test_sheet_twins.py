"""Rows without an id that were imported before. Bappeda's RPJMD list has no id column, and
an analyst who fixes one cell imports the same file again; each of its rows must not become
a second programme, SWOT item or indicator. A row without an id whose code (a programme) or
text (SWOT, strategy, indicator, milestone) is that of exactly one record of the plan is
that record: unchanged, or changed where the row differs; the preview says how many."""

from __future__ import annotations

from sheet_helpers import run, sample_copy, states, write_rows

from smartcity_tui.store import PlanStore

RPJMD = [
    ["Kode", "Nama Program", "Dimensi", "OPD Penanggung Jawab", "Tahun Mulai", "Tahun Selesai", "2026", "2027"],
    ["ECO-21", "Pasar Ikan Digital", "Smart Economy", "Disperindag", 2026, 2027, 150_000_000, 200_000_000],
    ["LIV-21", "Puskesmas Keliling Daring", "Smart Living", "Dinkes", 2026, 2026, 90_000_000, None],
]
INDICATORS = [
    ["Kode Program", "Indikator", "Satuan", "Kondisi Awal", "Target 2027"],
    ["ECO-21", "Lapak terhubung pembayaran digital", "lapak", 0, 120],
]


def programmes(plan) -> list[tuple[str, str]]:
    with PlanStore.open(plan, readonly=True) as store:
        return sorted((p.code, p.name) for p in store.plan().programmes)


def test_an_rpjmd_list_imported_twice_adds_its_programmes_once(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    sheet = write_rows(tmp_path / "rpjmd.xlsx", {"Program": RPJMD, "Indikator": INDICATORS})
    code, out, _ = run(capsys, "sheet", "import", plan, sheet)
    assert code == 0 and "3 baru, 0 diubah" in out.splitlines()[-1]
    first = programmes(plan)
    assert ("ECO-21", "Pasar Ikan Digital") in first
    before = plan.read_bytes()
    code, out, _ = run(capsys, "sheet", "import", plan, sheet)
    assert code == 0
    assert "3 baris tanpa Id sama dengan data yang sudah ada" in out  # two programmes, one indicator
    assert "Tidak ada yang berubah" in out
    assert programmes(plan) == first
    assert plan.read_bytes() == before, "nothing written the second time"


def test_a_row_without_an_id_changes_the_programme_of_its_code(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    run(capsys, "sheet", "import", plan, write_rows(tmp_path / "a.xlsx", {"Program": RPJMD}))
    before = states(plan)
    fixed = [row[:] for row in RPJMD]
    fixed[1][1] = "Pasar Ikan Digital Terpadu"
    code, out, _ = run(capsys, "--lang", "en", "sheet", "import", plan, write_rows(tmp_path / "b.xlsx", {"Program": fixed}))
    assert code == 0 and "0 new, 1 changed" in out.splitlines()[-1]
    after = states(plan)
    assert set(after) == set(before), "no record added"
    assert ("ECO-21", "Pasar Ikan Digital Terpadu") in programmes(plan)


def test_swot_text_seen_before_is_that_item_and_the_same_text_elsewhere_is_new(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan, readonly=True) as store:
        item = store.plan().swot_for("economy", "S")[0]
    rows = [["Dimensi", "Kuadran", "Butir"],
            ["Smart Economy", "S", item.text],  # the same item, typed again without its id
            ["Smart Economy", "W", item.text],  # the same words as a weakness: another item
            ["Smart Economy", "O", "Pelabuhan ikan baru dibuka 2027"],
            ["Smart Economy", "O", "Pelabuhan ikan baru dibuka 2027"]]  # typed twice in one file: two, as typed
    before = states(plan)
    code, out, _ = run(capsys, "sheet", "import", plan, write_rows(tmp_path / "swot.xlsx", {"SWOT": rows}))
    assert code == 0 and "1 baris tanpa Id sama dengan data" in out and "3 baru" in out.splitlines()[-1]
    after = states(plan)
    assert before.keys() <= after.keys()
    assert len(after) - len(before) == 3, "the weakness and the opportunity typed twice are new"


def test_a_row_the_file_names_by_id_is_never_matched_by_another(tmp_path, capsys):
    """The export's own row (with its id) and a hand-added copy of it (no id) in one file: the
    copy is a new programme, not a second update of the same one."""
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan, readonly=True) as store:
        prog = store.plan().programmes_for("economy")[0]
    rows = [["Kode", "Nama Program", "Dimensi", "Id (jangan diubah)"],
            [prog.code, prog.name, "Smart Economy", prog.id],
            [prog.code, prog.name + " (salinan)", "Smart Economy", None]]
    code, out, _ = run(capsys, "sheet", "import", plan, write_rows(tmp_path / "copy.xlsx", {"Program": rows}))
    assert code == 0 and "1 baru, 0 diubah" in out.splitlines()[-1]
    assert "sama dengan data yang sudah ada" not in out
    names = [name for code_, name in programmes(plan) if code_ == prog.code]
    assert sorted(names) == sorted([prog.name, prog.name + " (salinan)"])
