"""Merging whole plan files, for git: `smartcity-tui merge-driver BASE OURS THEIRS`.

A region that keeps its plan file in git gets this merge instead of git's line merge. The
record states carry their own history (version vectors and dots), so OURS and THEIRS merge
exactly as bundles do; BASE, the common ancestor, is needed for one thing only:

One person with two branches in one clone edits both under the same replica id (the file
sits at the same path on the same machine), so both branches hand out the same dots for
different writes, and a plain merge would take one for the other and lose it. When OURS and
THEIRS carry the same replica id and both wrote under it since BASE, THEIRS' writes since
BASE are renamed to a fresh replica id first: the same writes, now told apart.

The merged plan replaces OURS atomically. OURS keeps its identity (replica id, counter,
home, team); BASE and THEIRS are only read: no lock, no backup, nothing written beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import t
from ..model.revision import DELETED, RecordState, Sibling, merge_states
from ..store.errors import PlanUnreadable
from ..store.loading import META, RECORDS, load_plan_data, new_replica_id
from ..store.storage import DurableJSONStorage
from ..store.teams import TEAMS


class PlanFileError(ValueError):
    """Two plan files the driver must not merge; the message says why."""


@dataclass
class PlanFile:
    path: Path
    meta_id: str
    meta: dict[str, Any]
    docs: dict[str, dict[str, Any]]  # doc id -> stored record
    states: dict[str, RecordState]  # record id -> state
    doc_of: dict[str, str]  # record id -> doc id

    @property
    def replica(self) -> str:
        return str(self.meta.get("replica", {}).get("id", ""))

    @property
    def team(self) -> str:
        return str(self.meta.get("team", ""))

    def knows(self, replica: str) -> int:
        """The highest counter of `replica` this file has seen."""
        seen = max((s.vv.get(replica, 0) for s in self.states.values()), default=0)
        if self.replica == replica:
            seen = max(seen, int(self.meta.get("counter", 0)))
        return seen


def read_plan_file(path: Path) -> PlanFile:
    """Read (and migrate in memory) a plan file; a StoreError naming it when bad."""
    data = load_plan_data(path)
    meta_id, meta = next(iter(data[META].items()))
    docs = data.get(RECORDS, {})
    states: dict[str, RecordState] = {}
    doc_of: dict[str, str] = {}
    for doc_id, doc in docs.items():
        try:
            state = RecordState.from_dict(doc)
        except ValueError as e:
            raise PlanUnreadable(path, f"record {doc_id}: {e}") from None
        states[state.id] = state
        doc_of[state.id] = str(doc_id)
    return PlanFile(path, str(meta_id), meta, docs, states, doc_of)


def _rename_dots(states: dict[str, RecordState], replica: str, above: int, fresh: str
                 ) -> dict[str, RecordState]:
    """The same states with `replica`'s writes numbered above `above` moved to `fresh`."""

    def vv(v: dict[str, int]) -> dict[str, int]:
        c = v.get(replica, 0)
        if c <= above:
            return v
        out = {**v, replica: above, fresh: max(c, v.get(fresh, 0))}
        if above == 0:
            del out[replica]
        return dict(sorted(out.items()))

    def sib(s: Sibling, name: str) -> Sibling:
        dot = (fresh, s.dot[1]) if s.dot[0] == replica and s.dot[1] > above else s.dot
        value = vv(s.value) if name == DELETED and isinstance(s.value, dict) else s.value
        return Sibling(dot, value)

    out = {}
    for rid, st in states.items():
        fields = {n: sorted((sib(s, n) for s in sibs), key=Sibling.sort_key)
                  for n, sibs in st.fields.items()}
        out[rid] = RecordState(st.id, st.kind, vv(st.vv), fields)
    return out


def merge_plan_files(base_path: Path | None, ours_path: Path, theirs_path: Path) -> int:
    """Merge THEIRS into OURS (BASE only to tell apart one replica's writes on two
    branches). Writes OURS atomically when it changes; returns the number of records left
    in conflict."""
    ours = read_plan_file(ours_path)
    theirs = read_plan_file(theirs_path)
    base = read_plan_file(base_path) if base_path is not None else None
    if ours.meta.get("plan_id") != theirs.meta.get("plan_id"):
        raise PlanFileError(t("driver.other_plan", ours=ours_path, theirs=theirs_path))
    incoming = theirs.states
    teams = dict(ours.meta.get(TEAMS) or {})
    teams.update({r: t for r, t in (theirs.meta.get(TEAMS) or {}).items() if r not in teams})
    r = ours.replica
    if r and r == theirs.replica:
        shared = base.knows(r) if base is not None else 0
        if ours.knows(r) > shared and theirs.knows(r) > shared:
            fresh = new_replica_id()
            incoming = _rename_dots(incoming, r, shared, fresh)
            if theirs.team:
                teams[fresh] = theirs.team
    elif theirs.replica and theirs.team:
        teams.setdefault(theirs.replica, theirs.team)

    docs = dict(ours.docs)
    changed = False
    next_doc = max((int(k) for k in docs if str(k).isdigit()), default=0) + 1
    merged_states = dict(ours.states)
    for rid in sorted(incoming):
        inc = incoming[rid]
        cur = ours.states.get(rid)
        new = inc if cur is None else merge_states(cur, inc)
        if cur is not None and new == cur:
            continue
        merged_states[rid] = new
        changed = True
        if cur is None:
            docs[str(next_doc)] = new.to_dict()
            next_doc += 1
        else:
            docs[ours.doc_of[rid]] = new.to_dict()
    meta = dict(ours.meta)
    if r:
        # never hand out a dot this replica already used (THEIRS may hold later ones of ours)
        seen = max((s.vv.get(r, 0) for s in merged_states.values()), default=0)
        meta["counter"] = max(int(meta.get("counter", 0)), seen)
    teams.pop(r, None)
    if teams:
        meta[TEAMS] = dict(sorted(teams.items()))
    if changed or meta != ours.meta:
        data = {META: {ours.meta_id: meta}, RECORDS: docs}
        DurableJSONStorage(ours_path, data).flush()
    return sum(1 for s in merged_states.values() if s.has_conflict())

