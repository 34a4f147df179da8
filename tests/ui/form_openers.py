"""Every kind of form of the app, opened from the keyboard as an officer opens it, on the full
workshop plan (plan_screens_support.build_full_plan) or the sample plan: how to get there,
which form comes up, and a field to type in. The form tests walk this table, so a form added
to the app and not to this table goes untested (test_form_safety.py checks the table names
every form class).

Each opener starts from the dashboard and puts the cursor on the part of the screen it needs
(a screen keeps its cursor when it is left and shown again), then presses the key that opens
the form."""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import Input, TextArea

from smartcity_tui.model import narrative
from smartcity_tui.ui.screens.book_forms import MemberForm, RegulationForm, SectionForm
from smartcity_tui.ui.screens.line_form import LineForm
from smartcity_tui.ui.screens.milestone_form import MilestoneForm
from smartcity_tui.ui.screens.plan_facts_form import PlanFactsForm
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.screens.readiness_form import ReadinessForm
from smartcity_tui.ui.screens.strategy_form import StrategyForm
from smartcity_tui.ui.screens.swot_form import SwotForm
from smartcity_tui.ui.screens.target_form import TargetForm


@dataclass(frozen=True)
class Opener:
    name: str
    screen: tuple[str, ...]  # keys from the dashboard to the screen (and view)
    part: str  # the part of the screen to put the cursor in ("" : where it lands)
    key: str  # the key that opens the form
    form: type
    field: str  # an Input (or the section's TextArea) to type in

    @property
    def edits(self) -> bool:
        """It opens a record the plan holds (not a new one)."""
        return self.key != "n"


OPENERS = [
    Opener("swot", ("1", "s"), "#q-S", "e", SwotForm, "text"),
    Opener("strategy", ("1", "t"), "", "e", StrategyForm, "text"),
    Opener("programme", ("1", "p"), "", "e", ProgrammeForm, "name"),
    Opener("milestone", ("3", "l"), "", "e", MilestoneForm, "title"),
    Opener("plan facts", ("i",), "#plan-facts", "enter", PlanFactsForm, "plan-vision"),
    Opener("team name", ("i",), "#plan-facts", "enter", PlanFactsForm, "team"),
    Opener("readiness", ("i",), "#readiness", "e", ReadinessForm, "topic"),
    Opener("mission", ("i",), "#missions", "e", LineForm, "line"),
    # the full plan has no targets, regulations or members yet: their forms are opened new
    Opener("target", ("i",), "#targets", "n", TargetForm, "text"),
    Opener("section", ("b",), "#sections", "e", SectionForm, "text"),
    Opener("regulation", ("b", "]"), "#regulation-list", "n", RegulationForm, "regulation"),
    Opener("member", ("b", "]", "]"), "#member-list", "n", MemberForm, "role"),
]


async def open_form(pilot, opener: Opener, *, expect: bool = True):
    """The form `opener` opens (None with expect=False: only the keys are pressed)."""
    app = pilot.app
    await pilot.press("0", *opener.screen)
    await pilot.pause()
    if opener.part:
        app.screen.query_one(opener.part).focus()
    if opener.name == "milestone":  # the first milestone of the pillar's first programme
        from smartcity_tui.ui.widgets.timeline_chart import TimelineChart

        chart = app.screen.query_one(TimelineChart)
        first = app.store.plan().milestones_of(app.store.plan().programmes_for("economy")[0].id)[0]
        chart.select(first.id)
        chart.focus()
    await pilot.pause()
    await pilot.press(opener.key)
    await pilot.pause()
    form = app.screen
    if not expect:
        return None
    assert isinstance(form, opener.form), f"{opener.name}: {opener.key} opened {type(form).__name__}"
    return form


def append(form, field_id: str, text: str) -> Input | TextArea:
    """Type `text` at the end of a field (the officer adds to what is there)."""
    field = form.query_one(f"#{field_id}")
    field.focus()
    if isinstance(field, TextArea):
        field.load_text(field.text + text)
    else:
        field.value = field.value + text
    return field


def typed(form, field_id: str) -> str:
    """What a field of the form holds now."""
    field = form.query_one(f"#{field_id}")
    return field.text if isinstance(field, TextArea) else field.value


def saved_text(store, opener: Opener) -> str:
    """The saved values of the field `opener` types in, wherever it lives in the plan."""
    plan = store.plan()
    if opener.name == "team name":
        return store.team
    if opener.name == "plan facts":
        return plan.info.vision
    if opener.name == "mission":
        return " | ".join(plan.info.missions)
    if opener.name == "section":
        return " | ".join(s.text for s in narrative.slots(plan))
    if opener.name == "regulation":
        return " | ".join(r.text for r in narrative.regulations(plan))
    if opener.name == "member":
        return " | ".join(m.role for m in narrative.members(plan))
    if opener.name == "target":
        return " | ".join(x.text for x in plan.targets)
    records = {
        "swot": plan.swot_for("governance", "S"), "strategy": plan.strategies_for("governance"),
        "programme": plan.programmes_for("governance"), "milestone": plan.milestones,
        "readiness": plan.readiness,
    }[opener.name]
    return " | ".join(str(getattr(r, opener.field)) for r in records)
