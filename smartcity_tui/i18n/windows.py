"""Messages about the laptop itself: where plans are kept, the console the app runs in, report
files for PowerShell, and what Windows needs said."""

ID: dict[str, str] = {
    # where plans are kept (settings.py)
    "win.plan_in_documents": "Di folder Dokumen: terlihat di Explorer dan ikut dicadangkan OneDrive; cadangan rencana disimpan di sebelahnya.",
    "win.store_python": "Python ini dari Microsoft Store: isi AppData-nya terhapus saat Python di-Reset atau dicopot. Simpan rencana di Dokumen (seperti usulan di bawah), dan sebaiknya pasang Python dari python.org.",
    "win.out_of_sight_title": "Rencana di folder tersembunyi",
    "win.out_of_sight": "Berkas {path} ada di folder data aplikasi: tidak terlihat di Explorer dan tidak ikut dicadangkan OneDrive. Tutup aplikasi, salin berkasnya ke folder Dokumen ({documents}), lalu buka salinannya. Aplikasi tidak memindahkannya sendiri.",
    "win.out_of_sight_store": "Berkas {path} ada di folder data aplikasi, dan Python ini dari Microsoft Store: folder itu terhapus saat Python di-Reset atau dicopot. Tutup aplikasi, salin berkasnya ke folder Dokumen ({documents}), lalu buka salinannya. Aplikasi tidak memindahkannya sendiri.",
    "win.plan_file": "Berkas",
    # the console (ui/console.py)
    "win.no_terminal": "Tampilan smartcity-tui perlu terminal, tetapi masukannya dialihkan dari berkas atau pipa. Jalankan langsung di terminal, atau pakai perintah tanpa tampilan (misalnya 'smartcity-tui stats BERKAS').",
    "win.git_bash": "Terminal ini (Git Bash/mintty) tidak bisa menjalankan tampilan smartcity-tui. Jalankan 'winpty smartcity-tui ...', atau buka Windows Terminal atau PowerShell.",
    "win.legacy_console": "Konsol ini tidak mengerti kode tampilan (konsol lama Windows). Buka Windows Terminal, atau klik kanan judul jendela > Properties dan hilangkan centang 'Use legacy console', lalu jalankan lagi.",
    # help: F4 and F5 behind Fn
    "win.help_fn_keys": "F4 atau F5 tidak bekerja (perlu Fn di banyak laptop)? Pakai Ctrl+B (bahasa) dan Ctrl+T (kontras), atau Ctrl+P lalu ketik 'bahasa' atau 'kontras'.",
    # reports into a file (--out), for PowerShell 5.1, where '>' writes UTF-16
    "win.out_help": "tulis laporan ke FILE (UTF-8) alih-alih ke layar; di PowerShell pakai ini, bukan '>'",
    "win.out_help_merge": "tulis laporan penggabungan ke FILE (UTF-8) alih-alih ke layar (rencananya tetap digabung di tempatnya); di PowerShell pakai ini, bukan '>'",
    "win.out_folder_missing": "Folder {folder} untuk laporan tidak ada. Buat foldernya terlebih dahulu, atau pilih folder lain untuk --out.",
    "win.report_name": "laporan.txt",
    # what to do about a file (a document, sheets, a new plan) not written, by the cause
    # (bundle/safe_write.py advice_for; a bundle's own are bundle.advice.*)
    "write.advice.read_only": "Pakai flashdisk lain, atau buka kuncinya (tombol kecil di sisi flashdisk atau kartu memori), lalu coba lagi.",
    "write.advice.full": "Kosongkan sebagian ruang di disk atau flashdisk, atau pilih folder lain, lalu coba lagi.",
    "write.advice.gone": "Pasang lagi flashdisknya, lalu coba lagi.",
    "write.advice.no_permission": "Pilih folder lain yang boleh ditulisi, lalu coba lagi.",
    "write.advice.in_use": "Tutup program yang membuka berkas itu (misalnya Excel atau Word), lalu coba lagi.",
    "write.advice.other": "Pilih folder lain, atau periksa flashdisknya, lalu coba lagi.",
    "win.out_is_folder": "{out} adalah folder; tulis nama berkas untuk --out, misalnya {example}",
    "win.out_is_plan": "{out} adalah berkas rencana; laporan tidak ditulis di atasnya. Pilih nama berkas lain untuk --out, misalnya {example}",
    "win.out_is_file_kind": "{out} sudah berisi bundel, lembar kerja, atau dokumen; laporan tidak ditulis di atasnya. Pilih nama berkas lain untuk --out, misalnya {example}",
    "win.out_not_writable": "Laporan tidak dapat ditulis ke {out}: {reason}. Tidak ada yang dikerjakan; pilih folder lain untuk --out.",
    "win.out_failed": "Laporan tidak dapat ditulis ke {out}: {reason}. Perintahnya sudah selesai (rencana yang digabung sudah tersimpan); jalankan tanpa --out untuk melihat laporannya di layar.",
    # the plan path over MAX_PATH (store/access.py)
    "reason.path_too_long_windows": "lokasi rencana terlalu panjang untuk Windows (nama berkas cadangan dan berkas sementaranya melewati 260 karakter); salin rencana ke folder yang lebih pendek, misalnya Dokumen, lalu buka salinannya",
    "reason.plan_name_too_long": "nama berkas rencana terlalu panjang (nama cadangan dan berkas sementaranya akan melewati 255 karakter); ganti nama berkasnya menjadi lebih pendek, lalu buka lagi",
}

