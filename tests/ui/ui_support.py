"""What the app's tests share: a small workshop plan written with a fixed clock (so the save
time on screen, and so every snapshot, is the same on every run), and helpers to drive it."""

from __future__ import annotations

import datetime as _dt
import time
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from smartcity_tui.model.records import Indicator, PlanInfo, Programme, Strategy, SwotItem
from smartcity_tui.store import PlanStore

WIB = _dt.timezone(_dt.timedelta(hours=7))
NOW = _dt.datetime(2026, 11, 22, 14, 3, tzinfo=WIB)


def fixed_clock() -> _dt.datetime:
    return NOW


def build_workshop_plan(path: Path) -> Path:
    """Smart Governance with a full SWOT, a strategy and a quick win; Smart Economy half
    done; the other pillars empty, so the dashboard has gaps to show."""
    info = PlanInfo(region="Sukamaju", region_kind="kabupaten", province="Jawa Tengah",
                    start_year=2025, end_year=2029, vision="Sukamaju yang cerdas, terbuka dan sejahtera",
                    missions=["Pelayanan publik yang cepat"])
    with PlanStore.create(path, info, team="Pokja Governance", clock=fixed_clock) as store:
        s1 = store.add(SwotItem(pillar="governance", quadrant="S", text="Aplikasi layanan izin sudah dipakai warga",
                                element="public_service"))
        store.add(SwotItem(pillar="governance", quadrant="S", text="Pusat data kabupaten sudah ada",
                                element="bureaucracy"))
        store.add(SwotItem(pillar="governance", quadrant="W", text="Data antar-OPD belum terhubung",
                           element="bureaucracy"))
        o1 = store.add(SwotItem(pillar="governance", quadrant="O", text="Program nasional SPBE membuka dana",
                                element="public_policy"))
        store.add(SwotItem(pillar="governance", quadrant="T", text="Serangan siber ke layanan daring",
                           element="public_service"))
        st = store.add(Strategy(pillar="governance", kind="SO", text="Satukan layanan izin di satu portal",
                                swot_ids=[s1.id, o1.id]))
        prog = store.add(Programme(code="GOV-01", name="Portal layanan terpadu", pillar="governance",
                                   element="public_service", strategy_ids=[st.id], lead_agency="Diskominfo",
                                   start_year=2025, end_year=2025, horizon="short", quick_win=True,
                                   priority="high", funding_sources=["apbd"], budget_by_source={"apbd": {2025: 250_000_000}}))
        store.add(Indicator(programme_id=prog.id, name="Layanan di portal", unit="layanan",
                            baseline=3, targets={2025: 20}))
        store.add(SwotItem(pillar="economy", quadrant="S", text="18 ribu UMKM terdata", element="welfare"))
        store.add(SwotItem(pillar="economy", quadrant="W", text="Pembayaran nontunai masih jarang",
                           element="financial_transactions"))
    return path


def reopen(path: Path) -> PlanStore:
    """The plan as the file holds it now (the app has closed and released it)."""
    return PlanStore.open(path, readonly=True)


async def until(pilot, condition, what: str, timeout: float = 15.0, detail=None) -> None:
    """Let the app work until `condition()` holds (a search has listed its results, a
    screen has come up), checking after each pause: a test waits for what it needs, never
    for a guessed time, so a busy machine makes it slower, not wrong. `detail()`, when given,
    says what was there instead (a rare failure in CI is then read, not guessed)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            seen = f"; found instead: {detail()}" if detail is not None else ""
            raise AssertionError(f"still waiting, after {timeout:.0f} s, for {what}{seen}")
        await pilot.pause(0.02)


async def resize(pilot, width: int, height: int) -> None:
    """Resize the terminal and wait until the screen is laid out at the new size. Textual
    resizes the screen from a timer (1/120 s after the terminal's resize), which a busy
    machine can run after the pilot's pause has returned: a test that read the screen right
    after `resize_terminal` then read it at the old size (test_save_note.py did, under load)."""
    await pilot.resize_terminal(width, height)
    await until(pilot, lambda: tuple(pilot.app.screen.outer_size) == (width, height), f"the screen at {width}x{height}")
    await pilot.pause()


async def type_path(pilot, path) -> None:
    """Type a file's place where a folder picker has the focus: the first character as a key,
    which opens the picker's path line, the rest into that line (type_text). Key by key, a
    test's long temporary path took ~4 s of waits; tests/ui/test_typed_paths.py is where the
    keys themselves are tested."""
    text = str(path)
    await type_text(pilot, text[0], keys=True)
    await type_text(pilot, text[1:])


def prompt_text(prompt) -> str:
    """An option's prompt as plain text: a Text or a str as it is, any other Rich renderable
    (a numbered grid on the plan screen) as a wide console prints it."""
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    if isinstance(prompt, (str, Text)):
        return str(prompt)
    console = Console(width=400, file=StringIO(), color_system=None)
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


def screen_text(app) -> str:
    """The screen as the terminal shows it, line by line, without colours: what an officer
    reads (a footer's cut key, a checkbox's mark, a notice over the app)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def footer_entries(app) -> tuple:
    """What the screen's footer shows: each key with its words, a group's keys with their
    label (widgets/key_footer.py), only those that fit whole; () for a screen without one."""
    from smartcity_tui.ui.widgets.key_footer import KeyFooter

    footers = app.screen.query(KeyFooter)
    return footers.first().drawn if footers else ()


def footer_keys(app) -> list[str]:
    """The keys the footer shows, as drawn ("f1", "^z", "<"), in order."""
    return [key for entry in footer_entries(app) for key in entry.keys]


def footer_line(app) -> str:
    """The footer's line as the terminal shows it."""
    from smartcity_tui.ui.widgets.key_footer import KeyFooter

    footers = app.screen.query(KeyFooter)
    return footers.first().render().plain.rstrip() if footers else ""


def palette_open(app) -> bool:
    from textual.command import CommandPalette

    return isinstance(app.screen, CommandPalette)


def palette_offers(app, label: str) -> bool:
    """The command palette is open and its first (highlighted) command is `label`."""
    from textual.command import CommandList, CommandPalette

    screen = app.screen
    if not isinstance(screen, CommandPalette):
        return False
    commands = screen.query_one(CommandList)
    if not commands.option_count or commands.highlighted is None:
        return False
    prompt = commands.get_option_at_index(commands.highlighted).prompt
    return label in str(getattr(prompt, "renderable", prompt))


async def type_text(pilot, text: str, *, keys: bool = False) -> None:
    """Type `text` into the focused field. It arrives as the terminal delivers a paste: one
    event the field handles as typed text (a selection is replaced, a length limit kept),
    where a key press per character cost ~70 ms each on a busy machine, for the same edit.
    keys=True presses them one by one, where the keys themselves are what a test is about."""
    focused = pilot.app.focused
    if keys or not isinstance(focused, (Input, TextArea)):
        await pilot.press(*["space" if c == " " else c for c in text])
        return
    # to the app, as the terminal's driver delivers it: the app hands it to the focused field
    # (posted to a TextArea itself, it bubbled up to the app and was handed over again: twice)
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
