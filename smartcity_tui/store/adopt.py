"""Adopting a plan: the first import into a plan file that is still empty.

`smartcity-tui new` gives every new plan its own plan id, and a merge refuses bundles of
another plan id (two different plans must never blend). A secretariat that starts an empty
file and then receives its first group's bundle adopts that bundle's plan: the file takes the
bundle's plan id, the bundle's records come in, and the empty file's own plan record (the
facts typed at `new`, never merged anywhere under the other plan's id) is removed in the same
durable write: a plan holds exactly one plan record, and bundle readers insist on it. From then on the
file is one more copy of that plan and merges its bundles like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model.revision import RecordState, merge_states

if TYPE_CHECKING:
    from .plan_store import PlanStore


class NotEmpty(ValueError):
    pass


def adopt_plan(store: PlanStore, plan_id: str, incoming: Iterable[RecordState]) -> None:
    """Make `store` (empty but for its plan record) a copy of plan `plan_id`, whose records
    (its plan record among them) are `incoming`. One durable write, backup taken first."""
    fresh_backup = not store._backed_up
    store._ensure_writable()
    own_id = store.plan_id
    if any(rid != own_id for rid in store._states):
        raise NotEmpty(f"plan {store.path} holds records; only an empty plan can adopt another")
    merged: dict[str, RecordState] = {}
    for s in incoming:
        merged[s.id] = merge_states(merged[s.id], s) if s.id in merged else s.copy()
    if plan_id not in merged:
        raise ValueError(f"the records of plan {plan_id} do not include its plan record")
    if plan_id == own_id:
        store.merge_in(merged.values())
        return
    if not fresh_backup:
        store._take_backup()  # as before every merge
    saved = {k: store._meta.get(k) for k in ("plan_id",)}
    store._meta["plan_id"] = plan_id
    try:
        # the empty plan's own record goes, in the same write: a plan holds one plan record
        store._commit(merged, drop=(own_id,))
    except BaseException:
        store._meta.update(saved)
        raise
