"""Messages about the masterplan document that are not the book's own words: the render
command and the Word output, the findings of the narrative records (model/validation.py) and
the names of their fields and kinds (conflict lists, the book's appendix). Both languages."""

from __future__ import annotations

ID: dict[str, str] = {
    # the render command and the Word output
    "doc.cli.render_help": "tulis dokumen rencana induk (Markdown, HTML, atau Word) ke layar atau ke berkas",
    "doc.cli.format_help": "md: Markdown; html: satu berkas untuk peramban, Word, dan cetak PDF; docx: Word (memerlukan pandoc). Tanpa --format: menurut akhiran nama --out (.md, .html, .docx), selain itu Markdown",
    "doc.cli.format_vs_name": "--format {format} tetapi nama {path} berakhiran format {named}; berkas itu tidak akan terbuka dengan benar. Beri nama {example}, atau hapus --format agar formatnya mengikuti nama.",
    "doc.cli.out_help": "berkas tujuan; tanpa --out, Markdown dicetak ke layar",
    "doc.cli.dest_help": "berkas tujuan (sama dengan --out)",
    "doc.cli.out_required": "Format {format} perlu berkas tujuan: tambahkan --out rencana-induk.{format}",
    "doc.cli.out_is_dir": "{path} adalah folder; tulis nama berkas untuk --out, misalnya {example}",
    "doc.cli.out_dir_missing": "Folder {path} tidak ada; pilih folder yang ada untuk --out.",
    "doc.cli.written": "Dokumen ditulis: {path}",
    "doc.write_failed": "Dokumen tidak dapat ditulis ke {path}: {reason}. Pilih folder lain atau periksa ruang disk.",
    "doc.no_pandoc": "Berkas Word (.docx) memerlukan pandoc, yang tidak ditemukan di komputer ini. Buat HTML (--format html), buka di Microsoft Word, lalu pilih Simpan Sebagai > Dokumen Word (*.docx); atau pasang tambahan Word: pip install \"smartcity-tui[word]\".",
    "doc.pandoc_failed": "pandoc gagal membuat berkas Word ({reason}). Buat HTML (--format html), buka di Microsoft Word, lalu simpan sebagai .docx.",
    # findings of the narrative records (model/validation.py)
    "finding.narrative.empty": "Bagian \"{section}\" belum diisi; dokumen mencetak catatan bahwa bagian ini masih kosong.",
    "finding.narrative.unknown_section": "Bagian narasi '{value}' tidak dikenal versi aplikasi ini; teksnya disimpan, tetapi tidak dicetak.",
    "finding.regulation.none": "Dasar hukum belum diisi: tambahkan peraturan yang menjadi landasan rencana induk (misalnya UU 23/2014 dan PP 59/2022).",
    "finding.regulation.empty_text": "Ada butir dasar hukum yang kosong; isi nama peraturannya atau hapus butir itu.",
    "finding.member.bad_body": "Anggota {name}: lembaga '{value}' tidak dikenal. Pilih Dewan Smart City, Tim Pelaksana, atau Forum Smart City.",
    "finding.member.bad_pentahelix": "Anggota {name}: unsur '{value}' tidak dikenal. Pilih pemerintah, akademisi, bisnis, komunitas, atau media.",
    "finding.member.empty": "Ada anggota kelembagaan tanpa jabatan, nama, dan instansi; isi atau hapus.",
    "finding.member.body_empty": "{body} belum memiliki anggota; isi keanggotaannya untuk bab Kelembagaan.",
    # names of the new fields and kinds (conflict lists, the document's appendix)
    "merge.field.draft_round": "Versi draf",
    "merge.field.section": "Bagian",
    "merge.field.body": "Lembaga",
    "merge.field.role": "Jabatan",
    "merge.field.agency": "Instansi",
    "merge.field.pentahelix": "Unsur pentahelix",
    "merge.kind.narrative": "Narasi",
    "merge.kind.regulation": "Dasar hukum",
    "merge.kind.member": "Anggota kelembagaan",
}

EN: dict[str, str] = {
    "doc.cli.render_help": "write the masterplan document (Markdown, HTML or Word) to the screen or a file",
    "doc.cli.format_help": "md: Markdown; html: one file for browsers, Word and printing to PDF; docx: Word (needs pandoc). Without --format: the ending of --out's name (.md, .html, .docx), otherwise Markdown",
    "doc.cli.format_vs_name": "--format {format} but the name {path} ends in the {named} format; that file would not open properly. Name it {example}, or leave out --format so that the name says the format.",
    "doc.cli.out_help": "the file to write; without --out, Markdown is printed to the screen",
    "doc.cli.dest_help": "the file to write (the same as --out)",
    "doc.cli.out_required": "Format {format} needs a file to write: add --out masterplan.{format}",
    "doc.cli.out_is_dir": "{path} is a folder; give --out a file name, for example {example}",
    "doc.cli.out_dir_missing": "Folder {path} does not exist; choose an existing folder for --out.",
    "doc.cli.written": "Document written: {path}",
    "doc.write_failed": "The document could not be written to {path}: {reason}. Choose another folder or check the free disk space.",
    "doc.no_pandoc": "A Word file (.docx) needs pandoc, which is not found on this computer. Make the HTML (--format html), open it in Microsoft Word and choose Save As > Word Document (*.docx); or install the Word extra: pip install \"smartcity-tui[word]\".",
    "doc.pandoc_failed": "pandoc could not make the Word file ({reason}). Make the HTML (--format html), open it in Microsoft Word and save it as .docx.",
    "finding.narrative.empty": "Section \"{section}\" is empty; the document prints a note that it is still to be written.",
    "finding.narrative.unknown_section": "Narrative section '{value}' is not known to this version of the app; its text is kept but not printed.",
    "finding.regulation.none": "The legal basis is empty: add the regulations the masterplan rests on (for example UU 23/2014 and PP 59/2022).",
    "finding.regulation.empty_text": "A legal-basis entry is empty; type the regulation's name or delete the entry.",
    "finding.member.bad_body": "Member {name}: body '{value}' is unknown. Choose the Smart City Council, Implementation Team or Forum.",
    "finding.member.bad_pentahelix": "Member {name}: pentahelix role '{value}' is unknown. Choose government, academia, business, community or media.",
    "finding.member.empty": "An institution member has no role, name or agency; fill it in or delete it.",
    "finding.member.body_empty": "The {body} has no members yet; fill them in for the Institutions chapter.",
    "merge.field.draft_round": "Draft version",
    "merge.field.section": "Section",
    "merge.field.body": "Body",
    "merge.field.role": "Role",
    "merge.field.agency": "Agency",
    "merge.field.pentahelix": "Pentahelix role",
    "merge.kind.narrative": "Narrative",
    "merge.kind.regulation": "Legal basis",
    "merge.kind.member": "Institution member",
}
