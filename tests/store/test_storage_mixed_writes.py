"""One write that both adds records and changes records already in the file (a merge does
this: new records from a bundle, edits to old ones) reaches the disk whole, also past the
storage's first chunk of 256 lines. It did not: the changed lines of chunks before the first
new key were re-rendered but their chunk was not re-joined, so the file kept the old values
and the merged edits vanished on the next open."""

from __future__ import annotations

import shutil

from smartcity_tui.model.records import PlanInfo, SwotItem
from smartcity_tui.store import PlanStore
from smartcity_tui.store.storage import CHUNK


def test_a_merge_that_adds_and_edits_past_the_first_chunk_is_all_on_disk(tmp_path):
    path = tmp_path / "a.json"
    info = PlanInfo(region="Contoh", start_year=2025, end_year=2029)
    with PlanStore.create(path, info, "Sekretariat", durable=False) as store:
        items = store.add_many(SwotItem(pillar="economy", quadrant="S", text=f"Butir {i}") for i in range(CHUNK + 20))
    other = tmp_path / "b.json"
    shutil.copyfile(path, other)
    with PlanStore.open(other, durable=False) as b:
        b.update(items[0].id, text="Butir pertama, diubah pokja B")
        b.update(items[-1].id, text="Butir terakhir, diubah pokja B")
        added = b.add(SwotItem(pillar="economy", quadrant="O", text="Butir baru dari pokja B"))
        incoming = b.states()
    with PlanStore.open(path, durable=False) as a:
        a.merge_in(incoming)
    with PlanStore.open(path, readonly=True) as again:
        assert again.get(items[0].id).text == "Butir pertama, diubah pokja B"
        assert again.get(items[-1].id).text == "Butir terakhir, diubah pokja B"
        assert again.get(added.id).text == "Butir baru dari pokja B"
