"""Merge laws over random write histories on three laptops, and the conflicts a secretariat
must see: concurrent values kept side by side, delete versus edit, resolution by a new write."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tiers import examples

from smartcity_tui.model.revision import DELETED, RecordState, Sibling, covers, merge_states, vv_merge

RID = "rec-1"
REPLICAS = ("aaaa", "bbbb", "cccc")
FIELDS = ("name", "budget", DELETED)


@dataclass
class Write:
    field: str
    dot: tuple[str, int]
    value: object
    context: dict[str, int]  # what the writer had seen: every value it replaced


@dataclass
class Laptop:
    replica: str
    state: RecordState
    counter: int = 0
    writes: list[Write] = field(default_factory=list)

    def write(self, name: str, value: object) -> Write:
        self.counter += 1
        dot = (self.replica, self.counter)
        if name == DELETED and value is None:  # a delete: the tombstone holds what was seen
            value = self.state.tombstone_value(dot)
        w = Write(name, dot, value, dict(self.state.vv))
        self.state.write(name, value, dot)
        return w


def _key(s: RecordState) -> dict:
    return s.to_dict()


# An operation: ("w", laptop, field, value) or ("x", from laptop, to laptop) for a copy.
ops = st.lists(
    st.one_of(
        st.tuples(st.just("w"), st.integers(0, 2), st.sampled_from(FIELDS), st.integers(0, 9)),
        st.tuples(st.just("x"), st.integers(0, 2), st.integers(0, 2)),
    ),
    max_size=40,
)


def _run(history) -> tuple[list[Laptop], list[Write]]:
    laptops = [Laptop(r, RecordState(RID, "programme")) for r in REPLICAS]
    writes: list[Write] = []
    for op in history:
        if op[0] == "w":
            _, i, name, value = op
            if name == DELETED:  # a delete, or a restore (undo of a delete)
                writes.append(laptops[i].write(name, None if value % 2 else False))
            else:
                writes.append(laptops[i].write(name, f"v{value}"))
        else:
            _, src, dst = op
            laptops[dst].state = merge_states(laptops[dst].state, laptops[src].state)
    return laptops, writes


@settings(max_examples=examples(300), deadline=None)
@given(ops)
def test_merge_laws_and_nothing_lost(history):
    laptops, writes = _run(history)
    a, b, c = (lp.state for lp in laptops)
    assert _key(merge_states(a, b)) == _key(merge_states(b, a))
    assert _key(merge_states(a, merge_states(b, c))) == _key(merge_states(merge_states(a, b), c))
    for s in (a, b, c):
        assert _key(merge_states(s, s)) == _key(s)
    everything = merge_states(merge_states(a, b), c)
    assert _key(merge_states(everything, a)) == _key(everything)  # merging a bundle twice changes nothing
    # Every value written survives unless a later write that had seen it replaced it.
    for name in FIELDS:
        expected = {
            (w.dot, repr(w.value)) for w in writes if w.field == name
            and not any(o.field == name and o is not w and covers(o.context, w.dot) for o in writes)
        }
        got = {(s.dot, repr(s.value)) for s in everything.fields.get(name, [])}
        assert got == expected
    # All three laptops, once they have exchanged everything, show the same values.
    shown = {n: everything.value(n) for n in FIELDS}
    for s in (a, b, c):
        full = merge_states(s, everything)
        assert {n: full.value(n) for n in FIELDS} == shown


def _two_laptops_after_copy():
    a = Laptop("aaaa", RecordState(RID, "programme"))
    a.write("name", "Wifi Desa")
    a.write("budget", 100)
    b = Laptop("bbbb", a.state.copy())
    return a, b


def test_concurrent_edits_of_one_field_keep_both_values_and_show_one():
    a, b = _two_laptops_after_copy()
    a.write("name", "Wifi Desa Bersahabat")
    b.write("name", "Wifi Publik")
    m1, m2 = merge_states(a.state, b.state), merge_states(b.state, a.state)
    assert sorted(s.value for s in m1.fields["name"]) == ["Wifi Desa Bersahabat", "Wifi Publik"]
    assert m1.has_conflict() and list(m1.field_conflicts()) == ["name"]
    assert m1.value("name") == m2.value("name")  # the same choice on every laptop


def test_edits_of_different_fields_merge_without_conflict():
    a, b = _two_laptops_after_copy()
    a.write("name", "Wifi Desa Bersahabat")
    b.write("budget", 250)
    m = merge_states(a.state, b.state)
    assert not m.has_conflict()
    assert (m.value("name"), m.value("budget")) == ("Wifi Desa Bersahabat", 250)


def test_newer_value_wins_silently_when_it_saw_the_older():
    a, b = _two_laptops_after_copy()
    a.write("name", "Nama lama")
    b.state = merge_states(b.state, a.state)
    b.write("name", "Nama baru")
    m = merge_states(a.state, b.state)
    assert not m.has_conflict() and m.value("name") == "Nama baru"


def test_delete_versus_concurrent_edit_is_a_conflict_and_the_record_stays_visible():
    a, b = _two_laptops_after_copy()
    a.write(DELETED, None)
    b.write("budget", 300)
    assert a.state.deleted
    m = merge_states(a.state, b.state)
    assert m.delete_conflict() and m.has_conflict()
    assert not m.deleted
    assert m.value("budget") == 300


def test_delete_after_seeing_the_edit_is_silent():
    a, b = _two_laptops_after_copy()
    b.write("budget", 300)
    a.state = merge_states(a.state, b.state)
    a.write(DELETED, None)
    m = merge_states(b.state, a.state)
    assert m.deleted and not m.has_conflict()


def test_a_local_write_after_merge_resolves_the_conflict_everywhere():
    a, b = _two_laptops_after_copy()
    a.write("name", "Versi A")
    b.write("name", "Versi B")
    a.state = merge_states(a.state, b.state)
    assert len(a.state.fields["name"]) == 2
    a.write("name", "Versi gabungan")
    assert a.state.fields["name"] == [Sibling(("aaaa", 4), "Versi gabungan")]
    for other in (b.state, merge_states(b.state, a.state)):
        m = merge_states(other, a.state)
        assert not m.has_conflict() and m.value("name") == "Versi gabungan"


def test_restore_after_delete_versus_edit_settles_it():
    a, b = _two_laptops_after_copy()
    a.write(DELETED, None)
    b.write("budget", 300)
    a.state = merge_states(a.state, b.state)
    a.write(DELETED, False)
    assert not a.state.has_conflict() and not a.state.deleted


def test_wire_form_round_trip_and_rejects_a_dot_beyond_the_vector():
    a, b = _two_laptops_after_copy()
    a.write("name", "A")
    b.write("name", "B")
    m = merge_states(a.state, b.state)
    assert _key(RecordState.from_dict(m.to_dict())) == _key(m)
    bad = m.to_dict()
    bad["f"]["name"][0]["d"] = ["zzzz", 9]
    try:
        RecordState.from_dict(bad)
    except ValueError as e:
        assert "does not cover" in str(e)
    else:
        raise AssertionError("a dot beyond the version vector was accepted")


def test_vv_merge_takes_the_maximum_per_replica():
    assert vv_merge({"a": 3, "b": 1}, {"b": 4, "c": 2}) == {"a": 3, "b": 4, "c": 2}


def _wire(**fields):
    return {"id": RID, "kind": "programme", "vv": {"aaaa": 5, "bbbb": 2}, "f": fields}


@pytest.mark.parametrize("sibs, reason", [
    ([{"d": ["aaaa", True], "v": "x"}], "malformed dot"),  # a bool is no counter
    ([{"d": ["aaaa", "3"], "v": "x"}], "malformed dot"),
    ([{"d": ["aaaa", 0], "v": "x"}], "malformed dot"),
    ([{"d": ["aaaa", 1, 2], "v": "x"}], "malformed dot"),
    ([{"d": [7, 1], "v": "x"}], "malformed dot"),
    (["aaaa"], "malformed dot"),
    ([], "has no values"),
    ([{"d": ["aaaa", 3], "v": "x"}, {"d": ["aaaa", 3], "v": "y"}], "repeats a dot"),
    ([{"d": ["bbbb", 3], "v": "x"}], "does not cover"),
])
def test_a_malformed_value_in_a_plan_file_is_refused_with_its_field_named(sibs, reason):
    with pytest.raises(ValueError) as e:
        RecordState.from_dict(_wire(name=sibs))
    assert reason in str(e.value) and "'name'" in str(e.value)


def test_reading_sorts_concurrent_values_so_every_laptop_shows_the_same_one():
    raw = _wire(name=[{"d": ["aaaa", 5], "v": "Versi A"}, {"d": ["bbbb", 2], "v": "Versi B"}],
                budget=[{"d": ["aaaa", 1], "v": 300}])
    shuffled = _wire(name=list(reversed(raw["f"]["name"])), budget=raw["f"]["budget"])
    a, b = RecordState.from_dict(raw), RecordState.from_dict(shuffled)
    assert a == b and a.value("name") == "Versi A" and a.has_conflict()
    assert [s.dot for s in a.fields["name"]] == [("bbbb", 2), ("aaaa", 5)]
    assert RecordState.from_dict(a.to_dict()) == a
