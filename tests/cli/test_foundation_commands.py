"""new, stats, validate, restore and --version, as a person at a terminal sees them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from cli_support import SAMPLE, run

from smartcity_tui import __version__
from smartcity_tui.model import Programme
from smartcity_tui.model.vocab import PILLAR_KEYS
from smartcity_tui.store import PlanStore

NEW_ARGS = ["--region", "Wonosari", "--kind", "kabupaten", "--province", "Jawa Tengah",
            "--start", "2025", "--end", "2029", "--team", "Pokja 1"]


def test_new_creates_a_plan_that_opens(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    code, out, _ = run(capsys, "new", str(plan), *NEW_ARGS)
    assert code == 0 and "Wonosari" in out
    with PlanStore.open(plan, readonly=True) as store:
        info = store.plan().info
        assert (info.region, info.region_kind, info.start_year, info.end_year) == ("Wonosari", "kabupaten", 2025, 2029)
        assert store.team == "Pokja 1"


def test_new_refuses_to_overwrite(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    plan.write_text("precious", encoding="utf-8")
    code, _, err = run(capsys, "new", str(plan), *NEW_ARGS)
    assert code == 2
    assert plan.read_text(encoding="utf-8") == "precious"
    assert err.count("\n") == 1 and "sudah ada" in err


def test_new_given_a_folder_asks_for_a_file_name_in_it(tmp_path, capsys):
    code, _, err = run(capsys, "new", str(tmp_path), *NEW_ARGS)
    assert code == 2 and err.count("\n") == 1
    assert "adalah folder" in err and "rencana-induk.json" in err and "sudah ada" not in err, err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad, words", [
    (["--start", "2029", "--end", "2025"], "lebih awal"),
    (["--start", "duaribu"], "bukan tahun"),
    (["--start", "1800"], "dari 1900 sampai 2200"),
    (["--kind", "desa"], "desa"),
])
def test_new_bad_arguments_one_line_exit_2(tmp_path, capsys, bad, words):
    args = list(NEW_ARGS)
    for i in range(0, len(bad), 2):
        args[args.index(bad[i]) + 1] = bad[i + 1]
    code, _, err = run(capsys, "new", str(tmp_path / "p.json"), *args)
    assert code == 2
    assert err.count("\n") == 1 and words in err
    assert "Traceback" not in err
    assert not (tmp_path / "p.json").exists()


def test_stats_json_has_the_documented_shape(capsys):
    code, out, _ = run(capsys, "stats", str(SAMPLE), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["plan"]["region"] == "Wonosari Raya"
    assert set(data["pillars"]) == set(PILLAR_KEYS)
    for counts in data["pillars"].values():
        assert set(counts) == {"swot", "strategies", "programmes", "quick_wins", "milestones", "indicators"}
        assert set(counts["swot"]) == {"S", "W", "O", "T"}
    with PlanStore.open(SAMPLE, readonly=True) as store:
        plan = store.plan()
        assert data["pillars"]["economy"]["programmes"] == len(plan.programmes_for("economy"))
        assert data["pillars"]["living"]["swot"]["W"] == len(plan.swot_for("living", "W"))


def test_stats_table_in_both_languages(capsys):
    _, out_id, _ = run(capsys, "stats", str(SAMPLE))
    _, out_en, _ = run(capsys, "--lang", "en", "stats", str(SAMPLE))
    assert "Dimensi" in out_id and "Smart Environment" in out_id
    assert "Pillar" in out_en and "Dimensi" not in out_en


def test_validate_exit_1_on_error_and_names_it(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        store.add(Programme(pillar="economy", name="Pasar malam", start_year=2031, end_year=2030))
    code, out, _ = run(capsys, "validate", str(plan))
    assert code == 1
    assert "Pasar malam" in out and "KESALAHAN" in out
    code, out, _ = run(capsys, "validate", str(plan), "--json")
    data = json.loads(out)
    assert code == 1 and data["errors"] >= 2
    codes = {f["code"] for f in data["findings"]}
    assert {"programme.end_before_start", "programme.outside_period"} <= codes


def test_validate_clean_sample_exits_0(capsys):
    code, out, _ = run(capsys, "validate", str(SAMPLE))
    assert code == 0 and "0 kesalahan" in out


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe garbage", b'{"_meta": {}}'])
def test_unreadable_plan_one_line_exit_2_unchanged(tmp_path, capsys, content):
    plan = tmp_path / "plan.json"
    plan.write_bytes(content)
    for cmd in ("stats", "validate"):
        code, out, err = run(capsys, cmd, str(plan))
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and "tidak dapat dibaca" in err
    assert plan.read_bytes() == content


def test_missing_plan_says_how_to_create_one(tmp_path, capsys):
    code, _, err = run(capsys, "stats", str(tmp_path / "nope.json"))
    assert code == 2 and "smartcity-tui new" in err


def test_restore_puts_back_the_newest_good_backup(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    with PlanStore.open(plan) as store:  # first write of a session takes a backup
        store.set_info(vision="Visi sebelum rusak")
    good = plan.read_bytes()
    plan.write_bytes(b"\x00\x00 torn")
    code, _, err = run(capsys, "stats", str(plan))
    assert code == 2 and "plan.backup-1.json" in err
    code, out, _ = run(capsys, "restore", str(plan))
    assert code == 0
    assert (tmp_path / "plan.json.broken-1").read_bytes() == b"\x00\x00 torn"
    with PlanStore.open(plan, readonly=True) as store:
        assert store.plan().info.region == "Wonosari Raya"
    assert plan.read_bytes() != good  # the backup predates the session's edit, as it should


def test_restore_refuses_a_plan_the_app_has_open_and_changes_nothing(tmp_path, capsys):
    # the open app would write its copy over the restored file at its next edit
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi sesi ini")  # takes a backup
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
        code, out, err = run(capsys, "restore", str(plan))
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and "sedang dibuka" in err
        assert "--break-lock" not in err  # the app is running: breaking its lock cannot help
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
        store.set_info(vision="Masih tersimpan")  # the app's lock is still its own
    assert not (tmp_path / "plan.json.lock").exists()


def test_restore_takes_the_lock_while_it_works_and_gives_it_back(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    shutil.copy(SAMPLE, plan)
    with PlanStore.open(plan) as store:
        store.set_info(vision="Visi sebelum rusak")
    plan.write_bytes(b"torn")
    code, _, _ = run(capsys, "restore", str(plan))
    assert code == 0 and not (tmp_path / "plan.json.lock").exists()
    with PlanStore.open(plan) as store:  # opens: no lock left behind
        assert store.plan().info.region == "Wonosari Raya"


def test_version_and_no_traceback_from_the_real_process(tmp_path):
    exe = [sys.executable, "-m", "smartcity_tui"]
    r = subprocess.run(exe + ["--version"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert r.returncode == 0 and __version__ in r.stdout
    r = subprocess.run(exe + ["stats", str(tmp_path / "x.json")], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, encoding="utf-8")
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1


@pytest.mark.parametrize("argv, words", [
    (["stats"], "argumen berikut wajib diisi: PLAN"),
    (["new", "x.json", "--kind", "desa"], "pilihan 'desa' tidak dikenal"),
    (["stats", "a.json", "b.json"], "argumen tidak dikenal: b.json. Lihat 'smartcity-tui stats --help'"),
    (["--lang", "merge", "a.json", "b"], "pilihan 'merge' tidak dikenal; pilih salah satu: 'id', 'en'. Lihat 'smartcity-tui --help'"),
])
def test_usage_errors_are_all_indonesian(capsys, argv, words):
    code, _, err = run(capsys, *argv)
    assert code == 2 and words in err and err.count("\n") == 1
    for english in ("required", "invalid choice", "unrecognized", "See '"):
        assert english not in err


def test_usage_errors_in_english_on_request(capsys):
    code, _, err = run(capsys, "--lang", "en", "stats")
    assert code == 2 and "the following arguments are required: PLAN" in err and "Lihat" not in err


def test_redirected_output_is_utf8_whatever_the_code_page(capsys):
    """A Windows machine writes redirected output in cp1252, which has no '≥' or emoji:
    the report must come out whole, in UTF-8, not as a traceback."""
    import io

    from smartcity_tui.cli import robust_streams

    raw = io.BytesIO()
    redirected = io.TextIOWrapper(raw, encoding="cp1252")
    robust_streams([redirected])
    redirected.write("Target ≥ 80% ★ ✓\n")
    redirected.flush()
    assert raw.getvalue().decode("utf-8") == "Target ≥ 80% ★ ✓\n"

    class Console(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    shown = io.BytesIO()
    console = Console(shown, encoding="cp1252")
    robust_streams([console])
    console.write("Target ≥ 80%\n")
    console.flush()
    assert shown.getvalue() == "Target ? 80%\n".encode("cp1252")
