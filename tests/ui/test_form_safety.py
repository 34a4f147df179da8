"""What an officer types is never lost (issue 10 #9, issue 13 #1 and #6):
- a save that fails (a full disk, a plan file replaced by another program) leaves the form
  open with everything typed and the error in it, until the write succeeds or the officer
  cancels; the plan is as it was;
- escape on a form with changes asks (simpan / buang / lanjut mengisi); on an untouched form it
  just closes;
- a pre-filled year is typed over, and a dropdown does not wrap around from its last choice;
- Tab goes round a form's fields and buttons, never to its frame.
Every kind of form is walked (form_openers.py)."""

from __future__ import annotations

import errno
import importlib
import json
import os
import pkgutil
import shutil

import pytest
from form_openers import OPENERS, Opener, append, open_form, saved_text, typed
from plan_screens_support import build_full_plan, open_app
from textual.widgets import Input, Select, Static

from smartcity_tui.store import storage
from smartcity_tui.ui.screens.conflict_edit import ConflictEditForm
from smartcity_tui.ui.screens.first_run import FirstRunScreen
from smartcity_tui.ui.screens.form import FormScreen, SavingForm
from smartcity_tui.ui.screens.leave_form import LeaveForm
from smartcity_tui.ui.screens.milestone_form import MilestoneForm
from smartcity_tui.ui.screens.programme_form import ProgrammeForm

TYPED = " (diketik sebelum disk penuh)"


@pytest.fixture
def plan_path(tmp_path):
    return build_full_plan(tmp_path / "rencana.json")


@pytest.fixture
def app(plan_path):
    app, store = open_app(plan_path)
    yield app
    store.close()


def said_in_form(form) -> str:
    box = form.query_one("#form-errors" if isinstance(form, ProgrammeForm) else "#save-error", Static)
    return str(box.render()) if box.display and box.has_class("-shown") else ""


def full_disk(monkeypatch) -> None:
    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write_parts", no_space)


def test_every_form_of_the_app_is_walked():
    import smartcity_tui.ui.screens as screens

    for info in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"{screens.__name__}.{info.name}")
    # (the app's forms only: test modules of the same run define forms of their own)
    forms = {f for f in _subclasses(SavingForm) if f.__module__.startswith("smartcity_tui.")} - {FormScreen}
    # the conflict edit form is walked in test_conflict_trust.py (it needs a merged plan); the
    # first-run form writes no record (it creates the plan file)
    assert forms - {o.form for o in OPENERS} == {ConflictEditForm, FirstRunScreen}


def _subclasses(cls: type) -> set[type]:
    out: set[type] = set()
    for sub in cls.__subclasses__():
        out |= {sub} | _subclasses(sub)
    return out


@pytest.mark.parametrize("opener", OPENERS, ids=lambda o: o.name)
async def test_a_failed_save_keeps_the_form_open_with_what_was_typed(app, plan_path, monkeypatch, opener: Opener):
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, opener)
        append(form, opener.field, TYPED)
        was_typed = typed(form, opener.field)
        before = plan_path.read_bytes()
        full_disk(monkeypatch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "the form must stay open when its save failed"
        assert typed(form, opener.field) == was_typed
        message = said_in_form(form)
        assert "TIDAK tersimpan" in message and "disk" in message, message
        assert "simpan lagi" in message, "the form says the text is still there to save again"
        assert app.save_failed and "TIDAK tersimpan" in app.save_note
        assert plan_path.read_bytes() == before
        assert TYPED not in saved_text(app.store, opener)

        monkeypatch.undo()  # room on the disk again: the same form saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, opener.form), "saved: the form closes"
        assert TYPED.strip() in saved_text(app.store, opener)
        assert not app.save_failed


async def test_a_plan_replaced_by_another_program_keeps_the_form_and_says_to_reopen(app, plan_path, tmp_path):
    copy = tmp_path / "salinan.json"
    shutil.copyfile(plan_path, copy)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, OPENERS[0])
        field = append(form, "text", " (sesudah git pull)")
        # another program puts another save in place (git pull, OneDrive, a copy dragged over it)
        data = json.loads(copy.read_bytes())
        data["_meta"]["1"]["counter"] += 1
        data["_meta"]["1"]["saved_at"] = "2026-11-22T15:00:00+07:00"
        copy.write_bytes(json.dumps(data).replace("Aplikasi layanan izin", "Aplikasi izin (versi git)").encode())
        os.replace(copy, plan_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and field.value.endswith("(sesudah git pull)")
        message = said_in_form(form)
        assert "diganti program lain" in message and "buka lagi" in message, message
    assert b"(versi git)" in plan_path.read_bytes(), "the other program's version was not overwritten"


@pytest.mark.parametrize("opener", OPENERS, ids=lambda o: o.name)
async def test_escape_asks_only_when_something_was_typed(app, opener: Opener):
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, opener)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (opener.form, LeaveForm)), "an untouched form just closes"

        form = await open_form(pilot, opener)
        append(form, opener.field, " (setengah jadi)")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveForm), "typed work is not thrown away without a word"
        await pilot.press("escape")  # lanjut mengisi
        await pilot.pause()
        assert app.screen is form and typed(form, opener.field).endswith("(setengah jadi)")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")  # simpan, from the question
        await pilot.pause()
        assert not isinstance(app.screen, (opener.form, LeaveForm))
        assert "(setengah jadi)" in saved_text(app.store, opener)

        form = await open_form(pilot, opener)
        append(form, opener.field, " (dibuang)")
        await pilot.press("escape", "b")  # buang
        await pilot.pause()
        assert not isinstance(app.screen, (opener.form, LeaveForm))
        assert "(dibuang)" not in saved_text(app.store, opener)


