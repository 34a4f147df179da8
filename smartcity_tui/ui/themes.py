"""Colour themes: Textual's own, chosen from the command palette ("Tema warna"), plus a high
contrast theme for the projector in a bright meeting room (F5 turns it on and off). The theme
chosen last is remembered in the user's settings.

The high contrast theme is pure black, white and yellow (red only for a failed save): no grey
a projector washes out, no shade that differs from its neighbour by a few percent. Shades and
muted variants all collapse to the same pure colours (luminosity_spread 0, explicit text
colours), so a border, a cursor or a muted note is as readable as the text itself.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.color import Color
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.filter import LineFilter
from textual.theme import Theme

from ..i18n import t
from .palette import Palette

if TYPE_CHECKING:
    from .app import SmartCityApp

HIGH_CONTRAST = "kontras-tinggi"
DEFAULT_THEME = "textual-dark"

BLACK, WHITE, YELLOW, RED = "#000000", "#FFFFFF", "#FFFF00", "#FF0000"



def _pure_shades() -> dict[str, str]:
    """Every shade Textual derives from a base colour, set to the pure colour itself (its own
    arithmetic turns #FFFF00 into #FEFF00 and the backgrounds into dark greys)."""
    bases = {"primary": YELLOW, "secondary": WHITE, "accent": YELLOW, "warning": YELLOW, "error": RED,
             "success": WHITE, "foreground": WHITE, "background": BLACK, "surface": BLACK, "panel": BLACK,
             "boost": BLACK, "primary-background": BLACK, "secondary-background": BLACK}
    out = {}
    for name, colour in bases.items():
        out[name] = colour
        for n in (1, 2, 3):
            out[f"{name}-darken-{n}"] = out[f"{name}-lighten-{n}"] = colour
    return out


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
        **_pure_shades(),
        "text": WHITE, "text-muted": WHITE, "text-disabled": WHITE,
        "text-primary": YELLOW, "text-secondary": WHITE, "text-accent": YELLOW,
        "text-warning": YELLOW, "text-error": RED, "text-success": WHITE,
        "foreground-muted": WHITE, "foreground-disabled": WHITE,
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
        "button-foreground": WHITE, "button-color-foreground": BLACK,
        "button-focus-text-style": "bold reverse",
        "link-color": YELLOW, "link-background": BLACK,
        "screen-selection-background": YELLOW, "screen-selection-foreground": BLACK,
    },
)


# Plain ANSI colours in the app's own Rich text (a warning in "yellow", a hint in "dim") are
# mapped through a terminal palette: in high contrast they map to the same pure colours.
_HC_ANSI = [(0, 0, 0), (255, 0, 0), (255, 255, 255), (255, 255, 0),
            (255, 255, 255), (255, 255, 0), (255, 255, 255), (255, 255, 255)]
HIGH_CONTRAST_ANSI = TerminalTheme((0, 0, 0), (255, 255, 255), _HC_ANSI, _HC_ANSI)


class NoDim(LineFilter):
    """Dim text (hints, counts) drawn at full strength: a projector washes dim grey out."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(s.text, _undim(s.style), s.control) if s.style is not None and s.style.dim else s
                for s in segments]


@lru_cache(256)
def _undim(style: Style) -> Style:
    return style + Style(dim=False)


NO_DIM = NoDim()


def _contrast(app: SmartCityApp, on: bool) -> None:
    """The ANSI palette and the dim filter that go with the high contrast theme."""
    if on and app.ansi_theme_dark is not HIGH_CONTRAST_ANSI:
        app.ansi_before_contrast = app.ansi_theme_dark
        app.ansi_theme_dark = HIGH_CONTRAST_ANSI
    elif not on and app.ansi_theme_dark is HIGH_CONTRAST_ANSI:
        app.ansi_theme_dark = app.ansi_before_contrast
    # before Textual's own filters: its ANSI filter turns dim into grey; the others there
    # (the plain glyph set, glyphs.py) stay
    if on and NO_DIM not in app.first_filters:
        app.first_filters.insert(0, NO_DIM)
    elif not on and NO_DIM in app.first_filters:
        app.first_filters.remove(NO_DIM)


def theme_label(name: str) -> str:
    """A theme as the officer reads it: ours in words of the current language, Textual's by
    its own name (nord, gruvbox: names, not words)."""
    return t("theme.high_contrast") if name == HIGH_CONTRAST else name


def setup_themes(app: SmartCityApp) -> None:
    """Register the high contrast theme, put on the remembered theme, and remember every
    later choice (from the palette or F5)."""
    app.register_theme(HIGH_CONTRAST_THEME)

    def changed(theme: Theme) -> None:
        _contrast(app, theme.name == HIGH_CONTRAST)
        # the default is remembered as no choice at all: a first start writes nothing
        app.settings.remember_theme("" if theme.name == DEFAULT_THEME else theme.name)

    app.theme_changed_signal.subscribe(app, changed)
    chosen = app.settings.theme
    if chosen and chosen in app.available_themes:
        app.theme = chosen
        _contrast(app, chosen == HIGH_CONTRAST)  # before the first frame, not after it


def toggle_contrast(app: SmartCityApp) -> None:
    """High contrast on; pressed again, back to the theme used before (or the default)."""
    if app.theme == HIGH_CONTRAST:
        before = app.theme_before_contrast or DEFAULT_THEME
        app.theme = before if before in app.available_themes else DEFAULT_THEME
    else:
        app.theme_before_contrast = app.theme
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
