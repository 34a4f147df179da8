"""The conflicts screen (key k): the open merge conflicts, one record at a time ("2 dari 5").

For a record two teams edited at once it shows each conflicting field with every value kept
and the team that wrote it; the officer keeps our value (k), takes theirs (t), keeps both as
two records (b), types a new one (e) or puts the cursor on a value and presses enter; the
cursor starts on the value the plan shows, so enter alone keeps what is shown. A table by year
that the teams filled in different years of (an indicator's targets) can be combined. For a record
one team deleted while another edited it: keep it (k) or delete it (d). For an indicator or
milestone added or edited while another team deleted its programme: bring the programme back
(k: with this record and the children its delete took) or let the record go (d).

Every choice is an ordinary write (conflict_resolve.py) posted to the app as a PlanWrite,
one undo step each. The list is read again from the store after every write, so a settled
record leaves it and the next one takes its place; a conflict that comes back (ctrl+z on a
decision) is shown at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...bundle.merge_conflicts import Conflict, FieldConflict, Written, list_conflicts, say_dependents, title_of
from ...i18n import t
from ...model.plan import Plan
from ...model.records import record_type
from ...model.revision import DELETED
from ...store import PlanStore
from .. import keys
from ..app import app_of
from ..plan_writes import PlanWrite
from ..record_edits import RecordEdits
from ..widgets.conflict_values import CHOICE_FIELDS, field_label, value_line, value_text
from ..widgets.top_bar import TopBar
from . import conflict_resolve as resolve
from . import conflict_text
from .base import PlanScreen, footer, plan_title
from .conflict_edit import ConflictEditForm, editable


@dataclass
class Row:
    """What one line of the value list stands for."""

    field: str = ""
    written: Written | None = None
    choice: str = ""  # "keep" or "delete" for a delete decision; "combine" for a table by year
    value: Any = None  # what "combine" writes


class ConflictsScreen(PlanScreen):
    BINDINGS = keys.prefixed("conflicts.")
    # its rules: conflicts.tcss, loaded with the app's (ui/styles.py)

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: list[Conflict] = []
        self.index = 0
        self.current_id = ""
        self.rows: list[Row] = []
        self.plan_name = ""
        self.known_ids: set[str] | None = None  # the conflicts listed at the last draw
        self.edits = RecordEdits(self)

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with Vertical(id="conflict-box"):
            yield Static(id="conflict-record")
            with Horizontal(id="conflict-body"):
                yield OptionList(id="conflict-values")
                yield Static(id="conflict-context")
        yield footer()

    def on_mount(self) -> None:
        self.query_one("#conflict-values", OptionList).focus()
        self.sync()

    # --- what is on show ---------------------------------------------------------------------

    @property
    def conflict(self) -> Conflict | None:
        return self.conflicts[self.index] if self.conflicts else None

    def show_plan(self, plan: Plan) -> None:
        self.plan_name = plan_title(plan)
        store = app_of(self).open_store
        settled = app_of(self).settled_conflicts
        self.conflicts = [resolve.with_authors(c, settled.get(c.id), store.replica_id, settled.get(c.parent_id))
                          for c in list_conflicts(store)]
        ids = [c.id for c in self.conflicts]
        back = [i for i in ids if self.known_ids is not None and i not in self.known_ids]
        self.known_ids = set(ids)
        if back:  # a decision undone (ctrl+z): its conflict is open again, show it
            self.current_id = back[0]
        if self.current_id in ids:
            self.index = ids.index(self.current_id)
        self.index = max(0, min(self.index, len(self.conflicts) - 1))
        self._show()

    def _title_of(self, record_id: str) -> str:
        state = app_of(self).open_store.state(record_id)
        return title_of(state) if state is not None else record_id[:8]

    def _show(self) -> None:
        c = self.conflict
        self.current_id = c.id if c else ""
        n = len(self.conflicts)
        where = t("exchange.conflict.where_n", i=self.index + 1, n=n) if n else t("exchange.conflict.where_none")
        self.query_one(TopBar).where = f"{where} · {self.plan_name}"
        head = self.query_one("#conflict-record", Static)
        values = self.query_one("#conflict-values", OptionList)
        if c is None:
            head.border_subtitle = ""
            self.query_one("#conflict-context", Static).update("")
            head.border_title = t("exchange.conflict.title")
            head.update(t("exchange.conflict.none"))
            values.border_title = ""
            values.set_options([])
            values.display = False
            self.rows = []
            self.refresh_bindings()
            return
        values.display = True
        head.border_title = t("exchange.conflict.of", i=self.index + 1, n=n)
        head.border_subtitle = t("exchange.conflict.walk") if n > 1 else ""
        head.update(conflict_text.head(c, app_of(self).plan, app_of(self).open_store, self._title_of))
        self._show_context(c)
        rows, options = self._rows(c)
        self.rows = rows
        values.border_title = t("exchange.conflict.decide" if c.delete_vs_edit else "exchange.conflict.values")
        values.set_options(options)
        values.highlighted = self._start_row(rows)
        self.refresh_bindings()

    @staticmethod
    def _start_row(rows: list[Row]) -> int | None:
        """The value the plan shows now (enter keeps it); for a decision, keeping the record
        (what the plan shows too)."""
        shown = next((i for i, r in enumerate(rows) if r.written is not None and r.written.shown), None)
        if shown is not None:
            return shown
        return next((i for i, r in enumerate(rows) if r.written is not None or r.choice), None)

    def _show_context(self, c: Conflict) -> None:
        """At 120 columns and up: the whole record as it reads now, beside the values."""
        box = self.query_one("#conflict-context", Static)
        box.border_title = t("exchange.conflict.context")
        state = app_of(self).open_store.state(c.id)
        box.update("" if state is None else conflict_text.whole_record(c, state, app_of(self).plan, self._title_of))

    def _rows(self, c: Conflict) -> tuple[list[Row], list[Option]]:
        rows: list[Row] = []
        options: list[Option] = []
        if c.delete_vs_edit:
            kind = t(f"merge.kind.{c.kind}").lower()
            for choice in ("keep", "delete"):
                rows.append(Row(DELETED, choice=choice))
                key = f"exchange.conflict.choice_{choice}" + ("_parent" if c.parent_deleted else "")
                said = t(key, programme=c.parent_title, kind=kind)
                if choice == "delete" and c.dependents:  # what else the delete leaves to decide
                    said = say_dependents("exchange.conflict.choice_delete_dependents", c.dependents)
                options.append(Option(Text(said)))
            return rows, options
        replica = app_of(self).open_store.replica_id
        for fc in c.fields:
            mine = self._mine(fc)
            rows.append(Row(fc.field))
            options.append(Option(Text(t("exchange.conflict.field_n", field=field_label(fc.field),
                                         n=len(fc.values))), disabled=True))
            for w in fc.values:
                rows.append(Row(fc.field, w))
                options.append(Option(self._value_line(fc, w, mine, replica)))
            union = resolve.combined(fc)
            if union is not None:  # each team filled other years: keep every year, lose none
                rows.append(Row(fc.field, choice="combine", value=union))
                options.append(Option(Text(t("exchange.conflict.choice_combine", value=value_text(
                    fc.field, union, c.kind, self._title_of, app_of(self).plan.framework)))))
        return rows, options

    def _mine(self, fc: FieldConflict) -> Written:
        store = app_of(self).open_store
        return resolve.mine_of(fc, store.replica_id, store.team)

    def _value_line(self, fc: FieldConflict, w: Written, mine: Written, replica: str) -> Text:
        kind = self.conflict.kind if self.conflict else ""
        ours = resolve.ours(w, replica, app_of(self).open_store.team)
        return value_line(fc.field, w, w is mine, ours, value_text(
            fc.field, w.value, kind, self._title_of, app_of(self).plan.framework))

    # --- which field the cursor is on ----------------------------------------------------------

    def _row(self) -> Row | None:
        hl = self.query_one("#conflict-values", OptionList).highlighted
        if hl is None or not (0 <= hl < len(self.rows)):
            return self.rows[0] if self.rows else None
        return self.rows[hl]

    def _field(self) -> FieldConflict | None:
        c, row = self.conflict, self._row()
        if c is None or row is None or c.delete_vs_edit:
            return None
        return next((f for f in c.fields if f.field == row.field), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        c = self.conflict
        if action in ("next", "previous"):
            return len(self.conflicts) > 1
        if action == "back":
            return True
        if c is None:
            return False
        fc = self._field()
        deciding = c.delete_vs_edit or (fc is not None and fc.field == DELETED)
        if action == "use":
            return True
        if action in ("delete", "keep_record"):
            return deciding
        if deciding or fc is None:
            return False
        if action == "both":
            return resolve.can_keep_both(c.kind, fc.field)
        return True  # theirs, edit

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()  # keep both / delete depend on the field under the cursor

    # --- settling -------------------------------------------------------------------------------

    def _write(self, write: Callable[[PlanStore], object]) -> None:
        self._remember()
        self.post_message(PlanWrite(write))

    def _remember(self) -> None:
        """The conflict about to be decided, as shown: who wrote each value, for ctrl+z."""
        if self.conflict is not None:
            app_of(self).settled_conflicts[self.conflict.id] = self.conflict

    def action_keep(self) -> None:
        c, fc = self.conflict, self._field()
        if c is None or fc is None or fc.field == DELETED:
            return
        mine = self._mine(fc)
        self._write(lambda s: resolve.settle(s, c.id, fc.field, mine.value))

    def action_keep_record(self) -> None:
        c = self.conflict
        if c is not None:
            self._write(lambda s: resolve.keep(s, c.id, bring_back=c.parent_deleted))

    def action_delete(self) -> None:
        c = self.conflict
        if c is not None:
            self._write(lambda s: resolve.delete(s, c.id, let_go=c.parent_deleted))

    def action_use(self) -> None:
        c, row = self.conflict, self._row()
        if c is None or row is None:
            return
        if row.choice == "keep":
            self.action_keep_record()
        elif row.choice == "delete":
            self.action_delete()
        elif row.choice == "combine":
            self._write(lambda s: resolve.settle(s, c.id, row.field, row.value))
        elif row.written is not None:
            value = row.written.value
            self._write(lambda s: resolve.settle(s, c.id, row.field, value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_use()

    def _choose_other(self, fc: FieldConflict, then: Callable[[Written], object]) -> None:
        """`then(written)` with the other team's value; asks which when there are several."""
        mine = self._mine(fc)
        others = resolve.others_of(fc, mine)
        if len(others) == 1:
            then(others[0])
            return
        from .picker import ChoicePicker

        kind = self.conflict.kind if self.conflict else ""
        framework = app_of(self).plan.framework
        choices = [(str(i), f"{value_text(fc.field, w.value, kind, self._title_of, framework)} ({w.who})")
                   for i, w in enumerate(others)]

        def chosen(key: str | None) -> None:
            if key is not None:
                then(others[int(key)])

        self.app.push_screen(ChoicePicker(t("exchange.conflict.which", field=field_label(fc.field)),
                                          choices), chosen)

    def action_theirs(self) -> None:
        c, fc = self.conflict, self._field()
        if c is None or fc is None or fc.field == DELETED:
            return
        self._choose_other(fc, lambda w: self._write(lambda s: resolve.settle(s, c.id, fc.field, w.value)))

    def action_both(self) -> None:
        c, fc = self.conflict, self._field()
        if c is None or fc is None or not resolve.can_keep_both(c.kind, fc.field):
            return
        mine = self._mine(fc)

        def both(other: Written) -> None:
            self._remember()
            self.post_message(PlanWrite(lambda s: resolve.keep_both(s, c.id, fc.field, mine.value, other.value),
                                        then=lambda _new_id: self.notify(t("exchange.conflict.both_done"), timeout=4)))

        self._choose_other(fc, both)

    def action_edit(self) -> None:
        c, fc, row = self.conflict, self._field(), self._row()
        if c is None or fc is None or fc.field in CHOICE_FIELDS:
            if fc is not None:
                self.notify(t("exchange.conflict.choose_instead"), timeout=5)
            return
        cls = record_type(c.kind)
        type_name = cls.field_types().get(fc.field) or cls.dynamic_field_type(fc.field) or ""
        if not editable(type_name):
            self.notify(t("exchange.conflict.choose_instead"), timeout=5)
            return
        start: Any = (row.written.value if row is not None and row.written is not None
                      else self._mine(fc).value)
        record_id, field = c.id, fc.field

        def settle(value: Any) -> PlanWrite[None]:
            # the form closes once this is written, and stays open with the value if not
            self._remember()
            return PlanWrite(lambda s: resolve.settle(s, record_id, field, value))

        title = t("exchange.conflict.edit_title", title=c.title)
        self.edits.open(ConflictEditForm(title, field_label(field), type_name, start), settle)

    # --- walking --------------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.conflicts:
            self.index = (self.index + 1) % len(self.conflicts)
            self._show()

    def action_previous(self) -> None:
        if self.conflicts:
            self.index = (self.index - 1) % len(self.conflicts)
            self._show()

    def action_back(self) -> None:
        self.app.pop_screen()
