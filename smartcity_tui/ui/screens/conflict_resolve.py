"""The writes that settle a conflict. Each is an ordinary store write (a new dot that covers
every value kept), so it merges correctly with the other teams' next drafts, and each is one
undo step with a label the officer can read after ctrl+z.

"Mine" is the value this plan file's own replica wrote; when this file wrote none of them (the
secretariat merging the groups' drafts), it is the value the plan shows now.
"""

from __future__ import annotations

from typing import Any

from ...bundle.merge_conflicts import Conflict, FieldConflict, Written
from ...i18n import t
from ...model.deletes import programme_deletes
from ...model.records import RECORD_TYPES, new_id, record_type
from ...model.revision import DELETED, covers, meaning
from ...store import PlanStore
from ...store.teams import known_teams
from ..widgets.conflict_values import field_label


def ours(w: Written, replica_id: str, team: str = "") -> bool:
    """Written on this laptop: in this session, or in an earlier one under the same team (each
    session writes as a new replica, so the secretariat's own earlier decision would otherwise
    count as another team's, QA round #5)."""
    return w.replica == replica_id or bool(team and w.team == team)


def mine_of(fc: FieldConflict, replica_id: str, team: str = "") -> Written:
    own = [w for w in fc.values if ours(w, replica_id, team)]
    if own:
        return own[-1]
    shown = [w for w in fc.values if w.shown]
    return shown[0] if shown else fc.values[-1]


def others_of(fc: FieldConflict, mine: Written) -> list[Written]:
    return [w for w in fc.values if w is not mine]


def combined(fc: FieldConflict) -> dict[str, Any] | None:
    """A table of values by year (an indicator's targets) that the teams filled in different
    years of, or alike: every year any of them filled, each with its one value, so that no
    team's year is lost by choosing another team's table. None when two teams wrote different
    values for one year (a real disagreement: choose, or type the table)."""
    tables = [w.value for w in fc.values]
    if len(tables) < 2 or not all(isinstance(v, dict) and v and all(str(k).isdigit() for k in v) for v in tables):
        return None
    out: dict[str, Any] = {}
    for table in tables:
        for year, value in table.items():
            if str(year) in out and out[str(year)] != value:
                return None
            out[str(year)] = value
    return dict(sorted(out.items()))


def settle(store: PlanStore, record_id: str, field: str, value: Any) -> None:
    """Make `value` the one value of the field. For the delete flag: restore or delete."""
    if field == DELETED:
        if isinstance(value, dict):  # a tombstone
            delete(store, record_id)
        else:
            keep(store, record_id)
        return
    with store.undo_step(t("exchange.conflict.did_resolve", field=field_label(field))):
        store.resolve(record_id, field, value)


def keep(store: PlanStore, record_id: str, *, bring_back: bool = False) -> None:
    """Delete versus edit: keep the record, with the edit made meanwhile. For an indicator or
    milestone of a deleted programme (`bring_back`), that brings the programme back, and the
    children its delete took: a record is never kept without its programme."""
    with store.undo_step(t("exchange.conflict.did_bring_back" if bring_back else "exchange.conflict.did_keep")):
        store.restore(record_id)


def delete(store: PlanStore, record_id: str, *, let_go: bool = False) -> None:
    """Delete versus edit: delete it after all (the edit made meanwhile goes with it). For an
    indicator or milestone of a deleted programme (`let_go`): it goes the way its programme went."""
    with store.undo_step(t("exchange.conflict.did_let_go" if let_go else "exchange.conflict.did_delete")):
        store.settle_delete(record_id)


def with_authors(c: Conflict, before: Conflict | None, replica_id: str,
                 programme_before: Conflict | None = None) -> Conflict:
    """`c` with each value named by the team that first wrote it, when `c` is a conflict this
    session decided (`before`, as it was shown then) and then reopened with ctrl+z. The undo
    writes every value back under this laptop's replica (new dots, so the reopened conflict
    merges right everywhere), which would show each value as the secretariat's own.
    Likewise a child left by this session's d on its programme (`programme_before`, that
    conflict as shown): the decision's tombstone hides the first deletes where no child of
    the programme still carries them (model/deletes.py), so name those."""
    if (programme_before is not None and c.parent_deleted and programme_before.deleted_by
            and c.deleted_by and all(w.replica == replica_id for w in c.deleted_by)):
        c.deleted_by = list(programme_before.deleted_by)
    if before is None:
        return c

    def named(now: list[FieldConflict], then: list[FieldConflict]) -> None:
        for fc in now:
            old = next((f.values for f in then if f.field == fc.field), [])
            rename(fc.field, fc.values, old)

    def rename(field: str, values: list[Written], old: list[Written]) -> None:
        for w in values:
            if w.replica != replica_id:
                continue
            first = next((o for o in old if meaning(field, o.value) == meaning(field, w.value)), None)
            if first is not None:
                w.replica, w.team, w.counter = first.replica, first.team, first.counter

    named(c.fields, before.fields)
    named(c.edited_meanwhile, before.edited_meanwhile)
    rename(DELETED, c.deleted_by, before.deleted_by)
    return c


def child_writers(store: PlanStore, c: Conflict) -> list[str]:
    """The teams that added or edited an indicator or milestone without having seen its
    programme's delete: their writes are what no delete of the programme covers."""
    child, parent = store.state(c.id), store.state(c.parent_id)
    if child is None or parent is None:
        return []
    # the first deletes, not the officer's d that covered them (and maybe this child too)
    stones = programme_deletes(parent, store.state, store.children_of) + child.tombstones()
    teams = known_teams(store)
    out: list[str] = []
    for name, sibs in sorted(child.fields.items()):
        for s in sibs:
            if name != DELETED and not any(covers(st.value, s.dot) for st in stones):
                who = teams.get(s.dot[0], "") or s.dot[0]
                if who not in out:
                    out.append(who)
    return out


def keep_both(store: PlanStore, record_id: str, field: str, kept: Any, other: Any) -> str:
    """The record keeps `kept`; a new record (new id), the same in every other field, holds
    `other`. A programme's copy gets copies of its indicators and milestones too: two
    versions of a programme are each a whole programme, targets and timeline included. One
    undo step for all the writes. Returns the new record's id."""
    state = store.state(record_id)
    if state is None:
        raise KeyError(record_id)
    fields = state.values()
    fields.pop(DELETED, None)
    fields[field] = other
    copy = record_type(state.kind).from_fields(new_id(), fields)
    plan = store.plan()
    children = [*plan.indicators_of(record_id), *plan.milestones_of(record_id)] if state.kind == "programme" else []
    with store.undo_step(t("exchange.conflict.did_both")):
        store.resolve(record_id, field, kept)
        store.add(copy)
        store.add_many([c.replace(id=new_id(), programme_id=copy.id) for c in children])
    return copy.id


# Fields that hold an amount, a year, a flag or a table of numbers: two values of one are
# settled by picking one or typing another (e), never by a second record. Keeping both of a
# budget cell copied the whole programme, so each of its amounts counted twice (QA round 2, #6).
_NUMBERS = frozenset({"int", "float | None", "bool", "dict[int, int]", "dict[int, float]", "list[int]"})


def can_keep_both(kind: str, field: str) -> bool:
    # the plan's own facts exist once; a delete flag has no "two records" to become
    if kind == "plan" or field == DELETED:
        return False
    cls = RECORD_TYPES.get(kind)
    type_name = (cls.field_types().get(field) or cls.dynamic_field_type(field)) if cls is not None else None
    return type_name not in _NUMBERS
