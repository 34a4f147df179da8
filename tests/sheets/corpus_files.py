"""Files the bad-sheet corpus needs that openpyxl cannot write: an Office file saved with a
password (an OLE compound file holding EncryptionInfo and EncryptedPackage streams, as Excel
writes it), an old .xls container, and an .xlsx with a million rows, streamed into the zip
so that the test never holds it in memory."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl

FREE, END, FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
SECTOR = 512


def _dir_entry(name: str, kind: int, child: int = -1, right: int = -1, start: int = END, size: int = 0) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    nil = 0xFFFFFFFF
    return struct.pack(
        "<64sHBBIII16sIQQIII", raw.ljust(64, b"\0"), len(raw), kind, 1,  # name, length, type, black
        nil, right & nil, child & nil, b"\0" * 16, 0, 0, 0, start, size, 0)


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A small but well-formed compound file (version 3, 512-byte sectors): sector 0 the
    FAT, sector 1 the directory, then each stream padded to 4096 bytes (so none goes to
    the mini stream)."""
    names = list(streams)
    data = [streams[n].ljust(4096, b"\0") for n in names]
    fat = [FAT, END]
    entries = [_dir_entry("Root Entry", 5, child=1 if names else -1)]
    sector = 2
    for i, (name, blob) in enumerate(zip(names, data), start=1):
        count = len(blob) // SECTOR
        fat += [sector + k + 1 for k in range(count - 1)] + [END]
        entries.append(_dir_entry(name, 2, right=i + 1 if i < len(names) else -1, start=sector,
                                  size=len(streams[name])))
        sector += count
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    fat_sector = struct.pack(f"<{SECTOR // 4}I", *(fat + [FREE] * (SECTOR // 4 - len(fat))))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6,
        b"\0" * 6, 0, 1, 1, 0, 4096, END, 0, END, 0)
    header += struct.pack("<109I", 0, *([FREE] * 108))
    return header + fat_sector + directory + b"".join(data)


def password_protected_xlsx(path: Path) -> Path:
    path.write_bytes(ole_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\0" * 200,
                               "EncryptedPackage": b"\x99" * 6000}))
    return path


def old_xls(path: Path) -> Path:
    path.write_bytes(ole_file({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 500}))
    return path


def ods(path: Path) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes one: a zip whose first member,
    stored, is `mimetype`, then the content (a Program sheet with one row)."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Program"><table:table-row><table:table-cell><text:p>Kode</text:p>'
               '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>', zipfile.ZIP_DEFLATED)
    return path


def million_rows_xlsx(path: Path, rows: int = 1_048_576) -> Path:
    """An .xlsx whose Program sheet fills every row Excel has: headers, then one number
    per row. Written part by part into the zip."""
    template = path.with_suffix(".template.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "Program"
    wb.active.append(["Nama Program", "Dimensi"])
    wb.save(template)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, src.read(info.filename))
                continue
            with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org'
                        b'/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nama Program</t></is></c>'
                        b'<c r="B1" t="inlineStr"><is><t>Dimensi</t></is></c></row>')
                chunk = []
                for r in range(2, rows + 1):
                    chunk.append(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>')
                    if len(chunk) == 65536:
                        f.write("".join(chunk).encode("ascii"))
                        chunk = []
                f.write("".join(chunk).encode("ascii") + b"</sheetData></worksheet>")
    template.unlink()
    return path


def zip_bomb_xlsx(src: Path, path: Path, mb: int = 80) -> Path:
    """A real workbook whose shared strings, which openpyxl reads whole, inflate to `mb` MB."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            if info.filename != "xl/sharedStrings.xml":
                b.writestr(info, a.read(info.filename))
        with b.open("xl/sharedStrings.xml", "w") as f:
            block = b"\0" * (1 << 20)
            for _ in range(mb):
                f.write(block)
    return path


def with_long_cell(src: Path, path: Path, marker: str, chars: int = 1_000_000) -> Path:
    """`src` with the cell that holds `marker` holding `chars` characters instead. openpyxl
    cuts a value at Excel's 32,767 when it writes one, so the sheet's XML is patched."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(marker.encode(), b"x" * chars)
            b.writestr(info, data)
    return path
