"""A dashboard card for one pillar: its counts and what it still lacks, from validation."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from ...i18n import get_language, t
from ...model.framework import Dimension
from ...model.validation import ERROR, Finding
from ...model.vocab import QUADRANTS

# Findings about a whole pillar, told in a few words on the card.
PILLAR_CODES = ("pillar.swot_missing", "pillar.no_strategy", "pillar.no_programme", "pillar.no_quick_win")


def lacks_lines(findings: list[Finding]) -> list[tuple[str, str]]:
    """(text, style class) lines of what a pillar lacks: the pillar-wide gaps first, then how
    many other errors and warnings its records have."""
    lines: list[tuple[str, str]] = []
    for code in PILLAR_CODES:
        for f in findings:
            if f.code == code:
                key = code.split(".", 1)[1]
                if key == "swot_missing" and len(f.params.get("quadrants", "").split(",")) == 4:
                    key = "no_swot"
                lines.append((t("ui.card.lack." + key, **f.params), "warning"))
    rest = [f for f in findings if f.code not in PILLAR_CODES]
    n_err = sum(1 for f in rest if f.severity == ERROR)
    n_warn = len(rest) - n_err
    if n_err:
        lines.append((t("ui.card.errors", n=n_err), "error"))
    if n_warn:
        lines.append((t("ui.card.warnings", n=n_warn), "warning"))
    return lines


class PillarCard(Static, can_focus=True):
    # what the card shows; the dashboard sets them, the card redraws itself
    counts: reactive[dict[str, Any] | None] = reactive(None, init=False, always_update=True)
    # what the pillar lacks, from validation; None while a big plan is still being checked
    lacks: reactive[list[tuple[str, str]] | None] = reactive(None, init=False, always_update=True)

    def __init__(self, dimension: Dimension, **kw: Any) -> None:
        super().__init__(**kw)
        self.pillar_key = dimension.key
        self.border_title = f"{dimension.number} {dimension.label(get_language())}"

    def watch_counts(self) -> None:
        self._redraw()

    def watch_lacks(self) -> None:
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        c = self.counts
        if c is None:
            return
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("  ".join(f"{q} {c['swot'][q]}" for q in QUADRANTS.keys))
        height = self.content_size.height
        if 0 < height < 4:
            # a short card (seven to nine dimensions on 24 or 30 lines): the counts on two
            # lines, so the line of errors always shows (it was cut off: every card looked clean)
            text.append("\n" + t("frame.card.counts", s=c["strategies"], p=c["programmes"], qw=c["quick_wins"]))
            room = max(1, height - 2)
        else:
            text.append("\n" + t("ui.card.strategies", n=c["strategies"]))
            text.append("\n" + t("ui.card.programmes", n=c["programmes"], qw=c["quick_wins"]))
            room = max(1, height - 3) if height else 2
        lacks = self.lacks
        if lacks is None:
            text.append("\n" + t("ui.card.checking"), style="dim")
        elif not lacks:
            text.append("\n" + t("ui.card.complete"), style="green")
        else:
            if room == 1:  # one line: the errors first, when there are any
                lacks = sorted(lacks, key=lambda lk: lk[1] != "error")
            shown = lacks if len(lacks) <= room else lacks[: max(1, room - 1)]
            for line, kind in shown:
                text.append("\n" + ("✖ " if kind == "error" else "! ") + line,
                            style="red" if kind == "error" else "yellow")
            if len(shown) < len(lacks) and room > 1:
                text.append("\n" + t("ui.card.more", n=len(lacks) - len(shown)), style="dim")
        # The card's size is its grid cell's (dashboard.tcss), whatever it says: no layout of
        # the screen for new words (it was asked for three times per card as the dashboard
        # came up: counts, lacks, size).
        self.update(text, layout=False)


def plan_errors(findings: list[Finding]) -> Text | None:
    """Plan-wide errors no card can show (they are no dimension's): records outside the
    framework, a framework this laptop lacks; the dashboard says them under the cards."""
    said = []
    for f in findings:
        if f.code == "plan.framework_unknown":
            said.append(t("frame.dash.framework_missing", framework=f.params["framework"],
                          folder=f.params["folder"]))
        elif f.code == "plan.outside_framework":
            said.append(t("frame.dash.outside", n=f.params["n"], keys=f.params["keys"]))
    if not said:
        return None
    return Text("✖ " + "; ".join(said) + "  ", style="red", no_wrap=True, overflow="ellipsis")
