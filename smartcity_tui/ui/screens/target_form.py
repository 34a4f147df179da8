"""Add or edit one target (sasaran) of the plan: what it aims at, the RPJMD mission it
serves, and the indicator that measures it (unit, baseline with its year, target at the end
of the period, data source): a row of the RPJMD's sasaran table."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from ...i18n import t
from ...model.records import PlanTarget
from .form import FormScreen, parse_year
from .programme_form_values import parse_number, show_number


class TargetForm(FormScreen[PlanTarget]):
    def __init__(self, target: PlanTarget, missions: list[str], *, is_new: bool) -> None:
        super().__init__()
        self.target = target
        self.missions = missions
        self.is_new = is_new

    def compose(self) -> ComposeResult:
        x = self.target
        with VerticalScroll(id="target-form", classes="form", can_focus=False) as box:
            box.border_title = t("planscreen.targets_new" if self.is_new else "planscreen.targets_edit")
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(t("planscreen.targets_label"), Input(
                x.text, placeholder=t("planscreen.targets_ph"), id="text", compact=True, select_on_focus=False))
            options = [(f"{n}. {' '.join(m.split())}", n) for n, m in enumerate(self.missions, 1)]
            if x.mission and not 1 <= x.mission <= len(self.missions):
                options.append((f"? {x.mission}", x.mission))  # a mission since removed: shown, to change
            yield from self.field(t("planscreen.target_mission"), Select(
                options, value=x.mission if x.mission else Select.NULL, prompt=t("planscreen.target_no_mission"),
                id="mission", compact=True))
            yield from self.field(t("planscreen.target_indicator"), Input(
                x.indicator, placeholder=t("planscreen.target_indicator_ph"), id="indicator", compact=True,
                select_on_focus=False))
            yield from self.field(t("planscreen.target_unit"), Input(x.unit, id="unit", compact=True))
            yield from self.field(t("planscreen.target_baseline"), Input(
                show_number(x.baseline), placeholder="2,6", id="baseline", compact=True))
            yield from self.field(t("planscreen.target_baseline_year"), Input(
                str(x.baseline_year or ""), placeholder="2024", id="baseline_year", compact=True, max_length=4))
            yield from self.field(t("planscreen.target_end"), Input(
                show_number(x.end_target), placeholder="3,5", id="end_target", compact=True))
            yield from self.field(t("planscreen.target_source"), Input(
                x.data_source, placeholder=t("planscreen.target_source_ph"), id="data_source", compact=True,
                select_on_focus=False))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def collect(self) -> dict[str, Any]:
        def text(name: str) -> str:
            return " ".join(self.query_one(f"#{name}", Input).value.split())

        mission = self.query_one("#mission", Select).value
        return {"text": text("text"), "mission": 0 if mission is Select.NULL else mission,
                "indicator": text("indicator"), "unit": text("unit"), "baseline": text("baseline"),
                "baseline_year": text("baseline_year"), "end_target": text("end_target"),
                "data_source": text("data_source")}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not values["text"]:
            errors["text"] = t("planscreen.need_target")
        for name in ("baseline", "end_target"):
            try:
                parse_number(values[name])
            except ValueError:
                errors[name] = t("prog.err.number")
        year = values["baseline_year"]
        if year and parse_year(year) is None:
            errors["baseline_year"] = t("ui.form.need_year", value=year)
        return errors

    def build(self, values: dict[str, Any]) -> PlanTarget:
        return self.target.replace(
            text=values["text"], mission=int(values["mission"]), indicator=values["indicator"], unit=values["unit"],
            baseline=parse_number(values["baseline"]), baseline_year=parse_year(values["baseline_year"]) or 0,
            end_target=parse_number(values["end_target"]), data_source=values["data_source"])
