"""The merge laws again, through real plan files and real bundles: three copies of a plan
(PlanStore files in a temp folder) edited at random (add, edit, delete, restore, undo),
exchanging drafts by `apply` with bundles written by export_bundle and read by read_bundle,
or by store.merge_in. Fewer examples than the in-memory test; this one keeps it honest."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tiers import examples

from smartcity_tui.bundle.merge import apply, canonical, merge_sets
from smartcity_tui.bundle.reader import read_bundle
from smartcity_tui.bundle.writer import ExportOptions, export_bundle
from smartcity_tui.model.records import PlanInfo, Programme, SwotItem
from smartcity_tui.model.revision import covers
from smartcity_tui.store import PlanStore

TEXTS = st.sampled_from(["Bappeda", "Diskominfo", "Dinkes", ""])
op = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 2)),
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 9), TEXTS),
    st.tuples(st.just("edit_other"), st.integers(0, 2), st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("restore"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("undo"), st.integers(0, 2)),
    st.tuples(st.just("bundle"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("states"), st.integers(0, 2), st.integers(0, 2)),
    # a person settles a conflict (and may undo it: the conflict comes back)
    st.tuples(st.just("decide"), st.integers(0, 2), st.integers(0, 9), st.integers(0, 3)),
)


def _copies(folder: Path) -> list[PlanStore]:
    base = folder / "base.json"
    with PlanStore.create(base, PlanInfo(region="Contoh", start_year=2025, end_year=2029),
                          team="Sekretariat", durable=False) as store:
        for n in (1, 2):
            store.add(Programme(code=f"3.00{n}", name=f"Program {n}", pillar="economy"))
    out = []
    for g in "ABC":
        shutil.copyfile(base, folder / f"{g}.json")
        s = PlanStore.open(folder / f"{g}.json", durable=False)
        s.set_team(f"Pokja {g}")
        out.append(s)
    return out


def _live_ids(store: PlanStore) -> list[str]:
    return sorted(r.id for r in store.plan().records.values() if r.KIND in ("programme", "swot"))


def _decide(store: PlanStore, pick: int, choice: int) -> None:
    """Settle one open conflict as the conflicts screen would: a field by one of its values,
    a delete versus edit by restoring or deleting, an orphan likewise."""
    open_ = store.conflicts()
    if not open_:
        return
    state = open_[pick % len(open_)]
    fields = sorted(n for n in state.field_conflicts() if n != "_deleted")
    if fields:
        sibs = state.fields[fields[0]]
        store.resolve(state.id, fields[0], sibs[choice % len(sibs)].value)
    elif choice % 2:
        store.restore(state.id)
    else:
        store.settle_delete(state.id)


def play(history, folder: Path) -> list[PlanStore]:
    reps = _copies(folder)
    drive = folder / "flashdisk"
    drive.mkdir()
    for step in history:
        who = reps[step[1]]
        live = _live_ids(who)
        kind = step[0]
        if kind == "add":
            who.add(SwotItem(pillar="economy", quadrant="S", text="butir baru"))
        elif kind == "undo":
            who.undo()
        elif kind in ("bundle", "states"):
            other = reps[step[2]]
            if kind == "states":
                who.merge_in(other.states())
            else:
                exported = export_bundle(other, ExportOptions(drive))
                apply(who, [read_bundle(exported.path)])
        elif kind == "decide":
            _decide(who, step[2], step[3])
        elif kind == "restore":
            gone = sorted(s.id for s in who.states() if s.deleted)
            if gone:
                who.restore(gone[step[2] % len(gone)])
        elif live:
            rid = live[step[2] % len(live)]
            is_prog = who.get(rid).KIND == "programme"
            if kind == "edit":
                who.update(rid, **({"lead_agency": step[3]} if is_prog else {"text": step[3] or "x"}))
            elif kind == "edit_other":
                who.update(rid, **({"progress": step[3] * 10} if is_prog else {"source_agency": str(step[3])}))
            elif kind == "delete":
                who.delete(rid)
    return reps


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=25))
def test_plan_files_merge_by_the_laws_and_lose_nothing(history):
    with tempfile.TemporaryDirectory() as tmp:
        reps = play(history, Path(tmp))
        try:
            a, b, c = (r.states() for r in reps)
            m = merge_sets(a, b, c)
            assert canonical(merge_sets(a, b)) == canonical(merge_sets(b, a))
            assert canonical(merge_sets(a, merge_sets(b, c).values())) == canonical(merge_sets(merge_sets(a, b).values(), c))
            assert canonical(merge_sets(a, a)) == canonical(a)
            # nothing lost: every value a copy holds is in the merge, or another copy saw it
            # and wrote over it
            for states in (a, b, c):
                for s in states:
                    for name, sibs in s.fields.items():
                        merged = {x.dot for x in m[s.id].fields.get(name, [])}
                        for sib in sibs:
                            overwritten = any(
                                o.id == s.id and covers(o.vv, sib.dot)
                                and sib.dot not in {x.dot for x in o.fields.get(name, [])}
                                for other in (a, b, c) for o in other)
                            assert sib.dot in merged or overwritten
            # and the files agree: each copy merging the other two ends with the same plan
            for i, r in enumerate(reps):
                r.merge_in([s for j, o in enumerate(reps) if j != i for s in o.states()])
            final = [canonical(r.states()) for r in reps]
            assert final[0] == final[1] == final[2] == canonical(m)
        finally:
            for r in reps:
                r.close()
