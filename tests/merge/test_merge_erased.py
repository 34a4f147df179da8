"""QA report #4: a bundle whose record lacks a field (a line deleted by another program, the
checksums recomputed) while its `vv` says it has seen the plan's value must not erase that
value silently. The merge refuses it, naming bundle, file, line, record and field, and the
plan file stays as it was; honest bundles (a cleared value, a field the bundle never saw)
merge as before. What the secretariat notices: one line saying what happened and what to do."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
import tomli_w
from cli_support import run
from merge_helpers import as_bundle, copy_plan

from smartcity_tui.bundle import BundleError, ExportOptions, export_bundle, read_bundle
from smartcity_tui.bundle.merge import MergeError, apply, preview
from smartcity_tui.i18n import set_language
from smartcity_tui.model.records import SwotItem
from smartcity_tui.store import PlanStore

ECON = "pillars/economy.toml"


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def _export(store: PlanStore, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    return export_bundle(store, ExportOptions(out)).path


def _drop_field(bundle: Path, rid: str, name: str) -> int:
    """What another bundle-writing program did in the report: delete the line `f.<name>` of
    one record and recompute the checksums. Returns the line of the record's header."""
    lines = (bundle / ECON).read_text(encoding="utf-8").split("\n")
    at = lines.index(f'id = "{rid}"')
    gone = next(i for i in range(at, len(lines)) if lines[i].startswith(f"f.{name} = "))
    del lines[gone]
    data = "\n".join(lines).encode("utf-8")
    (bundle / ECON).write_bytes(data)
    man = tomllib.loads((bundle / "manifest.toml").read_text(encoding="utf-8"))
    man["files"][ECON] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    (bundle / "manifest.toml").write_text(tomli_w.dumps(man), encoding="utf-8")
    return at  # the header is the line above `id = ...`, and lines count from 1


@pytest.fixture
def edited(tmp_path, base_plan):
    """Group A's bundle (A changed the lead agency) with the programme's `f.name` line cut
    out, and the secretariat's plan file it is merged into."""
    path, pid = base_plan
    with copy_plan(path, tmp_path / "group_A.json", "Pokja A") as a:
        a.update(pid, lead_agency="Bappeda")
        bundle = _export(a, tmp_path / "out")
    header = _drop_field(bundle, pid, "name")
    return path, pid, bundle, header


def _assert_says_it(msg: str, bundle: Path, header: int, *words: str) -> None:
    assert "\n" not in msg
    for part in (str(bundle), ECON, str(header), "3.001 Pasar Rakyat Digital", "'name'", *words):
        assert part in msg, (part, msg)


def test_a_bundle_lacking_a_field_it_has_seen_is_refused_and_the_plan_keeps_it(edited):
    path, pid, bundle, header = edited
    before = path.read_bytes()
    read = read_bundle(bundle)  # alone, it is a well-formed bundle
    with PlanStore.open(path, durable=False) as store:
        for merge in (preview, apply):
            with pytest.raises(MergeError) as err:
                merge(store, [read])
            e = err.value
            assert isinstance(e, BundleError) and (e.key, e.file, e.line) == ("erases_field", ECON, header)
            _assert_says_it(e.message("id"), bundle, header, "diubah oleh program lain",
                            "mengekspor ulang bundel dari laptop mereka")
            _assert_says_it(e.message("en"), bundle, header, "changed by another program",
                            "export the bundle again from their laptop")
        assert store.get(pid).name == "Pasar Rakyat Digital"
    assert path.read_bytes() == before
    assert not list(path.parent.glob(f"{path.stem}.backup-*"))


def test_the_merge_command_refuses_it_with_one_line_and_exit_2(edited, capsys):
    path, _, bundle, header = edited
    before = path.read_bytes()
    code, out, err = run(capsys, "merge", path, bundle)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    _assert_says_it(err.strip(), bundle, header, "diubah oleh program lain")
    code, out, err = run(capsys, "merge", path, bundle, "--lang", "en")
    assert code == 2 and "changed by another program" in err
    code, out, _ = run(capsys, "merge", path, bundle, "--json")
    error = json.loads(out)["error"]
    assert code == 2 and (error["key"], error["file"], error["line"]) == ("bundle.erases_field", ECON, header)
    assert error["bundle"] == str(bundle)
    assert path.read_bytes() == before


def test_a_bundle_holding_only_a_value_it_has_seen_replaced_is_refused(base_plan):
    """The other form of the same impossibility: the field is there, but with an older
    value, while the `vv` covers the newer one the plan holds. The merge would drop both."""
    path, pid = base_plan
    with PlanStore.open(path, durable=False) as sec:
        old = sec.state(pid)
        sec.update(pid, name="Pasar Rakyat Daring")
        forged = old.copy()
        forged.vv = dict(sec.state(pid).vv)
        bundle = SimpleNamespace(**{**vars(as_bundle(sec, "forged")), "states": [forged]})
        with pytest.raises(MergeError) as err:
            apply(sec, [bundle])
        assert err.value.key == "erases_value"
        msg = err.value.message("id")
        assert msg.startswith("Bundel forged: Program 3.001 Pasar Rakyat Daring") and "'name'" in msg
        assert sec.get(pid).name == "Pasar Rakyat Daring"


def test_between_two_bundles_the_edited_one_is_named(tmp_path, base_plan):
    """A record the plan has not seen yet, in two bundles: the one lacking a field the other
    holds (and its vv covers) is refused, whichever order they come in."""
    path, _ = base_plan
    with copy_plan(path, tmp_path / "a.json", "Pokja A") as a, \
            copy_plan(path, tmp_path / "b.json", "Pokja B") as b, PlanStore.open(path, durable=False) as sec:
        item = a.add(SwotItem(pillar="economy", quadrant="S", text="Pasar ramai"))
        b.merge_in(a.states())
        good = as_bundle(a, "bundel-a")
        broken = as_bundle(b, "bundel-b")
        state = next(s for s in broken.states if s.id == item.id)
        del state.fields["text"]
        for order in ([good, broken], [broken, good]):
            with pytest.raises(MergeError) as err:
                preview(sec, order)
            assert err.value.key == "erases_field" and "bundel-b" in err.value.message("en")
            assert "'text'" in err.value.message("en") and "Pasar ramai" in err.value.message("en")


def test_honest_bundles_still_merge_a_cleared_value_and_a_field_never_seen(tmp_path, base_plan):
    """A clear travels as a value-less sibling with its own dot; a field the secretariat
    filled after the copies were handed out is one the bundle has not seen. Neither is
    refused, and the merge does what it always did."""
    path, pid = base_plan
    with copy_plan(path, tmp_path / "a.json", "Pokja A") as a:
        a.update(pid, budget_by_source={})  # the only budget cell emptied
        bundle = read_bundle(_export(a, tmp_path / "out"))
    cell = next(s for s in bundle.states if s.id == pid).fields["budget_apbd_2025"]
    assert [sib.value for sib in cell] == [None]
    with PlanStore.open(path, durable=False) as sec:
        sec.update(pid, location="Pasar Legi")
        report = apply(sec, [bundle])
        assert report.written == 1
        assert sec.get(pid).location == "Pasar Legi" and not sec.get(pid).budget_by_source
