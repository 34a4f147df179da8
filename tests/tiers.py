"""Two tiers of tests: the quick tier, which the README's test command runs (`pytest`), and
the deep tier, which CI runs after it (`.ci/run`: `pytest --tier deep`). `pytest --tier all`
runs both in one go; a test or a file named on the command line runs whatever its tier.

Why two: on the 2-core machine the whole suite takes ~790 s of CPU (1,893 tests), 7.5 min
from a fresh clone idle and 9.5 min busy, and most of it is the app's tests going over the
same screens in every variant. Waiting that long for every change made people run the tests
less. The quick tier is every area and every screen once: the model, the store, bundles,
merges, the command line, the book, the sheets, the linters, each screen opened and used,
both languages, the snapshots of the main screens, the property tests with a tenth of their
examples. The deep tier is the rest of the depth: every form with every key, every screen at
80x24 and in both languages and the pseudo-language, long rounds of the secretariat, the
programs outside Python (LibreOffice, Chromium, pandoc, the one-file builds, writers killed
mid-save) and the property tests with all their examples. Nothing lands unless both pass.

A new test is in the quick tier unless its file (or the test itself) is listed here, with
why: list it when it is slow (more than a second or two) and goes over ground a quick test
already covers. The figures for each tier are in the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

TIERS = ("quick", "deep", "all")
TESTS = Path(__file__).resolve().parent

# Paths relative to tests/, a whole file or one test ("file.py::test_name", every
# parametrisation of it). The seconds are the file's wall time in a whole run on two cores.
DEEP: dict[str, str] = {
    # programs outside Python, and processes killed on purpose
    "store/test_crash.py": "writers killed at random moments, a minute of subprocesses (25 s)",
    "store/test_lock_race.py": "two processes racing for the lock (4 s)",
    "cli/test_merge_race.py": "merges racing in parallel processes (4 s)",
    "test_onefile.py": "builds the one-file app and runs it (12 s)",
    "sheets/test_sheet_onefile.py": "the one-file app reading sheets (6 s)",
    "sheets/test_sheet_libreoffice.py": "LibreOffice opens and saves the sheets (9 s)",
    "document/test_document_pdf.py": "Chromium prints the book to PDF (13 s)",
    "document/test_docx_layout.py": "pandoc and LibreOffice lay the Word file out (10 s)",
    "bundle/test_bundle_pandoc.py": "pandoc reads the Markdown draft (4 s)",
    # every form, every key: one form of each behaviour is in the quick tier
    "ui/test_form_safety.py": "Escape, Tab, failed saves in all thirteen forms (72 s)",
    "ui/test_form_keys.py": "F1 and F4 in every form (34 s)",
    "ui/test_programme_form_messages.py": "each bad programme field's message (25 s)",
    "ui/test_programme_snapshots.py": "the programme form drawn field by field (18 s)",
    "ui/test_form_keeps_stored.py": "unchanged fields kept, form by form (9 s)",
    "ui/test_programme_codes.py": "code suggestions in the programme form (7 s)",
    "ui/test_second_keys.py": "the second key of each action (4 s)",
    "ui/test_footer_keys.py": "the footer's keys on every screen (12 s)",
    "ui/test_keymap.py": "a user keymap over every screen (5 s)",
    "ui/test_paste_safety.py": "pastes into every kind of field (5 s)",
    "ui/test_paste_whole.py": "whole-record pastes (3 s)",
    "ui/test_pillar_move_key.py": "moving records between pillars (7 s)",
    # every screen in every language and size
    "ui/test_language.py": "F4 on every screen (18 s)",
    "ui/test_pseudo_language.py": "every screen in a made-up third language (18 s)",
    "ui/test_language_outputs.py": "every export in English (4 s)",
    "ui/test_language_book.py": "the book screen in English (5 s)",
    "ui/test_language_cuts.py": "English labels at 80 columns (3 s)",
    "ui/test_glyphs.py": "every screen on a terminal without box-drawing glyphs (7 s)",
    "ui/test_theme.py": "every screen in each theme (8 s)",
    "ui/test_too_small.py": "terminals too small for the app (4 s)",
    "ui/test_first_showing.py": "each screen's first frame (9 s)",
    # long rounds and files from the outside
    "ui/test_secretariat_round.py": "a whole round of the secretariat through the app (24 s)",
    "ui/test_saved_unchanged.py": "every screen opened and closed leaves the file as it was (16 s)",
    "ui/test_typed_paths.py": "typed paths of every kind in the file screens (24 s)",
    "ui/test_kota_cerdas.py": "a framework with other dimensions, screen by screen (8 s)",
    "ui/test_outside_framework.py": "records outside the framework (5 s)",
    "ui/test_who_and_copy.py": "who wrote what, and copies (7 s)",
    "ui/test_conflict_trust.py": "conflicts from untrusted bundles (7 s)",
    "ui/test_conflict_years.py": "year maps in conflicts (3 s)",
    "ui/test_export_book_and_sheets.py": "the book and sheets from the export screen (10 s)",
    "ui/test_export_said.py": "what the export screen says on each failure (5 s)",
    "ui/test_year_columns.py": "years as columns on every screen (4 s)",
    "ui/test_ticks.py": "the roadmap's ticks (3 s)",
    "ui/test_timeline_snapshots.py": "the timeline drawn in each state (6 s)",
    "ui/test_plan_info.py": "every plan-facts field (20 s)",
    "ui/test_timeline.py": "every milestone key on the timeline (20 s)",
    "ui/test_programme_form.py": "every programme field typed and checked (36 s)",
    "sheets/test_sheet_bad_corpus.py": "33 broken sheets from other programs (15 s)",
    "ui/test_read_only_plan.py": "each screen on a read-only plan (13 s)",
    # the limits, at their size
    "sheets/test_sheet_limits.py::test_a_million_rows_are_refused_in_bounded_memory": "a million rows (19 s)",
    "bundle/test_bundle_outside.py::test_the_manifest_keeps_a_big_teams_table_the_writer_could_write":
        "the largest teams table (11 s)",
    "bundle/test_bundle_outside.py::test_refused_with_one_clear_line[too_many_teams]": "too many teams (8 s)",
    "bundle/test_bundle_outside.py::test_teams_limits_are_named": "each teams limit (7 s)",
    "document/test_document_qa_book.py::test_markdown_line_breaks_in_cells_keep_words_apart_through_pandoc":
        "pandoc (9 s)",
    "merge/test_sample_bundles.py::test_every_order_gives_byte_identical_exports":
        "the sample bundles merged in every order (5 s; the merge laws are quick)",
    "merge/test_git_driver.py::test_a_long_lived_branch_merged_twice_loses_no_edit": "a branch's history (9 s)",
    "sheets/test_sheet_roundtrip.py::test_every_exported_csv_and_the_english_workbook_import_unchanged":
        "every CSV and the English workbook (10 s; the Indonesian workbook is quick)",
    "sheets/test_sheet_file_names.py::test_the_csv_exports_apostrophe_coming_back_in_an_xlsx_is_unchanged":
        "a CSV through a workbook (8 s)",
    # more of a screen than its first use
    "ui/test_export_screen.py::test_every_kind_says_whole_what_it_writes_at_80x24_in_both_languages":
        "every kind of export, both languages (11 s)",
    "ui/test_strategy_flow.py::test_the_question_about_items_of_the_wrong_kind_is_asked_again_after_f4":
        "F4 in the middle of a question (8 s)",
    "ui/test_save_feedback.py::test_a_new_record_is_selected_once_saved": "each kind of record (18 s)",
    "ui/test_search_screen.py::test_a_result_names_its_pillar_whole_on_a_narrow_screen": "a narrow screen (3 s)",
    "ui/test_search_screen.py::test_an_indicator_opens_its_programme_chosen_with_the_arrows": "(4 s)",
    "ui/test_search_screen.py::test_a_milestone_opens_its_pillar": "(3 s)",
    "ui/test_search_screen.py::test_readiness_and_missions_open_the_plan_screen": "(3 s)",
    "ui/test_conflict_screen.py::test_keep_both_is_undone_in_one_step": "(3 s)",
    "ui/test_conflict_screen.py::test_take_theirs_asks_which_when_two_other_teams_wrote_it": "(3 s)",
    "ui/test_roadmap_screen.py::test_at_80_columns_each_filter_keeps_its_value_on_its_line": "(4 s)",
    "ui/test_roadmap_screen.py::test_roadmap_filtered_snapshot": "(2 s)",
    # a screen's second and third uses (its first is quick); seconds of CPU in one process
    "ui/test_conflict_dependents.py::test_the_merge_summary_says_the_decision_that_may_follow": "(1.2 s)",
    "ui/test_conflict_dependents.py::test_the_milestone_added_before_the_rename_is_still_named_after_the_decision":
        "(1.2 s)",
    "ui/test_conflict_screen.py::test_keep_both_makes_two_records_in_one_undo_step": "(0.7 s)",
    "ui/test_dashboard.py::test_a_quick_win_opens_its_programme": "(0.9 s)",
    "ui/test_document_screen.py::test_a_member_added_to_the_body_under_the_cursor_goes_last_there": "(1.5 s)",
    "ui/test_document_screen.py::test_a_section_opened_and_saved_unchanged_writes_nothing": "(1.1 s)",
    "ui/test_document_screen.py::test_a_long_member_line_wraps_under_its_first_word_at_80_columns": "(0.8 s)",
    "ui/test_export_screen.py::test_the_worker_exports_the_plan_file_not_the_live_store": "(1.9 s)",
    "ui/test_export_screen.py::test_export_as_zip_in_english": "(0.9 s)",
    "ui/test_findings.py::test_help_and_palette_name_the_findings_key": "(1.3 s)",
    "ui/test_findings.py::test_a_sees_the_whole_plan_and_a_book_finding_opens_the_book": "(0.6 s)",
    "ui/test_import_screen.py::test_the_officer_maps_a_column_the_app_did_not_know": "(0.9 s)",
    "ui/test_import_screen.py::test_an_rpjmd_list_is_previewed_then_imported_as_one_undo_step": "(0.9 s)",
    "ui/test_import_screen.py::test_a_file_that_is_not_a_sheet_is_said_and_the_screen_stays": "(0.7 s)",
    "ui/test_keys.py::test_every_keyed_action_is_in_the_command_palette": "(1.4 s)",
    "ui/test_keys.py::test_a_notice_does_not_cover_the_help": "(0.9 s)",
    "ui/test_keys.py::test_a_remapped_key_works": "(0.7 s)",
    "ui/test_language_snapshots.py::test_timeline_in_english": "(1.4 s)",
    "ui/test_merge_screen.py::test_a_bundle_of_another_plan_is_refused_unless_an_empty_plan_adopts_it": "(2.6 s)",
    "ui/test_merge_screen.py::test_escape_from_the_preview_goes_back_to_choosing_and_then_out": "(2.3 s)",
    "ui/test_merge_snapshots.py::test_merge_bundles_chosen": "(1.1 s)",
    "ui/test_plan_facts_form.py::test_a_long_vision_shows_whole_in_the_form_at_80x24": "(1.0 s)",
    "ui/test_programme_view.py::test_the_cursor_stays_on_its_programme_through_sorts_and_refreshes": "(0.9 s)",
    "ui/test_programme_view.py::test_each_sort_key_orders_the_rows_and_says_so": "(0.7 s)",
    "ui/test_save_feedback.py::test_a_second_save_in_the_same_minute_is_seen": "(0.9 s)",
    "ui/test_search_screen.py::test_enter_opens_a_strategy_in_the_strategies_view": "(1.3 s)",
    "ui/test_search_screen.py::test_escape_backs_out_to_where_you_were": "(0.9 s)",
    "ui/test_strategy_flow.py::test_an_item_of_the_wrong_kind_is_asked_about_and_kept_on_a_second_save": "(1.9 s)",
    "ui/test_strategy_flow.py::test_a_pillar_without_swot_says_so_in_the_strategy_form": "(1.1 s)",
    "ui/test_swot_flow.py::test_filter_by_element": "(0.9 s)",
    "ui/test_swot_flow.py::test_arrows_walk_the_two_by_two": "(0.8 s)",
    "ui/test_undo_cursor.py::test_undo_of_a_milestone_delete_selects_it_on_the_timeline": "(1.3 s)",
    "ui/test_undo_cursor.py::test_undo_of_a_swot_delete_selects_the_item": "(0.8 s)",
    "ui/test_undo_cursor.py::test_undo_brings_back_the_last_item_of_a_long_quadrant_into_view": "(0.8 s)",
    # each bad cell's message in both languages, a workbook read each (bad_corpus has the rest)
    "sheets/test_sheet_messages.py::test_a_date_in_a_year_cell_is_shown_as_a_date": "(1.5 s)",
    "sheets/test_sheet_messages.py::test_a_quarter_that_is_none_gets_the_quarter_hint": "(0.9 s)",
    "sheets/test_sheet_messages.py::test_a_mission_list_that_is_none_gets_the_mission_hint": "(0.9 s)",
    "sheets/test_sheet_messages.py::test_a_total_row_under_an_rpjmd_list_says_its_dimensi_is_empty": "(0.8 s)",
    "sheets/test_sheet_percent.py::test_a_message_shows_the_percent_as_typed_in_the_languages_notation": "(0.9 s)",
    "sheets/test_sheet_budget_lines.py::test_the_refusal_is_in_english_with_lang_en": "(0.5 s)",
    "ui/test_document_screen.py::test_the_dasar_hukum_added_moved_edited_deleted_and_undone": "(2.2 s)",
    "ui/test_merge_screen.py::test_a_broken_bundle_is_named_with_its_file_and_left_out":
        "(1.3 s; the command line's tests refuse broken bundles in the quick tier)",
    "ui/test_strategy_flow.py::test_edit_keeps_citations_and_delete_undoes": "(1.5 s)",
    "ui/test_import_screen.py::test_a_bad_row_refuses_the_whole_file_with_its_place": "(0.8 s)",
    "ui/test_search_screen.py::test_results_appear_as_you_type": "(1.2 s; opening a result types a search)",
    # the tiers' own lists checked against the whole collection, in a pytest of its own
    "test_tiers.py::test_every_name_in_the_lists_is_a_collected_test": "(4 s with the next)",
    "test_tiers.py::test_the_quick_tier_holds_a_good_part_of_every_area": "(the same collection)",
}
# In every file: the same screen at the larger size (its 80x24 twin is quick), and the
# language switched on each screen (test_language.py's quick tests switch it).
DEEP_WHEREVER: dict[str, str] = {
    "[120x40]": "the larger terminal",
    "switching_language": "F4 on each screen",
}
# What the quick tier keeps of what DEEP names: one of each behaviour.
QUICK_EXCEPTIONS: tuple[str, ...] = (
    "ui/test_read_only_plan.py::test_deletes_undo_and_moves_are_refused_and_the_file_is_untouched",
    "ui/test_save_feedback.py::test_a_new_record_is_selected_once_saved[programme]",
    "ui/test_programme_form.py::test_editing_keeps_the_programme_id_and_its_untouched_fields",
    "ui/test_form_safety.py::test_a_failed_save_keeps_the_form_open_with_what_was_typed[swot]",
    "ui/test_language.py::test_the_footer_and_help_follow_the_switch",
)

_tier = "all"


def examples(count: int) -> int:
    """How many examples a property test draws: `count` in the deep tier, a tenth (at least
    ten) in the quick one, where it runs too."""
    return count if _tier != "quick" else max(10, count // 10)


def choose_tier(config: pytest.Config) -> str:
    """The tier of this run: --tier if given; else quick when pytest runs the whole suite
    (no paths on the command line), and all when it runs what was named."""
    global _tier
    asked = config.getoption("tier")
    if asked is None:
        named = config.args_source is not pytest.Config.ArgsSource.TESTPATHS
        asked = "all" if named else "quick"
    _tier = asked
    if asked == "quick":  # (the property tests that keep hypothesis's own count of examples)
        settings.register_profile("quick", max_examples=examples(100))
        settings.load_profile("quick")
    return asked


def is_deep(nodeid: str) -> bool:
    """Whether the test of this id ("tests/ui/test_x.py::test_y[p]") is in the deep tier."""
    path, _, rest = nodeid.removeprefix("tests/").partition("::")
    name = rest.rpartition("::")[2]  # (a test in a class)
    test, one = f"{path}::{name.partition('[')[0]}", f"{path}::{name}"
    if test in QUICK_EXCEPTIONS or one in QUICK_EXCEPTIONS:
        return False
    return (path in DEEP or test in DEEP or one in DEEP
            or any(pattern in name for pattern in DEEP_WHEREVER))


def is_property(item: pytest.Item) -> bool:
    """A hypothesis test: it runs in both tiers, with fewer examples in the quick one."""
    return bool(getattr(getattr(item, "obj", None), "is_hypothesis_test", False))


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the tests of this run's tier; the others are reported as deselected."""
    if _tier == "all":
        return
    keep, drop = [], []
    for item in items:
        deep = is_deep(item.nodeid)
        mine = is_property(item) or deep == (_tier == "deep")
        (keep if mine else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
