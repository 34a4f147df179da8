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
    assert "3 baris tanpa Id sama dengan entri yang sudah ada" in out  # two programmes, one indicator
    assert "Tidak ada yang berubah" in out
    assert programmes(plan) == first
    assert plan.read_bytes() == before, "nothing written the second time"


def test_a_row_without_an_id_changes_the_programme_of_its_code_and_name(tmp_path, capsys):
    plan = sample_copy(tmp_path)
    run(capsys, "sheet", "import", plan, write_rows(tmp_path / "a.xlsx", {"Program": RPJMD}))
    before = states(plan)
    fixed = [row[:] for row in RPJMD]
    fixed[1][3] = "Dinas Perikanan"  # the lead agency, corrected by Bappeda
    code, out, _ = run(capsys, "--lang", "en", "sheet", "import", plan, write_rows(tmp_path / "b.xlsx", {"Program": fixed}))
    assert code == 0 and "0 new, 1 changed" in out.splitlines()[-1]
    assert set(states(plan)) == set(before), "no record added"
    with PlanStore.open(plan, readonly=True) as store:
        assert next(p for p in store.plan().programmes if p.code == "ECO-21").lead_agency == "Dinas Perikanan"


def test_a_code_in_use_under_another_name_is_refused_not_guessed(tmp_path, capsys):
    """The same code with another name may be that programme renamed, or a new programme
    given a code in use: updating would overwrite another programme in the second case,
    adding would make two in the first. The row is refused and says how to tell which."""
    plan = sample_copy(tmp_path)
    run(capsys, "sheet", "import", plan, write_rows(tmp_path / "a.xlsx", {"Program": RPJMD}))
    renamed = [row[:] for row in RPJMD]
    renamed[1][1] = "Pasar Ikan Digital Terpadu"
    before = plan.read_bytes()
    code, _, err = run(capsys, "sheet", "import", plan, write_rows(tmp_path / "b.xlsx", {"Program": renamed}))
    assert code == 2
    assert "baris 2, kolom A (Kode): Kode ECO-21 sudah dipakai program 'Pasar Ikan Digital'" in err
    assert "salin Id-nya" in err and "beri kode lain" in err
    assert plan.read_bytes() == before


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
    assert code == 0 and "1 baris tanpa Id sama dengan entri" in out and "3 baru" in out.splitlines()[-1]
    after = states(plan)
    assert before.keys() <= after.keys()
    assert len(after) - len(before) == 3, "the weakness and the opportunity typed twice are new"


def test_a_copied_row_keeping_a_code_in_use_is_refused(tmp_path, capsys):
    """The export's own row (with its id) and a copy of it made into a new programme (id
    cleared, name changed, code forgotten): the copy is refused for its code, and the
    programme the file names by id is never matched by the copy."""
    plan = sample_copy(tmp_path)
    with PlanStore.open(plan, readonly=True) as store:
        prog = store.plan().programmes_for("economy")[0]
    rows = [["Kode", "Nama Program", "Dimensi", "Id (jangan diubah)"],
            [prog.code, prog.name, "Smart Economy", prog.id],
            [prog.code, prog.name + " (salinan)", "Smart Economy", None]]
    before = plan.read_bytes()
    code, out, err = run(capsys, "sheet", "import", plan, write_rows(tmp_path / "copy.xlsx", {"Program": rows}))
    assert code == 2 and f"baris 3, kolom A (Kode): Kode {prog.code} sudah dipakai" in err
    assert "sama dengan entri yang sudah ada" not in out
    assert plan.read_bytes() == before
