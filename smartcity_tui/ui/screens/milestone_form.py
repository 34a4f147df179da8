"""Add or edit one milestone (tonggak) of a programme: title, deliverable, year, quarter, the
agency responsible for it (empty: the programme's lead agency), done, and the evidence (data
dukung) that it is done.

The year must lie inside the plan period (validation calls anything else an error). A year
outside the programme's own years is only a warning: the form says so once, and a second
save keeps the year (a programme's dates are often fixed after its milestones)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select

from ...i18n import t
from ...model.records import Milestone, PlanInfo, Programme
from ..widgets.programme_detail import years_text
from ..widgets.ticks import Checkbox
from .form import FormScreen, parse_year, text_input, year_input


def quarter_choices() -> list[tuple[str, int]]:
    return [(t("milestone.quarter_whole"), 0)] + [
        (t("milestone.quarter_n", q=q, months=t(f"milestone.months_{q}")), q) for q in range(1, 5)]


class MilestoneForm(FormScreen[Milestone]):
    def __init__(self, info: PlanInfo, programme: Programme, milestone: Milestone, *, is_new: bool) -> None:
        super().__init__()
        self.info = info
        self.programme = programme
        self.milestone = milestone
        self.is_new = is_new
        self._warned_year: int | None = None  # the year outside the programme already warned of

    def compose(self) -> ComposeResult:
        m, p = self.milestone, self.programme
        with VerticalScroll(id="milestone-form", classes="form", can_focus=False) as box:
            name = " ".join(b for b in (p.code, p.name) if b) or t("ui.unnamed")
            box.border_title = t("milestone.form_new" if self.is_new else "milestone.form_edit", programme=name)
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(t("milestone.title"), text_input(
                m.title, placeholder=t("milestone.title_ph"), id="title"))
            yield from self.field(t("milestone.deliverable"), text_input(
                m.deliverable, placeholder=t("milestone.deliverable_ph"), id="deliverable"))
            period = f"{self.info.start_year}-{self.info.end_year}" if self.info.start_year else "-"
            yield from self.field(t("milestone.year"), year_input(
                str(m.year) if m.year else "", placeholder=str(self._example_year()), id="year"),
                hint=t("milestone.year_hint", period=period, years=years_text(p)))
            quarter = m.quarter if 0 <= m.quarter <= 4 else 0
            yield from self.field(t("milestone.quarter"), Select(
                quarter_choices(), value=quarter, allow_blank=False, id="quarter", compact=True))
            yield from self.field(t("milestone.agency"), text_input(
                m.agency, placeholder=t("milestone.agency_ph", lead=p.lead_agency or "-"), id="agency"))
            yield Checkbox(t("milestone.done"), m.done, id="done", compact=True)
            yield from self.field(t("milestone.evidence"), text_input(
                m.evidence, placeholder=t("milestone.evidence_ph"), id="evidence"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def _example_year(self) -> int:
        return self.programme.start_year or self.info.start_year or 2025

    def collect(self) -> dict[str, Any]:
        return {
            "title": " ".join(self.query_one("#title", Input).value.split()),
            "deliverable": " ".join(self.query_one("#deliverable", Input).value.split()),
            "year": parse_year(self.query_one("#year", Input).value),
            "quarter": self.query_one("#quarter", Select).value,
            "done": self.query_one("#done", Checkbox).value,
            "agency": " ".join(self.query_one("#agency", Input).value.split()),
            "evidence": self.query_one("#evidence", Input).value.strip(),
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not values["title"]:
            errors["title"] = t("milestone.need_title")
        year = values["year"]
        info = self.info
        if year is None:
            errors["year"] = t("milestone.need_year", example=self._example_year())
        elif info.start_year and info.end_year and not info.start_year <= year <= info.end_year:
            errors["year"] = t("milestone.year_outside_period", start=info.start_year, end=info.end_year)
        elif len(self.programme.years) and year not in self.programme.years and year != self._warned_year:
            self._warned_year = year
            errors["year"] = t("milestone.year_outside_programme", years=years_text(self.programme), year=year)
        if values["quarter"] not in (0, 1, 2, 3, 4):
            errors["quarter"] = t("milestone.bad_quarter")
        return errors

    def errors_again(self) -> dict[str, str]:
        self._warned_year = None  # asked again below, so a second save still keeps the year
        return super().errors_again()

    def build(self, values: dict[str, Any]) -> Milestone:
        return self.milestone.replace(programme_id=self.programme.id, **values)
