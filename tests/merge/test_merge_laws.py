"""The merge laws of DESIGN.md, property-tested over random edit histories on three
replicas: merge is commutative, associative and idempotent, and nothing anyone wrote is ever
lost (every write no later write had seen is in the merged plan, shown or as a conflict).

The bulk runs on the in-memory model in sim.py; test_merge_laws_files.py drives real plan
files."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tiers import examples

from sim import TOMB, Replica, maximal_writes
from smartcity_tui.bundle.merge import canonical, merge_sets
from smartcity_tui.bundle.merge_erased import erased
from smartcity_tui.model.revision import DELETED, covers, meaning, merge_states

FIELDS = ("name", "lead_agency", "budget")
VALUES = st.one_of(st.none(), st.sampled_from(["Bappeda", "Diskominfo", "Dinkes", ""]),
                   st.integers(min_value=0, max_value=3))

op = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 2)),
    st.tuples(st.just("set"), st.integers(0, 2), st.integers(0, 9), st.sampled_from(FIELDS), VALUES),
    st.tuples(st.just("set2"), st.integers(0, 2), st.integers(0, 9), VALUES, VALUES),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("restore"), st.integers(0, 2), st.integers(0, 9)),
    st.tuples(st.just("undo"), st.integers(0, 2)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)
histories = st.lists(op, min_size=1, max_size=40)


def play(history) -> list[Replica]:
    reps = [Replica(r) for r in ("rep-a", "rep-b", "rep-c")]
    # a shared start, as when the secretariat hands out copies of one plan
    for n in (1, 2):
        reps[0].write(f"rec-{n:02d}", "programme", {"name": f"Program {n}", "lead_agency": "Bappeda"})
    reps[1].receive(reps[0])
    reps[2].receive(reps[0])
    for step in history:
        kind, who = step[0], reps[step[1]]
        known = sorted(who.states)
        if kind == "add":
            n += 1
            who.write(f"rec-{n:02d}", "programme", {"name": f"Program {n}", "lead_agency": "Bappeda"})
        elif kind == "sync":
            who.receive(reps[step[2]])
        elif kind == "undo":
            who.undo()
        elif known:
            rid = known[step[2] % len(known)]
            if kind == "set":
                who.write(rid, "programme", {step[3]: step[4]})
            elif kind == "set2":
                who.write(rid, "programme", {"name": step[3], "budget": step[4]})
            elif kind == "delete":
                who.write(rid, "programme", {DELETED: TOMB})
            elif kind == "restore":
                who.write(rid, "programme", {DELETED: False})
    return reps


def c(*sets):
    return canonical(merge_sets(*sets))


LAWS = settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LAWS
@given(histories)
def test_merge_is_commutative_associative_and_idempotent(history):
    a, b, cc = (r.states.values() for r in play(history))
    a, b, cc = list(a), list(b), list(cc)
    assert c(a, b) == c(b, a)
    assert c(a, merge_sets(b, cc).values()) == c(merge_sets(a, b).values(), cc)
    assert c(a, a) == canonical(a)
    ab = merge_sets(a, b).values()
    assert c(ab, b) == c(ab) == c(a, b, b, a)


@LAWS
@given(histories)
def test_nothing_any_replica_wrote_is_lost(history):
    reps = play(history)
    merged = merge_sets(*(r.states.values() for r in reps))
    log = [w for r in reps for w in r.log]
    survivors = maximal_writes(log)
    for (rid, name), writes in survivors.items():
        kept = {s.dot: s.value for s in merged[rid].fields[name]}
        assert kept == writes, f"{rid}.{name}: merged keeps {kept}, history says {writes}"
        shown = merged[rid].fields[name][-1]
        assert shown.dot in writes
    # each replica's own last write to a field is shown, kept as a conflict, or was
    # overwritten by someone who had seen it
    for r in reps:
        last = {}
        for w in r.log:
            last[(w.record, w.field)] = w
        for (rid, name), w in last.items():
            in_merge = any(s.dot == w.dot for s in merged[rid].fields[name])
            seen_later = any(o.record == rid and o.field == name and o.dot != w.dot
                             and covers(o.context, w.dot) for o in log)
            assert in_merge or seen_later


@LAWS
@given(histories)
def test_a_delete_never_hides_an_edit_its_deleter_had_not_seen(history):
    reps = play(history)
    merged = merge_sets(*(r.states.values() for r in reps))
    survivors = maximal_writes([w for r in reps for w in r.log])
    for rid, state in merged.items():
        stones = [v for d, v in survivors.get((rid, DELETED), {}).items() if isinstance(v, dict)]
        # an edit no surviving delete had seen (one delete that saw it is a knowing delete)
        unseen_edit = stones and any(not any(covers(t, dot) for t in stones)
                                     for (r2, name), writes in survivors.items()
                                     if r2 == rid and name != DELETED for dot in writes)
        if unseen_edit:
            assert not state.deleted and state.has_conflict()
        if state.deleted:
            assert stones and not unseen_edit


@LAWS
@given(histories)
def test_a_field_is_in_conflict_exactly_when_its_surviving_values_disagree(history):
    """Agreement is not a conflict: two groups writing the same value, or two deletes, are
    settled silently; any two different surviving values are listed."""
    reps = play(history)
    merged = merge_sets(*(r.states.values() for r in reps))
    for (rid, name), writes in maximal_writes([w for r in reps for w in r.log]).items():
        meanings: list = []
        for v in writes.values():
            if meaning(name, v) not in meanings:
                meanings.append(meaning(name, v))
        assert (name in merged[rid].field_conflicts()) == (len(meanings) > 1), (rid, name, writes)


@LAWS
@given(histories)
def test_no_real_history_makes_a_merge_erase_a_field(history):
    """What bundle/merge_erased.py refuses (a copy that has seen a value yet holds no value of
    that field) never comes out of real writes and exchanges: merging any two replicas keeps
    a value of every field either holds, so honest bundles are never refused for it."""
    reps = play(history)
    for x in reps:
        for y in reps:
            for rid, mine in x.states.items():
                other = y.states.get(rid)
                if other is not None:
                    assert erased(other, merge_states(other, mine)) is None, (x.rid, y.rid, rid)
