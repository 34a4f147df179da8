"""Messages of the plan file (store/errors.py), both languages."""

ID: dict[str, str] = {
    "store.error": "Berkas rencana {path} bermasalah.",
    "store.not_found": "Berkas rencana {path} tidak ada. Periksa nama dan foldernya, atau buat rencana baru dengan 'smartcity-tui new'.",
    "store.exists": "Berkas {path} sudah ada; rencana baru tidak menimpanya. Pilih nama berkas lain.",
    "store.unreadable": "Berkas rencana {path} tidak dapat dibaca ({reason}). Berkas itu tidak diubah.",
    "store.unreadable_has_backup": "Cadangan terbaru yang masih baik: {backup}. Pulihkan dengan 'smartcity-tui restore {path}'.",
    "store.unreadable_no_backup": "Tidak ada cadangan yang baik di sebelahnya; cari salinan di flashdisk atau di sekretariat.",
    "store.too_new": "Berkas rencana {path} dibuat oleh smartcity-tui yang lebih baru (skema {version}; versi ini membaca sampai skema {supported}). Perbarui smartcity-tui; berkas tidak diubah.",
    "store.locked": "Berkas rencana {path} sedang dibuka oleh {holder}. Tutup aplikasi di sana dulu. Jika aplikasi itu sudah mati, buka dengan --break-lock.",
    "store.read_only": "Berkas rencana {path} dibuka hanya untuk dibaca.",
    "store.write_failed": "Perubahan TIDAK tersimpan ke {path}: {reason}. Periksa ruang disk atau flashdisk, lalu ulangi; berkas tetap seperti sebelum perubahan.",
}

EN: dict[str, str] = {
    "store.error": "Something is wrong with plan file {path}.",
    "store.not_found": "Plan file {path} does not exist. Check its name and folder, or create a plan with 'smartcity-tui new'.",
    "store.exists": "{path} exists already; a new plan never overwrites it. Choose another file name.",
    "store.unreadable": "Plan file {path} cannot be read ({reason}). It has not been changed.",
    "store.unreadable_has_backup": "The newest good backup is {backup}. Restore it with 'smartcity-tui restore {path}'.",
    "store.unreadable_no_backup": "There is no good backup beside it; look for a copy on a flash drive or at the secretariat.",
    "store.too_new": "Plan file {path} was written by a newer smartcity-tui (schema {version}; this one reads up to schema {supported}). Update smartcity-tui; the file has not been changed.",
    "store.locked": "Plan file {path} is open in {holder}. Close the app there first. If that app is no longer running, open with --break-lock.",
    "store.read_only": "Plan file {path} is open read-only.",
    "store.write_failed": "The change was NOT saved to {path}: {reason}. Check the disk or flash drive and try again; the file is as it was before the change.",
}
