"""export_bundle: a plan store -> a bundle folder or .zip on the target drive.

The UI's export screen only gathers ExportOptions and calls this from a worker (with a
progress callback); the `export` command calls it directly."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..document import build_document, write_html, write_markdown
from ..model.revision import RecordState
from ..store import PlanStore
from ..store.teams import known_teams
from . import toml_out
from .checks import REPLICA, check_table
from .encode import count, encode_file, route
from .errors import BundleError, WriterProblem
from .layout import FORMAT_NAME, FORMAT_VERSION, HTML, MANIFEST, MARKDOWN, MAX_TEAM_CHARS, MAX_TEAMS
from .naming import bundle_name, free_target
from .references import dangling
from .safe_write import sha256, sweep_leftovers, write_folder, write_zip

__all__ = ["ExportOptions", "ExportResult", "bundle_name", "export_bundle"]


@dataclass
class ExportOptions:
    out_dir: Path
    zip: bool = False
    lang: str = "id"  # language of masterplan.md and masterplan.html


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int]
    files: list[str] = field(default_factory=list)  # bundle-relative, manifest last
    # deleted records per kind (the manifest's counts include them, as they travel too)
    deleted: dict[str, int] = field(default_factory=dict)


def _now() -> _dt.datetime:
    return _dt.datetime.now().astimezone().replace(microsecond=0)


def export_bundle(store: PlanStore, options: ExportOptions, *,
                  clock: Callable[[], _dt.datetime] | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> ExportResult:
    """Write the plan as a bundle into options.out_dir and return where, with counts.

    `progress(done, total, label)` is called after each record file is prepared, each file
    is written (label: its bundle path) and after the final check (label "verify"), for a
    progress bar in the UI's worker. Raises BundleError (nothing left under the final name)."""
    out_dir = Path(options.out_dir)
    if not out_dir.is_dir():
        raise BundleError("out_missing", str(out_dir), path=str(out_dir))
    sweep_leftovers(out_dir)  # what exports killed midway left here
    when = (clock or _now)()
    # Everything read from the store is read here, first: the app runs this in a worker
    # while the officer may go on editing; what follows works on these copies only.
    states = store.states()
    plan, conflicts, parents = store.plan(), store.conflicts(), store.orphan_parents()
    plan_id, replica_id, team = store.plan_id, store.replica_id, store.team
    named = known_teams(store)  # (the book's appendix names each value's pokja too)
    teams = manifest_teams(named, replica_id)

    wire = {s.id: s.to_dict() for s in states}
    _refuse_unreadable(store, states, wire)
    framework = plan.framework  # its dimensions name the pillar files; plan.toml and the manifest name it
    groups = route(states, framework.keys)
    # prepare the record files and the book (md, html), write those and the manifest, verify
    total = 2 * (len(groups) + 2) + 2
    done = 0

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    files: dict[str, bytes] = {}
    for rel, group in groups.items():
        files[rel] = encode_file(plan_id, rel, group, wire, framework.ref)
        step(rel)
    book = build_document(plan, lang=options.lang, conflicts=conflicts, teams=named, parents=parents)
    files[MARKDOWN] = write_markdown(book).encode("utf-8")
    step(MARKDOWN)
    files[HTML] = write_html(book).encode("utf-8")
    step(HTML)
    counts = count(states)
    digests = {rel: sha256(data) for rel, data in files.items()}
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "plan_id": plan_id,
        "framework": framework.id,
        "framework_version": framework.version,
        "replica_id": replica_id,
        "team": team,
        "exported_at": when.isoformat(),
        "language": options.lang,
        "counts": counts,
        **({"teams": teams} if teams else {}),
        "files": {rel: {"sha256": digests[rel], "size": len(data)} for rel, data in files.items()},
    }
    files[MANIFEST] = toml_out.document(manifest).encode("utf-8")
    digests[MANIFEST] = sha256(files[MANIFEST])

    name = bundle_name(plan.info.region, team, when)
    if options.zip:
        final = free_target(out_dir, name, ".zip")
        write_zip(final, files, digests, step, when)
    else:
        final = free_target(out_dir, name)
        write_folder(final, files, digests, step)
    step("verify")
    deleted: dict[str, int] = {}
    for s in states:
        if s.deleted:
            deleted[s.kind] = deleted.get(s.kind, 0) + 1
    return ExportResult(final, counts, list(files), deleted)


def _refuse_unreadable(store: PlanStore, states: list[RecordState], wire: dict[str, dict[str, Any]]) -> None:
    """The writer never writes what its reader would refuse: a bundle like that is no use on
    the flash drive. Say so here, in the team's room, where the plan can still be fixed."""
    path = str(store.path)
    for raw in wire.values():
        try:
            check_table(raw, raw["kind"])
        except BundleError as e:
            raise BundleError("export_invalid", path, path=path, id=raw["id"], kind_msg=f"merge.kind.{raw['kind']}",
                              problem=WriterProblem(e)) from None
    bad = dangling(states)
    if bad:
        d = bad[0]
        raise BundleError("export_dangling", path, path=path, id=d.record.id,
                          kind_msg=f"merge.kind.{d.record.kind}", field=d.field, target=d.target, n=len(bad))


def manifest_teams(teams: dict[str, str], own: str) -> dict[str, str]:
    """The `teams` table as its reader accepts it (layout.py's limits), sorted by replica id:
    names cut to MAX_TEAM_CHARS; past MAX_TEAMS entries, this copy's own and the first by id."""
    ok = {r: name[:MAX_TEAM_CHARS] for r, name in teams.items() if REPLICA.fullmatch(r) and type(name) is str}
    if len(ok) > MAX_TEAMS:
        keep = sorted(ok)[:MAX_TEAMS - 1] + ([own] if own in ok else [])
        ok = {r: ok[r] for r in keep}
    return dict(sorted(ok.items()))
