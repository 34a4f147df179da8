"""Child of test_crash.py: open the plan and save edits in a loop until killed.

Each round writes "edit N" (N one more than the highest found in the plan): an update of the
first SWOT item three times out of four, otherwise a new SWOT item. After the store's write
returns, and only then, it prints "ACK N". Anything unexpected is printed as "ERR ..."."""

from __future__ import annotations

import sys
import traceback

from smartcity_tui.model.records import SwotItem
from smartcity_tui.store import PlanStore


def highest(store: PlanStore) -> int:
    return max((int(s.text.split()[1]) for s in store.plan().swot if s.text.startswith("edit ")), default=0)


def main(path: str) -> None:
    try:
        store = PlanStore.open(path)
        target = next(s for s in store.plan().swot if s.text.startswith("edit "))
        n = highest(store)
        while True:
            n += 1
            if n % 4:
                store.update(target.id, text=f"edit {n}")
            else:
                store.add(SwotItem(pillar="economy", quadrant="O", text=f"edit {n}"))
            print(f"ACK {n}", flush=True)
    except Exception:
        print("ERR " + traceback.format_exc().replace("\n", " | "), flush=True)
        sys.exit(3)


if __name__ == "__main__":
    main(sys.argv[1])
