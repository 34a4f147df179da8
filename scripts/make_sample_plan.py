"""Build sample_data/plan.json from scripts/sample_plan_content.py with the project's own API.

Deterministic: ids come from a seeded generator and the clock is fixed, so running it again
gives the same bytes (tests/test_sample_plan.py checks the committed file against it). The
replica is left homeless, so every copy of the sample takes a fresh replica id when it is
first written to, and two groups opening the demo never write as the same replica.

    python scripts/make_sample_plan.py [OUT.json]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import sample_plan_book as book  # noqa: E402
import sample_plan_content as content  # noqa: E402

from smartcity_tui.model import (  # noqa: E402
    Indicator, Milestone, PlanInfo, Programme, Readiness, Stakeholder, Strategy, SwotItem,
)
from smartcity_tui.model.records import PlanTarget  # noqa: E402
from smartcity_tui.model import narrative  # noqa: E402
from smartcity_tui.model.records import InstitutionMember, Regulation  # noqa: E402
from smartcity_tui.store import PlanStore  # noqa: E402

DEFAULT_OUT = HERE.parent / "sample_data" / "plan.json"
CLOCK = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
REPLICA = "5a3b1e5a3b1e0001"


def build_sample_plan(out: Path, seed: int = 2026) -> Path:
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    out = Path(out)
    if out.exists():
        out.unlink()
    info = PlanInfo(id=new_id(), **content.PLAN)
    store = PlanStore.create(out, info, content.TEAM, clock=lambda: CLOCK, replica_id=REPLICA,
                             bind_home=False, durable=False)
    try:
        for i, (aspect, topic, rating, desc, gap) in enumerate(content.READINESS, start=1):
            store.add(Readiness(id=new_id(), aspect=aspect, topic=topic, rating=rating,
                                description=desc, gap=gap, order=i))
        target_ids = []
        for i, (text, mission, indicator, unit, baseline, year, end, source) in enumerate(content.TARGETS, start=1):
            target = store.add(PlanTarget(id=new_id(), text=text, mission=mission, indicator=indicator, unit=unit,
                                          baseline=baseline, baseline_year=year, end_target=end, data_source=source,
                                          order=i))
            target_ids.append(target.id)
        for pillar, data in content.PILLARS.items():
            swot_ids = []
            for q, text, element, subtopic, agency in data["swot"]:
                item = store.add(SwotItem(id=new_id(), pillar=pillar, quadrant=q, text=text, element=element,
                                          subtopic=subtopic, source_agency=agency))
                swot_ids.append(item.id)
            strategy_ids = []
            for kind, text, refs in data["strategies"]:
                st = store.add(Strategy(id=new_id(), pillar=pillar, kind=kind, text=text,
                                        swot_ids=[swot_ids[r] for r in refs]))
                strategy_ids.append(st.id)
            for p in data["programmes"]:
                prog = store.add(Programme(
                    id=new_id(), code=p["code"], name=p["name"], description=p["description"], pillar=pillar,
                    element=p["element"], subtopic=p["subtopic"],
                    strategy_ids=[strategy_ids[r] for r in p["strategies"]], lead_agency=p["lead"],
                    supporting_agencies=p["supporting"],
                    stakeholders=[Stakeholder(n, r) for n, r in p["stakeholders"]], reference=p["reference"],
                    innovation=p["innovation"], horizon=p["horizon"], start_year=p["start"], end_year=p["end"],
                    quick_win=p["quick_win"], priority=p["priority"], funding_sources=p["funding"],
                    budget_by_source=p["budget"], status=p["status"], progress=p["progress"],
                    location=p.get("location", ""), beneficiaries=p.get("beneficiaries", ""),
                    regulation_needs=p.get("regulation", ""), mission_numbers=p.get("missions", []),
                    target_ids=[target_ids[t] for t in p.get("targets", [])]))
                for i, ind in enumerate(p["indicators"], start=1):
                    store.add(Indicator(id=new_id(), programme_id=prog.id, order=i, **ind))
                for m in p["milestones"]:
                    store.add(Milestone(id=new_id(), programme_id=prog.id, **m))
        add_official_codes(store)
        add_book(store, new_id)
    finally:
        store.close()
    return out


# Permendagri 90/2019 program codes of bidang 2.16 Komunikasi dan Informatika, set on two
# programmes as a secretariat would after the workshop (no region's code list is shipped).
OFFICIAL_CODES = {"GOV-01": "2.16.02", "BRD-02": "2.16.03"}


def add_official_codes(store: PlanStore) -> None:
    for prog in store.plan().programmes:
        if prog.code in OFFICIAL_CODES:
            store.update(prog.id, nomenclature_code=OFFICIAL_CODES[prog.code])


def add_book(store: PlanStore, new_id) -> None:
    """The book's own parts (scripts/sample_plan_book.py): the draft's round, the prose of
    every section, the dasar hukum and the members of the Smart City institutions. Kept apart
    from the records above, and last, so that their ids and order stay as they were."""
    store.set_info(draft_round=book.DRAFT_ROUND)
    for section, text in book.SECTIONS.items():
        store.save(narrative.edited(store.plan(), section, text))
    for pillar, text in book.DIMENSIONS.items():
        store.save(narrative.edited(store.plan(), "dimension", text, pillar))
    for i, text in enumerate(book.REGULATIONS, start=1):
        store.add(Regulation(id=new_id(), text=text, order=i))
    for i, (body, role, name, agency, pentahelix) in enumerate(book.MEMBERS, start=1):
        store.add(InstitutionMember(id=new_id(), body=body, role=role, name=name, agency=agency,
                                    pentahelix=pentahelix, order=i))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(build_sample_plan(target))
