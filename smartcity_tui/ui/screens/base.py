"""What every plan screen shares: a top bar with the save state, a footer with its keys, and
a redraw from the store whenever the plan has moved on since the screen last looked."""

from __future__ import annotations

from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer

from ...i18n import get_language
from ...model.plan import Plan
from ...model.vocab import REGION_KINDS
from .. import keys


def plan_title(plan: Plan) -> str:
    info = plan.info
    kind = REGION_KINDS.label(info.region_kind, get_language())
    return f"{kind} {info.region}".strip()


def ordered(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Active bindings in the footer's order (keys.footer_rank), stable within a rank."""
    items = list(bindings.items())
    items.sort(key=lambda kv: keys.footer_rank(kv[1].binding.id))
    return dict(items)


def footer() -> Footer:
    # The palette key (^p) is listed on the help screen rather than in the footer: at 80
    # columns its place is worth more to the keys of the view.
    return Footer(compact=True, show_command_palette=False)


class PlanScreen(Screen):
    seen_version = -1

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return ordered(super().active_bindings)

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Redraw when the plan changed since this screen last drew it."""
        app = self.app
        if app.store is None or self.seen_version == app.plan_version:
            return
        self.seen_version = app.plan_version
        self.show_plan(app.store.plan())

    def show_plan(self, plan: Plan) -> None:  # pragma: no cover - every screen overrides it
        raise NotImplementedError

    async def rebuild(self) -> None:
        """Compose the screen afresh (a language switch) and draw the plan on it again; what
        the screen keeps across the rebuild, its `relanguage` puts back afterwards."""
        await self.recompose()
        self.seen_version = -1
        mount = getattr(self, "on_mount", None)
        if callable(mount):
            mount()
