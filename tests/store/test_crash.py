"""Kill a writer at random moments (SIGKILL on POSIX, TerminateProcess on Windows), over and
over: the plan must always open, hold the last acknowledged edit or a later one, never an
older one, never a torn file; the next writer recovers the stale lock; temp files never pile up."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from smartcity_tui.model.records import PlanInfo, SwotItem
from smartcity_tui.store import PlanStore

CHILD = Path(__file__).with_name("crash_child.py")
ROUNDS = 50


def _make_plan(path: Path) -> None:
    info = PlanInfo(region="Uji Tabrak", start_year=2025, end_year=2029)
    with PlanStore.create(path, info, team="Uji") as store:
        store.add(SwotItem(pillar="economy", quadrant="S", text="edit 0"))
        # some bulk, so a write takes long enough to be killed in the middle of it
        store.add_many(SwotItem(pillar="living", quadrant="W", text=f"Butir {i} drainase kota") for i in range(1500))


class Child:
    def __init__(self, plan: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(CHILD), str(plan)], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.last_ack = 0
        self.errors: list[str] = []
        self.first_ack = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            if line.startswith("ACK "):
                self.last_ack = int(line.split()[1])
                self.first_ack.set()
            elif line.strip():
                self.errors.append(line.strip())
        self.first_ack.set()

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL / TerminateProcess: no cleanup, no flush, no lock release
        self.proc.wait()
        self.reader.join(10)


def _on_disk(plan: Path) -> int:
    with PlanStore.open(plan, readonly=True) as store:
        return max(int(s.text.split()[1]) for s in store.plan().swot if s.text.startswith("edit "))


@pytest.mark.long(110)
def test_killed_writer_never_loses_an_acknowledged_edit(tmp_path):
    plan = tmp_path / "plan.json"
    _make_plan(plan)
    rng = random.Random(20261122)
    seen, acked_total, mid_startup = 0, 0, 0
    for round_no in range(ROUNDS):
        child = Child(plan)
        if rng.random() < 0.2:
            mid_startup += 1
            time.sleep(rng.uniform(0.0, 0.3))  # anywhere: start-up, lock recovery, first write
        else:
            assert child.first_ack.wait(20), f"round {round_no}: child never wrote: {child.errors}"
            time.sleep(rng.uniform(0.0, 0.05))
        child.kill()
        assert child.errors == [], f"round {round_no}: {child.errors}"
        value = _on_disk(plan)  # opens: never a torn file
        assert value >= child.last_ack, f"round {round_no}: ACK {child.last_ack} but file holds {value}"
        assert value >= seen, f"round {round_no}: file went back from {seen} to {value}"
        seen = value
        acked_total += child.last_ack > 0
        temps = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) <= 1, f"round {round_no}: temp files pile up: {temps}"
    assert acked_total >= ROUNDS // 2 and seen > ROUNDS  # the kills really hit a writing process
    # the survivor: a normal session still works on the file after all those kills
    with PlanStore.open(plan) as store:
        store.add(SwotItem(pillar="economy", quadrant="T", text=f"edit {seen + 1}"))
    assert _on_disk(plan) == seen + 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
