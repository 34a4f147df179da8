"""A long-lived racer for test_lock_race.py: reads one command per line on stdin, answers one
line on stdout, so that hundreds of racing trials need no process start each.

  lock PATH         take PlanLock(PATH): "held", or "locked" (PlanLocked)
  release           give it back: "released"
  save PATH TEXT    open the plan, add a SWOT item TEXT, close: "saved", or "locked"
  quit
Anything unexpected answers "error ..." (one line)."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from smartcity_tui.model.records import SwotItem
from smartcity_tui.store import PlanLocked, PlanStore
from smartcity_tui.store.lock import PlanLock


def main() -> None:
    lock: PlanLock | None = None
    for line in sys.stdin:
        word, _, rest = line.strip().partition(" ")
        try:
            if word == "lock":
                lock = PlanLock(Path(rest))
                try:
                    lock.acquire("racer")
                    answer = "held"
                except PlanLocked:
                    lock, answer = None, "locked"
            elif word == "release":
                if lock is not None:
                    lock.release()
                lock, answer = None, "released"
            elif word == "save":
                path, _, text = rest.partition(" ")
                try:
                    with PlanStore.open(path) as store:
                        store.add(SwotItem(pillar="economy", quadrant="S", text=text))
                    answer = "saved"
                except PlanLocked:
                    answer = "locked"
            elif word == "quit":
                return
            else:
                answer = f"error unknown command {word!r}"
        except Exception:
            answer = "error " + traceback.format_exc().replace("\n", " | ")
        print(answer, flush=True)


if __name__ == "__main__":
    main()
