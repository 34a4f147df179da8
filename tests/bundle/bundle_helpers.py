"""Helpers for bundle tests: a small plan touching every record kind, every pillar file,
a deletion, a conflict and an orphan; exports with a fixed clock; rewriting one file of an
exported bundle (optionally fixing its checksum so the checks after it are reached)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tomllib
from pathlib import Path

import tomli_w

from smartcity_tui.bundle import ExportOptions, export_bundle
from smartcity_tui.model.records import (
    Indicator, Milestone, PlanInfo, Programme, Readiness, Stakeholder, Strategy, SwotItem,
)
from smartcity_tui.store import PlanStore

WHEN = dt.datetime(2026, 11, 22, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def clock(when: dt.datetime = WHEN):
    return lambda: when


def make_plan(path: Path, *, text: str = "Layanan perizinan sudah daring", name: str = "Pasar Rakyat Digital",
              team: str = "Pokja Smart Economy") -> PlanStore:
    """An open store (closed by the caller) holding: readiness, SWOT in economy and living,
    a strategy, a programme with indicator and milestone, a deleted SWOT item, an orphan
    programme without pillar (goes to plan.toml), and a same-field conflict."""
    info = PlanInfo(region="Wonosari Raya", province="Jawa Tengah", start_year=2025, end_year=2029,
                    vision="Wonosari cerdas", missions=["Misi satu", name])
    store = PlanStore.create(path, info, team, durable=False)
    store.add(Readiness(aspect="struktur", topic="SDM TIK", rating="kurang", description=text))
    s = store.add(SwotItem(pillar="economy", quadrant="S", text=text, element="industry"))
    o = store.add(SwotItem(pillar="economy", quadrant="O", text="Dana CSR perbankan"))
    store.add(SwotItem(pillar="living", quadrant="W", text="Puskesmas jauh"))
    gone = store.add(SwotItem(pillar="economy", quadrant="T", text="Akan dihapus"))
    store.delete(gone.id)
    st = store.add(Strategy(pillar="economy", kind="SO", text="Perluas pasar daring", swot_ids=[s.id, o.id]))
    prog = store.add(Programme(code="3.001", name=name, description=text, pillar="economy", element="industry",
                               strategy_ids=[st.id], lead_agency="Dinas Koperasi", start_year=2025,
                               end_year=2026, quick_win=True, budget_by_source={"apbd": {2025: 1_250_000_000, 2026: 5}},
                               stakeholders=[Stakeholder(name, "business")], funding_sources=["apbd"]))
    store.add(Indicator(programme_id=prog.id, name="UMKM daring", unit="UMKM", baseline=12.5,
                        targets={2025: 40, 2026: 80.25}))
    store.add(Milestone(programme_id=prog.id, year=2025, quarter=2, title="Peluncuran"))
    orphan = store.add(Programme(code="9.999", name="Tanpa dimensi", pillar=""))
    store.add(Milestone(programme_id=orphan.id, year=2026, title="Tonggak yatim"))
    _conflict(store, path, prog.id)
    return store


def _conflict(store: PlanStore, path: Path, prog_id: str) -> None:
    """Two copies edit the programme's lead agency concurrently; merge the other one in."""
    other_path = path.with_name(path.stem + "-other.json")
    shutil.copyfile(path, other_path)
    with PlanStore.open(other_path, durable=False) as other:
        other.set_team("Pokja lain")
        other.update(prog_id, lead_agency="Bappeda")
        theirs = other.states()
    store.update(prog_id, lead_agency="Diskominfo")
    store.merge_in(theirs)


def export(store: PlanStore, out: Path, *, zip: bool = False, lang: str = "id", when=WHEN):
    out.mkdir(parents=True, exist_ok=True)
    return export_bundle(store, ExportOptions(out, zip=zip, lang=lang), clock=clock(when))


def states_dicts(states) -> list[dict]:
    return [s.to_dict() for s in sorted(states, key=lambda s: s.id)]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(bundle: Path) -> dict:
    return tomllib.loads((bundle / "manifest.toml").read_text(encoding="utf-8"))


def write_manifest(bundle: Path, man: dict) -> None:
    (bundle / "manifest.toml").write_bytes(tomli_w.dumps(man).encode("utf-8"))


def rewrite(bundle: Path, rel: str, data: bytes, *, fix_sum: bool = True) -> None:
    """Replace one file of a bundle folder; with fix_sum the manifest gets its new sha256,
    as a careless hand edit plus 'fixing' the manifest would."""
    (bundle / rel).write_bytes(data)
    if fix_sum:
        man = manifest(bundle)
        man["files"][rel]["sha256"] = sha(data)
        man["files"][rel]["size"] = len(data)
        write_manifest(bundle, man)


def edit_text(bundle: Path, rel: str, old: str, new: str, *, count: int = 1, fix_sum: bool = True) -> int:
    """Replace `old` by `new` in a bundle file; returns the line number of the first change."""
    text = (bundle / rel).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    line = text[: text.index(old)].count("\n") + 1
    rewrite(bundle, rel, text.replace(old, new, count).encode("utf-8"), fix_sum=fix_sum)
    return line
