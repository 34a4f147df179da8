"""The programmes view of a pillar screen: the ProgrammeView table (it never writes) with the
ProgrammeForm behind enter / n, and the writes they ask for done here, through the app, so
undo and the save state stay in one place. A form's programme, its indicators and the ones
it removed are saved as one undo step."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Programme
from .programme_table import ProgrammeView


class ProgrammesPane(Container):
    def __init__(self, pillar_key: str, **kw) -> None:
        super().__init__(**kw)
        self.pillar_key = pillar_key

    def compose(self) -> ComposeResult:
        yield ProgrammeView(self.pillar_key, id="programmes-table")

    def show(self, plan: Plan) -> None:
        self.query_one(ProgrammeView).show(plan)

    def focus_view(self) -> None:
        self.query_one(ProgrammeView).table.focus()

    def on_programme_view_edit_requested(self, message: ProgrammeView.EditRequested) -> None:
        from ..screens.programme_form import ProgrammeForm

        message.stop()
        plan = self.app.store.plan()
        programme = plan.get(message.programme_id) if message.programme_id else None
        if message.programme_id and not isinstance(programme, Programme):
            return
        indicators = plan.indicators_of(programme.id) if programme else []
        self.app.push_screen(ProgrammeForm(plan, self.pillar_key, programme, indicators), self._apply)

    def _apply(self, result) -> None:
        if result is None:
            return
        programme = result.programme
        is_new = self.app.store.get(programme.id) is None
        label = t("ui.programme.did_add" if is_new else "ui.programme.did_edit", name=programme.name)

        def write(store) -> None:
            with store.undo_step(label):
                store.save(programme, label=label)
                for indicator in result.indicators:
                    store.save(indicator.replace(programme_id=programme.id), label=label)
                for removed in result.removed_indicator_ids:
                    if store.get(removed) is not None:
                        store.delete(removed, label=label)

        self.app.edit(write)

    def on_programme_view_delete_requested(self, message: ProgrammeView.DeleteRequested) -> None:
        message.stop()
        programme = self.app.store.get(message.programme_id)
        if not isinstance(programme, Programme):
            return
        label = t("ui.programme.did_delete", name=programme.name)
        self.app.edit(lambda s: s.delete(programme.id, label=label))
        if not self.app.save_failed:
            self.app.notify(t("ui.deleted_undo_hint"), timeout=4)
