"""The document screen (key b): what the masterplan book holds besides the tables. Three parts,
switched with [ and ] (or the tabs): the narrative sections in book order with their word
counts and the empty ones marked, the dasar hukum (regulations) and the members of the Dewan
Smart City, the Tim Pelaksana and the Forum. Enter writes a section in a form (a TextArea,
Markdown for emphasis and lists); n / enter / delete / shift+arrows add, edit, delete and
move a regulation or a member. Every change is a PlanWrite, one undo step each.

The records are the plan's like any other (model/narrative.py): two groups editing the same
section meet as a conflict on its text, settled on the conflicts screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static, TabbedContent

from ...i18n import get_language, t
from ...model import narrative
from ...model.plan import Plan
from ...model.records import InstitutionMember, Regulation
from ...model.vocab import INSTITUTION_BODIES
from ...store import PlanStore
from .. import keys
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from ..widgets.book_lists import EntryList, MemberList, RegulationList, SectionList
from ..widgets.top_bar import TopBar
from ..widgets.view_pane import ViewPane
from .base import PlanScreen, footer, plan_title
from .book_forms import MemberForm, RegulationForm, SectionForm

VIEWS = ("narrative", "regulations", "members")
# The preview under the section list shows this much of the text; the form shows it all.
PREVIEW_CHARS = 2000


def body_label(body: str) -> str:
    return INSTITUTION_BODIES.label(body, get_language())


class DocumentScreen(PlanScreen):
    # its rules: document.tcss, loaded with the app's (ui/styles.py)
    HELP_KEY = "book.help"  # said under the keys on the help screen (F1)
    BINDINGS = keys.prefixed("document.")
    AUTO_FOCUS = "SectionList"

    def __init__(self) -> None:
        super().__init__()
        self.edits = RecordEdits(self)
        self._first_view = "narrative"

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with TabbedContent(initial=self._first_view, id="book-views"):
            with ViewPane(t("book.tab.narrative"), id="narrative"):
                yield SectionList(id="sections")
                yield Static(id="section-preview")
            with ViewPane(t("book.tab.regulations"), id="regulations"):
                yield RegulationList(id="regulation-list")
            with ViewPane(t("book.tab.members"), id="members"):
                yield MemberList(id="member-list")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#section-preview", Static).border_title = t("book.preview_title")

    @property
    def view(self) -> str:
        return self.query_one(TabbedContent).active or "narrative"

    def show_plan(self, plan: Plan) -> None:
        self.query_one(TopBar).where = t("book.where", plan=plan_title(plan))
        slots = narrative.slots(plan)
        self.query_one(SectionList).show(slots, conflicts=plan.conflict_ids)
        self._show_preview()
        selected = self.edits.take_selection()
        regulations = narrative.regulations(plan)
        members = narrative.members(plan)
        self.query_one(RegulationList).show(regulations, select=selected)
        self.query_one(MemberList).show(members, select=selected)
        tabs = self.query_one(TabbedContent)
        empty = sum(1 for s in slots if s.empty)
        tabs.get_tab("narrative").label = t("book.tab.narrative_empty", n=empty) if empty else t("book.tab.narrative")
        tabs.get_tab("regulations").label = f"{t('book.tab.regulations')} ({len(regulations)})"
        tabs.get_tab("members").label = f"{t('book.tab.members')} ({len(members)})"

    def _show_preview(self) -> None:
        slot = self.query_one(SectionList).current
        preview = self.query_one("#section-preview", Static)
        if slot is None:
            preview.update("")
        elif slot.empty:
            preview.update(Text(t("book.preview_empty"), style="dim italic"))
        else:
            text = slot.text.strip()
            preview.update(Text(text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "sections":
            self._show_preview()

    # --- the narrative ---------------------------------------------------------------------

    def write_section(self, slot: narrative.SectionSlot) -> None:
        def save(text: str) -> PlanWrite[Any] | None:
            plan = app_of(self).plan
            now = narrative.slot(plan, slot.section, slot.pillar)
            if now.record_id not in plan.records and not text.strip():
                return None  # nothing written in a section that was never started: no empty record
            label = t("book.did_write", title=slot.title(get_language()))
            return PlanWrite.save(narrative.edited(plan, slot.section, text, slot.pillar), label)

        # the form stays open until the write is on disk (SavingForm)
        self.edits.open(SectionForm(slot), save)

    # --- regulations and members -------------------------------------------------------------

    def new_entry(self, entries: EntryList) -> None:
        plan = app_of(self).plan
        if isinstance(entries, RegulationList):
            fresh = Regulation(order=narrative.next_order(narrative.regulations(plan)))
            self.edits.add(RegulationForm(fresh, is_new=True), t("book.did_add_regulation"))
        elif isinstance(entries, MemberList):
            member = InstitutionMember(body=entries.current_body)
            self.edits.open(MemberForm(member, is_new=True), self._add_member)

    def _add_member(self, member: InstitutionMember) -> PlanWrite[Any]:
        # last in the body chosen in the form (which may not be the one it was opened on)
        plan = app_of(self).plan
        member = member.replace(order=narrative.next_order(narrative.members(plan, member.body)))
        label = t("book.did_add_member", body=body_label(member.body))
        return PlanWrite.add(member, label, then=self.edits.select)

    def edit_entry(self, entries: EntryList, record_id: str) -> None:
        record = app_of(self).plan.get(record_id)
        if isinstance(record, Regulation):
            self.edits.edit(RegulationForm(record, is_new=False), t("book.did_edit_regulation"))
        elif isinstance(record, InstitutionMember):
            old = record

            def save(member: InstitutionMember) -> PlanWrite[Any]:
                if member.body != old.body:  # moved to another body: last there
                    others = narrative.members(app_of(self).plan, member.body)
                    member = member.replace(order=narrative.next_order(others))
                self.edits.select(member)
                return PlanWrite.save(member, t("book.did_edit_member", body=body_label(member.body)))

            self.edits.open(MemberForm(record, is_new=False), save)

    def delete_entry(self, entries: EntryList, record_id: str) -> None:
        record = app_of(self).plan.get(record_id)
        if isinstance(record, Regulation):
            self.edits.delete(record_id, t("book.did_delete_regulation"))
        elif isinstance(record, InstitutionMember):
            self.edits.delete(record_id, t("book.did_delete_member", body=body_label(record.body)))

    def move_entry(self, entries: EntryList, record_id: str, step: int) -> None:
        """Up or down one place among its siblings (the regulations, or its body's members).
        The list is numbered afresh and only the orders that change are written: two records
        when the orders were 1, 2, 3 ..., one undo step however many."""
        plan = app_of(self).plan
        record = plan.get(record_id)
        siblings: list[Regulation | InstitutionMember]
        if isinstance(record, Regulation):
            siblings, label = list(narrative.regulations(plan)), t("book.did_move_regulation")
        elif isinstance(record, InstitutionMember):
            siblings = list(narrative.members(plan, record.body))
            label = t("book.did_move_member", body=body_label(record.body))
        else:
            return
        i = next(k for k, r in enumerate(siblings) if r.id == record_id)
        j = i + step
        if not 0 <= j < len(siblings):
            return
        siblings[i], siblings[j] = siblings[j], siblings[i]
        changes = [(r.id, k) for k, r in enumerate(siblings, 1) if r.order != k]
        self.edits.select_after = record_id
        self.post_message(PlanWrite(renumber(changes, label)))

    # --- keys ------------------------------------------------------------------------------

    def action_next_view(self, step: int) -> None:
        i = VIEWS.index(self.view) if self.view in VIEWS else 0
        self.show_view(VIEWS[(i + step) % len(VIEWS)])

    def show_view(self, view: str) -> None:
        self.query_one(TabbedContent).active = view
        self._focus_view(view)

    def _focus_view(self, view: str) -> None:
        target = {"narrative": "#sections", "regulations": "#regulation-list", "members": "#member-list"}[view]
        # at once, as the pillar screen does (pillar.py, _focus_view): a list of the view left
        # behind, still focused when its Hide arrives, would hand the focus to a sibling there
        self.set_focus(self.query_one(target))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in VIEWS and not isinstance(self.focused, (SectionList, EntryList)):
            self._focus_view(event.pane.id)

    def action_back(self) -> None:
        app_of(self).action_open_dashboard()

    async def relanguage(self) -> None:
        """The same part and cursor, in the language just chosen (F4)."""
        view = self.view
        lists = [self.query_one(SectionList), self.query_one(RegulationList), self.query_one(MemberList)]
        cursors = [ol.highlighted for ol in lists]
        self._first_view = view
        await self.rebuild()
        self._first_view = "narrative"
        self.sync()  # the lists are drawn before their cursors are put back
        for ol, cursor in zip([self.query_one(SectionList), self.query_one(RegulationList),
                               self.query_one(MemberList)], cursors, strict=True):
            if cursor is not None and cursor < ol.option_count:
                ol.highlighted = cursor
        self._show_preview()
        self._focus_view(view)


def renumber(changes: list[tuple[str, int]], label: str) -> Callable[[PlanStore], None]:
    def write(store: PlanStore) -> None:
        with store.undo_step(label):
            for record_id, order in changes:
                store.update(record_id, label=label, order=order)

    return write
