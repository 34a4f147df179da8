"""Edit the plan's own facts: region, kind (kabupaten or kota), province, period and vision;
and the name of the team on this laptop (not a fact of the plan: it lives in this file only,
and comes back as the "team" key).

A change of period that would leave programmes or milestones outside it is not saved on the
spot: the officer first sees the list (model.roadmap.outside_period) and confirms or goes
back to the form with what they typed still there.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, TextArea

from ...i18n import get_language, t
from ...model import roadmap as rm
from ...model.plain_text import one_line
from ...model.plan import Plan
from ...model.vocab import REGION_KINDS
from .form import FormScreen, parse_year, year_input

MAX_YEARS = 25  # a masterplan runs ~5 years and is revised; 25 catches a typo like 2205


class ParagraphField(TextArea):
    """A one-paragraph field (the vision) that wraps over as many lines as it needs, up to
    four, then scrolls: a one-line field showed the first words of a long vision, and nothing
    said more followed. Enter goes on to the next field as in the form's one-line fields (a
    vision has no line breaks; any typed or pasted are spaces when it is saved)."""

    BINDINGS = [Binding("enter", "next_field", show=False, priority=True)]
    DEFAULT_CSS = """
    ParagraphField.-textual-compact { height: auto; max-height: 4; padding: 0; background: $boost; }
    ParagraphField.-textual-compact:focus { background: $primary 30%; }
    """

    def action_next_field(self) -> None:
        self.screen.focus_next()


class PlanFactsForm(FormScreen[dict[str, Any]]):
    """Returns the fields that changed (possibly none)."""

    def __init__(self, plan: Plan, team: str = "") -> None:
        super().__init__()
        self.plan = plan
        self.team = team

    def compose(self) -> ComposeResult:
        info = self.plan.info
        lang = get_language()
        with VerticalScroll(id="plan-facts-form", classes="form", can_focus=False) as box:
            box.border_title = t("planscreen.form_title")
            box.border_subtitle = t("ui.form.keys_hint")
            yield from self.field(t("planscreen.region_name"), Input(
                info.region, placeholder=t("planscreen.region_ph"), id="region", compact=True))
            kind = info.region_kind if info.region_kind in REGION_KINDS else REGION_KINDS.keys[0]
            yield from self.field(t("planscreen.region_kind"), Select(
                [(c.label(lang), c.key) for c in REGION_KINDS], value=kind, allow_blank=False,
                id="region_kind", compact=True))
            yield from self.field(t("planscreen.province"), Input(
                info.province, placeholder=t("planscreen.province_ph"), id="province", compact=True))
            yield from self.field(t("planscreen.start_year"), year_input(
                str(info.start_year or ""), placeholder="2025", id="start_year"))
            yield from self.field(t("planscreen.end_year"), year_input(
                str(info.end_year or ""), placeholder="2029", id="end_year"),
                hint=t("planscreen.period_hint"))
            yield from self.field(t("planscreen.vision"), ParagraphField(
                info.vision, placeholder=t("planscreen.vision_ph"), id="plan-vision", compact=True,
                highlight_cursor_line=False))
            yield from self.field(t("planscreen.draft_round"), Input(
                info.draft_round, placeholder=t("planscreen.draft_round_ph"), id="draft_round", compact=True),
                hint=t("planscreen.draft_round_hint"))
            yield from self.field(t("planscreen.team"), Input(
                self.team, placeholder=t("ui.first.team_ph"), id="team", compact=True),
                hint=t("planscreen.team_hint"))
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#region", Input).focus()

    def collect(self) -> dict[str, Any]:
        text = {name: self.query_one(f"#{name}", Input).value for name in
                ("region", "province", "start_year", "end_year", "draft_round", "team")}
        # (not id "vision": the dashboard's rules for its own #vision line, loaded for every
        # screen, drew the field muted, padded and unwrapped)
        text["vision"] = self.query_one("#plan-vision", TextArea).text
        return {
            "region": " ".join(text["region"].split()),
            "region_kind": self.query_one("#region_kind", Select).value,
            "province": " ".join(text["province"].split()),
            "start_text": text["start_year"].strip(),
            "end_text": text["end_year"].strip(),
            "vision": " ".join(text["vision"].split()),
            "draft_round": " ".join(text["draft_round"].split()),
            "team": one_line(text["team"]),  # no tab, line break or ESC in a name printed everywhere
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        errors = {}
        if not values["region"]:
            errors["region"] = t("planscreen.need_region")
        if not values["team"]:
            errors["team"] = t("ui.first.need_team")
        start, end = values["start_text"], values["end_text"]
        if start or end:
            for name, raw in (("start_year", start), ("end_year", end)):
                if parse_year(raw) is None:
                    errors[name] = t("ui.form.need_year", value=raw)
            s, e = parse_year(start), parse_year(end)
            if s and e and e < s:
                errors["end_year"] = t("planscreen.end_before_start")
            elif s and e and e - s + 1 > MAX_YEARS:
                errors["end_year"] = t("planscreen.period_too_long", n=MAX_YEARS)
        return errors

    def build(self, values: dict[str, Any]) -> dict[str, Any]:
        new = {
            "region": values["region"], "region_kind": values["region_kind"], "province": values["province"],
            "start_year": parse_year(values["start_text"]) or 0, "end_year": parse_year(values["end_text"]) or 0,
            "vision": values["vision"], "draft_round": values["draft_round"],
        }
        info = self.plan.info
        changes = {k: v for k, v in new.items() if getattr(info, k) != v}
        if values["team"] != self.team:
            changes["team"] = values["team"]
        return changes

    def action_save(self) -> None:
        values = self.collect()
        if not self.show_errors(self.check(values)):
            return
        changes = self.build(values)
        start = changes.get("start_year", self.plan.info.start_year)
        end = changes.get("end_year", self.plan.info.end_year)
        period_changed = bool({"start_year", "end_year"} & set(changes))
        outside = rm.outside_period(self.plan, start, end) if period_changed and start else []
        if not outside:
            self.submit(changes)
            return
        from .period_confirm import PeriodConfirm

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.submit(changes)
            else:
                self.show_errors({"start_year": t("planscreen.period_not_saved")})

        self.app.push_screen(PeriodConfirm(start, end, outside), answered)
