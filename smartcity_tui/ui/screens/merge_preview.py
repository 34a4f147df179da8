"""What a merge would do (or did), as the merge screen shows it: per pillar the records added,
updated, deleted and the conflicts, from bundle/merge.py's MergeReport."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...bundle.merge_report import PLAN_WIDE, MergeReport
from ...i18n import get_language, t
from ...model.framework import Framework
from ...model.vocab import DEFAULT_FRAMEWORK

COLUMNS = ("added", "updated", "deleted", "conflicts_new", "conflicts_total")


def area_label(area: str, framework: Framework = DEFAULT_FRAMEWORK) -> str:
    return t("exchange.merge.area_plan") if area == PLAN_WIDE else framework.name_of(area, get_language())


def report_table(report: MergeReport, framework: Framework = DEFAULT_FRAMEWORK) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False, show_edge=False)
    table.add_column(t("exchange.merge.col_area"), no_wrap=True, overflow="ellipsis")
    for col in COLUMNS:
        table.add_column(t(f"exchange.merge.col_{col}"), justify="right", no_wrap=True)
    shown = 0
    for area, c in report.areas.items():  # plan-wide, then the framework's order
        values = [getattr(c, k) for k in COLUMNS]
        if not any(values):
            continue
        shown += 1
        # markup, not styled Text: a styled Text cell loses its column's right alignment
        cells = [f"[bold yellow]{v}[/]" if k.startswith("conflicts") and v else str(v)
                 for k, v in zip(COLUMNS, values, strict=True)]
        table.add_row(Text(area_label(area, framework)), *cells)
    if not shown:
        table.add_row(Text(t("exchange.merge.nothing_row")), *["0"] * len(COLUMNS))
    table.add_section()
    table.add_row(Text(t("exchange.merge.total"), style="bold"),
                  *[f"[bold]{report.total(k)}[/]" for k in COLUMNS])
    return table


def report_view(report: MergeReport, *, applied: bool, left_out: Sequence[str] = (),
                framework: Framework = DEFAULT_FRAMEWORK) -> Group:
    """The table with a line under it that says what it means for the plan file; and, when
    some chosen bundles could not be read, that those groups' work is not in it."""
    unchanged = Text(t("exchange.merge.unchanged", n=report.unchanged), style="dim")
    lines: list[RenderableType] = [report_table(report, framework), unchanged]
    if report.hidden:  # written, in no column: so that the numbers add up to the records written
        lines.append(Text(t("merge.hidden", n=report.hidden), style="dim"))
    if left_out:
        key = "exchange.merge.left_out_after" if applied else "exchange.merge.left_out_before"
        lines.append(Text(t(key, n=len(left_out), names=", ".join(left_out)), style="bold red"))
    if report.adopted:
        lines.append(Text(t("exchange.merge.adopting" if not applied else "exchange.merge.adopted"),
                          style="bold"))
    if applied:
        key = "exchange.merge.applied" if report.written else "exchange.merge.nothing_new"
        lines.append(Text(t(key, n=report.written), style="bold green"))
    elif report.changes_anything:
        lines.append(Text(t("exchange.merge.confirm", n=report.written), style="bold"))
    else:
        lines.append(Text(t("exchange.merge.nothing_to_do")))
    conflicts = report.total("conflicts_total")
    if conflicts:
        lines.append(Text(t("exchange.merge.conflicts_after", n=conflicts), style="yellow"))
    if report.dependents:
        lines.append(Text(t("merge.dependents", n=report.dependents), style="yellow"))
    return Group(*lines)
