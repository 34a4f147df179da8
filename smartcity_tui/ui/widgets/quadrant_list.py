"""One SWOT quadrant: its items as an option list (drawn line by line, never a widget per item,
so a pillar with hundreds of items opens at once). Arrows past the edge of a quadrant move to
the neighbouring quadrant, so the 2x2 reads like one grid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...i18n import get_language, t
from ...model.records import SwotItem
from ...model.vocab import QUADRANTS, Pillar
from .. import keys

if TYPE_CHECKING:
    from .swot_board import SwotBoard

# Where each quadrant sits in the 2x2: S W / O T.
GRID = {"S": (0, 0), "W": (1, 0), "O": (0, 1), "T": (1, 1)}
AT = {pos: q for q, pos in GRID.items()}


class QuadrantList(OptionList):
    BINDINGS = [
        *keys.prefixed("swot."),
        *keys.bindings("quadrant.left", "quadrant.right"),
    ]

    class Leave(Message):
        """Arrow pressed at the edge: the board moves focus to the neighbour in (dx, dy)."""

        def __init__(self, quadrant: str, dx: int, dy: int) -> None:
            super().__init__()
            self.quadrant, self.dx, self.dy = quadrant, dx, dy

    def __init__(self, quadrant: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.quadrant = quadrant
        self.item_ids: list[str] = []

    def show(self, items: list[SwotItem], pillar: Pillar, total: int) -> None:
        """Show `items` (already filtered); keep the highlight on the same item when it stays."""
        keep = self.current_id()
        old_index = self.highlighted
        lang = get_language()
        options = []
        for item in items:
            text = Text(item.text or t("ui.unnamed"))
            element = pillar.element(item.element) if item.element else None
            tag = element.label(lang) if element else ""
            if item.subtopic:
                tag = f"{tag} / {item.subtopic}" if tag else item.subtopic
            if tag:
                text.append(f" · {tag}", style="dim italic")
            options.append(Option(text, id=item.id))
        self.item_ids = [i.id for i in items]
        self.set_options(options)
        shown = len(items)
        label = QUADRANTS.label(self.quadrant, lang)
        count = f"{shown}" if shown == total else f"{shown}/{total}"
        self.border_title = f"{self.quadrant} · {label} ({count})"
        if not items:
            self.border_subtitle = t("ui.swot.empty_hint")
            return
        self.border_subtitle = ""
        if keep in self.item_ids:
            self.highlighted = self.item_ids.index(keep)
        elif old_index is not None:
            self.highlighted = min(old_index, len(items) - 1)
        else:
            self.highlighted = 0

    def current_id(self) -> str | None:
        if self.highlighted is None or not self.item_ids or self.highlighted >= len(self.item_ids):
            return None
        return self.item_ids[self.highlighted]

    def select_id(self, item_id: str) -> None:
        if item_id in self.item_ids:
            self.highlighted = self.item_ids.index(item_id)

    # --- moving between quadrants ------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted >= self.option_count - 1:
            self.post_message(self.Leave(self.quadrant, 0, 1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted <= 0:
            self.post_message(self.Leave(self.quadrant, 0, -1))
        else:
            super().action_cursor_up()

    def action_quadrant(self, dx: int, dy: int) -> None:
        self.post_message(self.Leave(self.quadrant, dx, dy))

    # --- the item keys: the board does the work -------------------------------------------------

    def action_new_item(self) -> None:
        self.parent_board().new_item(self.quadrant)

    def action_edit_item(self) -> None:
        self.parent_board().edit_item(self.current_id())

    def action_delete_item(self) -> None:
        self.parent_board().delete_item(self.current_id())

    def action_move_item(self) -> None:
        self.parent_board().move_item(self.current_id())

    def action_filter(self) -> None:
        self.parent_board().choose_filter()

    def action_clear_filter(self) -> None:
        self.parent_board().set_filter("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_item", "delete_item", "move_item"):
            return True if self.current_id() is not None else None  # shown dimmed
        if action == "clear_filter":
            return bool(self.parent_board().element_filter)
        return True

    def parent_board(self) -> SwotBoard:
        from .swot_board import SwotBoard

        return self.query_ancestor(SwotBoard)
