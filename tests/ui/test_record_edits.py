"""The one write path and the add / edit / delete glue every list shares (ui/plan_writes.py,
ui/record_edits.py): what an officer sees when a programme is added, edited and deleted from
the programmes view, a write that fails (the plan unchanged, the failure handed back to
whoever asked), and the glue alone on a bare host (a cancelled form writes nothing)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from smartcity_tui.i18n import t
from smartcity_tui.model.records import Programme, SwotItem
from smartcity_tui.store import PlanWriteFailed, StoreError
from smartcity_tui.ui.plan_writes import PlanWrite
from smartcity_tui.ui.record_edits import RecordEdits
from smartcity_tui.ui.screens.form import SavingForm
from smartcity_tui.ui.screens.programme_form import ProgrammeForm
from smartcity_tui.ui.widgets.programme_table import ProgrammeView


def programmes(app) -> dict[str, Programme]:
    return {p.code: p for p in app.store.plan().programmes_for("governance")}


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_programme_is_added_edited_and_deleted_from_its_view(ui_app):
    app = ui_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "p")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProgrammeForm)
        form.query_one("#code", Input).value = "GOV-02"
        form.query_one("#name", Input).value = "Satu Data Sukamaju"
        form.query_one("#start_year", Input).value = "2026"
        form.query_one("#end_year", Input).value = "2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "GOV-02" in programmes(app), "the new programme was not saved"
        view = app.screen.query_one(ProgrammeView)
        assert "GOV-02" in [view.table.get_row_at(i)[0] for i in range(view.table.row_count)]

        view.select(programmes(app)["GOV-02"].id)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Satu Data Kabupaten Sukamaju"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert programmes(app)["GOV-02"].name == "Satu Data Kabupaten Sukamaju"

        await pilot.press("delete")
        await pilot.pause()
        assert "GOV-02" not in programmes(app)
        assert t("ui.deleted_undo_hint") in notes(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert programmes(app)["GOV-02"].name == "Satu Data Kabupaten Sukamaju"


async def test_a_failed_write_comes_back_to_whoever_asked_and_changes_nothing(ui_app, monkeypatch):
    from smartcity_tui.store import storage

    app = ui_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.store.plan().records.copy()
        got: dict[str, object] = {}

        def full_disk(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(storage, "atomic_write_parts", full_disk)
        item = SwotItem(pillar="economy", quadrant="O", text="Pasar digital kabupaten")
        app.post_message(PlanWrite.add(item, "tambah", then=lambda r: got.setdefault("then", r)))
        app.post_message(PlanWrite(lambda s: s.add(item), failed=lambda e: got.setdefault("failed", e)))
        await pilot.pause()
        assert "then" not in got
        assert isinstance(got["failed"], StoreError) and isinstance(got["failed"], PlanWriteFailed)
        assert app.store.plan().records == before
        assert app.save_failed and "TIDAK" in app.save_note

        monkeypatch.undo()
        ok = app.write(PlanWrite.add(item, "tambah", then=lambda r: got.setdefault("then", r)))
        assert ok and isinstance(got["then"], SwotItem) and got["then"].id in app.store.plan().records
        assert not app.save_failed


# --- the glue alone, on a bare host -------------------------------------------------------------


class Form(SavingForm[SwotItem]):
    """A form that saves (or cancels) as soon as it is shown, and says a failed save."""

    def __init__(self, answer: SwotItem | None) -> None:
        super().__init__()
        self.answer = answer
        self.said: list[StoreError | None] = []

    def compose(self) -> ComposeResult:
        yield Static("form")

    def on_mount(self) -> None:
        if self.answer is None:
            self.close_form(None)
        else:
            self.submit(self.answer)

    def snapshot(self) -> object:
        return self.answer

    def say_not_saved(self, error: StoreError | None) -> None:
        self.said.append(error)


class View(Static):
    def __init__(self) -> None:
        super().__init__("view")
        self.edits = RecordEdits(self)


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[PlanWrite] = []

    def compose(self) -> ComposeResult:
        yield View()

    def on_plan_write(self, message: PlanWrite) -> None:
        self.asked.append(message)


async def test_the_glue_writes_what_a_form_returns_and_nothing_when_it_is_cancelled():
    app = Host()
    item = SwotItem(pillar="economy", quadrant="S", text="UMKM terdata")
    async with app.run_test() as pilot:
        view = app.query_one(View)
        view.edits.add(Form(None), "tambah")
        await pilot.pause()
        assert app.asked == [], "a cancelled form wrote"
        assert not isinstance(app.screen, Form)
        form = Form(item)
        view.edits.add(form, lambda r: f"tambah {r.text}")
        await pilot.pause()
        assert len(app.asked) == 1
        assert app.screen is form, "the form waits for its write"
        app.asked[0].failed(PlanWriteFailed("rencana.json", reason="disk penuh"))
        await pilot.pause()
        assert app.screen is form, "a failed write leaves the form open"
        assert isinstance(form.said[-1], PlanWriteFailed), "and the form says why"
        form.submit(item)  # saved again
        await pilot.pause()
        assert len(app.asked) == 2 and form.said[-1] is None, "a new try clears the message"
        app.asked[1].then(item)  # as the app does once the store has added it
        await pilot.pause()
        assert app.screen is not form, "the form closes once its write is on disk"
        assert view.edits.take_selection() == item.id
        assert view.edits.take_selection() is None, "the selection is taken once"
        view.edits.edit(Form(item), "ubah")
        await pilot.pause()
        app.asked[2].then(item)
        await pilot.pause()
        assert view.edits.take_selection() == item.id, "an edited record keeps the cursor"
        view.edits.delete(item.id, "hapus")
        view.edits.delete(None, "hapus")
        await pilot.pause()
        assert len(app.asked) == 4 and app.asked[-1].undo_hint
