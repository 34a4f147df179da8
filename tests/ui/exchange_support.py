"""What the export, merge and conflicts screen tests share: the sample plan copied into the
test's folder, the three sample drafts, the app on a plan, and a wait for the screens'
thread workers (the folder tree's own loader never ends, so it is not waited for)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ui_support import fixed_clock

from smartcity_tui.bundle import read_bundle
from smartcity_tui.bundle.merge import apply
from smartcity_tui.settings import Settings
from smartcity_tui.store import PlanStore
from smartcity_tui.ui.factory import create_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PLAN = ROOT / "sample_data" / "plan.json"
SAMPLE_BUNDLES = ROOT / "sample_data" / "bundles"


def sample_bundles() -> list[Path]:
    return sorted(p for p in SAMPLE_BUNDLES.iterdir() if not p.name.startswith("."))


def copy_sample_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "rencana.json"
    shutil.copyfile(SAMPLE_PLAN, target)
    return target


def merge_samples(plan: Path) -> None:
    """The sample plan with the three groups' drafts merged in, as the CLI would do it."""
    with PlanStore.open(plan, clock=fixed_clock) as store:
        apply(store, [read_bundle(p) for p in sample_bundles()])


def app_on(plan: Path):
    store = PlanStore.open(plan, clock=fixed_clock)
    return create_app(store, Settings(), clock=fixed_clock), store


async def settle(pilot, rounds: int = 500) -> None:
    """Until every worker but the folder tree's loader has finished, twice in a row."""
    app = pilot.app
    idle = 0
    for _ in range(rounds):
        await pilot.pause(0.02)
        busy = [w for w in app.workers if w.group != "_loader" and not w.is_finished]
        idle = 0 if busy else idle + 1
        if idle >= 2:
            break
    await pilot.pause()


def set_place(screen, path: Path | str) -> None:
    """Type a place into the screen's path line (as the officer would)."""
    from smartcity_tui.ui.widgets.folder_picker import FolderPicker

    screen.query_one(FolderPicker).set_path(Path(path))


def shown_text(app, selector: str) -> str:
    """What a Static or an option list on the current screen says, as plain text."""
    from io import StringIO

    from rich.console import Console
    from textual.widgets import OptionList

    widget = app.screen.query_one(selector)
    parts = [o.prompt for o in widget.options] if isinstance(widget, OptionList) else [widget.content]
    console = Console(width=200, file=StringIO(), color_system=None)
    for part in parts:
        console.print(part)
    return console.file.getvalue()


def fixed_places(monkeypatch, tmp_path: Path, *, drive: bool) -> Path:
    """A home folder and (optionally) a flash disk that read the same on every machine: the
    test runs in tmp_path, home is tmp_path/home (shown as ~), the drive is media/FLASHDISK."""
    from smartcity_tui.ui import drives

    home = tmp_path / "home"
    for name in ("Dokumen", "Unduhan"):
        (home / name).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    found = []
    if drive:
        flash = Path("media") / "FLASHDISK"
        (flash / "Foto kegiatan").mkdir(parents=True, exist_ok=True)
        found.append(flash)
    monkeypatch.setattr(drives, "removable_drives", lambda *a, **kw: list(found))
    return home
