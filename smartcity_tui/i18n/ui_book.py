"""Messages of the masterplan book's screens, both languages: the document screen (the
narrative sections, the dasar hukum, the institutions' members), what the dashboard says
the book still lacks, and the official codes in the programme form and its code picker."""

ID: dict[str, str] = {
    # --- official codes in the programme form ---
    "codepick.label": "Kode nomenklatur",
    "codepick.placeholder": "mis. 2.16.03; boleh kosong",
    "codepick.button": "Daftar…",
    "codepick.reference": "kode ref.",
    "codepick.key.pick": "Daftar kode",
    "codepick.key.pick_help": "Cari kode di daftar kode nomenklatur daerah",
    "codepick.note.list": "Ctrl+O: cari di daftar kode daerah ({n} kode).",
    "codepick.note.shape": "Bentuk kode: N.NN.NN (program), N.NN.NN.N.NN (kegiatan), N.NN.NN.N.NN.NNNN (sub-kegiatan).",
    "codepick.note.not_in_list": "Kode ini tidak ada di daftar kode daerah.",
    "codepick.no_list": "Rencana belum memiliki daftar kode daerah. Sekretariat mengimpornya dari berkas Bappeda: smartcity-tui codes import RENCANA BERKAS.xlsx; daftar itu sampai ke setiap kelompok lewat penggabungan.",
    "codepick.err.shape": "Ketik kode Permendagri 90/2019: N.NN.NN (program), N.NN.NN.N.NN (kegiatan) atau N.NN.NN.N.NN.NNNN (sub-kegiatan), misalnya 2.16.03; atau kosongkan.",
    "codepick.err.reference": "Kode referensi: huruf, angka, titik, garis miring atau tanda hubung tanpa spasi, paling banyak 40 karakter.",
    "codepick.title": "Daftar kode nomenklatur daerah ({n} kode)",
    "codepick.query": "ketik awal kode (2.16) atau kata dari namanya",
    "codepick.hint": "↓ ke daftar · enter memilih · esc batal",
    "codepick.none": "Tidak ada kode yang cocok dengan '{query}'.",
    "codepick.detail": "Kode nomenklatur",
    "codepick.detail_not_in_list": "tidak ada di daftar kode daerah",
    "codepick.detail_reference": "kode referensi {code}",
}

EN: dict[str, str] = {
    "codepick.label": "Nomenclature code",
    "codepick.placeholder": "e.g. 2.16.03; may stay empty",
    "codepick.button": "List…",
    "codepick.reference": "ref. code",
    "codepick.key.pick": "Code list",
    "codepick.key.pick_help": "Find a code in the region's nomenclature code list",
    "codepick.note.list": "Ctrl+O: search the region's code list ({n} codes).",
    "codepick.note.shape": "Code shape: N.NN.NN (program), N.NN.NN.N.NN (kegiatan), N.NN.NN.N.NN.NNNN (sub-kegiatan).",
    "codepick.note.not_in_list": "This code is not in the region's code list.",
    "codepick.no_list": "The plan has no regional code list yet. The secretariat imports Bappeda's file: smartcity-tui codes import PLAN FILE.xlsx; the list reaches every group through the merge.",
    "codepick.err.shape": "Type a Permendagri 90/2019 code: N.NN.NN (program), N.NN.NN.N.NN (kegiatan) or N.NN.NN.N.NN.NNNN (sub-kegiatan), for example 2.16.03; or leave it empty.",
    "codepick.err.reference": "Reference code: letters, digits, dots, slashes or hyphens without spaces, at most 40 characters.",
    "codepick.title": "The region's nomenclature codes ({n} codes)",
    "codepick.query": "type the start of a code (2.16) or words of its name",
    "codepick.hint": "↓ to the list · enter chooses · esc cancels",
    "codepick.none": "No code matches '{query}'.",
    "codepick.detail": "Nomenclature code",
    "codepick.detail_not_in_list": "not in the region's code list",
    "codepick.detail_reference": "reference code {code}",
}
