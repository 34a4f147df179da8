"""The readiness analysis (analisis kesiapan) as a table: struktur, infrastruktur and
suprastruktur rows with their rating, description and gap, and the row under the cursor in
full below it. n adds a row, enter edits it, delete removes it; the plan screen writes."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from ...i18n import get_language, t
from ...model.records import Readiness
from ...model.vocab import RATINGS, READINESS_ASPECTS
from .. import keys
from .plan_sections import plan_screen_of
from .roadmap_layout import fit

RATING_STYLE = {"baik": "bold green", "sedang": "bold yellow", "kurang": "bold red"}
COLUMNS = ("aspect", "topic", "rating", "description", "gap")
NARROW = 100  # below this width the table leaves the description to the detail line


class ReadinessTable(DataTable[str | Text]):
    BINDINGS = keys.prefixed("readiness.")

    def __init__(self, **kw: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=1, **kw)
        self.rows_shown: list[Readiness] = []
        self._columns_for: tuple[dict[str, int], str] | tuple[()] = ()

    def show(self, rows: list[Readiness], *, select: str | None = None) -> None:
        keep = select or self.current_id
        keep_row = self.cursor_row
        self.rows_shown = list(rows)
        lang = get_language()
        widths = self._widths(lang)
        if (widths, lang) != self._columns_for:
            self.clear(columns=True)
            self._columns_for = (widths, lang)
            for key in COLUMNS:
                if widths[key]:
                    self.add_column(t(f"readiness.col.{key}"), key=key, width=widths[key])
        else:
            self.clear()
        for r in rows:
            cells: dict[str, str | Text] = {
                "aspect": READINESS_ASPECTS.label(r.aspect, lang),
                "topic": fit(r.topic, widths["topic"]),
                "rating": Text(RATINGS.label(r.rating, lang), style=RATING_STYLE.get(r.rating, "")),
                "description": fit(r.description, widths["description"]),
                "gap": fit(r.gap, widths["gap"]),
            }
            self.add_row(*(cells[k] for k in COLUMNS if widths[k]), key=r.id)
        ids = [r.id for r in rows]
        if ids:
            row = ids.index(keep) if keep in ids else min(max(keep_row, 0), len(ids) - 1)
            self.move_cursor(row=row, animate=False)
        self.border_title = t("readiness.title", n=len(rows))
        self.border_subtitle = "" if rows else t("readiness.empty")

    def _widths(self, lang: str) -> dict[str, int]:
        aspect = max(len(c.label(lang)) for c in READINESS_ASPECTS)
        rating = max([len(t("readiness.col.rating"))] + [len(c.label(lang)) for c in RATINGS])
        # cell padding (2 per column) and the scrollbar come off the width first
        width = self.size.width or 78
        narrow = width < NARROW  # the description then shows only in the detail below
        room = max(width - 2 * (len(COLUMNS) - narrow) - 2 - aspect - rating, 30)
        longest = max([len(t("readiness.col.topic"))] + [len(r.topic) for r in self.rows_shown]) + 1
        topic = min(max(longest, 10), room // 2 if narrow else room * 2 // 5)
        description = 0 if narrow else (room - topic) // 2
        return {"aspect": aspect, "topic": topic, "rating": rating, "description": description,
                "gap": room - topic - description}

    def on_resize(self) -> None:
        if self.rows_shown:
            self.show(self.rows_shown)

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def current(self) -> Readiness | None:
        rid = self.current_id
        return next((r for r in self.rows_shown if r.id == rid), None)

    def detail(self) -> Text:
        """The row under the cursor in full (the table cuts long texts)."""
        r = self.current()
        if r is None:
            return Text(t("readiness.detail_none"), style="dim")
        lang = get_language()
        out = Text()
        out.append(f"{READINESS_ASPECTS.label(r.aspect, lang)} · {r.topic or t('ui.unnamed')} · ", style="bold")
        out.append(RATINGS.label(r.rating, lang), style=RATING_STYLE.get(r.rating, ""))
        out.append(f"\n{t('readiness.col.description')}: ", style="bold")
        out.append(" ".join(r.description.split()) or "-")
        out.append(f"\n{t('readiness.col.gap')}: ", style="bold")
        out.append(" ".join(r.gap.split()) or "-")
        return out

    def action_new_readiness(self) -> None:
        plan_screen_of(self).new_readiness()

    def action_edit_readiness(self) -> None:
        row = self.current()
        if row is not None:
            plan_screen_of(self).edit_readiness(row)

    def action_delete_readiness(self) -> None:
        row = self.current()
        if row is not None:
            plan_screen_of(self).delete_readiness(row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_readiness", "delete_readiness"):
            return True if self.current_id is not None else None
        return True
