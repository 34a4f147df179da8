"""The programme form: every field of one programme and its indicators, in one modal.

It builds a ProgrammeFormResult and writes nothing itself: the view that opened it turns that
into one write (programmes_pane.py), so undo and the save state stay in one place. It checks
before saving and says next to each field what to type; it closes once the write is on disk,
and stays open with what was typed when the write fails (form.py, SavingForm).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Input, Select, Static, TextArea
from textual.widgets.selection_list import Selection

from ...i18n import get_language, t
from ...model.codes import code_list
from ...model.format import parse_rupiah, rupiah
from ...model.plan import Plan
from ...model.records import Indicator, Programme
from ...model.vocab import FUNDING_SOURCES, HORIZONS, INNOVATION_KINDS, PRIORITIES, STATUSES, Vocabulary
from ...store import StoreError
from ..widgets.code_field import CodeField
from ..widgets.ticks import Checkbox, SelectionList
from .code_picker import CodePicker
from .dimension_fields import dimension_select, element_options, outside
from .form import SavingForm
from .programme_form_budget import BudgetLine
from .programme_form_errors import FormMessages, assess
from .programme_form_fields import FieldRow, IndicatorEditor, StakeholderRow, compact
from .programme_form_pickers import mission_picker, strategy_picker, target_picker
from .programme_form_values import (
    IndicatorDraft,
    ProgrammeDraft,
    ProgrammeFormResult,
    StakeholderDraft,
    draft_of,
    show_amount,
)

__all__ = ["ProgrammeForm", "ProgrammeFormResult"]

YEAR = r"[0-9]{0,4}"


def _text(value: str, widget_id: str, **kw: Any) -> Input:
    # Text is edited, not retyped: a first key press must not wipe a programme's name.
    # Number fields keep Textual's select-on-focus, where typing over is what one wants.
    return compact(Input, value, id=widget_id, select_on_focus=False, **kw)


def _options(vocab: Vocabulary) -> list[tuple[str, str]]:
    return [(c.label(get_language()), c.key) for c in vocab]


class ProgrammeForm(SavingForm[ProgrammeFormResult]):
    # its rules: programme_form.tcss, loaded with the app's (ui/styles.py)

    BINDINGS = [
        Binding("ctrl+s", "save", "prog.key.save", id="programme_form.save", priority=True),
        Binding("f2", "save", "prog.key.save", id="programme_form.save_f2", priority=True, show=False),
        Binding("escape", "cancel", "prog.key.cancel", id="programme_form.cancel"),
    ]

    def __init__(self, plan: Plan, pillar: str, programme: Programme | None,
                 indicators: list[Indicator]) -> None:
        super().__init__()
        self.plan = plan
        self.pillar = programme.pillar if programme and programme.pillar else pillar
        self.programme = programme
        self.indicators = list(indicators)
        self.draft = draft_of(programme, self.indicators)
        self.new_ids: dict[str, str] = {}  # new records' ids, the same at every save (build)
        self.messages = FormMessages(self)
        self._asked: set[str] = set()  # budget and target cells outside the programme's years already asked about
        plan_years = list(plan.info.years)
        self.years = plan.info.years
        # Years already filled outside the plan period stay visible, so nothing is dropped unseen.
        self.budget_years = sorted(set(plan_years).union(*self.draft.budget.values()))
        self.target_years = sorted(set(plan_years).union(*(i.targets for i in self.draft.indicators)))
        self.AUTO_FOCUS = "#name" if programme else "#code"  # type: ignore[misc]  # (Textual reads it per screen)

    # --- building the form -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        d = self.draft
        pil = self.plan.framework.shown(self.pillar)
        with Vertical(id="dialog") as dialog:
            dialog.border_title = t("prog.form.title_edit" if self.programme else "prog.form.title_new",
                                    pillar=pil.label(get_language()))
            dialog.border_subtitle = t("prog.form.hint")
            # Not focusable itself: focus goes from field to field and the body scrolls to it.
            # (A focusable body also took the first focus and restyled the whole form twice.)
            with VerticalScroll(id="form-body", can_focus=False):
                yield Static(t("prog.form.section.identity"), classes="section")
                yield FieldRow(t("prog.form.code"), _text(d.code, "code"), key="code")
                yield FieldRow(t("codepick.label"), CodeField(d.nomenclature_code, code_list(self.plan)),
                               key="nomenclature_code")
                yield FieldRow(t("prog.form.name"), _text(d.name, "name"), key="name")
                yield FieldRow(t("prog.form.description"),
                               compact(TextArea, d.description, id="description"), key="description")

                yield Static(t("prog.form.section.links"), classes="section")
                if outside(self.plan.framework, self.pillar):
                    yield FieldRow(t("frame.form.dimension"), dimension_select(
                        self.plan.framework, self.pillar, get_language()), key="dimension")
                    yield Static(t("frame.form.outside_hint"), classes="field-note")
                # an element the framework lacks stays chosen, shown as unknown (dimension_fields.py)
                pil = self.plan.framework.shown(d.pillar or self.pillar)
                yield FieldRow(t("prog.form.element"), compact(
                    Select, element_options(pil, d.element, get_language()), id="element",
                    prompt=t("prog.form.none"), value=d.element or Select.NULL), key="element")
                yield FieldRow(t("prog.form.subtopic"), _text(d.subtopic, "subtopic"),
                               key="subtopic")
                strategies = strategy_picker(self.plan, self.pillar, self.draft.strategy_ids)
                yield FieldRow(t("prog.form.strategies"), *strategies, key="strategies")
                missions = mission_picker(self.plan, self.draft.mission_numbers)
                yield FieldRow(t("prog.form.missions"), *missions, key="missions")
                yield FieldRow(t("prog.form.targets"), *target_picker(self.plan, self.draft.target_ids), key="targets")

                yield Static(t("prog.form.section.actors"), classes="section")
                yield FieldRow(t("prog.form.lead_agency"), _text(d.lead_agency, "lead_agency"),
                               key="lead_agency")
                yield FieldRow(t("prog.form.supporting"), _text(
                    d.supporting, "supporting", placeholder=t("prog.form.supporting_hint")),
                    key="supporting")
                yield FieldRow(t("prog.form.stakeholders"), Vertical(
                    *(StakeholderRow(s) for s in d.stakeholders),
                    compact(Button, t("prog.form.add_stakeholder"), id="add-stakeholder", classes="add-row"),
                    id="stakeholders"), key="stakeholders")
                yield FieldRow(t("prog.form.reference"), _text(d.reference, "reference"),
                               key="reference")
                yield FieldRow(t("prog.form.innovation"), compact(
                    Select, _options(INNOVATION_KINDS), id="innovation", prompt=t("prog.form.none"),
                    value=d.innovation if d.innovation in INNOVATION_KINDS else Select.NULL), key="innovation")
                yield FieldRow(t("prog.form.location"), _text(
                    d.location, "location", placeholder=t("prog.form.location_hint")), key="location")
                yield FieldRow(t("prog.form.beneficiaries"), _text(
                    d.beneficiaries, "beneficiaries", placeholder=t("prog.form.beneficiaries_hint")),
                    key="beneficiaries")
                yield FieldRow(t("prog.form.regulation_needs"), _text(
                    d.regulation_needs, "regulation_needs", placeholder=t("prog.form.regulation_hint")),
                    key="regulation_needs")

                yield Static(t("prog.form.section.schedule"), classes="section")
                yield FieldRow(t("prog.form.horizon"), self._choice("horizon", HORIZONS, d.horizon), key="horizon")
                yield FieldRow(t("prog.form.start_year"), compact(
                    Input, d.start_year, id="start_year", restrict=YEAR, max_length=4,
                    placeholder=self._year_hint(self.years.start)), key="start_year")
                yield FieldRow(t("prog.form.end_year"), compact(
                    Input, d.end_year, id="end_year", restrict=YEAR, max_length=4,
                    placeholder=self._year_hint(self.years.stop - 1)), key="end_year")
                yield FieldRow(t("prog.form.quick_win"), compact(
                    Checkbox, t("prog.form.quick_win_box"), d.quick_win, id="quick_win"), key="quick_win")
                yield FieldRow(t("prog.form.priority"), self._choice("priority", PRIORITIES, d.priority),
                               key="priority")

                yield Static(t("prog.form.section.funding"), classes="section")
                yield FieldRow(t("prog.form.funding"), compact(
                    SelectionList, *(Selection(c.label(get_language()), c.key, c.key in d.funding_sources)
                                     for c in FUNDING_SOURCES),
                    id="funding"), key="funding")
                yield Static(t("prog.form.budget_hint"), classes="field-note", id="budget-hint")
                yield Vertical(*(BudgetLine(s, self.budget_years, d.budget.get(s, {})) for s in d.budget_sources()),
                               id="budget-lines")
                yield Static(self._total_text(), id="budget-total")

                yield Static(t("prog.form.section.status"), classes="section")
                yield FieldRow(t("prog.form.status"), self._choice("status", STATUSES, d.status), key="status")
                yield FieldRow(t("prog.form.progress"), compact(
                    Input, d.progress, id="progress", restrict=r"[0-9]{0,3}", placeholder="0"),
                    key="progress")

                yield Static(t("prog.form.section.indicators"), classes="section")
                yield Vertical(*(IndicatorEditor(i, self.target_years) for i in d.indicators), id="indicators")
                yield compact(Button, t("prog.form.add_indicator"), id="add-indicator", classes="add-row")
            yield Static(id="form-errors")

    def _year_hint(self, year: int) -> str:
        return t("prog.form.year_hint", year=year) if self.years else ""

    def _choice(self, widget_id: str, vocab: Vocabulary, value: str) -> Select[str]:
        return compact(Select, _options(vocab), id=widget_id, allow_blank=False,
                      value=value if value in vocab else vocab.keys[0])

    # --- reading it back -------------------------------------------------------------------

    def gather(self) -> ProgrammeDraft:
        """What the form holds now, as typed."""
        q = self.query_one

        def choice(widget_id: str) -> str:
            value = q(f"#{widget_id}", Select).value
            return "" if value is Select.NULL else str(value)

        # One walk over the form for its rows and lists: a CSS query walks (and matches) the
        # whole form each time, and six of them made this ~90 ms, which the form now pays on
        # every key while a message is shown (_recheck). Lookups by id are indexed already.
        rows: list[StakeholderRow] = []
        lines: list[BudgetLine] = []
        editors: list[IndicatorEditor] = []
        lists: dict[str, SelectionList[Any]] = {}
        for w in self.walk_children():
            if isinstance(w, StakeholderRow):
                rows.append(w)
            elif isinstance(w, BudgetLine):
                lines.append(w)
            elif isinstance(w, IndicatorEditor):
                editors.append(w)
            elif isinstance(w, SelectionList) and w.id:
                lists[w.id] = w
        strategies, missions, targets = ([lists[k]] if k in lists else []
                                         for k in ("strategies", "missions", "targets"))
        return ProgrammeDraft(
            code=q("#code", Input).value, nomenclature_code=q("#nomenclature_code", Input).value,
            name=q("#name", Input).value,
            description=q("#description", TextArea).text, element=choice("element"),
            pillar=choice("dimension") if self.query("#dimension") else self.draft.pillar,
            subtopic=q("#subtopic", Input).value,
            strategy_ids=[str(v) for sl in strategies for v in sl.selected],
            lead_agency=q("#lead_agency", Input).value, supporting=q("#supporting", Input).value,
            stakeholders=[r.draft() for r in rows],
            reference=q("#reference", Input).value, innovation=choice("innovation"),
            horizon=choice("horizon"), start_year=q("#start_year", Input).value,
            end_year=q("#end_year", Input).value, quick_win=q("#quick_win", Checkbox).value,
            priority=choice("priority"),
            funding_sources=[str(v) for v in lists["funding"].selected],
            budget={line.source: line.amounts() for line in lines},
            status=choice("status"), progress=q("#progress", Input).value,
            indicators=[e.draft() for e in editors],
            location=q("#location", Input).value, beneficiaries=q("#beneficiaries", Input).value,
            regulation_needs=q("#regulation_needs", Input).value,
            mission_numbers=sorted(int(v) for sl in missions for v in sl.selected),
            target_ids=[str(v) for sl in targets for v in sl.selected],
        )

    def _total_text(self, budget: dict[str, dict[int, str]] | None = None) -> str:
        total = 0
        for amounts in (budget if budget is not None else self.draft.budget).values():
            for text in amounts.values():
                try:
                    total += parse_rupiah(text) if text.strip() else 0
                except ValueError:
                    continue  # its own field says what is wrong
        return t("prog.form.budget_total", total=rupiah(total))

    # --- saving ----------------------------------------------------------------------------

    async def action_save(self) -> None:
        found = assess(self, self.new_ids)
        # Money or a target for a year the programme does not run is asked about once, as
        # the milestone form asks about such a year: a programme's years are often fixed after
        # its budget and targets, so a second save keeps it. Never dropped: what was typed is kept.
        asked: dict[str, str] = {}
        if found.result is not None and not found.general and not set(found.outside) <= self._asked:
            asked = found.outside
        self._asked.update(found.outside)
        await self.messages.show(found.errs, found.general, asked)
        if found.result is not None and not found.general and not asked:
            self.submit(found.result)

    def snapshot(self) -> object:
        return self.gather()

    def say_not_saved(self, error: StoreError | None) -> None:
        summary = self.query_one("#form-errors", Static)
        if error is None:
            if summary.has_class("-saving-error"):
                summary.update("")
                summary.remove_class("-shown", "-saving-error")
            return
        summary.update(f"{error.message()} {t('ui.form.kept')}")
        summary.add_class("-shown", "-saving-error")

    async def _recheck(self) -> None:
        """A message goes as soon as what it says is put right (see programme_form_errors)."""
        if not self.messages.shown():
            return  # nothing said: typing costs nothing more
        found = assess(self, dict(self.new_ids))
        await self.messages.recheck(found.errs, None if found.result is None else found.outside)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    async def _field_changed(self) -> None:
        await self._recheck()

    # --- rows and live feedback ------------------------------------------------------------

    @on(CodeField.PickRequested)
    def _pick_code(self) -> None:
        """ctrl+o in the code field: the region's list, searched; without one, how to get it."""
        if not len(code_list(self.plan)):
            self.notify(t("codepick.no_list"), timeout=8)
            return
        field = self.query_one(CodeField)

        def chosen(code: str | None) -> None:
            if code:
                field.set_code(code)
            field.input.focus()

        self.app.push_screen(CodePicker(self.plan, field.input.value), chosen)

    @on(Button.Pressed, "#add-indicator")
    async def _add_indicator(self) -> None:
        editor = IndicatorEditor(IndicatorDraft(key=IndicatorEditor.new_key()), self.target_years)
        await self.query_one("#indicators", Vertical).mount(editor)
        editor.query_one(".ind-name", Input).focus()
        editor.scroll_visible(animate=False)

    @on(Button.Pressed, "#add-stakeholder")
    async def _add_stakeholder(self) -> None:
        row = StakeholderRow(StakeholderDraft())
        await self.query_one("#stakeholders", Vertical).mount(row, before=self.query_one("#add-stakeholder"))
        row.query_one(Input).focus()

    @on(Button.Pressed, ".remove-row")
    async def _remove_row(self, event: Button.Pressed) -> None:
        row = next(a for a in event.button.ancestors if isinstance(a, (IndicatorEditor, StakeholderRow)))
        fallback = "#add-indicator" if isinstance(row, IndicatorEditor) else "#add-stakeholder"
        self.query_one(fallback, Button).focus()
        await row.remove()
        await self._recheck()  # a removed row takes its message with it; the summary counts again

    @on(Select.Changed, "#dimension")
    def _moved(self, event: Select.Changed) -> None:
        """A programme outside the framework moved to a dimension: the elements listed are
        that dimension's (the one it had stays listed, as unknown there, until another is chosen)."""
        element = self.query_one("#element", Select)
        current = "" if element.value is Select.NULL else str(element.value)
        pil = self.plan.framework.shown(str(event.value))
        element.set_options(element_options(pil, current, get_language()))
        element.value = current or Select.NULL

    @on(Input.Changed, ".budget")
    def _budget_changed(self) -> None:
        budget = {line.source: line.amounts() for line in self.query(BudgetLine)}
        self.query_one("#budget-total", Static).update(self._total_text(budget))

    @on(SelectionList.SelectedChanged, "#funding")
    async def _sources_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """A ticked source gets its line of amounts; an unticked one loses it when empty."""
        ticked = [str(v) for v in event.selection_list.selected]
        holder = self.query_one("#budget-lines", Vertical)
        lines = {line.source: line for line in self.query(BudgetLine)}
        for source, line in lines.items():
            if source not in ticked and line.holds_nothing():
                await line.remove()
        draft = ProgrammeDraft(funding_sources=ticked,
                               budget={s: line.amounts() for s, line in lines.items() if not line.holds_nothing()})
        wanted = draft.budget_sources()
        for i, source in enumerate(wanted):
            if source in lines and lines[source].is_attached:
                continue
            line = BudgetLine(source, self.budget_years, {})
            after = next((self.query_one(f"#budget-line-{s}") for s in reversed(wanted[:i])
                          if self.query(f"#budget-line-{s}")), None)
            if after is None:
                await holder.mount(line, before=0 if holder.children else None)
            else:
                await holder.mount(line, after=after)

    @on(Input.Blurred, ".budget")
    def _budget_blurred(self, event: Input.Blurred) -> None:
        # Show what was typed as "1250000000" the way the table will: 1.250.000.000.
        try:
            event.input.value = show_amount(parse_rupiah(event.value)) if event.value.strip() else ""
        except ValueError:
            pass
