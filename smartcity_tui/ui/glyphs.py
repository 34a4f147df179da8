"""Which characters reach the screen: all of them, or a plain set where the console's font
lacks some.

Windows' console host (conhost, the black window of Windows 10) draws with Consolas or Lucida
Console and has no font fallback: a character the font lacks is an empty box, so a quick win
(★), a milestone (◆) and a done milestone (✓) look alike, and Textual's frames and scroll bars
(rounded and heavy lines, eighth blocks) fall apart. Those fonts hold the WGL4 set: ASCII,
Latin-1, single and double box lines, the half and full blocks, ► ▼ ○ ● and a few more.

The plain set ("ascii" in settings.toml) draws every other character the app or Textual puts
on the screen as one of those, cell for cell, so no layout moves: the marks as ASCII (★ *,
◆ o, ✓ v, ✗ x, ○ o, ● *), rounded and heavy lines as single ones, eighth blocks as half
blocks. It is one line filter over everything drawn, whatever widget draws it, so no screen
can forget it; files (bundles, the masterplan book) keep their characters.

Chosen once at start (`choose`): `glyphs = "ascii"` or `glyphs = "unicode"` in settings.toml;
without it, plain on Windows outside Windows Terminal (which sets WT_SESSION and falls back to
other fonts) and terminals that name themselves (TERM_PROGRAM: VS Code's, for one), full
everywhere else. NO_COLOR is another matter and is left to Textual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

if TYPE_CHECKING:
    from .app import SmartCityApp

UNICODE = "unicode"
ASCII = "ascii"

# Every character drawn differently in the plain set, and how; each replacement takes as many
# cells as what it replaces (the emoji of Textual's palette and folder tree take two).
_PLAIN = {
    # the app's marks
    "★": "*", "☆": "*", "◆": "o", "◇": "o", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "✕": "x",
    "✖": "x", "○": "o", "●": "*",
    # heavy, rounded and half lines as single lines
    "━": "─", "┃": "│", "┏": "┌", "┓": "┐", "┗": "└", "┛": "┘", "┣": "├", "┫": "┤", "┳": "┬",
    "┻": "┴", "╋": "┼", "╍": "─", "╏": "│", "╭": "┌", "╮": "┐", "╯": "┘", "╰": "└",
    "╴": "─", "╶": "─", "╸": "─", "╺": "─", "╼": "─", "╾": "─",
    "╵": "│", "╷": "│", "╹": "│", "╻": "│", "╽": "│", "╿": "│",
    # eighth blocks and quadrants (tall and wide frames, scroll bars) as half and full blocks
    "▁": "▄", "▂": "▄", "▃": "▄", "▅": "█", "▆": "█", "▇": "█", "▔": "▀",
    "▉": "█", "▊": "▌", "▋": "▌", "▍": "▌", "▎": "▌", "▏": "▌", "▕": "▐",
    "▖": "▄", "▗": "▄", "▘": "▀", "▝": "▀", "▙": "█", "▛": "█", "▜": "█", "▟": "█", "▚": "▒", "▞": "▒",
    # Textual's triangles, bullets and icons
    "▶": "►", "◀": "◄", "▸": "►", "◂": "◄", "▾": "▼", "▴": "▲", "‣": ">", "⭑": "*", "⭘": "O",
    "⏎": "◄", "⌫": "◄", "🔎": "> ", "📁": "+ ", "📂": "- ", "📄": "  ",
}
# Box-drawing characters outside WGL4 that the table does not name (mixed weights): a junction.
_OTHER_BOX = {chr(c): "+" for c in range(0x2500, 0x2580)}
for _keep in "─│┌┐└┘├┤┬┴┼═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬":
    _OTHER_BOX.pop(_keep)
PLAIN_TABLE = str.maketrans({**_OTHER_BOX, **_PLAIN})


def choose(setting: str = "", *, platform: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The glyph set for this run: the setting when it names one, else from the console."""
    if setting in (UNICODE, ASCII):
        return setting
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform == "win32" and not environ.get("WT_SESSION") and not environ.get("TERM_PROGRAM"):
        return ASCII
    return UNICODE


def plain(text: str) -> str:
    """`text` as the plain set draws it."""
    return text if text.isascii() else text.translate(PLAIN_TABLE)


class PlainGlyphs(LineFilter):
    """Every line drawn, in the plain set (ASCII text passes untouched)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [s if s.control or s.text.isascii() else Segment(s.text.translate(PLAIN_TABLE), s.style)
                for s in segments]


PLAIN_GLYPHS = PlainGlyphs()


def install(app: SmartCityApp, setting: str = "") -> str:
    """Put the chosen set on `app` (before it runs); returns its name."""
    chosen = choose(setting)
    if chosen == ASCII and PLAIN_GLYPHS not in app.first_filters:
        app.first_filters.append(PLAIN_GLYPHS)
    return chosen
