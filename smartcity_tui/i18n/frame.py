"""Messages about records and texts outside the plan's framework (a dimension or element the
laptop's framework file does not have, or a move `reframe` did not place), both languages:
how the forms show such a value honestly and keep it, and how the screens say where it is."""

ID: dict[str, str] = {
    # --- the forms: a stored value the framework does not know is shown and kept ---
    "frame.form.dimension": "Dimensi",
    "frame.form.unknown_element": "(elemen tidak dikenal: {value})",
    "frame.form.outside_dimension": "(di luar kerangka: {value})",
    "frame.form.outside_hint": "Catatan ini di luar kerangka rencana: pilih dimensinya untuk memindahkannya.",
    "frame.screen.outside": "Di luar kerangka: {value}",
    # --- the dashboard ---
    "frame.card.counts": "Str {s} · Prog {p} · ★ {qw}",
    "frame.dash.framework_missing": "Kerangka {framework} tidak ada di laptop ini: salin berkasnya ke {folder} (v: rincian)",
    "frame.dash.outside": "{n} entri di luar kerangka (dimensi {keys}): v lalu a untuk membuka dan memindahkannya",
    # --- the command line ---
    "frame.cli.framework_missing": "Peringatan: kerangka {framework} tidak ada di laptop ini, jadi dimensinya dinamai dengan kuncinya, tanpa elemen. Salin berkas kerangkanya ke {folder}, lalu jalankan lagi.",
    # --- the book ---
    "doc.source.outside": "entri di luar kerangka rencana",
    "doc.outside_narrative": "Narasi dimensi '{value}' (di luar kerangka rencana):",
    # --- a framework file with a mistake (framework.bad_file_line says which file and line) ---
    "framework.no_id": "id kerangka (id = \"...\") belum diisi, misalnya id = \"desa-cerdas-jateng\".",
    "framework.version_not_text": "versi harus teks dalam tanda kutip: version = \"{value}\".",
    "framework.no_key": "kunci (key = \"...\") belum diisi.",
    "framework.no_code": "kode (code = \"...\") belum diisi: 2-5 huruf besar atau angka, misalnya GOV.",
    "framework.device_key": "kunci '{value}' tidak bisa dipakai: Windows tidak dapat membuat berkas bernama {value} (bundel menyimpan setiap dimensi sebagai pillars/<kunci>.toml). Pilih kunci lain, misalnya '{value}_1'.",
    "framework.name_twice": "nama '{value}' sudah dipakai dimensi lain di atas; beri setiap dimensi nama sendiri (impor lembar mengenali dimensi dari namanya).",
    "framework.built_in_shadowed": "Berkas kerangka {file} tidak dipakai: id-nya '{value}' sudah dipakai kerangka bawaan aplikasi, jadi yang dipakai kerangka bawaan versi {version}. Beri berkas itu id sendiri.",
}

EN: dict[str, str] = {
    "frame.form.dimension": "Dimension",
    "frame.form.unknown_element": "(unknown element: {value})",
    "frame.form.outside_dimension": "(outside the framework: {value})",
    "frame.form.outside_hint": "This record is outside the plan's framework: choose its dimension to move it.",
    "frame.screen.outside": "Outside the framework: {value}",
    "frame.card.counts": "Str {s} · Prog {p} · ★ {qw}",
    "frame.dash.framework_missing": "Framework {framework} is not on this laptop: copy its file to {folder} (v: details)",
    "frame.dash.outside": "{n} record outside the framework (dimension {keys}): v then a to open and move it|{n} records outside the framework (dimensions {keys}): v then a to open and move them",
    "frame.cli.framework_missing": "Warning: framework {framework} is not on this laptop, so its dimensions are named by their keys, without elements. Copy its framework file to {folder}, then run this again.",
    "doc.source.outside": "records outside the plan's framework",
    "doc.outside_narrative": "Narrative of dimension '{value}' (outside the plan's framework):",
    "framework.no_id": "the framework's id (id = \"...\") is missing, for example id = \"desa-cerdas-jateng\".",
    "framework.version_not_text": "the version must be text in quotes: version = \"{value}\".",
    "framework.no_key": "the key (key = \"...\") is missing.",
    "framework.no_code": "the code (code = \"...\") is missing: 2-5 capital letters or digits, for example GOV.",
    "framework.device_key": "key '{value}' cannot be used: Windows cannot create a file named {value} (a bundle keeps each dimension as pillars/<key>.toml). Choose another key, for example '{value}_1'.",
    "framework.name_twice": "the name '{value}' is used by another dimension above; give every dimension a name of its own (a sheet import knows a dimension by its name).",
    "framework.built_in_shadowed": "The framework file {file} is not used: its id '{value}' is one built into the app, so the built-in framework, version {version}, is used. Give that file an id of its own.",
}
