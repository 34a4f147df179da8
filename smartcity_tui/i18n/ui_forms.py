"""Messages about keeping the officer's work safe, both languages: a form that stays open
until its save is on disk, the question before typed work is thrown away, quitting, a plan
that can only be read, what the app put right by itself when the plan opened, and what a form
asks about once before a second save keeps it."""

ID: dict[str, str] = {
    # --- a form that could not be saved, or is left with changes ---
    "ui.form.kept": "Isian tetap di sini: simpan lagi (Ctrl+S) atau batal (esc).",
    "ui.leave.title": "Isian belum disimpan",
    "ui.leave.text": "Yang sudah diketik di formulir ini belum tersimpan.",
    "ui.leave.save_button": "Simpan (Ctrl+S)",
    "ui.leave.discard_button": "Buang (b)",
    "ui.leave.continue_button": "Lanjut mengisi (esc)",
    "ui.key.discard": "Buang",
    "ui.key.keep_editing": "Lanjut mengisi",
    # --- quitting ---
    "ui.quit.title": "Keluar dari aplikasi?",
    "ui.quit.text": "Semua perubahan sudah tersimpan di berkas. Tetapi riwayat urungkan (Ctrl+Z) sesi ini hilang saat aplikasi ditutup: perubahan sesi ini tidak bisa diurungkan lagi sesudahnya.",
    "ui.quit.form_open": "Formulir yang terbuka belum disimpan; isinya hilang bila keluar sekarang.",
    "ui.quit.quit_button": "Keluar (q)",
    "ui.quit.stay_button": "Tetap di sini (esc)",
    "ui.key.stay": "Tetap di sini",
    # --- a plan that can only be read ---
    "ui.save.readonly": "Hanya baca",
    "ui.readonly.title": "Hanya baca",
    "ui.readonly.no_edit": "Rencana ini hanya bisa dibaca, jadi tidak bisa diubah di sini: {reason}.",
    "ui.readonly.no_edit_asked": "Rencana ini dibuka hanya untuk dibaca, jadi tidak bisa diubah di sini.",
    "ui.readonly.opened": "Rencana dibuka hanya untuk dibaca: {reason}.",
    # --- what was put right at open ---
    "ui.notice.stale_lock_title": "Sesi sebelumnya tidak ditutup",
    "ui.notice.newer_copy_title": "Ada salinan yang lebih baru",
    "ui.notice.settings_title": "Pengaturan tidak terbaca",
    # --- a missing plan of which a whole copy survives ---
    "ui.problem.missing_recovered": "Berkas rencana hilang, tetapi salinannya selamat",
    "ui.problem.recovered_hint": "Tekan enter untuk memasang salinan itu sebagai {path} dan membukanya (salinannya tetap disimpan). Tekan q atau esc untuk keluar tanpa mengubah apa pun.",
    "ui.problem.unreadable_recovered": "Berkas rencana rusak, tetapi salinan penyimpanan terakhirnya selamat",
    "ui.problem.broken_hint": "Tekan enter untuk memasang salinan itu sebagai {path} dan membukanya (berkas yang rusak disimpan sebagai {path}.broken-1 atau nomor berikutnya, salinannya juga tetap disimpan). Tekan q atau esc untuk keluar tanpa mengubah apa pun.",
    "ui.problem.restore_failed": "Salinan tidak bisa dipasang: {reason}",
    "ui.key.put_back": "Pasang dan buka",
    # --- what a form asks about once, and keeps on a second save ---
    "ui.strategy.wrong_item": "butir {quadrant} '{item}'",
    "ui.strategy.wrong_items": "Strategi {kind} tidak memakai {items}. Lepas centangnya, atau simpan sekali lagi untuk tetap memakainya.",
}

EN: dict[str, str] = {
    "ui.form.kept": "What you typed is still here: save again (Ctrl+S) or cancel (esc).",
    "ui.leave.title": "This form is not saved",
    "ui.leave.text": "What was typed in this form has not been saved yet.",
    "ui.leave.save_button": "Save (Ctrl+S)",
    "ui.leave.discard_button": "Discard (b)",
    "ui.leave.continue_button": "Keep editing (esc)",
    "ui.key.discard": "Discard",
    "ui.key.keep_editing": "Keep editing",
    "ui.quit.title": "Quit the app?",
    "ui.quit.text": "Every change is saved in the file. But this session's undo history (Ctrl+Z) is lost when the app closes: this session's changes cannot be undone afterwards.",
    "ui.quit.form_open": "The open form is not saved; what it holds is lost if you quit now.",
    "ui.quit.quit_button": "Quit (q)",
    "ui.quit.stay_button": "Stay (esc)",
    "ui.key.stay": "Stay",
    "ui.save.readonly": "Read-only",
    "ui.readonly.title": "Read-only",
    "ui.readonly.no_edit": "This plan can only be read, so it cannot be changed here: {reason}.",
    "ui.readonly.no_edit_asked": "This plan was opened to read only, so it cannot be changed here.",
    "ui.readonly.opened": "The plan is open to read only: {reason}.",
    "ui.notice.stale_lock_title": "The last session did not close",
    "ui.notice.newer_copy_title": "A newer copy was found",
    "ui.notice.settings_title": "The settings could not be read",
    "ui.problem.missing_recovered": "The plan file is missing, but a copy of it survived",
    "ui.problem.recovered_hint": "Press enter to put that copy back as {path} and open it (the copy is kept too). Press q or esc to quit without changing anything.",
    "ui.problem.unreadable_recovered": "The plan file is damaged, but a copy of its last save survived",
    "ui.problem.broken_hint": "Press enter to put that copy back as {path} and open it (the damaged file is kept as {path}.broken-1 or the next number, and the copy is kept too). Press q or esc to quit without changing anything.",
    "ui.problem.restore_failed": "The copy could not be put back: {reason}",
    "ui.key.put_back": "Put back and open",
    "ui.strategy.wrong_item": "the {quadrant} item '{item}'",
    "ui.strategy.wrong_items": "{kind} strategies do not draw on {items}. Untick it, or save once more to keep it.|{kind} strategies do not draw on {items}. Untick them, or save once more to keep them.",
}
