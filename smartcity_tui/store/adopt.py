"""Adopting a plan: the first import into a plan file that is still empty.

`smartcity-tui new` gives every new plan its own plan id, and a merge refuses bundles of
another plan id (two different plans must never blend). A secretariat that starts an empty
file and then receives its first group's bundle adopts that bundle's plan: the file takes the
bundle's plan id, the bundle's records come in, and the empty file's own plan record (the
facts typed at `new`) is deleted, a tombstone in the same durable write. From then on the
file is one more copy of that plan and merges its bundles like any other.
"""

from __future__ import annotations

from typing import Iterable

from ..model.revision import DELETED, RecordState, merge_states


class NotEmpty(ValueError):
    pass


def adopt_plan(store, plan_id: str, incoming: Iterable[RecordState]) -> None:
    """Make `store` (empty but for its plan record) a copy of plan `plan_id`, whose records
    (its plan record among them) are `incoming`. One durable write, backup taken first."""
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
    saved = {k: store._meta.get(k) for k in ("plan_id", "counter")}
    counter = store._meta.get("counter", 0) + 1
    dot = (store.replica_id, counter)
    own = store._states.get(own_id)
    if own is not None and not own.deleted:
        stone = own.copy()
        stone.write(DELETED, stone.tombstone_value(dot), dot)
        merged[own_id] = stone
    store._meta["plan_id"] = plan_id
    store._meta["counter"] = counter
    try:
        store._commit(merged)
    except BaseException:
        store._meta.update(saved)
        raise
    store._plan = None
