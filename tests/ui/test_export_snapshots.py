"""SVG snapshots of the export screen at 80x24 (nothing cut off) and 120x40, after a bundle was
written to the flash disk: the places, the tree, the options and the result with its counts.
The clock, the home folder (~) and the drive (media/FLASHDISK) are fixed, so the pictures are
the same on every machine. Each was looked at as an image before it was accepted."""

from __future__ import annotations

import pytest
from exchange_support import app_on, copy_sample_plan, fixed_places, settle

SIZES = [(80, 24), (120, 40)]


async def _export_to_the_flash_disk(pilot) -> None:
    await pilot.press("x")
    await settle(pilot)
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_export_screen_after_an_export(snap_compare, tmp_path, monkeypatch, size):
    fixed_places(monkeypatch, tmp_path, drive=True)
    app, _store = app_on(copy_sample_plan(tmp_path / "plan"))
    assert snap_compare(app, terminal_size=size, run_before=_export_to_the_flash_disk)
