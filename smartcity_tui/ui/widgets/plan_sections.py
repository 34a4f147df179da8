"""The parts of the plan screen: the plan's facts (region, period, vision), its missions and
its targets (sasaran, each with its indicator). They show and they ask; the plan screen does
the writing, so undo and the save state stay in one place (each action calls the screen's
method of the same name)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...model.format import number
from ...model.records import PlanInfo, PlanTarget
from ...settings import shown_path
from .. import keys
from .top_bar import region_title

if TYPE_CHECKING:
    from ..screens.plan_info import PlanInfoScreen


def plan_screen_of(widget: Widget) -> PlanInfoScreen:
    """The plan screen this part sits on: it does the writing."""
    from ..screens.plan_info import PlanInfoScreen

    screen = widget.screen
    assert isinstance(screen, PlanInfoScreen)
    return screen


LABEL = "bold"


class FactsPanel(Static, can_focus=True):
    """Region, province, period, vision and this laptop's team; enter opens the form that
    edits them all. Below them, where the plan file is (to copy it, or to find it again)."""

    BINDINGS = keys.prefixed("plan_facts.")

    def show(self, info: PlanInfo, team: str = "", path: Path | None = None) -> None:
        text = Text()
        rows = [
            (t("planscreen.region"), region_title(info) if info.region else ""),
            (t("planscreen.province"), info.province),
            (t("planscreen.period"), f"{info.start_year}-{info.end_year}" if info.start_year else ""),
            (t("planscreen.vision"), " ".join(info.vision.split())),
            (t("planscreen.team"), team),
        ]
        if info.draft_round.strip():  # (set in the form, Versi draf; a line only when there is one)
            rows.insert(4, (t("planscreen.draft_round"), " ".join(info.draft_round.split())))
        if path is not None:
            rows.append((t("win.plan_file"), shown_path(path)))
        for i, (label, value) in enumerate(rows):
            text.append(f"{label}: ", style=LABEL)
            text.append(value or t("planscreen.not_set"), style="" if value else "dim italic")
            if i < len(rows) - 1:
                text.append("\n")
        self.update(text)

    def action_edit_facts(self) -> None:
        plan_screen_of(self).edit_facts()


class LinesList(OptionList):
    """The plan's missions or its targets, numbered; n adds a line after the cursor, enter
    edits it, delete removes it (undo brings it back)."""

    BINDINGS = keys.prefixed("plan_lines.")

    def __init__(self, field: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.field = field  # "missions" or "targets"
        self.lines: list[str] = []

    def show(self, lines: list[str], *, select: int | None = None) -> None:
        keep = self.highlighted if select is None else select
        self.lines = list(lines)
        options = []
        for i, line in enumerate(self.lines, 1):
            options.append(Option(Numbered(i, len(self.lines), Text(" ".join(line.split())))))
        self.set_options(options)
        self.border_title = t(f"planscreen.{self.field}_title", n=len(self.lines))
        self.border_subtitle = "" if self.lines else t(f"planscreen.{self.field}_empty")
        if self.lines:
            self.highlighted = min(keep or 0, len(self.lines) - 1)

    @property
    def current(self) -> int | None:
        if self.highlighted is None or not self.lines:
            return None
        return min(self.highlighted, len(self.lines) - 1)

    def action_new_line(self) -> None:
        plan_screen_of(self).new_line(self.field, self.current)

    def action_edit_line(self) -> None:
        if self.current is not None:
            plan_screen_of(self).edit_line(self.field, self.current)

    def action_delete_line(self) -> None:
        if self.current is not None:
            plan_screen_of(self).delete_line(self.field, self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # enter on a line is OptionList's "select": edit that line
        event.stop()
        self.action_edit_line()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_line", "delete_line"):
            return True if self.current is not None else None  # shown dimmed
        return True


class TargetsList(OptionList):
    """The plan's targets (sasaran), numbered, each with its indicator, baseline and end
    target under it; n adds one after the cursor, enter edits, delete removes (undo brings it
    back). The same keys as the missions."""

    BINDINGS = keys.prefixed("plan_lines.")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.targets: list[PlanTarget] = []

    def show(self, targets: list[PlanTarget], *, select: str | None = None) -> None:
        """`select`: the id of the target to put the cursor on (one just added or edited);
        else the cursor stays on its target, or its place when that one is gone."""
        keep, place = self.current, self.highlighted or 0
        self.targets = list(targets)
        options = []
        for i, x in enumerate(self.targets, 1):
            body = Text(" ".join(x.text.split()) or t("planscreen.not_set"))
            details = _target_details(x)
            if details:
                body.append("\n" + details, style="dim")
            options.append(Option(Numbered(i, len(self.targets), body)))
        self.set_options(options)
        self.border_title = t("planscreen.targets_title", n=len(self.targets))
        self.border_subtitle = "" if self.targets else t("planscreen.targets_empty")
        if self.targets:
            ids = [x.id for x in self.targets]
            wanted = select or (keep.id if keep else None)
            self.highlighted = ids.index(wanted) if wanted in ids else min(place, len(ids) - 1)

    @property
    def current(self) -> PlanTarget | None:
        if self.highlighted is None or not self.targets:
            return None
        return self.targets[min(self.highlighted, len(self.targets) - 1)]

    def action_new_line(self) -> None:
        plan_screen_of(self).new_target(self.current)

    def action_edit_line(self) -> None:
        if self.current is not None:
            plan_screen_of(self).edit_target(self.current)

    def action_delete_line(self) -> None:
        if self.current is not None:
            plan_screen_of(self).delete_target(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_line()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_line", "delete_line"):
            return True if self.current is not None else None
        return True


class Numbered:
    """"12. " and the text, whose wrapped lines stay under the text, not under the number
    (a mission or a target is often longer than the list is wide).

    Not a Rich grid (Table.grid), which did the same: the option list measures and draws
    each option many times over as the screen comes up, and a grid measured its cells at
    every turn (the screen came up a sixth faster without it, on the sample)."""

    def __init__(self, n: int, last: int, body: Text) -> None:
        self.indent = len(f"{last}. ")
        self.number = Text.assemble((f"{n}. ".ljust(self.indent), "bold"))  # (a span: what is added after is not bold)
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 1)
        lines = self.body.wrap(console, width, overflow="fold")
        padding = Text(" " * self.indent)
        yield Text("\n").join((self.number if i == 0 else padding) + line for i, line in enumerate(lines))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        body = Measurement.get(console, options, self.body)
        return Measurement(body.minimum + self.indent, body.maximum + self.indent).clamp(max_width=options.max_width)


def _target_details(x: PlanTarget) -> str:
    """"Indeks SPBE (indeks): 2,6 (2024) → 3,5 · Misi 1 · Evaluasi SPBE": what a verifier reads."""
    parts = []
    if x.indicator.strip():
        unit = f" ({x.unit.strip()})" if x.unit.strip() else ""
        values = ""
        if x.baseline is not None or x.end_target is not None:
            base = number(x.baseline) + (f" ({x.baseline_year})" if x.baseline_year and x.baseline is not None else "")
            values = f": {base} → {number(x.end_target)}"
        parts.append(f"{x.indicator.strip()}{unit}{values}")
    if x.mission:
        parts.append(t("planscreen.target_mission_n", n=x.mission))
    if x.data_source.strip():
        parts.append(x.data_source.strip())
    return " · ".join(parts)
