"""Which team writes as which replica: so a conflict can say "Pokja Smart Economy wrote
this" rather than show a replica id.

Bundles name their replica and team in the manifest; a merge remembers them in the plan's
meta under "teams" ({replica id: team}). This file's own replica is always its `team`.
Additive to the plan file: older versions of the app ignore the key and keep it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plan_store import PlanStore

TEAMS = "teams"


def known_teams(store: PlanStore) -> dict[str, str]:
    """{replica id: team name} for every replica this plan has heard of."""
    table = store._meta.get(TEAMS)
    out = dict(table) if isinstance(table, dict) else {}
    if store.team:
        out[store.replica_id] = store.team
    return out


def merge_team_tables(*tables: Mapping[str, str]) -> dict[str, str]:
    """One table from many, the same whatever their order. Since a team's new name starts a
    new replica id (PlanStore.set_team), a replica id names one team; only files from before
    that rule can name one replica twice, and then the greater name is kept, so every laptop
    shows the same."""
    out: dict[str, str] = {}
    for table in tables:
        for r, name in table.items():
            if r and name and (r not in out or name > out[r]):
                out[r] = name
    return dict(sorted(out.items()))


def note_teams(store: PlanStore, teams: Mapping[str, str], *, write: bool) -> bool:
    """Remember `teams` in the plan's meta; True when something was new. With write=False
    the table goes to disk with the store's next write (a merge, in the same durable write);
    with write=True it is written now, on its own, when it changed."""
    table = store._meta.get(TEAMS)
    table = dict(table) if isinstance(table, dict) else {}
    merged = merge_team_tables(table, {r: t for r, t in teams.items() if r != store.replica_id})
    if merged == dict(sorted(table.items())):
        return False
    store._ensure_writable()
    # the session's first write may have just taken a fresh replica id (and noted the old
    # one's team): the table is made again, or the old replica's team would be left out
    # in a merge of all bundles at once and kept in a merge of one bundle at a time
    table = store._meta.get(TEAMS)
    table = dict(table) if isinstance(table, dict) else {}
    merged = merge_team_tables(table, {r: t for r, t in teams.items() if r != store.replica_id})
    old = store._meta.get(TEAMS)
    store._meta[TEAMS] = merged
    if write:
        try:
            store._flush_meta()
        except BaseException:
            if old is None:
                store._meta.pop(TEAMS, None)
            else:
                store._meta[TEAMS] = old
            raise
        # a write like any other: the backup prepared before it joins the rotation (it was
        # left as backup-next), and the app's save note follows
        for listener in list(store.listeners):
            listener()
    return True
