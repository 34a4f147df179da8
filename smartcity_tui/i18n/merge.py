"""Messages of merging: bundle/merge*.py and the merge, conflicts and merge-driver commands."""

ID: dict[str, str] = {
    "merge.no_bundles": "Tidak ada bundel untuk digabung; sebutkan minimal satu folder atau .zip bundel.",
    "merge.bundles_differ": "Bundel {first} dan {other} berasal dari dua rencana yang berbeda; gabungkan bundel dari rencana yang sama saja.",
    "merge.other_plan": "Bundel {bundle} berasal dari rencana lain (id {theirs}, rencana ini {ours}); tidak digabung. Bila rencana ini baru dan masih kosong, ulangi dengan --adopt agar rencana ini menjadi salinan rencana bundel itu.",
    "merge.adopt_not_empty": "Rencana {plan} sudah berisi {n} data, jadi tidak dapat mengambil alih rencana lain (--adopt hanya untuk impor pertama ke rencana kosong). Gabungkan bundel dari rencana yang sama.",
    "merge.adopt_no_plan_record": "Bundel {bundle} tidak memuat data rencananya sendiri, jadi tidak dapat diambil alih; ekspor ulang bundelnya.",
}

EN: dict[str, str] = {
    "merge.no_bundles": "No bundle to merge; name at least one bundle folder or .zip.",
    "merge.bundles_differ": "Bundles {first} and {other} come from two different plans; merge bundles of one plan only.",
    "merge.other_plan": "Bundle {bundle} is from another plan (id {theirs}, this plan is {ours}); not merged. If this plan is new and still empty, run again with --adopt so that this plan becomes a copy of the bundle's plan.",
    "merge.adopt_not_empty": "Plan {plan} already holds {n} records, so it cannot adopt another plan (--adopt is only for the first import into an empty plan). Merge bundles of the same plan.",
    "merge.adopt_no_plan_record": "Bundle {bundle} lacks its own plan record, so it cannot be adopted; export the bundle again.",
}
