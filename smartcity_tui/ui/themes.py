"""Colour themes: Textual's own, chosen from the command palette ("Tema warna"), plus a high
contrast theme for the projector in a bright meeting room (F5 turns it on and off). The theme
chosen last is remembered in the user's settings.

The high contrast theme is pure black, white and yellow (red only for a failed save): no grey
a projector washes out, no shade that differs from its neighbour by a few percent. Shades and
muted variants all collapse to the same pure colours (luminosity_spread 0, explicit text
colours), so a border, a cursor or a muted note is as readable as the text itself.
"""

from __future__ import annotations

from functools import partial

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.theme import Theme

from ..i18n import t
from .palette import Palette

HIGH_CONTRAST = "kontras-tinggi"
DEFAULT_THEME = "textual-dark"

BLACK, WHITE, YELLOW, RED = "#000000", "#FFFFFF", "#FFFF00", "#FF0000"

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary=YELLOW,
    secondary=WHITE,
    accent=YELLOW,
    warning=YELLOW,
    error=RED,
    success=WHITE,
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=BLACK,
    boost=BLACK,
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text": WHITE, "text-muted": WHITE, "text-disabled": YELLOW,
        "text-primary": YELLOW, "text-secondary": WHITE, "text-accent": YELLOW,
        "text-warning": YELLOW, "text-error": RED, "text-success": WHITE,
        "foreground-muted": WHITE, "foreground-disabled": YELLOW,
        "primary-muted": YELLOW, "secondary-muted": WHITE, "accent-muted": YELLOW,
        "warning-muted": YELLOW, "error-muted": RED, "success-muted": WHITE,
        "border": YELLOW, "border-blurred": WHITE,
        "block-cursor-background": YELLOW, "block-cursor-foreground": BLACK,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": WHITE, "block-cursor-blurred-foreground": BLACK,
        "block-hover-background": BLACK,
        "surface-active": BLACK,
        "footer-background": BLACK, "footer-foreground": WHITE,
        "footer-key-foreground": YELLOW, "footer-description-foreground": WHITE,
        "footer-item-background": BLACK,
        "input-cursor-background": YELLOW, "input-cursor-foreground": BLACK,
        "input-selection-background": YELLOW, "input-selection-foreground": BLACK,
        "scrollbar": YELLOW, "scrollbar-hover": YELLOW, "scrollbar-active": YELLOW,
        "scrollbar-background": BLACK, "scrollbar-background-hover": BLACK,
        "scrollbar-background-active": BLACK, "scrollbar-corner-color": BLACK,
        "button-foreground": BLACK, "button-color-foreground": BLACK,
        "button-focus-text-style": "bold reverse",
        "link-color": YELLOW, "link-background": BLACK,
        "screen-selection-background": YELLOW, "screen-selection-foreground": BLACK,
    },
)


def theme_label(name: str) -> str:
    """A theme as the officer reads it: ours in words of the current language, Textual's by
    its own name (nord, gruvbox: names, not words)."""
    return t("theme.high_contrast") if name == HIGH_CONTRAST else name


def setup_themes(app) -> None:
    """Register the high contrast theme, put on the remembered theme, and remember every
    later choice (from the palette or F5)."""
    app.register_theme(HIGH_CONTRAST_THEME)
    chosen = app.settings.theme
    if chosen and chosen in app.available_themes:
        app.theme = chosen

    def remember(theme: Theme) -> None:
        # the default is remembered as no choice at all: a first start writes nothing
        app.settings.remember_theme("" if theme.name == DEFAULT_THEME else theme.name)

    app.theme_changed_signal.subscribe(app, remember)


def toggle_contrast(app) -> None:
    """High contrast on; pressed again, back to the theme used before (or the default)."""
    if app.theme == HIGH_CONTRAST:
        before = getattr(app, "_theme_before_contrast", "") or DEFAULT_THEME
        app.theme = before if before in app.available_themes else DEFAULT_THEME
    else:
        app._theme_before_contrast = app.theme
        app.theme = HIGH_CONTRAST
    app.notify(t("theme.now", theme=theme_label(app.theme)), timeout=3)


class ThemeCommands(Provider):
    """The themes for the palette, the current one first, each named as theme_label does."""

    def _themes(self) -> list[str]:
        names = sorted(self.app.available_themes, key=lambda n: (n != self.app.theme, n != HIGH_CONTRAST, n))
        return names

    def _choose(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for name in self._themes():
            yield DiscoveryHit(theme_label(name), partial(self._choose, name))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self._themes():
            label = theme_label(name)
            score = max(matcher.match(label), matcher.match(name))
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._choose, name))


class ThemePalette(Palette):
    """The palette of themes, in the app's language (Textual's own says "Search for themes…")."""

    def __init__(self) -> None:
        CommandPalette.__init__(self, providers=[ThemeCommands], placeholder=t("theme.placeholder"))
