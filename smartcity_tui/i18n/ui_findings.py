"""Messages of the findings list (v on the dashboard and a pillar screen: what `validate`
finds, to read and open in the app) and of the pillar screen's m outside the SWOT view, both
languages."""

ID: dict[str, str] = {
    # --- the findings list ---
    "findings.key.open": "Periksa",
    "findings.key.open_help": "Periksa: daftar kesalahan dan peringatan rencana (kartu yang dipilih, "
                              "atau seluruh rencana); enter membuka butirnya",
    "findings.key.open_pillar_help": "Periksa dimensi ini: daftar kesalahan dan peringatannya; "
                                     "enter membuka butirnya",
    "findings.key.scope": "Dimensi / semua",
    "findings.key.scope_help": "Temuan dimensi ini saja, atau seluruh rencana",
    "findings.title_plan": "Temuan pemeriksaan: seluruh rencana",
    "findings.title_pillar": "Temuan pemeriksaan: {pillar}",
    "findings.hint": "enter: buka butirnya · esc: tutup",
    "findings.hint_to_plan": "enter: buka butirnya · a: seluruh rencana · esc: tutup",
    "findings.hint_to_pillar": "enter: buka butirnya · a: {pillar} saja · esc: tutup",
    "findings.summary": "{errors}, {warnings} (sama dengan smartcity-tui validate)",
    "findings.none": "✓ Tidak ada kesalahan atau peringatan.",
    "findings.checking": "Memeriksa rencana...",
    "findings.whole_plan": "Seluruh rencana",
    "findings.nowhere": "Temuan ini tentang seluruh rencana: tidak ada butir untuk dibuka.",
    # --- m on a pillar screen, where there is nothing to move ---
    "pillar.key.move_elsewhere": "Geser",
    "pillar.key.move_elsewhere_help": "Geser butir SWOT ke kuadran lain (hanya di tampilan SWOT)",
    "pillar.move_empty": "Tidak ada butir di sini untuk digeser.",
    "pillar.move_none": "{move} menggeser butir SWOT (tampilan SWOT, {swot}); di tampilan ini tidak ada "
                        "yang digeser. Menggabungkan draf: {dashboard}, lalu {merge}.",
    "pillar.move_timeline": "Tonggak digeser setahun dengan {earlier} dan {later}; {move} hanya menggeser "
                            "butir SWOT. Menggabungkan draf: {dashboard}, lalu {merge}.",
}

EN: dict[str, str] = {
    # --- the findings list ---
    "findings.key.open": "Check",
    "findings.key.open_help": "Check: list the plan's errors and warnings (the chosen card's, or the "
                              "whole plan's); enter opens the record",
    "findings.key.open_pillar_help": "Check this pillar: list its errors and warnings; enter opens the record",
    "findings.key.scope": "Pillar / all",
    "findings.key.scope_help": "Findings of this pillar only, or of the whole plan",
    "findings.title_plan": "Findings: the whole plan",
    "findings.title_pillar": "Findings: {pillar}",
    "findings.hint": "enter: open the record · esc: close",
    "findings.hint_to_plan": "enter: open the record · a: whole plan · esc: close",
    "findings.hint_to_pillar": "enter: open the record · a: {pillar} only · esc: close",
    "findings.summary": "{errors}, {warnings} (the same as smartcity-tui validate)",
    "findings.none": "✓ No errors or warnings.",
    "findings.checking": "Checking the plan...",
    "findings.whole_plan": "Whole plan",
    "findings.nowhere": "This finding is about the whole plan: there is no record to open.",
    # --- m on a pillar screen, where there is nothing to move ---
    "pillar.key.move_elsewhere": "Move",
    "pillar.key.move_elsewhere_help": "Move a SWOT item to another quadrant (in the SWOT view only)",
    "pillar.move_empty": "There is no item here to move.",
    "pillar.move_none": "{move} moves SWOT items (the SWOT view, {swot}); nothing moves in this view. "
                        "To merge drafts: {dashboard}, then {merge}.",
    "pillar.move_timeline": "A milestone moves a year with {earlier} and {later}; {move} moves SWOT items "
                            "only. To merge drafts: {dashboard}, then {merge}.",
}
