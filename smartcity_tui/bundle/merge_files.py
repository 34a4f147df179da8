"""Merging whole plan files, for git: `smartcity-tui merge-driver BASE OURS THEIRS`.

A region that keeps its plan file in git gets this merge instead of git's line merge. The
record states carry their own history (version vectors and dots), so OURS and THEIRS merge
exactly as bundles do; BASE, the common ancestor, is needed for one thing only:

Files written before per-session replica ids (see store/writing.py) may hold one person's
edits on two branches of one clone under the same replica id (the file sat at the same path on
the same machine), so both branches handed out the same dots for different writes, and a
plain merge would take one for the other and lose it. For every replica id both sides wrote
under since BASE, each side's writes since BASE are renamed to a fresh id of its own first:
the same writes, now told apart, and no claim left that would make a later merge of the same
branch drop them. Plan files written by this version never share a replica id.

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
from ..store.teams import TEAMS, merge_team_tables


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


def _shared_replicas(base: PlanFile | None, ours: PlanFile, theirs: PlanFile) -> dict[str, int]:
    """Replica ids both sides wrote under since BASE: {replica: BASE's counter for it}. Only
    files from before per-session replica ids have any (one person, two branches of one
    clone, the same file at the same path): today every writing session takes a fresh id."""
    r = ours.replica
    if base is None or not r or r != theirs.replica:
        # Having seen r's writes is not writing under r: a side that merged the other's
        # writes knows them too. Both files naming r as their own replica is the sign.
        return {}
    shared = base.knows(r)
    return {r: shared} if ours.knows(r) > shared and theirs.knows(r) > shared else {}


def merge_plan_files(base_path: Path | None, ours_path: Path, theirs_path: Path) -> int:
    """Merge THEIRS into OURS (BASE only to tell apart one replica's writes on two
    branches). Writes OURS atomically when it changes; returns the number of records left
    in conflict."""
    ours = read_plan_file(ours_path)
    theirs = read_plan_file(theirs_path)
    base = read_plan_file(base_path) if base_path is not None else None
    if ours.meta.get("plan_id") != theirs.meta.get("plan_id"):
        raise PlanFileError(t("driver.other_plan", ours=ours_path, theirs=theirs_path))
    teams = merge_team_tables(ours.meta.get(TEAMS) or {}, theirs.meta.get(TEAMS) or {})
    own_states, incoming = dict(ours.states), theirs.states
    for r, shared in _shared_replicas(base, ours, theirs).items():
        # The same dots name different writes on the two branches. Each side's writes since
        # BASE move to a fresh id of their own, and neither side claims to have seen r's
        # writes past BASE any more: what one branch wrote under r can then never be taken
        # for something the other branch had seen and overwritten. Renaming both sides (not
        # only THEIRS) matters for the next merge of the same branch, which still holds its
        # own writes under r: they meet no claim here that covers them, so they are kept
        # (as agreement with their renamed copies, or as a conflict), never dropped.
        name = teams.get(r, "")
        for side, team in ((ours, ours.team), (theirs, theirs.team)):
            fresh = new_replica_id()
            states = _rename_dots(own_states if side is ours else incoming, r, shared, fresh)
            if side is ours:
                own_states = states
            else:
                incoming = states
            if team or name:
                teams[fresh] = team or name
    if theirs.replica and theirs.team:
        teams = merge_team_tables(teams, {theirs.replica: theirs.team})

    docs = dict(ours.docs)
    changed = False
    next_doc = max((int(k) for k in docs if str(k).isdigit()), default=0) + 1
    merged_states = dict(own_states)
    for rid in sorted(set(own_states) | set(incoming)):
        cur = own_states.get(rid)
        inc = incoming.get(rid)
        new = cur if inc is None else inc if cur is None else merge_states(cur, inc)
        assert new is not None
        if rid in ours.states and new == ours.states[rid]:
            continue
        merged_states[rid] = new
        changed = True
        if rid in ours.doc_of:
            docs[ours.doc_of[rid]] = new.to_dict()
        else:
            docs[str(next_doc)] = new.to_dict()
            next_doc += 1
    meta = dict(ours.meta)
    r = ours.replica
    if r:
        # never hand out a dot this replica already used (THEIRS may hold later ones of ours)
        seen = max([int(meta.get("counter", 0))]
                   + [sibs_max for s in (*ours.states.values(), *theirs.states.values())
                      if (sibs_max := s.vv.get(r, 0))])
        meta["counter"] = seen
    teams.pop(r, None)
    if teams:
        meta[TEAMS] = dict(sorted(teams.items()))
    if changed or meta != ours.meta:
        data = {META: {ours.meta_id: meta}, RECORDS: docs}
        DurableJSONStorage(ours_path, data).flush()
    return sum(1 for s in merged_states.values() if s.has_conflict())