EN: dict[str, str] = {
    "win.plan_in_documents": "In Documents: visible in Explorer and backed up by OneDrive; the plan's backups are kept beside it.",
    "win.store_python": "This Python is from the Microsoft Store: what it keeps in AppData is deleted when Python is reset or uninstalled. Keep the plan in Documents (as suggested below), and better install Python from python.org.",
    "win.out_of_sight_title": "Plan in a hidden folder",
    "win.out_of_sight": "{path} is in the app's data folder: not visible in Explorer and not backed up by OneDrive. Quit the app, copy the file to Documents ({documents}) and open the copy. The app does not move it by itself.",
    "win.out_of_sight_store": "{path} is in the app's data folder, and this Python is from the Microsoft Store: that folder is deleted when Python is reset or uninstalled. Quit the app, copy the file to Documents ({documents}) and open the copy. The app does not move it by itself.",
    "win.plan_file": "File",
    "win.no_terminal": "smartcity-tui's screen needs a terminal, but its input comes from a file or a pipe. Run it in a terminal, or use a command without the screen (for example 'smartcity-tui stats FILE').",
    "win.git_bash": "This terminal (Git Bash/mintty) cannot run smartcity-tui's screen. Run 'winpty smartcity-tui ...', or open Windows Terminal or PowerShell.",
    "win.legacy_console": "This console does not understand screen codes (Windows' legacy console). Open Windows Terminal, or right-click the window title > Properties and untick 'Use legacy console', then run it again.",
    "win.help_fn_keys": "F4 or F5 do nothing (Fn needed on many laptops)? Use Ctrl+B (language) and Ctrl+T (contrast), or Ctrl+P and type 'language' or 'contrast'.",
    "win.out_help": "write the report into FILE (UTF-8) instead of on the screen; in PowerShell use this, not '>'",
    "win.out_help_merge": "write the merge report into FILE (UTF-8) instead of on the screen (the plan itself is merged where it is); in PowerShell use this, not '>'",
    "win.out_folder_missing": "The folder {folder} for the report does not exist. Create it first, or choose another folder for --out.",
    "win.report_name": "report.txt",
    "write.advice.read_only": "Use another flash drive, or unlock this one (the small switch on the side of the drive or memory card), then try again.",
    "write.advice.full": "Free some space on the disk or flash drive, or choose another folder, then try again.",
    "write.advice.gone": "Plug the flash drive back in, then try again.",
    "write.advice.no_permission": "Choose another folder you may write to, then try again.",
    "write.advice.in_use": "Close the program that has the file open (Excel or Word, for example), then try again.",
    "write.advice.other": "Choose another folder, or check the flash drive, then try again.",
    "win.out_is_folder": "{out} is a folder; give a file name for --out, for example {example}",
    "win.out_is_plan": "{out} is a plan file; the report is not written over it. Choose another file name for --out, for example {example}",
    "win.out_is_file_kind": "{out} already holds a bundle, a sheet or a document; the report is not written over it. Choose another file name for --out, for example {example}",
    "win.out_not_writable": "The report cannot be written to {out}: {reason}. Nothing was done; choose another folder for --out.",
    "win.out_failed": "The report cannot be written to {out}: {reason}. The command itself has finished (a merged plan is saved); run it without --out to see the report on the screen.",
    "reason.path_too_long_windows": "the plan's location is too long for Windows (the names of its backups and temporary files pass 260 characters); copy the plan to a shorter folder, for example Documents, and open the copy",
    "reason.plan_name_too_long": "the plan's file name is too long (the names of its backups and temporary files would pass 255 characters); rename the file shorter and open it again",
}
