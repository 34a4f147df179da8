"""Spreadsheets for the import screen's tests, as a region has them: an RPJMD programme list
from Bappeda saved as CSV by Excel on an Indonesian Windows (BOM, ";" between cells), with a
row number column the import leaves out and a remarks column it reads as the description;
and the same list with a year typed as "2025/2026", which refuses the whole file."""

from __future__ import annotations

from pathlib import Path

HEADER = "No;Kode;Nama Program;Dimensi;OPD Penanggung Jawab;Tahun Mulai;Tahun Selesai;Pagu 2025;Keterangan"
ROWS = [
    "1;GOV-11;Aplikasi Perizinan Terpadu;Smart Governance;DPMPTSP;2025;2026;500.000.000;Prioritas RPJMD",
    "2;ECO-07;Pasar Digital UMKM;Smart Economy;Dinas Koperasi dan UMKM;2026;2027;;",
    "3;ENV-05;Bank Sampah Digital;6;DLH;2025;2025;150000000;",
]


def rpjmd_csv(folder: Path, name: str = "program-rpjmd.csv", *, bad_year: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = list(ROWS)
    if bad_year:
        rows[2] = rows[2].replace(";2025;2025;", ";2025/2026;2025;")
    path = folder / name
    path.write_bytes(("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8"))
    return path
