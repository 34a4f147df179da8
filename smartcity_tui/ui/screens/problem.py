"""Why a plan did not open (locked by another window, unreadable, from a newer version), and
what to do about it. Nothing has been written; the only way on is out.

One problem has a way on: the plan file is missing or damaged (0 bytes after a pulled FAT32
drive) but a whole copy of its last save survived (a save cut short by a pulled flash drive or
a power cut, kept as PLAN.recovered-N.json). Enter puts that copy back as the plan and opens
it; the copy stays, and so does the damaged file (as PLAN.broken-N).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from ...i18n import os_reason, t
from ...store import PlanLocked, PlanMissingRecovered, PlanTooNew, PlanUnreadable, StoreError
from .. import keys
from ..app import app_of
from .base import AppScreen


def problem_title(problem: StoreError) -> str:
    if isinstance(problem, PlanMissingRecovered):
        return t("ui.problem.missing_recovered")
    if isinstance(problem, PlanUnreadable) and problem.recovered:
        return t("ui.problem.unreadable_recovered")
    if isinstance(problem, PlanLocked):
        return t("ui.problem.locked")
    if isinstance(problem, PlanTooNew):
        return t("ui.problem.too_new")
    if isinstance(problem, PlanUnreadable):
        return t("ui.problem.unreadable")
    return t("ui.problem.other")


def put_back(plan: Path, copy: Path) -> None:
    """The kept copy becomes the plan file again (atomically, the copy left where it is),
    written homeless as `restore --from` does: its first write then takes a fresh replica id.
    A damaged plan in place is kept aside first (PLAN.broken-N), as `restore` keeps it."""
    from ...store import backups
    from ...store.atomic import atomic_write_bytes
    from ...store.loading import META, load_plan_data
    from ...store.lock import PlanLock
    from ...store.storage import DurableJSONStorage

    data = load_plan_data(copy)
    for meta in data[META].values():
        meta["replica"] = {**meta.get("replica", {}), "path": "", "machine": ""}
    lock = PlanLock(plan)
    lock.acquire("restore")
    try:
        if plan.exists():
            backups.keep_aside(plan, "broken")
        atomic_write_bytes(plan, DurableJSONStorage(plan, data).render())
    finally:
        lock.release()


class ProblemScreen(AppScreen[None]):
    BINDINGS = keys.bindings("problem.put_back", "problem.quit")

    def __init__(self, problem: StoreError) -> None:
        super().__init__()
        self.problem = problem

    @property
    def recovered(self) -> PlanMissingRecovered | PlanUnreadable | None:
        """The problem, when it offers a surviving copy of the plan's last save."""
        found = self.problem
        if isinstance(found, PlanMissingRecovered) or (isinstance(found, PlanUnreadable) and found.recovered):
            return found
        return None

    def compose(self) -> ComposeResult:
        with Vertical(id="problem", classes="form"):
            yield Static(problem_title(self.problem), id="problem-title")
            yield Static(self.problem.message(), id="problem-message", markup=False)
            if self.recovered is not None:
                damaged = isinstance(self.problem, PlanUnreadable)  # (kept aside, not written over)
                hint = "ui.problem.broken_hint" if damaged else "ui.problem.recovered_hint"
                yield Static(t(hint, path=self.problem.path), id="problem-hint", classes="hint", markup=False)
            else:
                yield Static(t("ui.problem.unchanged"), classes="hint")
                yield Static(t("ui.problem.quit_hint"), classes="hint")
        yield Footer(compact=True)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return {k: b for k, b in super().active_bindings.items()
                if b.binding.id != "problem.put_back" or self.recovered is not None}

    def action_put_back(self) -> None:
        found = self.recovered
        if found is None:
            return
        try:
            put_back(found.path, found.recovered[0])
        except (StoreError, OSError) as e:
            reason = e.message() if isinstance(e, StoreError) else os_reason(e)
            self.query_one("#problem-hint", Static).update(t("ui.problem.restore_failed", reason=reason))
            return
        app = app_of(self)
        app.problem = None
        app.pop_screen()
        app.open_plan(found.path)
