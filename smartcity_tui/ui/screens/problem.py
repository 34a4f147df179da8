"""Why a plan did not open (locked by another window, unreadable, from a newer version), and
what to do about it. Nothing has been written; the only way on is out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from ...i18n import t
from ...store import PlanLocked, PlanTooNew, PlanUnreadable, StoreError
from .. import keys
from .base import AppScreen


def problem_title(problem: StoreError) -> str:
    if isinstance(problem, PlanLocked):
        return t("ui.problem.locked")
    if isinstance(problem, PlanTooNew):
        return t("ui.problem.too_new")
    if isinstance(problem, PlanUnreadable):
        return t("ui.problem.unreadable")
    return t("ui.problem.other")


class ProblemScreen(AppScreen[None]):
    BINDINGS = keys.bindings("problem.quit")

    def __init__(self, problem: StoreError) -> None:
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="problem", classes="form"):
            yield Static(problem_title(self.problem), id="problem-title")
            yield Static(self.problem.message(), id="problem-message", markup=False)
            yield Static(t("ui.problem.unchanged"), classes="hint")
            yield Static(t("ui.problem.quit_hint"), classes="hint")
        yield Footer(compact=True)
