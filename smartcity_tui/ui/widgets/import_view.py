"""What the import screen shows of a sheet: the mapping (each sheet, what it holds, and each of
its columns with the field it goes to), which the officer changes with enter; and the
preview (rows new, changed and unchanged per pillar, the rows that change records with the
fields they change, the notes, and every problem with its sheet, row and column)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...i18n import get_language, t
from ...sheets import PLAN_WIDE, Counts, ImportPreview, Mapping, SheetMapping, field_choices
from ...sheets.columns import SPEC_BY_KIND
from ...sheets.limits import MAX_SHOWN_PROBLEMS
from .. import keys

CHANGED_SHOWN = 30  # rows listed with the fields they change; the rest are a count


def kind_label(kind: str | None) -> str:
    return t(f"merge.kind.{kind}") if kind else t("sheetui.not_imported")


def field_label(kind: str, key: str | None, years: range) -> str:
    if key is None:
        return t("sheetui.not_imported")
    lang = get_language()
    for choice in field_choices(kind, years):
        if choice.key == key:
            return choice.label(lang)
    name, _, year = key.partition(":")  # a year outside the plan period ("Anggaran 2031")
    spec = SPEC_BY_KIND.get(kind)
    col = spec.column(name) if spec else None
    return col.header(lang, int(year) if year else None) if col else key


class MappingList(OptionList):
    """One line per sheet, then one per column of an imported sheet; enter changes it."""

    BINDINGS = keys.prefixed("import_mapping.")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        # what each line stands for: (sheet, None) for a sheet, (sheet, column index) for a column
        self.rows: list[tuple[str, int | None]] = []

    def show(self, mapping: Mapping, years: range, preview: ImportPreview | None) -> None:
        keep = self.highlighted
        counts = preview.by_sheet() if preview is not None else {}
        self.rows, options = [], []
        for m in mapping.sheets:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(t("sheetui.sheet_line", sheet=m.sheet, kind=kind_label(m.kind)) + "  ", style="bold")
            if m.kind and m.sheet in counts:
                line.append(t("sheetui.sheet_rows", n=counts[m.sheet].total), style="dim")
            options.append(Option(line))
            self.rows.append((m.sheet, None))
            if not m.kind:
                continue
            for c in m.columns:
                if not c.header and c.key is None:
                    continue
                col = Text(no_wrap=True, overflow="ellipsis")
                col.append(f"  {c.letter} ", style="dim")
                col.append((c.header or t("sheetui.no_header")) + " → ")
                col.append(field_label(m.kind, c.key, years), style="" if c.key else "dim italic")
                options.append(Option(col))
                self.rows.append((m.sheet, c.index))
        self.set_options(options)
        self.border_title = t("sheetui.mapping_title")
        if options:
            self.highlighted = min(keep or 0, len(options) - 1)

    @property
    def current(self) -> tuple[str, int | None] | None:
        if self.highlighted is None or self.highlighted >= len(self.rows):
            return None
        return self.rows[self.highlighted]

    def action_change(self) -> None:
        from ..screens.import_sheet import ImportScreen

        screen = self.screen
        if self.current is not None and isinstance(screen, ImportScreen):
            screen.change_mapping(*self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_change()


def kind_choices(sheet: SheetMapping) -> list[tuple[str, str]]:
    from ...sheets.columns import SHEETS

    return [(s.kind, kind_label(s.kind)) for s in SHEETS] + [("", t("sheetui.not_imported"))]


def column_choices(kind: str, years: range) -> list[tuple[str, str]]:
    lang = get_language()
    return [("", t("sheetui.not_imported")), *((c.key, c.label(lang)) for c in field_choices(kind, years))]


def counts_table(preview: ImportPreview) -> Table:
    cols = ("new", "changed", "unchanged")
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column(t("sheets.cli.col_area"), no_wrap=True)
    for name in cols:
        table.add_column(t(f"sheets.cli.col_{name}"), justify="right")
    lang = get_language()
    counts = preview.counts()
    framework = preview.plan.framework
    for area, area_counts in counts.items():  # the framework's order, then the plan-wide
        if area_counts.total:
            label = t("sheets.cli.area_plan") if area == PLAN_WIDE else framework.name_of(area, lang)
            table.add_row(label, *(str(getattr(area_counts, k)) for k in cols))
    total: Counts = preview.total()
    # (the row's style, not styled cells: the padding then shares the span, as in a terminal)
    table.add_row(t("sheets.cli.total"), *(str(getattr(total, k)) for k in cols), style="bold")
    return table


def changed_fields(kind: str, fields: tuple[str, ...]) -> str:
    spec = SPEC_BY_KIND.get(kind)
    lang = get_language()
    names = []
    for f in fields:
        col = next((c for c in spec.columns if c.field == f), None) if spec else None
        names.append(col.header(lang) if col else f)
    return ", ".join(names)


def preview_view(preview: ImportPreview, *, applied: bool = False) -> RenderableType:
    """The preview, as the officer reads it before anything changes (and, once `applied`,
    as what was imported, without the line asking for ctrl+s)."""
    parts: list[RenderableType] = []
    if preview.problems:
        parts.append(Text(t("sheetui.refused", n=len(preview.problems)), style="bold red"))
        for p in preview.problems[:MAX_SHOWN_PROBLEMS]:
            parts.append(Text("• " + p.message(), style="red"))
        if len(preview.problems) > MAX_SHOWN_PROBLEMS:
            parts.append(Text(t("sheetui.more_problems", n=len(preview.problems) - MAX_SHOWN_PROBLEMS), style="red"))
        parts.append(Text(""))
    parts.append(counts_table(preview))
    for note in preview.notes:
        parts.append(Text(t("sheets.cli.note", message=note.message()), style="dim"))
    changed = [o for o in preview.outcomes if o.status == "changed"]
    if changed:
        parts.append(Text("\n" + t("sheetui.changed_rows"), style="bold"))
        for o in changed[:CHANGED_SHOWN]:
            parts.append(Text("  " + t("sheetui.changed_row", sheet=o.sheet, row=o.row,
                                       fields=changed_fields(o.kind, o.changed))))
        if len(changed) > CHANGED_SHOWN:
            parts.append(Text("  " + t("sheetui.more_changed", n=len(changed) - CHANGED_SHOWN), style="dim"))
    if not preview.problems and not applied:
        total = preview.total()
        if total.new or total.changed:
            parts.append(Text("\n" + t("sheetui.ready", new=total.new, changed=total.changed), style="bold"))
        else:
            parts.append(Text("\n" + t("sheetui.nothing"), style="bold"))
    return Group(*parts)
