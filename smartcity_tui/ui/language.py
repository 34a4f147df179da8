"""Switching the interface to the next of its languages (Bahasa Indonesia, English: the
registry, i18n.LANGUAGES) while the app runs (F4, or "Bahasa" in the command palette),
remembered in the user's settings.

Everything on screen is made with t() when it is built, so a switch has to build it again:
- key labels: bindings carry catalog keys, put into words wherever keys are shown (each of
  our screens' `active_bindings`, keys.localised), so a refresh of the bindings is enough;
- screens: each of ours on show builds itself again (`relanguage`), keeping its state
  (view, filters, cursor, what was typed), awaited one by one so the switch is complete
  when the key press is; screens installed but not on show are forgotten and made anew,
  in the new language, when next opened; a form is built again with what was typed in it
  (screens/form_rebuild.py), the help reads its keys again; a picker or question is made for
  one use (its `relanguage` does nothing): the next one is in the new language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import get_language, next_language, t

if TYPE_CHECKING:
    from .app import SmartCityApp


def other_language(lang: str | None = None) -> str:
    """The next language of the registry (i18n.LANGUAGES), round to the first: F4 cycles."""
    return next_language(lang or get_language())


async def switch_language(app: SmartCityApp, lang: str | None = None) -> str:
    """Show the whole interface in `lang` (default: the other one) and remember it."""
    from .screens.base import AppModal, AppScreen

    lang = lang or other_language(app.language)
    await app.forget_hidden_screens()
    app.language = lang  # the app's watcher: messages, save note, key labels, settings
    # each screen on show builds itself again, bottom first, before the switch is done (so
    # the next key already meets the new screens)
    for screen in list(app.screen_stack):
        if isinstance(screen, (AppScreen, AppModal)):
            await screen.relanguage()
    app.notify(t("lang.switched"), timeout=3)
    return lang
