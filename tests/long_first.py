"""The few tests of a minute or so start first, each on a worker of its own, so that none of
them holds the end of the run.

Under `--dist worksteal` (pyproject.toml) xdist hands each worker, in turn, the next
`len(pending) // workers_left` tests of the collection, and a worker that runs out takes half
of another's queue from its end. A long test late in its worker's share starts late and ends
late: the round of the secretariat (`test_secretariat_round.py`, ~50 s) started at 211 s of a
263 s run and held the last 15 s with one worker busy and the cores idle. So the tests marked
`@pytest.mark.long(seconds)` (seconds of wall time in a whole run on two cores) are put at the
front of the workers' shares, the longest first, each on the worker with the fewest seconds
of them so far; the rest keep their order. The order is the same in every worker (xdist
checks that the collections are equal). Without workers the order is left alone."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TypeVar

import pytest

T = TypeVar("T")

MARKER = "long(seconds): a test of many seconds of wall time; started first, one a worker (tests/long_first.py)"


def shares(count: int, workers: int) -> list[int]:
    """How many of `count` tests xdist's worksteal hands each of `workers` at the start."""
    sizes = []
    for i in range(workers):
        size = count // (workers - i)
        sizes.append(size)
        count -= size
    return sizes


def long_first(items: Sequence[T], seconds: dict[int, float], workers: int) -> list[T]:
    """`items` reordered: the long ones (`seconds`: index -> seconds) at the front of the
    workers' shares, spread longest first; the others in their order."""
    lanes: list[list[int]] = [[] for _ in range(workers)]
    loads = [0.0] * workers
    for index in sorted(seconds, key=lambda i: (-seconds[i], i)):
        lane = min(range(workers), key=lambda w: (loads[w], w))
        lanes[lane].append(index)
        loads[lane] += seconds[index]
    rest = iter(i for i in range(len(items)) if i not in seconds)
    order: list[int] = []
    for lane, size in zip(lanes, shares(len(items), workers), strict=True):
        order += lane[:size]
        order += [next(rest) for _ in range(size - len(lane[:size]))]
    if sorted(order) != list(range(len(items))):  # (more long tests than a share holds)
        return list(items)
    return [items[i] for i in order]


def order_long_first(items: list[pytest.Item]) -> None:
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0") or 0)
    if workers < 2:
        return
    seconds = {i: float(marker.args[0]) for i, item in enumerate(items)
               if (marker := item.get_closest_marker("long")) is not None}
    items[:] = long_first(items, seconds, workers)
