"""The programme form's pick lists of the plan's own records: the strategies of its pillar,
the RPJMD missions (by number) and the targets (sasaran) it serves. One already chosen that
the plan no longer holds (deleted since, or another pillar's) is listed ticked, so it can be
unticked rather than silently dropped."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.selection_list import Selection

from ...i18n import t
from ...model.plan import Plan
from ...model.records import Strategy
from ..widgets.ticks import SelectionList
from .programme_form_fields import compact


def mission_picker(plan: Plan, mission_numbers: Iterable[int]) -> list[Widget]:
    """The plan's own missions (RPJMD), picked by number."""
    missions = plan.info.missions
    chosen = set(mission_numbers)
    options = [Selection(f"{n}. {' '.join(m.split())}", n, n in chosen) for n, m in enumerate(missions, 1)]
    options += [Selection(f"? {n}", n, True) for n in sorted(chosen) if not 1 <= n <= len(missions)]
    if not options:
        return [Static(t("prog.form.no_missions"), classes="field-note")]
    return [compact(SelectionList, *options, id="missions")]


def target_picker(plan: Plan, target_ids: Iterable[str]) -> list[Widget]:
    """The plan's own targets (sasaran), each with the mission it serves."""
    chosen = list(target_ids)
    targets = plan.targets
    options = [Selection(f"{n}. {' '.join(x.text.split())}", x.id, x.id in chosen)
               for n, x in enumerate(targets, 1)]
    known = {x.id for x in targets}
    options += [Selection(f"? {tid[:8]}", tid, True) for tid in chosen if tid not in known]
    if not options:
        return [Static(t("prog.form.no_targets"), classes="field-note")]
    return [compact(SelectionList, *options, id="targets")]


def strategy_picker(plan: Plan, pillar: str, strategy_ids: Iterable[str]) -> list[Widget]:
    own = plan.strategies_for(pillar)
    chosen = list(strategy_ids)
    options = [Selection(f"{s.kind} · {s.text}", s.id, s.id in chosen) for s in own]
    known = {s.id for s in own}
    for sid in chosen:  # a strategy of another pillar, or one deleted since: shown, so it can be unticked
        if sid not in known:
            other = plan.get(sid)
            label = f"{other.kind} · {other.text}" if isinstance(other, Strategy) else f"? {sid[:8]}"
            options.append(Selection(label, sid, True))
    if not options:
        return [Static(t("prog.form.no_strategies"), classes="field-note")]
    return [compact(SelectionList, *options, id="strategies")]
