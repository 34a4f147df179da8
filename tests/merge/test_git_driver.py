"""The git merge driver: a plan file kept in git merges record by record, not line by line.

A temporary repository registers the driver as docs/merge.md tells a region's IT person:
`*.json merge=smartcity -text` in .gitattributes and `merge.smartcity.driver` in git config."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smartcity_tui.cli import main
from smartcity_tui.model.records import PlanInfo, Programme
from smartcity_tui.store import PlanStore

def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check,
                          encoding="utf-8")


def setup_repo(repo: Path) -> None:
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Sekretariat")
    git(repo, "config", "user.email", "sekretariat@example.invalid")
    git(repo, "config", "merge.smartcity.name", "smartcity-tui plan merge")
    git(repo, "config", "merge.smartcity.driver", f'"{sys.executable}" -m smartcity_tui merge-driver %O %A %B %P')
    (repo / ".gitattributes").write_text("*.json merge=smartcity -text\n", encoding="utf-8")
    (repo / ".gitignore").write_text("*.lock\n*.backup-*.json\n*.broken-*\n*.previous-*\n*.recovered-*.json\n.*.tmp\n",
                                     encoding="utf-8")


def edit(plan: Path, prog_id: str, **fields) -> None:
    with PlanStore.open(plan) as store:
        store.update(prog_id, **fields)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "rencana"
    setup_repo(repo)
    with PlanStore.create(repo / "plan.json", PlanInfo(region="Contoh", start_year=2025, end_year=2029),
                          team="Sekretariat") as store:
        prog = store.add(Programme(code="3.001", name="Pasar Rakyat Digital", pillar="economy",
                                   lead_agency="Dinas Koperasi", budget_by_source={"apbd": {2025: 100}}))
    commit(repo, "rencana awal")
    return repo, prog.id


def test_two_branches_editing_different_fields_merge_cleanly(repo):
    repo, prog_id = repo
    plan = repo / "plan.json"
    git(repo, "checkout", "-q", "-b", "pokja-a")
    edit(plan, prog_id, name="Pasar Rakyat Daring")
    commit(repo, "pokja A: nama")
    git(repo, "checkout", "-q", "main")
    edit(plan, prog_id, budget_by_source={"apbd": {2025: 250, 2026: 300}})
    commit(repo, "sekretariat: anggaran")
    result = git(repo, "merge", "-q", "--no-edit", "pokja-a", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    with PlanStore.open(plan, readonly=True) as store:
        prog = store.get(prog_id)
        assert (prog.name, prog.budget) == ("Pasar Rakyat Daring", {2025: 250, 2026: 300})
        assert store.conflicts() == []
    assert git(repo, "status", "--porcelain").stdout.strip() == ""


def test_two_branches_editing_the_same_field_report_a_conflict_holding_both(repo):
    repo, prog_id = repo
    plan = repo / "plan.json"
    git(repo, "checkout", "-q", "-b", "pokja-b")
    edit(plan, prog_id, lead_agency="Bappeda")
    commit(repo, "pokja B")
    git(repo, "checkout", "-q", "main")
    edit(plan, prog_id, lead_agency="Diskominfo")
    commit(repo, "sekretariat")
    result = git(repo, "merge", "--no-edit", "pokja-b", check=False)
    assert result.returncode != 0
    assert "conflict" in (result.stdout + result.stderr).lower()
    # the driver's line names the plan as the user knows it (%P), not git's temp file
    said = [line for line in result.stderr.splitlines() if line.startswith("smartcity-tui:")]
    assert said == ["smartcity-tui: plan.json: 1 entri berkonflik disimpan di rencana; "
                    "selesaikan di aplikasi, lalu git add plan.json dan commit"]
    with PlanStore.open(plan, readonly=True) as store:
        [state] = store.conflicts()
        values = sorted(s.value for s in state.fields["lead_agency"])
        assert values == ["Bappeda", "Diskominfo"]
    # the file is still a well-formed plan; the person settles it and commits
    with PlanStore.open(plan) as store:
        store.resolve(prog_id, "lead_agency", "Bappeda")
        assert store.conflicts() == []
    commit(repo, "konflik diselesaikan")
    assert git(repo, "status", "--porcelain").stdout.strip() == ""


def test_a_second_clone_merges_through_pull(repo, tmp_path):
    repo, prog_id = repo
    other = tmp_path / "laptop-pokja"
    git(tmp_path, "clone", "-q", str(repo), str(other))
    for key, value in [("merge.smartcity.driver", git(repo, "config", "merge.smartcity.driver").stdout.strip()),
                       ("user.name", "Pokja"), ("user.email", "pokja@example.invalid")]:
        git(other, "config", key, value)
    edit(other / "plan.json", prog_id, description="Usulan pokja")
    commit(other, "pokja: uraian")
    edit(repo / "plan.json", prog_id, progress=20)
    commit(repo, "sekretariat: kemajuan")
    git(repo, "remote", "add", "pokja", str(other))
    git(repo, "fetch", "-q", "pokja")
    result = git(repo, "merge", "--no-edit", "pokja/main", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    with PlanStore.open(repo / "plan.json", readonly=True) as store:
        prog = store.get(prog_id)
        assert (prog.description, prog.progress) == ("Usulan pokja", 20)


def test_bad_input_exits_2_with_one_line_and_leaves_ours_as_it_was(repo, tmp_path, capsys):
    repo, _ = repo
    ours = tmp_path / "ours.json"
    shutil.copyfile(repo / "plan.json", ours)
    before = ours.read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert main(["merge-driver", str(repo / "plan.json"), str(ours), str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "broken.json" in err
    other = tmp_path / "other.json"
    PlanStore.create(other, PlanInfo(region="Lain"), team="Lain").close()
    assert main(["merge-driver", str(repo / "plan.json"), str(ours), str(other)]) == 2
    assert "other.json" in capsys.readouterr().err
    assert ours.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ours")) == ["ours.json"]


def _legacy_app(monkeypatch) -> None:
    """Edits as the app before per-session replica ids: a file reopened where it lives keeps
    writing under its replica id, so two branches of one clone share it."""
    from smartcity_tui.store.writing import StoreWriter

    def keep(self) -> None:
        self._replica_checked = True

    monkeypatch.setattr(StoreWriter, "_take_fresh_replica", keep)


def _assert_every_edit_kept(plan: Path, prog_id: str, expected: dict) -> None:
    with PlanStore.open(plan, readonly=True) as store:
        state = store.state(prog_id)
        for field, value in expected.items():
            held = [s.value for s in state.fields.get(field, [])]
            assert value in held, f"{field}: {value!r} lost, the plan holds {held!r}"


@pytest.mark.parametrize("upgraded_between", [False, True])
def test_a_long_lived_branch_merged_twice_loses_no_edit(repo, monkeypatch, upgraded_between):
    """One clone, two branches written under one replica id (files from before per-session
    replica ids), merged, edited again, merged again: every edit of both branches is in the
    plan (shown, or kept in a conflict), no field emptied. With `upgraded_between`, the
    second round of edits is made by this version (fresh replica ids)."""
    repo, prog_id = repo
    plan = repo / "plan.json"
    _legacy_app(monkeypatch)
    git(repo, "checkout", "-q", "-b", "pokja-a")
    edit(plan, prog_id, description="Uraian pokja A")
    commit(repo, "pokja A: uraian")
    git(repo, "checkout", "-q", "main")
    edit(plan, prog_id, lead_agency="Diskominfo")
    commit(repo, "sekretariat: OPD")
    result = git(repo, "merge", "--no-edit", "pokja-a", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    if upgraded_between:
        monkeypatch.undo()
    git(repo, "checkout", "-q", "pokja-a")
    edit(plan, prog_id, progress=20)
    commit(repo, "pokja A: kemajuan")
    git(repo, "checkout", "-q", "main")
    edit(plan, prog_id, name="Pasar Rakyat Wonosari")
    commit(repo, "sekretariat: nama")
    result = git(repo, "merge", "--no-edit", "pokja-a", check=False)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    _assert_every_edit_kept(plan, prog_id, {"description": "Uraian pokja A", "lead_agency": "Diskominfo",
                                            "progress": 20, "name": "Pasar Rakyat Wonosari",
                                            "budget_apbd_2025": 100})
