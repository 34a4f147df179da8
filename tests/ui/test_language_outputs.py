"""What the commands print and write is in one language too: the draft (`render`, Markdown
and HTML), the sheets (`sheet export`), `stats`, `validate` and `conflicts`, each in Bahasa
Indonesia and in English, hold no word of the other language, once the officers' own texts
(the sample plan is written in Indonesian) are taken out. The screens' walk is
test_language.py; both use language_support.py's words.

Here (tests/ui) rather than in tests/cli for the words the two walks share."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from exchange_support import copy_sample_plan, merge_samples
from language_support import foreign_in_output, own_words, plan_texts

from smartcity_tui.cli import main
from smartcity_tui.i18n import CATALOGS
from smartcity_tui.store import PlanStore

LANGS = ("id", "en")


@pytest.fixture(scope="module")
def conflicted_plan(tmp_path_factory) -> tuple[Path, re.Pattern]:
    """The sample plan with the three groups' drafts merged in: it has conflicts to list."""
    plan = copy_sample_plan(tmp_path_factory.mktemp("outputs"))
    merge_samples(plan)
    with PlanStore.open(plan, readonly=True) as store:
        return plan, own_words(plan_texts(store.plan()))


def run(capsys, *args: str) -> str:
    try:
        main(list(args))
    except SystemExit:
        pass
    out = capsys.readouterr()
    return out.out + out.err


def _html_text(html: str) -> str:
    body = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", html)
    body = re.sub(r"<(?:/p|br|/tr|/h\d|/li|/caption|/th|/td)[^>]*>", "\n", body)
    return re.sub(r"<[^>]+>", " ", body).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def outputs(capsys, plan: Path, lang: str, tmp: Path) -> dict[str, str]:
    found = {cmd: run(capsys, "--lang", lang, cmd, str(plan)) for cmd in ("stats", "validate", "conflicts")}
    found["render md"] = run(capsys, "--lang", lang, "render", str(plan))
    html = tmp / f"book-{lang}.html"
    run(capsys, "--lang", lang, "render", str(plan), "--format", "html", "--out", str(html))
    found["render html"] = _html_text(html.read_text(encoding="utf-8"))
    sheets = tmp / f"sheets-{lang}"
    found["sheet export"] = run(capsys, "sheet", "--lang", lang, "export", str(plan), str(sheets))
    for table in sorted(sheets.glob("*.csv")):
        with table.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))  # as Excel opens them on an Indonesian Windows
        found[f"sheet {table.name}"] = "\n".join("\t".join(row) for row in rows)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_output_is_in_one_language(lang, conflicted_plan, capsys, tmp_path):
    plan, own = conflicted_plan
    shown = outputs(capsys, plan, lang, tmp_path)
    assert any(name.startswith("sheet ") and name.endswith(".csv") for name in shown), sorted(shown)
    assert all(text.strip() for text in shown.values()), [k for k, v in shown.items() if not v.strip()]
    bad = {name: hits for name, text in shown.items()
           if (hits := foreign_in_output(text, lang, own, csv=name.endswith(".csv")))}
    assert bad == {}, f"{lang}: words of the other language in {bad}"


def test_the_check_finds_a_planted_word(conflicted_plan, capsys, tmp_path, monkeypatch):
    """The walk can fail: an English word in an Indonesian message of the draft is reported."""
    plan, own = conflicted_plan
    monkeypatch.setitem(CATALOGS["id"], "doc.sec.vision", "Vision")
    draft = run(capsys, "--lang", "id", "render", str(plan))
    assert any("Vision" in hit for hit in foreign_in_output(draft, "id", own))


@pytest.mark.parametrize("lang, decimal, quarter", [("id", "76,5 (2024)", "TW I"), ("en", "76.5 (2024)", "Q1")])
def test_the_draft_writes_numbers_and_quarters_the_language_s_way(lang, decimal, quarter, conflicted_plan, capsys):
    plan, _own = conflicted_plan
    draft = run(capsys, "--lang", lang, "render", str(plan))
    assert decimal in draft and f"| {quarter} |" in draft


def test_the_version_option_is_explained_in_indonesian(capsys):
    assert "tampilkan nomor versi lalu keluar" in run(capsys, "--help")
