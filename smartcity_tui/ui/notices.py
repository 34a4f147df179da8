"""What the store put right by itself when the plan opened, said once in the app (the command
line prints the same lines): a session that ended without closing (its lock recovered,
nothing lost), a newer copy kept from a save cut short (to choose with `restore --from`), a
settings file that would not read (kept aside, defaults used), and a plan that can only be
read here (why, and what to do)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t
from ..store import PlanStore, opening

if TYPE_CHECKING:
    from .app import SmartCityApp


def tell_what_was_put_right(app: SmartCityApp, store: PlanStore) -> None:
    if store.recovered_copies:
        # (the newer copy says more than a recovered lock: the same crash left both)
        app.notify(opening.newer_copy_notice(store.path, list(store.recovered_copies)),
                   title=t("ui.notice.newer_copy_title"), severity="warning", timeout=60)
    elif store.recovered_stale_lock is not None:
        app.notify(opening.stale_lock_notice(store.path, store.recovered_stale_lock),
                   title=t("ui.notice.stale_lock_title"), timeout=20)
    if app.settings.broken_notice:
        app.notify(app.settings.broken_notice, title=t("ui.notice.settings_title"), severity="warning",
                   timeout=30)
    if store.readonly and store.readonly_reason is not None:
        app.notify(t("ui.readonly.opened", reason=store.readonly_reason), title=t("ui.readonly.title"),
                   severity="warning", timeout=30)
