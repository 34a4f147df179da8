"""Names typed or received for people to read (a team's, a region's): one line of plain
text. A control character (C0, DEL, C1: a tab, a line break, ESC, BEL) in one is never what
someone meant, and printed raw it rewrites the terminal ("Pokja<ESC>]0;...<BEL><ESC>[2J"
sets the window's title and clears the screen)."""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def has_control(text: str) -> bool:
    return CONTROL.search(text) is not None


def one_line(text: str) -> str:
    """`text` as a name typed in a field: each run of control characters and spaces one
    space, none at the ends (a name pasted with its line break, a tab typed by mistake)."""
    return " ".join(CONTROL.sub(" ", text).split())


def escaped(text: str) -> str:
    """`text` with each control character written out (\\x1b): a name from another laptop's
    file, shown as it is without ever acting on the terminal."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
