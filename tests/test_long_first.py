"""The long tests start first, one a worker (tests/long_first.py), checked against xdist's own
scheduler: if a new xdist hands out the tests another way, this fails rather than the run
quietly ending later again."""

from __future__ import annotations

import pytest
from long_first import long_first, shares
from xdist.scheduler.worksteal import WorkStealingScheduling


class _Worker:
    shutting_down = False

    def __init__(self, name: str) -> None:
        self.gateway = type("Gateway", (), {"id": name})()  # (xdist names workers by it)
        self.given: list[int] = []

    def send_runtest_some(self, indices: list[int]) -> None:
        self.given.extend(indices)

    def shutdown(self) -> None:  # (a worker given one test is told it gets no more)
        pass


def first_handed_out(collection: list[str], workers: int) -> list[list[str]]:
    """What xdist's worksteal scheduler gives each worker at the start of a run."""
    scheduler = WorkStealingScheduling.__new__(WorkStealingScheduling)
    # (its __init__ reads the worker count from pytest's options; these are what it sets)
    scheduler.numnodes = workers
    scheduler.node2collection, scheduler.node2pending, scheduler.pending = {}, {}, []
    scheduler.collection, scheduler.steal_requested_from_node = None, None
    scheduler.log = lambda *args: None
    nodes = [_Worker(f"gw{i}") for i in range(workers)]
    for node in nodes:
        scheduler.add_node(node)  # type: ignore[arg-type]
    for node in nodes:
        scheduler.add_node_collection(node, collection)  # type: ignore[arg-type]
    scheduler.schedule()
    return [[collection[i] for i in node.given] for node in nodes]


@pytest.mark.parametrize(("count", "workers"), [(1494, 11), (100, 3), (12, 11)])
def test_the_shares_are_xdists(count, workers):
    handed = first_handed_out([f"t{i}" for i in range(count)], workers)
    assert [len(share) for share in handed] == shares(count, workers)


def test_each_long_test_starts_its_workers_share_longest_spread_first():
    tests = [f"t{i}" for i in range(200)]
    seconds = {150: 110.0, 190: 66.0, 199: 50.0, 3: 20.0, 120: 18.0, 121: 17.0}
    handed = first_handed_out(long_first(tests, seconds, 4), 4)
    firsts = [share[0] for share in handed]
    # the four longest start the four workers; the next two follow the shortest of those
    assert sorted(firsts) == sorted(["t150", "t190", "t199", "t3"])
    assert handed[firsts.index("t3")][1:3] == ["t120", "t121"]
    # every test once; the others in their order
    everything = [t for share in handed for t in share]
    assert sorted(everything) == sorted(tests)
    rest = [t for t in everything if int(t[1:]) not in seconds]
    assert rest == [t for t in tests if int(t[1:]) not in seconds]


def test_without_long_tests_the_order_is_kept():
    tests = [f"t{i}" for i in range(50)]
    assert long_first(tests, {}, 11) == tests
