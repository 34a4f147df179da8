"""The programmes view of a pillar screen: the ProgrammeView table (it never writes) with the
ProgrammeForm behind enter / n, and the writes they ask for, posted from here to the app, so
undo and the save state stay in one place. A form's programme, its indicators and the ones
it removed are saved as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Programme
from ...store import PlanStore
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from .programme_table import ProgrammeView

if TYPE_CHECKING:  # the form module is imported when a form first opens
    from ..screens.programme_form_values import ProgrammeFormResult


class ProgrammesPane(Container):
    def __init__(self, pillar_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar_key = pillar_key
        self.edits = RecordEdits(self)

    def compose(self) -> ComposeResult:
        yield ProgrammeView(self.pillar_key, id="programmes-table")

    def show(self, plan: Plan) -> None:
        view = self.query_one(ProgrammeView)
        view.show(plan)
        added = self.edits.take_selection()
        if added is not None:
            view.select(added)  # a programme just added: the cursor goes to it

    @property
    def focus_target(self) -> Widget:
        """Where the focus goes when the view opens: the table."""
        return self.query_one(ProgrammeView).table

    def on_programme_view_edit_requested(self, message: ProgrammeView.EditRequested) -> None:
        from ..screens.programme_form import ProgrammeForm

        message.stop()
        plan = app_of(self).plan
        programme = plan.get(message.programme_id) if message.programme_id else None
        if message.programme_id and not isinstance(programme, Programme):
            return
        prog = programme if isinstance(programme, Programme) else None
        indicators = plan.indicators_of(prog.id) if prog else []
        self.edits.open(ProgrammeForm(plan, self.pillar_key, prog, indicators), self._save)

    def _save(self, result: ProgrammeFormResult) -> PlanWrite[None]:
        """The form's programme, its indicators and the ones it removed, as one write and
        one undo step (the form closes once it is on disk)."""
        programme = result.programme
        is_new = app_of(self).open_store.get(programme.id) is None
        label = t("ui.programme.did_add" if is_new else "ui.programme.did_edit", name=programme.name)

        def write(store: PlanStore) -> None:
            with store.undo_step(label):
                store.save(programme, label=label)
                for indicator in result.indicators:
                    store.save(indicator.replace(programme_id=programme.id), label=label)
                for removed in result.removed_indicator_ids:
                    if store.get(removed) is not None:
                        store.delete(removed, label=label)

        def written(_none: None) -> None:
            # an edited programme keeps its row across the redraw; a new one is selected
            if is_new:
                self.edits.select(programme)

        return PlanWrite(write, then=written)

    def on_programme_view_delete_requested(self, message: ProgrammeView.DeleteRequested) -> None:
        message.stop()
        programme = app_of(self).open_store.get(message.programme_id)
        if isinstance(programme, Programme):
            self.edits.delete(programme.id, t("ui.programme.did_delete", name=programme.name))