async def test_tab_goes_round_the_fields_and_buttons_never_the_form_s_frame(app):
    """Tab from the last button comes back to the first field: no stop on the form's frame,
    where nothing would show the officer where the cursor went."""
    async with app.run_test(size=(100, 30)) as pilot:
        for opener in {o.form: o for o in OPENERS}.values():
            form = await open_form(pilot, opener)
            chain = form.focus_chain
            assert [w for w in chain if w.has_class("form") or w.id == "form-body"] == [], opener.name
            assert form.query_one(f"#{opener.field}") in chain, opener.name
            if opener.name == "swot":  # Tab itself, once round and back
                start = app.focused
                stops = []
                for _ in chain:
                    await pilot.press("tab")
                    stops.append(app.focused)
                assert stops[-1] is start and set(stops) == set(chain)
            await pilot.press("escape")
            await pilot.pause()


async def test_a_prefilled_year_is_typed_over(app):
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, next(o for o in OPENERS if o.form is MilestoneForm))
        year = form.query_one("#year", Input)
        assert year.value == "2025"
        await pilot.press("tab")  # title -> deliverable
        await pilot.press("tab")  # -> year: what is there is selected
        assert app.focused is year
        await pilot.press("2", "0", "2", "6")
        assert year.value == "2026"


async def test_enter_on_a_dropdown_goes_on_to_the_next_field(app):
    """The form's hint says "enter: isian berikutnya", and so it is on a list of choices too:
    Enter on the closed list moves on (its choice kept), Space opens it, Enter in the open
    list chooses and leaves the cursor there, and the next Enter moves on. (Enter used to
    open the list every time: the cursor never left the field.)"""
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, next(o for o in OPENERS if o.name == "swot"))
        element = form.query_one("#element", Select)
        element.focus()
        await pilot.pause()
        before = element.value
        await pilot.press("enter")
        await pilot.pause()
        assert form.focused is form.query_one("#subtopic", Input) and element.value == before
        element.focus()
        await pilot.press("space")
        await pilot.pause()
        assert element.expanded, "space opens the list"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert element.value != before and form.focused is element
        await pilot.press("enter")
        await pilot.pause()
        assert form.focused is form.query_one("#subtopic", Input)


async def test_a_dropdown_stops_at_its_last_choice(app):
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(pilot, next(o for o in OPENERS if o.name == "readiness"))
        rating = form.query_one("#rating", Select)
        rating.focus()
        await pilot.press("space")  # open the list of ratings
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "down")  # more downs than choices
        await pilot.press("enter")
        await pilot.pause()
        assert rating.value == "kurang", "the last choice, not back round to the first"
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("up", "up", "up", "up", "up", "enter")
        await pilot.pause()
        assert rating.value == "baik", "the first choice, not round to the last"


async def test_a_new_programme_saved_again_after_a_half_failed_save_is_one_programme(app, monkeypatch):
    real = storage.atomic_write_parts
    writes: list[int] = []

    def full_at_the_third(*args, **kwargs):  # the programme and one indicator, then a full disk
        writes.append(1)
        if len(writes) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("0", "1", "p", "n")
        form = app.screen
        assert isinstance(form, ProgrammeForm)
        form.query_one("#name", Input).value = "Program baru dua indikator"
        form.query_one("#start_year", Input).value = "2026"
        form.query_one("#end_year", Input).value = "2027"
        for name in ("Indikator satu", "Indikator dua"):
            await form._add_indicator()
            list(form.query(".ind-name").results(Input))[-1].value = name
        monkeypatch.setattr(storage, "atomic_write_parts", full_at_the_third)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "TIDAK tersimpan" in said_in_form(form)
        monkeypatch.setattr(storage, "atomic_write_parts", real)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        made = [p for p in app.store.plan().programmes if p.name == "Program baru dua indikator"]
        assert len(made) == 1, "the second save made a second programme"
        assert sorted(i.name for i in app.store.plan().indicators_of(made[0].id)) == ["Indikator dua", "Indikator satu"]
