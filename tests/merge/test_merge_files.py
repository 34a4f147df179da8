"""The git driver's file merge (bundle/merge_files.py) without git: what lands in OURS, and
that BASE and THEIRS are only read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from smartcity_tui.bundle.merge_files import merge_plan_files
from smartcity_tui.cli import main
from smartcity_tui.model.records import PlanInfo, Programme
from smartcity_tui.store import PlanStore


def _meta(path: Path) -> dict:
    return next(iter(json.loads(path.read_text(encoding="utf-8"))["_meta"].values()))


def _plan(folder: Path) -> tuple[Path, str]:
    path = folder / "plan.json"
    with PlanStore.create(path, PlanInfo(region="Contoh"), team="Sekretariat") as store:
        prog = store.add(Programme(code="1.001", name="Lapor", pillar="governance"))
    return path, prog.id


def _edited_copy(src: Path, dst: Path, team: str, prog_id: str, **fields) -> Path:
    shutil.copyfile(src, dst)
    with PlanStore.open(dst) as store:
        store.set_team(team)
        store.update(prog_id, **fields)
    return dst


def test_ours_keeps_its_identity_and_gains_theirs_edits(tmp_path):
    base, prog_id = _plan(tmp_path)
    ours = _edited_copy(base, tmp_path / "ours.json", "Pokja A", prog_id, name="Lapor Wonosari")
    theirs = _edited_copy(base, tmp_path / "theirs.json", "Pokja B", prog_id, progress=30)
    before = _meta(ours)
    base_bytes, theirs_bytes = base.read_bytes(), theirs.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert merge_plan_files(base, ours, theirs) == 0
    after = _meta(ours)
    assert (after["replica"], after["team"], after["counter"]) == (before["replica"], "Pokja A", before["counter"])
    assert after["teams"][_meta(theirs)["replica"]["id"]] == "Pokja B"
    assert after["teams"][_meta(base)["replica"]["id"]] == "Sekretariat"  # each replica its own team
    # BASE and THEIRS only read: not changed, no lock or backup beside them, no temp left
    assert base.read_bytes() == base_bytes and theirs.read_bytes() == theirs_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    with PlanStore.open(ours) as store:
        assert (store.get(prog_id).name, store.get(prog_id).progress) == ("Lapor Wonosari", 30)
        store.update(prog_id, description="lanjut")  # OURS goes on writing with fresh dots
        assert store.conflicts() == []


def test_merging_the_same_theirs_again_leaves_ours_byte_identical(tmp_path, capsys):
    base, prog_id = _plan(tmp_path)
    ours = _edited_copy(base, tmp_path / "ours.json", "Pokja A", prog_id, name="Lapor Wonosari")
    theirs = _edited_copy(base, tmp_path / "theirs.json", "Pokja B", prog_id, progress=30)
    assert main(["merge-driver", str(base), str(ours), str(theirs)]) == 0
    once = ours.read_bytes()
    assert main(["merge-driver", str(base), str(ours), str(theirs)]) == 0
    assert ours.read_bytes() == once


def test_same_field_gives_exit_1_and_a_valid_plan_with_both(tmp_path, capsys):
    base, prog_id = _plan(tmp_path)
    ours = _edited_copy(base, tmp_path / "ours.json", "Pokja A", prog_id, name="Nama A")
    theirs = _edited_copy(base, tmp_path / "theirs.json", "Pokja B", prog_id, name="Nama B")
    assert main(["merge-driver", str(base), str(ours), str(theirs), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "1 record in conflict" in err and str(ours) not in err  # OURS is git's temp file
    with PlanStore.open(ours, readonly=True) as store:
        [state] = store.conflicts()
        assert sorted(s.value for s in state.fields["name"]) == ["Nama A", "Nama B"]


def test_an_empty_base_is_accepted(tmp_path):
    base, prog_id = _plan(tmp_path)
    ours = _edited_copy(base, tmp_path / "ours.json", "Pokja A", prog_id, name="Nama A")
    theirs = _edited_copy(base, tmp_path / "theirs.json", "Pokja B", prog_id, progress=5)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert main(["merge-driver", str(empty), str(ours), str(theirs)]) == 0
    with PlanStore.open(ours, readonly=True) as store:
        assert (store.get(prog_id).name, store.get(prog_id).progress) == ("Nama A", 5)
