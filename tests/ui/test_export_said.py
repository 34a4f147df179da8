"""What the export screen says at 80x24, read off the screen as the officer reads it: after a
bundle is written, every line whole (the bundle's name unbroken, the team line to its last
word); after a write that failed, advice that follows the cause (a locked drive is not a full
one) and "nothing half-written is left" said once."""

from __future__ import annotations

import errno

import pytest
from exchange_support import app_on, copy_sample_plan, fixed_places, set_place, settle
from ui_support import screen_text

from smartcity_tui.bundle import safe_write


def status_lines(app) -> list[str]:
    """The screen's lines from the result's first to the footer, as drawn."""
    result = app.screen.query_one("#export-result")
    lines = screen_text(app).splitlines()
    return [line.strip() for line in lines[result.region.y:-1]]


async def export_to(pilot, out) -> list[str]:
    """Export a bundle to `out` from the dashboard, as the officer does; the result's lines."""
    await pilot.press("x")
    await settle(pilot)  # the places are listed before the target is typed over them
    set_place(pilot.app.screen, out)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return status_lines(pilot.app)


async def test_after_an_export_every_line_is_whole_at_80x24(tmp_path, monkeypatch):
    home = fixed_places(monkeypatch, tmp_path, drive=False)  # no drive of this machine's chosen first
    plan = copy_sample_plan(tmp_path / "plan")
    out = home / "Dokumen" / "untuk-sekretariat"  # "~/Dokumen/untuk-sekretariat/" and the name: over 80
    out.mkdir(parents=True)
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await export_to(pilot, out)
        name = next(out.iterdir()).name
        assert len(f"~/Dokumen/untuk-sekretariat/{name}") > 80
        assert name in lines, lines  # on a line of its own, not broken mid-name
        said = " ".join(lines)
        assert said.rstrip().endswith("tombol i)."), lines  # the team line to its end
        assert "entri:" in said and "konflik" in said
    store.close()


@pytest.mark.parametrize(("code", "advice", "not_said"), [
    (errno.EROFS, "Pakai flashdisk lain, atau buka kuncinya", "ruang"),
    (errno.ENOSPC, "Kosongkan sebagian ruang di flashdisk", "kunci"),
    (errno.ENODEV, "Pasang lagi flashdisknya", "ruang"),
], ids=["read-only", "full", "gone"])
async def test_a_failed_write_gives_the_advice_of_its_cause_once_at_80x24(tmp_path, monkeypatch, code, advice,
                                                                          not_said):
    def refused(*_args, **_kw):
        raise OSError(code, "system message")

    monkeypatch.setattr(safe_write, "_write_bytes", refused)
    fixed_places(monkeypatch, tmp_path, drive=False)
    plan = copy_sample_plan(tmp_path / "plan")
    out = tmp_path / "usb"
    out.mkdir()
    app, store = app_on(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        lines = await export_to(pilot, out)
        said = " ".join(lines)
        assert "TIDAK selesai ditulis" in said and advice in said, lines
        assert not_said not in said.split("TIDAK selesai ditulis")[1].split("pesan sistem")[0] or code == errno.ENOSPC
        assert not_said not in said.split("pesan sistem")[1], lines
        assert said.count("setengah jadi") == 1 and said.count("tertinggal") == 1, lines
        assert said.rstrip().endswith("tombol i)."), lines  # nothing cut off under it
        assert list(out.iterdir()) == []
    store.close()
